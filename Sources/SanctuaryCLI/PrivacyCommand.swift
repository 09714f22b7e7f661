import ArgumentParser
import Foundation
import SanctuaryServer
import SanctuaryStore

/// `sanctuary privacy …`: the commands a city's privacy officer runs.
struct PrivacyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "privacy", abstract: "Privacy audit of a data directory.", subcommands: [PrivacyAuditCommand.self])
}

/// `sanctuary privacy audit`: the data inventory and a canary search of the database files, WAL, logs and data directory.
struct PrivacyAuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Print what the service keeps, and search everything on disk for canary values (exit 1 on any hit).",
        discussion: "Example: sanctuary privacy audit --data /var/lib/sanctuary --log /var/log/sanctuary.log --canary '+15550199731' --canary 'Marisol'")

    @Option(help: "Data directory (SANCTUARY_DATA, default ./data).") var data: String?
    @Option(help: "Configuration file of KEY=VALUE lines (for the retention settings).") var config: String?
    @Option(name: .customLong("canary"), help: "A value that must not be found (phone number, name, A-number…); repeatable.") var canaries: [String] = []
    @Option(name: .customLong("log"), help: "A log file or directory to search too; repeatable.") var logs: [String] = []
    @Flag(help: "JSON output.") var json = false

    func run() throws {
        let configuration: ServerConfiguration
        do { configuration = try ServerConfiguration.load(file: config) } catch {
            printError("sanctuary: \(error)")
            throw ExitCodeError.failure
        }
        let directory = data ?? configuration.dataDirectory
        guard FileManager.default.fileExists(atPath: directory + "/sanctuary.sqlite") else {
            printError("sanctuary: no database in \(directory) (use --data)")
            throw ExitCodeError.failure
        }
        // Search first, before this command opens the database and touches its WAL.
        let hits = CanarySearch.search(canaries: canaries, paths: [directory] + logs)
        let store = try SQLiteStore(directory: directory)
        let now = Date()
        let inventory = try store.inventory()
        let settings: [(String, String)] = [
            ("closed case transcripts kept", "\(configuration.retentionHours) h after close"),
            ("reply route of a case", "destroyed at close, DELETE, or transcript purge"),
            ("idle conversation state kept", "\(configuration.conversationIdleHours) h"),
            ("pseudonym secret rotation", "every \(configuration.keyRotationHours) h; previous period kept, older destroyed"),
            ("deduplication entries", "48 h"),
            ("delete messages at Twilio", configuration.twilioDeleteMessages ? "yes" : "no"),
        ]
        if json {
            let object: [String: Any] = [
                "tables": inventory.map { ["table": $0.table, "rows": $0.rows, "oldest_age_seconds": $0.oldest.map { Int(now.timeIntervalSince($0)) } as Any,
                                           "holds": SQLiteStore.tableDescriptions[$0.table] ?? ""] },
                "retention": Dictionary(uniqueKeysWithValues: settings),
                "canaries_searched": canaries.count, "hits": hits.map { ["canary_index": canaries.firstIndex(of: $0.canary) ?? -1, "file": $0.file] },
            ]
            print(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]), as: UTF8.self))
        } else {
            print("Data inventory of \(directory)")
            print(String(repeating: "-", count: 60))
            for entry in inventory {
                let age = entry.oldest.map { Self.age(now.timeIntervalSince($0)) } ?? "-"
                print("\(entry.table.padding(toLength: 18, withPad: " ", startingAt: 0)) \(String(entry.rows).leftPad(7)) rows   oldest \(age)")
                print("    " + (SQLiteStore.tableDescriptions[entry.table] ?? "(undocumented table)"))
            }
            print("\nRetention settings")
            for (name, value) in settings { print("  \(name): \(value)") }
            print("\nFiles in the data directory")
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted() { print("  \(name)") }
            print("\nCanary search: \(canaries.count) value(s) in \(directory)\(logs.isEmpty ? "" : " and " + logs.joined(separator: ", "))")
            if canaries.isEmpty { print("  (no --canary given)") }
            // Print the canary's position, not the canary itself, so the audit's own output is not a copy.
            for hit in hits { print("  HIT: canary #\((canaries.firstIndex(of: hit.canary) ?? 0) + 1) found in \(hit.file)") }
            if !canaries.isEmpty && hits.isEmpty { print("  no hits: nothing on disk or in the logs contains these values") }
        }
        if !hits.isEmpty { throw ExitCodeError.failure }
    }

    static func age(_ seconds: TimeInterval) -> String {
        if seconds < 3600 { return "\(Int(seconds / 60)) min" }
        if seconds < 86400 * 2 { return "\(Int(seconds / 3600)) h" }
        return "\(Int(seconds / 86400)) days"
    }
}

extension String {
    func leftPad(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
