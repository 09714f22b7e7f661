import Foundation
import SanctuaryNLU

/// Writes text to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

extension ContentOptions {
    /// Loads and trains the engine, or prints the content's errors (file:line) and exits 1.
    func loadEngine() throws -> IntentEngine {
        if ignoreContentErrors {
            return IntentEngine(content: ContentLoader.read(intentsDirectory: intents, localesDirectory: locales).content, settings: settings)
        }
        do {
            return try IntentEngine.load(intentsDirectory: intents, localesDirectory: locales, settings: settings)
        } catch let error as ContentError {
            for d in error.errors { printError(d.description) }
            printError("sanctuary: content has \(error.errors.count) error(s); run 'sanctuary lint' for the full report")
            throw ExitCodeError.failure
        }
    }
}

/// Exit with status 1 without printing ArgumentParser's usage text.
enum ExitCodeError: Error { case failure }
