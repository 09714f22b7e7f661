import Foundation

/// Where a row of HSDS data came from: a CSV line or a JSON path.
public enum RowOrigin: Sendable, Equatable {
    /// A CSV file (its name, e.g. `services.csv`) and the line its record starts on.
    case csv(file: String, line: Int)
    /// A JSON file and the path of the object, e.g. `services[3].schedules[0]`.
    case json(file: String, path: String)

    public var file: String {
        switch self {
        case .csv(let file, _), .json(let file, _): return file
        }
    }
}

/// One problem found while importing: file, row (CSV line or JSON path) and field.
public struct ImportIssue: Sendable, Equatable, CustomStringConvertible {
    public var origin: RowOrigin
    /// The column or JSON key, nil for problems of a whole row or file.
    public var field: String?
    public var message: String

    public init(_ origin: RowOrigin, field: String?, _ message: String) {
        self.origin = origin
        self.field = field
        self.message = message
    }

    /// The file name.
    public var file: String { origin.file }
    /// The CSV line, nil for JSON.
    public var line: Int? {
        if case .csv(_, let line) = origin { return line }
        return nil
    }
    /// The JSON path including the field (`services[3].schedules[0].opens_at`), nil for CSV.
    public var jsonPath: String? {
        guard case .json(_, let path) = origin else { return nil }
        guard let field else { return path }
        return path.isEmpty ? field : path + "." + field
    }

    /// `services.csv:14` or `services.json: services[3].schedules[0].opens_at`.
    public var location: String {
        switch origin {
        case .csv(let file, let line): return "\(file):\(line)"
        case .json(let file, _): return "\(file): \(jsonPath ?? "$")"
        }
    }

    /// The message with the CSV field named (JSON paths already end in the field).
    public var detail: String {
        if case .csv = origin, let field { return "field '\(field)': " + message }
        return message
    }

    /// `services.csv:14: field 'status': …` or `services.json: services[3].schedules[0].opens_at: …`.
    public var description: String { location + ": " + detail }

    /// The same in the linter's style: `services.csv:14: error: field 'status': …`.
    public var diagnostic: String { location + ": error: " + detail }
}

/// An import that found problems; nothing was written.
public struct DirectoryImportError: Error, Sendable, CustomStringConvertible {
    public var issues: [ImportIssue]
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
