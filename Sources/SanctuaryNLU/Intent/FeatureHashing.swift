import SanctuaryText

/// 64-bit feature ids for words, word pairs and character n-grams, with a namespace per kind.
enum FeatureHash {
    static let wordSpace: UInt64 = 0x77
    static let pairSpace: UInt64 = 0x62
    static let gramSpace: UInt64 = 0x63

    @inline(__always)
    static func mix(_ h: UInt64, _ v: UInt64) -> UInt64 {
        (h ^ v) &* 0x100000001b3
    }

    @inline(__always)
    static func finish(_ h: UInt64) -> UInt64 {
        var z = h &+ 0x9E3779B97F4A7C15
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }

    @inline(__always)
    static func hash<S: Sequence>(_ space: UInt64, _ scalars: S) -> UInt64 where S.Element == UInt32 {
        var h: UInt64 = 0xcbf29ce484222325 ^ space
        for s in scalars { h = mix(h, UInt64(s)) }
        return finish(h)
    }

    /// Adds the character n-grams (orders in `orders`) of `word` framed by start and end marks.
    @inline(__always)
    static func addCharGrams(_ word: String, orders: ClosedRange<Int>, space: UInt64, into out: inout [UInt64]) {
        var scalars: [UInt32] = [2]
        scalars.reserveCapacity(word.unicodeScalars.count + 2)
        for s in word.unicodeScalars { scalars.append(s.value) }
        scalars.append(3)
        let n = scalars.count
        for order in orders where order <= n {
            for start in 0...(n - order) {
                out.append(hash(space &+ UInt64(order), scalars[start..<(start + order)]))
            }
        }
    }

    @inline(__always)
    static func word(_ word: String) -> UInt64 { hash(wordSpace, word.unicodeScalars.lazy.map(\.value)) }
}

/// Turns analysed text into the features of the intent classifier: words, word pairs and character 3–4-grams,
/// from the text itself and, for non-Latin scripts, from its Latin spelling too (so "pryvit" meets "привіт").
enum IntentFeatures {
    static func extract(_ text: AnalyzedText) -> [UInt64] {
        var out: [UInt64] = []
        out.reserveCapacity(text.words.count * 12)
        add(text.words, into: &out)
        if text.latinWords != text.words { add(text.latinWords, into: &out) }
        return out
    }

    @inline(__always)
    static func add(_ words: [String], into out: inout [UInt64]) {
        var previous: UInt64 = 0
        for (i, w) in words.enumerated() {
            let wh = FeatureHash.word(w)
            out.append(wh)
            if i > 0 { out.append(FeatureHash.finish(FeatureHash.mix(previous ^ FeatureHash.pairSpace, wh))) }
            previous = wh
            if w.unicodeScalars.count > 1 { FeatureHash.addCharGrams(w, orders: 3...4, space: FeatureHash.gramSpace, into: &out) }
        }
    }
}

