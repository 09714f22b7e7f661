import Foundation
import SanctuaryConversation

/// Settings of a running service, read from the environment and an optional `KEY=VALUE` file
/// (`--config`, same names as the environment variables; the environment wins). See README "Configuration".
public struct ServerConfiguration: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    public var dataDirectory = "data"
    public var intentsDirectory = "intents"
    public var localesDirectory = "locales"
    /// Jurisdiction profile (`locales/profiles/<name>/`), e.g. "de"; nil = the base (US) answers.
    public var profile: String?
    /// A deployment's own answer overrides (same layout as `locales/`), applied last.
    public var overridesDirectory: String?
    /// HSDS dataset imported into `<data>/directory.json` on first start when none exists (the demo city's).
    public var directorySeed: String? = "deploy/directory/riverside-us"
    /// Origins allowed to embed the web chat page in an iframe (e.g. https://www.city.example).
    public var chatEmbedOrigins: [String] = []
    /// Teams and routes created on the first start of an empty store.
    public var teamsSeed: String? = "deploy/teams.yaml"
    /// Canned replies per language for the console.
    public var cannedRepliesFile = "deploy/canned-replies.yaml"
    /// Deployment values filled into answers (hotline numbers, names).
    public var valuesFile: String? = "deploy/demo-city.yaml"
    /// The public base URL providers call (Twilio signatures are checked against it).
    public var publicURL = "http://localhost:8080"
    public var twilioAuthToken: String?
    public var twilioAccountSID: String?
    public var twilioFrom: String?
    public var twilioAPIBase = "https://api.twilio.com"
    /// Delete each inbound message at Twilio after it was handled.
    public var twilioDeleteMessages = false
    public var vonageSignatureSecret: String?
    public var vonageSignatureMethod = "sha256"
    public var vonageAPIKey: String?
    public var vonageAPISecret: String?
    public var androidGatewayKey: String?
    public var androidGatewayURL: String?
    public var androidGatewayUser: String?
    public var androidGatewayPassword: String?
    public var kannelSecret: String?
    public var kannelSendURL: String?
    public var kannelUser: String?
    public var kannelPassword: String?
    /// Hours a closed case's transcript is kept before it is destroyed (0 = at close).
    public var retentionHours = 24
    /// Conversations without a case are forgotten after this many idle hours.
    public var conversationIdleHours = 24
    /// Length of a pseudonym rotation period in hours.
    public var keyRotationHours = 24 * 7
    public var timeZone = TimeZone(identifier: "America/Chicago")!
    public var officeHours = "mon-fri 09:00-17:00"
    public var urgentAlwaysStaffed = true
    public var urgentWaitMinutes = 5
    public var handoffWaitMinutes = 30
    /// An unanswered urgent (other) case gets one follow-up message after this many minutes.
    public var urgentFollowUpMinutes = 10
    public var handoffFollowUpMinutes = 120
    /// Largest accepted request body.
    public var maxBodyBytes = 64 * 1024
    /// Load content even when lint finds errors (not recommended).
    public var ignoreContentErrors = false

    public init() {}

    /// Reads the configuration: defaults, then the file, then the environment.
    public static func load(file: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ServerConfiguration {
        var values: [String: String] = [:]
        if let file {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { throw ConfigurationError("cannot read \(file)") }
            for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = raw.trimmingCharacters(in: .whitespaces)
                if line.isEmpty || line.hasPrefix("#") { continue }
                guard let equals = line.firstIndex(of: "=") else { throw ConfigurationError("\(file):\(number + 1): expected KEY=VALUE") }
                var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
                if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
                values[line[..<equals].trimmingCharacters(in: .whitespaces)] = value
            }
        }
        for (key, value) in environment where key.hasPrefix("SANCTUARY_") || key.hasPrefix("TWILIO_") || key.hasPrefix("VONAGE_")
            || key.hasPrefix("ANDROID_GATEWAY_") || key.hasPrefix("KANNEL_") { values[key] = value }
        var c = ServerConfiguration()
        func int(_ key: String, _ target: inout Int) throws {
            if let raw = values[key] {
                guard let value = Int(raw), value >= 0 else { throw ConfigurationError("\(key) must be a whole number ≥ 0, got \"\(raw)\"") }
                target = value
            }
        }
        if let v = values["SANCTUARY_HOST"] { c.host = v }
        try int("SANCTUARY_PORT", &c.port)
        if let v = values["SANCTUARY_DATA"] { c.dataDirectory = v }
        if let v = values["SANCTUARY_INTENTS"] { c.intentsDirectory = v }
        if let v = values["SANCTUARY_LOCALES"] { c.localesDirectory = v }
        if let v = values["SANCTUARY_PROFILE"], !v.isEmpty { c.profile = v }
        if let v = values["SANCTUARY_OVERRIDES"], !v.isEmpty { c.overridesDirectory = v }
        if let v = values["SANCTUARY_DIRECTORY_SEED"] { c.directorySeed = v.isEmpty ? nil : v }
        if let v = values["SANCTUARY_CHAT_EMBED_ORIGINS"] {
            c.chatEmbedOrigins = v.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
            for origin in c.chatEmbedOrigins where !(origin.hasPrefix("https://") || origin.hasPrefix("http://localhost")) || origin.contains(";") || origin.contains("'") {
                throw ConfigurationError("SANCTUARY_CHAT_EMBED_ORIGINS: \"\(origin)\" is not an https origin")
            }
        }
        if let v = values["SANCTUARY_TEAMS_SEED"] { c.teamsSeed = v.isEmpty ? nil : v }
        if let v = values["SANCTUARY_CANNED_REPLIES"] { c.cannedRepliesFile = v }
        if let v = values["SANCTUARY_VALUES"] { c.valuesFile = v.isEmpty ? nil : v }
        if let v = values["SANCTUARY_PUBLIC_URL"] { c.publicURL = v }
        c.twilioAuthToken = values["TWILIO_AUTH_TOKEN"]
        c.twilioAccountSID = values["TWILIO_ACCOUNT_SID"]
        c.twilioFrom = values["TWILIO_FROM"]
        if let v = values["TWILIO_API_BASE"] { c.twilioAPIBase = v }
        c.twilioDeleteMessages = values["TWILIO_DELETE_MESSAGES"].map { ["1", "true", "yes"].contains($0.lowercased()) } ?? false
        c.vonageSignatureSecret = values["VONAGE_SIGNATURE_SECRET"]
        if let v = values["VONAGE_SIGNATURE_METHOD"] { c.vonageSignatureMethod = v }
        c.vonageAPIKey = values["VONAGE_API_KEY"]
        c.vonageAPISecret = values["VONAGE_API_SECRET"]
        c.androidGatewayKey = values["ANDROID_GATEWAY_SIGNING_KEY"]
        c.androidGatewayURL = values["ANDROID_GATEWAY_URL"]
        c.androidGatewayUser = values["ANDROID_GATEWAY_USER"]
        c.androidGatewayPassword = values["ANDROID_GATEWAY_PASSWORD"]
        c.kannelSecret = values["KANNEL_SECRET"]
        c.kannelSendURL = values["KANNEL_SEND_URL"]
        c.kannelUser = values["KANNEL_USER"]
        c.kannelPassword = values["KANNEL_PASSWORD"]
        try int("SANCTUARY_RETENTION_HOURS", &c.retentionHours)
        try int("SANCTUARY_CONVERSATION_IDLE_HOURS", &c.conversationIdleHours)
        try int("SANCTUARY_KEY_ROTATION_HOURS", &c.keyRotationHours)
        if c.keyRotationHours == 0 { throw ConfigurationError("SANCTUARY_KEY_ROTATION_HOURS must be at least 1") }
        if let v = values["SANCTUARY_TIME_ZONE"] {
            guard let zone = TimeZone(identifier: v) else { throw ConfigurationError("SANCTUARY_TIME_ZONE: unknown time zone \"\(v)\"") }
            c.timeZone = zone
        }
        if let v = values["SANCTUARY_OFFICE_HOURS"] { c.officeHours = v }
        _ = try OfficeHours.parse(c.officeHours, timeZone: c.timeZone)
        if let v = values["SANCTUARY_URGENT_ALWAYS_STAFFED"] { c.urgentAlwaysStaffed = !["0", "false", "no"].contains(v.lowercased()) }
        try int("SANCTUARY_URGENT_WAIT_MINUTES", &c.urgentWaitMinutes)
        try int("SANCTUARY_HANDOFF_WAIT_MINUTES", &c.handoffWaitMinutes)
        try int("SANCTUARY_URGENT_FOLLOWUP_MINUTES", &c.urgentFollowUpMinutes)
        try int("SANCTUARY_HANDOFF_FOLLOWUP_MINUTES", &c.handoffFollowUpMinutes)
        try int("SANCTUARY_MAX_BODY_BYTES", &c.maxBodyBytes)
        return c
    }

    /// The conversation engine's settings from this configuration.
    public func conversationSettings() throws -> ConversationSettings {
        var hours = try OfficeHours.parse(officeHours, timeZone: timeZone)
        hours.urgentAlwaysStaffed = urgentAlwaysStaffed
        var settings = ConversationSettings(officeHours: hours, urgentWaitMinutes: urgentWaitMinutes, handoffWaitMinutes: handoffWaitMinutes)
        settings.urgentFollowUpMinutes = urgentFollowUpMinutes
        settings.handoffFollowUpMinutes = handoffFollowUpMinutes
        return settings
    }
}

/// A configuration value that cannot be used.
public struct ConfigurationError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
