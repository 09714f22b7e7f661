import Crypto
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// SMS Gateway for Android (capcom6): an old phone forwards SMS as signed JSON webhooks.
public struct AndroidGatewayWebhook: Sendable, CustomStringConvertible {
    /// Secrets are never printed.
    public var description: String { "AndroidGatewayWebhook(secret redacted)" }
    public let signingKey: String
    public let maxSkew: TimeInterval

    public init(signingKey: String, maxSkew: TimeInterval = 300) {
        self.signingKey = signingKey
        self.maxSkew = maxSkew
    }

    struct Envelope: Decodable {
        struct Payload: Decodable {
            let messageId: String?
            let message: String?
            let phoneNumber: String?
        }
        let id: String?
        let event: String?
        let deviceId: String?
        let payload: Payload?
    }

    /// Verifies `X-Signature` = hex(HMAC-SHA256(key, body + X-Timestamp)) and reads an `sms:received` event.
    /// Other events are acknowledged and ignored (nil).
    public func parse(_ request: ChannelRequest, now: Date) throws(WebhookError) -> InboundMessage? {
        guard request.method == "POST" else { throw WebhookError(405, "gateway webhooks are POST requests") }
        guard let signature = request.header("X-Signature"), let timestamp = request.header("X-Timestamp") else {
            throw WebhookError.forbidden("missing X-Signature or X-Timestamp")
        }
        guard let seconds = Double(timestamp), abs(now.timeIntervalSince1970 - seconds) <= maxSkew else {
            throw WebhookError.forbidden("X-Timestamp more than 5 minutes off")
        }
        let expected = Self.signature(body: request.body, timestamp: timestamp, key: signingKey)
        guard constantTimeEquals(Array(expected.utf8), Array(signature.lowercased().utf8)) else {
            throw WebhookError.forbidden("invalid X-Signature")
        }
        guard String(validating: request.body, as: UTF8.self) != nil,
              let envelope = try? JSONDecoder().decode(Envelope.self, from: Data(request.body)) else {
            throw WebhookError.badRequest("body is not a gateway event (JSON)")
        }
        guard envelope.event == "sms:received" else { return nil }
        guard let id = envelope.id, !id.isEmpty else { throw WebhookError.badRequest("missing event id") }
        guard let phone = envelope.payload?.phoneNumber, !phone.isEmpty else { throw WebhookError.badRequest("missing payload.phoneNumber") }
        return InboundMessage(channel: "android-sms-gateway", address: phone, serviceAddress: envelope.deviceId,
                              text: envelope.payload?.message ?? "", providerMessageID: id)
    }

    public static func signature(body: [UInt8], timestamp: String, key: String) -> String {
        var data = Data(body)
        data.append(Data(timestamp.utf8))
        return hex(HMAC<SHA256>.authenticationCode(for: data, using: SymmetricKey(data: Data(key.utf8))))
    }
}

/// Sends SMS through the phone's local API (`POST {base}/message`, Basic auth) or the cloud relay.
public struct AndroidGatewaySender: MessageSender, CustomStringConvertible {
    /// Credentials are never printed.
    public var description: String { "AndroidGatewaySender(credentials redacted)" }
    public let channel = "android-sms-gateway"
    public let baseURL: String
    public let username: String
    public let password: String
    let transport: any HTTPTransport

    public init(baseURL: String, username: String, password: String, transport: any HTTPTransport = URLSessionTransport()) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.username = username
        self.password = password
        self.transport = transport
    }

    public func send(_ message: OutboundMessage) async -> SendOutcome {
        var request = URLRequest(url: URL(string: baseURL + "/message")!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("Basic " + Data("\(username):\(password)".utf8).base64EncodedString(), forHTTPHeaderField: "Authorization")
        let body: [String: Any] = ["id": String(message.idempotencyKey.prefix(36)), "textMessage": ["text": message.text], "phoneNumbers": [message.address]]
        request.httpBody = try? JSONSerialization.data(withJSONObject: body)
        request.timeoutInterval = 30
        return await transport.deliver(request, idField: "id")
    }
}
