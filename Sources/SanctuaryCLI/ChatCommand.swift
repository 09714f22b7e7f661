import ArgumentParser
import Foundation
import SanctuaryNLU

/// `sanctuary chat`: a terminal stand-in for a resident's phone, answering from the demo content.
struct ChatCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract: "Talk to the bot in the terminal, as a resident would by SMS.")

    @OptionGroup var content: ContentOptions
    @Option(help: "Deployment values (hotline numbers, names) filled into answers (default: deploy/demo-city-<profile>.yaml if it exists, else deploy/demo-city.yaml).")
    var values: String?
    @Flag(help: "Show language, intent, confidence and handoff level for each message.")
    var debug = false

    func run() async throws {
        let engine: IntentEngine
        do { engine = try content.loadEngine() } catch { throw ExitCode.failure }
        let deployment = (try? DeploymentValues.load(path: content.valuesPath(values))) ?? DeploymentValues()
        let renderer = AnswerRenderer(content: engine.content, values: deployment)
        var language: String? = nil
        print("Sanctuary chat — type a message as a resident would (Ctrl-D to quit).")
        print("bot> " + (renderer.conversation("greeting", language: "en") ?? ""))
        while true {
            print("you> ", terminator: "")
            guard let line = readLine() else { break }
            let result = engine.classify(line, languageHint: language)
            // A confident detection sets the conversation language; a short "1", "ok" or a keyword keeps it.
            let decisive = result.source != .keyword && result.source != .empty && result.languageConfidence >= 0.8
            if language == nil || decisive { language = result.lang }
            let lang = language ?? result.lang
            if debug {
                print(String(format: "      [%@ %.2f · %@ %.2f · %@ · %@]", result.lang, result.languageConfidence, result.intent, result.confidence, result.handoff.rawValue, result.source.rawValue))
            }
            let key: String? = switch result.intent {
            case "unclear_clarify": "clarify"
            case "out_of_scope": "out_of_scope"
            default: nil
            }
            let reply = key.flatMap { renderer.conversation($0, language: lang) } ?? renderer.answer(intent: result.intent, language: lang) ?? ""
            print("bot> " + reply)
            if result.handoff != .none, let confirm = renderer.conversation("handoff_confirm", language: lang, extra: ["wait_minutes": .number(5)]) {
                print("bot> " + confirm)
            }
        }
    }
}
