import Crypto
import Foundation

/// The server's master secret (`<data>/secret.key`, created on first run, mode 0600) and the keys derived
/// from it: the transit key that seals queued messages and cached replies, and the key that hashes
/// provider message ids for deduplication.
public struct ServerSecrets: Sendable {
    public let transitKey: Data
    public let dedupKey: Data

    /// Reads or creates the master secret in `directory`.
    public static func load(directory: String) throws -> ServerSecrets {
        let path = (directory as NSString).appendingPathComponent("secret.key")
        let master: Data
        if let existing = FileManager.default.contents(atPath: path), existing.count == 32 {
            master = existing
        } else {
            master = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
            guard FileManager.default.createFile(atPath: path, contents: master, attributes: [.posixPermissions: 0o600]) else {
                throw ConfigurationError("cannot write \(path)")
            }
        }
        return ServerSecrets(master: master)
    }

    public init(master: Data) {
        let key = SymmetricKey(data: master)
        func derive(_ label: String) -> Data {
            HKDF<SHA256>.deriveKey(inputKeyMaterial: key, info: Data(label.utf8), outputByteCount: 32).withUnsafeBytes { Data($0) }
        }
        transitKey = derive("sanctuary transit v1")
        dedupKey = derive("sanctuary dedup v1")
    }

    /// The deduplication key of a provider's message id (a keyed hash: provider ids are not stored either).
    public func dedupKey(channel: String, providerID: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data((channel + "\u{0}" + providerID).utf8), using: SymmetricKey(data: dedupKey))
        return mac.map { String(format: "%02x", $0) }.joined()
    }
}
