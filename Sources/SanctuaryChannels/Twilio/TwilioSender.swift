import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends SMS through Twilio's Messages API and, if asked, deletes messages at Twilio after handling.
public struct TwilioSender: MessageSender, CustomStringConvertible {
    /// Credentials are never printed.
    public var description: String { "TwilioSender(credentials redacted)" }
    public let channel = "twilio"
    public let accountSID: String
    public let authToken: String
    /// Sender: a Messaging Service SID ("MG…") or a number; when nil, the number the resident wrote to.
    public let from: String?
    /// "https://api.twilio.com" (a local test server in tests).
    public let apiBase: String
    let transport: any HTTPTransport

    public init(accountSID: String, authToken: String, from: String?, apiBase: String = "https://api.twilio.com",
                transport: any HTTPTransport = URLSessionTransport()) {
        self.accountSID = accountSID
        self.authToken = authToken
        self.from = from
        self.apiBase = apiBase.hasSuffix("/") ? String(apiBase.dropLast()) : apiBase
        self.transport = transport
    }

    public func send(_ message: OutboundMessage) async -> SendOutcome {
        var fields: [(String, String)] = [("To", message.address), ("Body", String(message.text.prefix(1600)))]
        let sender = from ?? message.serviceAddress
        guard let sender else { return .failed(reason: "no sender number configured (TWILIO_FROM)") }
        fields.append(sender.hasPrefix("MG") ? ("MessagingServiceSid", sender) : ("From", sender))
        var request = URLRequest(url: URL(string: "\(apiBase)/2010-04-01/Accounts/\(accountSID)/Messages.json")!)
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.setValue(basicAuth, forHTTPHeaderField: "Authorization")
        request.setValue(message.idempotencyKey, forHTTPHeaderField: "I-Twilio-Idempotency-Token")
        request.httpBody = Data(FormEncoding.encode(fields).utf8)
        request.timeoutInterval = 15
        return await transport.deliver(request, idField: "sid")
    }

    /// Deletes a message (its body and metadata) at Twilio: `DELETE …/Messages/{Sid}.json`.
    public func deleteMessage(sid: String) async -> SendOutcome {
        var request = URLRequest(url: URL(string: "\(apiBase)/2010-04-01/Accounts/\(accountSID)/Messages/\(sid).json")!)
        request.httpMethod = "DELETE"
        request.setValue(basicAuth, forHTTPHeaderField: "Authorization")
        request.timeoutInterval = 15
        return await transport.deliver(request)
    }

    var basicAuth: String { "Basic " + Data("\(accountSID):\(authToken)".utf8).base64EncodedString() }
}
