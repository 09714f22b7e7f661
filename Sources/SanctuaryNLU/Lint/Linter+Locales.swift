import Foundation
import SanctuaryText

/// Placeholders a deployment fills in; an answer using another name is probably a typo.
public enum AnswerPlaceholders {
    public static let known: Set<String> = [
        "org_name", "hotline", "emergency_number", "legal_help_phone", "crisis_line", "dv_hotline",
        "rapid_response_phone", "city_id_office", "clinic_program", "school_office", "report_line",
        "retention_hours", "wait_minutes", "opens_at", "city_name", "services", "language_name",
        "police_number", "counselling_centre",
    ]
}

extension Linter {
    static func checkLocales(_ content: Content, ids: Set<String>, values: DeploymentValues? = nil, into out: inout [Diagnostic]) {
        let arguments = values.map { sampleArguments.merging($0.values) { $1 } } ?? sampleArguments
        let allAnswerKeys = content.locales.reduce(into: Set<String>()) { $0.formUnion($1.answers.keys) }
        let dontAsk = compileDontAsk(content, into: &out)
        for bundle in content.locales {
            for id in ids.sorted() where bundle.answers[id] == nil {
                out.append(Diagnostic(.error, file: bundle.file, line: nil, "no answer for intent '\(id)'"))
            }
            for key in allAnswerKeys.subtracting(bundle.answers.keys).subtracting(ids).sorted() {
                out.append(Diagnostic(.error, file: bundle.file, line: nil, "answer '\(key)' exists in another locale but not here"))
            }
            for key in Set(bundle.answers.keys).subtracting(ids).sorted() {
                out.append(Diagnostic(.warning, file: bundle.answers[key].map(bundle.file(of:)) ?? bundle.file, line: bundle.answers[key]?.line, "answer '\(key)' has no intent file"))
            }
            for key in LocaleBundle.requiredConversationKeys where bundle.conversation[key] == nil {
                out.append(Diagnostic(.error, file: bundle.file, line: nil, "missing conversation text '\(key)'"))
            }
            for key in Set(bundle.titles.keys).subtracting(ids).sorted() {
                out.append(Diagnostic(.warning, file: bundle.titles[key].map(bundle.file(of:)) ?? bundle.file, line: bundle.titles[key]?.line,
                                      "title '\(key)' has no intent file"))
            }
            let texts = bundle.answers.map { ("answers.\($0.key)", $0.value) } + bundle.conversation.map { ("conversation.\($0.key)", $0.value) }
                + bundle.titles.map { ("titles.\($0.key)", $0.value) }
            for (key, text) in texts.sorted(by: { $0.0 < $1.0 }) {
                checkText(text, key: key, bundle: bundle, dontAsk: dontAsk[LocaleNegotiation.language(of: bundle.locale)] ?? [],
                          arguments: arguments, values: values, into: &out)
            }
            if dontAsk[LocaleNegotiation.language(of: bundle.locale)] == nil {
                out.append(Diagnostic(.warning, file: content.dontAskFile ?? "locales/_dont_ask.yaml", line: nil,
                                      "no don't-ask patterns for '\(bundle.locale)': its answers are not checked"))
            }
        }
    }

    static func checkText(_ text: AnswerText, key: String, bundle: LocaleBundle, dontAsk: [(NSRegularExpression, String)],
                          arguments: [String: MessageArgument] = sampleArguments, values: DeploymentValues? = nil, into out: inout [Diagnostic]) {
        let file = bundle.file(of: text)
        do {
            let names = try MessageFormatting.validate(text.pattern, locale: bundle.locale)
            for name in names.subtracting(AnswerPlaceholders.known).sorted() {
                out.append(Diagnostic(.warning, file: file, line: text.line, "\(key): unknown placeholder {\(name)}"))
            }
            if let values {
                for name in names.intersection(AnswerPlaceholders.known).subtracting(values.values.keys).sorted()
                where name != "wait_minutes" && name != "services" && name != "language_name" {
                    out.append(Diagnostic(.warning, file: file, line: text.line, "\(key): {\(name)} has no value in the deployment values"))
                }
            }
        } catch {
            let line = (text.line ?? 0) + (error.line ?? 0)
            out.append(Diagnostic(.error, file: file, line: line, "\(key): invalid ICU MessageFormat (\(error.name)\(error.offset.map { " at offset \($0)" } ?? ""))"))
        }
        checkSegments(text, key: key, bundle: bundle, arguments: arguments, into: &out)
        let folded = TextFolding.fold(text.pattern)
        let range = NSRange(folded.startIndex..., in: folded)
        for (regex, source) in dontAsk where regex.firstMatch(in: folded, range: range) != nil {
            out.append(Diagnostic(.error, file: file, line: text.line,
                "\(key): don't-ask rule: the text asks for status, papers, nationality, birthplace, name or address (matches /\(source)/)"))
        }
    }

    /// Sample values for rendering answers the way a deployment would (phone numbers, names, counts).
    static let sampleArguments: [String: MessageArgument] = [
        "org_name": .text("Riverside Welcome Line"), "city_name": .text("Riverside"), "hotline": .text("(555) 010-0100"),
        "emergency_number": .text("911"), "legal_help_phone": .text("(555) 010-0150"), "crisis_line": .text("988"),
        "dv_hotline": .text("(555) 010-0190"), "rapid_response_phone": .text("(555) 010-0111"),
        "city_id_office": .text("City Hall, Room 12"), "clinic_program": .text("Riverside Care"),
        "school_office": .text("Family Welcome Center (555) 010-0170"), "report_line": .text("311"),
        "retention_hours": .number(24), "wait_minutes": .number(15), "opens_at": .text("9:00"),
        "services": .text("Food bank, 12 Main St"), "language_name": .text("English"),
        "police_number": .text("911"), "counselling_centre": .text("Welcome Center, (555) 010-0160"),
    ]

    /// Most SMS segments an answer may take: 3 in GSM 7-bit, 4 in UCS-2 (Arabic, Cyrillic, Ge'ez, accents).
    public static let maximumSegments: [SMSEncoding: Int] = [.gsm7: 3, .ucs2: 4]

    static func checkSegments(_ text: AnswerText, key: String, bundle: LocaleBundle,
                              arguments: [String: MessageArgument] = sampleArguments, into out: inout [Diagnostic]) {
        guard let rendered = try? MessageFormatting.format(text.pattern, locale: bundle.locale, arguments: arguments) else { return }
        let (encoding, units) = SMSEncoding.measure(rendered)
        let segments = SMSEncoding.segments(rendered)
        if let limit = maximumSegments[encoding], segments > limit {
            out.append(Diagnostic(.error, file: bundle.file(of: text), line: text.line,
                "\(key): \(segments) SMS segments in \(encoding == .gsm7 ? "GSM-7" : "UCS-2") (\(units) units; at most \(limit))"))
        }
    }

    static func compileDontAsk(_ content: Content, into out: inout [Diagnostic]) -> [String: [(NSRegularExpression, String)]] {
        var result: [String: [(NSRegularExpression, String)]] = [:]
        for (locale, patterns) in content.dontAsk {
            result[locale] = patterns.compactMap { item in
                do {
                    return (try NSRegularExpression(pattern: item.pattern, options: [.caseInsensitive]), item.pattern)
                } catch {
                    out.append(Diagnostic(.error, file: content.dontAskFile ?? "locales/_dont_ask.yaml", line: item.line, "invalid regular expression /\(item.pattern)/"))
                    return nil
                }
            }
        }
        return result
    }
}
