import Foundation
import SanctuaryChannels
import Testing

@Suite struct VonageTests {
    /// Vonage's documented legacy md5hash example.
    @Test func legacyMD5HashVector() {
        let sig = VonageWebhook.signature([("a", "1"), ("b", "2"), ("timestamp", "1461605396")].map { (name: $0.0, value: $0.1) }, secret: "secret", method: .md5hash)
        #expect(sig == "6af838ef94998832dbfc29020b564830")
    }

    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    static func request(_ fields: [(String, String)], secret: String = "vsecret", method: VonageWebhook.Method = .sha256) -> ChannelRequest {
        let sig = VonageWebhook.signature(fields.map { (name: $0.0, value: $0.1) }, secret: secret, method: method)!
        let query = FormEncoding.encode(fields + [("sig", sig)])
        return ChannelRequest(method: "GET", path: "/webhooks/vonage", query: query, headers: [:], body: [])
    }

    static let base: [(String, String)] = [
        ("msisdn", "15550102030"), ("to", "15550100000"), ("messageId", "1600000002A1B2C3"), ("text", "necesito comida"),
        ("type", "text"), ("keyword", "NECESITO"), ("message-timestamp", "2026-11-26 09:00:00"), ("timestamp", "1795000000"), ("nonce", "7f3b"),
    ]

    @Test func validSignedMessage() throws {
        let received = try VonageWebhook(signatureSecret: "vsecret").parse(Self.request(Self.base), now: Self.now)
        guard case .message(let message) = received else { Issue.record("expected a message"); return }
        #expect(message.text == "necesito comida")
        #expect(message.address == "15550102030")
    }

    @Test func refusals() {
        let webhook = VonageWebhook(signatureSecret: "vsecret")
        #expect(throws: WebhookError.forbidden("invalid sig")) { try webhook.parse(Self.request(Self.base, secret: "wrong"), now: Self.now) }
        let stale = Self.base.map { $0.0 == "timestamp" ? ("timestamp", "1794990000") : $0 }
        #expect(throws: WebhookError.self) { try webhook.parse(Self.request(stale), now: Self.now) }
        let unsigned = ChannelRequest(method: "GET", path: "/webhooks/vonage", query: FormEncoding.encode(Self.base), headers: [:], body: [])
        #expect(throws: WebhookError.forbidden("missing sig")) { try webhook.parse(unsigned, now: Self.now) }
    }

    @Test func concatenatedParts() throws {
        let part = Self.base + [("concat", "true"), ("concat-ref", "12"), ("concat-total", "2"), ("concat-part", "1")]
        let received = try VonageWebhook(signatureSecret: "vsecret").parse(Self.request(part), now: Self.now)
        guard case .part(let p) = received else { Issue.record("expected a part"); return }
        #expect(p.total == 2 && p.number == 1 && p.reference == "12")
    }
}

@Suite struct AndroidGatewayTests {
    static let body = #"{"deviceId":"ffffffffceb0b1db0000018e937c815b","event":"sms:received","id":"Ey6ECgOkVVFjz3CL48B8C","payload":{"messageId":"abc","message":"marhaba, 3andi waja3 bi sinni w ma 3andi ta2meen","phoneNumber":"+15550102030","simNumber":1,"receivedAt":"2026-11-26T14:00:00.000+01:00"},"webhookId":"LreFUt-Z3sSq0JufY9uWB"}"#
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    static func request(body: String = body, timestamp: String = "1795000000", key: String = "gkey", signature: String? = nil) -> ChannelRequest {
        let sig = signature ?? AndroidGatewayWebhook.signature(body: Array(body.utf8), timestamp: timestamp, key: key)
        return ChannelRequest(method: "POST", path: "/webhooks/android-sms-gateway", query: nil,
                              headers: ["Content-Type": "application/json", "X-Signature": sig, "X-Timestamp": timestamp], body: Array(body.utf8))
    }

    @Test func validEvent() throws {
        let message = try #require(try AndroidGatewayWebhook(signingKey: "gkey").parse(Self.request(), now: Self.now))
        #expect(message.providerMessageID == "Ey6ECgOkVVFjz3CL48B8C")
        #expect(message.text.hasPrefix("marhaba"))
    }

    @Test func refusals() {
        let webhook = AndroidGatewayWebhook(signingKey: "gkey")
        #expect(throws: WebhookError.forbidden("invalid X-Signature")) { try webhook.parse(Self.request(key: "other"), now: Self.now) }
        #expect(throws: WebhookError.self) { try webhook.parse(Self.request(timestamp: "1794999000"), now: Self.now) }
        #expect(throws: WebhookError.badRequest("body is not a gateway event (JSON)")) { try webhook.parse(Self.request(body: "{not json"), now: Self.now) }
    }

