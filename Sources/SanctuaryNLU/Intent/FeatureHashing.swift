import SanctuaryText

/// 64-bit feature ids for words, word pairs and character n-grams, hashed straight from UTF-8 bytes
/// (no allocation per word), with a namespace per kind of feature.
enum FeatureHash {
    static let wordSpace: UInt64 = 0x77
    static let pairSpace: UInt64 = 0x62
    static let gramSpace: UInt64 = 0x63
    static let startMark: UInt64 = 0x102
    static let endMark: UInt64 = 0x103

    @inline(__always)
    static func mix(_ h: UInt64, _ v: UInt64) -> UInt64 { (h ^ v) &* 0x100000001b3 }

    @inline(__always)
    static func finish(_ h: UInt64) -> UInt64 {
        var z = h &+ 0x9E3779B97F4A7C15
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }

    /// The id of a whole word.
    @inline(__always)
    static func word(_ word: String) -> UInt64 {
        var w = word
        return w.withUTF8 { bytes in
            var h: UInt64 = 0xcbf29ce484222325 ^ wordSpace
            for b in bytes { h = mix(h, UInt64(b)) }
            return finish(h)
        }
    }

    /// The id of two words in a row.
    @inline(__always)
    static func pair(_ first: UInt64, _ second: UInt64) -> UInt64 { finish(mix(first ^ pairSpace, second)) }

    /// Adds the ids of the character n-grams (orders in `orders`) of `word` framed by start and end marks.
    /// Characters are Unicode scalars; their UTF-8 bytes are hashed directly.
    @inline(__always)
    static func addCharGrams(_ word: String, orders: ClosedRange<Int>, space: UInt64, into out: inout [UInt64]) {
        var w = word
        w.withUTF8 { bytes in
            let n = bytes.count
            withUnsafeTemporaryAllocation(of: Int.self, capacity: n + 1) { starts in
                // starts[i] = byte offset of scalar i; starts[k] = n.
                var k = 0
                for i in 0..<n where bytes[i] & 0xC0 != 0x80 { starts[k] = i; k += 1 }
                starts[k] = n
                // Units: 0 = start mark, 1...k = scalars, k + 1 = end mark.
                let units = k + 2
                for order in orders where order <= units {
                    for first in 0...(units - order) {
                        let last = first + order - 1
                        var h: UInt64 = 0xcbf29ce484222325 ^ (space &+ UInt64(order))
                        if first == 0 { h = mix(h, startMark) }
                        let from = max(first, 1), to = min(last, k)
                        if from <= to {
                            for b in starts[from - 1]..<starts[to] { h = mix(h, UInt64(bytes[b])) }
                        }
                        if last == k + 1 { h = mix(h, endMark) }
                        out.append(finish(h))
                    }
                }
            }
        }
    }
}

/// Turns analysed text into the features of the intent classifier: words, word pairs and character 3–4-grams,
/// from the text itself and, for non-Latin scripts, from its Latin spelling too (so "pryvit" meets "привіт").
enum IntentFeatures {
    static func extract(_ text: AnalyzedText) -> [UInt64] {
        var out: [UInt64] = []
        out.reserveCapacity(text.words.count * 16)
        add(text.words, into: &out)
        if text.hasLatinChannel { add(text.latinWords, into: &out) }
        return out
    }

    @inline(__always)
    static func add(_ words: [String], into out: inout [UInt64]) {
        var previous: UInt64 = 0
        for (i, w) in words.enumerated() {
            let wh = FeatureHash.word(w)
            out.append(wh)
            if i > 0 { out.append(FeatureHash.pair(previous, wh)) }
            previous = wh
            if w.utf8.count > 1 { FeatureHash.addCharGrams(w, orders: 3...4, space: FeatureHash.gramSpace, into: &out) }
        }
    }
}
