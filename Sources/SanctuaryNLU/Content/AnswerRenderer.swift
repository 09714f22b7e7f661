import Foundation
import SanctuaryText
import Yams

/// Values a deployment fills into answers ({hotline}, {org_name}, …), read from a flat YAML file.
public struct DeploymentValues: Sendable {
    public var values: [String: MessageArgument]
    public init(_ values: [String: MessageArgument] = [:]) { self.values = values }

    /// Reads `key: value` pairs; numbers become numeric arguments (for plurals).
    public static func load(path: String) throws -> DeploymentValues {
        guard let text = FileManager.default.contents(atPath: path).flatMap({ String(data: $0, encoding: .utf8) }) else {
            throw ContentError(diagnostics: [Diagnostic(.error, file: path, line: nil, "cannot read deployment values")])
        }
        guard case .mapping(let mapping)? = try Yams.compose(yaml: text) else {
            throw ContentError(diagnostics: [Diagnostic(.error, file: path, line: 1, "deployment values must be a mapping")])
        }
        var values: [String: MessageArgument] = [:]
        for (key, value) in mapping {
            guard let name = key.string, let raw = value.string else { continue }
            values[name] = value.int.map { .number(Double($0)) } ?? .text(raw)
        }
        return DeploymentValues(values)
    }
}

/// Renders answers and conversation texts for a locale, falling back along the locale chain to the default.
public struct AnswerRenderer: Sendable {
    public let content: Content
    public let values: DeploymentValues
    public let defaultLocale: String

    public init(content: Content, values: DeploymentValues, defaultLocale: String = "en") {
        self.content = content
        self.values = values
        self.defaultLocale = defaultLocale
    }

    /// The locale file used for a requested language ("pt-BR" → pt, unknown → default).
    public func bundle(for language: String) -> LocaleBundle? {
        let chosen = LocaleNegotiation.negotiate(requested: [language], available: content.locales.map(\.locale), defaultLocale: defaultLocale)
        return content.locales.first { $0.locale == chosen }
    }

    /// The answer to an intent in a language, with extra arguments overriding deployment values.
    public func answer(intent: String, language: String, extra: [String: MessageArgument] = [:]) -> String? {
        guard let bundle = bundle(for: language), let text = bundle.answers[intent] ?? fallback(\.answers, intent) else { return nil }
        return render(text.pattern, locale: bundle.locale, extra: extra)
    }

    /// A conversation text (greeting, menu, …) in a language.
    public func conversation(_ key: String, language: String, extra: [String: MessageArgument] = [:]) -> String? {
        guard let bundle = bundle(for: language), let text = bundle.conversation[key] ?? fallback(\.conversation, key) else { return nil }
        return render(text.pattern, locale: bundle.locale, extra: extra)
    }

    private func fallback(_ path: KeyPath<LocaleBundle, [String: AnswerText]>, _ key: String) -> AnswerText? {
        content.locales.first { $0.locale == defaultLocale }?[keyPath: path][key]
    }

    private func render(_ pattern: String, locale: String, extra: [String: MessageArgument]) -> String {
        var arguments = values.values.merging(extra) { $1 }
        // Every placeholder gets a value, so a missing setting shows as its name instead of failing.
        if let names = try? MessageFormatting.validate(pattern, locale: locale) {
            for name in names where arguments[name] == nil { arguments[name] = name.hasSuffix("_minutes") || name.hasSuffix("_hours") ? .number(0) : .text("[\(name)]") }
        }
        return (try? MessageFormatting.format(pattern, locale: locale, arguments: arguments)) ?? pattern
    }
}
