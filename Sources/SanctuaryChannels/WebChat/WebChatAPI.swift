import Foundation

/// The generic JSON channel (`POST /api/v1/messages`) for a web chat widget or a custom gateway.
/// The client chooses an opaque session token; it is hashed like a phone number and never stored.
public enum WebChatAPI {
    public struct Request: Decodable, Sendable {
        public let session: String
        public let text: String
    }

    public struct Response: Encodable, Sendable {
        public let replies: [String]
        public init(replies: [String]) { self.replies = replies }
    }

    /// Reads `{"session": "...", "text": "..."}`.
    public static func parse(_ request: ChannelRequest) throws(WebhookError) -> InboundMessage {
        guard request.method == "POST" else { throw WebhookError(405, "use POST") }
        guard request.mediaType == "application/json" else { throw WebhookError.unsupportedMediaType("expected application/json") }
        guard String(validating: request.body, as: UTF8.self) != nil else { throw WebhookError.badRequest("body is not valid UTF-8") }
        let decoded: Request
        do { decoded = try JSONDecoder().decode(Request.self, from: Data(request.body)) } catch {
            throw WebhookError.badRequest("expected {\"session\": \"…\", \"text\": \"…\"}")
        }
        try validate(session: decoded.session)
        guard decoded.text.count <= 2000 else { throw WebhookError(413, "text longer than 2000 characters") }
        return InboundMessage(channel: "web", address: decoded.session, serviceAddress: nil, text: decoded.text, providerMessageID: nil)
    }

    /// Session tokens: 16–128 characters of A–Z, a–z, 0–9, '-' and '_' (a random value the widget makes).
    public static func validate(session: String) throws(WebhookError) {
        let allowed = session.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
        guard (16...128).contains(session.utf8.count), allowed else {
            throw WebhookError.badRequest("session must be 16-128 characters of A-Z a-z 0-9 - _")
        }
    }
}
