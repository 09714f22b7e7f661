/// An open-addressing table from 64-bit feature ids to dense row numbers, built once at training time.
struct FeatureVocabulary: Sendable {
    private var keys: [UInt64]
    private var rows: [Int32]
    private var mask: Int
    private(set) var count: Int = 0

    init(expected: Int) {
        var capacity = 16
        while capacity < expected * 2 { capacity <<= 1 }
        keys = [UInt64](repeating: 0, count: capacity)
        rows = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
    }

    /// The row of `key`, adding it if new.
    mutating func insert(_ key: UInt64) -> Int32 {
        if count * 2 >= keys.count { grow() }
        var slot = Int(truncatingIfNeeded: key) & mask
        while rows[slot] >= 0 {
            if keys[slot] == key { return rows[slot] }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        rows[slot] = Int32(count)
        count += 1
        return rows[slot]
    }

    /// Every (feature, row) pair, in no particular order.
    var entries: [(key: UInt64, row: Int32)] {
        zip(keys, rows).filter { $0.1 >= 0 }.map { (key: $0.0, row: $0.1) }
    }

    /// The row of `key`, or -1 when the feature was never seen in training.
    @inline(__always)
    func row(_ key: UInt64) -> Int32 {
        keys.withUnsafeBufferPointer { k in
            rows.withUnsafeBufferPointer { r in
                var slot = Int(truncatingIfNeeded: key) & mask
                while true {
                    let row = r[slot]
                    if row < 0 { return -1 }
                    if k[slot] == key { return row }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    private mutating func grow() {
        let oldKeys = keys, oldRows = rows
        let capacity = keys.count * 2
        keys = [UInt64](repeating: 0, count: capacity)
        rows = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
        for (k, r) in zip(oldKeys, oldRows) where r >= 0 {
            var slot = Int(truncatingIfNeeded: k) & mask
            while rows[slot] >= 0 { slot = (slot + 1) & mask }
            keys[slot] = k
            rows[slot] = r
        }
    }
}
