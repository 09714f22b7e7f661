import Foundation

/// Multinomial logistic regression over sparse binary features, trained by SGD at load time.
/// Deterministic: the same examples give the same model.
struct SoftmaxClassifier: Sendable {
    /// Training hyper-parameters.
    struct Settings: Sendable {
        var epochs = 6
        var learningRate: Float = 0.6
        var seed: UInt64 = 0x5A4C_7E11
    }

    let classes: Int
    private let vocabulary: FeatureVocabulary
    private let weights: [Float]   // row-major: feature row × class
    private let bias: [Float]

    /// Trains on examples given as feature lists with a class index each.
    init(examples: [(features: [UInt64], label: Int)], classes: Int, settings: Settings = Settings()) {
        self.classes = classes
        var vocabulary = FeatureVocabulary(expected: examples.count * 40)
        var offsets: [Int] = [0]
        var indices: [Int32] = []
        var labels: [Int] = []
        for example in examples {
            var rows = example.features.map { vocabulary.insert($0) }
            rows.sort()
            var last: Int32 = -1
            for r in rows where r != last { indices.append(r); last = r }
            offsets.append(indices.count)
            labels.append(example.label)
        }
        self.vocabulary = vocabulary
        var weights = [Float](repeating: 0, count: vocabulary.count * classes)
        var bias = [Float](repeating: 0, count: classes)
        var order = Array(0..<examples.count)
        var rng = SplitMix(seed: settings.seed)
        var scores = [Float](repeating: 0, count: classes)
        weights.withUnsafeMutableBufferPointer { w in
            bias.withUnsafeMutableBufferPointer { b in
                scores.withUnsafeMutableBufferPointer { s in
                    indices.withUnsafeBufferPointer { idx in
                        for epoch in 0..<settings.epochs {
                            rng.shuffle(&order)
                            let lr = settings.learningRate / Float(1 + epoch)
                            for e in order {
                                let start = offsets[e], end = offsets[e + 1]
                                guard end > start else { continue }
                                let value = 1 / Float(end - start).squareRoot()
                                Self.score(w, b, idx, start, end, value, classes, s)
                                Self.softmaxInPlace(s, classes)
                                s[labels[e]] -= 1
                                for i in start..<end {
                                    let base = Int(idx[i]) * classes
                                    for c in 0..<classes { w[base + c] -= lr * s[c] * value }
                                }
                                for c in 0..<classes { b[c] -= lr * 0.1 * s[c] }
                            }
                        }
                    }
                }
            }
        }
        self.weights = weights
        self.bias = bias
    }

    /// Class probabilities for a message's features (unseen features are ignored).
    func probabilities(_ features: [UInt64]) -> [Float] {
        var sorted = features
        sorted.sort()
        var unique: [Int32] = []
        unique.reserveCapacity(sorted.count)
        var distinct = 0
        var previous: UInt64? = nil
        for f in sorted where f != previous {
            previous = f
            distinct += 1
            let r = vocabulary.row(f)
            if r >= 0 { unique.append(r) }
        }
        var scores = [Float](repeating: 0, count: classes)
        // Normalise by all distinct features, seen or not: a message of mostly unknown words gets flatter scores.
        let value = distinct == 0 ? 0 : 1 / Float(distinct).squareRoot()
        weights.withUnsafeBufferPointer { w in
            bias.withUnsafeBufferPointer { b in
                scores.withUnsafeMutableBufferPointer { s in
                    unique.withUnsafeBufferPointer { idx in
                        Self.score(w, b, idx, 0, idx.count, value, classes, s)
                        Self.softmaxInPlace(s, classes)
                    }
                }
            }
        }
        return scores
    }

    /// Number of distinct features the model knows.
    var featureCount: Int { vocabulary.count }

    @inline(__always)
    private static func score(_ w: UnsafeBufferPointer<Float>, _ b: UnsafeBufferPointer<Float>, _ idx: UnsafeBufferPointer<Int32>,
                              _ start: Int, _ end: Int, _ value: Float, _ classes: Int, _ s: UnsafeMutableBufferPointer<Float>) {
        for c in 0..<classes { s[c] = b[c] }
        for i in start..<end {
            let base = Int(idx[i]) * classes
            for c in 0..<classes { s[c] += w[base + c] * value }
        }
    }

    @inline(__always)
    private static func score(_ w: UnsafeMutableBufferPointer<Float>, _ b: UnsafeMutableBufferPointer<Float>, _ idx: UnsafeBufferPointer<Int32>,
                              _ start: Int, _ end: Int, _ value: Float, _ classes: Int, _ s: UnsafeMutableBufferPointer<Float>) {
        score(UnsafeBufferPointer(w), UnsafeBufferPointer(b), idx, start, end, value, classes, s)
    }

    @inline(__always)
    private static func softmaxInPlace(_ s: UnsafeMutableBufferPointer<Float>, _ classes: Int) {
        var maximum = -Float.infinity
        for c in 0..<classes where s[c] > maximum { maximum = s[c] }
        var sum: Float = 0
        for c in 0..<classes { s[c] = expf(s[c] - maximum); sum += s[c] }
        for c in 0..<classes { s[c] /= sum }
    }
}

/// A small deterministic random generator for shuffling training data.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
    mutating func shuffle<T>(_ a: inout [T]) {
        guard a.count > 1 else { return }
        for i in stride(from: a.count - 1, to: 0, by: -1) {
            let j = Int(next() % UInt64(i + 1))
            a.swapAt(i, j)
        }
    }
}

@inline(__always) func expf(_ x: Float) -> Float { Float(exp(Double(x))) }
