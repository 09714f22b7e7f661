import ArgumentParser
import Foundation
import SanctuaryNLU

/// `sanctuary eval`: measures the engine on labelled JSON Lines and enforces thresholds for CI.
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate on labelled JSON Lines (text, lang, intent, handoff, optional also).")

    @OptionGroup var content: ContentOptions
    @Argument(help: "Labelled .jsonl files, or directories of them.")
    var files: [String]
    @Flag(help: "Print the report as JSON.")
    var json = false
    @Option(help: "Fail below this intent accuracy (0-1).") var minIntentAccuracy: Double?
    @Option(help: "Fail below this language accuracy (0-1).") var minLanguageAccuracy: Double?
    @Option(help: "Fail below this urgent recall (0-1).") var minUrgentRecall: Double?
    @Option(help: "Fail below this handoff recall (0-1).") var minHandoffRecall: Double?
    @Option(help: "Fail above this share of out-of-scope lines escalated to a human (0-1).") var maxOutOfScopeEscalation: Double?
    @Flag(help: "Apply the thresholds to every language too, not only overall.") var perLanguage = false
    @Option(help: "How many confusions to list.") var confusions = 15
    @Flag(help: "Also measure lines that are training examples (left out by default).") var includeTrainingLines = false

    func run() async throws {
        var lines: [LabelledMessage] = []
        do {
            for path in try expand(files) { lines += try Evaluator.readLines(path: path) }
        } catch {
            printError("sanctuary eval: \(error)")
            throw ExitCode.failure
        }
        let engine: IntentEngine
        do { engine = try content.loadEngine() } catch { throw ExitCode.failure }
        let report = Evaluator.evaluate(lines, engine: engine, includeTrainingLines: includeTrainingLines)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            printReport(report, lines: lines.count)
        }
        let failures = thresholdFailures(report)
        for f in failures { printError("FAIL: \(f)") }
        if !failures.isEmpty { throw ExitCode.failure }
    }

    func expand(_ paths: [String]) throws -> [String] {
        try paths.flatMap { path -> [String] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw EvaluationError(message: "\(path): no such file") }
            guard isDirectory.boolValue else { return [path] }
            return try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".jsonl") }.sorted().map { "\(path)/\($0)" }
        }
    }

    func thresholdFailures(_ report: EvaluationReport) -> [String] {
        var groups = [("overall", report.overall)]
        if perLanguage { groups += report.byLanguage.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
        var out: [String] = []
        for (name, g) in groups {
            func check(_ label: String, _ ratio: Ratio, min: Double?) {
                if let min, ratio.total > 0, ratio.value < min { out.append("\(name): \(label) \(pct(ratio.value)) < \(pct(min))") }
            }
            check("intent accuracy", g.intentAccuracy, min: minIntentAccuracy)
            check("language accuracy", g.languageAccuracy, min: minLanguageAccuracy)
            check("urgent recall", g.urgentRecall, min: minUrgentRecall)
            check("handoff recall", g.handoffRecall, min: minHandoffRecall)
            if let max = maxOutOfScopeEscalation, g.outOfScopeEscalated.total > 0, g.outOfScopeEscalated.value > max {
                out.append("\(name): out-of-scope escalated \(pct(g.outOfScopeEscalated.value)) > \(pct(max))")
            }
        }
        return out
    }

    func printReport(_ r: EvaluationReport, lines: Int) {
        let o = r.overall
        print("lines                  \(r.overall.intentAccuracy.total) measured of \(lines)")
        print("intent accuracy        \(pct(o.intentAccuracy.value))  (\(o.intentAccuracy.hits)/\(o.intentAccuracy.total))")
        print("language accuracy      \(pct(o.languageAccuracy.value))  (\(o.languageAccuracy.hits)/\(o.languageAccuracy.total))")
        print("urgent recall          \(pct(o.urgentRecall.value))  (\(o.urgentRecall.hits)/\(o.urgentRecall.total))")
        print("handoff recall         \(pct(o.handoffRecall.value))  (\(o.handoffRecall.hits)/\(o.handoffRecall.total))")
        print("out-of-scope escalated \(pct(o.outOfScopeEscalated.value))  (\(o.outOfScopeEscalated.hits)/\(o.outOfScopeEscalated.total))")
        print("urgent false alarms    \(r.urgentFalseAlarms)  (lines made urgent whose label is not)")
        print("calibration error      \(String(format: "%.3f", r.calibrationError))  (expected calibration error of the model's confidence)")
        print("held out               \(lines - r.linesInTraining)/\(lines) lines are not training examples"
              + (includeTrainingLines ? " (all lines measured)" : " (only these are measured)"))
        print("\nper language     n  intent  lang    urgent  handoff oos-esc")
        for (lang, g) in r.byLanguage.sorted(by: { $0.key < $1.key }) { print(row(lang, g)) }
        print("\nper intent                     n  intent  lang    urgent  handoff oos-esc")
        for (intent, g) in r.byIntent.sorted(by: { $0.key < $1.key }) { print(row(intent, g, width: 26)) }
        print("\nworst confusions (expected → predicted)")
        for c in r.confusions.prefix(confusions) {
            print("  \(c.count)× \(c.expected) → \(c.predicted)   e.g. \(c.examples.map { "\"\($0)\"" }.joined(separator: ", "))")
        }
    }

    func row(_ name: String, _ g: EvaluationReport.Group, width: Int = 12) -> String {
        name.padding(toLength: width, withPad: " ", startingAt: 0)
            + String(format: "%5d", g.intentAccuracy.total)
            + "  " + [g.intentAccuracy, g.languageAccuracy, g.urgentRecall, g.handoffRecall].map { $0.total == 0 ? "   -   " : pct($0.value).padding(toLength: 7, withPad: " ", startingAt: 0) }.joined(separator: " ")
            + " " + (g.outOfScopeEscalated.total == 0 ? "  -" : pct(g.outOfScopeEscalated.value))
    }
}

func pct(_ v: Double) -> String { String(format: "%.1f%%", v * 100) }
