import ArgumentParser
import Foundation
import SanctuaryNLU

/// `sanctuary classify`: language, intent, confidence and handoff level of messages.
struct ClassifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Classify a message, or JSON Lines from stdin with --jsonl.",
        discussion: "Output per message: {\"lang\", \"intent\", \"confidence\", \"handoff\", …}. With --jsonl each input line is an object with a \"text\" field (and optional \"lang_hint\"); output lines keep the input order.")

    @OptionGroup var content: ContentOptions
    @Flag(help: "Read JSON Lines ({\"text\": …}) from stdin, write one JSON object per line.")
    var jsonl = false
    @Option(help: "The conversation's current language, used as a prior.")
    var langHint: String?
    @Argument(help: "The message text.")
    var text: String?

    func validate() throws {
        if !jsonl && text == nil { throw ValidationError("give a TEXT or --jsonl") }
        if jsonl && text != nil { throw ValidationError("give either a TEXT or --jsonl, not both") }
    }

    func run() async throws {
        let engine: IntentEngine
        do { engine = try content.loadEngine() } catch { throw ExitCode.failure }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if let text {
            print(String(decoding: try encoder.encode(ClassifyOutput(engine.classify(text, languageHint: langHint))), as: UTF8.self))
            return
        }
        var lineNumber = 0
        var failed = false
        while let line = readLine(strippingNewline: true) {
            lineNumber += 1
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            guard let data = line.data(using: .utf8),
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let text = object["text"] as? String else {
                // Keep the output aligned with the input: one line per input line, an error object here.
                print(#"{"error":"line \#(lineNumber): expected a JSON object with a string field \"text\""}"#)
                failed = true
                continue
            }
            let result = engine.classify(text, languageHint: (object["lang_hint"] as? String) ?? langHint)
            print(String(decoding: try encoder.encode(ClassifyOutput(result)), as: UTF8.self))
        }
        if failed { throw ExitCode.failure }
    }
}

/// The JSON shape of one classification.
struct ClassifyOutput: Encodable {
    let lang: String
    let lang_confidence: Double
    let intent: String
    let confidence: Double
    let handoff: String
    let source: String
    let alternatives: [Classification.Alternative]
    let cues: [String]

    init(_ c: Classification) {
        lang = c.lang
        lang_confidence = (c.languageConfidence * 1000).rounded() / 1000
        intent = c.intent
        confidence = (c.confidence * 1000).rounded() / 1000
        handoff = c.handoff.rawValue
        source = c.source.rawValue
        alternatives = c.alternatives.map { .init(intent: $0.intent, confidence: ($0.confidence * 1000).rounded() / 1000) }
        cues = c.cues
    }
}
