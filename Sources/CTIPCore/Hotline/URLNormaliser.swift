import Foundation

/// A reported URL in canonical form, with the key that says "same content".
public struct NormalisedURL: Sendable, Hashable {
    /// The URL as CTIP shows and forwards it: `https://xn--bcher-kva.example/a%20b?id=7`.
    public let url: String
    /// What two reports must share to be one item: the URL without its scheme (the same page is
    /// served over http and https) — host, port when not the default, path, kept query, `#!` fragment.
    public let key: String
    /// The host in ASCII (IDN labels in Punycode), for the site administrator and the statistics.
    public let host: String
}

public enum URLNormalisationError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case tooLong(limit: Int)
    case controlCharacters
    case unsupportedScheme(String)
    case missingHost
    case badHost
    case badPort

    public var description: String {
        switch self {
        case .empty: return "the URL is empty"
        case .tooLong(let limit): return "the URL is longer than \(limit) characters"
        case .controlCharacters: return "the URL contains control characters"
        case .unsupportedScheme(let scheme): return "only http and https URLs can be reported, not \(scheme):"
        case .missingHost: return "the URL has no host name"
        case .badHost: return "the host name is not valid"
        case .badPort: return "the port is not a number from 1 to 65535"
        }
    }
}

/// Puts a reported URL into one canonical form, so the same content reported a thousand times, typed a
/// thousand ways, is one item — and look-alikes stay apart. What is made equal: scheme and host case,
/// default ports, a trailing dot of the host, user names and passwords (dropped), full-width and other
/// compatibility characters of the host (NFKC, as IDNA does), IDN labels (to Punycode), the percent-encoding
/// of unreserved characters and the case of escapes, `.` and `..` segments, backslashes (read as `/`, as
/// browsers do), tracking parameters (dropped), the order of parameters, fragments (dropped, except
/// `#!` routes that name content). What stays apart: different hosts however alike they look (a Cyrillic
/// `а` is not a Latin `a`), `www.` and no `www.`, path case, a trailing slash, an encoded `/` (`%2F`).
public enum URLNormaliser {
    public static let maximumLength = 2_048

    /// Query parameters that say who sent the link, not what it shows.
    static let trackingParameters: Set<String> = [
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid", "igshid", "srsltid",
        "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id", "wickedid",
    ]
    static let trackingPrefixes = ["utm_"]

