import Foundation
import Synchronization

/// Where the service reads the time, so tests can fast-forward retention and rotation.
public protocol ServiceClock: Sendable {
    var now: Date { get }
}

/// The system clock.
public struct SystemClock: ServiceClock {
    public init() {}
    public var now: Date { Date() }
}

/// A clock tests move by hand.
public final class ManualClock: ServiceClock {
    private let time: Mutex<Date>
    public init(_ start: Date) { time = Mutex(start) }
    public var now: Date { time.withLock { $0 } }
    public func advance(by seconds: TimeInterval) { time.withLock { $0 = $0.addingTimeInterval(seconds) } }
    public func set(_ date: Date) { time.withLock { $0 = date } }
}
