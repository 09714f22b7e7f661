import Foundation
import SanctuaryChannels
import Testing

/// A real inbound webhook body as Twilio posts it (numbers replaced by 555 test numbers).
enum TwilioCapture {
    static let fields: [(String, String)] = [
        ("ToCountry", "US"), ("ToState", "IL"), ("SmsMessageSid", "SM3f2b5c0a9d8e7f6a5b4c3d2e1f0a9b8c"), ("NumMedia", "0"),
        ("ToCity", "CHICAGO"), ("FromZip", "60601"), ("SmsSid", "SM3f2b5c0a9d8e7f6a5b4c3d2e1f0a9b8c"), ("FromState", "IL"),
        ("SmsStatus", "received"), ("FromCity", "CHICAGO"), ("Body", "hay unos de inmigracion golpeando mi puerta q hago??"),
        ("FromCountry", "US"), ("To", "+15550100000"), ("ToZip", "60601"), ("NumSegments", "1"), ("ReferralNumMedia", "0"),
        ("MessageSid", "SM3f2b5c0a9d8e7f6a5b4c3d2e1f0a9b8c"), ("AccountSid", "AC0123456789abcdef0123456789abcdef"),
        ("From", "+15550102030"), ("ApiVersion", "2010-04-01"),
    ]
    static let token = "12345"
    static let publicURL = "https://help.example.org"

    static func request(fields: [(String, String)] = fields, signature: String?, path: String = "/webhooks/twilio", query: String? = nil,
                        body: [UInt8]? = nil) -> ChannelRequest {
        var headers = ["Content-Type": "application/x-www-form-urlencoded; charset=utf-8"]
        if let signature { headers["X-Twilio-Signature"] = signature }
        return ChannelRequest(method: "POST", path: path, query: query, headers: headers, body: body ?? Array(FormEncoding.encode(fields).utf8))
    }

    static func sign(_ fields: [(String, String)] = fields, url: String = publicURL + "/webhooks/twilio") -> String {
        TwilioSignature.compute(url: url, parameters: fields.map { (name: $0.0, value: $0.1) }, authToken: token)
    }
}

@Suite struct TwilioTests {
    /// twilio-python tests/unit/test_request_validator.py (its Caller/From is +14158675309; with +12349013030, as
    /// our channel notes had it, the same algorithm gives 0/KCTR6DLpKmkAf8muzZqo1nDgQ=, which Python's hmac agrees with).
    @Test func officialSignatureVector() {
        let params = [("CallSid", "CA1234567890ABCDE"), ("Caller", "+14158675309"), ("Digits", "1234"), ("From", "+14158675309"), ("To", "+18005551212")]
        let signature = TwilioSignature.compute(url: "https://mycompany.com/myapp.php?foo=1&bar=2", parameters: params.map { (name: $0.0, value: $0.1) }, authToken: "12345")
        #expect(signature == "RSOYDt4T1cUTdK1PDd93/VVr8B8=")
        #expect(TwilioSignature.isValid(signature: signature, url: "https://mycompany.com:443/myapp.php?foo=1&bar=2", parameters: params.map { (name: $0.0, value: $0.1) }, authToken: "12345"))
    }

    @Test func officialBodyHashVector() {
        #expect(TwilioSignature.bodyHash(Array(#"{"property": "value", "boolean": true}"#.utf8)) == "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620")
    }

    enum Expectation: Sendable { case accepted, refused(Int) }

    static let cases: [(String, ChannelRequest, Expectation)] = {
        var tampered = TwilioCapture.fields
        tampered[10] = ("Body", "something else")
        let unicode: [(String, String)] = TwilioCapture.fields.map { $0.0 == "Body" ? ("Body", "عندي وجع في سناني 😢 وما عندي تأمين") : $0 }
        let long: [(String, String)] = TwilioCapture.fields.map { $0.0 == "Body" ? ("Body", String(repeating: "Ich habe einen Brief von der Ausländerbehörde bekommen. ", count: 30)) : $0 }
        return [
            ("valid", TwilioCapture.request(signature: TwilioCapture.sign()), .accepted),
            ("unicode", TwilioCapture.request(fields: unicode, signature: TwilioCapture.sign(unicode)), .accepted),
            ("long", TwilioCapture.request(fields: long, signature: TwilioCapture.sign(long)), .accepted),
            ("tampered body", TwilioCapture.request(fields: tampered, signature: TwilioCapture.sign()), .refused(403)),
            ("missing signature", TwilioCapture.request(signature: nil), .refused(403)),
            ("signed for another URL", TwilioCapture.request(signature: TwilioCapture.sign(url: "https://evil.example/webhooks/twilio")), .refused(403)),
            ("query not signed", TwilioCapture.request(signature: TwilioCapture.sign(), query: "x=1"), .refused(403)),
            ("invalid percent-encoding", TwilioCapture.request(signature: "x", body: Array("Body=%ZZ&From=%2B1".utf8)), .refused(400)),
            ("invalid UTF-8", TwilioCapture.request(signature: "x", body: Array("Body=%C3%28&From=%2B1".utf8)), .refused(400)),
        ]
    }()

    @Test(arguments: cases.indices) func webhook(index: Int) {
        let (name, request, expected) = Self.cases[index]
        let webhook = TwilioWebhook(publicURL: TwilioCapture.publicURL, authToken: TwilioCapture.token)
        switch (Result { () throws(WebhookError) in try webhook.parse(request) }, expected) {
        case (.success(let message), .accepted):
            #expect(message.address.hasPrefix("+1555"), "\(name)")
            #expect(message.providerMessageID == "SM3f2b5c0a9d8e7f6a5b4c3d2e1f0a9b8c", "\(name)")
        case (.failure(let error), .refused(let status)):
            #expect(error.status == status, "\(name): \(error)")
        case (let result, _):
            Issue.record("\(name): unexpected \(result)")
        }
    }

    @Test func locationFieldsAreNotRead() throws {
        let message = try TwilioWebhook(publicURL: TwilioCapture.publicURL, authToken: TwilioCapture.token)
            .parse(TwilioCapture.request(signature: TwilioCapture.sign()))
        let mirror = Mirror(reflecting: message).children.map { "\($0.value)" }.joined(separator: " ")
        #expect(!mirror.contains("CHICAGO"))
        #expect(!mirror.contains("60601"))
    }

    @Test func twimlEscapesAndEmptyResponse() {
        #expect(TwiML.response(messages: []) == #"<?xml version="1.0" encoding="UTF-8"?><Response/>"#)
        #expect(TwiML.response(messages: ["a < b & c"]).contains("<Message>a &lt; b &amp; c</Message>"))
    }
}
