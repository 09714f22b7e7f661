import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import SanctuaryChannels
import SanctuaryServer
import Testing

@Suite struct OutboundQueueTests {
    static func gatewayRequest(id: String, text: String, phone: String, now: Date) -> (HTTPFields, ByteBuffer) {
        let body = #"{"deviceId":"dev1","event":"sms:received","id":"\#(id)","payload":{"messageId":"m1","message":"\#(text)","phoneNumber":"\#(phone)","simNumber":1,"receivedAt":"2026-11-26T14:00:00.000+01:00"},"webhookId":"w1"}"#
        let timestamp = String(Int(now.timeIntervalSince1970))
        let signature = AndroidGatewayWebhook.signature(body: Array(body.utf8), timestamp: timestamp, key: "gateway-key")
        return ([.contentType: "application/json", HTTPField.Name("X-Signature")!: signature, HTTPField.Name("X-Timestamp")!: timestamp], ByteBuffer(string: body))
    }

    @Test func gatewayAnswersGoThroughTheQueueWithBackoffOn429And5xx() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        harness.transport.respond(with: [429, 503, 201])
        try await harness.app().test(.router) { client in
            let (headers, body) = Self.gatewayRequest(id: "evt-1", text: "marhaba, 3andi waja3 bi sinni w ma 3andi ta2meen", phone: "+15550102040", now: harness.clock.now)
            let response = try await client.execute(uri: "/webhooks/android-sms-gateway", method: .post, headers: headers, body: body)
            #expect(response.status == .ok)
            // The same event again (the gateway retries): acknowledged, nothing queued twice.
            let retry = try await client.execute(uri: "/webhooks/android-sms-gateway", method: .post, headers: headers, body: body)
            #expect(retry.status == .ok)
        }
        let worker = harness.service.outboundWorker
        #expect(try await worker.drain() == 0)            // 429
        #expect(try await worker.drain() == 0)            // not due yet
        harness.clock.advance(by: 5)
        #expect(try await worker.drain() == 0)            // 503
        harness.clock.advance(by: 9)
        #expect(try await worker.drain() == 0)            // backoff doubled: 10 s
        harness.clock.advance(by: 2)
        #expect(try await worker.drain() == 1)            // sent
        let sent = harness.transport.requests
        #expect(sent.count == 3)
        #expect(sent.allSatisfy { $0.url == "http://phone.local:8080/message" })
        #expect(sent.last!.body.contains("+15550102040"))
        #expect(try await harness.service.store.pendingOutbound() == 0)
        #expect(!harness.logs.text.contains("5550102040"))
    }

    @Test func permanentProviderErrorDropsTheMessage() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        harness.transport.respond(with: [400])
        try await harness.app().test(.router) { client in
            let (headers, body) = Self.gatewayRequest(id: "evt-2", text: "hello", phone: "+15550102041", now: harness.clock.now)
            _ = try await client.execute(uri: "/webhooks/android-sms-gateway", method: .post, headers: headers, body: body)
        }
        #expect(try await harness.service.outboundWorker.drain() == 0)
        #expect(try await harness.service.store.pendingOutbound() == 0)
        // The provider's error text named the number; the log keeps only the code.
        #expect(!harness.logs.text.contains("5550102041"))
        #expect(harness.logs.text.contains("code 20429"))
    }

    @Test func advocateReplyIsSentThroughTwilioOnceEvenWhenQueuedTwice() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        try await harness.app().test(.router) { client in
            _ = try await client.twilio(from: "+15550102042", body: "ICE is knocking on my door right now")
        }
        let open = try await harness.service.store.openCases()
        let id = try #require(open.first?.id)
        try await harness.service.cases.reply(caseID: id, advocate: "tomas", text: "Did they show you a paper?", idempotencyKey: "click-1")
        try await harness.service.cases.reply(caseID: id, advocate: "tomas", text: "Did they show you a paper?", idempotencyKey: "click-1")
        #expect(try await harness.service.outboundWorker.drain() == 1)
        let sent = try #require(harness.transport.requests.first)
        #expect(sent.url.hasSuffix("/2010-04-01/Accounts/AC00000000000000000000000000000000/Messages.json"))
        #expect(sent.body.contains("To=%2B15550102042"))
        #expect(sent.body.contains("From=%2B15550100000"))
        let transcript = try await harness.service.cases.transcript(caseID: id)
        #expect(transcript.map(\.author) == ["resident", "bot", "bot", "advocate", "advocate"])
    }

    @Test func vonageLongMessageIsReassembledOnce() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        let now = String(Int(harness.clock.now.timeIntervalSince1970))
        @Sendable func uri(part: Int, text: String) -> String {
            let fields = [("msisdn", "15550102043"), ("to", "15550100000"), ("messageId", "id-\(part)"), ("text", text), ("type", "text"),
                          ("timestamp", now), ("concat", "true"), ("concat-ref", "77"), ("concat-total", "2"), ("concat-part", "\(part)")]
            let sig = VonageWebhook.signature(fields.map { (name: $0.0, value: $0.1) }, secret: "vonage-secret", method: .sha256)!
            return "/webhooks/vonage?" + FormEncoding.encode(fields + [("sig", sig)])
        }
        try await harness.app().test(.router) { client in
            let second = try await client.execute(uri: uri(part: 2, text: "knocking on my door right now"), method: .get)
            #expect(second.status == .ok)
            let waiting = try await harness.service.store.openCases()
            #expect(waiting.isEmpty)
            let first = try await client.execute(uri: uri(part: 1, text: "ICE agents are "), method: .get)
            #expect(first.status == .ok)
            let repeated = try await client.execute(uri: uri(part: 1, text: "ICE agents are "), method: .get)
            #expect(repeated.status == .ok)
        }
        #expect(try await harness.service.store.openCases().count == 1)
        #expect(try await harness.service.outboundWorker.drain() == 2)
        #expect(harness.transport.requests.allSatisfy { $0.url == "https://rest.nexmo.com/sms/json" })
    }
}

@Suite struct FollowUpTests {
    @Test func unansweredUrgentCaseGetsOneFollowUpAfterTenMinutes() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        try await harness.app().test(.router) { client in
            _ = try await client.twilio(from: "+15550177301", body: "la migra esta en mi puerta ahora mismo")
            _ = try await client.twilio(from: "+15550177302", body: "ICE is knocking on my door right now")
        }
        let cases = try await harness.service.store.openCases()
        #expect(cases.count == 2)
        // One case is answered by an advocate in time; the other is not.
        let answered = try #require(cases.first { $0.language == "en" })
        try await harness.service.cases.reply(caseID: answered.id, advocate: "tomas", text: "I am here.", idempotencyKey: "1")
        harness.clock.advance(by: 9 * 60)
        try await harness.service.retentionJobs.runOnce()
        #expect(try await harness.service.outboundWorker.drain() == 1)   // only the advocate's reply
        harness.clock.advance(by: 2 * 60)
        try await harness.service.retentionJobs.runOnce()
        try await harness.service.retentionJobs.runOnce()
        #expect(try await harness.service.outboundWorker.drain() == 1)   // one follow-up, not two
        let followUp = try #require(harness.transport.requests.last)
        #expect(followUp.body.contains("To=%2B15550177301"))
        #expect(followUp.body.contains("911"))
        let transcript = try await harness.service.cases.transcript(caseID: try #require(cases.first { $0.language == "es" }?.id))
        #expect(transcript.last?.author == "bot")
    }
}
