import Crypto
import Foundation

/// Vonage (Nexmo) SMS API inbound webhooks: GET query, POST form or POST JSON, signed with `sig`.
public struct VonageWebhook: Sendable, CustomStringConvertible {
    /// Secrets are never printed.
    public var description: String { "VonageWebhook(secret redacted)" }
    /// How the `sig` parameter was made (set in the Vonage dashboard).
    public enum Method: String, Sendable {
        case md5hash, sha256, sha512, sha1, md5
    }

    public let signatureSecret: String
    public let method: Method
    /// Largest allowed clock difference for the signed `timestamp` (5 minutes).
    public let maxSkew: TimeInterval

    public init(signatureSecret: String, method: Method = .sha256, maxSkew: TimeInterval = 300) {
        self.signatureSecret = signatureSecret
        self.method = method
        self.maxSkew = maxSkew
    }

    /// One part of a long message, to be reassembled with its siblings.
    public struct Part: Sendable, Equatable {
        public let reference: String
        public let total: Int
        public let number: Int
        public let message: InboundMessage
    }

    /// A verified webhook: a whole message or one part of a concatenated one.
    public enum Received: Sendable, Equatable {
        case message(InboundMessage)
        case part(Part)
    }

    public func parse(_ request: ChannelRequest, now: Date) throws(WebhookError) -> Received {
        let fields: [(name: String, value: String)]
        switch (request.method, request.mediaType) {
        case ("GET", _): fields = try FormEncoding.decode(query: request.query)
        case ("POST", "application/json"):
            guard let object = try? JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any] else {
                throw WebhookError.badRequest("body is not a JSON object")
            }
            fields = object.map { ($0.key, Self.string($0.value)) }
        case ("POST", "application/x-www-form-urlencoded"): fields = try FormEncoding.decode(request.body)
        case ("POST", _): throw WebhookError.unsupportedMediaType("expected application/json or a form")
        default: throw WebhookError(405, "Vonage webhooks are GET or POST requests")
        }
        guard let sig = fields.first("sig") else { throw WebhookError.forbidden("missing sig") }
        let signed = fields.filter { $0.name != "sig" }
        guard let expected = Self.signature(signed, secret: signatureSecret, method: method),
              constantTimeEquals(Array(expected.lowercased().utf8), Array(sig.lowercased().utf8))
        else { throw WebhookError.forbidden("invalid sig") }
        guard let timestamp = fields.first("timestamp").flatMap(Double.init), abs(now.timeIntervalSince1970 - timestamp) <= maxSkew else {
            throw WebhookError.forbidden("timestamp missing or more than 5 minutes off")
        }
        guard let msisdn = fields.first("msisdn"), !msisdn.isEmpty else { throw WebhookError.badRequest("missing msisdn") }
        guard let id = fields.first("messageId"), !id.isEmpty else { throw WebhookError.badRequest("missing messageId") }
        let message = InboundMessage(channel: "vonage", address: msisdn, serviceAddress: fields.first("to"),
                                     text: fields.first("text") ?? "", providerMessageID: id)
        if fields.first("concat") == "true" {
            guard let reference = fields.first("concat-ref"), let total = fields.first("concat-total").flatMap(Int.init),
                  let number = fields.first("concat-part").flatMap(Int.init), (1...total).contains(number), total <= 50
            else { throw WebhookError.badRequest("invalid concat-ref, concat-total or concat-part") }
            return .part(Part(reference: reference, total: total, number: number, message: message))
        }
        return .message(message)
    }

    /// The `sig` for a parameter set: sorted `&name=value` pairs ('&' and '=' in values replaced by '_').
    public static func signature(_ fields: [(name: String, value: String)], secret: String, method: Method) -> String? {
        let text = fields.sorted { $0.name < $1.name }.map { field in
            "&" + field.name + "=" + field.value.replacingOccurrences(of: "&", with: "_").replacingOccurrences(of: "=", with: "_")
        }.joined()
        let key = SymmetricKey(data: Data(secret.utf8))
        let data = Data(text.utf8)
        switch method {
        case .md5hash: return hex(Insecure.MD5.hash(data: Data((text + secret).utf8)))
        case .sha256: return hex(HMAC<SHA256>.authenticationCode(for: data, using: key))
        case .sha512: return hex(HMAC<SHA512>.authenticationCode(for: data, using: key))
        case .sha1: return hex(HMAC<Insecure.SHA1>.authenticationCode(for: data, using: key))
        case .md5: return hex(HMAC<Insecure.MD5>.authenticationCode(for: data, using: key))
        }
    }

    static func string(_ value: Any) -> String {
        switch value {
        case let text as String: text
        case let number as NSNumber: number.stringValue
        default: String(describing: value)
        }
    }
}
