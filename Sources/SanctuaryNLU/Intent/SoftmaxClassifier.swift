import Foundation

/// Multinomial logistic regression over sparse TF-IDF-weighted features, trained by SGD at load time.
/// Classes are padded to a multiple of 8 so each feature's weights are a few SIMD vectors.
/// Deterministic: the same examples give the same model.
struct SoftmaxClassifier: Sendable {
    /// Training hyper-parameters (chosen on the development set).
    struct Settings: Sendable {
        var epochs = 3
        var learningRate: Float = 7
        var seed: UInt64 = 0x5A4C_7E11
        var minimumDocumentFrequency: Int32 = 2
        var balancePower: Float = 0.5
        /// Epochs from this one on are averaged into the final model.
        var averageFrom = 1
        /// Share of the naive Bayes probabilities in the output (0 = the linear model alone).
        var naiveBayesWeight: Float = 0.2
        var naiveBayesSmoothing: Float = 0.1
    }

    typealias Lane = SIMD8<Float>
    let classes: Int
    private let lanes: Int                 // SIMD vectors per feature row
    private let vocabulary: FeatureVocabulary
    /// Per feature row: the linear model's weights (`lanes` vectors), then naive Bayes log P(feature | class)
    /// (`lanes` vectors), side by side so one row is one contiguous read.
    private let table: [Lane]
    private let bias: [Lane]
    private let idf: [Float]
    private let naiveBayesWeight: Float

    /// Trains on examples given as feature lists with a class index each.
    init(examples: [(features: [UInt64], label: Int)], classes: Int, settings: Settings = Settings()) {
        self.classes = classes
        let lanes = (classes + 7) / 8
        self.lanes = lanes
        // Keep features seen in at least `minimumDocumentFrequency` examples: rarer ones are noise, and a
        // smaller table keeps classification in cache.
        var all = FeatureVocabulary(expected: examples.count * 8)
        var frequency: [Int32] = []
        var perExample: [[Int32]] = []
        perExample.reserveCapacity(examples.count)
        for example in examples {
            var rows = example.features.map { all.insert($0) }
            rows.sort()
            var unique: [Int32] = []
            var last: Int32 = -1
            for r in rows where r != last { unique.append(r); last = r }
            for r in unique {
                if Int(r) >= frequency.count { frequency.append(contentsOf: repeatElement(0, count: Int(r) - frequency.count + 1)) }
                frequency[Int(r)] += 1
            }
            perExample.append(unique)
        }
        var vocabulary = FeatureVocabulary(expected: frequency.count / 2)
        var remap = [Int32](repeating: -1, count: frequency.count)
        for (key, row) in all.entries where frequency[Int(row)] >= settings.minimumDocumentFrequency {
            remap[Int(row)] = vocabulary.insert(key)
        }
        var offsets: [Int] = [0]
        var indices: [Int32] = []
        for rows in perExample {
            var mapped = rows.compactMap { remap[Int($0)] >= 0 ? remap[Int($0)] : nil }
            mapped.sort()
            indices.append(contentsOf: mapped)
            offsets.append(indices.count)
        }
        self.vocabulary = vocabulary
        var documentFrequency = [Float](repeating: 0, count: vocabulary.count)
        for r in indices { documentFrequency[Int(r)] += 1 }
        let n = Float(examples.count)
        let idf = documentFrequency.map { Foundation.log((n + 1) / ($0 + 1)) + 1 }
        var values = [Float](repeating: 0, count: indices.count)
        for e in 0..<examples.count {
            let range = offsets[e]..<offsets[e + 1]
            let norm = range.reduce(Float(0)) { $0 + idf[Int(indices[$1])] * idf[Int(indices[$1])] }.squareRoot()
            for i in range { values[i] = idf[Int(indices[i])] / max(norm, 1e-6) }
        }
        self.idf = idf
        // A multinomial naive Bayes over the same rows, mixed into the output: it is strong where examples are
        // few and errs differently from the linear model.
        var nbCounts = [Float](repeating: 0, count: vocabulary.count * classes)
        var nbTotals = [Float](repeating: 0, count: classes)
        for e in 0..<examples.count {
            let label = examples[e].label
            for i in offsets[e]..<offsets[e + 1] {
                nbCounts[Int(indices[i]) * classes + label] += 1
                nbTotals[label] += 1
            }
        }
        let alpha: Float = settings.naiveBayesSmoothing
        let nbVocabulary = Float(vocabulary.count)
        var nb = [Lane](repeating: .zero, count: vocabulary.count * lanes)
        for row in 0..<vocabulary.count {
            for c in 0..<classes {
                nb[row * lanes + c / 8][c % 8] = Foundation.log((nbCounts[row * classes + c] + alpha) / (nbTotals[c] + alpha * nbVocabulary))
            }
        }
        naiveBayesWeight = settings.naiveBayesWeight
        let mask = Self.paddingMask(classes: classes, lanes: lanes)
        var weights = [Lane](repeating: .zero, count: vocabulary.count * lanes)
        var bias = [Lane](repeating: .zero, count: lanes)
        var scores = [Lane](repeating: .zero, count: lanes)
        var order = Array(0..<examples.count)
        var rng = SplitMix(seed: settings.seed)
        let labels = examples.map(\.label)
        // Classes with many examples (out_of_scope has lookalikes in bulk) would otherwise pull every unsure
        // message towards them: each example's step is scaled by (mean class size / its class size)^power.
        var classCounts = [Float](repeating: 0, count: classes)
        for l in labels { classCounts[l] += 1 }
        let meanCount = Float(labels.count) / Float(max(1, classes))
        let classWeight = classCounts.map { $0 > 0 ? Foundation.pow(meanCount / $0, settings.balancePower) : 1 }
        // The model returned is the average of the weights at the end of each epoch after the first
        // (Polyak-style averaging): it smooths the noise of SGD, so small content edits move results less.
        var averageWeights = [Lane](repeating: .zero, count: weights.count)
        var averageBias = [Lane](repeating: .zero, count: lanes)
        var snapshots: Float = 0
        weights.withUnsafeMutableBufferPointer { w in
            bias.withUnsafeMutableBufferPointer { b in
                scores.withUnsafeMutableBufferPointer { s in
                    for epoch in 0..<settings.epochs {
                        rng.shuffle(&order)
                        let lr = settings.learningRate / Float(1 + epoch)
                        for e in order {
                            let start = offsets[e], end = offsets[e + 1]
                            guard end > start else { continue }
                            for k in 0..<lanes { s[k] = b[k] }
                            for i in start..<end {
                                let base = Int(indices[i]) * lanes
                                let v = values[i]
                                for k in 0..<lanes { s[k] += w[base + k] * v }
                            }
                            Self.softmax(s, mask: mask)
                            s[labels[e] / 8][labels[e] % 8] -= 1
                            let weight = classWeight[labels[e]]
                            for i in start..<end {
                                let base = Int(indices[i]) * lanes
                                let step = lr * values[i] * weight
                                for k in 0..<lanes { w[base + k] -= s[k] * step }
                            }
                            for k in 0..<lanes { b[k] -= s[k] * (lr * 0.1 * weight) }
                        }
                        if epoch >= settings.averageFrom {
                            for i in 0..<w.count { averageWeights[i] += w[i] }
                            for k in 0..<lanes { averageBias[k] += b[k] }
                            snapshots += 1
                        }
                    }
                }
            }
        }
        if snapshots > 0 {
            let scale = 1 / snapshots
            for i in averageWeights.indices { averageWeights[i] *= scale }
            for k in averageBias.indices { averageBias[k] *= scale }
            self.bias = averageBias
        } else {
            averageWeights = weights
            self.bias = bias
        }
        var table = [Lane](repeating: .zero, count: vocabulary.count * lanes * 2)
        for row in 0..<vocabulary.count {
            for k in 0..<lanes {
                table[row * lanes * 2 + k] = averageWeights[row * lanes + k]
                table[row * lanes * 2 + lanes + k] = nb[row * lanes + k]
            }
        }
        self.table = table
    }

