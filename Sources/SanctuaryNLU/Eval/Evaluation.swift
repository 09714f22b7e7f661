import Foundation
import SanctuaryText

/// One labelled line of a development or test set (JSON Lines: text, lang, intent, handoff, optional also).
public struct LabelledMessage: Sendable, Codable {
    public let text: String
    public let lang: String
    public let intent: String
    public let handoff: HandoffLevel
    /// Other intents that are also acceptable answers.
    public let also: [String]?
}

/// Counts of right answers out of a total.
public struct Ratio: Sendable, Codable {
    public var hits = 0
    public var total = 0
    /// Hits ÷ total, or 1 when nothing was counted.
    public var value: Double { total == 0 ? 1 : Double(hits) / Double(total) }
    mutating func count(_ hit: Bool) { total += 1; if hit { hits += 1 } }
}

/// The measures `sanctuary eval` prints and checks.
public struct EvaluationReport: Sendable, Codable {
    public struct Group: Sendable, Codable {
        public var intentAccuracy = Ratio()
        public var languageAccuracy = Ratio()
        public var urgentRecall = Ratio()
        public var handoffRecall = Ratio()
        public var outOfScopeEscalated = Ratio()
    }
    /// A gold → predicted pair and how often it happened.
    public struct Confusion: Sendable, Codable {
        public let expected: String
        public let predicted: String
        public let count: Int
        public let examples: [String]
    }
    public var overall = Group()
    public var byLanguage: [String: Group] = [:]
    public var byIntent: [String: Group] = [:]
    public var confusions: [Confusion] = []
    /// Lines predicted urgent whose label is not urgent (over-escalation), for information.
    public var urgentFalseAlarms = 0
    /// Expected calibration error of the model's confidence (10 bins; 0 = perfectly calibrated).
    public var calibrationError = 0.0
    /// Lines whose text (after folding) is also a training example: they do not measure generalisation.
    public var linesInTraining = 0
}

/// Runs labelled messages through an engine and measures it.
public enum Evaluator {
    /// Measures `lines`; lines whose text is also a training example are counted in `linesInTraining` and,
    /// unless `includeTrainingLines`, left out of every measure (they would not test generalisation).
    public static func evaluate(_ lines: [LabelledMessage], engine: IntentEngine, includeTrainingLines: Bool = false) -> EvaluationReport {
        var report = EvaluationReport()
        var confusions: [String: (count: Int, examples: [String])] = [:]
        var bins = [(confidence: Double, hits: Double, count: Double)](repeating: (0, 0, 0), count: 10)
        let examples = engine.content.intents.flatMap { $0.examples.values.joined() }
        let training = Set(ParallelMap.map(examples) { AnalyzedText($0).wholeMessageKey })
        for line in lines {
            if training.contains(AnalyzedText(line.text).wholeMessageKey) {
                report.linesInTraining += 1
                if !includeTrainingLines { continue }
            }
            let result = engine.classify(line.text)
            let intentHit = result.intent == line.intent || (line.also ?? []).contains(result.intent)
            let languageHit = result.lang == line.lang.split(separator: "-").first.map(String.init)?.lowercased()
            func record(_ g: inout EvaluationReport.Group) {
                g.intentAccuracy.count(intentHit)
                g.languageAccuracy.count(languageHit)
                if line.handoff == .urgent { g.urgentRecall.count(result.handoff == .urgent) }
                if line.handoff >= .handoff { g.handoffRecall.count(result.handoff >= .handoff) }
                if line.intent == IntentCatalog.outOfScope { g.outOfScopeEscalated.count(result.handoff > .none) }
            }
            record(&report.overall)
            record(&report.byLanguage[line.lang, default: .init()])
            record(&report.byIntent[line.intent, default: .init()])
            if result.handoff == .urgent && line.handoff != .urgent { report.urgentFalseAlarms += 1 }
            if result.source == .model || result.source == .rejected {
                let bin = min(9, Int(result.confidence * 10))
                bins[bin].confidence += result.confidence
                bins[bin].hits += intentHit ? 1 : 0
                bins[bin].count += 1
            }
            if !intentHit {
                let key = line.intent + " → " + result.intent
                var entry = confusions[key] ?? (0, [])
                entry.count += 1
                if entry.examples.count < 3 { entry.examples.append(line.text) }
                confusions[key] = entry
            }
        }
        let counted = bins.reduce(0) { $0 + $1.count }
        report.calibrationError = counted == 0 ? 0 : bins.reduce(0) { $0 + abs($1.confidence - $1.hits) } / counted
        report.confusions = confusions.map { key, value in
            let parts = key.components(separatedBy: " → ")
            return .init(expected: parts[0], predicted: parts[1], count: value.count, examples: value.examples)
        }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.expected < $1.expected }
        return report
    }

    /// Reads JSON Lines; a bad line is an error naming the file and line.
    public static func readLines(path: String) throws -> [LabelledMessage] {
        guard let data = FileManager.default.contents(atPath: path) else { throw EvaluationError(message: "\(path): cannot read file") }
        guard let text = String(data: data, encoding: .utf8) else { throw EvaluationError(message: "\(path): not valid UTF-8") }
        var result: [LabelledMessage] = []
        let decoder = JSONDecoder()
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            do {
                result.append(try decoder.decode(LabelledMessage.self, from: Data(line.utf8)))
            } catch {
                throw EvaluationError(message: "\(path):\(index + 1): not a labelled line (text, lang, intent, handoff none|handoff|urgent): \(error)")
            }
        }
        return result
    }
}

/// A development set that cannot be read.
public struct EvaluationError: Error, CustomStringConvertible {
    public let message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
