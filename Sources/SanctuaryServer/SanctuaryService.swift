import Foundation
import Hummingbird
import Logging
import SanctuaryChannels
import SanctuaryConversation
import SanctuaryDirectory
import SanctuaryNLU
import SanctuaryPrivacy
import SanctuaryStore
import ServiceLifecycle
import Yams

/// The wiring point: configuration in, a running service out. Everything the routes and workers use is
/// built here once.
public final class SanctuaryService: Sendable {
    public let configuration: ServerConfiguration
    /// Storage, through its protocols.
    public let store: any SanctuaryStorage
    /// The embedded SQLite database behind `store` (maintenance: checkpoint, schema, inventory).
    public let database: SQLiteStore
    public let secrets: ServerSecrets
    public let content: ContentHolder
    public let pipeline: MessagePipeline
    public let events: AdvocateEvents
    public let cases: CaseService
    public let clock: any ServiceClock
    public let logger: Logger
    public let rotation: RotationSchedule
    let senders: [String: any MessageSender]
    let smsRenderer = SMSRenderer()
    public let consoleAuth: ConsoleAuth
    /// Canned replies per language for advocates (`SANCTUARY_CANNED_REPLIES`).
    let cannedReplies: [String: [String]]

    /// Opens the store, reads or creates the secret, loads and trains the content.
    public init(configuration: ServerConfiguration, clock: any ServiceClock = SystemClock(),
                transport: any HTTPTransport = URLSessionTransport(), logger: Logger = Logger(label: "sanctuary"),
                directory: DirectoryLookup? = nil, intentEngine: (@Sendable () throws -> IntentEngine)? = nil) throws {
        self.configuration = configuration
        self.clock = clock
        self.logger = logger
        database = try SQLiteStore(directory: configuration.dataDirectory)
        store = database
        secrets = try ServerSecrets.load(directory: configuration.dataDirectory)
        rotation = RotationSchedule(periodSeconds: configuration.keyRotationHours * 3600)
        _ = try configuration.conversationSettings()
        try Self.seedDirectory(configuration: configuration, logger: logger)
        try Self.seedTeams(configuration: configuration, store: database, logger: logger)
        let database = self.database
        content = try ContentHolder {
            // Office hours edited in the admin console override the configured ones (applied at reload).
            var configured = configuration
            if let hours = try? database.setting("office_hours"), (try? OfficeHours.parse(hours, timeZone: configuration.timeZone)) != nil {
                configured.officeHours = hours
            }
            let settings = try configured.conversationSettings()
            let engine: IntentEngine
            if let intentEngine {
                engine = try intentEngine()
            } else if configuration.ignoreContentErrors {
                engine = IntentEngine(content: ContentLoader.read(intentsDirectory: configuration.intentsDirectory, localesDirectory: configuration.localesDirectory,
                                                                  profile: configuration.profile, overridesDirectory: configuration.overridesDirectory).content)
            } else {
                engine = try IntentEngine.load(intentsDirectory: configuration.intentsDirectory, localesDirectory: configuration.localesDirectory,
                                               profile: configuration.profile, overridesDirectory: configuration.overridesDirectory)
            }
            var values = try configuration.valuesFile.map { try DeploymentValues.load(path: $0) } ?? DeploymentValues()
            // What the privacy answer says comes from the running settings, not from a text someone typed.
            values.values["retention_hours"] = .number(Double(configuration.retentionHours))
            values.values["conversation_idle_hours"] = .number(Double(configuration.conversationIdleHours))
            values.values["rotation_days"] = .number(Double(max(1, configuration.keyRotationHours / 24)))
            return ConversationEngine(intents: engine, renderer: AnswerRenderer(content: engine.content, values: values),
                                      settings: settings, directory: directory ?? Self.directoryLookup(configuration: configuration, logger: logger))
        }
        events = AdvocateEvents()
        pipeline = MessagePipeline(content: content, store: store, secrets: secrets, rotation: rotation, clock: clock,
                                   events: events, logger: logger)
        cases = CaseService(store: store, secrets: secrets, clock: clock, events: events,
                            retention: Double(configuration.retentionHours) * 3600, logger: logger)
        consoleAuth = ConsoleAuth(store: store, clock: clock)
        cannedReplies = CannedReplies.load(path: configuration.cannedRepliesFile)
        var senders: [String: any MessageSender] = [:]
        if let sid = configuration.twilioAccountSID, let token = configuration.twilioAuthToken {
            senders["twilio"] = TwilioSender(accountSID: sid, authToken: token, from: configuration.twilioFrom,
                                             apiBase: configuration.twilioAPIBase, transport: transport)
        }
        if let key = configuration.vonageAPIKey, let secret = configuration.vonageAPISecret {
            senders["vonage"] = VonageSender(apiKey: key, apiSecret: secret, transport: transport)
        }
        if let url = configuration.androidGatewayURL {
            senders["android-sms-gateway"] = AndroidGatewaySender(baseURL: url, username: configuration.androidGatewayUser ?? "",
                                                                  password: configuration.androidGatewayPassword ?? "", transport: transport)
        }
        if let url = configuration.kannelSendURL {
            senders["kannel"] = KannelSender(sendURL: url, username: configuration.kannelUser ?? "", password: configuration.kannelPassword ?? "", transport: transport)
        }
        self.senders = senders
    }

