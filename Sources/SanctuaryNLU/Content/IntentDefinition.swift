/// A rule that moves an intent's handoff level when the message contains a cue: up for `raise` rules ("at the door
/// right now"), down for `lower` rules ("what if they come").
public struct RaiseRule: Sendable, Equatable {
    /// The level reached when a cue matches.
    public let level: HandoffLevel
    /// Names of cue sets from `intents/_cues.yaml` (e.g. `now`, `danger`).
    public let cueSets: [String]
    /// Cue sets that cancel the rule (a lower rule does not apply when "right now" is also in the message).
    public let unless: [String]
}

/// One intent as an admin writes it in `intents/<id>.yaml`.
public struct IntentDefinition: Sendable {
    public let id: String
    public let category: IntentCategory
    /// The level without any raising cue.
    public let handoff: HandoffLevel
    public let raise: [RaiseRule]
    /// Rules that lower the level when a cue matches and no raise rule did (a hypothetical "what if…").
    public let lower: [RaiseRule]
    /// Example phrases per locale, the classifier's training data.
    public let examples: [String: [String]]
    /// Words that select this intent only when they are the whole message (STOP, AYUDA…), per locale.
    public let keywords: [String: [String]]
    /// Phrases that select this intent wherever they appear in a message, per locale.
    public let patterns: [String: [String]]
    /// Where the file is, for diagnostics.
    public let file: String
    /// Line of each example, keyed by locale then index, for diagnostics.
    public let exampleLines: [String: [Int]]
}

/// Named lists of phrases, per locale, that intents' raise rules refer to.
public struct CueSets: Sendable {
    /// Cue set name → locale → phrases.
    public let sets: [String: [String: [String]]]
    /// Cue sets that raise every message, whatever its intent (e.g. `danger: urgent`).
    public let always: [String: HandoffLevel]
    public static let empty = CueSets(sets: [:], always: [:])
}