    @Test func otherEventsAreIgnored() throws {
        let body = #"{"deviceId":"d","event":"sms:delivered","id":"x","payload":{"messageId":"m","phoneNumber":"+15550102030"}}"#
        #expect(try AndroidGatewayWebhook(signingKey: "gkey").parse(Self.request(body: body), now: Self.now) == nil)
    }
}

@Suite struct KannelTests {
    @Test func getURLWithSecret() throws {
        let request = ChannelRequest(method: "GET", path: "/webhooks/kannel", query: "k=s3cret&from=%2B15550102030&text=necesito%20comida", headers: [:], body: [])
        let message = try KannelWebhook(secret: "s3cret").parse(request)
        #expect(message.text == "necesito comida")
        #expect(throws: WebhookError.self) { try KannelWebhook(secret: "other").parse(request) }
    }

    @Test func postURLWithHeaders() throws {
        let request = ChannelRequest(method: "POST", path: "/webhooks/kannel", query: "k=s3cret", headers: ["X-Kannel-From": "+15550102030"], body: Array("مرحبا".utf8))
        #expect(try KannelWebhook(secret: "s3cret").parse(request).text == "مرحبا")
    }

    @Test func replyCoding() {
        #expect(KannelWebhook.reply(["hello"]).headers["X-Kannel-Coding"] == nil)
        #expect(KannelWebhook.reply(["مرحبا"]).headers["X-Kannel-Coding"] == "2")
    }
}

@Suite struct WebChatTests {
    func request(_ body: String, type: String = "application/json") -> ChannelRequest {
        ChannelRequest(method: "POST", path: "/api/v1/messages", query: nil, headers: ["Content-Type": type], body: Array(body.utf8))
    }

    @Test func valid() throws {
        let message = try WebChatAPI.parse(request(#"{"session":"abcdefghijklmnop1234","text":"hola"}"#))
        #expect(message.channel == "web" && message.text == "hola")
    }

    @Test(arguments: [
        (#"{"session":"short","text":"hola"}"#, 400),
        (#"{"session":"abcdefghijklmnop1234"}"#, 400),
        (#"not json"#, 400),
        (#"{"session":"abcdefghijklmnop<>34","text":"x"}"#, 400),
    ]) func refused(body: String, status: Int) {
        #expect(throws: WebhookError.self) { try WebChatAPI.parse(request(body)) }
    }

    @Test func wrongMediaType() {
        #expect(throws: WebhookError(415, "expected application/json")) { try WebChatAPI.parse(request("{}", type: "text/plain")) }
    }
}

@Suite struct SMSRendererTests {
    let renderer = SMSRenderer(maxSegmentsPerMessage: 3, maxMessages: 3)

    @Test func curlyQuotesAndDashesBecomeGSM() {
        #expect(renderer.normalise("Say “I do not consent” — and don’t open.") == "Say \"I do not consent\" - and don't open.")
        // Text that needs UCS-2 anyway keeps its typography.
        #expect(renderer.normalise("Скажіть «Я не даю згоди» — і не відчиняйте.") == "Скажіть «Я не даю згоди» — і не відчиняйте.")
    }

    @Test func shortTextIsOneMessage() {
        #expect(renderer.render("Hello.") == ["Hello."])
    }

    @Test func longTextSplitsAtSentences() {
        let sentence = "Do not open the door unless they show a warrant signed by a judge. "
        let text = String(repeating: sentence, count: 12)
        let parts = renderer.render(text)
        #expect(parts.count == 2)
        for part in parts {
            #expect(part.hasSuffix("."))
            #expect(SMSRenderer.segments(part).count <= 3)
        }
    }

    @Test func capsTheNumberOfMessages() {
        let text = String(repeating: "Один два три чотири п'ять. ", count: 100)
        let parts = renderer.render(text)
        #expect(parts.count == 3)
        #expect(parts.last!.hasSuffix("…"))
    }

    @Test(arguments: [(String(repeating: "a", count: 160), 1), (String(repeating: "a", count: 161), 2), (String(repeating: "€", count: 80), 1),
                      (String(repeating: "€", count: 81), 2), (String(repeating: "ж", count: 70), 1), (String(repeating: "ж", count: 71), 2)])
    func segmentBoundaries(text: String, count: Int) {
        #expect(SMSRenderer.segments(text).count == count)
    }
}
