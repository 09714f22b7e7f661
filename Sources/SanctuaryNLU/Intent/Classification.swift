/// What the engine understood of one message.
public struct Classification: Sendable, Equatable, Codable {
    /// How the intent was decided.
    public enum Source: String, Sendable, Codable {
        /// The whole message is a control keyword (STOP, AYUDA, …).
        case keyword
        /// A phrase from an intent's `patterns` matched.
        case pattern
        /// The statistical model was confident enough.
        case model
        /// The model was unsure: the engine asks a clarifying question or declines kindly.
        case rejected
        /// The message has no words (empty, emoji, punctuation only).
        case empty
    }

    /// A runner-up intent and its probability.
    public struct Alternative: Sendable, Equatable, Codable {
        public let intent: String
        public let confidence: Double
        public init(intent: String, confidence: Double) {
            self.intent = intent
            self.confidence = confidence
        }
    }

    /// Primary language subtag ("es").
    public let lang: String
    public let languageConfidence: Double
    public let intent: String
    /// Probability of `intent` (1 for keywords).
    public let confidence: Double
    public let handoff: HandoffLevel
    public let source: Source
    /// The best model intents, most likely first.
    public let alternatives: [Alternative]
    /// Names of the cue sets found in the message (e.g. `now`).
    public let cues: [String]
    /// When the message is urgent: the intent whose safety information must come first (often `intent` itself).
    public let safetyIntent: String?
}
