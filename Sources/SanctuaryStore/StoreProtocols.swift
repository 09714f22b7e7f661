import Foundation
import SanctuaryConversation
import SanctuaryNLU

/// A conversation's saved state and the version it was read at (for optimistic concurrency).
public struct StoredConversation: Sendable, Equatable {
    public let key: String
    public let state: ConversationState
    public let version: Int
    public init(key: String, state: ConversationState, version: Int) {
        self.key = key
        self.state = state
        self.version = version
    }
}

/// A new case and its encrypted reply address.
public struct NewCase: Sendable {
    public let request: CaseRequest
    public let conversationKey: String
    /// Channel, reply address and service address, sealed with `addressKey`.
    public let sealedAddress: Data
    public let addressKey: Data
    public let transcriptKey: Data
    public let channel: String
    public let team: String?
    public let optedOut: Bool
    public init(request: CaseRequest, conversationKey: String, sealedAddress: Data, addressKey: Data, transcriptKey: Data,
                channel: String, team: String?, optedOut: Bool = false) {
        self.request = request
        self.conversationKey = conversationKey
        self.sealedAddress = sealedAddress
        self.addressKey = addressKey
        self.transcriptKey = transcriptKey
        self.channel = channel
        self.team = team
        self.optedOut = optedOut
    }
}

/// Who wrote a transcript line.
public enum TranscriptAuthor: String, Sendable, Codable {
    case resident, bot, advocate, note
}

/// One transcript line, already scrubbed and sealed with the case's transcript key.
public struct SealedTranscriptLine: Sendable {
    public let caseID: String
    public let author: TranscriptAuthor
    /// Advocate login for advocate lines and notes.
    public let advocate: String?
    public let sealedText: Data
    public let at: Date
    public init(caseID: String, author: TranscriptAuthor, advocate: String?, sealedText: Data, at: Date) {
        self.caseID = caseID
        self.author = author
        self.advocate = advocate
        self.sealedText = sealedText
        self.at = at
    }
}

/// A queued outbound message, sealed with the transit key.
public struct OutboxEntry: Sendable, Equatable {
    public let id: Int64
    public let idempotencyKey: String
    public let channel: String
    public let caseID: String?
    public let conversationKey: String?
    public let sealedMessage: Data
    public let attempts: Int
    public let nextAttemptAt: Date
}

/// Everything one conversation step changes, written in one transaction.
public struct StepCommit: Sendable {
    public var conversationKey: String
    /// The version read before the step; nil when the conversation is new.
    public var expectedVersion: Int?
    /// The new state; nil erases the conversation (DELETE).
    public var state: ConversationState?
    /// Deduplication key of the inbound message and the sealed replies to repeat for a duplicate.
    public var dedupKey: String?
    public var sealedReplies: Data?
    public var newCase: NewCase?
    public var transcript: [SealedTranscriptLine] = []
    public var escalations: [(caseID: String, level: HandoffLevel)] = []
    public var optOuts: [(caseID: String, optedOut: Bool)] = []
    /// Cases of this conversation to erase now (DELETE).
    public var eraseCases = false
    public var statistics: [(intent: String, language: String, channel: String)] = []
    /// Messages to send later through a provider's API (channels that cannot reply inline).
    public var outbox: [(idempotencyKey: String, channel: String, caseID: String?, sealedMessage: Data)] = []
    public var now: Date

    public init(conversationKey: String, expectedVersion: Int?, state: ConversationState?, now: Date) {
        self.conversationKey = conversationKey
        self.expectedVersion = expectedVersion
        self.state = state
        self.now = now
    }
}

/// Another request changed the conversation between read and commit; the caller retries.
public struct VersionConflict: Error { public init() {} }

/// The inbound message was already handled (a provider retry that raced the first delivery).
public struct DuplicateMessage: Error { public init() {} }

/// The pseudonym secrets of rotation periods.
public protocol SecretStore: Sendable {
    /// The secret of a period, created when first needed (only for the current period).
    func secret(period: Int, create: Bool) async throws -> Data?
    /// Destroys secrets of periods before `period`.
    func destroySecrets(before period: Int) async throws -> Int
}

/// Conversation state, deduplication and the writes of a step.
public protocol ConversationStore: Sendable {
    func conversation(key: String) async throws -> StoredConversation?
    /// The sealed replies of an inbound message already handled, if any.
    func processed(dedupKey: String) async throws -> Data?
    /// Applies a step atomically; throws `VersionConflict` when the conversation changed meanwhile.
    func commit(_ commit: StepCommit) async throws
    /// Erases conversations idle since `before` that have no open case; returns how many.
    func purgeIdleConversations(before: Date) async throws -> Int
    /// Forgets deduplication entries older than `before`.
    func purgeProcessed(before: Date) async throws -> Int
}

