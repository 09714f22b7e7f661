import ArgumentParser
import Dispatch
import Foundation
import Hummingbird
import Logging
import SanctuaryNLU
import SanctuaryServer

/// `sanctuary serve`: the HTTP service with webhooks, web chat, the outbound queue and retention jobs.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the helpline service (SQLite in the data directory; demo content by default).",
        discussion: "Settings come from the environment and an optional KEY=VALUE file (--config); see README, Configuration. Send SIGHUP to reload intents and locales.")

    @Option(help: "Port to listen on (SANCTUARY_PORT).") var port: Int?
    @Option(help: "Address to bind (SANCTUARY_HOST, default 127.0.0.1).") var host: String?
    @Option(help: "Data directory: database and secret (SANCTUARY_DATA, default ./data).") var data: String?
    @Option(help: "Configuration file of KEY=VALUE lines.") var config: String?
    @Option(help: "Directory of intent files (SANCTUARY_INTENTS).") var intents: String?
    @Option(help: "Directory of locale files (SANCTUARY_LOCALES).") var locales: String?
    @Option(help: "Deployment values filled into answers (SANCTUARY_VALUES).") var values: String?
    @Option(help: "Jurisdiction profile, e.g. de (SANCTUARY_PROFILE); its demo values are used unless --values is given.") var profile: String?

    func run() async throws {
        // Files the service creates (database, WAL, secret, directory) are readable by its user only.
        umask(0o077)
        var configuration: ServerConfiguration
        do { configuration = try ServerConfiguration.load(file: config) } catch {
            printError("sanctuary: \(error)")
            throw ExitCodeError.failure
        }
        if let port { configuration.port = port }
        if let host { configuration.host = host }
        if let data { configuration.dataDirectory = data }
        if let intents { configuration.intentsDirectory = intents }
        if let locales { configuration.localesDirectory = locales }
        if let profile {
            configuration.profile = profile
            if values == nil, FileManager.default.fileExists(atPath: "deploy/demo-city-\(profile).yaml") { configuration.valuesFile = "deploy/demo-city-\(profile).yaml" }
            if profile == "de", ProcessInfo.processInfo.environment["SANCTUARY_DIRECTORY_SEED"] == nil {
                configuration.directorySeed = "deploy/directory/flussstadt-de/services.json"
                if ProcessInfo.processInfo.environment["SANCTUARY_TIME_ZONE"] == nil { configuration.timeZone = TimeZone(identifier: "Europe/Berlin")! }
            }
        }
        if let values { configuration.valuesFile = values }

        var logger = Logger(label: "sanctuary")
        logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        let service: SanctuaryService
        do {
            service = try SanctuaryService(configuration: configuration, logger: logger)
        } catch let error as ContentError {
            for diagnostic in error.errors { printError(diagnostic.description) }
            printError("sanctuary: content has \(error.errors.count) error(s); nothing started")
            throw ExitCodeError.failure
        } catch {
            printError("sanctuary: cannot start: \(error)")
            throw ExitCodeError.failure
        }
        let reloader = installReloadOnSIGHUP(service: service, logger: logger)
        logger.info("sanctuary ready", metadata: [
            "address": "http://\(configuration.host):\(configuration.port)", "data": "\(configuration.dataDirectory)",
            "channels": "\(service.configuredChannels.joined(separator: ","))",
        ])
        try await service.makeApplication().runService()
        reloader.cancel()
    }

    /// SIGHUP reloads intents and locales; a refused reload keeps the old content and logs file:line errors.
    func installReloadOnSIGHUP(service: SanctuaryService, logger: Logger) -> any DispatchSourceSignal {
        signal(SIGHUP, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGHUP, queue: .global())
        source.setEventHandler {
            let status = service.content.reload()
            if status.succeeded {
                logger.info("content reloaded", metadata: ["version": "\(service.content.current.version)"])
            } else {
                logger.error("content reload refused; previous content stays live", metadata: ["errors": "\(status.errors.joined(separator: " | "))"])
            }
        }
        source.resume()
        return source
    }
}
