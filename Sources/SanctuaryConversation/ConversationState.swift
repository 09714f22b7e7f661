import Foundation
import SanctuaryNLU

/// Everything the bot remembers about one conversation between messages. It holds no message text, no
/// address and no name: only the language, what the bot is waiting for, and whether a case is open.
public struct ConversationState: Codable, Sendable, Equatable {
    /// What a bare number in the next message selects.
    public enum Awaiting: String, Codable, Sendable {
        case menu, clarify, language
    }

    /// The case an advocate holds or will take.
    public struct OpenCase: Codable, Sendable, Equatable {
        public var id: String
        public var level: HandoffLevel
        public init(id: String, level: HandoffLevel) {
            self.id = id
            self.level = level
        }
    }

    /// Conversation language (primary subtag); nil until the first message is understood.
    public var language: String?
    /// The resident chose the language (LANG, menu 9): detection no longer switches it on short replies.
    public var languageChosen = false
    /// The resident texted STOP: no messages until START (an urgent message still gets its safety answer).
    public var optedOut = false
    public var awaiting: Awaiting?
    /// Consecutive messages the bot did not understand.
    public var unclearCount = 0
    public var openCase: OpenCase?
    /// Messages received in this conversation.
    public var turns = 0

    public init() {}
}
