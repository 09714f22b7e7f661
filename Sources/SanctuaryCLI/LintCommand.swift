import ArgumentParser
import Foundation
import SanctuaryNLU

/// `sanctuary lint`: validates intent and locale files; errors name file and line; exit 1 on any error.
struct LintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check intent and locale files: schema, coverage, duplicates, MessageFormat, the don't-ask rule.")

    @OptionGroup var content: ContentOptions
    @Flag(help: "Also print warnings.")
    var warnings = false
    @Flag(help: "Treat warnings as errors.")
    var strict = false
    @Option(help: "Deployment values: texts are also measured for SMS segments with these, and placeholders without a value are warnings.")
    var values: String?

    func run() async throws {
        let deployment = try values.map { try DeploymentValues.loadOrExit($0) }
        let (loaded, report) = Linter.lint(intentsDirectory: content.intents, localesDirectory: content.locales,
                                           profile: content.profile, overridesDirectory: content.overrides, values: deployment)
        for d in report.errors { print(d.description) }
        if warnings || strict { for d in report.warnings { print(d.description) } }
        let layered = content.profile != nil || content.overrides != nil
        print("")
        print("locale  intents  examples  answers  draft" + (layered ? "  profile  overrides  overlay-draft" : ""))
        for c in report.coverage {
            var row = c.locale.padding(toLength: 7, withPad: " ", startingAt: 0)
            row += " \(c.intentsWithExamples)/\(c.intents)".padding(toLength: 9, withPad: " ", startingAt: 0)
            row += " \(c.examples)".padding(toLength: 10, withPad: " ", startingAt: 0)
            row += " \(c.answers)/\(c.intents)".padding(toLength: 9, withPad: " ", startingAt: 0)
            if layered {
                row += " \(c.draftAnswers)".padding(toLength: 7, withPad: " ", startingAt: 0)
                row += " \(c.profileAnswers)".padding(toLength: 9, withPad: " ", startingAt: 0)
                row += " \(c.overrideAnswers)".padding(toLength: 11, withPad: " ", startingAt: 0)
                row += " \(c.draftOverlayAnswers)"
            } else {
                row += " \(c.draftAnswers)"
            }
            print(row)
        }
        let layers = [content.profile.map { "profile \($0)" }, content.overrides.map { "overrides \($0)" }].compactMap { $0 }
        print("\(loaded.intents.count) intents, \(loaded.enabledLocales.count) locales\(layers.isEmpty ? "" : " (" + layers.joined(separator: ", ") + ")"): \(report.errors.count) error(s), \(report.warnings.count) warning(s)")
        if !report.isClean || (strict && !report.warnings.isEmpty) { throw ExitCode.failure }
    }
}
