import ArgumentParser
import Foundation
import SanctuaryChannels
import SanctuaryText

/// `sanctuary sms-info`: how a text is encoded and split into SMS segments (for checking against other codecs).
struct SMSInfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sms-info",
        abstract: "Show the SMS encoding, segment count and segments of texts (one JSON object per line).")

    @Argument(help: "Text to measure (omit with --jsonl).") var text: String?
    @Flag(help: "Read JSON strings or {\"text\": …} objects, one per line, from standard input.") var jsonl = false

    func run() throws {
        if let text { print(describe(text)) }
        guard jsonl else { return }
        while let line = readLine() {
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            let value = try? JSONSerialization.jsonObject(with: Data(line.utf8), options: .fragmentsAllowed)
            guard let text = (value as? String) ?? ((value as? [String: Any])?["text"] as? String) else {
                print(#"{"error":"expected a JSON string or an object with \"text\""}"#)
                continue
            }
            print(describe(text))
        }
    }

    func describe(_ text: String) -> String {
        let (encoding, units) = SMSEncoding.measure(text)
        let renderer = SMSRenderer()
        let object: [String: Any] = [
            "text": text, "encoding": encoding.rawValue, "units": units, "segments": SMSEncoding.segments(text),
            "parts": SMSRenderer.segments(text), "normalised": renderer.normalise(text),
        ]
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}
