/// Whether a human has checked an answer's facts.
public enum ReviewState: String, Sendable, Codable { case draft, reviewed }

/// One answer text in ICU MessageFormat, with its review state.
public struct AnswerText: Sendable {
    public let pattern: String
    public let review: ReviewState
    /// Last date the facts were verified (YYYY-MM-DD), if recorded.
    public let verified: String?
    public let line: Int?
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
    public let file: String

    /// The conversation texts every locale must have.
    public static let requiredConversationKeys = [
        "greeting", "menu", "clarify", "out_of_scope", "handoff_confirm", "out_of_hours",
        "stop_confirm", "start_confirm", "help", "delete_confirm", "language_switched", "privacy",
    ]
}