    public static func normalise(_ raw: String) throws(URLNormalisationError) -> NormalisedURL {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw .empty }
        guard text.count <= maximumLength else { throw .tooLong(limit: maximumLength) }
        guard !text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) else { throw .controlCharacters }

        let (scheme, rest) = try splitScheme(text)
        let withoutSlashes = rest.dropFirst(2)
        let authorityEnd = withoutSlashes.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? withoutSlashes.endIndex
        var authority = Substring(withoutSlashes[..<authorityEnd])
        var remainder = withoutSlashes[authorityEnd...]
        // `http://bank.example@evil.example/` is evil.example: what is before the last `@` is a user name.
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }

        let (hostText, portText) = splitPort(authority)
        let host = try normaliseHost(String(hostText))
        var port = ""
        if let portText, !portText.isEmpty {
            guard portText.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(portText), (1...65535).contains(number) else { throw .badPort }
            if !(scheme == "http" && number == 80) && !(scheme == "https" && number == 443) { port = ":\(number)" }
        }

        var fragment = ""
        if let hash = remainder.firstIndex(of: "#") {
            let fragmentText = remainder[remainder.index(after: hash)...]
            if fragmentText.hasPrefix("!") { fragment = "#" + percentNormalise(String(fragmentText), keeping: pathCharacters.union([UInt8(ascii: "?")])) }
            remainder = remainder[..<hash]
        }
        var queryText: Substring?
        if let question = remainder.firstIndex(of: "?") {
            queryText = remainder[remainder.index(after: question)...]
            remainder = remainder[..<question]
        }
        let path = removeDotSegments(percentNormalise(String(remainder), keeping: pathCharacters))
        let query = normaliseQuery(queryText.map(String.init) ?? "")

        let key = host + port + (path.isEmpty ? "/" : path) + (query.isEmpty ? "" : "?" + query) + fragment
        return NormalisedURL(url: scheme + "://" + key, key: key, host: host)
    }

    /// The scheme (http when none is written) and what follows it, starting with `//`. Browsers read `\`
    /// as `/` before the query (`http:\\evil.example\` goes to evil.example) and accept `http:host`.
    static func splitScheme(_ text: String) throws(URLNormalisationError) -> (String, String) {
        let queryStart = text.firstIndex(where: { $0 == "?" || $0 == "#" }) ?? text.endIndex
        let text = text[..<queryStart].replacingOccurrences(of: "\\", with: "/") + text[queryStart...]
        if text.hasPrefix("//") { return ("http", text) }
        guard let colon = text.firstIndex(of: ":") else { return ("http", "//" + text) }
        let candidate = text[..<colon]
        let after = text[text.index(after: colon)...]
        let isSchemeShaped = candidate.first?.isLetter == true
            && candidate.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
        // `example.com:8080/x` and `localhost:8080` are a host and a port, not a scheme.
        let portText = after.prefix(while: { $0 != "/" && $0 != "?" && $0 != "#" })
        let portFollows = !portText.isEmpty && portText.allSatisfy { $0.isASCII && $0.isNumber }
        let scheme = candidate.lowercased()
        guard isSchemeShaped, !portFollows || scheme == "http" || scheme == "https" else { return ("http", "//" + text) }
        guard scheme == "http" || scheme == "https" else { throw .unsupportedScheme(scheme) }
        return (scheme, "//" + after.drop(while: { $0 == "/" }))
    }

    static func splitPort(_ authority: Substring) -> (Substring, Substring?) {
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return (authority, nil) }
            let after = authority[authority.index(after: close)...]
            return (authority[...close], after.hasPrefix(":") ? after.dropFirst() : nil)
        }
        guard let colon = authority.lastIndex(of: ":") else { return (authority, nil) }
        return (authority[..<colon], authority[authority.index(after: colon)...])
    }

    /// Lower case, NFKC, full-width dots, no trailing dot, IDN labels in Punycode; refuses what cannot be a host.
    static func normaliseHost(_ raw: String) throws(URLNormalisationError) -> String {
        guard !raw.isEmpty else { throw .missingHost }
        if raw.hasPrefix("[") {
            let inside = raw.dropFirst().dropLast()
            guard raw.hasSuffix("]"), !inside.isEmpty, inside.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else { throw .badHost }
            return "[" + inside.lowercased() + "]"
        }
        guard let decoded = raw.removingPercentEncoding else { throw .badHost }
        var host = decoded.precomposedStringWithCompatibilityMapping.lowercased()
        for dot in ["\u{3002}", "\u{FF0E}", "\u{FF61}"] { host = host.replacingOccurrences(of: dot, with: ".") }
        if host.hasSuffix(".") { host.removeLast() }
        guard !host.isEmpty else { throw .missingHost }
        var labels: [String] = []
        for label in host.split(separator: ".", omittingEmptySubsequences: false) {
            guard !label.isEmpty, label.count <= 63 else { throw .badHost }
            if label.allSatisfy({ $0.isASCII }) {
                guard label.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else { throw .badHost }
                labels.append(String(label))
            } else {
                // Invisible and spacing characters inside a name only serve to deceive.
                guard !label.unicodeScalars.contains(where: { scalar in
                    scalar.properties.generalCategory == .format || scalar.properties.isWhitespace
                        || (scalar.isASCII && !(scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-"))
                }) else { throw .badHost }
                guard let encoded = try? Punycode.encode(String(label)), encoded.count + 4 <= 63 else { throw .badHost }
                labels.append("xn--" + encoded)
            }
        }
        return labels.joined(separator: ".")
    }

    static let unreserved: Set<UInt8> = Set(Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8))
    /// Characters a path keeps as they are (RFC 3986 pchar and `/`).
    static let pathCharacters: Set<UInt8> = unreserved.union(Array("!$&'()*+,;=:@/".utf8))
    /// Characters a query parameter keeps as they are (`&` separates parameters and is never literal here).
    static let queryCharacters: Set<UInt8> = unreserved.union(Array("!$'()*+,;=:@/?".utf8))

    /// Escapes decoded when they stand for an unreserved character, written in upper case otherwise;
    /// every other character outside `keeping` escaped as UTF-8. A lone `%` becomes `%25`.
    static func percentNormalise(_ text: String, keeping: Set<UInt8>) -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        func escape(_ byte: UInt8) { output.append(contentsOf: Array(String(format: "%%%02X", byte).utf8)) }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%"), index + 2 < bytes.count, let value = hexValue(bytes[index + 1], bytes[index + 2]) {
                if unreserved.contains(value) { output.append(value) } else { escape(value) }
                index += 3
                continue
            }
            if keeping.contains(byte) { output.append(byte) } else { escape(byte) }
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    static func hexValue(_ high: UInt8, _ low: UInt8) -> UInt8? {
        func nibble(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
            default: return nil
            }
        }
        guard let high = nibble(high), let low = nibble(low) else { return nil }
        return high << 4 | low
    }

    /// RFC 3986, 5.2.4.
    static func removeDotSegments(_ path: String) -> String {
        guard path.contains(".") else { return path }
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        for (offset, segment) in segments.enumerated() {
            let isLast = offset == segments.count - 1
            switch segment {
            case ".": if isLast { output.append("") }
            case "..":
                if !output.isEmpty { output.removeLast() }
                if isLast { output.append("") }
            default: output.append(segment)
            }
        }
        return "/" + output.joined(separator: "/")
    }

    /// Parameters percent-normalised, tracking ones dropped, sorted by name (stable, so repeated names keep their order).
    static func normaliseQuery(_ query: String) -> String {
        let parameters = query.split(separator: "&").map { percentNormalise(String($0), keeping: queryCharacters) }
        let kept = parameters.filter { parameter in
            let name = (parameter.split(separator: "=", maxSplits: 1).first.map(String.init) ?? parameter).lowercased()
            return !trackingParameters.contains(name) && !trackingPrefixes.contains(where: { name.hasPrefix($0) })
        }
        let named = kept.enumerated().map { (offset: $0.offset, name: String($0.element.split(separator: "=", maxSplits: 1).first ?? ""), parameter: $0.element) }
        return named.sorted { ($0.name, $0.offset) < ($1.name, $1.offset) }.map(\.parameter).joined(separator: "&")
    }
}
