import Foundation
import SanctuaryNLU

/// Looks up services for a message (the services directory); nil when it has nothing to say.
public typealias DirectoryLookup = @Sendable (_ intent: String, _ text: String, _ language: String, _ now: Date) -> String?

/// How the conversation engine behaves in one deployment.
public struct ConversationSettings: Sendable {
    public var officeHours: OfficeHours
    /// Expected wait for an advocate, told to the resident.
    public var urgentWaitMinutes: Int
    public var handoffWaitMinutes: Int
    /// An unanswered case gets one follow-up message after this many minutes.
    public var urgentFollowUpMinutes = 10
    public var handoffFollowUpMinutes = 120
    public var menus: Menus
    /// Services intents answered from the directory when it finds something.
    public var directoryIntents: Set<String>

    public init(officeHours: OfficeHours = .always, urgentWaitMinutes: Int = 5, handoffWaitMinutes: Int = 30,
                menus: Menus = .standard,
                directoryIntents: Set<String> = ["find_food", "find_shelter", "find_primary_care", "search_directory"]) {
        self.officeHours = officeHours
        self.urgentWaitMinutes = urgentWaitMinutes
        self.handoffWaitMinutes = handoffWaitMinutes
        self.menus = menus
        self.directoryIntents = directoryIntents
    }
}
