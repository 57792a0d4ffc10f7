import Crypto
import Foundation

/// Keeps passcodes only as HMAC-SHA256 under a server secret, bound to their receipt: a copy of the
/// database alone does not let anyone test guesses, and a hash cannot be moved to another receipt.
public struct PasscodeHasher: Sendable {
    let key: SymmetricKey

    public init(keyBytes: Data) throws(HotlineKeyError) {
        guard keyBytes.count >= 32 else { throw .tooShort(keyBytes.count) }
        key = SymmetricKey(data: keyBytes)
    }

    public func hash(receipt: String, passcode: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data("\(receipt):\(passcode)".utf8), using: key)
        return Data(code).base64EncodedString()
    }

    /// A key for one purpose and period only (the rate limit's window), derived from the hot-line
    /// secret: instances sharing the secret derive the same key, and nothing stored reveals it.
    public func derivedKey(_ purpose: String) -> SymmetricKey {
        SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Data("ctip-derived-key:\(purpose)".utf8), using: key)))
    }

    /// Constant-time comparison with a stored hash.
    public func matches(receipt: String, passcode: String, stored: String) -> Bool {
        guard let storedCode = Data(base64Encoded: stored) else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(storedCode, authenticating: Data("\(receipt):\(passcode)".utf8), using: key)
    }

    /// The key's file when `CTIP_HOTLINE_KEY` is not set: beside the SQLite file, or `ctip-hotline.key`
    /// in the working directory for PostgreSQL.
    public static func keyFile(for url: DatabaseURL) -> URL {
        switch url {
        case .sqlite(let path): return URL(fileURLWithPath: path + ".hotline-key")
        case .postgres: return URL(fileURLWithPath: "ctip-hotline.key")
        }
    }

    /// The key: `CTIP_HOTLINE_KEY` (base64 of at least 32 bytes) if set; else the key file, made with a
    /// fresh random key when it does not exist (readable by its owner only).
    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment, keyFile: URL) throws(HotlineKeyError) -> PasscodeHasher {
        if let text = environment["CTIP_HOTLINE_KEY"], !text.isEmpty {
            guard let bytes = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)) else { throw .notBase64("CTIP_HOTLINE_KEY") }
            return try PasscodeHasher(keyBytes: bytes)
        }
        if let text = try? String(contentsOf: keyFile, encoding: .utf8) {
            guard let bytes = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)) else { throw .notBase64(keyFile.path) }
            return try PasscodeHasher(keyBytes: bytes)
        }
        let bytes = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        let created = FileManager.default.createFile(atPath: keyFile.path, contents: Data((bytes.base64EncodedString() + "\n").utf8),
                                                     attributes: [.posixPermissions: 0o600])
        guard created else { throw .cannotCreate(keyFile.path) }
        return try PasscodeHasher(keyBytes: bytes)
    }
}

public enum HotlineKeyError: Error, Equatable, CustomStringConvertible {
    case tooShort(Int)
    case notBase64(String)
    case cannotCreate(String)

    public var description: String {
        switch self {
        case .tooShort(let count): return "hotline key: \(count) bytes; at least 32 are needed"
        case .notBase64(let source): return "hotline key in \(source) is not base64"
        case .cannotCreate(let path): return "hotline key file \(path) cannot be created"
        }
    }
}