    /// Imports the seed dataset (the demo city's services) when the data directory has no directory yet.
    static func seedDirectory(configuration: ServerConfiguration, logger: Logger) throws {
        let target = (configuration.dataDirectory as NSString).appendingPathComponent("directory.json")
        guard !FileManager.default.fileExists(atPath: target), let seed = configuration.directorySeed,
              FileManager.default.fileExists(atPath: seed) else { return }
        try FileManager.default.createDirectory(atPath: configuration.dataDirectory, withIntermediateDirectories: true)
        let document = try DirectoryStore.importDirectory(from: seed, dataDirectory: configuration.dataDirectory, timeZone: configuration.timeZone.identifier)
        logger.info("services directory imported", metadata: ["seed": "\(seed)", "services": "\(document.services.count)"])
    }

    /// Creates the demo teams and routes (`SANCTUARY_TEAMS_SEED`) when no topic is routed yet.
    static func seedTeams(configuration: ServerConfiguration, store: SQLiteStore, logger: Logger) throws {
        // Seeded while no topic is routed yet (accounts may already exist: `advocate add --team` creates teams).
        guard let path = configuration.teamsSeed, try store.teams().allSatisfy({ $0.topics.isEmpty }),
              let text = try? String(contentsOfFile: path, encoding: .utf8) else { return }
        guard let root = try Yams.load(yaml: text) as? [String: Any], let teams = root["teams"] as? [String: [String: Any]] else {
            throw ConfigurationError("\(path): expected a mapping 'teams' of id: {title, topics}")
        }
        for (id, team) in teams.sorted(by: { $0.key < $1.key }) {
            try store.addTeam(id: id, title: team["title"] as? String ?? id)   // keeps members of an existing team
            for topic in team["topics"] as? [String] ?? [] { try store.setRoute(topic: topic, team: id) }
        }
        logger.info("advocate teams created", metadata: ["teams": "\(teams.count)", "from": "\(path)"])
    }

    /// Answers services intents from `<data>/directory.json` (read again at every content reload).
    static func directoryLookup(configuration: ServerConfiguration, logger: Logger) -> DirectoryLookup? {
        let labels = (configuration.localesDirectory as NSString).appendingPathComponent("_directory_labels.yaml")
        guard FileManager.default.fileExists(atPath: (configuration.dataDirectory as NSString).appendingPathComponent("directory.json")) else { return nil }
        do {
            let directory = try ServiceDirectory.load(dataDirectory: configuration.dataDirectory, labelsPath: labels, timeZone: configuration.timeZone)
            return { intent, text, language, now in
                let matches = directory.search(intent: intent, text: text, language: language, now: now)
                return matches.isEmpty ? nil : directory.renderAnswer(matches: matches, language: language, now: now)
            }
        } catch {
            logger.error("services directory not loaded; answers come from the locale files", metadata: ["error": "\(error)"])
            return nil
        }
    }

    /// All routes with security headers.
    public func makeRouter() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: ConsoleLanguageMiddleware())
        HealthRoutes(service: self).register(on: router)
        WebhookRoutes(service: self).register(on: router)
        ChatRoutes(service: self).register(on: router)
        ConsoleRoutes(service: self).register(on: router)
        router.get("/") { _, _ -> Response in .redirect("/chat") }
        return router
    }

    public var outboundWorker: OutboundWorker {
        OutboundWorker(store: store, senders: senders, secrets: secrets, clock: clock, logger: logger)
    }

    public var retentionJobs: RetentionJobs {
        var jobs = RetentionJobs(store: store, clock: clock, rotation: rotation, conversationIdle: Double(configuration.conversationIdleHours) * 3600, logger: logger)
        jobs.followUps = FollowUpTimer(store: store, content: content, cases: cases, logger: logger)
        return jobs
    }

    /// The HTTP application with the outbound queue and the retention jobs as services (`runWorkers: false` lets
    /// tests drive them by hand).
    public func makeApplication(runWorkers: Bool = true) -> some ApplicationProtocol {
        Application(router: makeRouter(),
                    configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Sanctuary"),
                    services: runWorkers ? [outboundWorker, retentionJobs] : [], logger: logger)
    }

    /// Reassembles a long Vonage message from its parts (sealed while waiting); nil until complete.
    func reassemble(_ part: VonageWebhook.Part) async throws -> InboundMessage? {
        let group = secrets.dedupKey(channel: "vonage-parts", providerID: part.message.address + "/" + part.reference)
        let sealed = try CaseCipher.seal(part.message.text, key: secrets.transitKey, context: "part")
        guard let parts = try await store.addPart(groupKey: group, part: part.number, total: part.total, sealed: sealed, now: clock.now) else { return nil }
        let text = try parts.map { try CaseCipher.openString($0, key: secrets.transitKey, context: "part") }.joined()
        return InboundMessage(channel: "vonage", address: part.message.address, serviceAddress: part.message.serviceAddress,
                              text: text, providerMessageID: "concat/" + part.reference)
    }

    /// Deletes an inbound message at Twilio (body and metadata) after handling, in the background.
    func deleteAtTwilio(sid: String) {
        guard let sender = senders["twilio"] as? TwilioSender else { return }
        let logger = self.logger
        Task.detached {
            if case .sent = await sender.deleteMessage(sid: sid) { return }
            logger.warning("could not delete a message at Twilio")
        }
    }
}

extension SanctuaryService {
    /// Channels with credentials configured (for the start-up log and the admin page).
    public var configuredChannels: [String] {
        var list = ["web"]
        if configuration.twilioAuthToken != nil { list.append("twilio") }
        if configuration.vonageSignatureSecret != nil { list.append("vonage") }
        if configuration.androidGatewayKey != nil { list.append("android-sms-gateway") }
        if configuration.kannelSecret != nil { list.append("kannel") }
        return list
    }
}
