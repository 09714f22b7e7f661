import Foundation
import Yams
import SanctuaryText

/// Everything the engine knows, read from `intents/` and `locales/`.
public struct Content: Sendable {
    public let intents: [IntentDefinition]
    public let cues: CueSets
    public let locales: [LocaleBundle]
    /// Regular expressions per locale that an answer must never match (the don't-ask rule).
    public let dontAsk: [String: [(pattern: String, line: Int?)]]
    /// Where the don't-ask patterns came from.
    public let dontAskFile: String?
    /// The jurisdiction profile applied over the base locale files (`locales/profiles/<profile>/`), if any.
    public var profile: String? = nil
    /// The deployment's overrides directory, applied last, if any.
    public var overridesDirectory: String? = nil

    /// Locale tags that have a locale file: these are the enabled locales.
    public var enabledLocales: [String] { locales.map(\.locale).sorted() }
}

/// Reads intent and locale directories; every problem becomes a diagnostic with file and line.
public enum ContentLoader {
    /// Reads all files without judging their cross-file consistency (that is the linter's job).
    public static func read(intentsDirectory: String, localesDirectory: String) -> (content: Content, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var intents: [IntentDefinition] = []
        var cues = CueSets.empty
        for path in yamlFiles(in: intentsDirectory, diagnostics: &diagnostics) {
            let name = (path as NSString).lastPathComponent
            var reader = YAMLReader(file: path)
            let data = FileManager.default.contents(atPath: path) ?? Data()
            if name == "_cues.yaml" {
                if let node = reader.parse(data) { cues = readCues(node, reader: &reader) }
            } else if name.hasPrefix("_") {
                reader.warning(nil, "files starting with '_' are reserved; only _cues.yaml is read here")
            } else if let node = reader.parse(data), let intent = readIntent(node, path: path, reader: &reader) {
                intents.append(intent)
            }
            diagnostics += reader.diagnostics
        }
        var locales: [LocaleBundle] = []
        var dontAsk: [String: [(pattern: String, line: Int?)]] = [:]
        var dontAskFile: String? = nil
        for path in yamlFiles(in: localesDirectory, diagnostics: &diagnostics) {
            let name = (path as NSString).lastPathComponent
            var reader = YAMLReader(file: path)
            let data = FileManager.default.contents(atPath: path) ?? Data()
            if name == "_dont_ask.yaml" {
                dontAskFile = path
                if let node = reader.parse(data) {
                    for (locale, list) in reader.localizedLists(node, "don't-ask patterns") {
                        dontAsk[locale] = list.map { ($0.text, $0.line) }
                    }
                }
            } else if name.hasPrefix("_") {
                if name != "_directory_labels.yaml" { reader.warning(nil, "files starting with '_' are reserved; only _dont_ask.yaml (and _directory_labels.yaml, read by the services directory) are read here") }
            } else if let node = reader.parse(data), let bundle = readLocale(node, path: path, reader: &reader) {
                locales.append(bundle)
            }
            diagnostics += reader.diagnostics
        }
        intents.sort { $0.id < $1.id }
        locales.sort { $0.locale < $1.locale }
        let content = Content(intents: intents, cues: cues, locales: locales, dontAsk: dontAsk, dontAskFile: dontAskFile)
        return (content, diagnostics)
    }

