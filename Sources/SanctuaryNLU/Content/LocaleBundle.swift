/// Whether a human has checked an answer's facts.
public enum ReviewState: String, Sendable, Codable { case draft, reviewed }

/// Which layer of content a text comes from: the base locale files, a jurisdiction profile
/// (`locales/profiles/<profile>/`), or a deployment's own overrides directory (applied last).
public enum ContentLayer: String, Sendable, Codable { case base, profile, overrides }

/// One answer text in ICU MessageFormat, with its review state.
public struct AnswerText: Sendable {
    public let pattern: String
    public let review: ReviewState
    /// Last date the facts were verified (YYYY-MM-DD), if recorded.
    public let verified: String?
    public let line: Int?
    /// The file the text was read from, when it is not the bundle's own file (a profile or an override).
    public var file: String? = nil
    /// The layer the text comes from.
    public var layer: ContentLayer = .base
}

/// The texts of one locale from `locales/<bcp47>.yaml`.
public struct LocaleBundle: Sendable {
    /// BCP 47 tag of the file ("es", "pt-BR").
    public let locale: String
    /// The language's own name ("Español").
    public let name: String
    /// Right-to-left for Arabic, Persian and Pashto.
    public let rightToLeft: Bool
    /// Answer per intent id.
    public let answers: [String: AnswerText]
    /// Texts of the conversation engine (greeting, menu, clarify…), by key.
    public let conversation: [String: AnswerText]
    /// The base locale file.
    public let file: String
    /// Optional short topic titles per intent id (headings of the website); the site falls back to the answer's
    /// first sentence.
    public var titles: [String: AnswerText] = [:]

    /// The file a text came from: its profile or override file, else the base locale file.
    public func file(of text: AnswerText) -> String { text.file ?? file }

    /// The conversation texts every locale must have.
    public static let requiredConversationKeys = [
        "greeting", "menu", "clarify", "out_of_scope", "handoff_confirm", "handoff_followup", "out_of_hours",
        "stop_confirm", "start_confirm", "help", "delete_confirm", "language_switched", "privacy",
    ]
}
