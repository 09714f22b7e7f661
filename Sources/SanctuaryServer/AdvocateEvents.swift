import Foundation
import Synchronization

/// A queue change advocates should see at once (sent to open consoles as server-sent events).
public struct AdvocateEvent: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable { case opened, updated, escalated, closed }
    public let kind: Kind
    public let caseID: String
    public let urgent: Bool
    public let team: String?
}

/// Fans events out to every connected console. Slow listeners lose old events, never block the pipeline.
public final class AdvocateEvents: Sendable {
    private let listeners = Mutex<[UUID: AsyncStream<AdvocateEvent>.Continuation]>([:])

    public init() {}

    public func publish(_ event: AdvocateEvent) {
        let current = listeners.withLock { Array($0.values) }
        for continuation in current { continuation.yield(event) }
    }

    /// A stream of events from now on; it ends when the caller stops iterating.
    public func subscribe() -> AsyncStream<AdvocateEvent> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<AdvocateEvent>.makeStream(bufferingPolicy: .bufferingNewest(100))
        continuation.onTermination = { [weak self] _ in self?.listeners.withLock { _ = $0.removeValue(forKey: id) } }
        listeners.withLock { $0[id] = continuation }
        return stream
    }

    public var listenerCount: Int { listeners.withLock { $0.count } }
}
