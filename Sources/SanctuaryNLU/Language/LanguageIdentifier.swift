import Foundation
import SanctuaryText

/// A language decision with its confidence (0…1).
public struct LanguageGuess: Sendable, Equatable {
    /// Primary language subtag ("es").
    public let language: String
    public let confidence: Double
}

/// Identifies the language of short messages: script rules first (Ge'ez → ti; Cyrillic → uk/ru; Arabic script →
/// ar/fa/ps), then a naive Bayes model over character 3–4-grams and words trained on the locales' own examples.
public struct LanguageIdentifier: Sendable {
    /// The scripts each language is written in natively. Latin is possible for all (transliteration, Arabizi).
    public static let nativeScripts: [String: Script] = [
        "en": .latin, "de": .latin, "es": .latin, "fr": .latin, "tr": .latin, "pt": .latin,
        "uk": .cyrillic, "ru": .cyrillic, "ar": .arabic, "fa": .arabic, "ps": .arabic, "ti": .ethiopic,
        "am": .ethiopic, "ur": .arabic, "ku": .latin, "so": .latin, "sq": .latin, "ro": .latin, "pl": .latin,
        "bg": .cyrillic, "vi": .latin, "ht": .latin, "it": .latin, "prs": .arabic,
    ]

    public let languages: [String]
    /// Number of distinct features the language model keeps.
    public var featureCount: Int { vocabulary.count }
    /// The native script of each language, in `languages` order.
    private let languageScripts: [Script]
    private let allLanguages: [Int]
    private let vocabulary: FeatureVocabulary
    typealias Lane = SIMD16<Float>
    private let lanes: Int                  // SIMD vectors per feature row (16 languages each)
    private let logProbabilities: [Lane]    // feature row × lanes
    private let unseenLogProbability: [Lane]
    private let defaultLanguage: String
    /// Weight (in nats, after temperature) given to the conversation's current language.
    public var priorWeight: Double = 1.6

    /// Trains on texts already analysed (the engine analyses each example once for both models).
    public init(analysed training: [String: [AnalyzedText]], defaultLanguage: String) {
        let languages = training.keys.sorted()
        self.languages = languages
        languageScripts = languages.map { Self.nativeScripts[$0] ?? .latin }
        allLanguages = Array(languages.indices)
        self.defaultLanguage = languages.contains(defaultLanguage) ? defaultLanguage : (languages.first ?? "en")
        var vocabulary = FeatureVocabulary(expected: 200_000)
        var counts: [Float] = []
        var totals = [Float](repeating: 0, count: languages.count)
        for (l, language) in languages.enumerated() {
            for analysed in training[language] ?? [] {
                let (features, words) = Self.features(analysed)
                for (i, f) in features.enumerated() {
                    let row = Int(vocabulary.insert(f))
                    if row * languages.count >= counts.count {
                        counts.append(contentsOf: [Float](repeating: 0, count: languages.count * 1024))
                    }
                    let weight: Float = i < words ? Self.wordWeight : 1
                    counts[row * languages.count + l] += weight
                    totals[l] += weight
                }
            }
        }
        let alpha: Float = 0.1
        let n = languages.count
        let lanes = max(1, (n + 15) / 16)
        let v = Float(vocabulary.count)
        // Keep only features seen more than once: single sightings are noise and cost memory and cache.
        var kept = FeatureVocabulary(expected: vocabulary.count / 2)
        var logs: [Lane] = []
        for (key, row) in vocabulary.entries.sorted(by: { $0.row < $1.row }) {
            let r = Int(row)
            var total: Float = 0
            for l in 0..<n { total += counts[r * n + l] }
            guard total >= Self.minimumCount else { continue }
            _ = kept.insert(key)
            var lane = [Lane](repeating: .zero, count: lanes)
            for l in 0..<n { lane[l / 16][l % 16] = log((counts[r * n + l] + alpha) / (totals[l] + alpha * v)) }
            logs.append(contentsOf: lane)
        }
        var unseen = [Lane](repeating: .zero, count: lanes)
        for l in 0..<n { unseen[l / 16][l % 16] = log(alpha / (totals[l] + alpha * v)) }
        self.lanes = lanes
        self.vocabulary = kept
        self.logProbabilities = logs
        self.unseenLogProbability = unseen
    }

