import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SanctuaryText

/// Kannel smsbox `sms-service` calls: `get-url` (from and text in the query) or `post-url` (text in the body,
/// `X-Kannel-From` header). Kannel cannot sign, so a shared secret travels in the query (`k`).
public struct KannelWebhook: Sendable, CustomStringConvertible {
    /// Secrets are never printed.
    public var description: String { "KannelWebhook(secret redacted)" }
    public let secret: String

    public init(secret: String) { self.secret = secret }

    public func parse(_ request: ChannelRequest) throws(WebhookError) -> InboundMessage {
        let query = try FormEncoding.decode(query: request.query)
        guard let given = query.first("k"), constantTimeEquals(Array(given.utf8), Array(secret.utf8)) else {
            throw WebhookError.forbidden("missing or wrong k (KANNEL_SECRET)")
        }
        let from = query.first("from") ?? request.header("X-Kannel-From")
        guard let from, !from.isEmpty else { throw WebhookError.badRequest("missing from (%p) or X-Kannel-From") }
        let text: String
        switch request.method {
        case "GET": text = query.first("text") ?? ""
        case "POST":
            if let inQuery = query.first("text") { text = inQuery } else {
                guard let body = String(validating: request.body, as: UTF8.self) else {
                    throw WebhookError.badRequest("body is not valid UTF-8 (set mo-recode = yes)")
                }
                text = body
            }
        default: throw WebhookError(405, "Kannel calls are GET or POST requests")
        }
        // Kannel gives no message id and does not retry a service URL: no deduplication key.
        return InboundMessage(channel: "kannel", address: from, serviceAddress: query.first("to") ?? request.header("X-Kannel-To"),
                              text: text, providerMessageID: nil)
    }

    /// The reply body and headers: UTF-8 with `X-Kannel-Coding: 2` when the text needs UCS-2, so Arabic
    /// or Cyrillic arrive intact.
    public static func reply(_ texts: [String]) -> (body: String, headers: [String: String]) {
        let body = texts.joined(separator: "\n\n")
        var headers = ["Content-Type": "text/plain; charset=utf-8"]
        if SMSEncoding.measure(body).encoding == .ucs2 { headers["X-Kannel-Coding"] = "2" }
        return (body, headers)
    }
}

/// Sends through Kannel's `sendsms` HTTP interface.
public struct KannelSender: MessageSender, CustomStringConvertible {
    /// Credentials are never printed.
    public var description: String { "KannelSender(credentials redacted)" }
    public let channel = "kannel"
    public let sendURL: String
    public let username: String
    public let password: String
    let transport: any HTTPTransport

    public init(sendURL: String, username: String, password: String, transport: any HTTPTransport = URLSessionTransport()) {
        self.sendURL = sendURL
        self.username = username
        self.password = password
        self.transport = transport
    }

    public func send(_ message: OutboundMessage) async -> SendOutcome {
        var fields = [("username", username), ("password", password), ("to", message.address), ("text", message.text), ("charset", "UTF-8")]
        if SMSEncoding.measure(message.text).encoding == .ucs2 { fields.append(("coding", "2")) }
        if let from = message.serviceAddress { fields.append(("from", from)) }
        guard let url = URL(string: sendURL + "?" + FormEncoding.encode(fields)) else { return .failed(reason: "invalid KANNEL_SEND_URL") }
        var request = URLRequest(url: url)
        request.timeoutInterval = 15
        return await transport.deliver(request)
    }
}
