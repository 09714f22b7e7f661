/// A problem found in an intent or locale file, with the place an admin must look.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    /// Errors block a load or a reload; warnings are reported and tolerated.
    public enum Severity: String, Sendable { case error, warning }

    public let severity: Severity
    /// Path of the file, as given to the loader.
    public let file: String
    /// 1-based line, when known.
    public let line: Int?
    public let message: String

    public init(_ severity: Severity, file: String, line: Int?, _ message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.message = message
    }

    /// "intents/kyr_door.yaml:12: error: …", the form editors and CI logs understand.
    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(severity.rawValue): \(message)"
    }
}

/// Thrown when content cannot be loaded; carries every error and warning found.
public struct ContentError: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
