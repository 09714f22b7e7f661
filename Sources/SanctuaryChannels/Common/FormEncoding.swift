import Foundation

/// `application/x-www-form-urlencoded` and query strings, decoded strictly: invalid percent escapes and
/// invalid UTF-8 are errors, not silently replaced characters.
public enum FormEncoding {
    /// Pairs in their order of appearance; repeated names are kept.
    public static func decode(_ bytes: some Collection<UInt8>) throws(WebhookError) -> [(name: String, value: String)] {
        var pairs: [(String, String)] = []
        for field in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = field.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = try decodeComponent(parts[0])
            let value = parts.count > 1 ? try decodeComponent(parts[1]) : ""
            pairs.append((name, value))
        }
        return pairs
    }

    /// Decodes a query string.
    public static func decode(query: String?) throws(WebhookError) -> [(name: String, value: String)] {
        guard let query else { return [] }
        return try decode(Array(query.utf8))
    }

    static func decodeComponent(_ bytes: some Collection<UInt8>) throws(WebhookError) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var iterator = bytes.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"): out.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    throw WebhookError.badRequest("invalid percent-encoding in form data")
                }
                out.append(high << 4 | low)
            default: out.append(byte)
            }
        }
        guard let text = String(validating: out, as: UTF8.self) else {
            throw WebhookError.badRequest("form data is not valid UTF-8")
        }
        return text
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Encodes pairs for a form body (RFC 3986 unreserved characters kept, space as %20).
    public static func encode(_ pairs: [(String, String)]) -> String {
        pairs.map { escape($0.0) + "=" + escape($0.1) }.joined(separator: "&")
    }

    static func escape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

extension Array where Element == (name: String, value: String) {
    /// The first value of a field.
    public func first(_ name: String) -> String? { first { $0.name == name }?.value }
}
