import Foundation
import SanctuaryConversation
import SanctuaryNLU
import Synchronization

/// The live content (trained engine, answers, conversation settings) and the outcome of the last reload.
/// A reload validates and trains off to the side, then swaps the whole snapshot at once; requests in flight
/// keep the snapshot they started with. A refused reload leaves the old content live.
public final class ContentHolder: Sendable {
    /// One loaded version of the content.
    public struct Snapshot: Sendable {
        public let engine: ConversationEngine
        public let loadedAt: Date
        public let version: Int
    }

    /// What happened at the last reload.
    public struct ReloadStatus: Sendable, Equatable {
        public let at: Date
        public let succeeded: Bool
        /// Lint errors ("file:line: message") when the reload was refused.
        public let errors: [String]
    }

    private let state: Mutex<(snapshot: Snapshot, status: ReloadStatus?)>
    private let build: @Sendable () throws -> ConversationEngine

    /// Builds the first snapshot; `build` lints and trains and is called again on each reload.
    public init(build: @escaping @Sendable () throws -> ConversationEngine) throws {
        self.build = build
        let first = Snapshot(engine: try build(), loadedAt: Date(), version: 1)
        state = Mutex((first, nil))
    }

    public var current: Snapshot { state.withLock { $0.snapshot } }
    public var lastReload: ReloadStatus? { state.withLock { $0.status } }

    /// Reloads intents and locales; returns the status (the old content stays live on error).
    @discardableResult
    public func reload() -> ReloadStatus {
        do {
            let engine = try build()
            return state.withLock { value in
                value.snapshot = Snapshot(engine: engine, loadedAt: Date(), version: value.snapshot.version + 1)
                let status = ReloadStatus(at: Date(), succeeded: true, errors: [])
                value.status = status
                return status
            }
        } catch let error as ContentError {
            let status = ReloadStatus(at: Date(), succeeded: false, errors: error.errors.map(\.description))
            state.withLock { $0.status = status }
            return status
        } catch {
            let status = ReloadStatus(at: Date(), succeeded: false, errors: [String(describing: error)])
            state.withLock { $0.status = status }
            return status
        }
    }
}
