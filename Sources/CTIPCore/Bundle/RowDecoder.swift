/// Reads the cells of one bundle row by column name, turning each bad cell into a `BundleIssue`
/// (all of them, not only the first) while returning what it could read.
public struct RowDecoder {
    /// The file's name, as a problem's place names it (`victims.csv`, `materials.csv`).
    public let fileName: String
    public let line: Int
    private let fields: [String]
    private let columns: ColumnPositions
    /// How many cells this row has been asked for so far (see `ColumnPositions`).
    private var asked = 0
    public private(set) var issues: [BundleIssue] = []

    /// A row of a file whose header is shared by all its rows: decode them all with the same `columns`.
    public init(file: BundleFile, record: CSVRecord, columns: ColumnPositions) {
        self.init(fileName: file.fileName, record: record, columns: columns)
    }

    /// A row of any CSV file CTIP reads by column name (the measures registers, for one).
    public init(fileName: String, record: CSVRecord, columns: ColumnPositions) {
        self.fileName = fileName
        self.line = record.line
        self.fields = record.fields
        self.columns = columns
    }

    public init(file: BundleFile, record: CSVRecord, columnIndex: [String: Int]) {
        self.init(file: file, record: record, columns: ColumnPositions(columnIndex))
    }

    public mutating func fail(_ column: String?, _ message: String, japanese: String? = nil) {
        issues.append(BundleIssue(file: fileName, line: line, column: column, message: message, japanese: japanese))
    }

    /// The cell's text, or nil when the column is absent or the cell is empty.
    public mutating func raw(_ column: String) -> String? {
        defer { asked += 1 }
        guard let position = columns.position(of: column, asked: asked), position < fields.count else { return nil }
        let value = fields[position]
        return value.isEmpty ? nil : value
    }

    public mutating func required(_ column: String) -> String? {
        guard let value = raw(column) else { fail(column, "required value is empty", japanese: "入力が必要です"); return nil }
        return value
    }

    public static func isIdentifier(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard (1...64).contains(utf8.count) else { return false }
        return utf8.allSatisfy { byte in
            (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
    }

    public mutating func identifier(_ column: String) -> String? {
        guard let value = required(column) else { return nil }
        guard Self.isIdentifier(value) else {
            fail(column, "`\(value.prefix(80))` is not an identifier (1–64 characters of A-Z a-z 0-9 . _ -)",
                 japanese: "「\(value.prefix(80))」は識別子として使えません（A-Z a-z 0-9 . _ - の1〜64文字）")
            return nil
        }
        return value
    }

    public mutating func identifierList(_ column: String) -> [String] {
        guard let value = raw(column) else { return [] }
        var result: [String] = []
        for part in value.split(separator: ";", omittingEmptySubsequences: false) {
            let id = String(part)
            if Self.isIdentifier(id) { if !result.contains(id) { result.append(id) } }
            else { fail(column, "`\(id.prefix(80))` is not an identifier (1–64 characters of A-Z a-z 0-9 . _ -; lists are `;`-separated)",
                        japanese: "「\(id.prefix(80))」は識別子として使えません（A-Z a-z 0-9 . _ - の1〜64文字。複数は「;」で区切ります）") }
        }
        return result
    }

    public mutating func day(_ column: String, required isRequired: Bool = false) -> Day? {
        guard let value = isRequired ? required(column) : raw(column) else { return nil }
        guard let day = Day(iso: value) else {
            fail(column, "`\(value.prefix(40))` is not a date: expected YYYY-MM-DD, a real calendar day",
                 japanese: "「\(value.prefix(40))」は日付ではありません。実在する日を YYYY-MM-DD の形で入力してください")
            return nil
        }
        return day
    }

    public mutating func code<Value: CodedValue>(_ column: String, as type: Value.Type, required isRequired: Bool = false) -> Value? {
        guard let value = isRequired ? required(column) : raw(column) else { return nil }
        guard let coded = Value(rawValue: value) else {
            fail(column, "unknown code `\(value.prefix(40))`; expected one of \(Value.allowedCodes)",
                 japanese: "「\(value.prefix(40))」は使えないコードです。次のいずれかを選んでください：\(Value.allowedCodes)")
            return nil
        }
        return coded
    }

    public mutating func integer(_ column: String, in range: ClosedRange<Int>, required isRequired: Bool = false) -> Int? {
        guard let value = isRequired ? required(column) : raw(column) else { return nil }
        guard let number = Int(value), range.contains(number) else {
            fail(column, "`\(value.prefix(40))` is not a whole number from \(range.lowerBound) to \(range.upperBound)",
                 japanese: "「\(value.prefix(40))」は\(range.lowerBound)から\(range.upperBound)までの整数ではありません")
            return nil
        }
        return number
    }

    public mutating func boolean(_ column: String) -> Bool? {
        guard let value = raw(column) else { return nil }
        switch value {
        case "true": return true
        case "false": return false
        default:
            fail(column, "`\(value.prefix(40))` is not a boolean: expected `true` or `false`",
                 japanese: "「\(value.prefix(40))」は true または false ではありません")
            return nil
        }
    }

    /// Free text: any printable text; control characters other than tab and line ends are refused.
    public mutating func text(_ column: String, maximumLength: Int = 4000) -> String? {
        guard let value = raw(column) else { return nil }
        if value.unicodeScalars.contains(where: { ($0.value < 32 && $0 != "\n" && $0 != "\r" && $0 != "\t") || $0.value == 127 }) {
            fail(column, "contains control characters", japanese: "制御文字が含まれています")
            return nil
        }
        if value.count > maximumLength {
            fail(column, "is longer than \(maximumLength) characters", japanese: "\(maximumLength)文字を超えています")
            return nil
        }
        return value
    }
}

/// Where each column is in one file's rows. A record type asks for its cells in the same order on every
/// row, so the answers are remembered in that order: from the second row on, finding a cell is one
/// comparison of names (the same string literal each time, compared by identity first) instead of
/// hashing the name. Any other order still gets the right answer, from the header's index.
public final class ColumnPositions {
    private let index: [String: Int]
    private var answers: [(column: String, position: Int?)] = []

    public init(_ index: [String: Int]) { self.index = index }

    /// The position of `column`, the `asked`-th cell asked for in this row.
    func position(of column: String, asked: Int) -> Int? {
        if asked < answers.count, answers[asked].column == column { return answers[asked].position }
        let position = index[column]
        if asked == answers.count { answers.append((column, position)) }
        return position
    }
}
