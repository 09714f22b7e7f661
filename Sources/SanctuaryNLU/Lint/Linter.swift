import Foundation
import SanctuaryText

/// The result of checking all content: every diagnostic and a coverage table per locale.
public struct LintReport: Sendable {
    public let diagnostics: [Diagnostic]
    public let coverage: [LocaleCoverage]
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    public var isClean: Bool { errors.isEmpty }
}

/// How complete one locale is.
public struct LocaleCoverage: Sendable {
    public let locale: String
    public let intentsWithExamples: Int
    public let examples: Int
    public let answers: Int
    public let draftAnswers: Int
    public let intents: Int
    /// Answers that come from the jurisdiction profile (0 without a profile).
    public var profileAnswers: Int = 0
    /// Answers that come from the deployment's overrides directory (0 without one).
    public var overrideAnswers: Int = 0
    /// Of the profile and override answers, how many are still drafts.
    public var draftOverlayAnswers: Int = 0
}

/// Checks intent and locale files together. The same checks run in `sanctuary lint`, in CI and before every reload.
public enum Linter {
    /// Fewer examples than this for an intent in a locale is worth a warning.
    public static let minimumExamples = 10

    /// Reads and checks the two directories.
    public static func lint(intentsDirectory: String, localesDirectory: String) -> (Content, LintReport) {
        lint(intentsDirectory: intentsDirectory, localesDirectory: localesDirectory, profile: nil)
    }

    /// Reads the base files with a jurisdiction profile and a deployment's overrides merged over them, and checks
    /// the merged content. With `values`, texts are also measured for SMS segments with the deployment's own values.
    public static func lint(intentsDirectory: String, localesDirectory: String, profile: String?,
                            overridesDirectory: String? = nil, values: DeploymentValues? = nil) -> (Content, LintReport) {
        let (content, readDiagnostics) = ContentLoader.read(intentsDirectory: intentsDirectory, localesDirectory: localesDirectory,
                                                            profile: profile, overridesDirectory: overridesDirectory)
        return (content, check(content, readDiagnostics: readDiagnostics, values: values))
    }

    /// Cross-file checks on content that has been read.
    public static func check(_ content: Content, readDiagnostics: [Diagnostic] = [], values: DeploymentValues? = nil) -> LintReport {
        var out = readDiagnostics
        let enabled = content.enabledLocales
        let ids = Set(content.intents.map(\.id))
        if enabled.isEmpty { out.append(Diagnostic(.error, file: "locales", line: nil, "no locale files: at least one locale must be enabled")) }
        for required in IntentCatalog.requiredIDs where !ids.contains(required) {
            out.append(Diagnostic(.error, file: "intents", line: nil, "required intent '\(required)' has no file \(required).yaml"))
        }
        checkExamples(content, enabled: enabled, into: &out)
        checkKeywords(content, into: &out)
        checkLocales(content, ids: ids, values: values, into: &out)
        let coverage = enabled.map { locale -> LocaleCoverage in
            let bundle = content.locales.first { $0.locale == locale }
            let relevant = bundle?.answers.filter { ids.contains($0.key) } ?? [:]
            let overlay = relevant.values.filter { $0.layer != .base }
            return LocaleCoverage(
                locale: locale,
                intentsWithExamples: content.intents.filter { !($0.examples[locale] ?? []).isEmpty }.count,
                examples: content.intents.reduce(0) { $0 + ($1.examples[locale]?.count ?? 0) },
                answers: relevant.count,
                draftAnswers: relevant.values.filter { $0.review == .draft }.count,
                intents: ids.count,
                profileAnswers: overlay.filter { $0.layer == .profile }.count,
                overrideAnswers: overlay.filter { $0.layer == .overrides }.count,
                draftOverlayAnswers: overlay.filter { $0.review == .draft }.count)
        }
        return LintReport(diagnostics: out, coverage: coverage)
    }

    static func normalized(_ text: String) -> String {
        AnalyzedText(text).wholeMessageKey
    }

    static func checkExamples(_ content: Content, enabled: [String], into out: inout [Diagnostic]) {
        var owner: [String: (intent: String, file: String)] = [:]
        // Normalising every example is the expensive part: do it on all cores, in a fixed order.
        let all = content.intents.flatMap { intent in
            intent.examples.keys.sorted().flatMap { locale in (intent.examples[locale] ?? []).map { (intent.id, locale, $0) } }
        }
        let keys = ParallelMap.map(all.map(\.2)) { normalized($0) }
        var keyIterator = keys.makeIterator()
        for intent in content.intents {
            for locale in enabled {
                let count = intent.examples[locale]?.count ?? 0
                if count == 0 {
                    out.append(Diagnostic(.error, file: intent.file, line: nil, "no examples for enabled locale '\(locale)'"))
                } else if count < minimumExamples {
                    out.append(Diagnostic(.warning, file: intent.file, line: nil, "only \(count) examples for '\(locale)' (at least \(minimumExamples) recommended)"))
                }
            }
            for locale in intent.examples.keys.sorted() {
                let examples = intent.examples[locale] ?? []
                if !enabled.contains(locale) {
                    out.append(Diagnostic(.warning, file: intent.file, line: intent.exampleLines[locale]?.first, "examples for '\(locale)', which has no locale file"))
                }
                var seen = Set<String>()
                for (index, example) in examples.enumerated() {
                    let key = keyIterator.next() ?? normalized(example)
                    let line = intent.exampleLines[locale]?[index]
                    if key.isEmpty { continue }
                    if !seen.insert(key).inserted {
                        out.append(Diagnostic(.warning, file: intent.file, line: line, "duplicate example '\(example)'"))
                        continue
                    }
                    let ownerKey = locale + "\u{1}" + key
                    if let other = owner[ownerKey], other.intent != intent.id {
                        out.append(Diagnostic(.error, file: intent.file, line: line,
                            "example '\(example)' (\(locale)) also belongs to intent '\(other.intent)': conflicting training data"))
                    } else {
                        owner[ownerKey] = (intent.id, intent.file)
                    }
                }
            }
            for rule in intent.raise + intent.lower {
                for set in rule.cueSets + rule.unless where content.cues.sets[set] == nil {
                    out.append(Diagnostic(.error, file: intent.file, line: nil, "raise rule refers to unknown cue set '\(set)' (see intents/_cues.yaml)"))
                }
            }
        }
    }

    static func checkKeywords(_ content: Content, into out: inout [Diagnostic]) {
        var owner: [String: String] = [:]
        for intent in content.intents {
            for (locale, words) in intent.keywords {
                for word in words {
                    let key = locale + "\u{1}" + normalized(word)
                    if let other = owner[key], other != intent.id {
                        out.append(Diagnostic(.error, file: intent.file, line: nil, "keyword '\(word)' (\(locale)) is also a keyword of '\(other)'"))
                    }
                    owner[key] = intent.id
                }
            }
        }
    }
}
