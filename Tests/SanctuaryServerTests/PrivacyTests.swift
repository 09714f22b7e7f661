import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import SanctuaryChannels
import SanctuaryPrivacy
import SanctuaryServer
import Testing

@Suite struct PrivacyTests {
    /// The canary drill: identifying values through every channel, a handoff, an advocate reply and a close;
    /// then every file in the data directory and every log line are searched for each canary.
    @Test func canaryDrillLeavesNoTrace() async throws {
        let harness = try Harness { $0.retentionHours = 0 }
        defer { harness.remove() }
        let phone = "+15550199731"
        let canaries = [phone, "5550199731", "Marisol Quintanilla", "A-208-331-947", "208331947", "no tengo papeles", "keine Papiere", "maria.q@example.org"]
        try await harness.app().test(.router) { client in
            _ = try await client.twilio(from: phone, body: "me llamo Marisol Quintanilla, no tengo papeles, mi A-208-331-947, la migra esta en mi puerta")
            _ = try await client.twilio(from: phone, body: "escribanme a maria.q@example.org o al \(phone)")
            _ = try await client.execute(uri: "/webhooks/kannel?k=kannel-secret&from=\(phone.replacingOccurrences(of: "+", with: "%2B"))&text=keine%20Papiere%2C%20ich%20brauche%20einen%20Arzt", method: .get)
            let body = #"{"session":"canary-session-5550199731","text":"Marisol Quintanilla here, no tengo papeles"}"#
            _ = try await client.execute(uri: "/api/v1/messages", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: body))
            let (headers, gateway) = OutboundQueueTests.gatewayRequest(id: "evt-canary", text: "keine Papiere, Marisol Quintanilla", phone: phone, now: harness.clock.now)
            _ = try await client.execute(uri: "/webhooks/android-sms-gateway", method: .post, headers: headers, body: gateway)
            let vonage = [("msisdn", "15550199731"), ("to", "15550100000"), ("messageId", "canary-vonage-1"), ("text", "Marisol Quintanilla, keine Papiere, brauche Essen"),
                          ("type", "text"), ("timestamp", String(Int(harness.clock.now.timeIntervalSince1970)))]
            let sig = VonageWebhook.signature(vonage.map { (name: $0.0, value: $0.1) }, secret: "vonage-secret", method: .sha256)!
            let vonageResponse = try await client.execute(uri: "/webhooks/vonage?" + FormEncoding.encode(vonage + [("sig", sig)]), method: .get)
            #expect(vonageResponse.status == .ok)
        }
        let open = try await harness.service.store.openCases()
        let id = try #require(open.first { $0.channel == "twilio" }?.id)
        // The advocate sees the scrubbed transcript only.
        let transcript = try await harness.service.cases.transcript(caseID: id)
        let shown = transcript.map(\.text).joined(separator: "\n")
        #expect(!shown.contains("Marisol Quintanilla") && !shown.contains("208-331-947") && !shown.contains("5550199731") && !shown.contains("maria.q@"))
        #expect(shown.contains("<NAME>") && shown.contains("<ID>") && shown.contains("<PHONE>") && shown.contains("<EMAIL>"))
        try await harness.service.cases.reply(caseID: id, advocate: "tomas", text: "Hola, soy Tomás. ¿Le mostraron un papel?", idempotencyKey: "1")
        #expect(try await harness.service.outboundWorker.drain() >= 3)   // advocate reply, gateway and Vonage answers
        try await harness.service.cases.close(caseID: id)
        try harness.service.database.checkpoint()
        for canary in canaries {
            #expect(harness.filesContaining(canary).isEmpty, "\(canary) found on disk")
            #expect(!harness.logs.text.contains(canary), "\(canary) found in the log")
        }
    }

    @Test func deleteErasesRowsAndKeysAtOnce() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        try await harness.app().test(.router) { client in
            _ = try await client.twilio(from: "+15550199732", body: "ICE is knocking on my door right now")
        }
        let id = try #require(try await harness.service.store.openCases().first?.id)
        let keys = try #require(try await harness.service.store.caseKeys(id: id))
        let sealed = try #require(try await harness.service.store.transcript(caseID: id).first?.sealedText)
        try await harness.app().test(.router) { client in
            let response = try await client.twilio(from: "+15550199732", body: "DELETE")
            #expect(String(buffer: response.body).contains("erased"))
        }
        #expect(try await harness.service.store.openCases().isEmpty)
        #expect(try await harness.service.store.caseKeys(id: id) == nil)
        #expect(try await harness.service.store.transcript(caseID: id).isEmpty)
        #expect(try harness.service.database.inventory().first { $0.table == "conversation" }?.rows == 0)
        // A copy of the old ciphertext opens only with the destroyed key.
        #expect(throws: CipherError.openFailed) { try CaseCipher.open(sealed, key: CaseCipher.newKey(), context: id) }
        #expect(try CaseCipher.openString(sealed, key: keys.transcriptKey, context: id).contains("ICE"))
    }

    @Test func closeDestroysTheAddressNowAndTheTranscriptAfterRetention() async throws {
        let harness = try Harness { $0.retentionHours = 24 }
        defer { harness.remove() }
        try await harness.app().test(.router) { client in
            _ = try await client.twilio(from: "+15550199733", body: "I need a lawyer for my immigration case")
        }
        let id = try #require(try await harness.service.store.openCases().first?.id)
        try await harness.service.cases.close(caseID: id)
        #expect(try await harness.service.store.sealedAddress(caseID: id) == nil)
        #expect(try await harness.service.store.caseKeys(id: id)?.addressKey == nil)
        await #expect(throws: CaseService.ReplyError.caseClosed) {
            try await harness.service.cases.reply(caseID: id, advocate: "a", text: "hello", idempotencyKey: "x")
        }
        #expect(try await !harness.service.cases.transcript(caseID: id).isEmpty)
        harness.clock.advance(by: 23 * 3600)
        try await harness.service.retentionJobs.runOnce()
        #expect(try await harness.service.store.caseKeys(id: id) != nil)
        harness.clock.advance(by: 2 * 3600)
        try await harness.service.retentionJobs.runOnce()
        #expect(try await harness.service.store.caseKeys(id: id) == nil)
        #expect(try await harness.service.store.caseSummary(id: id) == nil)
        #expect(try await harness.service.cases.transcript(caseID: id).isEmpty)
    }

    @Test func idleConversationsAndOldPseudonymSecretsExpire() async throws {
        let harness = try Harness { $0.conversationIdleHours = 24; $0.keyRotationHours = 24 }
        defer { harness.remove() }
        try await harness.app().test(.router) { client in
            _ = try await client.twilio(from: "+15550199734", body: "where can I get food")
        }
        let firstKey = try await harness.service.pipeline.conversationKey(channel: "twilio", address: "+15550199734")
        harness.clock.advance(by: 25 * 3600)
        try await harness.service.retentionJobs.runOnce()
        #expect(try harness.service.database.inventory().first { $0.table == "conversation" }?.rows == 0)
        harness.clock.advance(by: 48 * 3600)
        try await harness.service.retentionJobs.runOnce()
        // Two rotations later the old secret is gone: the same number gets an unrelated key.
        let laterKey = try await harness.service.pipeline.conversationKey(channel: "twilio", address: "+15550199734")
        #expect(laterKey != firstKey)
        #expect(try harness.service.database.inventory().first { $0.table == "key_period" }?.rows ?? 0 <= 2)
    }

    @Test func schemaHasNoIdentifyingColumns() throws {
        let harness = try Harness()
        defer { harness.remove() }
        let forbidden = ["phone", "msisdn", "name", "email", "nationality", "status", "ip", "address", "number", "country", "zip", "city"]
        for (table, columns) in try harness.service.database.schema() {
            for column in columns {
                let parts = column.lowercased().split(separator: "_").map(String.init)
                for word in forbidden {
                    #expect(!parts.contains(word) && !(column.lowercased().contains(word) && word.count > 3), "\(table).\(column) looks like \(word)")
                }
            }
        }
    }

    @Test func privacyAnswerStatesTheRunningRetention() async throws {
        let harness = try Harness { $0.retentionHours = 6 }
        defer { harness.remove() }
        try await harness.app().test(.router) { client in
            let response = try await client.twilio(from: "+15550199735", body: "do you store my data? who can see my messages?")
            #expect(String(buffer: response.body).contains("6 hours"))
        }
    }
}
