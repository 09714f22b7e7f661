import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import SanctuaryChannels
import SanctuaryServer
import Testing

@Suite struct WebhookRouteTests {
    @Test func twilioUrgentSpanishGetsTwiMLInSpanishAndACase() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        try await harness.app().test(.router) { client in
            let response = try await client.twilio(from: "+15550102030", body: "hay unos de inmigracion golpeando mi puerta q hago??")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/xml") == true)
            let xml = String(buffer: response.body)
            #expect(xml.hasPrefix(#"<?xml version="1.0" encoding="UTF-8"?><Response><Message>No abra la puerta"#))
            #expect(response.headers[.xContentTypeOptions] == "nosniff")
        }
        let cases = try await harness.service.store.openCases()
        #expect(cases.count == 1)
        #expect(cases.first?.level == .urgent && cases.first?.language == "es" && cases.first?.intent == "kyr_door")
    }

    @Test func duplicateMessageSidIsAnsweredWithoutASecondStep() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        try await harness.app().test(.router) { client in
            let first = try await client.twilio(from: "+15550102031", body: "where can I get food", sid: "SM00000000000000000000000000000001")
            let again = try await client.twilio(from: "+15550102031", body: "where can I get food", sid: "SM00000000000000000000000000000001")
            #expect(String(buffer: first.body) == String(buffer: again.body))
            #expect(String(buffer: first.body).contains("<Message>"))
        }
        let counted = try await harness.service.store.statistics(since: .distantPast).reduce(0) { $0 + $1.count }
        #expect(counted == 1)
    }

    @Test func concurrentRetriesOfOneMessageAreAnsweredAlikeAndCountedOnce() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        try await harness.app().test(.router) { client in
            let bodies = try await withThrowingTaskGroup(of: (HTTPResponse.Status, String).self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        let r = try await client.twilio(from: "+15550102039", body: "ICE is knocking on my door right now", sid: "SM00000000000000000000000000000777")
                        return (r.status, String(buffer: r.body))
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(bodies.allSatisfy { $0.0 == .ok })
            #expect(Set(bodies.map(\.1)).count == 1)
        }
        #expect(try await harness.service.store.openCases().count == 1)
        let counted = try await harness.service.store.statistics(since: .distantPast).reduce(0) { $0 + $1.count }
        #expect(counted == 1)
    }

    enum Refusal: Sendable { case status(HTTPResponse.Status) }

    static let malformed: [(String, String, HTTPRequest.Method, [String: String], String, HTTPResponse.Status)] = [
        ("no signature", "/webhooks/twilio", .post, ["Content-Type": "application/x-www-form-urlencoded"], "From=%2B1&Body=hi&MessageSid=SM1", .forbidden),
        ("bad percent", "/webhooks/twilio", .post, ["Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": "x"], "Body=%ZZ", .badRequest),
        ("json to form route", "/webhooks/twilio", .post, ["Content-Type": "text/plain", "X-Twilio-Signature": "x"], "hello", .unsupportedMediaType),
        ("kannel wrong secret", "/webhooks/kannel?k=nope&from=%2B1&text=hi", .get, [:], "", .forbidden),
        ("kannel no sender", "/webhooks/kannel?k=kannel-secret&text=hi", .get, [:], "", .badRequest),
        ("gateway unsigned", "/webhooks/android-sms-gateway", .post, ["Content-Type": "application/json"], "{}", .forbidden),
        ("vonage unsigned", "/webhooks/vonage?msisdn=1&text=x", .get, [:], "", .forbidden),
        ("chat not json", "/api/v1/messages", .post, ["Content-Type": "application/json"], "{", .badRequest),
        ("chat bad session", "/api/v1/messages", .post, ["Content-Type": "application/json"], #"{"session":"x","text":"hi"}"#, .badRequest),
        ("unknown path", "/webhooks/nowhere", .post, [:], "", .notFound),
        ("wrong method", "/webhooks/twilio", .get, [:], "", .notFound),
    ]

    @Test(arguments: malformed.indices) func badInputGetsAReason(index: Int) async throws {
        let (name, uri, method, headers, body, status) = Self.malformed[index]
        let harness = try Harness()
        defer { harness.remove() }
        try await harness.app().test(.router) { client in
            var fields = HTTPFields()
            for (key, value) in headers { fields[HTTPField.Name(key)!] = value }
            let response = try await client.execute(uri: uri, method: method, headers: fields, body: ByteBuffer(string: body))
            #expect(response.status == status, "\(name)")
            #expect(response.headers[.cacheControl] == "no-store", "\(name)")
            if status != .notFound { #expect(!String(buffer: response.body).isEmpty, "\(name): a reason") }
        }
    }

    @Test func oneMegabyteBodyIsRefusedAndServiceStaysHealthy() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        try await harness.app().test(.router) { client in
            let big = ByteBuffer(string: "Body=" + String(repeating: "a", count: 1_048_576))
            let response = try await client.execute(uri: "/webhooks/twilio", method: .post,
                                                    headers: [.contentType: "application/x-www-form-urlencoded", HTTPField.Name("X-Twilio-Signature")!: "x"], body: big)
            #expect(response.status == .contentTooLarge)
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok)
        }
    }

    @Test func kannelReplyIsPlainTextWithUCS2CodingForArabic() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        try await harness.app().test(.router) { client in
            let text = "مرحبا، عندي وجع في سناني وما عندي تأمين".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let response = try await client.execute(uri: "/webhooks/kannel?k=kannel-secret&from=%2B15550102032&text=\(text)", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[HTTPField.Name("X-Kannel-Coding")!] == "2")
            #expect(String(buffer: response.body).unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) })
        }
    }

    @Test func webChatRoundTripAndAdvocateReplyPolling() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        let session = "websession-0123456789abcdef"
        try await harness.app().test(.router) { client in
            let response = try await client.execute(uri: "/api/v1/messages", method: .post, headers: [.contentType: "application/json"],
                                                    body: ByteBuffer(string: #"{"session":"\#(session)","text":"отримала лист з Ausländerbehörde, там Abschiebungsandrohung, строк тиждень"}"#))
            #expect(response.status == .ok)
            let replies = try JSONDecoder().decode([String: [String]].self, from: Data(buffer: response.body))["replies"] ?? []
            #expect(replies.first?.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) } == true)
            let open = try await harness.service.store.openCases()
            #expect(open.first?.level == .urgent)
            try await harness.service.cases.reply(caseID: open[0].id, advocate: "tomas", text: "Добрий день, я юристка. Коли ви отримали лист?", idempotencyKey: "1")
            let poll = try await client.execute(uri: "/api/v1/messages?session=\(session)", method: .get)
            #expect(String(buffer: poll.body).contains("юристка"))
            let again = try await client.execute(uri: "/api/v1/messages?session=\(session)", method: .get)
            #expect(!String(buffer: again.body).contains("юристка"))
        }
    }

    @Test func chatPageHasNoInlineScriptAndMayBeEmbeddedOnlyByTheCitysSites() async throws {
        let harness = try Harness { $0.chatEmbedOrigins = ["https://www.riverside.example"] }
        defer { harness.remove() }
        try await harness.app().test(.router) { client in
            let page = try await client.execute(uri: "/chat", method: .get)
            let html = String(buffer: page.body)
            #expect(html.contains(#"<script src="/chat.js"></script>"#))
            #expect(!html.contains("<script>"))
            #expect(page.headers[.contentSecurityPolicy] == "default-src 'self'; frame-ancestors 'self' https://www.riverside.example; base-uri 'none'; form-action 'self'")
            #expect(page.headers[HTTPField.Name("X-Frame-Options")!] == nil)
            let other = try await client.execute(uri: "/healthz", method: .get)
            #expect(other.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
            #expect(other.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
        }
    }
}
