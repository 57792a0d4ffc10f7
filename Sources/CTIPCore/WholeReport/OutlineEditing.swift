/// The secretariat keeps the outline (issue 16): retitles an item, adds one, removes an empty one. The
/// numbers follow the report's style — chapters `N`, items `(n)`, sub-items `i)` (Roman), `a)` (letters) —
/// and cross-references are by number, resolved at render time, so the check finds any left pointing
/// at an item that is gone.
public enum OutlineEditing {
    public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        case titleRequired(field: String)
        case noSuchItem(String)
        case tooDeep(String)
        /// An item that holds contributions, tables or figures, or sub-items, is not removed.
        case notEmpty(String)
        /// Chapters 2 and 8 are written by CTIP from the records.
        case computedChapter(String)
        /// A table's or figure's identifier (`figure-poster-2025`), referred to as `{figure:ID}`.
        case badIdentifier(String)
        case identifierTaken(String)

        public var description: String { message(.en) }

        public var field: String {
            switch self {
            case .titleRequired(let field): field
            case .noSuchItem, .tooDeep, .computedChapter: "parent"
            case .notEmpty: "number"
            case .badIdentifier, .identifierTaken: "id"
            }
        }

        public func message(_ language: Language) -> String {
            let ja = language == .ja
            switch self {
            case .titleRequired: return ja ? "見出しを入力してください" : "write the title"
            case .noSuchItem(let number): return ja ? "目次に項目「\(number)」はありません" : "the outline has no item \(number)"
            case .tooDeep(let number): return ja ? "「\(number)」の下には項目を追加できません（a) が最も下の階層です）"
                : "no item can be added under \(number): a) is the deepest level"
            case .notEmpty(let number): return ja ? "項目「\(number)」には投稿・図表・下位項目があるため削除できません"
                : "item \(number) holds contributions, tables or figures, or sub-items: it is not removed"
            case .computedChapter(let number): return ja ? "「\(number)」は記録から作成される章で、ここでは変更できません"
                : "\(number) is written by CTIP from the records and is not edited here"
            case .badIdentifier(let id): return ja ? "「\(id)」は識別子ではありません（英数字と . _ - で1〜64文字）"
                : "`\(id)` is not an identifier: 1–64 characters of A-Z a-z 0-9 . _ -"
            case .identifierTaken(let id): return ja ? "識別子「\(id)」は既に使われています" : "the identifier \(id) is already used"
            }
        }
    }

    /// Sections 2 and 8 are computed (`WholeReport`): their items are not edited by hand.
    public static func isComputed(_ number: OutlineNumber) -> Bool { number.chapter == 2 || number.chapter == 8 }

    /// The number the next item under `parent` gets (nil: the next chapter), after its last child.
    public static func nextNumber(under parent: OutlineNumber?, in outline: [OutlineItem]) -> Result<OutlineNumber, Refusal> {
        guard let parent else {
            let last = outline.filter { $0.number.level == 1 }.map(\.number.chapter).max() ?? 0
            return .success(OutlineNumber(parts: [String(last + 1)]))
        }
        guard outline.contains(where: { $0.number == parent }) else { return .failure(.noSuchItem(parent.description)) }
        guard parent.level < 4 else { return .failure(.tooDeep(parent.description)) }
        let children = outline.map(\.number).filter { $0.parent == parent }
        let ordinals = children.compactMap { ordinal(of: $0.parts.last ?? "", level: parent.level + 1) }
        let next = (ordinals.max() ?? 0) + 1
        return .success(OutlineNumber(parts: parent.parts + [label(next, level: parent.level + 1)]))
    }

    /// Where a new item under `parent` goes: after the parent's last descendant.
    public static func insertionIndex(under parent: OutlineNumber?, in outline: [OutlineItem]) -> Int {
        guard let parent, let start = outline.firstIndex(where: { $0.number == parent }) else { return outline.count }
        var index = start + 1
        while index < outline.count, outline[index].number.parts.starts(with: parent.parts), outline[index].number.level > parent.level { index += 1 }
        return index
    }

    /// "(7)" → 7 at level 2; "iv)" → 4 at level 3; "c)" → 3 at level 4.
    static func ordinal(of part: String, level: Int) -> Int? {
        switch level {
        case 2: return Int(part.trimmingCharacters(in: CharacterSet(charactersIn: "()")))
        case 3: return roman(part.replacingOccurrences(of: ")", with: ""))
        case 4:
            let letter = part.replacingOccurrences(of: ")", with: "")
            guard letter.count == 1, let value = letter.unicodeScalars.first?.value, (97...122).contains(value) else { return nil }
            return Int(value) - 96
        default: return Int(part)
        }
    }

    static func label(_ ordinal: Int, level: Int) -> String {
        switch level {
        case 2: return "(\(ordinal))"
        case 3: return roman(ordinal) + ")"
        case 4: return String(UnicodeScalar(UInt8(96 + min(max(ordinal, 1), 26)))) + ")"
        default: return String(ordinal)
        }
    }

    static let romanDigits: [(Int, String)] = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]

    static func roman(_ value: Int) -> String {
        var rest = value, text = ""
        for (amount, digits) in romanDigits { while rest >= amount { text += digits; rest -= amount } }
        return text
    }

    static func roman(_ text: String) -> Int? {
        (1...39).first { roman($0) == text }
    }
}

import Foundation
