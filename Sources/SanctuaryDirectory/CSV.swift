import Foundation

/// One record of a CSV file: its fields and the physical line (1-based) it starts on.
public struct CSVRecord: Sendable, Equatable {
    /// The fields, unquoted (doubled quotes undone, embedded commas and line breaks kept).
    public var fields: [String]
    /// The line the record starts on (1 for the header); a quoted field with line breaks spans several lines.
    public var line: Int
}

/// Why a CSV text could not be read.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The line where the problem is.
    public var line: Int
    public var message: String
    public var description: String { "line \(line): \(message)" }
}

/// An RFC 4180 CSV reader: comma-separated, double-quoted fields may hold commas, line breaks (CRLF, LF or CR)
/// and doubled quotes (`""`); a leading UTF-8 byte order mark is skipped; a final line break is optional.
/// Stricter than many readers on purpose: a quote inside an unquoted field, text after a closing quote, or an
/// unterminated quoted field is an error with its line, because a silently misread row would put wrong hours
/// or addresses in front of residents.
public enum CSV {
    /// Parses a whole text into records. Blank lines (outside quotes) are skipped.
    public static func parse(_ text: String) throws(CSVError) -> [CSVRecord] {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var i = 0
        var fieldStarted = false  // anything seen in the current record (to skip blank lines)
        let n = scalars.count

        func endRecord() {
            if fieldStarted || !fields.isEmpty {
                fields.append(String(field))
                records.append(CSVRecord(fields: fields, line: recordLine))
            }
            fields = []
            field = String.UnicodeScalarView()
            fieldStarted = false
        }

        while i < n {
            let c = scalars[i]
            if c == "\"" && field.isEmpty {
                // A quoted field.
                fieldStarted = true
                let openLine = line
                i += 1
                var closed = false
                while i < n {
                    let q = scalars[i]
                    if q == "\"" {
                        if i + 1 < n && scalars[i + 1] == "\"" {
                            field.append("\"")
                            i += 2
                            continue
                        }
                        closed = true
                        i += 1
                        break
                    }
                    if q == "\r" && i + 1 < n && scalars[i + 1] == "\n" {
                        // CRLF inside quotes: kept as written, counted as one line break.
                        field.append("\r")
                        field.append("\n")
                        line += 1
                        i += 2
                        continue
                    }
                    if q == "\r" || q == "\n" { line += 1 }
                    field.append(q)
                    i += 1
                }
                if !closed { throw CSVError(line: openLine, message: "quoted field is not closed") }
                // After the closing quote only a comma, a line break or the end may follow.
                if i < n && scalars[i] != "," && scalars[i] != "\n" && scalars[i] != "\r" {
                    throw CSVError(line: line, message: "unexpected character '\(scalars[i])' after a closing quote (write \"\" for a quote inside a quoted field)")
                }
                continue
            }
            switch c {
            case ",":
                fields.append(String(field))
                field = String.UnicodeScalarView()
                fieldStarted = true
                i += 1
            case "\r", "\n":
                endRecord()
                if c == "\r" && i + 1 < n && scalars[i + 1] == "\n" { i += 1 }
                i += 1
                line += 1
                recordLine = line
            case "\"":
                throw CSVError(line: line, message: "a quote inside an unquoted field (quote the whole field and double the quote)")
            default:
                if !fieldStarted { recordLine = line }
                fieldStarted = true
                field.append(c)
                i += 1
            }
        }
        endRecord()
        return records
    }

    /// Encodes one record (quoting only where needed), for writers and tests.
    public static func encode(_ fields: [String]) -> String {
        fields.map { f in
            if f.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                return "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return f
        }.joined(separator: ",")
    }
}
