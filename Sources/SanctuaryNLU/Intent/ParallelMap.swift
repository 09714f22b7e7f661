import Dispatch

/// Small helpers to use both cores while training at load time. Results keep the input order.
enum ParallelMap {
    /// Maps `items` in contiguous chunks on all cores; the result is in input order.
    static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let chunks = min(items.count, 8)
        guard chunks > 1 else { return items.map(transform) }
        let size = (items.count + chunks - 1) / chunks
        let results = UnsafeResults<[R]>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = (chunk * size)..<min(items.count, (chunk + 1) * size)
            results.set(chunk, items[range].map(transform))
        }
        return results.values.flatMap { $0 ?? [] }
    }

    /// Runs two computations at once and returns both results.
    static func both<A: Sendable, B: Sendable>(_ a: @Sendable () -> A, _ b: @Sendable () -> B) -> (A, B) {
        let first = UnsafeResults<A>(count: 1)
        let second = UnsafeResults<B>(count: 1)
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            if i == 0 { first.set(0, a()) } else { second.set(0, b()) }
        }
        return (first.values[0]!, second.values[0]!)
    }
}

/// Slots written by distinct threads (one slot each) and read after they have all finished.
/// Backed by raw memory, so concurrent writes to different slots do not touch shared Swift array state.
private final class UnsafeResults<R>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<R?>
    private let count: Int
    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }
    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }
    func set(_ index: Int, _ value: R) { slots[index] = value }
    var values: [R?] { Array(UnsafeBufferPointer(start: slots, count: count)) }
}