    static func yamlFiles(in directory: String, diagnostics: inout [Diagnostic]) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            diagnostics.append(Diagnostic(.error, file: directory, line: nil, "directory not found or not readable"))
            return []
        }
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { "\(directory)/\($0)" }
    }

    static func readIntent(_ node: Node, path: String, reader: inout YAMLReader) -> IntentDefinition? {
        guard let entries = reader.mapping(node, "intent file") else { return nil }
        reader.rejectUnknownKeys(entries, allowed: ["id", "category", "handoff", "raise", "lower", "examples", "keywords", "patterns", "description"], in: "intent file")
        let field = { (key: String) in entries.first { $0.key == key } }
        guard let id = reader.string(field("id")?.value, "id") else { reader.error(node.mark?.line, "missing 'id'"); return nil }
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        if stem != id { reader.error(field("id")?.line, "id '\(id)' must match the file name '\(stem)'") }
        if id.range(of: "^[a-z][a-z0-9_]*$", options: .regularExpression) == nil {
            reader.error(field("id")?.line, "id '\(id)' must be lower_snake_case")
        }
        var category = IntentCategory.services
        if let raw = reader.string(field("category")?.value, "category") {
            if let c = IntentCategory(rawValue: raw) { category = c } else {
                reader.error(field("category")?.line, "unknown category '\(raw)' (services, rights, sensitive, control)")
            }
        } else { reader.error(node.mark?.line, "missing 'category'") }
        var level = HandoffLevel.none
        if let raw = reader.string(field("handoff")?.value, "handoff") {
            if let l = HandoffLevel(rawValue: raw) { level = l } else {
                reader.error(field("handoff")?.line, "unknown handoff level '\(raw)' (none, handoff, urgent)")
            }
        } else { reader.error(node.mark?.line, "missing 'handoff'") }
        let rules = readLevelRules(field("raise")?.value, name: "raise", base: level, reader: &reader)
        let lowerRules = readLevelRules(field("lower")?.value, name: "lower", base: level, reader: &reader)
        let examples = reader.localizedLists(field("examples")?.value, "examples")
        if field("examples") == nil { reader.error(node.mark?.line, "missing 'examples'") }
        let keywords = reader.localizedLists(field("keywords")?.value, "keywords")
        let patterns = reader.localizedLists(field("patterns")?.value, "patterns")
        for (locale, list) in examples {
            for item in list where item.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                reader.error(item.line, "empty example in '\(locale)'")
            }
        }
        return IntentDefinition(
            id: id, category: category, handoff: level, raise: rules, lower: lowerRules,
            examples: examples.mapValues { $0.map(\.text) },
            keywords: keywords.mapValues { $0.map(\.text) },
            patterns: patterns.mapValues { $0.map(\.text) },
            file: path,
            exampleLines: examples.mapValues { $0.map { $0.line ?? 0 } }
        )
    }

    /// Reads `raise` or `lower` rules: each moves the base level up (raise) or down (lower) when a cue set matches.
    static func readLevelRules(_ node: Node?, name: String, base: HandoffLevel, reader: inout YAMLReader) -> [RaiseRule] {
        guard let node else { return [] }
        guard case .sequence(let seq) = node else { reader.error(node.mark?.line, "\(name) must be a list of rules"); return [] }
        var rules: [RaiseRule] = []
        for item in seq {
            guard let ruleEntries = reader.mapping(item, "\(name) rule") else { continue }
            reader.rejectUnknownKeys(ruleEntries, allowed: ["to", "when", "unless"], in: "\(name) rule")
            let to = reader.string(ruleEntries.first { $0.key == "to" }?.value, "\(name).to").flatMap(HandoffLevel.init(rawValue:))
            let when = reader.stringList(ruleEntries.first { $0.key == "when" }?.value, "\(name).when").map(\.text)
            guard let to, !when.isEmpty else { reader.error(item.mark?.line, "a \(name) rule needs 'to' (none, handoff or urgent) and 'when' (cue set names)"); continue }
            if name == "raise" && to <= base { reader.error(item.mark?.line, "raise rule to '\(to.rawValue)' does not raise the base level '\(base.rawValue)'") }
            if name == "lower" && to >= base { reader.error(item.mark?.line, "lower rule to '\(to.rawValue)' does not lower the base level '\(base.rawValue)'") }
            let unless = reader.stringList(ruleEntries.first { $0.key == "unless" }?.value, "\(name).unless").map(\.text)
            rules.append(RaiseRule(level: to, cueSets: when, unless: unless))
        }
        return rules
    }

    static func readCues(_ node: Node, reader: inout YAMLReader) -> CueSets {
        guard let entries = reader.mapping(node, "cue file") else { return .empty }
        reader.rejectUnknownKeys(entries, allowed: ["cues", "always"], in: "cue file")
        guard let sets = reader.mapping(entries.first { $0.key == "cues" }?.value, "cues") else { return .empty }
        var result: [String: [String: [String]]] = [:]
        for set in sets {
            result[set.key] = reader.localizedLists(set.value, "cues.\(set.key)").mapValues { $0.map(\.text) }
        }
        var always: [String: HandoffLevel] = [:]
        for entry in reader.mapping(entries.first { $0.key == "always" }?.value, "always") ?? [] {
            guard let raw = reader.string(entry.value, "always.\(entry.key)"), let level = HandoffLevel(rawValue: raw), level > .none else {
                reader.error(entry.line, "always.\(entry.key) must be handoff or urgent"); continue
            }
            if result[entry.key] == nil { reader.error(entry.line, "always refers to unknown cue set '\(entry.key)'") }
            always[entry.key] = level
        }
        return CueSets(sets: result, always: always)
    }

    static func readLocale(_ node: Node, path: String, reader: inout YAMLReader) -> LocaleBundle? {
        guard let entries = reader.mapping(node, "locale file") else { return nil }
        reader.rejectUnknownKeys(entries, allowed: ["locale", "name", "direction", "answers", "conversation", "titles"], in: "locale file")
        let field = { (key: String) in entries.first { $0.key == key } }
        guard let tag = reader.string(field("locale")?.value, "locale") else { reader.error(node.mark?.line, "missing 'locale'"); return nil }
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        if stem != tag { reader.error(field("locale")?.line, "locale '\(tag)' must match the file name '\(stem)'") }
        if LocaleNegotiation.canonical(tag) == nil { reader.error(field("locale")?.line, "'\(tag)' is not a valid BCP 47 tag") }
        let name = reader.string(field("name")?.value, "name") ?? tag
        let direction = reader.string(field("direction")?.value, "direction") ?? "ltr"
        if direction != "ltr" && direction != "rtl" { reader.error(field("direction")?.line, "direction must be ltr or rtl") }
        let answers = readTexts(field("answers")?.value, "answers", reader: &reader)
        let conversation = readTexts(field("conversation")?.value, "conversation", reader: &reader)
        let titles = readTexts(field("titles")?.value, "titles", reader: &reader)
        return LocaleBundle(locale: tag, name: name, rightToLeft: direction == "rtl", answers: answers, conversation: conversation, file: path, titles: titles)
    }

    static func readTexts(_ node: Node?, _ what: String, reader: inout YAMLReader) -> [String: AnswerText] {
        guard let entries = reader.mapping(node, what) else { return [:] }
        var result: [String: AnswerText] = [:]
        for entry in entries {
            switch entry.value {
            case .scalar(let scalar):
                result[entry.key] = AnswerText(pattern: scalar.string, review: .draft, verified: nil, line: entry.line)
            case .mapping:
                guard let parts = reader.mapping(entry.value, "\(what).\(entry.key)") else { continue }
                reader.rejectUnknownKeys(parts, allowed: ["text", "review", "verified"], in: "\(what).\(entry.key)")
                guard let text = reader.string(parts.first { $0.key == "text" }?.value, "text") else {
                    reader.error(entry.line, "\(what).\(entry.key) needs 'text'"); continue
                }
                var review = ReviewState.draft
                if let raw = reader.string(parts.first { $0.key == "review" }?.value, "review") {
                    if let r = ReviewState(rawValue: raw) { review = r } else { reader.error(entry.line, "review must be draft or reviewed") }
                }
                let verified = reader.string(parts.first { $0.key == "verified" }?.value, "verified")
                if let verified, verified.range(of: "^\\d{4}-\\d{2}-\\d{2}$", options: .regularExpression) == nil {
                    reader.error(entry.line, "verified must be a date YYYY-MM-DD")
                }
                let textLine = parts.first { $0.key == "text" }?.value.mark?.line ?? entry.line
                result[entry.key] = AnswerText(pattern: text, review: review, verified: verified, line: textLine)
            default:
                reader.error(entry.line, "\(what).\(entry.key) must be text or a mapping with text/review/verified")
            }
        }
        return result
    }
}
