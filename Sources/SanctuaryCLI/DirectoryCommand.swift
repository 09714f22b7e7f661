import ArgumentParser
import Foundation
import SanctuaryDirectory
import SanctuaryText

/// `sanctuary directory`: import, validate and search the city's services directory (Open Referral HSDS 3.0).
struct DirectoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "directory",
        abstract: "Import, validate and search the services directory (Open Referral HSDS 3.0, CSV or JSON).",
        subcommands: [DirectoryImportCommand.self, DirectoryValidateCommand.self, DirectorySearchCommand.self]
    )
}

/// Prints every import problem as `file:line: error: …` (or `file: json.path: error: …`).
private func report(_ error: DirectoryImportError) {
    for issue in error.issues { printError(issue.diagnostic) }
    printError("sanctuary: \(error.issues.count) problem(s); nothing was imported")
}

/// The zone for an import: the option, else the zone of the directory already in `data`, else the machine's.
private func importTimeZone(_ option: String?, data: String) -> String {
    if let option { return option }
    if let existing = try? DirectoryStore.load(dataDirectory: data) { return existing.timeZone }
    return TimeZone.current.identifier
}

struct DirectoryImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Validate HSDS data completely, then replace <data>/directory.json atomically.",
        discussion: "PATH is a directory of HSDS CSV files (organizations.csv, services.csv, locations.csv, service_at_locations.csv, addresses.csv, phones.csv, schedules.csv, languages.csv, attributes.csv, taxonomy_terms.csv, required_documents.csv, cost_options.csv) or a JSON file (an array of services, or an object with \"services\"). On any error nothing is written.")

    @Argument(help: "HSDS CSV directory or JSON file.")
    var path: String
    @Option(help: "Data directory (created if missing).")
    var data = "data"
    @Option(help: "The city's IANA time zone, e.g. America/Chicago (default: the zone of the current directory, else this machine's).")
    var timeZone: String?

    func run() async throws {
        let zone = importTimeZone(timeZone, data: data)
        do {
            let document = try DirectoryStore.importDirectory(from: path, dataDirectory: data, timeZone: zone)
            let locations = Set(document.services.flatMap { $0.locations.map(\.id) }).count
            print("imported \(document.services.count) services at \(locations) locations into \(DirectoryStore.path(dataDirectory: data)) (time zone \(zone))")
        } catch let error as DirectoryImportError {
            report(error)
            throw ExitCode.failure
        }
    }
}

struct DirectoryValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check HSDS data (CSV directory or JSON file) without importing it; exit 1 on errors.")

    @Argument(help: "HSDS CSV directory or JSON file.")
    var path: String
    @Option(help: "The city's IANA time zone to check.")
    var timeZone = "UTC"

    func run() async throws {
        do {
            let document = try HSDSImporter.read(path: path, timeZone: timeZone)
            print("\(path): valid, \(document.services.count) services")
        } catch {
            report(error)
            throw ExitCode.failure
        }
    }
}

struct DirectorySearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the imported directory as the conversation engine does and print the SMS answer.")

    @Argument(help: "The resident's message.")
    var text: String
    @Option(help: "The classified intent (find_food, find_shelter, find_primary_care, search_directory, …).")
    var intent: String?
    @Option(help: "The answer's language (en, de, es, fr, ar, fa, tr, uk, ru, pt, ps, ti).")
    var lang = "en"
    @Option(help: "The moment to search at, local city time: YYYY-MM-DDTHH:MM (default: now).")
    var at: String?
    @Option(help: "Most matches.")
    var limit = 2
    @Option(help: "Data directory holding directory.json.")
    var data = "data"
    @Option(help: "Answer labels per locale.")
    var labels = "locales/_directory_labels.yaml"
    @Flag(help: "Print the matches as JSON instead of the SMS text.")
    var json = false

    func run() async throws {
        let directory: ServiceDirectory
        do { directory = try ServiceDirectory.load(dataDirectory: data, labelsPath: labels) } catch {
            printError("sanctuary: cannot load the directory: \(error)")
            throw ExitCode.failure
        }
        var now = Date()
        if let at {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = directory.timeZone
            formatter.dateFormat = at.count > 16 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm"
            guard let date = formatter.date(from: at) else { throw ValidationError("--at must be YYYY-MM-DDTHH:MM (city time)") }
            now = date
        }
        let matches = directory.search(intent: intent, text: text, language: lang, now: now, limit: limit)
        if json {
            let rows = matches.map { m -> [String: Any] in
                var row: [String: Any] = ["id": m.service.id, "name": m.service.name, "score": (m.score * 100).rounded() / 100,
                                          "categories": m.matchedCategories, "open": m.openState.isOpen, "speaks_language": m.speaksLanguage,
                                          "no_id_required": m.noIDRequired, "status_not_asked": m.statusNotAsked]
                if let address = m.location?.address { row["address"] = address.short }
                return row
            }
            let data = try JSONSerialization.data(withJSONObject: rows, options: [.sortedKeys, .withoutEscapingSlashes])
            print(String(decoding: data, as: UTF8.self))
            return
        }
        let answer = directory.renderAnswer(matches: matches, language: lang, now: now)
        print(answer)
        let (encoding, units) = SMSEncoding.measure(answer)
        printError("(\(encoding.rawValue), \(units) units, \(SMSEncoding.segments(answer)) segment(s))")
    }
}
