import Crypto
import Foundation

/// Encryption at rest of the fields that would endanger someone if leaked (identity, contact,
/// whereabouts, what an Article 3 screening recorded): AES-256-GCM, a fresh nonce per value, the key's
/// id in the sealed text so that keys can be rotated (`ctip keys rotate` re-encrypts every value under
/// the newest key).
///
/// Sealed form: `v1:<key id>:<base64 of nonce ‖ ciphertext ‖ tag>`. The record's kind and identifier are
/// authenticated with it, so a sealed value copied onto another record does not open.
public struct FieldCipher: Sendable {
    public struct Key: Sendable {
        public let id: String
        let key: SymmetricKey
        public init(id: String, bytes: Data) throws {
            guard bytes.count == 32 else { throw FieldCipherError.badKey("key \(id) has \(bytes.count) bytes; AES-256 needs 32") }
            guard !id.isEmpty, !id.contains(":") else { throw FieldCipherError.badKey("a key id must be non-empty and have no `:`") }
            self.id = id; key = SymmetricKey(data: bytes)
        }
    }

    /// Every key that may still open values; the last one seals.
    public let keys: [Key]

    public init(keys: [Key]) throws {
        guard !keys.isEmpty else { throw FieldCipherError.badKey("no data key: set CTIP_DATA_KEY or give a key file") }
        self.keys = keys
    }

    /// Keys from text: one `id:base64` per line (a key file), or one base64 key (`CTIP_DATA_KEY`, id `k1`).
    public init(keyText: String) throws {
        let lines = keyText.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
        try self.init(keys: lines.map { line in
            let parts = line.split(separator: ":", maxSplits: 1).map(String.init)
            let (id, encoded) = parts.count == 2 ? (parts[0], parts[1]) : ("k1", parts[0])
            guard let bytes = Data(base64Encoded: encoded) else { throw FieldCipherError.badKey("key \(id) is not base64") }
            return try Key(id: id, bytes: bytes)
        })
    }

    public var currentKeyID: String { keys.last!.id }

    public func seal(_ plaintext: String, record: String) throws -> String {
        let key = keys.last!
        let box = try AES.GCM.seal(Data(plaintext.utf8), using: key.key, authenticating: Data(record.utf8))
        return "v1:\(key.id):" + box.combined!.base64EncodedString()
    }

    public func open(_ sealed: String, record: String) throws -> String {
        let parts = sealed.split(separator: ":", maxSplits: 2).map(String.init)
        guard parts.count == 3, parts[0] == "v1", let data = Data(base64Encoded: parts[2]) else { throw FieldCipherError.notSealed }
        guard let key = keys.first(where: { $0.id == parts[1] }) else { throw FieldCipherError.unknownKey(parts[1]) }
        do {
            let box = try AES.GCM.SealedBox(combined: data)
            return String(decoding: try AES.GCM.open(box, using: key.key, authenticating: Data(record.utf8)), as: UTF8.self)
        } catch {
            throw FieldCipherError.cannotOpen
        }
    }

    /// Whether a stored value has the sealed form (as opposed to text stored before it was sealed).
    public static func isSealed(_ value: String) -> Bool { value.hasPrefix("v1:") }

    /// Whether a sealed value is under an older key and should be re-encrypted.
    public func needsRotation(_ sealed: String) -> Bool {
        sealed.split(separator: ":", maxSplits: 2).dropFirst().first.map(String.init) != currentKeyID
    }

    public static func newKey() -> Data { SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) } }
}

/// Errors never contain the plaintext or the key.
public enum FieldCipherError: Error, Equatable, CustomStringConvertible {
    case badKey(String)
    case notSealed
    case unknownKey(String)
    case cannotOpen

    public var description: String {
        switch self {
        case .badKey(let reason): return "data key: \(reason)"
        case .notSealed: return "the value is not an encrypted field"
        case .unknownKey(let id): return "the value was encrypted with key `\(id)`, which is not among the data keys"
        case .cannotOpen: return "the value cannot be decrypted: wrong key, wrong record, or tampered with"
        }
    }
}
