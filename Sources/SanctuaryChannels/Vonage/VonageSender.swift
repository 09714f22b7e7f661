import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SanctuaryText

/// Sends SMS through the Vonage SMS API (`POST /sms/json`).
public struct VonageSender: MessageSender, CustomStringConvertible {
    /// Credentials are never printed.
    public var description: String { "VonageSender(credentials redacted)" }
    public let channel = "vonage"
    public let apiKey: String
    public let apiSecret: String
    public let apiBase: String
    let transport: any HTTPTransport

    public init(apiKey: String, apiSecret: String, apiBase: String = "https://rest.nexmo.com", transport: any HTTPTransport = URLSessionTransport()) {
        self.apiKey = apiKey
        self.apiSecret = apiSecret
        self.apiBase = apiBase
        self.transport = transport
    }

    public func send(_ message: OutboundMessage) async -> SendOutcome {
        var fields = [("api_key", apiKey), ("api_secret", apiSecret), ("to", message.address), ("text", message.text),
                      ("from", message.serviceAddress ?? "Sanctuary"), ("client-ref", String(message.idempotencyKey.prefix(100)))]
        if SMSEncoding.measure(message.text).encoding == .ucs2 { fields.append(("type", "unicode")) }
        var request = URLRequest(url: URL(string: apiBase + "/sms/json")!)
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(FormEncoding.encode(fields).utf8)
        request.timeoutInterval = 15
        // Vonage answers 200 with a per-message status: "0" is success, "1" throttled.
        return await transport.deliver(request) { status, body in
            guard status == 200, let json = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
                  let first = (json["messages"] as? [[String: Any]])?.first, let code = first["status"] as? String, code != "0"
            else { return nil }
            return code == "1" ? .retry(reason: "vonage throttled", after: nil) : .failed(reason: "vonage status \(code)")
        }
    }
}
