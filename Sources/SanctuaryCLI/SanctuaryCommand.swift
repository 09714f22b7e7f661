import ArgumentParser

/// The `sanctuary` command line: one executable for admins, operators and CI.
@main
struct SanctuaryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sanctuary",
        abstract: "Multilingual SMS/chat helpline for sanctuary cities.",
        subcommands: [ClassifyCommand.self, LintCommand.self, EvalCommand.self, ChatCommand.self]
    )
}

/// Where the content lives; shared by every command that reads it.
struct ContentOptions: ParsableArguments {
    @Option(help: "Directory of intent files.")
    var intents = "intents"
    @Option(help: "Directory of locale (answer) files.")
    var locales = "locales"
    @Flag(help: "Use the content even when lint finds errors (while content is being written; never in production).")
    var ignoreContentErrors = false
}
