import Foundation
import GRDB

extension SQLiteStore: MessagePartStore {
    /// Stores one part of a long message; when the group is complete, returns all parts in order and deletes them.
    /// A repeated part (provider retry) is ignored.
    public func addPart(groupKey: String, part: Int, total: Int, sealed: Data, now: Date) async throws -> [Data]? {
        try await pool.write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO message_part (group_key, part, total, sealed_part, at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [groupKey, part, total, sealed, now.seconds])
            let rows = try Row.fetchAll(db, sql: "SELECT part, sealed_part FROM message_part WHERE group_key = ? ORDER BY part", arguments: [groupKey])
            guard rows.count >= total else { return nil }
            try db.execute(sql: "DELETE FROM message_part WHERE group_key = ?", arguments: [groupKey])
            return rows.map { $0["sealed_part"] as Data }
        }
    }

    /// Drops incomplete groups older than `before`.
    public func purgeParts(before: Date) async throws -> Int {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM message_part WHERE at < ?", arguments: [before.seconds])
            return db.changesCount
        }
    }
}
