import Foundation
import Hummingbird
import Logging
import NIOCore
import SanctuaryChannels
import SanctuaryPrivacy

/// The provider webhooks: each verifies, hands the message to the pipeline, and answers in the provider's format.
struct WebhookRoutes {
    let service: SanctuaryService

    func register(on router: Router<BasicRequestContext>) {
        router.post("/webhooks/twilio") { request, _ -> Response in try await twilio(request) }
        router.get("/webhooks/vonage") { request, _ -> Response in try await vonage(request) }
        router.post("/webhooks/vonage") { request, _ -> Response in try await vonage(request) }
        router.post("/webhooks/android-sms-gateway") { request, _ -> Response in try await androidGateway(request) }
        router.get("/webhooks/kannel") { request, _ -> Response in try await kannel(request) }
        router.post("/webhooks/kannel") { request, _ -> Response in try await kannel(request) }
    }

    var configuration: ServerConfiguration { service.configuration }

    func twilio(_ request: Request) async throws -> Response {
        guard let token = configuration.twilioAuthToken else { return .text(.serviceUnavailable, "Twilio is not configured (TWILIO_AUTH_TOKEN)\n") }
        let parsed = try await request.channelRequest(limit: configuration.maxBodyBytes)
        let message: InboundMessage
        do { message = try TwilioWebhook(publicURL: configuration.publicURL, authToken: token).parse(parsed) } catch {
            service.logger.notice("twilio webhook refused", metadata: ["status": "\(error.status)", "reason": "\(error.reason)"])
            return .channelError(error)
        }
        let result = try await service.pipeline.handle(message, mode: .inline)
        if configuration.twilioDeleteMessages, !result.duplicate, let sid = message.providerMessageID?.split(separator: "/").first {
            service.deleteAtTwilio(sid: String(sid))
        }
        let texts = result.replies.flatMap(service.smsRenderer.render)
        return .text(.ok, TwiML.response(messages: texts), contentType: "text/xml; charset=utf-8")
    }

    func vonage(_ request: Request) async throws -> Response {
        guard let secret = configuration.vonageSignatureSecret else { return .text(.serviceUnavailable, "Vonage is not configured (VONAGE_SIGNATURE_SECRET)\n") }
        let parsed = try await request.channelRequest(limit: configuration.maxBodyBytes)
        let method = VonageWebhook.Method(rawValue: configuration.vonageSignatureMethod) ?? .sha256
        let received: VonageWebhook.Received
        do { received = try VonageWebhook(signatureSecret: secret, method: method).parse(parsed, now: service.clock.now) } catch {
            service.logger.notice("vonage webhook refused", metadata: ["status": "\(error.status)", "reason": "\(error.reason)"])
            return .channelError(error)
        }
        switch received {
        case .message(let message):
            _ = try await service.pipeline.handle(message, mode: .outbox)
        case .part(let part):
            if let whole = try await service.reassemble(part) {
                _ = try await service.pipeline.handle(whole, mode: .outbox)
            }
        }
        return .text(.ok, "")
    }

    func androidGateway(_ request: Request) async throws -> Response {
        guard let key = configuration.androidGatewayKey else { return .text(.serviceUnavailable, "gateway is not configured (ANDROID_GATEWAY_SIGNING_KEY)\n") }
        let parsed = try await request.channelRequest(limit: configuration.maxBodyBytes)
        let message: InboundMessage?
        do { message = try AndroidGatewayWebhook(signingKey: key).parse(parsed, now: service.clock.now) } catch {
            service.logger.notice("gateway webhook refused", metadata: ["status": "\(error.status)", "reason": "\(error.reason)"])
            return .channelError(error)
        }
        if let message { _ = try await service.pipeline.handle(message, mode: .outbox) }
        return .text(.ok, "")
    }

    func kannel(_ request: Request) async throws -> Response {
        guard let secret = configuration.kannelSecret else { return .text(.serviceUnavailable, "Kannel is not configured (KANNEL_SECRET)\n") }
        let parsed = try await request.channelRequest(limit: configuration.maxBodyBytes)
        let message: InboundMessage
        do { message = try KannelWebhook(secret: secret).parse(parsed) } catch {
            service.logger.notice("kannel call refused", metadata: ["status": "\(error.status)", "reason": "\(error.reason)"])
            return .channelError(error)
        }
        let result = try await service.pipeline.handle(message, mode: .inline)
        let reply = KannelWebhook.reply(result.replies.map(service.smsRenderer.normalise))
        return .text(.ok, reply.body, contentType: reply.headers["Content-Type"]!, headers: reply.headers.filter { $0.key != "Content-Type" })
    }
}
