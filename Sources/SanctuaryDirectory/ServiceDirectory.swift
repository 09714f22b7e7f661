import Foundation
import SanctuaryText

/// One search result: a service, the place to go, and what an answer may truthfully say about it.
public struct ServiceMatch: Sendable, Equatable {
    public var service: DirectoryService
    /// The location shown (the one open now, or opening soonest); nil for services without a place.
    public var location: DirectoryLocation?
    /// Open now / opens at, in the city's time zone, at the moment of the search.
    public var openState: OpenState
    /// Ranking score (higher is better); only for ordering and debugging.
    public var score: Double
    /// The categories that made the service match (e.g. `["dental", "medical"]`).
    public var matchedCategories: [String]
    /// True when the service (or its location) lists the resident's language.
    public var speaksLanguage: Bool
    /// True only when an attribute says so (`no_id_required`); never inferred from missing documents.
    public var noIDRequired: Bool
    /// True only when an attribute says so (`status_not_asked`).
    public var statusNotAsked: Bool
    /// True only when an attribute says so (`anonymous`).
    public var anonymous: Bool
}

/// The city's services directory in memory: search for the conversation engine and SMS rendering.
public struct ServiceDirectory: Sendable {
    /// The services as imported.
    public let document: DirectoryDocument
    /// The city's time zone; schedules are read in it.
    public let timeZone: TimeZone
    /// The answer words per locale.
    public let labels: DirectoryLabels
    private let hours: OpeningHours
    private let categoriesByService: [[String]]
    private let nameWords: [Set<String>]
    private static let matcher = KeywordMatcher()

    /// A directory over a loaded document. `timeZone` overrides the document's zone (for a city that moved it).
    public init(document: DirectoryDocument, labels: DirectoryLabels, timeZone: TimeZone? = nil) {
        self.document = document
        self.labels = labels
        self.timeZone = timeZone ?? TimeZone(identifier: document.timeZone) ?? TimeZone(identifier: "UTC")!
        hours = OpeningHours(timeZone: self.timeZone)
        let known = Set(DirectoryCategories.keywords.keys)
        categoriesByService = document.services.map { service in
            let fromTerms = service.terms.filter { known.contains($0) }
            if !fromTerms.isEmpty { return fromTerms }
            // Data without category terms: infer from the name and description.
            let text = AnalyzedText(service.name + " " + (service.description ?? ""))
            return Self.matcher.categories(in: text).map(\.key).sorted()
        }
        nameWords = document.services.map { service in
            Set(AnalyzedText(service.name + " " + service.organization.name).words.filter { $0.count >= 4 })
        }
    }

    /// Loads `<dataDirectory>/directory.json` and the labels file (`locales/_directory_labels.yaml`).
    public static func load(dataDirectory: String, labelsPath: String, timeZone: TimeZone? = nil) throws -> ServiceDirectory {
        ServiceDirectory(document: try DirectoryStore.load(dataDirectory: dataDirectory),
                         labels: try DirectoryLabels.load(path: labelsPath), timeZone: timeZone)
    }

    /// Best matches for a resident's message.
    ///
    /// - Parameters:
    ///   - intent: the classified intent (`find_food`, `find_shelter`, `find_primary_care`, `search_directory`, …);
    ///     it selects categories (see `DirectoryCategories.intentCategories`). Nil or an intent without categories:
    ///     the message's words alone decide.
    ///   - text: the message as the resident wrote it; category words in any of the 12 languages (also Latin
    ///     spellings such as Arabizi "sinni") narrow the result (a dentist rather than any clinic).
    ///   - language: the conversation's language; services that speak it rank higher.
    ///   - now: the moment of the search; open-now is computed in the city's time zone.
    ///   - limit: at most this many matches, best first.
    /// - Returns: active services only; violence shelters only when violence is the topic; empty when nothing fits.
    public func search(intent: String?, text: String, language: String, now: Date, limit: Int = 2) -> [ServiceMatch] {
        let analyzed = AnalyzedText(text)
        let messageCategories = Self.matcher.categories(in: analyzed)
        let intentCategories = intent.flatMap { DirectoryCategories.intentCategories[$0] } ?? []
        let mentionsBarrier = Self.matcher.mentionsBarrier(analyzed)
        let messageWords = Set(analyzed.words.filter { $0.count >= 4 })
        let languageCode = String(language.lowercased().split(separator: "-").first ?? "")
        var results: [ServiceMatch] = []
        for (index, service) in document.services.enumerated() where service.status == "active" {
            let categories = categoriesByService[index]
            var score = 0.0
            var matched: [String] = []
            // Words of the message: 4 for the first category they name, 1 for each further one.
            for c in categories where messageCategories[c] != nil {
                score += matched.isEmpty ? 4 : 1
                matched.append(c)
            }
            let namedByMessage = !matched.isEmpty
            // The intent: 2.5 when the service has one of its categories.
            if intentCategories.contains(where: { categories.contains($0) }) {
                score += 2.5
                for c in intentCategories where categories.contains(c) && !matched.contains(c) { matched.append(c) }
            }
            // The service's first category is what it mainly is (a pantry that also hands out blankets): a bonus
            // when that is what the message names, or (when it names none) what the intent is mainly about.
            if let primary = categories.first,
               messageCategories.isEmpty ? intentCategories.first == primary : messageCategories[primary] != nil {
                score += 0.5
            }
            // Words of the service's name in the message: the way in when no category fits, a tie-breaker otherwise.
            let nameHits = messageWords.intersection(nameWords[index]).count
            score += Double(nameHits) * (namedByMessage || score > 0 ? 0.25 : 1.5)
            guard score > 0 else { continue }
            // A category the resident or the intent did not ask for keeps a sensitive service out.
            if categories.contains(where: { DirectoryCategories.onlyWhenAsked.contains($0) }) &&
                !categories.contains(where: { DirectoryCategories.onlyWhenAsked.contains($0) && (messageCategories[$0] != nil || intentCategories.contains($0)) }) {
                continue
            }
            // The resident named something specific (a dentist) and this service is not that: rank it low.
            let specific = messageCategories.keys.filter { $0 != "health" && $0 != "medical" }
            if !specific.isEmpty && !specific.contains(where: { categories.contains($0) }) && nameHits == 0 { score -= 2 }
            if mentionsBarrier && !service.terms.filter({ DirectoryCategories.lowBarrierTerms.contains($0) }).isEmpty { score += 1 }
            let (location, state) = bestLocation(service, now: now)
            switch state {
            case .openUntil, .openAroundTheClock: score += 1
            case .opensToday: score += 0.75
            case .unknown: score -= 0.25
            case .closed: score -= 1
            default: break
            }
            let speaks = !languageCode.isEmpty && (service.languages + (location?.languages ?? [])).contains {
                $0.code == languageCode || ($0.code.map { $0.hasPrefix(languageCode + "-") } ?? false)
            }
            if speaks { score += 0.5 }
            results.append(ServiceMatch(
                service: service, location: location, openState: state, score: score, matchedCategories: matched,
                speaksLanguage: speaks, noIDRequired: service.terms.contains(DirectoryCategories.noIDRequired),
                statusNotAsked: service.terms.contains(DirectoryCategories.statusNotAsked),
                anonymous: service.terms.contains(DirectoryCategories.anonymous)))
        }
        results.sort { $0.score != $1.score ? $0.score > $1.score : $0.service.name < $1.service.name }
        return Array(results.prefix(max(0, limit)))
    }

