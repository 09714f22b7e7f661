import Foundation
import GRDB

/// A console account (an advocate or an admin). Staff data, never a resident's.
public struct Advocate: Sendable, Equatable, Codable {
    public enum Role: String, Sendable, Codable, CaseIterable { case advocate, admin }
    public let login: String
    public let role: Role
    public let passwordHash: String
    public let totpSecret: String?
    public let disabled: Bool
    public let teams: [String]
}

/// A console session, found by the hash of its cookie.
public struct AdvocateSession: Sendable, Equatable {
    public let login: String
    public let csrfToken: String
    public let createdAt: Date
    public let lastSeenAt: Date
}

/// An advocate team and the topics routed to it.
public struct Team: Sendable, Equatable, Codable {
    public let id: String
    public let title: String
    public let topics: [String]
    public let members: [String]
}

/// Why an account change was refused.
public enum AccountError: Error, Equatable, CustomStringConvertible {
    case exists(String), unknown(String), invalidLogin(String), unknownTeam(String)
    public var description: String {
        switch self {
        case .exists(let login): "advocate \(login) already exists"
        case .unknown(let login): "no advocate \(login)"
        case .invalidLogin(let login): "invalid login \"\(login)\": use 2–40 characters a–z, 0–9, '.', '_' or '-'"
        case .unknownTeam(let team): "no team \(team) (add it with --team on a new advocate or in the admin page)"
        }
    }
}

