import Crypto
import Foundation
import HummingbirdBcrypt
import HummingbirdOTP
import SanctuaryStore
import Synchronization

/// Console sign-in: bcrypt (cost 12) passwords, optional TOTP, server-side sessions found by the SHA-256 of an
/// `__Host-` cookie, idle and absolute timeouts, CSRF tokens, and login throttling that slows an attacker
/// without locking the real advocate out.
public struct ConsoleAuth: Sendable {
    public static let cookieName = "__Host-sanctuary"
    public static let loginCookieName = "__Host-sanctuary-login"
    public static let bcryptCost: UInt8 = 12
    public static let minimumPasswordLength = 12

    let store: any SanctuaryStorage
    let clock: any ServiceClock
    public var idleTimeout: TimeInterval = 30 * 60
    public var absoluteTimeout: TimeInterval = 12 * 3600
    let throttle = LoginThrottle()

    public init(store: any SanctuaryStorage, clock: any ServiceClock) {
        self.store = store
        self.clock = clock
    }

    /// A bcrypt hash for a new password; refuses short ones.
    public static func hashPassword(_ password: String) throws -> String {
        guard password.count >= minimumPasswordLength else { throw PasswordError.tooShort(minimumPasswordLength) }
        return Bcrypt.hash(password, cost: bcryptCost)
    }

    /// Random URL-safe token (256 bits).
    public static func randomToken() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The outcome of a sign-in attempt.
    public enum LoginResult: Sendable, Equatable {
        /// Signed in: the new session's cookie value (a new id at every login) and CSRF token.
        case success(token: String, csrf: String)
        case invalid
        case needsCode
        /// Too many failures for this login: try again after this many seconds.
        case throttled(retryAfter: Int)
    }

    /// Checks the password (and TOTP code when the account has one) and opens a session.
    public func login(_ login: String, password: String, code: String?) async throws -> LoginResult {
        let now = clock.now
        let key = login.lowercased()
        if let wait = throttle.wait(for: key, now: now) { return .throttled(retryAfter: wait) }
        let account = try await store.advocate(login: key)
        // Verify against a dummy hash when the account does not exist, so timing does not tell.
        let valid = Bcrypt.verify(password, hash: account?.passwordHash ?? Self.dummyHash)
        guard let account, valid, !account.disabled else {
            throttle.fail(key, now: now)
            return .invalid
        }
        if let secret = account.totpSecret {
            guard let code, !code.isEmpty else { return .needsCode }
            guard Self.verifyTOTP(secret: secret, code: code, at: now) else {
                throttle.fail(key, now: now)
                return .invalid
            }
        }
        throttle.succeed(key)
        let token = Self.randomToken(), csrf = Self.randomToken()
        try await store.createSession(tokenHash: Self.hash(token), login: account.login, csrfToken: csrf, now: now)
        return .success(token: token, csrf: csrf)
    }

    static let dummyHash = Bcrypt.hash("not a real password, only for constant timing", cost: bcryptCost)

    /// Accepts the code of the current 30-second step and its neighbours (clock drift).
    static func verifyTOTP(secret: String, code: String, at date: Date) -> Bool {
        let totp = TOTP(secret: secret)
        let digits = code.filter(\.isNumber)
        return [-30.0, 0, 30].contains { String(format: "%06d", totp.compute(date: date.addingTimeInterval($0))) == digits }
    }

    /// A new TOTP secret (base32) and its otpauth:// URL for an authenticator app.
    public static func newTOTP(login: String) -> (secret: String, url: String) {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        let secret = String((0..<32).map { _ in alphabet[Int.random(in: 0..<32)] })
        return (secret, TOTP(secret: secret).createAuthenticatorURL(label: login, issuer: "Sanctuary"))
    }

    /// The signed-in advocate for a cookie value, if the session is valid.
    public func session(token: String?) async throws -> (AdvocateSession, Advocate)? {
        guard let token, !token.isEmpty,
              let session = try await store.session(tokenHash: Self.hash(token), now: clock.now, idle: idleTimeout, absolute: absoluteTimeout)
        else { return nil }
        guard let advocate = try await store.advocate(login: session.login), !advocate.disabled else { return nil }
        return (session, advocate)
    }

    /// Ends a session on the server.
    public func logout(token: String) async throws {
        try await store.deleteSession(tokenHash: Self.hash(token))
    }
}

/// A password that cannot be used.
public enum PasswordError: Error, CustomStringConvertible {
    case tooShort(Int)
    public var description: String {
        switch self { case .tooShort(let n): "passwords need at least \(n) characters" }
    }
}

/// Failed sign-ins per login: after 5 failures in 15 minutes each further attempt waits 2, 4, 8 … up to 60
/// seconds after the last failure. The account is never locked, so an attacker cannot lock an advocate out,
/// and guessing becomes slow. In memory only; nothing about the client is kept.
final class LoginThrottle: Sendable {
    private let failures = Mutex<[String: [Date]]>([:])
    let window: TimeInterval = 15 * 60
    let freeAttempts = 5

    func wait(for key: String, now: Date) -> Int? {
        failures.withLock { table in
            let recent = (table[key] ?? []).filter { now.timeIntervalSince($0) < window }
            table[key] = recent
            guard recent.count >= freeAttempts, let last = recent.last else { return nil }
            let delay = min(60, 1 << min(6, recent.count - freeAttempts + 1))
            let remaining = Double(delay) - now.timeIntervalSince(last)
            return remaining > 0 ? Int(remaining.rounded(.up)) : nil
        }
    }

    func fail(_ key: String, now: Date) { failures.withLock { $0[key, default: []].append(now) } }
    func succeed(_ key: String) { failures.withLock { _ = $0.removeValue(forKey: key) } }
}