    /// Open-now state of one service (its best location) at `now`.
    public func openState(of service: DirectoryService, at now: Date) -> OpenState {
        bestLocation(service, now: now).1
    }

    private func bestLocation(_ service: DirectoryService, now: Date) -> (DirectoryLocation?, OpenState) {
        func rank(_ s: OpenState) -> Int {
            switch s {
            case .openAroundTheClock, .openUntil: return 0
            case .opensToday: return 1
            case .opensTomorrow: return 2
            case .opensOn: return 3
            case .unknown: return 4
            case .closed: return 5
            }
        }
        guard !service.locations.isEmpty else { return (nil, hours.state(service.schedules, at: now)) }
        var best: (DirectoryLocation?, OpenState)? = nil
        for location in service.locations {
            let schedules = location.schedules.isEmpty ? service.schedules : location.schedules
            let state = hours.state(schedules, at: now)
            if best == nil || rank(state) < rank(best!.1) { best = (location, state) }
        }
        return best!
    }
}

/// Finds category words and "no insurance / no papers" words in an analysed message.
struct KeywordMatcher: Sendable {
    private struct Keyword: Sendable {
        let words: [String]
        let category: String
    }
    private let keywords: [Keyword]
    private let barrier: [[String]]

    init() {
        func fold(_ text: String) -> [String] { AnalyzedText(text).words }
        var list: [Keyword] = []
        for (category, words) in DirectoryCategories.keywords {
            for w in words {
                let folded = fold(w)
                if !folded.isEmpty { list.append(Keyword(words: folded, category: category)) }
            }
        }
        keywords = list
        barrier = DirectoryCategories.barrierWords.map(fold).filter { !$0.isEmpty }
    }

    private static func wordMatches(_ word: String, _ keyword: String) -> Bool {
        if word == keyword { return true }
        let n = keyword.count
        if n >= 5 && word.hasPrefix(keyword) { return true }
        return n >= 6 && word.contains(keyword)
    }

    private static func phraseMatches(_ words: [String], _ phrase: [String]) -> Bool {
        if phrase.count == 1 { return words.contains { wordMatches($0, phrase[0]) } }
        guard words.count >= phrase.count else { return false }
        for start in 0...(words.count - phrase.count) {
            var ok = true
            for (i, p) in phrase.enumerated() where !(i == phrase.count - 1 ? wordMatches(words[start + i], p) : words[start + i] == p) {
                ok = false
                break
            }
            if ok { return true }
        }
        return false
    }

    /// Category → number of keywords found, on both channels (the words and their Latin spelling).
    func categories(in text: AnalyzedText) -> [String: Int] {
        var found: [String: Int] = [:]
        for k in keywords where Self.phraseMatches(text.words, k.words) || (text.hasLatinChannel && Self.phraseMatches(text.latinWords, k.words)) {
            found[k.category, default: 0] += 1
        }
        return found
    }

    func mentionsBarrier(_ text: AnalyzedText) -> Bool {
        barrier.contains { Self.phraseMatches(text.words, $0) || (text.hasLatinChannel && Self.phraseMatches(text.latinWords, $0)) }
    }
}
