import Crypto
import Foundation

/// Twilio's request signature: Base64(HMAC-SHA1(auth token, URL + sorted name/value pairs)).
public enum TwilioSignature {
    /// The signature of a form request as twilio-python's `RequestValidator.compute_signature` makes it:
    /// names sorted, and each name's distinct values sorted.
    public static func compute(url: String, parameters: [(name: String, value: String)], authToken: String) -> String {
        var data = url
        var grouped: [String: Set<String>] = [:]
        for (name, value) in parameters { grouped[name, default: []].insert(value) }
        for name in grouped.keys.sorted() {
            for value in grouped[name]!.sorted() { data += name + value }
        }
        let mac = HMAC<Insecure.SHA1>.authenticationCode(for: Data(data.utf8), using: SymmetricKey(data: Data(authToken.utf8)))
        return Data(mac).base64EncodedString()
    }

    /// Whether `signature` is valid for the request, trying the URL with and without its default port as
    /// twilio-python does. `url` must be the configured public URL plus path and query, never a forwarded header.
    public static func isValid(signature: String, url: String, parameters: [(name: String, value: String)], authToken: String) -> Bool {
        for candidate in urlVariants(url) {
            let expected = compute(url: candidate, parameters: parameters, authToken: authToken)
            if constantTimeEquals(Array(expected.utf8), Array(signature.utf8)) { return true }
        }
        return false
    }

    /// Hex SHA-256 of a JSON body, which Twilio puts in the `bodySHA256` query parameter.
    public static func bodyHash(_ body: [UInt8]) -> String {
        hex(SHA256.hash(data: body))
    }

    static func urlVariants(_ url: String) -> [String] {
        guard var components = URLComponents(string: url), let scheme = components.scheme else { return [url] }
        let defaultPort = scheme == "https" ? 443 : 80
        if components.port == nil {
            components.port = defaultPort
            return [url, components.string ?? url]
        } else if components.port == defaultPort {
            components.port = nil
            return [url, components.string ?? url]
        }
        return [url]
    }
}
