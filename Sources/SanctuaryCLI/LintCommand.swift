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

    func run() async throws {
        let (loaded, report) = Linter.lint(intentsDirectory: content.intents, localesDirectory: content.locales)
        for d in report.errors { print(d.description) }
        if warnings || strict { for d in report.warnings { print(d.description) } }
        print("")
        print("locale  intents  examples  answers  draft")
        for c in report.coverage {
            print(c.locale.padding(toLength: 7, withPad: " ", startingAt: 0)
                  + " \(c.intentsWithExamples)/\(c.intents)".padding(toLength: 9, withPad: " ", startingAt: 0)
                  + " \(c.examples)".padding(toLength: 10, withPad: " ", startingAt: 0)
                  + " \(c.answers)/\(c.intents)".padding(toLength: 9, withPad: " ", startingAt: 0)
                  + " \(c.draftAnswers)")
        }
        print("\(loaded.intents.count) intents, \(loaded.enabledLocales.count) locales: \(report.errors.count) error(s), \(report.warnings.count) warning(s)")
        if !report.isClean || (strict && !report.warnings.isEmpty) { throw ExitCode.failure }
    }
}
