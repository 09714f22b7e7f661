import Foundation
import SanctuaryText

/// Tunable decisions of the engine; the defaults are calibrated on the development set.
public struct EngineSettings: Sendable {
    /// Language used when nothing else tells (empty message, no prior).
    public var defaultLanguage = "en"
    /// Below this probability the model's best guess is not trusted.
    public var rejectBelow = 0.20
    /// When rejecting: if the best guess is below this too, or out_of_scope is the runner-up, it is out of scope;
    /// otherwise the engine asks one clarifying question.
    public var outOfScopeBelow = 0.12
    /// An urgent reading this likely (its cue present, or urgent by itself) makes the message urgent.
    public var urgentSafetyFloor = 0.25
    /// The floor is multiplied by this when the message holds an urgency cue ("right now", "within a week").
    public var cueFloorFactor = 0.35
    /// When out_of_scope is the best reading and no urgency cue is present, an urgent rival needs this much.
    public var urgentOverOutOfScope = 0.45
    /// Add Latin transliterations of non-Latin examples to the language model.
    public var transliterationAugmentsLanguageModel = true
    public init() {}
}

/// Understands a resident's message: language, intent, confidence and handoff level. Immutable once built,
/// so one instance serves all threads; a reload builds a new engine and swaps it in whole.
public struct IntentEngine: Sendable {
    public let content: Content
    public let settings: EngineSettings
    public let languageIdentifier: LanguageIdentifier
    let intentIDs: [String]
    let intents: [IntentDefinition]
    let classifier: SoftmaxClassifier
    let keywords: [String: [(intent: Int, language: String)]]
    let patterns: PhraseMatcher<Int>
    let cues: PhraseMatcher<String>
    let outOfScopeIndex: Int?
    /// Cue sets that can make a message urgent (named by urgent raise rules or raising every message to urgent).
    let urgentCueSets: Set<String>
    let clarifyIndex: Int?

    /// Lints the content and trains the models. Throws `ContentError` when the content has errors.
    public static func load(intentsDirectory: String, localesDirectory: String, settings: EngineSettings = EngineSettings()) throws -> IntentEngine {
        try load(intentsDirectory: intentsDirectory, localesDirectory: localesDirectory, profile: nil, settings: settings)
    }

    /// Lints the base content with a jurisdiction profile (`locales/profiles/<profile>/`) and a deployment's overrides
    /// directory merged over it (base ← profile ← overrides), then trains. `profile` nil = the base files only.
    public static func load(intentsDirectory: String, localesDirectory: String, profile: String?, overridesDirectory: String? = nil,
                            settings: EngineSettings = EngineSettings()) throws -> IntentEngine {
        let (content, report) = Linter.lint(intentsDirectory: intentsDirectory, localesDirectory: localesDirectory,
                                            profile: profile, overridesDirectory: overridesDirectory)
        guard report.isClean else { throw ContentError(diagnostics: report.diagnostics) }
        return IntentEngine(content: content, settings: settings)
    }

