import Foundation
import Yams
import SanctuaryText

/// Jurisdiction profiles and deployment overrides over the base locale files.
///
/// The base is `locales/<lang>.yaml` (the default, US-city profile). A profile (`locales/profiles/<profile>/<lang>.yaml`)
/// and a deployment's overrides directory (same layout, applied last) hold only the answers and conversation texts
/// that differ, in the locale-file schema. Texts merge per key: base ← profile ← overrides. Every merged text keeps
/// the file and line it came from, so diagnostics point at the file an admin must edit.
public enum ProfileOverlay {
    /// Where a profile's files live: `<localesDirectory>/profiles/<profile>`.
    public static func directory(localesDirectory: String, profile: String) -> String {
        "\(localesDirectory)/profiles/\(profile)"
    }

    /// Profiles available under a locales directory (names of the subdirectories of `profiles/`).
    public static func available(localesDirectory: String) -> [String] {
        let root = "\(localesDirectory)/profiles"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return names.filter { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: "\(root)/\(name)", isDirectory: &isDirectory) && isDirectory.boolValue
        }.sorted()
    }

    /// Applies the profile, then the overrides directory, to content read from the base files.
    static func apply(to content: Content, localesDirectory: String, profile: String?, overridesDirectory: String?,
                      diagnostics: inout [Diagnostic]) -> Content {
        var layers: [(ContentLayer, String)] = []
        if let profile {
            if profile.range(of: "^[a-z0-9][a-z0-9_-]*$", options: .regularExpression) == nil {
                diagnostics.append(Diagnostic(.error, file: "\(localesDirectory)/profiles", line: nil,
                                              "profile name '\(profile)' must be lower-case letters, digits, '-' or '_'"))
            } else {
                let dir = directory(localesDirectory: localesDirectory, profile: profile)
                if !FileManager.default.fileExists(atPath: dir) {
                    let known = available(localesDirectory: localesDirectory)
                    diagnostics.append(Diagnostic(.error, file: dir, line: nil,
                        "unknown profile '\(profile)' (available: \(known.isEmpty ? "none" : known.joined(separator: ", ")))"))
                } else {
                    layers.append((.profile, dir))
                }
            }
        }
        if let overridesDirectory { layers.append((.overrides, overridesDirectory)) }
        var result = content
        result.profile = profile
        result.overridesDirectory = overridesDirectory
        guard !layers.isEmpty else { return result }

        let ids = Set(content.intents.map(\.id))
        var locales = content.locales
        for (layer, dir) in layers {
            for path in ContentLoader.yamlFiles(in: dir, diagnostics: &diagnostics) {
                let name = (path as NSString).lastPathComponent
                var reader = YAMLReader(file: path)
                defer { diagnostics += reader.diagnostics }
                if name.hasPrefix("_") {
                    reader.error(nil, "files starting with '_' are reserved and cannot be overridden here")
                    continue
                }
                let data = FileManager.default.contents(atPath: path) ?? Data()
                guard let node = reader.parse(data), let overlay = readOverlay(node, path: path, layer: layer, reader: &reader) else { continue }
                guard let index = locales.firstIndex(where: { $0.locale == overlay.locale }) else {
                    reader.error(overlay.localeLine, "no base locale file '\(overlay.locale).yaml' to override")
                    continue
                }
                let base = locales[index]
                var answers = base.answers
                for (key, text) in overlay.answers.sorted(by: { $0.key < $1.key }) {
                    if !ids.contains(key) && base.answers[key] == nil {
                        reader.error(text.line, "answers.\(key): override for unknown intent '\(key)'")
                        continue
                    }
                    answers[key] = text
                }
                var conversation = base.conversation
                for (key, text) in overlay.conversation.sorted(by: { $0.key < $1.key }) {
                    if base.conversation[key] == nil && !LocaleBundle.requiredConversationKeys.contains(key) {
                        reader.error(text.line, "conversation.\(key): override for unknown conversation text '\(key)'")
                        continue
                    }
                    conversation[key] = text
                }
                var titles = base.titles
                for (key, text) in overlay.titles.sorted(by: { $0.key < $1.key }) {
                    if !ids.contains(key) {
                        reader.error(text.line, "titles.\(key): title for unknown intent '\(key)'")
                        continue
                    }
                    titles[key] = text
                }
                locales[index] = LocaleBundle(
                    locale: base.locale, name: overlay.name ?? base.name, rightToLeft: overlay.rightToLeft ?? base.rightToLeft,
                    answers: answers, conversation: conversation, file: base.file, titles: titles)
            }
        }
        return Content(intents: content.intents, cues: content.cues, locales: locales, dontAsk: content.dontAsk,
                       dontAskFile: content.dontAskFile, profile: profile, overridesDirectory: overridesDirectory)
    }

    struct Overlay {
        let locale: String
        let localeLine: Int?
        let name: String?
        let rightToLeft: Bool?
        let answers: [String: AnswerText]
        let conversation: [String: AnswerText]
        let titles: [String: AnswerText]
    }

    /// Reads one profile or override file: `locale` (required, equal to the file name), optional `name` and
    /// `direction`, and only the `answers` and `conversation` texts that differ.
    static func readOverlay(_ node: Node, path: String, layer: ContentLayer, reader: inout YAMLReader) -> Overlay? {
        guard let entries = reader.mapping(node, "\(layer.rawValue) file") else { return nil }
        reader.rejectUnknownKeys(entries, allowed: ["locale", "name", "direction", "answers", "conversation", "titles"], in: "\(layer.rawValue) file")
        let field = { (key: String) in entries.first { $0.key == key } }
        guard let tag = reader.string(field("locale")?.value, "locale") else { reader.error(node.mark?.line, "missing 'locale'"); return nil }
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        if stem != tag { reader.error(field("locale")?.line, "locale '\(tag)' must match the file name '\(stem)'") }
        let name = reader.string(field("name")?.value, "name")
        var rightToLeft: Bool? = nil
        if let direction = reader.string(field("direction")?.value, "direction") {
            if direction != "ltr" && direction != "rtl" { reader.error(field("direction")?.line, "direction must be ltr or rtl") }
            rightToLeft = direction == "rtl"
        }
        let mark = { (texts: [String: AnswerText]) in
            texts.mapValues { text -> AnswerText in
                var t = text
                t.file = path
                t.layer = layer
                return t
            }
        }
        let answers = mark(ContentLoader.readTexts(field("answers")?.value, "answers", reader: &reader))
        let conversation = mark(ContentLoader.readTexts(field("conversation")?.value, "conversation", reader: &reader))
        let titles = mark(ContentLoader.readTexts(field("titles")?.value, "titles", reader: &reader))
        if answers.isEmpty && conversation.isEmpty && titles.isEmpty { reader.warning(node.mark?.line, "overrides nothing (no answers or conversation texts)") }
        return Overlay(locale: tag, localeLine: field("locale")?.line, name: name, rightToLeft: rightToLeft,
                       answers: answers, conversation: conversation, titles: titles)
    }
}

extension ContentLoader {
    /// Reads the base files, then merges a jurisdiction profile (`locales/profiles/<profile>/`) and a deployment's
    /// overrides directory over them, per key: base ← profile ← overrides. `profile` nil and `overridesDirectory`
    /// nil read the base only.
    public static func read(intentsDirectory: String, localesDirectory: String, profile: String?,
                            overridesDirectory: String? = nil) -> (content: Content, diagnostics: [Diagnostic]) {
        var (content, diagnostics) = read(intentsDirectory: intentsDirectory, localesDirectory: localesDirectory)
        content = ProfileOverlay.apply(to: content, localesDirectory: localesDirectory, profile: profile,
                                       overridesDirectory: overridesDirectory, diagnostics: &diagnostics)
        return (content, diagnostics)
    }
}