extension SQLiteStore: AccountStore {
    static func validLogin(_ login: String) -> Bool {
        (2...40).contains(login.count) && login.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || "._-".contains($0)) }
    }

    public func addAdvocate(login: String, role: Advocate.Role, passwordHash: String, teams: [String], now: Date) throws {
        guard Self.validLogin(login) else { throw AccountError.invalidLogin(login) }
        try pool.write { db in
            guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM advocate WHERE login = ?", arguments: [login]) == 0 else { throw AccountError.exists(login) }
            try db.execute(sql: "INSERT INTO advocate (login, role, password_hash, created_at) VALUES (?, ?, ?, ?)",
                           arguments: [login, role.rawValue, passwordHash, now.seconds])
            for team in teams {
                try db.execute(sql: "INSERT OR IGNORE INTO team (id, title) VALUES (?, ?)", arguments: [team, team])
                try db.execute(sql: "INSERT OR IGNORE INTO team_member (team_id, login) VALUES (?, ?)", arguments: [team, login])
            }
        }
    }

    public func advocate(login: String) throws -> Advocate? {
        try pool.read { db in try Self.fetchAdvocate(db, login: login) }
    }

    static func fetchAdvocate(_ db: Database, login: String) throws -> Advocate? {
        guard let row = try Row.fetchOne(db, sql: "SELECT login, role, password_hash, totp_secret, disabled FROM advocate WHERE login = ?", arguments: [login]) else { return nil }
        let teams = try String.fetchAll(db, sql: "SELECT team_id FROM team_member WHERE login = ? ORDER BY team_id", arguments: [login])
        return Advocate(login: row["login"], role: Advocate.Role(rawValue: row["role"]) ?? .advocate, passwordHash: row["password_hash"],
                        totpSecret: row["totp_secret"], disabled: row["disabled"], teams: teams)
    }

    public func advocates() throws -> [Advocate] {
        try pool.read { db in
            try String.fetchAll(db, sql: "SELECT login FROM advocate ORDER BY login").compactMap { try Self.fetchAdvocate(db, login: $0) }
        }
    }

    /// Disables (or re-enables) an account; disabling ends its sessions at once.
    public func setDisabled(login: String, _ disabled: Bool) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE advocate SET disabled = ? WHERE login = ?", arguments: [disabled, login])
            guard db.changesCount == 1 else { throw AccountError.unknown(login) }
            if disabled { try db.execute(sql: "DELETE FROM advocate_session WHERE login = ?", arguments: [login]) }
        }
    }

    /// Sets a new password hash and ends the account's sessions.
    public func setPassword(login: String, passwordHash: String) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE advocate SET password_hash = ? WHERE login = ?", arguments: [passwordHash, login])
            guard db.changesCount == 1 else { throw AccountError.unknown(login) }
            try db.execute(sql: "DELETE FROM advocate_session WHERE login = ?", arguments: [login])
        }
    }

    public func setTOTPSecret(login: String, secret: String?) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE advocate SET totp_secret = ? WHERE login = ?", arguments: [secret, login])
            guard db.changesCount == 1 else { throw AccountError.unknown(login) }
        }
    }

    public func setTeams(login: String, teams: [String]) throws {
        try pool.write { db in
            guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM advocate WHERE login = ?", arguments: [login]) == 1 else { throw AccountError.unknown(login) }
            try db.execute(sql: "DELETE FROM team_member WHERE login = ?", arguments: [login])
            for team in teams {
                try db.execute(sql: "INSERT OR IGNORE INTO team (id, title) VALUES (?, ?)", arguments: [team, team])
                try db.execute(sql: "INSERT INTO team_member (team_id, login) VALUES (?, ?)", arguments: [team, login])
            }
        }
    }

    // MARK: Sessions

    public func createSession(tokenHash: String, login: String, csrfToken: String, now: Date) throws {
        try pool.write { db in
            try db.execute(sql: "INSERT INTO advocate_session (token_hash, login, csrf_token, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [tokenHash, login, csrfToken, now.seconds, now.seconds])
        }
    }

    /// The session if it exists and is within both timeouts; touches its last-seen time. Expired sessions are deleted.
    public func session(tokenHash: String, now: Date, idle: TimeInterval, absolute: TimeInterval) throws -> AdvocateSession? {
        try pool.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT login, csrf_token, created_at, last_seen_at FROM advocate_session WHERE token_hash = ?", arguments: [tokenHash]) else { return nil }
            let created = Date(seconds: row["created_at"]), seen = Date(seconds: row["last_seen_at"])
            if now.timeIntervalSince(seen) > idle || now.timeIntervalSince(created) > absolute {
                try db.execute(sql: "DELETE FROM advocate_session WHERE token_hash = ?", arguments: [tokenHash])
                return nil
            }
            try db.execute(sql: "UPDATE advocate_session SET last_seen_at = ? WHERE token_hash = ?", arguments: [now.seconds, tokenHash])
            return AdvocateSession(login: row["login"], csrfToken: row["csrf_token"], createdAt: created, lastSeenAt: now)
        }
    }

    public func deleteSession(tokenHash: String) throws {
        try pool.write { db in try db.execute(sql: "DELETE FROM advocate_session WHERE token_hash = ?", arguments: [tokenHash]) }
    }

    // MARK: Teams and routing

    public func teams() throws -> [Team] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, title FROM team ORDER BY id").map { row in
                let id: String = row["id"]
                return Team(id: id, title: row["title"],
                            topics: try String.fetchAll(db, sql: "SELECT topic FROM team_route WHERE team_id = ? ORDER BY topic", arguments: [id]),
                            members: try String.fetchAll(db, sql: "SELECT login FROM team_member WHERE team_id = ? ORDER BY login", arguments: [id]))
            }
        }
    }

    public func addTeam(id: String, title: String) throws {
        guard Self.validLogin(id) else { throw AccountError.invalidLogin(id) }
        try pool.write { db in try db.execute(sql: "INSERT INTO team (id, title) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET title = excluded.title", arguments: [id, title]) }
    }

    /// Routes a topic (intent id or category) to a team; nil removes the route.
    public func setRoute(topic: String, team: String?) throws {
        try pool.write { db in
            if let team {
                guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM team WHERE id = ?", arguments: [team]) == 1 else { throw AccountError.unknownTeam(team) }
                try db.execute(sql: "INSERT INTO team_route (topic, team_id) VALUES (?, ?) ON CONFLICT(topic) DO UPDATE SET team_id = excluded.team_id", arguments: [topic, team])
            } else {
                try db.execute(sql: "DELETE FROM team_route WHERE topic = ?", arguments: [topic])
            }
        }
    }

    /// The team for a case: a route for its intent wins over one for its category.
    public func team(intent: String, category: String) async throws -> String? {
        try await pool.read { db in
            try String.fetchOne(db, sql: "SELECT team_id FROM team_route WHERE topic = ?", arguments: [intent])
                ?? String.fetchOne(db, sql: "SELECT team_id FROM team_route WHERE topic = ?", arguments: [category])
        }
    }

    public func setting(_ key: String) throws -> String? {
        try pool.read { db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key]) }
    }

    public func setSetting(_ key: String, _ value: String) throws {
        try pool.write { db in try db.execute(sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", arguments: [key, value]) }
    }

    /// Median minutes from opening to the first advocate line, over cases still held (for admin statistics).
    public func medianWaitMinutes() throws -> Double? {
        try pool.read { db in
            let waits = try Double.fetchAll(db, sql: """
                SELECT MIN(l.at) - c.opened_at FROM handoff_case c JOIN case_line l ON l.case_id = c.id AND l.author = 'advocate'
                GROUP BY c.id ORDER BY 1
                """)
            guard !waits.isEmpty else { return nil }
            return waits[waits.count / 2] / 60
        }
    }
}
