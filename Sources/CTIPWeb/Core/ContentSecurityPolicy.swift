import Crypto
import Foundation

/// What a page may load: only this site's own files. Every page links the one stylesheet, so no style
/// is inline; the annual report's documents are the exception — each is one self-contained file (frozen
/// with its edition, and saved or printed as it is), so their `<style>` is allowed by its own hash.
enum ContentSecurityPolicy {
    static let standard = "default-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    /// The standard policy, also allowing exactly the `<style>` elements the document carries.
    static func allowingStyles(of html: String) -> String {
        let hashes = styleBlocks(of: html).map { "'sha256-\(Data(SHA256.hash(data: Data($0.utf8))).base64EncodedString())'" }
        guard !hashes.isEmpty else { return standard }
        return standard.replacingOccurrences(of: "style-src 'self'", with: "style-src 'self' " + hashes.joined(separator: " "))
    }

    /// The text of each `<style>…</style>`, exactly as a browser hashes it.
    static func styleBlocks(of html: String) -> [String] {
        var blocks: [String] = []
        var rest = html[...]
        while let open = rest.range(of: "<style>"), let close = rest.range(of: "</style>", range: open.upperBound..<rest.endIndex) {
            blocks.append(String(rest[open.upperBound..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        return blocks
    }
}
