/// How soon a human must take over: the bot answers (none), an advocate soon (handoff), or safety
/// information now and an advocate at once (urgent).
public enum HandoffLevel: String, Sendable, Codable, Comparable, CaseIterable {
    case none, handoff, urgent

    private var rank: Int { switch self { case .none: 0; case .handoff: 1; case .urgent: 2 } }
    public static func < (a: HandoffLevel, b: HandoffLevel) -> Bool { a.rank < b.rank }
}

/// The groups of intents, used for routing to advocate teams and for the menu.
public enum IntentCategory: String, Sendable, Codable, CaseIterable {
    case services, rights, sensitive, control
}