/// Open and recently closed cases, their keys and transcripts.
public protocol CaseStore: Sendable {
    func openCases() async throws -> [CaseSummary]
    func caseSummary(id: String) async throws -> CaseSummary?
    /// The keys of a case (nil once destroyed).
    func caseKeys(id: String) async throws -> CaseKeys?
    func sealedAddress(caseID: String) async throws -> Data?
    func transcript(caseID: String) async throws -> [SealedTranscriptLine]
    func appendTranscript(_ line: SealedTranscriptLine) async throws
    /// Claims for an advocate (nil unclaims); false when another advocate holds it.
    func claim(caseID: String, advocate: String?, now: Date) async throws -> Bool
    func transfer(caseID: String, team: String?, now: Date) async throws
    /// Closes: destroys the address key and sealed address now; the transcript key stays until `purgeAt`.
    func close(caseID: String, now: Date, purgeAt: Date) async throws
    /// Destroys closed cases whose retention ended; returns how many.
    func purgeClosedCases(now: Date) async throws -> Int
    /// Open cases with no advocate line and no follow-up yet, opened before `before` (the follow-up timer).
    func unansweredCases(openedBefore before: Date) async throws -> [CaseSummary]
    func markFollowedUp(caseID: String) async throws
    /// Median minutes to a first advocate reply (statistics).
    func medianWaitMinutes() async throws -> Double?
}

/// The persistent queue of outbound messages.
public protocol OutboxStore: Sendable {
    /// Queues a message; a repeated idempotency key is ignored.
    func enqueue(idempotencyKey: String, channel: String, caseID: String?, conversationKey: String?, sealedMessage: Data, now: Date) async throws
    /// Due messages, oldest first.
    func due(now: Date, limit: Int) async throws -> [OutboxEntry]
    func markSent(id: Int64) async throws
    func reschedule(id: Int64, attempts: Int, next: Date, error: String) async throws
    /// Gives up on a message: it is deleted (never kept undelivered with its address) and counted as failed.
    func markFailed(id: Int64, error: String) async throws
    /// Messages waiting for a web chat session (polling).
    func takeWebMessages(conversationKey: String) async throws -> [Data]
    /// Messages still waiting to be sent.
    func pendingOutbound() async throws -> Int
    /// Forgets web chat messages nobody polled for since `before` (the tab was closed).
    func purgeUnpolledWebMessages(before: Date) async throws -> Int
}

/// Parts of long messages waiting for their siblings.
public protocol MessagePartStore: Sendable {
    /// Stores a part; returns all parts in order (and forgets them) once the group is complete.
    func addPart(groupKey: String, part: Int, total: Int, sealed: Data, now: Date) async throws -> [Data]?
    func purgeParts(before: Date) async throws -> Int
}

/// Console accounts, sessions, teams, routing and settings (staff data, never a resident's).
public protocol AccountStore: Sendable {
    func addAdvocate(login: String, role: Advocate.Role, passwordHash: String, teams: [String], now: Date) async throws
    func advocate(login: String) async throws -> Advocate?
    func advocates() async throws -> [Advocate]
    func setDisabled(login: String, _ disabled: Bool) async throws
    func setPassword(login: String, passwordHash: String) async throws
    func setTOTPSecret(login: String, secret: String?) async throws
    func setTeams(login: String, teams: [String]) async throws
    func createSession(tokenHash: String, login: String, csrfToken: String, now: Date) async throws
    func session(tokenHash: String, now: Date, idle: TimeInterval, absolute: TimeInterval) async throws -> AdvocateSession?
    func deleteSession(tokenHash: String) async throws
    func teams() async throws -> [Team]
    func addTeam(id: String, title: String) async throws
    func setRoute(topic: String, team: String?) async throws
    func team(intent: String, category: String) async throws -> String?
    func setting(_ key: String) async throws -> String?
    func setSetting(_ key: String, _ value: String) async throws
}

/// Everything the service needs from storage. `SQLiteStore` is the embedded implementation; a shared
/// PostgreSQL for several instances implements the same protocols.
public typealias SanctuaryStorage = SecretStore & ConversationStore & CaseStore & OutboxStore & StatisticsStore & MessagePartStore & AccountStore

/// Aggregate counts only.
public protocol StatisticsStore: Sendable {
    func statistics(since: Date) async throws -> [StatisticRow]
}

/// One counter: messages per hour, intent, language and channel.
public struct StatisticRow: Sendable, Equatable, Codable {
    public let hour: Date
    public let intent: String
    public let language: String
    public let channel: String
    public let count: Int
}

/// Keys of one case.
public struct CaseKeys: Sendable {
    /// Nil once the case is closed.
    public let addressKey: Data?
    public let transcriptKey: Data
}

/// What the advocates' queue shows of a case: never an address, never a name.
public struct CaseSummary: Sendable, Equatable, Codable {
    public let id: String
    public let conversationKey: String
    public let level: HandoffLevel
    public let intent: String
    public let category: String
    public let language: String
    public let channel: String
    public let team: String?
    public let claimedBy: String?
    public let openedAt: Date
    public let updatedAt: Date
    public let closedAt: Date?
    public let optedOut: Bool
    public let lastResidentAt: Date?
}
