import Foundation
import GRDB
import SanctuaryConversation

extension SQLiteStore: SecretStore {
    public func secret(period: Int, create: Bool) async throws -> Data? {
        if let existing = try await pool.read({ db in try Data.fetchOne(db, sql: "SELECT secret FROM key_period WHERE period = ?", arguments: [period]) }) {
            return existing
        }
        guard create else { return nil }
        return try await pool.write { db in
            if let raced = try Data.fetchOne(db, sql: "SELECT secret FROM key_period WHERE period = ?", arguments: [period]) { return raced }
            var bytes = [UInt8](repeating: 0, count: 32)
            for index in bytes.indices { bytes[index] = UInt8.random(in: 0...255) }
            let secret = Data(bytes)
            try db.execute(sql: "INSERT INTO key_period (period, secret, created_at) VALUES (?, ?, ?)",
                           arguments: [period, secret, Date().seconds])
            return secret
        }
    }

    public func destroySecrets(before period: Int) async throws -> Int {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM key_period WHERE period < ?", arguments: [period])
            return db.changesCount
        }
    }
}

extension SQLiteStore: ConversationStore {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }()

    public func conversation(key: String) async throws -> StoredConversation? {
        try await pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT state, version FROM conversation WHERE key = ?", arguments: [key]) else { return nil }
            let state = try JSONDecoder().decode(ConversationState.self, from: row["state"] as Data)
            return StoredConversation(key: key, state: state, version: row["version"])
        }
    }

    public func processed(dedupKey: String) async throws -> Data? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT sealed_replies FROM processed_message WHERE dedup_key = ?", arguments: [dedupKey])
                .map { ($0["sealed_replies"] as Data?) ?? Data() }
        }
    }

    public func commit(_ commit: StepCommit) async throws {
        let stateData = try commit.state.map { try Self.encoder.encode($0) }
        try await pool.write { db in
            let now = commit.now.seconds
            // Optimistic concurrency: the version must be the one the step read.
            if let dedup = commit.dedupKey {
                // A provider retry that raced the first delivery: the first one won; nothing is applied twice.
                if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM processed_message WHERE dedup_key = ?", arguments: [dedup]) ?? 0 > 0 {
                    throw DuplicateMessage()
                }
                try db.execute(sql: "INSERT INTO processed_message (dedup_key, sealed_replies, at) VALUES (?, ?, ?)",
                               arguments: [dedup, commit.sealedReplies, now])
            }
            let current = try Int.fetchOne(db, sql: "SELECT version FROM conversation WHERE key = ?", arguments: [commit.conversationKey])
            guard current == commit.expectedVersion else { throw VersionConflict() }
            if commit.eraseCases {
                try Self.eraseCases(db, conversationKey: commit.conversationKey)
            }
            if let stateData, let state = commit.state {
                try db.execute(sql: """
                    INSERT INTO conversation (key, state, version, has_open_case, updated_at) VALUES (?, ?, 1, ?, ?)
                    ON CONFLICT(key) DO UPDATE SET state = excluded.state, version = version + 1,
                        has_open_case = excluded.has_open_case, updated_at = excluded.updated_at
                    """, arguments: [commit.conversationKey, stateData, state.openCase != nil, now])
            } else {
                try db.execute(sql: "DELETE FROM conversation WHERE key = ?", arguments: [commit.conversationKey])
            }
            if let new = commit.newCase {
                try db.execute(sql: """
                    INSERT INTO handoff_case (id, conversation_key, level, intent, category, language, channel, team,
                        opened_at, updated_at, opted_out, last_resident_at, sealed_route)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [new.request.id, new.conversationKey, new.request.level.rawValue, new.request.intent,
                                     new.request.category.rawValue, new.request.language, new.channel, new.team,
                                     now, now, new.optedOut, now, new.sealedAddress])
                try db.execute(sql: "INSERT INTO case_key (case_id, route_key, transcript_key) VALUES (?, ?, ?)",
                               arguments: [new.request.id, new.addressKey, new.transcriptKey])
            }
            for line in commit.transcript {
                try Self.insertLine(db, line)
                if line.author == .resident {
                    try db.execute(sql: "UPDATE handoff_case SET last_resident_at = ?, updated_at = ? WHERE id = ?",
                                   arguments: [line.at.seconds, now, line.caseID])
                }
            }
            for (caseID, level) in commit.escalations {
                try db.execute(sql: "UPDATE handoff_case SET level = ?, updated_at = ? WHERE id = ?", arguments: [level.rawValue, now, caseID])
            }
            for (caseID, optedOut) in commit.optOuts {
                try db.execute(sql: "UPDATE handoff_case SET opted_out = ?, updated_at = ? WHERE id = ?", arguments: [optedOut, now, caseID])
            }
            let hour = (now / 3600).rounded(.down) * 3600
            for stat in commit.statistics {
                try db.execute(sql: """
                    INSERT INTO message_count (hour, intent, language, channel, count) VALUES (?, ?, ?, ?, 1)
                    ON CONFLICT(hour, intent, language, channel) DO UPDATE SET count = count + 1
                    """, arguments: [hour, stat.intent, stat.language, stat.channel])
            }
            for item in commit.outbox {
                try db.execute(sql: """
                    INSERT OR IGNORE INTO outbox (idempotency_key, channel, case_id, conversation_key, sealed_message, next_attempt_at, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [item.idempotencyKey, item.channel, item.caseID, commit.conversationKey, item.sealedMessage, now, now])
            }
        }
        if commit.eraseCases { try checkpoint() }
    }

    static func insertLine(_ db: Database, _ line: SealedTranscriptLine) throws {
        try db.execute(sql: "INSERT INTO case_line (case_id, author, advocate, sealed_text, at) VALUES (?, ?, ?, ?, ?)",
                       arguments: [line.caseID, line.author.rawValue, line.advocate, line.sealedText, line.at.seconds])
    }

    /// Deletes every case of a conversation with its keys, transcript and queued messages.
    static func eraseCases(_ db: Database, conversationKey: String) throws {
        let ids = try String.fetchAll(db, sql: "SELECT id FROM handoff_case WHERE conversation_key = ?", arguments: [conversationKey])
        for id in ids { try deleteCase(db, id: id) }
        try db.execute(sql: "DELETE FROM outbox WHERE conversation_key = ?", arguments: [conversationKey])
    }

    static func deleteCase(_ db: Database, id: String) throws {
        try db.execute(sql: "DELETE FROM case_key WHERE case_id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM case_line WHERE case_id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM handoff_case WHERE id = ?", arguments: [id])
    }

    public func purgeIdleConversations(before: Date) async throws -> Int {
        let count = try await pool.write { db in
            try db.execute(sql: "DELETE FROM conversation WHERE has_open_case = 0 AND updated_at < ?", arguments: [before.seconds])
            return db.changesCount
        }
        if count > 0 { try checkpoint() }
        return count
    }

    public func purgeProcessed(before: Date) async throws -> Int {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM processed_message WHERE at < ?", arguments: [before.seconds])
            return db.changesCount
        }
    }
}
