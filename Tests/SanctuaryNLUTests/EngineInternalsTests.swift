import Testing
@testable import SanctuaryNLU

@Suite("Engine internals")
struct EngineInternalsTests {
    @Test func phrasesMatchAtWordStartsAndWholeWordsUnlessStarred() {
        var m = PhraseMatcher<String>()
        m.add("at the door", "door")
        m.add("knock*", "knock")
        m.add("ice", "ice")
        m.add("Ahora Mismo", "now")
        m.seal()
        #expect(m.matches(in: "they are at the door") == ["door"])
        #expect(m.matches(in: "somebody is knocking") == ["knock"])
        #expect(m.matches(in: "the office is closed").isEmpty)        // "ice" only at a word start
        #expect(m.matches(in: "nice weather").isEmpty)
        #expect(m.matches(in: "iced coffee").isEmpty)                 // whole word unless starred
        #expect(m.matches(in: "estan aqui ahora mismo") == ["now"])   // folded and accent-free like messages
        #expect(Set(m.matches(in: "ice at the door knocked")) == ["ice", "door", "knock"])
    }

    @Test func topIndicesSelectsLargestFirst() {
        #expect(IntentEngine.topIndices([0.1, 0.5, 0.2, 0.9, 0.3], count: 3) == [3, 1, 4])
        #expect(IntentEngine.topIndices([0.4], count: 3) == [0])
    }

    @Test func vocabularyGrowsAndFindsEveryKey() {
        var v = FeatureVocabulary(expected: 4)
        let keys: [UInt64] = (1...5000).map { UInt64($0) &* 0x9E3779B97F4A7C15 }
        let rows = keys.map { v.insert($0) }
        #expect(Set(rows).count == keys.count)
        #expect(keys.map { v.row($0) } == rows)
        #expect(v.row(12345) == -1)
        #expect(v.insert(keys[10]) == rows[10])
    }

    @Test func parallelMapKeepsOrder() {
        let items = Array(0..<1000)
        #expect(ParallelMap.map(items) { $0 * 2 } == items.map { $0 * 2 })
        let (a, b) = ParallelMap.both({ 1 }, { "two" })
        #expect(a == 1 && b == "two")
    }

    @Test func classifierLearnsSeparableClasses() {
        func features(_ words: [String]) -> [UInt64] { words.map(FeatureHash.word) }
        var examples: [(features: [UInt64], label: Int)] = []
        for i in 0..<30 {
            examples.append((features(["food", "pantry", "w\(i)"]), 0))
            examples.append((features(["lawyer", "court", "w\(i)"]), 1))
        }
        let model = SoftmaxClassifier(examples: examples, classes: 2)
        let p = model.probabilities(features(["pantry", "unknownword"]))
        #expect(p[0] > 0.8)
        #expect(abs(p.reduce(0, +) - 1) < 1e-4)
    }

    @Test func charGramsAreFramedAndCountedPerScalar() {
        var out: [UInt64] = []
        FeatureHash.addCharGrams("añ", orders: 1...2, space: 1, into: &out)
        // units: ^ a ñ $ → 4 unigrams + 3 bigrams
        #expect(out.count == 7)
        #expect(Set(out).count == 7)
    }
}
