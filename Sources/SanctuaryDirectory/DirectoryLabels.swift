import Foundation

/// The words an SMS answer from the directory is built from, per locale (`locales/_directory_labels.yaml`).
/// Placeholders are simple `{name}`s: `{time}`, `{day}`, `{list}`, `{phone}`, `{documents}`, `{date}`.
public struct DirectoryLabels: Sendable {
    /// The keys every locale must have.
    public static let requiredKeys = [
        "open_until", "open_24h", "opens_today", "opens_tomorrow", "opens_on", "phone", "languages", "no_id_required",
        "status_not_asked", "anonymous", "documents", "checked", "nothing_found",
    ]
    /// Placeholders each key must use.
    static let placeholders: [String: [String]] = [
        "open_until": ["time"], "opens_today": ["time"], "opens_tomorrow": ["time"], "opens_on": ["day", "time"],
        "phone": ["phone"], "languages": ["list"], "documents": ["documents"], "checked": ["date"],
    ]

    /// locale → key → text; `days` holds seven short weekday names, Sunday first.
    public private(set) var texts: [String: [String: String]]
    public private(set) var days: [String: [String]]

    /// Labels read from a YAML file of the form `locale: { key: "text", …, days: [Sun, Mon, …] }`.
    /// Throws with file and line when a locale lacks a key, a placeholder, or the seven day names.
    public static func load(path: String) throws -> DirectoryLabels {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw LabelError(file: path, line: nil, message: "cannot be read")
        }
        return try parse(text, file: path)
    }

    /// Parses the YAML subset the labels file uses (two-level mapping, quoted or plain scalars, flow lists).
    public static func parse(_ text: String, file: String) throws -> DirectoryLabels {
        var texts: [String: [String: String]] = [:]
        var days: [String: [String]] = [:]
        var lines: [String: Int] = [:]
        var locale: String? = nil
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = index + 1
            let content = String(raw).replacingOccurrences(of: "\r", with: "")
            let trimmed = content.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let indented = content.first == " "
            guard let colon = trimmed.firstIndex(of: ":") else {
                throw LabelError(file: file, line: line, message: "expected 'key: value'")
            }
            let key = String(trimmed[..<colon]).trimmingCharacters(in: .whitespaces)
            let rest = String(trimmed[trimmed.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            if !indented {
                guard rest.isEmpty else { throw LabelError(file: file, line: line, message: "a locale line is 'xx:' alone") }
                locale = key
                lines[key] = line
                texts[key] = [:]
                continue
            }
            guard let locale else { throw LabelError(file: file, line: line, message: "a label outside a locale") }
            if key == "days" {
                guard rest.hasPrefix("["), rest.hasSuffix("]") else {
                    throw LabelError(file: file, line: line, message: "days must be a list [Sun, Mon, …]")
                }
                let items = try splitFlowList(String(rest.dropFirst().dropLast()), file: file, line: line)
                guard items.count == 7 else { throw LabelError(file: file, line: line, message: "days needs seven names, Sunday first") }
                days[locale] = items
            } else {
                texts[locale]?[key] = try scalar(rest, file: file, line: line)
            }
        }
        for (locale, entries) in texts {
            let at = lines[locale]
            for key in requiredKeys where entries[key] == nil {
                throw LabelError(file: file, line: at, message: "locale \(locale) has no '\(key)'")
            }
            for (key, names) in placeholders {
                for name in names where !(entries[key] ?? "").contains("{\(name)}") {
                    throw LabelError(file: file, line: at, message: "\(locale).\(key) must contain {\(name)}")
                }
            }
            if days[locale] == nil { throw LabelError(file: file, line: at, message: "locale \(locale) has no 'days'") }
        }
        return DirectoryLabels(texts: texts, days: days)
    }

    private static func scalar(_ text: String, file: String, line: Int) throws -> String {
        if text.hasPrefix("\"") {
            guard text.count >= 2, text.hasSuffix("\"") else { throw LabelError(file: file, line: line, message: "unterminated quoted string") }
            var out = ""
            var escaped = false
            for c in text.dropFirst().dropLast() {
                if escaped {
                    switch c {
                    case "n": out.append("\n")
                    case "t": out.append("\t")
                    default: out.append(c)
                    }
                    escaped = false
                } else if c == "\\" {
                    escaped = true
                } else {
                    out.append(c)
                }
            }
            return out
        }
        if text.hasPrefix("'") {
            guard text.count >= 2, text.hasSuffix("'") else { throw LabelError(file: file, line: line, message: "unterminated quoted string") }
            return String(text.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
        }
        if let hash = text.range(of: " #") { return String(text[..<hash.lowerBound]).trimmingCharacters(in: .whitespaces) }
        return text
    }

    private static func splitFlowList(_ text: String, file: String, line: Int) throws -> [String] {
        var items: [String] = []
        var current = ""
        var quote: Character? = nil
        for c in text {
            if let q = quote {
                current.append(c)
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
                current.append(c)
            } else if c == "," {
                items.append(try scalar(current.trimmingCharacters(in: .whitespaces), file: file, line: line))
                current = ""
            } else {
                current.append(c)
            }
        }
        items.append(try scalar(current.trimmingCharacters(in: .whitespaces), file: file, line: line))
        return items
    }

    /// The locales that have labels.
    public var locales: [String] { texts.keys.sorted() }

    /// The text for a key in `language` (falling back to the base language, then English), placeholders filled.
    public func text(_ key: String, language: String, _ values: [String: String] = [:]) -> String {
        var pattern = table(language)[key] ?? texts["en"]?[key] ?? key
        for (name, value) in values { pattern = pattern.replacingOccurrences(of: "{\(name)}", with: value) }
        return pattern
    }

    /// The short weekday name (1 = Sunday … 7 = Saturday).
    public func day(_ weekday: Int, language: String) -> String {
        let names = days[resolve(language)] ?? days["en"] ?? ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        return names[(weekday - 1 + 7) % 7]
    }

    /// The locale used for `language` (`es-MX` → `es`), `en` when there is none.
    public func resolve(_ language: String) -> String {
        let tag = language.replacingOccurrences(of: "_", with: "-").lowercased()
        if texts[tag] != nil { return tag }
        let base = String(tag.split(separator: "-").first ?? "")
        return texts[base] != nil ? base : "en"
    }

    private func table(_ language: String) -> [String: String] { texts[resolve(language)] ?? [:] }
}

/// A problem in the labels file.
public struct LabelError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String
    public var description: String { "\(file):\(line.map(String.init) ?? "-"): error: \(message)" }
}
