import Foundation
@testable import SanctuaryDirectory

/// Paths of the repository's demo directories, labels and test fixtures, found from this file's location.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
    static var riverside: String { path("deploy/directory/riverside-us") }
    static var flussstadt: String { path("deploy/directory/flussstadt-de/services.json") }
    static var labelsFile: String { path("locales/_directory_labels.yaml") }
    static var fixtures: String { path("Tests/DirectoryFixtures") }

    static let labels: DirectoryLabels = {
        do { return try DirectoryLabels.load(path: labelsFile) } catch { fatalError("labels do not load: \(error)") }
    }()

    static let riversideDirectory: ServiceDirectory = {
        do {
            return ServiceDirectory(document: try HSDSImporter.read(path: riverside, timeZone: "America/Chicago"), labels: labels)
        } catch { fatalError("riverside does not import: \(error)") }
    }()

    static let flussstadtDirectory: ServiceDirectory = {
        do {
            return ServiceDirectory(document: try HSDSImporter.read(path: flussstadt, timeZone: "Europe/Berlin"), labels: labels)
        } catch { fatalError("flussstadt does not import: \(error)") }
    }()

    static let locales = ["en", "de", "es", "fr", "ar", "fa", "tr", "uk", "ru", "pt", "ps", "ti"]
}

/// A moment given as local wall-clock time in a zone ("2026-11-24T14:00").
func localTime(_ text: String, _ zone: String) -> Date {
    let f = DateFormatter()
    f.locale = Locale(identifier: "en_US_POSIX")
    f.timeZone = TimeZone(identifier: zone)!
    f.dateFormat = "yyyy-MM-dd'T'HH:mm"
    return f.date(from: text)!
}

/// A fresh temporary directory.
func temporaryDirectory() throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("sanctuary-directory-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
}
