import Foundation

/// A message to send to a resident outside an HTTP response (advocate replies, answers on channels that
/// cannot reply inline).
public struct OutboundMessage: Sendable, Codable, Equatable {
    public let channel: String
    public let address: String
    public let serviceAddress: String?
    public let text: String
    /// Stable id of this send, so a retry never produces a second SMS at providers that deduplicate.
    public let idempotencyKey: String

    public init(channel: String, address: String, serviceAddress: String?, text: String, idempotencyKey: String) {
        self.channel = channel
        self.address = address
        self.serviceAddress = serviceAddress
        self.text = text
        self.idempotencyKey = idempotencyKey
    }
}

/// What a provider answered to a send.
public enum SendOutcome: Sendable, Equatable {
    /// Accepted; the provider's message id when it gives one.
    case sent(providerID: String?)
    /// Try again later (429, 5xx, network error); `after` when the provider said how long to wait.
    case retry(reason: String, after: TimeInterval?)
    /// Will never work (bad credentials, invalid number, recipient opted out).
    case failed(reason: String)
}

/// Sends messages through one provider's API.
public protocol MessageSender: Sendable {
    /// The channel this sender serves ("twilio").
    var channel: String { get }
    func send(_ message: OutboundMessage) async -> SendOutcome
}

/// A minimal HTTP client interface, so senders can be tested against a local server.
public protocol HTTPTransport: Sendable {
    func perform(_ request: URLRequest) async throws -> (status: Int, headers: [String: String], body: Data)
}

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `HTTPTransport` over URLSession (libcurl on Linux).
public struct URLSessionTransport: HTTPTransport {
    public init() {}
    public func perform(_ request: URLRequest) async throws -> (status: Int, headers: [String: String], body: Data) {
        let (data, response) = try await URLSession.shared.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields { headers[String(describing: key).lowercased()] = String(describing: value) }
        return (http.statusCode, headers, data)
    }
}

extension HTTPTransport {
    /// Performs a provider API call and turns the answer into an outcome: the provider's message id from the
    /// JSON field `idField`, a provider-specific verdict from `inspect` when it has one, network errors retried.
    func deliver(_ request: URLRequest, idField: String? = nil,
                 inspect: (_ status: Int, _ body: Data) -> SendOutcome? = { _, _ in nil }) async -> SendOutcome {
        do {
            let (status, headers, body) = try await perform(request)
            if let verdict = inspect(status, body) { return verdict }
            let id = idField.flatMap { (try? JSONSerialization.jsonObject(with: body) as? [String: Any])?[$0] as? String }
            return outcome(status: status, headers: headers, body: body, providerID: id)
        } catch {
            return .retry(reason: "network error", after: nil)
        }
    }
}

/// Turns an HTTP status into an outcome shared by all providers: 2xx sent, 429/5xx retry, other 4xx failed.
func outcome(status: Int, headers: [String: String], body: Data, providerID: String?) -> SendOutcome {
    switch status {
    case 200..<300: return .sent(providerID: providerID)
    case 429, 500..<600:
        let after = headers["retry-after"].flatMap { TimeInterval($0) }
        return .retry(reason: "provider answered \(status)", after: after)
    default:
        // Providers' error messages can repeat the recipient's number: keep only a numeric error code.
        let code = (try? JSONSerialization.jsonObject(with: body) as? [String: Any])?["code"].map { " code \($0)" } ?? ""
        return .failed(reason: "provider answered \(status)\(code)")
    }
}