    /// Character 3–4-grams of each word framed by boundary marks, plus the word itself (weighted ×3); accents are kept (ñ, ß, ı, ї, پ).
    static func features(_ text: AnalyzedText) -> (features: [UInt64], words: Int) {
        var out: [UInt64] = []
        out.reserveCapacity(text.foldedWords.count * 24)
        for w in text.foldedWords where !w.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            out.append(FeatureHash.word(w))
        }
        let words = out.count
        for w in text.foldedWords where !w.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            FeatureHash.addCharGrams(w, orders: 3...4, space: 0x4C00, into: &out)
        }
        return (out, words)
    }

    /// Whole words count three times: "mikham" or "nadaram" say Persian more surely than their letters do.
    static let wordWeight: Float = 3
    /// Features counted less often than this in all training text are dropped.
    static let minimumCount: Float = 2

    /// The candidate languages allowed by the scripts present: a message with Cyrillic, Arabic or Ge'ez letters
    /// is in a language written in that script, even when it carries German or English words.
    func candidates(for text: AnalyzedText) -> [Int] {
        let counts = text.scriptCounts
        let letters = counts.total
        var allowed: [Int] = []
        var sawNative = false
        for script in [Script.cyrillic, .arabic, .ethiopic] {
            let n = counts[script]
            guard n >= 2, Double(n) >= 0.2 * Double(letters) else { continue }
            sawNative = true
            for (l, s) in languageScripts.enumerated() where s == script { allowed.append(l) }
        }
        guard sawNative, !allowed.isEmpty else { return allLanguages }
        return allowed.sorted()
    }

    /// Identifies the language of `text`; `prior` is the conversation's current language, if any.
    public func identify(_ text: AnalyzedText, prior: String? = nil) -> LanguageGuess {
        let priorLanguage = prior.map(LocaleNegotiation.language(of:))
        guard !text.foldedWords.isEmpty else {
            let fallback = priorLanguage.flatMap { languages.contains($0) ? $0 : nil } ?? defaultLanguage
            return LanguageGuess(language: fallback, confidence: 0)
        }
        let candidates = candidates(for: text)
        if candidates.count == 1 { return LanguageGuess(language: languages[candidates[0]], confidence: 0.99) }
        let (features, words) = Self.features(text)
        guard !features.isEmpty else {
            let fallback = priorLanguage.flatMap { languages.contains($0) ? $0 : nil } ?? defaultLanguage
            return LanguageGuess(language: fallback, confidence: 0)
        }
        var sums = [Lane](repeating: .zero, count: lanes)
        logProbabilities.withUnsafeBufferPointer { table in
            sums.withUnsafeMutableBufferPointer { acc in
                for (i, f) in features.enumerated() {
                    let weight: Float = i < words ? Self.wordWeight : 1
                    let row = vocabulary.row(f)
                    if row < 0 {
                        for k in 0..<lanes { acc[k] += unseenLogProbability[k] * weight }
                    } else {
                        let base = Int(row) * lanes
                        for k in 0..<lanes { acc[k] += table[base + k] * weight }
                    }
                }
            }
        }
        var scores = [Double](repeating: 0, count: languages.count)
        for l in 0..<languages.count { scores[l] = Double(sums[l / 16][l % 16]) }
        // Temperature: log-likelihoods grow with length; scale so confidences stay meaningful.
        let temperature = max(1.0, (Double(features.count) + Double(words) * Double(Self.wordWeight - 1)).squareRoot())
        var scaled = candidates.map { (l: $0, s: scores[$0] / temperature) }
        if let priorLanguage, let p = languages.firstIndex(of: priorLanguage), candidates.contains(p) {
            // One or two words ("ok", "1", "si gracias") say little: the conversation's language weighs more.
            let weight = text.words.count <= 2 ? priorWeight * 2.5 : priorWeight
            scaled = scaled.map { $0.l == p ? (l: $0.l, s: $0.s + weight) : $0 }
        }
        let best = scaled.max { $0.s < $1.s }!
        let sum = scaled.reduce(0.0) { $0 + Foundation.exp($1.s - best.s) }
        return LanguageGuess(language: languages[best.l], confidence: 1 / sum)
    }
}

