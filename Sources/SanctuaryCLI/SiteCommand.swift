import ArgumentParser
import Foundation
import SanctuaryNLU

/// `sanctuary site`: the static know-your-rights website, generated from the same content as the SMS answers.
struct SiteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Generate the static multilingual know-your-rights website from the content.",
        subcommands: [SiteBuildCommand.self])
}

/// `sanctuary site build OUT/`: one page per topic and locale, an index per locale, one local stylesheet.
struct SiteBuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Write the website into OUT (topic pages per locale, indexes, style.css; no JavaScript, no external assets).")

    @OptionGroup var content: ContentOptions
    @Option(help: "Deployment values filled into the pages (default: deploy/demo-city-<profile>.yaml if it exists, else deploy/demo-city.yaml).")
    var values: String?
    @Argument(help: "Output directory.")
    var out: String

    func run() async throws {
        let deployment = try DeploymentValues.loadOrExit(content.valuesPath(values))
        let (loaded, report) = Linter.lint(intentsDirectory: content.intents, localesDirectory: content.locales,
                                           profile: content.profile, overridesDirectory: content.overrides)
        if !report.isClean && !content.ignoreContentErrors {
            for d in report.errors { printError(d.description) }
            printError("sanctuary: content has \(report.errors.count) error(s); the site was not built")
            throw ExitCode.failure
        }
        let built = try SiteBuilder(content: loaded, values: deployment).build(into: out)
        print("\(out): \(built.topicPages) topic pages and \(built.indexPages) indexes in \(loaded.locales.count) languages"
              + (content.profile.map { " (profile \($0))" } ?? ""))
    }
}
