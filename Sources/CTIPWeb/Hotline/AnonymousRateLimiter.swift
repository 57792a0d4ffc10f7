import CTIPStorage
import Crypto
import Foundation
import Vapor

/// Limits how often one network address may use the hot lines without keeping the address: each
/// address is counted under an HMAC whose key is derived from the hot-line secret for one window only.
/// The counts live in the database (`AnonymousUseCounts`), so every `ctip serve` sharing it holds one
/// limit together; the key is never stored, and the counts of a window are deleted when the next one
/// starts, so nothing links a report to an address afterwards.
final class AnonymousRateLimiter: @unchecked Sendable {  // `current` is only touched under `lock`
    /// What this process knows of the current window: its number, its key, and how many new
    /// addresses it has let in (the cap below).
    struct Window {
        var number: Int
        var key: SymmetricKey
        var newAddresses: Int
    }

    /// Which limit: submissions and status look-ups are counted apart.
    let scope: String
    let limit: Int
    let windowSeconds: Int
    /// Beyond this many new addresses in one window (per process), new ones are refused too: the table
    /// cannot be grown without bound by a flood of spoofed sources.
    let maximumNewAddresses: Int
    let secret: PasscodeHasher
    private let lock = NSLock()
    private var current: Window?

    init(scope: String, limit: Int, windowSeconds: Int, secret: PasscodeHasher, maximumNewAddresses: Int = 100_000) {
        self.scope = scope; self.limit = limit; self.windowSeconds = windowSeconds; self.secret = secret
        self.maximumNewAddresses = maximumNewAddresses
    }

    /// Counts one use; false when the address has used up the window's allowance.
    func allow(address: String, counts: AnonymousUseCounts, now: Int = Int(Date().timeIntervalSince1970)) async throws -> Bool {
        let number = now / windowSeconds
        let (window, started) = lock.withLock { () -> (Window, Bool) in
            if let current, current.number == number { return (current, false) }
            let window = Window(number: number, key: secret.derivedKey("rate-limit:\(scope):\(number)"), newAddresses: 0)
            current = window
            return (window, true)
        }
        if started { try await counts.forget(before: number) }
        let bucket = Data(HMAC<SHA256>.authenticationCode(for: Data(address.utf8), using: window.key).prefix(16)).base64EncodedString()
        let uses = try await counts.use(scope: scope, window: number, bucket: bucket)
        if uses == 1 {
            let admitted = lock.withLock { () -> Bool in
                guard current?.number == number else { return true }
                guard current!.newAddresses < maximumNewAddresses else { return false }
                current!.newAddresses += 1
                return true
            }
            if !admitted { return false }
        }
        return uses <= limit
    }

    /// How long until the window ends and the allowance starts again: a refusal's `Retry-After`.
    func secondsLeft(now: Int) -> Int { windowSeconds - now % windowSeconds }

    /// Reports per window per address from `CTIP_HOTLINE_RATE_LIMIT` (default 20 per 600 s); the
    /// benchmark raises it and says so.
    static func fromEnvironment(_ name: String, scope: String, defaultLimit: Int, secret: PasscodeHasher) -> AnonymousRateLimiter {
        let limit = ProcessInfo.processInfo.environment[name].flatMap(Int.init) ?? defaultLimit
        return AnonymousRateLimiter(scope: scope, limit: max(1, limit), windowSeconds: 600, secret: secret)
    }
}
