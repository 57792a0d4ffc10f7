import Foundation

/// The reporter's two secrets-in-hand: a receipt number (to name the report) and a passcode (to prove
/// it is theirs). Both come from a cryptographically secure generator (`SystemRandomNumberGenerator`:
/// getrandom(2) on Linux, arc4random on Darwin); tests pass a seeded one.
public enum HotlineCredentials {
    /// Digits of a receipt: 16 random digits (about 53 bits), never derived from time or a counter, so a
    /// receipt says nothing about when or in which order reports came.
    public static let receiptDigits = 16
    /// Characters of a passcode: 20 of a 32-letter alphabet, 100 bits.
    public static let passcodeCharacters = 20
    /// Crockford's base-32 alphabet: no I, L, O, U, so nothing is misread on paper or over the phone.
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    /// A receipt, shown as four groups of four digits (`4821-0937-5512-6604`). The first digit is never
    /// 0 so that the number keeps its length when typed into a spreadsheet.
    public static func newReceipt<G: RandomNumberGenerator>(using generator: inout G) -> String {
        var digits = [Character]()
        digits.append(Character(String(Int.random(in: 1...9, using: &generator))))
        for _ in 1..<receiptDigits { digits.append(Character(String(Int.random(in: 0...9, using: &generator)))) }
        return grouped(digits, by: 4)
    }

    public static func newReceipt() -> String {
        var generator = SystemRandomNumberGenerator()
        return newReceipt(using: &generator)
    }

    /// A passcode, shown as four groups of five (`7KQ2M-...`).
    public static func newPasscode<G: RandomNumberGenerator>(using generator: inout G) -> String {
        grouped((0..<passcodeCharacters).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }, by: 5)
    }

    public static func newPasscode() -> String {
        var generator = SystemRandomNumberGenerator()
        return newPasscode(using: &generator)
    }

    /// Bits of randomness in a passcode.
    public static var passcodeBits: Double { Double(passcodeCharacters) * log2(Double(alphabet.count)) }

    /// The receipt as typed by a person (spaces, dashes, full-width digits) in its canonical form, or
    /// nil when it is not 16 digits.
    public static func canonicalReceipt(_ text: String) -> String? {
        let digits = text.precomposedStringWithCompatibilityMapping.filter { !($0 == "-" || $0 == " " || $0 == "\u{3000}") }
        guard digits.count == receiptDigits, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return grouped(Array(digits), by: 4)
    }

    /// The passcode as typed (any case, spaces, dashes; O read as 0, I and L as 1) in canonical form, or
    /// nil when it cannot be one.
    public static func canonicalPasscode(_ text: String) -> String? {
        var characters: [Character] = []
        for character in text.precomposedStringWithCompatibilityMapping.uppercased() where !(character == "-" || character == " ") {
            switch character {
            case "O": characters.append("0")
            case "I", "L": characters.append("1")
            default:
                guard alphabet.contains(character) else { return nil }
                characters.append(character)
            }
        }
        guard characters.count == passcodeCharacters else { return nil }
        return grouped(characters, by: 5)
    }

    static func grouped(_ characters: [Character], by size: Int) -> String {
        stride(from: 0, to: characters.count, by: size)
            .map { String(characters[$0..<min($0 + size, characters.count)]) }
            .joined(separator: "-")
    }
}
