import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import SanctuaryChannels

extension Response {
    /// A plain-text response.
    static func text(_ status: HTTPResponse.Status, _ text: String, contentType: String = "text/plain; charset=utf-8", headers extra: [String: String] = [:]) -> Response {
        var headers: HTTPFields = [.contentType: contentType]
        for (name, value) in extra { if let field = HTTPField.Name(name) { headers[field] = value } }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A JSON response.
    static func json(_ status: HTTPResponse.Status = .ok, _ value: some Encodable) -> Response {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The response for a refused webhook: status and reason, never the resident's data.
    static func channelError(_ error: WebhookError) -> Response {
        text(HTTPResponse.Status(code: error.status), error.reason + "\n")
    }
}

extension Request {
    /// The request as channels see it, with the body read up to `limit` bytes (413 beyond).
    func channelRequest(limit: Int) async throws -> ChannelRequest {
        var copy = self
        let buffer: ByteBuffer
        do { buffer = try await copy.collectBody(upTo: limit) } catch {
            throw HTTPError(.contentTooLarge, message: "body larger than \(limit) bytes")
        }
        var headers: [String: String] = [:]
        for field in self.headers { headers[field.name.rawName] = field.value }
        return ChannelRequest(method: method.rawValue, path: uri.path, query: uri.query, headers: headers,
                              body: Array(buffer.readableBytesView))
    }
}

/// Security headers on every response, errors included.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPResponseError {
            response = try error.response(from: request, context: context)
        } catch {
            context.logger.error("unhandled error", metadata: ["error": "\(type(of: error))"])
            response = .text(.internalServerError, "internal error\n")
        }
        Self.apply(&response.headers)
        return response
    }

    static func apply(_ headers: inout HTTPFields) {
        headers[.xContentTypeOptions] = "nosniff"
        headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        headers[.cacheControl] = "no-store"
        // A route that sets its own policy (the embeddable chat page) decides about framing itself.
        if headers[.contentSecurityPolicy] == nil {
            headers[.contentSecurityPolicy] = "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
            headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        }
    }
}
