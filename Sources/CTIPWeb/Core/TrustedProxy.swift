import Vapor

/// What CTIP believes of a reverse proxy named with `--trusted-proxy`, and of nobody else: the client's
/// address (`X-Forwarded-For`) and whether it came over HTTPS (`X-Forwarded-Proto`).
extension Request {
    /// The socket's peer is one of the configured proxies.
    var isFromTrustedProxy: Bool {
        application.ctipConfiguration.trustedProxies.contains(remoteAddress?.ipAddress ?? "")
    }

    /// The address the request came from: the peer's, or — from a trusted proxy — the last address in
    /// its `X-Forwarded-For` (the proxy overwrites it with the client's). Used only to count uses of the
    /// hot lines (`AnonymousRateLimiter`), never stored or logged.
    var clientAddress: String {
        let peer = remoteAddress?.ipAddress ?? "unknown"
        guard isFromTrustedProxy,
              let forwarded = headers.first(name: "X-Forwarded-For")?.split(separator: ",").last?.trimmingCharacters(in: .whitespaces),
              !forwarded.isEmpty else { return peer }
        return forwarded
    }

    /// Cookies are `Secure` when CTIP is configured so (`--secure-cookies`) or a trusted proxy says the
    /// client came over HTTPS.
    var cookiesAreSecure: Bool {
        application.ctipConfiguration.secureCookies || (isFromTrustedProxy && headers.first(name: "X-Forwarded-Proto") == "https")
    }
}
