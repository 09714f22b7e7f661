import Foundation
import SanctuaryNLU

/// What the conversation engine asks the service to do. The engine decides; the service performs.
public enum ConversationAction: Sendable, Equatable {
    /// Send these texts to the resident, in order (each may be split into SMS segments by the channel).
    case reply([String])
    /// Open a case for advocates. Safety information, if any, is already in the `reply` of the same step.
    case openCase(CaseRequest)
    /// Raise the level of the open case (a new message made it urgent).
    case escalateCase(id: String, level: HandoffLevel)
    /// Add the resident's message to the open case's transcript (the service scrubs and encrypts it).
    case appendToCase(id: String)
    /// Tell the advocates watching the queue that a case needs attention.
    case notifyAdvocates(caseID: String, urgent: Bool)
    /// The resident opted out (STOP) or back in (START) while a case is open.
    case setCaseOptOut(id: String, optedOut: Bool)
    /// Erase the conversation, its case, transcript and keys now (DELETE).
    case eraseConversation
    /// Count one message in the aggregate statistics (no text, no key).
    case count(intent: String, language: String)
}

/// A case to open for advocates.
public struct CaseRequest: Sendable, Equatable {
    public let id: String
    public let level: HandoffLevel
    public let intent: String
    public let category: IntentCategory
    public let language: String
    public init(id: String, level: HandoffLevel, intent: String, category: IntentCategory, language: String) {
        self.id = id
        self.level = level
        self.intent = intent
        self.category = category
        self.language = language
    }
}

/// The result of one step: the new state, the actions, and what was understood (for logs and tests).
public struct ConversationStep: Sendable {
    public let state: ConversationState
    public let actions: [ConversationAction]
    public let classification: Classification?

    /// All reply texts of the step, in order.
    public var replies: [String] {
        actions.flatMap { action -> [String] in
            if case .reply(let texts) = action { return texts }
            return []
        }
    }

    /// The case opened in this step, if any.
    public var openedCase: CaseRequest? {
        for action in actions { if case .openCase(let request) = action { return request } }
        return nil
    }
}
