import Foundation
import Yams

/// Reads one admin-edited YAML file into nodes, recording every problem with its line.
struct YAMLReader {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    /// Parses the file's bytes: invalid UTF-8 and YAML syntax errors become diagnostics with a line.
    mutating func parse(_ data: Data) -> Node? {
        guard let text = String(validating: data, as: UTF8.self) else {
            let bad = Self.firstInvalidUTF8Offset(data) ?? 0
            let line = data.prefix(bad).reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            error(line, "file is not valid UTF-8 (byte offset \(bad))")
            return nil
        }
        do {
            guard let node = try Yams.compose(yaml: text) else {
                error(1, "file is empty")
                return nil
            }
            return node
        } catch let yamlError as YamlError {
            error(Self.line(of: yamlError), "YAML syntax: \(Self.problem(of: yamlError))")
        } catch {
            self.error(nil, "YAML syntax: \(error)")
        }
        return nil
    }

    mutating func error(_ line: Int?, _ message: String) {
        diagnostics.append(Diagnostic(.error, file: file, line: line, message))
    }

    mutating func warning(_ line: Int?, _ message: String) {
        diagnostics.append(Diagnostic(.warning, file: file, line: line, message))
    }

    /// The mapping of `node`, or an error naming what was expected.
    mutating func mapping(_ node: Node?, _ what: String) -> [(key: String, value: Node, line: Int?)]? {
        guard let node else { return nil }
        guard case .mapping(let mapping) = node else {
            error(node.mark?.line, "\(what) must be a mapping")
            return nil
        }
        var seen = Set<String>()
        var result: [(key: String, value: Node, line: Int?)] = []
        for (key, value) in mapping {
            guard let name = key.string else { error(key.mark?.line, "\(what): keys must be text"); continue }
            if !seen.insert(name).inserted { error(key.mark?.line, "\(what): duplicate key '\(name)'") }
            result.append((name, value, key.mark?.line))
        }
        return result
    }

    /// Reports keys not in `allowed`.
    mutating func rejectUnknownKeys(_ entries: [(key: String, value: Node, line: Int?)], allowed: Set<String>, in what: String) {
        for entry in entries where !allowed.contains(entry.key) {
            error(entry.line, "unknown key '\(entry.key)' in \(what) (allowed: \(allowed.sorted().joined(separator: ", ")))")
        }
    }

    /// A scalar string, or an error.
    mutating func string(_ node: Node?, _ what: String) -> String? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node else {
            error(node.mark?.line, "\(what) must be text")
            return nil
        }
        return scalar.string
    }

    /// A list of strings with their lines; non-text items are errors.
    mutating func stringList(_ node: Node?, _ what: String) -> [(text: String, line: Int?)] {
        guard let node else { return [] }
        guard case .sequence(let sequence) = node else {
            error(node.mark?.line, "\(what) must be a list")
            return []
        }
        var result: [(text: String, line: Int?)] = []
        for item in sequence {
            if case .scalar(let scalar) = item {
                result.append((scalar.string, item.mark?.line))
            } else {
                error(item.mark?.line, "\(what): every item must be text")
            }
        }
        return result
    }

    /// A mapping of locale → list of strings.
    mutating func localizedLists(_ node: Node?, _ what: String) -> [String: [(text: String, line: Int?)]] {
        guard let entries = mapping(node, what) else { return [:] }
        var result: [String: [(text: String, line: Int?)]] = [:]
        for entry in entries {
            result[entry.key] = stringList(entry.value, "\(what).\(entry.key)")
        }
        return result
    }

    static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        case .duplicatedKeysInMapping(_, let context): return context.mark.line
        default: return nil
        }
    }

    static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _), .composer(let context, let problem, _, _):
            return [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
        default:
            return "\(error)".split(separator: "\n").first.map(String.init) ?? "\(error)"
        }
    }

    static func firstInvalidUTF8Offset(_ data: Data) -> Int? {
        let bytes = [UInt8](data)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let len: Int
            if b < 0x80 { len = 1 } else if b >> 5 == 0x6 { len = 2 } else if b >> 4 == 0xE { len = 3 } else if b >> 3 == 0x1E { len = 4 } else { return i }
            if i + len > bytes.count { return i }
            for k in 1..<len where bytes[i + k] >> 6 != 0x2 { return i }
            if String(validating: bytes[i..<(i + len)], as: UTF8.self) == nil { return i }
            i += len
        }
        return nil
    }
}
