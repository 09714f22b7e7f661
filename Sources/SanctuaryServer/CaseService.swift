import Foundation
import Logging
import SanctuaryChannels
import SanctuaryPrivacy
import SanctuaryStore
import SanctuaryText

/// What advocates do with a case: read the transcript, reply through the resident's channel, note, close.
/// Used by the console; every method works on one case and never returns the address.
public struct CaseService: Sendable {
    let store: any SanctuaryStorage
    let secrets: ServerSecrets
    let clock: any ServiceClock
    let events: AdvocateEvents
    let retention: TimeInterval
    let logger: Logger
    let scrubber = Scrubber()

    public init(store: any SanctuaryStorage, secrets: ServerSecrets, clock: any ServiceClock, events: AdvocateEvents, retention: TimeInterval, logger: Logger) {
        self.store = store
        self.secrets = secrets
        self.clock = clock
        self.events = events
        self.retention = retention
        self.logger = logger
    }

    /// One transcript line as the console shows it.
    public struct Line: Sendable, Codable, Equatable {
        public let author: String
        public let advocate: String?
        public let text: String
        public let at: Date
    }

    /// The decrypted, scrubbed transcript (empty once the keys are destroyed).
    public func transcript(caseID: String) async throws -> [Line] {
        guard let keys = try await store.caseKeys(id: caseID) else { return [] }
        return try await store.transcript(caseID: caseID).compactMap { line in
            guard let text = try? CaseCipher.openString(line.sealedText, key: keys.transcriptKey, context: caseID) else { return nil }
            return Line(author: line.author.rawValue, advocate: line.advocate, text: text, at: line.at)
        }
    }

    /// Why an advocate's reply could not be queued.
    public enum ReplyError: Error, Equatable {
        case caseClosed, residentOptedOut, empty
    }

    /// Queues an advocate's reply to the resident (scrubbed into the transcript, sent through the channel).
    public func reply(caseID: String, advocate: String, text: String, idempotencyKey: String) async throws {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw ReplyError.empty }
        guard let summary = try await store.caseSummary(id: caseID), summary.closedAt == nil,
              let keys = try await store.caseKeys(id: caseID), let addressKey = keys.addressKey,
              let sealed = try await store.sealedAddress(caseID: caseID)
        else { throw ReplyError.caseClosed }
        guard !summary.optedOut else { throw ReplyError.residentOptedOut }
        let address = try JSONDecoder().decode(ReplyAddress.self, from: CaseCipher.open(sealed, key: addressKey, context: caseID))
        let message = OutboundMessage(channel: address.channel, address: address.address, serviceAddress: address.serviceAddress,
                                      text: trimmed, idempotencyKey: "advocate-\(caseID)-\(idempotencyKey)")
        let now = clock.now
        try await store.enqueue(idempotencyKey: message.idempotencyKey, channel: address.channel, caseID: caseID,
                                conversationKey: summary.conversationKey,
                                sealedMessage: try CaseCipher.seal(try JSONEncoder().encode(message), key: secrets.transitKey, context: "outbox"),
                                now: now)
        try await store.appendTranscript(SealedTranscriptLine(caseID: caseID, author: .advocate, advocate: advocate,
                                                              sealedText: try CaseCipher.seal(scrubber.scrub(trimmed), key: keys.transcriptKey, context: caseID), at: now))
        events.publish(AdvocateEvent(kind: .updated, caseID: caseID, urgent: summary.level == .urgent, team: summary.team))
        logger.info("advocate reply queued", metadata: ["case": "\(caseID)", "channel": "\(address.channel)"])
    }

    /// Queues a message from the service itself (a follow-up) through the case's channel; recorded as a bot line.
    public func systemMessage(caseID: String, text: String) async throws {
        guard let summary = try await store.caseSummary(id: caseID), summary.closedAt == nil, !summary.optedOut,
              let keys = try await store.caseKeys(id: caseID), let routeKey = keys.addressKey,
              let sealed = try await store.sealedAddress(caseID: caseID)
        else { return }
        let address = try JSONDecoder().decode(ReplyAddress.self, from: CaseCipher.open(sealed, key: routeKey, context: caseID))
        let message = OutboundMessage(channel: address.channel, address: address.address, serviceAddress: address.serviceAddress,
                                      text: text, idempotencyKey: "followup-\(caseID)")
        let now = clock.now
        try await store.enqueue(idempotencyKey: message.idempotencyKey, channel: address.channel, caseID: caseID, conversationKey: summary.conversationKey,
                                sealedMessage: try CaseCipher.seal(try JSONEncoder().encode(message), key: secrets.transitKey, context: "outbox"), now: now)
        try await store.appendTranscript(SealedTranscriptLine(caseID: caseID, author: .bot, advocate: nil,
                                                              sealedText: try CaseCipher.seal(text, key: keys.transcriptKey, context: caseID), at: now))
    }

    /// A private note on the case (never sent).
    public func note(caseID: String, advocate: String, text: String) async throws {
        guard let keys = try await store.caseKeys(id: caseID) else { throw ReplyError.caseClosed }
        try await store.appendTranscript(SealedTranscriptLine(caseID: caseID, author: .note, advocate: advocate,
                                                              sealedText: try CaseCipher.seal(scrubber.scrub(text), key: keys.transcriptKey, context: caseID), at: clock.now))
    }

    /// Closes the case: the reply address is destroyed now, the transcript after the retention period.
    public func close(caseID: String) async throws {
        let now = clock.now
        let summary = try await store.caseSummary(id: caseID)
        try await store.close(caseID: caseID, now: now, purgeAt: now.addingTimeInterval(retention))
        events.publish(AdvocateEvent(kind: .closed, caseID: caseID, urgent: false, team: summary?.team))
        logger.info("case closed", metadata: ["case": "\(caseID)"])
    }
}
