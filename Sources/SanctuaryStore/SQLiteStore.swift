import Foundation
import GRDB

/// The embedded store: one SQLite database in WAL mode in the data directory, through GRDB.
/// `secure_delete` overwrites deleted content, and purges checkpoint the WAL so erased rows do not linger.
public final class SQLiteStore: Sendable {
    public let path: String
    let pool: DatabasePool

    /// Opens (and migrates) `<directory>/sanctuary.sqlite`.
    public init(directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        path = (directory as NSString).appendingPathComponent("sanctuary.sqlite")
        // Only the service's user may read the database; SQLite gives -wal and -shm the database file's mode.
        if !FileManager.default.fileExists(atPath: path) {
            FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        chmod(path, 0o600)
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) { chmod(path + suffix, 0o600) }
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA secure_delete = ON")
        }
        configuration.busyMode = .timeout(10)
        pool = try DatabasePool(path: path, configuration: configuration)
        try Self.migrator.migrate(pool)
        chmod(path, 0o600)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            // Pseudonym secrets of rotation periods (random; destroyed after their period).
            try db.execute(sql: """
                CREATE TABLE key_period (period INTEGER PRIMARY KEY, secret BLOB NOT NULL, created_at REAL NOT NULL);
                -- Conversation state: language, menu position, opt-out, open case id. No text, no address.
                CREATE TABLE conversation (
                    key TEXT PRIMARY KEY, state BLOB NOT NULL, version INTEGER NOT NULL,
                    has_open_case INTEGER NOT NULL DEFAULT 0, updated_at REAL NOT NULL);
                -- Inbound messages already handled (keyed hash of the provider's id) and their sealed replies.
                CREATE TABLE processed_message (dedup_key TEXT PRIMARY KEY, sealed_replies BLOB, at REAL NOT NULL);
                -- Cases for advocates. The reply address is sealed with route_key and destroyed at close.
                CREATE TABLE handoff_case (
                    id TEXT PRIMARY KEY, conversation_key TEXT NOT NULL, level TEXT NOT NULL, intent TEXT NOT NULL,
                    category TEXT NOT NULL, language TEXT NOT NULL, channel TEXT NOT NULL, team TEXT,
                    claimed_by TEXT, opened_at REAL NOT NULL, updated_at REAL NOT NULL, closed_at REAL,
                    purge_at REAL, opted_out INTEGER NOT NULL DEFAULT 0, last_resident_at REAL, sealed_route BLOB);
                CREATE INDEX handoff_case_conversation ON handoff_case(conversation_key);
                CREATE TABLE case_key (case_id TEXT PRIMARY KEY, route_key BLOB, transcript_key BLOB NOT NULL);
                -- Transcript lines, scrubbed and sealed with the case's transcript key.
                CREATE TABLE case_line (
                    id INTEGER PRIMARY KEY AUTOINCREMENT, case_id TEXT NOT NULL, author TEXT NOT NULL,
                    advocate TEXT, sealed_text BLOB NOT NULL, at REAL NOT NULL);
                CREATE INDEX case_line_case ON case_line(case_id);
                -- Outbound messages waiting for a provider, sealed with the transit key; deleted once sent.
                CREATE TABLE outbox (
                    id INTEGER PRIMARY KEY AUTOINCREMENT, idempotency_key TEXT NOT NULL UNIQUE, channel TEXT NOT NULL,
                    case_id TEXT, conversation_key TEXT, sealed_message BLOB NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
                    next_attempt_at REAL NOT NULL, last_error TEXT, created_at REAL NOT NULL);
                CREATE INDEX outbox_due ON outbox(next_attempt_at);
                -- Aggregate counters only.
                CREATE TABLE message_count (
                    hour REAL NOT NULL, intent TEXT NOT NULL, language TEXT NOT NULL, channel TEXT NOT NULL,
                    count INTEGER NOT NULL, PRIMARY KEY (hour, intent, language, channel));
                CREATE TABLE delivery_count (day REAL NOT NULL, channel TEXT NOT NULL, outcome TEXT NOT NULL,
                    count INTEGER NOT NULL, PRIMARY KEY (day, channel, outcome));
                """)
        }
        migrator.registerMigration("v2-message-parts") { db in
            // Parts of a long SMS waiting for their siblings (Vonage), sealed with the transit key, minutes only.
            try db.execute(sql: """
                CREATE TABLE message_part (group_key TEXT NOT NULL, part INTEGER NOT NULL, total INTEGER NOT NULL,
                    sealed_part BLOB NOT NULL, at REAL NOT NULL, PRIMARY KEY (group_key, part));
                """)
        }
        migrator.registerMigration("v3-advocates") { db in
            // Advocates and admins of the console (staff, not residents), their sessions, teams and routing.
            try db.execute(sql: """
                CREATE TABLE advocate (login TEXT PRIMARY KEY, role TEXT NOT NULL, password_hash TEXT NOT NULL,
                    totp_secret TEXT, disabled INTEGER NOT NULL DEFAULT 0, created_at REAL NOT NULL);
                CREATE TABLE team (id TEXT PRIMARY KEY, title TEXT NOT NULL);
                CREATE TABLE team_member (team_id TEXT NOT NULL, login TEXT NOT NULL, PRIMARY KEY (team_id, login));
                -- Which team sees a topic: an intent id or a category (services, rights, sensitive, control).
                CREATE TABLE team_route (topic TEXT PRIMARY KEY, team_id TEXT NOT NULL);
                -- Sessions by SHA-256 of the cookie value; the cookie itself is never stored.
                CREATE TABLE advocate_session (token_hash TEXT PRIMARY KEY, login TEXT NOT NULL, csrf_token TEXT NOT NULL,
                    created_at REAL NOT NULL, last_seen_at REAL NOT NULL);
                CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                """)
        }
        migrator.registerMigration("v4-follow-up") { db in
            try db.execute(sql: "ALTER TABLE handoff_case ADD COLUMN followed_up INTEGER NOT NULL DEFAULT 0")
        }
        return migrator
    }

    /// Writes the WAL back into the database file and truncates it, so erased pages leave no copy behind.
    public func checkpoint() throws {
        try pool.writeWithoutTransaction { db in
            _ = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
    }

    /// Table names and column names (for the schema privacy test and the audit).
    public func schema() throws -> [(table: String, columns: [String])] {
        try pool.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%' ORDER BY name")
            return try tables.map { table in (table, try db.columns(in: table).map(\.name)) }
        }
    }

    /// Row count and oldest timestamp per table (for `sanctuary privacy audit`).
    public func inventory() throws -> [(table: String, rows: Int, oldest: Date?)] {
        let timeColumn = ["key_period": "created_at", "conversation": "updated_at", "processed_message": "at",
                          "handoff_case": "opened_at", "case_key": nil, "case_line": "at", "outbox": "created_at",
                          "message_count": "hour", "delivery_count": "day", "message_part": "at",
                          "advocate": "created_at", "team": nil, "team_member": nil, "team_route": nil, "advocate_session": "created_at", "setting": nil] as [String: String?]
        let tables = try schema()
        return try pool.read { db in
            try tables.map { table, _ in
                let rows = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
                var oldest: Date? = nil
                if let column = timeColumn[table] ?? nil, let value = try Double.fetchOne(db, sql: "SELECT MIN(\(column)) FROM \(table)") {
                    oldest = Date(timeIntervalSince1970: value)
                }
                return (table, rows, oldest)
            }
        }
    }
}

extension Date {
    var seconds: Double { timeIntervalSince1970 }
    init(seconds: Double) { self.init(timeIntervalSince1970: seconds) }
}
