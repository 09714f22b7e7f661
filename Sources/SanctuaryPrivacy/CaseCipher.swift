import Crypto
import Foundation

/// Authenticated encryption (AES-256-GCM) of what must be kept for a while: a reply address while a case is
/// open, a handoff transcript, a queued outbound message. Each case has its own key; destroying the key
/// makes every ciphertext of the case unreadable (crypto-shredding).
public enum CaseCipher {
    /// A fresh random 256-bit key.
    public static func newKey() -> Data {
        SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
    }

    /// Nonce, ciphertext and tag in one blob. `context` is authenticated but not stored (e.g. the case id),
    /// so a ciphertext copied to another case does not open.
    public static func seal(_ plaintext: Data, key: Data, context: String = "") throws -> Data {
        let box = try AES.GCM.seal(plaintext, using: SymmetricKey(data: key), authenticating: Data(context.utf8))
        guard let combined = box.combined else { throw CipherError.sealFailed }
        return combined
    }

    /// Opens a blob made by `seal`; throws when the key or context is wrong or the blob was changed.
    public static func open(_ blob: Data, key: Data, context: String = "") throws -> Data {
        do {
            let box = try AES.GCM.SealedBox(combined: blob)
            return try AES.GCM.open(box, using: SymmetricKey(data: key), authenticating: Data(context.utf8))
        } catch {
            throw CipherError.openFailed
        }
    }

    /// Seals a string.
    public static func seal(_ text: String, key: Data, context: String = "") throws -> Data {
        try seal(Data(text.utf8), key: key, context: context)
    }

    /// Opens a sealed string.
    public static func openString(_ blob: Data, key: Data, context: String = "") throws -> String {
        guard let text = String(data: try open(blob, key: key, context: context), encoding: .utf8) else { throw CipherError.openFailed }
        return text
    }
}

/// Why a seal or open failed.
public enum CipherError: Error, Equatable {
    case sealFailed
    case openFailed
}
