import Crypto
import Foundation
import Vapor

/// Limits how often one network address may use the hot lines without keeping the address: each
/// address is counted under an HMAC with a key that lives for one window only. When the window ends the
/// key and the counts are dropped together, so nothing links a report to an address afterwards — not
/// even inside the process. Per process: several `ctip serve` each allow the limit.
final class AnonymousRateLimiter: @unchecked Sendable {  // `window` is only touched under `lock`
    struct Window {
        var number: Int
        var key: SymmetricKey
        var counts: [Data: Int]
    }

    let limit: Int
    let windowSeconds: Int
    /// Beyond this many distinct addresses in one window, new ones are refused too: the table cannot
    /// be grown without bound by a flood of spoofed sources.
    let maximumBuckets: Int
    private let lock = NSLock()
    private var window: Window

    init(limit: Int, windowSeconds: Int, maximumBuckets: Int = 100_000) {
        self.limit = limit; self.windowSeconds = windowSeconds; self.maximumBuckets = maximumBuckets
        window = Window(number: -1, key: SymmetricKey(size: .bits256), counts: [:])
    }

    /// Counts one use; false when the address has used up the window's allowance.
    func allow(address: String, now: Int = Int(Date().timeIntervalSince1970)) -> Bool {
        let current = now / windowSeconds
        return lock.withLock {
            if window.number != current {
                window = Window(number: current, key: SymmetricKey(size: .bits256), counts: [:])
            }
            let bucket = Data(HMAC<SHA256>.authenticationCode(for: Data(address.utf8), using: window.key).prefix(16))
            let used = window.counts[bucket] ?? 0
            guard used < limit, used > 0 || window.counts.count < maximumBuckets else { return false }
            window.counts[bucket] = used + 1
            return true
        }
    }

    /// Distinct addresses counted in the current window (for tests: that nothing survives a window).
    var bucketCount: Int { lock.withLock { window.counts.count } }

    /// Reports per window per address from `CTIP_HOTLINE_RATE_LIMIT` (default 20 per 600 s); the
    /// benchmark raises it and says so.
    static func fromEnvironment(_ name: String, defaultLimit: Int) -> AnonymousRateLimiter {
        let limit = ProcessInfo.processInfo.environment[name].flatMap(Int.init) ?? defaultLimit
        return AnonymousRateLimiter(limit: max(1, limit), windowSeconds: 600)
    }
}
