import Foundation
import SanctuaryText

/// Twilio's inbound message webhook (`POST` form, `X-Twilio-Signature`).
public struct TwilioWebhook: Sendable, CustomStringConvertible {
    /// Secrets are never printed.
    public var description: String { "TwilioWebhook(secret redacted)" }
    /// The public base URL Twilio calls ("https://help.example.org"), from configuration.
    public let publicURL: String
    public let authToken: String

    public init(publicURL: String, authToken: String) {
        self.publicURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        self.authToken = authToken
    }

    /// Verifies and reads a webhook. Location fields (FromCity, FromZip, …) are never read.
    public func parse(_ request: ChannelRequest) throws(WebhookError) -> InboundMessage {
        guard request.method == "POST" else { throw WebhookError(405, "Twilio webhooks are POST requests") }
        guard let signature = request.header("X-Twilio-Signature"), !signature.isEmpty else {
            throw WebhookError.forbidden("missing X-Twilio-Signature")
        }
        let url = publicURL + request.path + (request.query.map { "?" + $0 } ?? "")
        let parameters: [(name: String, value: String)]
        if request.mediaType == "application/json" {
            // JSON bodies: the URL carries bodySHA256 and is signed without parameters.
            let query = try FormEncoding.decode(query: request.query)
            guard let expected = query.first("bodySHA256"),
                  constantTimeEquals(Array(expected.lowercased().utf8), Array(TwilioSignature.bodyHash(request.body).utf8)),
                  TwilioSignature.isValid(signature: signature, url: url, parameters: [], authToken: authToken)
            else { throw WebhookError.forbidden("invalid X-Twilio-Signature") }
            parameters = try Self.jsonFields(request.body)
        } else {
            guard request.mediaType == "application/x-www-form-urlencoded" else {
                throw WebhookError.unsupportedMediaType("expected application/x-www-form-urlencoded")
            }
            parameters = try FormEncoding.decode(request.body)
            guard TwilioSignature.isValid(signature: signature, url: url, parameters: parameters, authToken: authToken) else {
                throw WebhookError.forbidden("invalid X-Twilio-Signature")
            }
        }
        guard let from = parameters.first("From"), !from.isEmpty else { throw WebhookError.badRequest("missing From") }
        guard let sid = parameters.first("MessageSid") ?? parameters.first("SmsSid"), !sid.isEmpty else {
            throw WebhookError.badRequest("missing MessageSid")
        }
        let idempotency = request.header("I-Twilio-Idempotency-Token")
        return InboundMessage(channel: "twilio", address: from, serviceAddress: parameters.first("To"),
                              text: parameters.first("Body") ?? "", providerMessageID: idempotency.map { sid + "/" + $0 } ?? sid)
    }

    static func jsonFields(_ body: [UInt8]) throws(WebhookError) -> [(name: String, value: String)] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
            throw WebhookError.badRequest("body is not a JSON object")
        }
        return object.compactMap { key, value in (value as? String).map { (key, $0) } }
    }
}

/// TwiML replies.
public enum TwiML {
    /// `<Response>` with one `<Message>` per text, or an empty `<Response/>`.
    public static func response(messages: [String]) -> String {
        let header = #"<?xml version="1.0" encoding="UTF-8"?>"#
        guard !messages.isEmpty else { return header + "<Response/>" }
        return header + "<Response>" + messages.map { "<Message>" + MarkupEscaping.escape($0) + "</Message>" }.joined() + "</Response>"
    }
}
