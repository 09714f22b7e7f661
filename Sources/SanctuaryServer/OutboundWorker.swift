import Foundation
import Logging
import SanctuaryChannels
import SanctuaryPrivacy
import SanctuaryStore
import ServiceLifecycle

/// Sends queued messages through each provider's API, with retries and exponential backoff.
/// A message is deleted once sent or given up (never kept undelivered with its address).
public struct OutboundWorker: Service, CustomStringConvertible {
    /// Never print the senders: they hold provider credentials (ServiceLifecycle logs services at start).
    public var description: String { "OutboundWorker(channels: \(senders.keys.sorted()))" }
    let store: any SanctuaryStorage
    let senders: [String: any MessageSender]
    let secrets: ServerSecrets
    let clock: any ServiceClock
    let logger: Logger
    /// First retry delay; doubles per attempt up to `maxDelay`.
    public var baseDelay: TimeInterval = 5
    public var maxDelay: TimeInterval = 3600
    public var maxAttempts = 12
    public var pollInterval: Duration = .milliseconds(500)

    public init(store: any SanctuaryStorage, senders: [String: any MessageSender], secrets: ServerSecrets, clock: any ServiceClock, logger: Logger) {
        self.store = store
        self.senders = senders
        self.secrets = secrets
        self.clock = clock
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do { _ = try await drain() } catch { logger.error("outbound queue error", metadata: ["error": "\(type(of: error))"]) }
                try? await Task.sleep(for: pollInterval)
            }
        }
    }

    /// Sends everything due now; returns how many were sent.
    @discardableResult
    public func drain() async throws -> Int {
        var sent = 0
        for entry in try await store.due(now: clock.now, limit: 50) {
            guard let message = try? JSONDecoder().decode(OutboundMessage.self, from: CaseCipher.open(entry.sealedMessage, key: secrets.transitKey, context: "outbox")) else {
                try await store.markFailed(id: entry.id, error: "cannot open")
                continue
            }
            guard let sender = senders[entry.channel] else {
                try await store.markFailed(id: entry.id, error: "no sender configured for \(entry.channel)")
                logger.warning("no sender configured", metadata: ["channel": "\(entry.channel)"])
                continue
            }
            switch await sender.send(message) {
            case .sent:
                try await store.markSent(id: entry.id)
                sent += 1
            case .retry(let reason, let after):
                let attempts = entry.attempts + 1
                if attempts >= maxAttempts {
                    try await store.markFailed(id: entry.id, error: reason)
                    logger.error("outbound message given up", metadata: ["channel": "\(entry.channel)", "attempts": "\(attempts)"])
                } else {
                    let delay = min(maxDelay, max(after ?? 0, baseDelay * pow(2, Double(attempts - 1))))
                    try await store.reschedule(id: entry.id, attempts: attempts, next: clock.now.addingTimeInterval(delay), error: reason)
                    logger.warning("outbound message will be retried", metadata: ["channel": "\(entry.channel)", "reason": "\(reason)", "in": "\(Int(delay))s"])
                }
            case .failed(let reason):
                try await store.markFailed(id: entry.id, error: reason)
                logger.error("outbound message failed", metadata: ["channel": "\(entry.channel)", "reason": "\(reason)"])
            }
        }
        return sent
    }
}

/// Periodic privacy jobs: destroy closed cases after retention, forget idle conversations, old
/// deduplication entries, and pseudonym secrets of past periods.
public struct RetentionJobs: Service, CustomStringConvertible {
    public var description: String { "RetentionJobs" }
    /// Timer events for cases nobody answered yet (the follow-up message), when set.
    var followUps: FollowUpTimer?
    let store: any SanctuaryStorage
    let clock: any ServiceClock
    let rotation: RotationSchedule
    let conversationIdle: TimeInterval
    let logger: Logger
    public var interval: Duration = .seconds(60)

    public init(store: any SanctuaryStorage, clock: any ServiceClock, rotation: RotationSchedule, conversationIdle: TimeInterval, logger: Logger) {
        self.store = store
        self.clock = clock
        self.rotation = rotation
        self.conversationIdle = conversationIdle
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do { try await runOnce() } catch { logger.error("retention job error", metadata: ["error": "\(type(of: error))"]) }
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// One pass of every job (tests call this after moving the clock).
    public func runOnce() async throws {
        let now = clock.now
        if let followUps { try await followUps.fire(now: now) }
        let cases = try await store.purgeClosedCases(now: now)
        let conversations = try await store.purgeIdleConversations(before: now.addingTimeInterval(-conversationIdle))
        let processed = try await store.purgeProcessed(before: now.addingTimeInterval(-48 * 3600))
        let parts = try await store.purgeParts(before: now.addingTimeInterval(-3600))
        let unpolled = try await store.purgeUnpolledWebMessages(before: now.addingTimeInterval(-24 * 3600))
        // The previous period's secret stays so a conversation spanning a rotation continues.
        let secrets = try await store.destroySecrets(before: rotation.period(at: now) - 1)
        if cases + conversations + processed + secrets + parts + unpolled > 0 {
            logger.info("retention", metadata: ["cases": "\(cases)", "conversations": "\(conversations)", "dedup": "\(processed)",
                                                "secrets": "\(secrets)", "parts": "\(parts)", "unpolled": "\(unpolled)"])
        }
    }
}

/// The conversation engine's timer for unanswered cases: after the configured wait the resident gets one
/// follow-up through their channel (the reply route is still sealed in the open case).
struct FollowUpTimer: Sendable {
    let store: any SanctuaryStorage
    let content: ContentHolder
    let cases: CaseService
    let logger: Logger

    func fire(now: Date) async throws {
        let engine = content.current.engine
        let earliest = min(engine.settings.urgentFollowUpMinutes, engine.settings.handoffFollowUpMinutes)
        for summary in try await store.unansweredCases(openedBefore: now.addingTimeInterval(-Double(earliest) * 60)) {
            let actions = engine.caseUnanswered(level: summary.level, language: summary.language, optedOut: summary.optedOut,
                                                waited: now.timeIntervalSince(summary.openedAt))
            for case .reply(let texts) in actions {
                for text in texts where !text.isEmpty { try await cases.systemMessage(caseID: summary.id, text: text) }
                try await store.markFollowedUp(caseID: summary.id)
                logger.info("follow-up queued for an unanswered case", metadata: ["case": "\(summary.id)"])
            }
        }
    }
}
