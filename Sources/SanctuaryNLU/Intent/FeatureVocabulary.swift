/// An open-addressing table from 64-bit feature ids to dense row numbers, built once at training time.
/// Keys and rows sit side by side, so a lookup touches one cache line.
struct FeatureVocabulary: Sendable {
    private struct Slot: Sendable {
        var key: UInt64
        var row: Int32
    }
    private var slots: [Slot]
    private var mask: Int
    private(set) var count: Int = 0

    init(expected: Int) {
        var capacity = 16
        while capacity < expected * 2 { capacity <<= 1 }
        slots = [Slot](repeating: Slot(key: 0, row: -1), count: capacity)
        mask = capacity - 1
    }

    /// The row of `key`, adding it if new.
    mutating func insert(_ key: UInt64) -> Int32 {
        if count * 2 >= slots.count { grow() }
        var slot = Int(truncatingIfNeeded: key) & mask
        while slots[slot].row >= 0 {
            if slots[slot].key == key { return slots[slot].row }
            slot = (slot + 1) & mask
        }
        slots[slot] = Slot(key: key, row: Int32(count))
        count += 1
        return slots[slot].row
    }

    /// The row of `key`, or -1 when the feature was never seen in training.
    @inline(__always)
    func row(_ key: UInt64) -> Int32 {
        slots.withUnsafeBufferPointer { s in
            var slot = Int(truncatingIfNeeded: key) & mask
            while true {
                let entry = s[slot]
                if entry.row < 0 { return -1 }
                if entry.key == key { return entry.row }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Every (feature, row) pair, in no particular order.
    var entries: [(key: UInt64, row: Int32)] {
        slots.filter { $0.row >= 0 }.map { (key: $0.key, row: $0.row) }
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(key: 0, row: -1), count: old.count * 2)
        mask = slots.count - 1
        for entry in old where entry.row >= 0 {
            var slot = Int(truncatingIfNeeded: entry.key) & mask
            while slots[slot].row >= 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }
}
