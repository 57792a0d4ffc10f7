/// Reads a bundle record from the fields of a form or JSON request, by the bundle's own column names and
/// rules, so what staff type is checked exactly as an import would check it. Every problem names its field.
public enum RecordForm {
    public static func read<Record: BundleRecord>(_ type: Record.Type, _ fields: [String: String], fixed: [String: String] = [:],
                                                  context: ValidationContext) -> Result<Record, FieldErrors> {
        var errors: [FieldError] = []
        for (name, text) in fields where text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\r" && $0 != "\t" }) {
            errors.append(FieldError(field: name, message: "contains control characters", japanese: "制御文字が含まれています"))
        }
        let columns = Record.file.columnNames
        let cells = columns.map { column in
            fixed[column] ?? fields[column]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        }
        var decoder = RowDecoder(file: Record.file, record: CSVRecord(line: 1, fields: cells),
                                 columnIndex: Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) }))
        let record = Record(decoding: &decoder, context: context)
        errors += decoder.issues.map { FieldError(field: $0.column ?? "form", message: $0.message, japanese: $0.japanese) }
        guard errors.isEmpty, let record else { return .failure(FieldErrors(errors)) }
        return .success(record)
    }

    /// A new record's identifier: a letter for its kind, the year and random letters, so numbers reveal
    /// neither how many records exist nor their order.
    public static func newID(prefix: String, year: Int) -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return "\(prefix)\(year)-" + String((0..<8).map { _ in alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))] })
    }
}