    /// Trains on content that has already been checked.
    public init(content: Content, settings: EngineSettings = EngineSettings()) {
        self.content = content
        self.settings = settings
        intents = content.intents
        intentIDs = intents.map(\.id)
        outOfScopeIndex = intentIDs.firstIndex(of: IntentCatalog.outOfScope)
        clarifyIndex = intentIDs.firstIndex(of: IntentCatalog.clarify)

        // 1. Collect every example in a fixed order, then analyse them on all cores.
        var texts: [(text: String, label: Int, language: String)] = []
        for (label, intent) in intents.enumerated() {
            for (locale, list) in intent.examples.sorted(by: { $0.key < $1.key }) {
                let language = LocaleNegotiation.language(of: locale)
                for text in list { texts.append((text, label, language)) }
            }
        }
        let analysed = ParallelMap.map(texts) { item -> (AnalyzedText, [UInt64], AnalyzedText?) in
            let a = AnalyzedText(item.text)
            let latin = settings.transliterationAugmentsLanguageModel && a.hasLatinChannel
                ? AnalyzedText(a.joinedLatinWords) : nil
            return (a, IntentFeatures.extract(a), latin)
        }
        var languageTraining: [String: [AnalyzedText]] = [:]
        var examples: [(features: [UInt64], label: Int)] = []
        examples.reserveCapacity(texts.count)
        for (item, result) in zip(texts, analysed) {
            examples.append((result.1, item.label))
            languageTraining[item.language, default: []].append(result.0)
            if let latin = result.2 { languageTraining[item.language, default: []].append(latin) }
        }
        // 2. Keywords, patterns and cues: few, done here.
        var keywords: [String: [(intent: Int, language: String)]] = [:]
        var patterns = PhraseMatcher<Int>()
        for (label, intent) in intents.enumerated() {
            for (locale, words) in intent.keywords.sorted(by: { $0.key < $1.key }) {
                let language = LocaleNegotiation.language(of: locale)
                for word in words {
                    let a = AnalyzedText(word)
                    guard !a.words.isEmpty else { continue }
                    keywords[a.wholeMessageKey, default: []].append((label, language))
                    languageTraining[language, default: []].append(a)
                }
            }
            for (_, phrases) in intent.patterns.sorted(by: { $0.key < $1.key }) { for p in phrases { patterns.add(p, label) } }
        }
        var cues = PhraseMatcher<String>()
        for (name, perLocale) in content.cues.sets.sorted(by: { $0.key < $1.key }) {
            for (locale, phrases) in perLocale.sorted(by: { $0.key < $1.key }) {
                for p in phrases {
                    cues.add(p, name)
                    languageTraining[LocaleNegotiation.language(of: locale), default: []].append(AnalyzedText(p))
                }
            }
        }
        urgentCueSets = Set(intents.flatMap { $0.raise.filter { $0.level == .urgent }.flatMap(\.cueSets) })
            .union(intents.filter { $0.handoff == .urgent }.flatMap { $0.lower.flatMap(\.unless) })
            .union(content.cues.always.filter { $0.value == .urgent }.keys)
        patterns.seal()
        cues.seal()
        self.keywords = keywords
        self.patterns = patterns
        self.cues = cues
        // 3. The two models train side by side.
        let classes = intents.count
        let defaultLanguage = settings.defaultLanguage
        let trainingExamples = examples, languageExamples = languageTraining
        let (classifier, lid) = ParallelMap.both(
            { SoftmaxClassifier(examples: trainingExamples, classes: classes) },
            { LanguageIdentifier(analysed: languageExamples, defaultLanguage: defaultLanguage) })
        self.classifier = classifier
        languageIdentifier = lid
        #if os(Linux)
        // Training leaves large freed blocks in the allocator's per-thread arenas: give them back to the system.
        _ = glibcMallocTrim(0)
        #endif
    }

    /// The definition of an intent by id.
    public func intent(_ id: String) -> IntentDefinition? { intents.first { $0.id == id } }

    /// Classifies one message. `languageHint` is the conversation's current language: a short "1" or "ok"
    /// keeps it, and it breaks ties for keywords shared by several languages ("stop").
    public func classify(_ text: String, languageHint: String? = nil) -> Classification {
        let analysed = AnalyzedText(text)
        let guess = languageIdentifier.identify(analysed, prior: languageHint)
        guard !analysed.words.isEmpty else {
            return Classification(lang: guess.language, languageConfidence: guess.confidence, intent: IntentCatalog.clarify,
                                  confidence: 0, handoff: .none, source: .empty, alternatives: [], cues: [], safetyIntent: nil)
        }
        if let entries = keywords[analysed.wholeMessageKey] {
            let hint = languageHint.map(LocaleNegotiation.language(of:))
            let chosen = entries.first { $0.language == hint } ?? entries.first { $0.language == guess.language } ?? entries[0]
            let language = entries.contains { $0.language == guess.language } ? guess.language : chosen.language
            return Classification(lang: language, languageConfidence: guess.confidence, intent: intentIDs[chosen.intent], confidence: 1,
                                  handoff: intents[chosen.intent].handoff, source: .keyword, alternatives: [], cues: [],
                                  safetyIntent: intents[chosen.intent].handoff == .urgent ? intentIDs[chosen.intent] : nil)
        }
        let probabilities = classifier.probabilities(IntentFeatures.extract(analysed))
        let ranked = Self.topIndices(probabilities, count: 5)
        var foundCues = Set(cues.matches(in: analysed.joinedWords))
        if analysed.hasLatinChannel { foundCues.formUnion(cues.matches(in: analysed.joinedLatinWords)) }
        var chosen = ranked[0]
        var source = Classification.Source.model
        let patternHits = patterns.isEmpty ? [] : Set(patterns.matches(in: analysed.joinedWords))
        if let best = patternHits.max(by: { probabilities[$0] < probabilities[$1] }) {
            chosen = best
            source = .pattern
        } else if Double(probabilities[chosen]) < settings.rejectBelow, chosen != outOfScopeIndex {
            source = .rejected
            let runnerUpIsOutOfScope = ranked.count > 1 && ranked[1] == outOfScopeIndex
            if Double(probabilities[chosen]) < settings.outOfScopeBelow || runnerUpIsOutOfScope {
                chosen = outOfScopeIndex ?? chosen
            } else {
                chosen = clarifyIndex ?? chosen
            }
        }
        let (handoff, safetyIntent) = urgency(chosen: chosen, ranked: ranked, probabilities: probabilities, cues: foundCues)
        if source == .rejected, let safetyIntent, safetyIntent != chosen {
            // The model was unsure, and one of its readings is urgent: answer that reading.
            chosen = safetyIntent
            source = .model
        }
        let alternatives = ranked.prefix(3).map { Classification.Alternative(intent: intentIDs[$0], confidence: Double(probabilities[$0])) }
        return Classification(lang: guess.language, languageConfidence: guess.confidence, intent: intentIDs[chosen],
                              confidence: source == .pattern ? max(0.9, Double(probabilities[chosen])) : Double(probabilities[chosen]),
                              handoff: handoff, source: source, alternatives: alternatives,
                              cues: foundCues.sorted(), safetyIntent: safetyIntent.map { intentIDs[$0] })
    }

