import Foundation

/// Reads and writes `<data>/directory.json`. Writes go to a temporary file in the same directory that is then
/// renamed over the old one, so a reader sees either the old or the new directory, never half of one.
public enum DirectoryStore {
    /// The file name inside the data directory.
    public static let fileName = "directory.json"

    /// `<dataDirectory>/directory.json`.
    public static func path(dataDirectory: String) -> String {
        (dataDirectory as NSString).appendingPathComponent(fileName)
    }

    /// Validates `source` (CSV directory or JSON file) completely, then replaces `<data>/directory.json`
    /// atomically. On any problem nothing is written and the previous directory stays in place.
    @discardableResult
    public static func importDirectory(from source: String, dataDirectory: String, timeZone: String, now: Date = Date()) throws -> DirectoryDocument {
        let document = try HSDSImporter.read(path: source, timeZone: timeZone, now: now)
        try save(document, dataDirectory: dataDirectory)
        return document
    }

    /// Writes the document atomically (temporary file + rename), creating the data directory if needed.
    public static func save(_ document: DirectoryDocument, dataDirectory: String) throws {
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        let data = try encoder.encode(document)
        let target = URL(fileURLWithPath: path(dataDirectory: dataDirectory))
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(fileName).\(UUID().uuidString).tmp")
        do {
            try data.write(to: temporary)
            if rename(temporary.path, target.path) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    /// Loads `<data>/directory.json`.
    public static func load(dataDirectory: String) throws -> DirectoryDocument {
        let data = try Data(contentsOf: URL(fileURLWithPath: path(dataDirectory: dataDirectory)))
        let document = try JSONDecoder().decode(DirectoryDocument.self, from: data)
        guard document.format == DirectoryDocument.currentFormat else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSDebugDescriptionErrorKey: "unknown directory format \(document.format)"])
        }
        return document
    }
}
