import Foundation

/// An HTTP request as a channel sees it, independent of the web framework.
public struct ChannelRequest: Sendable {
    public let method: String
    /// Path without the query ("/webhooks/twilio").
    public let path: String
    /// Raw query string without "?" (nil when absent).
    public let query: String?
    /// Header values by lower-cased name.
    public let headers: [String: String]
    public let body: [UInt8]

    public init(method: String, path: String, query: String?, headers: [String: String], body: [UInt8]) {
        self.method = method.uppercased()
        self.path = path
        self.query = query
        var lowered: [String: String] = [:]
        for (name, value) in headers { lowered[name.lowercased()] = value }
        self.headers = lowered
        self.body = body
    }

    public func header(_ name: String) -> String? { headers[name.lowercased()] }

    /// The media type of the body without parameters ("application/x-www-form-urlencoded").
    public var mediaType: String? {
        header("content-type").map { $0.split(separator: ";")[0].trimmingCharacters(in: .whitespaces).lowercased() }
    }
}

/// A message from a resident, as it arrives from a channel. The address is used to compute the conversation's
/// pseudonym and, only while a case is open, kept encrypted; it is never logged or stored in the clear.
public struct InboundMessage: Sendable, Equatable {
    /// Channel name ("twilio", "vonage", "android-sms-gateway", "kannel", "web").
    public let channel: String
    /// Where a reply goes: a phone number or a chat session token.
    public let address: String
    /// The service's own number or id the resident wrote to (not personal data), used as the sender of replies.
    public let serviceAddress: String?
    public let text: String
    /// The provider's id of this message, for deduplication (Twilio MessageSid, gateway event id…).
    public let providerMessageID: String?

    public init(channel: String, address: String, serviceAddress: String?, text: String, providerMessageID: String?) {
        self.channel = channel
        self.address = address
        self.serviceAddress = serviceAddress
        self.text = text
        self.providerMessageID = providerMessageID
    }
}

/// Why a webhook was refused: an HTTP status and a reason for the caller (never echoing the resident's data).
public struct WebhookError: Error, Equatable, CustomStringConvertible {
    public let status: Int
    public let reason: String
    public init(_ status: Int, _ reason: String) {
        self.status = status
        self.reason = reason
    }
    public var description: String { "\(status) \(reason)" }

    public static func badRequest(_ reason: String) -> WebhookError { WebhookError(400, reason) }
    public static func forbidden(_ reason: String) -> WebhookError { WebhookError(403, reason) }
    public static func unsupportedMediaType(_ reason: String) -> WebhookError { WebhookError(415, reason) }
}

/// Compares two byte strings in time independent of where they differ.
public func constantTimeEquals(_ a: some Collection<UInt8>, _ b: some Collection<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    var difference: UInt8 = 0
    for (x, y) in zip(a, b) { difference |= x ^ y }
    return difference == 0
}

/// Hex encoding of bytes (lower case).
func hex(_ bytes: some Sequence<UInt8>) -> String {
    bytes.map { String(format: "%02x", $0) }.joined()
}
