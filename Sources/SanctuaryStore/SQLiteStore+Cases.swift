import Foundation
import GRDB
import SanctuaryConversation
import SanctuaryNLU

extension SQLiteStore: CaseStore {
    static let caseColumns = """
        id, conversation_key, level, intent, category, language, channel, team, claimed_by, opened_at, updated_at,
        closed_at, opted_out, last_resident_at
        """

    static func summary(_ row: Row) -> CaseSummary {
        CaseSummary(id: row["id"], conversationKey: row["conversation_key"],
                    level: HandoffLevel(rawValue: row["level"]) ?? .handoff, intent: row["intent"], category: row["category"],
                    language: row["language"], channel: row["channel"], team: row["team"], claimedBy: row["claimed_by"],
                    openedAt: Date(seconds: row["opened_at"]), updatedAt: Date(seconds: row["updated_at"]),
                    closedAt: (row["closed_at"] as Double?).map(Date.init(seconds:)), optedOut: row["opted_out"],
                    lastResidentAt: (row["last_resident_at"] as Double?).map(Date.init(seconds:)))
    }

    public func openCases() async throws -> [CaseSummary] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(Self.caseColumns) FROM handoff_case WHERE closed_at IS NULL
                ORDER BY CASE level WHEN 'urgent' THEN 0 ELSE 1 END, opened_at
                """).map(Self.summary)
        }
    }

    public func caseSummary(id: String) async throws -> CaseSummary? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT \(Self.caseColumns) FROM handoff_case WHERE id = ?", arguments: [id]).map(Self.summary)
        }
    }

    public func caseKeys(id: String) async throws -> CaseKeys? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT route_key, transcript_key FROM case_key WHERE case_id = ?", arguments: [id])
                .map { CaseKeys(addressKey: $0["route_key"], transcriptKey: $0["transcript_key"]) }
        }
    }

    public func sealedAddress(caseID: String) async throws -> Data? {
        try await pool.read { db in
            try Data.fetchOne(db, sql: "SELECT sealed_route FROM handoff_case WHERE id = ?", arguments: [caseID])
        }
    }

    public func transcript(caseID: String) async throws -> [SealedTranscriptLine] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT author, advocate, sealed_text, at FROM case_line WHERE case_id = ? ORDER BY id", arguments: [caseID]).map {
                SealedTranscriptLine(caseID: caseID, author: TranscriptAuthor(rawValue: $0["author"]) ?? .note, advocate: $0["advocate"],
                                     sealedText: $0["sealed_text"], at: Date(seconds: $0["at"]))
            }
        }
    }

    public func appendTranscript(_ line: SealedTranscriptLine) async throws {
        try await pool.write { db in
            try Self.insertLine(db, line)
            try db.execute(sql: "UPDATE handoff_case SET updated_at = ? WHERE id = ?", arguments: [line.at.seconds, line.caseID])
        }
    }

    public func claim(caseID: String, advocate: String?, now: Date) async throws -> Bool {
        try await pool.write { db in
            if let advocate {
                try db.execute(sql: "UPDATE handoff_case SET claimed_by = ?, updated_at = ? WHERE id = ? AND closed_at IS NULL AND (claimed_by IS NULL OR claimed_by = ?)",
                               arguments: [advocate, now.seconds, caseID, advocate])
            } else {
                try db.execute(sql: "UPDATE handoff_case SET claimed_by = NULL, updated_at = ? WHERE id = ? AND closed_at IS NULL", arguments: [now.seconds, caseID])
            }
            return db.changesCount == 1
        }
    }

    public func transfer(caseID: String, team: String?, now: Date) async throws {
        try await pool.write { db in
            try db.execute(sql: "UPDATE handoff_case SET team = ?, claimed_by = NULL, updated_at = ? WHERE id = ?", arguments: [team, now.seconds, caseID])
        }
    }

    public func close(caseID: String, now: Date, purgeAt: Date) async throws {
        try await pool.write { db in
            guard let key = try String.fetchOne(db, sql: "SELECT conversation_key FROM handoff_case WHERE id = ? AND closed_at IS NULL", arguments: [caseID]) else { return }
            // The way back to the resident is destroyed at once.
            try db.execute(sql: "UPDATE handoff_case SET closed_at = ?, purge_at = ?, sealed_route = NULL, updated_at = ? WHERE id = ?",
                           arguments: [now.seconds, purgeAt.seconds, now.seconds, caseID])
            try db.execute(sql: "UPDATE case_key SET route_key = NULL WHERE case_id = ?", arguments: [caseID])
            if purgeAt <= now { try Self.deleteCase(db, id: caseID) }
            // The conversation goes back to the bot.
            if let row = try Row.fetchOne(db, sql: "SELECT state FROM conversation WHERE key = ?", arguments: [key]) {
                var state = try JSONDecoder().decode(ConversationState.self, from: row["state"] as Data)
                if state.openCase?.id == caseID {
                    state.openCase = nil
                    state.awaiting = nil
                    try db.execute(sql: "UPDATE conversation SET state = ?, version = version + 1, has_open_case = 0 WHERE key = ?",
                                   arguments: [try Self.encoder.encode(state), key])
                }
            }
        }
        try checkpoint()
    }

    public func purgeClosedCases(now: Date) async throws -> Int {
        let count = try await pool.write { db in
            let ids = try String.fetchAll(db, sql: "SELECT id FROM handoff_case WHERE closed_at IS NOT NULL AND purge_at <= ?", arguments: [now.seconds])
            for id in ids { try Self.deleteCase(db, id: id) }
            return ids.count
        }
        if count > 0 { try checkpoint() }
        return count
    }
}

extension SQLiteStore: OutboxStore {
    public func enqueue(idempotencyKey: String, channel: String, caseID: String?, conversationKey: String?, sealedMessage: Data, now: Date) async throws {
        try await pool.write { db in
            try db.execute(sql: """
                INSERT OR IGNORE INTO outbox (idempotency_key, channel, case_id, conversation_key, sealed_message, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [idempotencyKey, channel, caseID, conversationKey, sealedMessage, now.seconds, now.seconds])
        }
    }

    public func due(now: Date, limit: Int) async throws -> [OutboxEntry] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, idempotency_key, channel, case_id, conversation_key, sealed_message, attempts, next_attempt_at
                FROM outbox WHERE next_attempt_at <= ? AND channel != 'web' ORDER BY next_attempt_at, id LIMIT ?
                """, arguments: [now.seconds, limit]).map {
                OutboxEntry(id: $0["id"], idempotencyKey: $0["idempotency_key"], channel: $0["channel"], caseID: $0["case_id"],
                            conversationKey: $0["conversation_key"], sealedMessage: $0["sealed_message"], attempts: $0["attempts"],
                            nextAttemptAt: Date(seconds: $0["next_attempt_at"]))
            }
        }
    }

    public func markSent(id: Int64) async throws {
        try await pool.write { db in
            let channel = try String.fetchOne(db, sql: "SELECT channel FROM outbox WHERE id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM outbox WHERE id = ?", arguments: [id])
            if let channel { try Self.countDelivery(db, channel: channel, outcome: "sent") }
        }
    }

    public func reschedule(id: Int64, attempts: Int, next: Date, error: String) async throws {
        try await pool.write { db in
            try db.execute(sql: "UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?",
                           arguments: [attempts, next.seconds, error, id])
        }
    }

    public func markFailed(id: Int64, error: String) async throws {
        try await pool.write { db in
            let channel = try String.fetchOne(db, sql: "SELECT channel FROM outbox WHERE id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM outbox WHERE id = ?", arguments: [id])
            if let channel { try Self.countDelivery(db, channel: channel, outcome: "failed") }
        }
    }

    static func countDelivery(_ db: Database, channel: String, outcome: String) throws {
        let day = (Date().seconds / 86400).rounded(.down) * 86400
        try db.execute(sql: """
            INSERT INTO delivery_count (day, channel, outcome, count) VALUES (?, ?, ?, 1)
            ON CONFLICT(day, channel, outcome) DO UPDATE SET count = count + 1
            """, arguments: [day, channel, outcome])
    }

    public func takeWebMessages(conversationKey: String) async throws -> [Data] {
        try await pool.write { db in
            let rows = try Row.fetchAll(db, sql: "SELECT id, sealed_message FROM outbox WHERE channel = 'web' AND conversation_key = ? ORDER BY id", arguments: [conversationKey])
            for row in rows { try db.execute(sql: "DELETE FROM outbox WHERE id = ?", arguments: [row["id"] as Int64]) }
            return rows.map { $0["sealed_message"] as Data }
        }
    }

    public func purgeUnpolledWebMessages(before: Date) async throws -> Int {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM outbox WHERE channel = 'web' AND created_at < ?", arguments: [before.seconds])
            return db.changesCount
        }
    }

    /// Messages still waiting to be sent (for readiness and the admin page).
    public func pendingOutbound() async throws -> Int {
        try await pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox") ?? 0 }
    }
}

extension SQLiteStore: StatisticsStore {
    public func statistics(since: Date) async throws -> [StatisticRow] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT hour, intent, language, channel, count FROM message_count WHERE hour >= ? ORDER BY hour",
                             arguments: [since.seconds]).map {
                StatisticRow(hour: Date(seconds: $0["hour"]), intent: $0["intent"], language: $0["language"], channel: $0["channel"], count: $0["count"])
            }
        }
    }
}

extension SQLiteStore {
    /// Open cases with no advocate line yet and no follow-up sent, opened before `before`.
    public func unansweredCases(openedBefore before: Date) async throws -> [CaseSummary] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(Self.caseColumns) FROM handoff_case c WHERE closed_at IS NULL AND followed_up = 0 AND opened_at < ?
                AND NOT EXISTS (SELECT 1 FROM case_line l WHERE l.case_id = c.id AND l.author = 'advocate')
                """, arguments: [before.seconds]).map(Self.summary)
        }
    }

    /// Marks a case as followed up (the timer fires once).
    public func markFollowedUp(caseID: String) async throws {
        try await pool.write { db in try db.execute(sql: "UPDATE handoff_case SET followed_up = 1 WHERE id = ?", arguments: [caseID]) }
    }
}
