// Benchmark harness for the intent engine; run in release mode:
//   swift run -c release sanctuary-bench [--intents DIR] [--locales DIR] [DEV.jsonl|DIR ...]
// Reports load/lint/train time, classify latency per message (median, p90, p99) and resident memory.
import Foundation
import SanctuaryNLU

func argument(_ name: String, _ fallback: String) -> String {
    let args = CommandLine.arguments
    if let i = args.firstIndex(of: name), i + 1 < args.count { return args[i + 1] }
    return fallback
}

func residentMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
          let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
    return kb / 1024
}

func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }

let intents = argument("--intents", "intents")
let locales = argument("--locales", "locales")
var devPaths = CommandLine.arguments.dropFirst().filter { $0.hasSuffix(".jsonl") || (!$0.hasPrefix("--") && FileManager.default.fileExists(atPath: $0 + "/.")) }
devPaths.removeAll { $0 == intents || $0 == locales }
if devPaths.isEmpty { devPaths = ["eval/dev"] }
var texts: [String] = []
for path in devPaths {
    var isDir: ObjCBool = false
    FileManager.default.fileExists(atPath: path, isDirectory: &isDir)
    let files = isDir.boolValue ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasSuffix(".jsonl") }.sorted().map { "\(path)/\($0)" } : [path]
    for f in files { texts += ((try? Evaluator.readLines(path: f)) ?? []).map(\.text) }
}
let clock = ContinuousClock()
let rssBefore = residentMegabytes()
var lintTimes: [Double] = [], trainTimes: [Double] = []
var engine: IntentEngine? = nil
for _ in 0..<3 {
    var loaded: (Content, LintReport)? = nil
    lintTimes.append(seconds(clock.measure { loaded = Linter.lint(intentsDirectory: intents, localesDirectory: locales) }))
    guard let (content, report) = loaded else { exit(1) }
    if !report.isClean && trainTimes.isEmpty { print("note: content has \(report.errors.count) lint error(s); timing anyway") }
    trainTimes.append(seconds(clock.measure { engine = IntentEngine(content: content) }))
}
guard let engine, !texts.isEmpty else { print("no dev lines to time"); exit(1) }
let rssAfter = residentMegabytes()
// Warm up, then time each call.
for t in texts.prefix(200) { _ = engine.classify(t) }
var samples: [Double] = []
samples.reserveCapacity(texts.count * 5)
let passes = Int(argument("--passes", "5")) ?? 5
for _ in 0..<passes {
    for t in texts {
        let start = clock.now
        let r = engine.classify(t)
        let d = clock.now - start
        if r.intent.isEmpty { print("impossible") }
        samples.append(seconds(d) * 1e6)
    }
}
samples.sort()
let sortedSamples = samples
@MainActor func pctl(_ p: Double) -> Double { sortedSamples[min(sortedSamples.count - 1, Int(Double(sortedSamples.count) * p))] }
let examples = engine.content.intents.reduce(0) { $0 + $1.examples.values.reduce(0) { $0 + $1.count } }
print("content: \(engine.content.intents.count) intents, \(engine.content.enabledLocales.count) locales, \(examples) examples")
print(String(format: "read+lint: median %.3f s   train: median %.3f s   (3 runs each)", lintTimes.sorted()[1], trainTimes.sorted()[1]))
print(String(format: "classify: %d calls, median %.2f µs, p90 %.2f µs, p99 %.2f µs, mean %.2f µs", samples.count, pctl(0.5), pctl(0.9), pctl(0.99), samples.reduce(0, +) / Double(samples.count)))
print("model features: intent \(engine.modelSizes.intentFeatures), language \(engine.modelSizes.languageFeatures)")
print(String(format: "memory: RSS %.0f MB before load, %.0f MB with one engine", rssBefore, rssAfter))

// Where the time goes: each stage alone over the same texts.
import SanctuaryText
@MainActor func stage(_ name: String, _ body: (String) -> Void) {
    let start = clock.now
    for _ in 0..<3 { for t in texts { body(t) } }
    print(String(format: "  %-28@ %.2f µs/msg", name as NSString, seconds(clock.now - start) * 1e6 / Double(texts.count * 3)))
}
if CommandLine.arguments.contains("--no-stages") { exit(0) }
print("stages:")
stage("fold") { _ = TextFolding.fold($0) }
stage("fold+strip") { _ = TextFolding.foldStrippingMarks($0) }
stage("words") { _ = WordSegmenter.words($0) }
stage("to Latin") { _ = Transliteration.toLatin($0) }
stage("AnalyzedText") { _ = AnalyzedText($0) }
let analysed = texts.map { AnalyzedText($0) }
var k = 0
stage("language id") { _ in _ = engine.languageIdentifier.identify(analysed[k % analysed.count]); k += 1 }
stage("Latin spelling (cached)") { _ = LatinSpelling.spell($0) }
stage("classify") { _ = engine.classify($0) }
