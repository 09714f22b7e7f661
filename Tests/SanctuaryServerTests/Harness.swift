import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Logging
import SanctuaryChannels
import SanctuaryNLU
import SanctuaryServer
import Synchronization
import Testing

/// The repository's content, trained once for all server tests.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let engine: IntentEngine = {
        do { return try IntentEngine.load(intentsDirectory: root.appendingPathComponent("intents").path, localesDirectory: root.appendingPathComponent("locales").path) }
        catch { fatalError("repository content does not load: \(error)") }
    }()
}

/// Every log line the service writes, for the tests that check nothing identifying reaches the log.
final class LogCapture: Sendable {
    let lines = Mutex<[String]>([])
    var text: String { lines.withLock { $0.joined(separator: "\n") } }

    func logger() -> Logger {
        var logger = Logger(label: "sanctuary-test") { label in CapturingHandler(capture: self) }
        logger.logLevel = .trace
        return logger
    }

    struct CapturingHandler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(level: Logger.Level, message: Logger.Message, metadata extra: Logger.Metadata?, source: String, file: String, function: String, line: UInt) {
            let all = metadata.merging(extra ?? [:]) { $1 }
            capture.lines.withLock { $0.append("\(level) \(message) \(all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))") }
        }
    }
}

/// A provider API stand-in: records requests and answers with scripted statuses.
final class MockTransport: HTTPTransport {
    struct Sent: Sendable {
        let method: String
        let url: String
        let body: String
    }
    let sent = Mutex<[Sent]>([])
    let script = Mutex<[Int]>([])

    /// Statuses to answer with, in order; 201 once the script is used up.
    func respond(with statuses: [Int]) { script.withLock { $0 = statuses } }

    func perform(_ request: URLRequest) async throws -> (status: Int, headers: [String: String], body: Data) {
        let body = request.httpBody.map { String(decoding: $0, as: UTF8.self) } ?? ""
        sent.withLock { $0.append(Sent(method: request.httpMethod ?? "GET", url: request.url?.absoluteString ?? "", body: body)) }
        let status = script.withLock { $0.isEmpty ? 201 : $0.removeFirst() }
        let json = status < 300 ? #"{"sid":"SM\#(UUID().uuidString.prefix(8))"}"# : #"{"code":20429,"message":"Too Many Requests to +15550102030"}"#
        return (status, [:], Data(json.utf8))
    }

    var requests: [Sent] { sent.withLock { $0 } }
}

/// A service on a temporary data directory, a manual clock and a mock provider API.
struct Harness {
    let service: SanctuaryService
    let clock: ManualClock
    let transport = MockTransport()
    let logs = LogCapture()
    let dataDirectory: String

    static let twilioToken = "test-token-12345"
    static let publicURL = "https://help.example.org"

    init(configure: (inout ServerConfiguration) -> Void = { _ in }, engine: (@Sendable () throws -> IntentEngine)? = { Repository.engine }) throws {
        dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("sanctuary-server-\(UUID().uuidString)").path
        var configuration = ServerConfiguration()
        configuration.dataDirectory = dataDirectory
        configuration.intentsDirectory = Repository.root.appendingPathComponent("intents").path
        configuration.localesDirectory = Repository.root.appendingPathComponent("locales").path
        configuration.valuesFile = Repository.root.appendingPathComponent("deploy/demo-city.yaml").path
        configuration.publicURL = Self.publicURL
        configuration.twilioAuthToken = Self.twilioToken
        configuration.twilioAccountSID = "AC00000000000000000000000000000000"
        configuration.twilioFrom = "+15550100000"
        configuration.kannelSecret = "kannel-secret"
        configuration.androidGatewayKey = "gateway-key"
        configuration.androidGatewayURL = "http://phone.local:8080"
        configuration.vonageSignatureSecret = "vonage-secret"
        configuration.vonageAPIKey = "key"
        configuration.vonageAPISecret = "secret"
        configuration.officeHours = "mon-sun 00:00-24:00"
        configuration.directorySeed = Repository.root.appendingPathComponent("deploy/directory/riverside-us").path
        configuration.cannedRepliesFile = Repository.root.appendingPathComponent("deploy/canned-replies.yaml").path
        configuration.teamsSeed = nil
        configure(&configuration)
        clock = ManualClock(Date())
        service = try SanctuaryService(configuration: configuration, clock: clock, transport: transport, logger: logs.logger(), intentEngine: engine)
    }

    func remove() { try? FileManager.default.removeItem(atPath: dataDirectory) }

    /// The application without its background workers: tests drain the queue and run retention by hand.
    func app() -> some ApplicationProtocol { service.makeApplication(runWorkers: false) }

    /// A signed Twilio webhook request.
    static func twilioForm(from: String, body: String, sid: String = "SM" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(32)) -> (body: String, signature: String) {
        let fields = [("MessageSid", sid), ("AccountSid", "AC00000000000000000000000000000000"), ("From", from), ("To", "+15550100000"),
                      ("Body", body), ("NumMedia", "0"), ("FromCity", "RIVERSIDE"), ("FromZip", "60601"), ("FromState", "IL"), ("FromCountry", "US")]
        let signature = TwilioSignature.compute(url: publicURL + "/webhooks/twilio", parameters: fields.map { (name: $0.0, value: $0.1) }, authToken: twilioToken)
        return (FormEncoding.encode(fields), signature)
    }

    /// Every byte of every file in the data directory (database, WAL, journal, secret).
    func dataFiles() -> [(String, Data)] {
        let files = (try? FileManager.default.subpathsOfDirectory(atPath: dataDirectory)) ?? []
        return files.compactMap { name in FileManager.default.contents(atPath: dataDirectory + "/" + name).map { (name, $0) } }
    }

    /// Files in the data directory that contain `canary` as UTF-8 or UTF-16.
    func filesContaining(_ canary: String) -> [String] {
        let needles = [Data(canary.utf8), canary.data(using: .utf16LittleEndian)!, canary.data(using: .utf16BigEndian)!]
        return dataFiles().filter { _, data in needles.contains { data.range(of: $0) != nil } }.map(\.0)
    }
}

extension TestClientProtocol {
    /// Posts a signed Twilio webhook and returns the response.
    func twilio(from: String, body: String, sid: String? = nil) async throws -> TestResponse {
        let form = sid.map { Harness.twilioForm(from: from, body: body, sid: $0) } ?? Harness.twilioForm(from: from, body: body)
        return try await execute(uri: "/webhooks/twilio", method: .post,
                                 headers: [.contentType: "application/x-www-form-urlencoded", HTTPField.Name("X-Twilio-Signature")!: form.signature],
                                 body: ByteBuffer(string: form.body))
    }
}
