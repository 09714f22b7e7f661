import Foundation

extension SQLiteStore {
    /// What each table holds, in words an auditor can check against the schema.
    public static let tableDescriptions: [String: String] = [
        "key_period": "random secrets of pseudonym rotation periods; destroyed after the following period",
        "conversation": "per pseudonymous conversation key: language, menu position, opt-out flag, open case id; no text, no address",
        "processed_message": "keyed hashes of provider message ids (deduplication) with the bot's replies sealed under the transit key; 48 h",
        "handoff_case": "open and recently closed cases: level, intent, topic, language, channel, team, claiming advocate, times; the reply route sealed under the case's route key until close",
        "case_key": "per-case keys: route key (destroyed at close, DELETE or retention) and transcript key (destroyed at purge)",
        "case_line": "handoff transcript lines, scrubbed of phone numbers, ids, e-mail and names, sealed under the case's transcript key",
        "outbox": "outbound messages waiting for a provider, sealed under the transit key; deleted once sent or given up",
        "message_count": "aggregate counters: messages per hour, intent, language, channel",
        "delivery_count": "aggregate counters: outbound sends per day, channel, outcome",
        "message_part": "parts of a long SMS waiting for the rest, sealed under the transit key; minutes",
        "advocate": "console accounts (staff): login, role, bcrypt password hash, optional TOTP secret",
        "team": "advocate teams", "team_member": "which advocate is in which team", "team_route": "which team sees which topic",
        "advocate_session": "console sessions: SHA-256 of the session cookie, CSRF token, times",
        "setting": "console settings (out-of-hours text)",
    ]
}

/// Searches files for canary strings as UTF-8, UTF-16 (both byte orders), and for phone-like canaries also
/// their digits alone.
public enum CanarySearch {
    /// One file that contains a canary.
    public struct Hit: Sendable, Equatable {
        public let canary: String
        public let file: String
    }

    /// The byte patterns a canary could be stored as.
    public static func needles(for canary: String) -> [Data] {
        var variants = [canary]
        let digits = String(canary.unicodeScalars.filter { CharacterSet.decimalDigits.contains($0) }.map(Character.init))
        if digits.count >= 7, digits != canary { variants.append(digits) }
        return variants.flatMap { [Data($0.utf8), $0.data(using: .utf16LittleEndian)!, $0.data(using: .utf16BigEndian)!] }
    }

    /// Every file under the paths (directories are walked) that contains a canary.
    public static func search(canaries: [String], paths: [String]) -> [Hit] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                for name in (try? FileManager.default.subpathsOfDirectory(atPath: path)) ?? [] { files.append(path + "/" + name) }
            } else {
                files.append(path)
            }
        }
        var hits: [Hit] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            for canary in canaries where needles(for: canary).contains(where: { data.range(of: $0) != nil }) {
                hits.append(Hit(canary: canary, file: file))
            }
        }
        return hits
    }
}
