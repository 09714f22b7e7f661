import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import SanctuaryNLU
import SanctuaryServer
import Testing

@Suite struct ReloadTests {
    /// A copy of the repository's content that the test may break.
    static func copyContent() throws -> (intents: String, locales: String, root: String) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sanctuary-reload-\(UUID().uuidString)").path
        for folder in ["intents", "locales"] {
            try FileManager.default.copyItem(atPath: Repository.root.appendingPathComponent(folder).path, toPath: root + "/" + folder)
        }
        return (root + "/intents", root + "/locales", root)
    }

    @Test func brokenContentIsRefusedWithFileAndLineAndTheOldContentStaysLive() async throws {
        let content = try Self.copyContent()
        defer { try? FileManager.default.removeItem(atPath: content.root) }
        let harness = try Harness(configure: { $0.intentsDirectory = content.intents; $0.localesDirectory = content.locales }, engine: nil)
        defer { harness.remove() }
        let holder = harness.service.content
        #expect(holder.current.version == 1)

        // Break the Spanish locale: an unclosed MessageFormat argument in the kyr_door answer.
        let file = content.locales + "/es.yaml"
        let original = try String(contentsOfFile: file, encoding: .utf8)
        try original.replacingOccurrences(of: "  kyr_door: \"No abra la puerta.", with: "  kyr_door: \"No abra {la puerta.").write(toFile: file, atomically: true, encoding: .utf8)

        // Requests keep being answered while the reload trains off to the side.
        try await harness.app().test(.router) { client in
            async let reload = Task.detached { holder.reload() }.value
            for index in 0..<20 {
                let response = try await client.twilio(from: "+1555019980\(index % 10)", body: "hay comida gratis cerca?")
                #expect(response.status == .ok)
            }
            let status = await reload
            #expect(!status.succeeded)
            #expect(status.errors.contains { $0.contains("es.yaml:") })
        }
        #expect(holder.current.version == 1)
        #expect(holder.lastReload?.succeeded == false)

        // Fixed: the next reload goes live.
        try original.write(toFile: file, atomically: true, encoding: .utf8)
        #expect(holder.reload().succeeded)
        #expect(holder.current.version == 2)
    }
}
