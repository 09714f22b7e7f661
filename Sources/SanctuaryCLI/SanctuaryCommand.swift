import ArgumentParser
import SanctuaryNLU

/// The `sanctuary` command line: one executable for admins, operators and CI.
@main
struct SanctuaryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sanctuary",
        abstract: "Multilingual SMS/chat helpline for sanctuary cities.",
        subcommands: [ServeCommand.self, ChatCommand.self, ClassifyCommand.self, LintCommand.self, EvalCommand.self, SiteCommand.self, DirectoryCommand.self, PrivacyCommand.self, AdvocateCommand.self, SMSInfoCommand.self]
    )
}

/// Where the content lives; shared by every command that reads it.
struct ContentOptions: ParsableArguments {
    @Option(help: "Directory of intent files.")
    var intents = "intents"
    @Option(help: "Directory of locale (answer) files.")
    var locales = "locales"
    @Option(help: "Jurisdiction profile merged over the base answers (locales/profiles/<profile>/, e.g. de for a German city).")
    var profile: String?
    @Option(help: "A deployment's own overrides directory (<lang>.yaml, locale-file schema), applied after the profile.")
    var overrides: String?
    @Flag(help: "Use the content even when lint finds errors (while content is being written; never in production).")
    var ignoreContentErrors = false
    @Option(help: ArgumentHelp("Below this probability the best intent is not trusted (default 0.20).", visibility: .hidden))
    var rejectBelow: Double?
    @Option(help: ArgumentHelp("Rejected guesses below this are out of scope, above it a clarifying question (default 0.12).", visibility: .hidden))
    var outOfScopeBelow: Double?
    @Option(help: ArgumentHelp("An urgent reading at least this likely makes the message urgent (default 0.25).", visibility: .hidden))
    var urgentFloor: Double?
    @Option(help: ArgumentHelp("The urgent floor is multiplied by this when an urgency cue is present (default 0.35).", visibility: .hidden))
    var cueFloorFactor: Double?

    /// The engine settings with any tuning flags applied.
    var settings: EngineSettings {
        var s = EngineSettings()
        if let rejectBelow { s.rejectBelow = rejectBelow }
        if let outOfScopeBelow { s.outOfScopeBelow = outOfScopeBelow }
        if let urgentFloor { s.urgentSafetyFloor = urgentFloor }
        if let cueFloorFactor { s.cueFloorFactor = cueFloorFactor }
        return s
    }
}
