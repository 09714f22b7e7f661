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
            return IntentEngine(content: ContentLoader.read(intentsDirectory: intents, localesDirectory: locales, profile: profile,
                                                            overridesDirectory: overrides).content, settings: settings)
        }
        do {
            return try IntentEngine.load(intentsDirectory: intents, localesDirectory: locales, profile: profile,
                                         overridesDirectory: overrides, settings: settings)
        } catch let error as ContentError {
            for d in error.errors { printError(d.description) }
            printError("sanctuary: content has \(error.errors.count) error(s); run 'sanctuary lint' for the full report")
            throw ExitCodeError.failure
        }
    }

    /// The deployment values file: the one given, else `deploy/demo-city-<profile>.yaml` when it exists, else the
    /// US demo city's.
    func valuesPath(_ given: String?) -> String {
        if let given { return given }
        if let profile, FileManager.default.fileExists(atPath: "deploy/demo-city-\(profile).yaml") { return "deploy/demo-city-\(profile).yaml" }
        return "deploy/demo-city.yaml"
    }
}

extension DeploymentValues {
    /// Reads a values file, or prints its error and exits 1.
    static func loadOrExit(_ path: String) throws -> DeploymentValues {
        do { return try DeploymentValues.load(path: path) } catch {
            printError("sanctuary: \(error)")
            throw ExitCodeError.failure
        }
    }
}

/// Exit with status 1 without printing ArgumentParser's usage text.
enum ExitCodeError: Error { case failure }
