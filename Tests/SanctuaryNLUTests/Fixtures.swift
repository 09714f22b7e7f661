import Foundation
import SanctuaryNLU

/// The repository's own content directories, found from this file's location.
enum RepositoryContent {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var intents: String { root.appendingPathComponent("intents").path }
    static var locales: String { root.appendingPathComponent("locales").path }
    static var devSet: String { root.appendingPathComponent("eval/dev").path }
    static func deploy(_ name: String) -> String { root.appendingPathComponent("deploy/\(name)").path }

    /// One engine trained on the real content, shared by the tests that only read it.
    static let engine: IntentEngine = {
        do { return try IntentEngine.load(intentsDirectory: intents, localesDirectory: locales) }
        catch { fatalError("repository content does not load: \(error)") }
    }()
}

/// A throwaway content directory for tests that need broken or minimal files.
struct TemporaryContent {
    let root: URL
    var intents: String { root.appendingPathComponent("intents").path }
    var locales: String { root.appendingPathComponent("locales").path }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("sanctuary-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: root.appendingPathComponent("intents").path, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root.appendingPathComponent("locales").path, withIntermediateDirectories: true)
    }

    /// Copies the repository's content, so a test can break one file of a complete set.
    static func copyOfRepository() throws -> TemporaryContent {
        let t = try TemporaryContent()
        for (from, to) in [(RepositoryContent.intents, t.intents), (RepositoryContent.locales, t.locales)] {
            for name in try FileManager.default.contentsOfDirectory(atPath: from) {
                try FileManager.default.copyItem(atPath: "\(from)/\(name)", toPath: "\(to)/\(name)")
            }
        }
        return t
    }

    func write(_ relativePath: String, _ text: String) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent(relativePath))
    }

    func write(_ relativePath: String, bytes: [UInt8]) throws {
        try Data(bytes).write(to: root.appendingPathComponent(relativePath))
    }

    func lint() -> LintReport { Linter.lint(intentsDirectory: intents, localesDirectory: locales).1 }

    func remove() { try? FileManager.default.removeItem(at: root) }
}
