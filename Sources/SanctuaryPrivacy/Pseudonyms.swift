import Crypto
import Foundation

/// Splits time into rotation periods. Pseudonyms from different periods cannot be linked once the older
/// period's secret is destroyed.
public struct RotationSchedule: Sendable, Equatable {
    /// Length of one period in seconds (default: 7 days).
    public var periodSeconds: Int
    public init(periodSeconds: Int = 7 * 24 * 3600) {
        precondition(periodSeconds > 0)
        self.periodSeconds = periodSeconds
    }

    /// The period a moment falls in (periods count from the Unix epoch).
    public func period(at date: Date) -> Int {
        Int((date.timeIntervalSince1970 / Double(periodSeconds)).rounded(.down))
    }

    /// When a period ends.
    public func end(of period: Int) -> Date {
        Date(timeIntervalSince1970: Double((period + 1) * periodSeconds))
    }
}

/// Computes conversation pseudonyms: HMAC-SHA256 of channel and address under a period's secret.
/// The address itself is never stored; only this key is.
public enum Pseudonym {
    /// A fresh 256-bit secret for a new period.
    public static func newSecret() -> Data {
        SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
    }

    /// The pseudonym of `address` on `channel` under `secret` (64 hex characters).
    public static func key(channel: String, address: String, secret: Data) -> String {
        var message = Data(channel.utf8)
        message.append(0)
        message.append(Data(normalise(address).utf8))
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: secret))
        return mac.map { String(format: "%02x", $0) }.joined()
    }

    /// "+1 (555) 010-2000" and "+15550102000" are the same address; chat session tokens are kept as they are.
    static func normalise(_ address: String) -> String {
        let trimmed = address.trimmingCharacters(in: .whitespacesAndNewlines)
        let phoneLike = trimmed.unicodeScalars.allSatisfy { "+0123456789 ()-./".unicodeScalars.contains($0) }
        return phoneLike ? String(trimmed.unicodeScalars.filter { "+0123456789".unicodeScalars.contains($0) }.map(Character.init)) : trimmed
    }

    /// A short, non-reversible label for logs (first 10 hex characters of the pseudonym).
    public static func logLabel(_ key: String) -> String { String(key.prefix(10)) }
}