    /// The handoff level of a message and, when urgent, the intent whose safety information comes first.
    /// Safety first: besides the chosen intent's own level, cue sets that raise every message ("he has a knife")
    /// and a plausible urgent runner-up make the message urgent.
    func urgency(chosen: Int, ranked: [Int], probabilities: [Float], cues: Set<String>) -> (HandoffLevel, Int?) {
        var handoff = level(of: chosen, cues: cues)
        var safetyIntent: Int? = handoff == .urgent ? chosen : nil
        for (set, raised) in content.cues.always where raised > handoff && cues.contains(set) {
            handoff = raised
            if raised == .urgent {
                safetyIntent = ranked.first { intents[$0].handoff == .urgent || intents[$0].raise.contains { $0.level == .urgent } } ?? chosen
            }
        }
        guard handoff < .urgent else { return (handoff, safetyIntent) }
        // With an urgency cue in the message ("right now", "within a week") an urgent reading needs less
        // probability; against a confident out-of-scope reading ("passport photos for my trip") it needs more.
        let cueSupport = !cues.isDisjoint(with: urgentCueSets)
        var floor = settings.urgentSafetyFloor * (cueSupport ? settings.cueFloorFactor : 1)
        if !cueSupport, ranked[0] == outOfScopeIndex { floor = max(floor, settings.urgentOverOutOfScope) }
        if let urgent = ranked.prefix(3).first(where: { level(of: $0, cues: cues) == .urgent && Double(probabilities[$0]) >= floor }) {
            return (.urgent, urgent)
        }
        return (handoff, safetyIntent)
    }

    /// Indices of the `count` largest values, largest first (a partial selection, not a full sort).
    static func topIndices(_ values: [Float], count: Int) -> [Int] {
        var top: [Int] = []
        top.reserveCapacity(count + 1)
        for i in values.indices {
            if top.count == count, values[i] <= values[top[count - 1]] { continue }
            var position = top.count
            while position > 0 && values[top[position - 1]] < values[i] { position -= 1 }
            top.insert(i, at: position)
            if top.count > count { top.removeLast() }
        }
        return top
    }

    /// The level of an intent for a message with these cues: raise rules first; lower rules only when no raise
    /// rule matched, so "ICE is here, what if I don't open" stays urgent while "what if ICE comes" is calm.
    func level(of intent: Int, cues: Set<String>) -> HandoffLevel {
        var level = intents[intent].handoff
        var raised = false
        for rule in intents[intent].raise where rule.level > level && rule.applies(to: cues) {
            level = rule.level
            raised = true
        }
        if !raised {
            for rule in intents[intent].lower where rule.level < level && rule.applies(to: cues) {
                level = rule.level
            }
        }
        return level
    }
}

extension RaiseRule {
    /// True when one of the rule's cue sets is in the message and none of its `unless` sets is.
    func applies(to cues: Set<String>) -> Bool {
        cueSets.contains(where: cues.contains) && !unless.contains(where: cues.contains)
    }
}

extension IntentEngine {
    /// Sizes of the trained models, for benchmarks and the admin page.
    public var modelSizes: (intentFeatures: Int, languageFeatures: Int) {
        (classifier.featureCount, languageIdentifier.featureCount)
    }
}

#if os(Linux)
/// glibc's malloc_trim (declared in malloc.h, which the Glibc module does not export).
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
#endif
