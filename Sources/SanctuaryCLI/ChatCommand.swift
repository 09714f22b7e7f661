import ArgumentParser
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SanctuaryConversation
import SanctuaryNLU

/// `sanctuary chat`: a terminal stand-in for a resident's phone, against the same conversation engine
/// (in-process) or a running server (`--url`).
struct ChatCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract: "Talk to the bot in the terminal, as a resident would by SMS.")

    @OptionGroup var content: ContentOptions
    @Option(help: "Deployment values (hotline numbers, names) filled into answers (default: deploy/demo-city-<profile>.yaml if it exists, else deploy/demo-city.yaml).")
    var values: String?
    @Option(help: "Talk to a running server (e.g. http://127.0.0.1:8080) through its JSON channel instead of in-process.")
    var url: String?
    @Flag(help: "Show language, intent, confidence, handoff level and actions for each message.")
    var debug = false

    func run() async throws {
        print("Sanctuary chat — type a message as a resident would (Ctrl-D to quit).")
        if let url { try await remote(url); return }
        let engine: IntentEngine
        do { engine = try content.loadEngine() } catch { throw ExitCode.failure }
        let deployment = try DeploymentValues.loadOrExit(content.valuesPath(values))
        let conversation = ConversationEngine(intents: engine, renderer: AnswerRenderer(content: engine.content, values: deployment))
        var state = ConversationState()
        print("      (what a resident sees after texting \"hi\")")
        print("bot> " + (conversation.renderer.conversation("greeting", language: "en") ?? ""))
        while true {
            print("you> ", terminator: "")
            guard let line = readLine() else { break }
            let step = conversation.step(state, message: line, now: Date())
            state = step.state
            if debug, let c = step.classification {
                print(String(format: "      [%@ %.2f · %@ %.2f · %@ · %@]", c.lang, c.languageConfidence, c.intent, c.confidence, c.handoff.rawValue, c.source.rawValue))
                for action in step.actions { if case .reply = action {} else { print("      → \(action)") } }
            }
            for reply in step.replies { print("bot> " + reply) }
            if step.replies.isEmpty { print("      (no reply)") }
        }
    }

    private func remote(_ base: String) async throws {
        let session = (0..<32).map { _ in String("abcdefghijklmnopqrstuvwxyz0123456789".randomElement()!) }.joined()
        guard let endpoint = URL(string: base.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + "/api/v1/messages") else {
            printError("sanctuary: invalid --url")
            throw ExitCodeError.failure
        }
        while true {
            print("you> ", terminator: "")
            guard let line = readLine() else { break }
            var request = URLRequest(url: endpoint)
            request.httpMethod = "POST"
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = try JSONSerialization.data(withJSONObject: ["session": session, "text": line])
            do {
                let (data, response) = try await URLSession.shared.data(for: request)
                guard (response as? HTTPURLResponse)?.statusCode == 200,
                      let replies = (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["replies"] as? [String] else {
                    print("      (server answered \((response as? HTTPURLResponse)?.statusCode ?? 0): \(String(decoding: data, as: UTF8.self)))")
                    continue
                }
                for reply in replies { print("bot> " + reply) }
                if replies.isEmpty { print("      (no reply)") }
            } catch {
                printError("sanctuary: cannot reach \(base): \(error.localizedDescription)")
            }
        }
    }
}