    /// Class probabilities for a message's features (features never seen in training are ignored).
    func probabilities(_ features: [UInt64]) -> [Float] {
        // Distinct known rows, deduplicated with a small open-addressing set instead of a sort.
        var rows: [Int32] = []
        rows.reserveCapacity(features.count)
        var capacity = 64
        while capacity < features.count * 2 { capacity <<= 1 }
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: capacity) { seen in
            seen.initialize(repeating: 0)
            let mask = capacity - 1
            for f in features {
                let key = f == 0 ? 1 : f
                var slot = Int(truncatingIfNeeded: key) & mask
                var duplicate = false
                while seen[slot] != 0 {
                    if seen[slot] == key { duplicate = true; break }
                    slot = (slot + 1) & mask
                }
                if duplicate { continue }
                seen[slot] = key
                let r = vocabulary.row(f)
                if r >= 0 { rows.append(r) }
            }
        }
        var norm: Float = 0
        for r in rows { norm += idf[Int(r)] * idf[Int(r)] }
        norm = norm > 0 ? 1 / norm.squareRoot() : 0
        var scores = bias
        var nbScores = [Lane](repeating: .zero, count: lanes)
        let stride = lanes * 2
        table.withUnsafeBufferPointer { t in
            scores.withUnsafeMutableBufferPointer { s in
                nbScores.withUnsafeMutableBufferPointer { nbs in
                    for r in rows {
                        let base = Int(r) * stride
                        let v = idf[Int(r)] * norm
                        for k in 0..<lanes {
                            s[k] += t[base + k] * v
                            nbs[k] += t[base + lanes + k]
                        }
                    }
                    Self.softmax(s, mask: Self.paddingMask(classes: classes, lanes: lanes))
                    // Naive Bayes log-likelihoods grow with length: temper them before the softmax.
                    let temper = rows.isEmpty ? 0 : 1 / Float(rows.count).squareRoot()
                    for k in 0..<lanes { nbs[k] *= temper }
                    Self.softmax(nbs, mask: Self.paddingMask(classes: classes, lanes: lanes))
                }
            }
        }
        var result = [Float](repeating: 0, count: classes)
        let mix = rows.isEmpty ? 0 : naiveBayesWeight
        for c in 0..<classes { result[c] = (1 - mix) * scores[c / 8][c % 8] + mix * nbScores[c / 8][c % 8] }
        return result
    }

    /// Number of distinct features the model knows.
    var featureCount: Int { vocabulary.count }

    /// Marks the padding lanes of the last vector, which must get probability 0.
    private static func paddingMask(classes: Int, lanes: Int) -> Lane {
        var mask = Lane(repeating: 0)
        for i in 0..<8 where (lanes - 1) * 8 + i >= classes { mask[i] = -.infinity }
        return mask
    }

    @inline(__always)
    private static func softmax(_ s: UnsafeMutableBufferPointer<Lane>, mask: Lane) {
        let lanes = s.count
        s[lanes - 1] += mask
        var maximum = -Float.infinity
        for k in 0..<lanes { maximum = max(maximum, s[k].max()) }
        var sum: Float = 0
        for k in 0..<lanes {
            var v = s[k]
            for j in 0..<8 { v[j] = Foundation.exp(v[j] - maximum) }
            s[k] = v
            sum += v.sum()
        }
        let inverse = 1 / sum
        for k in 0..<lanes { s[k] *= inverse }
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
