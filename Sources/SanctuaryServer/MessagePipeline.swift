import Foundation
import Logging
import SanctuaryChannels
import SanctuaryConversation
import SanctuaryNLU
import SanctuaryPrivacy
import SanctuaryStore
import Synchronization

/// How a channel delivers the bot's answer.
public enum ReplyMode: Sendable {
    /// In the HTTP response to the webhook (Twilio TwiML, Kannel body, web chat JSON).
    case inline
    /// Through the provider's send API via the outbound queue (the Android gateway).
    case outbox
}

/// What the pipeline produced for one inbound message.
public struct PipelineResult: Sendable {
    /// Texts to put in the HTTP response (empty for outbox channels or silence).
    public let replies: [String]
    /// True when the message was a duplicate and the earlier answer is repeated.
    public let duplicate: Bool
    public let intent: String?
    public let language: String?
}

/// From inbound message to stored state and replies: pseudonym, deduplication, the conversation step,
/// scrubbing and sealing of what a case needs, one atomic commit, advocate notifications.
public struct MessagePipeline: Sendable {
    let content: ContentHolder
    let store: any SanctuaryStorage
    let secrets: ServerSecrets
    let rotation: RotationSchedule
    let clock: any ServiceClock
    let events: AdvocateEvents
    let logger: Logger
    let scrubber = Scrubber()
    private let secretCache = SecretCache()

    public init(content: ContentHolder, store: any SanctuaryStorage, secrets: ServerSecrets, rotation: RotationSchedule,
                clock: any ServiceClock, events: AdvocateEvents, logger: Logger) {
        self.content = content
        self.store = store
        self.secrets = secrets
        self.rotation = rotation
        self.clock = clock
        self.events = events
        self.logger = logger
    }

    /// The conversation key of an address now: the current period's pseudonym, or the previous period's when
    /// that conversation still exists (a rotation never cuts an open case off).
    public func conversationKey(channel: String, address: String) async throws -> String {
        let period = rotation.period(at: clock.now)
        if let previous = try await secret(period: period - 1, current: period) {
            let old = Pseudonym.key(channel: channel, address: address, secret: previous)
            if try await store.conversation(key: old) != nil { return old }
        }
        let secret = try await secret(period: period, current: period)!
        return Pseudonym.key(channel: channel, address: address, secret: secret)
    }

    /// A period's secret, from memory after the first read (secrets never change once made). Only the current
    /// and previous periods are held: older ones leave memory as they leave the store.
    private func secret(period: Int, current: Int) async throws -> Data? {
        if let known = secretCache.withLock({ cache -> Data? in
            cache = cache.filter { $0.key >= current - 1 }
            return cache[period]
        }) { return known }
        guard let secret = try await store.secret(period: period, create: period == current) else { return nil }
        secretCache.withLock { $0[period] = secret }
        return secret
    }

    /// Handles one message from a resident.
    public func handle(_ message: InboundMessage, mode: ReplyMode) async throws -> PipelineResult {
        let dedup = message.providerMessageID.map { secrets.dedupKey(channel: message.channel, providerID: $0) }
        if let dedup, let earlier = try await earlierAnswer(dedup, mode: mode, channel: message.channel) { return earlier }
        let key = try await conversationKey(channel: message.channel, address: message.address)
        for attempt in 1...5 {
            do {
                return try await attemptStep(message, key: key, dedup: dedup, mode: mode)
            } catch is VersionConflict where attempt < 5 {
                continue
            } catch is DuplicateMessage {
                if let dedup, let earlier = try await earlierAnswer(dedup, mode: mode, channel: message.channel) { return earlier }
                throw DuplicateMessage()
            }
        }
        throw VersionConflict()
    }

    /// The answer given to a message already handled, repeated for a provider's retry.
    private func earlierAnswer(_ dedup: String, mode: ReplyMode, channel: String) async throws -> PipelineResult? {
        guard let sealed = try await store.processed(dedupKey: dedup) else { return nil }
        let replies = sealed.isEmpty ? [] : (try? JSONDecoder().decode([String].self, from: CaseCipher.open(sealed, key: secrets.transitKey, context: "replies"))) ?? []
        logger.info("duplicate message answered from cache", metadata: ["channel": "\(channel)"])
        return PipelineResult(replies: mode == .inline ? replies : [], duplicate: true, intent: nil, language: nil)
    }

    private func attemptStep(_ message: InboundMessage, key: String, dedup: String?, mode: ReplyMode) async throws -> PipelineResult {
        let now = clock.now
        let engine = content.current.engine
        let stored = try await store.conversation(key: key)
        let step = engine.step(stored?.state ?? ConversationState(), message: message.text, now: now)
        let replies = step.replies.filter { !$0.isEmpty }
        let erase = step.actions.contains(.eraseConversation)

        var commit = StepCommit(conversationKey: key, expectedVersion: stored?.version, state: step.state, now: now)
        commit.dedupKey = dedup
        if dedup != nil, mode == .inline {
            commit.sealedReplies = try CaseCipher.seal(try JSONEncoder().encode(replies), key: secrets.transitKey, context: "replies")
        }
        commit.eraseCases = erase
        var notifications: [AdvocateEvent] = []
        var transcriptKeys: [String: Data] = [:]
        let scrubbed = scrubber.scrub(message.text)

        for action in step.actions {
            switch action {
            case .count(let intent, let language):
                commit.statistics.append((intent, language, message.channel))
            case .openCase(let request):
                let addressKey = CaseCipher.newKey(), transcriptKey = CaseCipher.newKey()
                let address = ReplyAddress(channel: message.channel, address: message.address, serviceAddress: message.serviceAddress)
                let sealed = try CaseCipher.seal(try JSONEncoder().encode(address), key: addressKey, context: request.id)
                let team = try await store.team(intent: request.intent, category: request.category.rawValue)
                commit.newCase = NewCase(request: request, conversationKey: key, sealedAddress: sealed, addressKey: addressKey,
                                         transcriptKey: transcriptKey, channel: message.channel, team: team)
                transcriptKeys[request.id] = transcriptKey
                notifications.append(AdvocateEvent(kind: .opened, caseID: request.id, urgent: request.level == .urgent, team: team))
            case .appendToCase(let id):
                guard let transcriptKey = try await transcriptKey(caseID: id, fresh: transcriptKeys) else { continue }
                commit.transcript.append(SealedTranscriptLine(
                    caseID: id, author: .resident, advocate: nil,
                    sealedText: try CaseCipher.seal(scrubbed, key: transcriptKey, context: id), at: now))
                // What the bot answered inside the case, so the advocate sees it too.
                if commit.newCase?.request.id == id || step.actions.contains(where: { if case .escalateCase(id, _) = $0 { true } else { false } }) {
                    for reply in replies {
                        commit.transcript.append(SealedTranscriptLine(caseID: id, author: .bot, advocate: nil,
                                                                      sealedText: try CaseCipher.seal(reply, key: transcriptKey, context: id), at: now))
                    }
                }
            case .escalateCase(let id, let level):
                commit.escalations.append((id, level))
                notifications.append(AdvocateEvent(kind: .escalated, caseID: id, urgent: true, team: nil))
            case .setCaseOptOut(let id, let optedOut):
                if commit.newCase?.request.id == id {
                    let new = commit.newCase!
                    commit.newCase = NewCase(request: new.request, conversationKey: new.conversationKey, sealedAddress: new.sealedAddress,
                                             addressKey: new.addressKey, transcriptKey: new.transcriptKey, channel: new.channel,
                                             team: new.team, optedOut: optedOut)
                } else {
                    commit.optOuts.append((id, optedOut))
                }
            case .notifyAdvocates(let id, let urgent):
                if !notifications.contains(where: { $0.caseID == id }) {
                    notifications.append(AdvocateEvent(kind: .updated, caseID: id, urgent: urgent, team: nil))
                }
            case .eraseConversation, .reply:
                break
            }
        }
        if erase {
            commit.state = nil
            if let open = stored?.state.openCase { notifications.append(AdvocateEvent(kind: .closed, caseID: open.id, urgent: false, team: nil)) }
        }
        if mode == .outbox {
            for (index, reply) in replies.enumerated() {
                let outbound = OutboundMessage(channel: message.channel, address: message.address, serviceAddress: message.serviceAddress,
                                               text: reply, idempotencyKey: "\(dedup ?? UUID().uuidString)-\(index)")
                commit.outbox.append((outbound.idempotencyKey, message.channel, nil,
                                      try CaseCipher.seal(try JSONEncoder().encode(outbound), key: secrets.transitKey, context: "outbox")))
            }
        }
        try await store.commit(commit)
        for event in notifications { events.publish(event) }
        logger.info("message handled", metadata: [
            "conversation": "\(Pseudonym.logLabel(key))", "channel": "\(message.channel)",
            "intent": "\(step.classification?.intent ?? "-")", "lang": "\(step.state.language ?? "-")",
            "handoff": "\(step.classification?.handoff.rawValue ?? "-")", "case": "\(step.openedCase?.id ?? "-")",
        ])
        return PipelineResult(replies: mode == .inline ? replies : [], duplicate: false,
                              intent: step.classification?.intent, language: step.state.language)
    }

    private func transcriptKey(caseID: String, fresh: [String: Data]) async throws -> Data? {
        if let key = fresh[caseID] { return key }
        return try await store.caseKeys(id: caseID)?.transcriptKey
    }
}

/// Where replies for a case go; sealed with the case's address key while the case is open.
public struct ReplyAddress: Codable, Sendable {
    public let channel: String
    public let address: String
    public let serviceAddress: String?
}

/// The pseudonym secrets of the current and previous period, shared by all copies of a pipeline.
final class SecretCache: Sendable {
    private let secrets = Mutex<[Int: Data]>([:])
    func withLock<T>(_ body: (inout [Int: Data]) -> T) -> T { secrets.withLock { body(&$0) } }
}
