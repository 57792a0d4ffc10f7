/// Reading and writing the registers' files (`docs/measures.md`), and reading a row from a form or a
/// JSON object by the same rules, so what a contributor types is checked exactly as an import would.
public enum MeasureFiles {
    /// The rows of one file and every problem in it (header, syntax, cells); the rows are kept only
    /// when there is no problem at all.
    public static func read(_ file: MeasureFile, bytes: [UInt8], context: MeasureContext) -> (rows: [(row: MeasureRow, line: Int)], issues: [BundleIssue]) {
        var reader = CSVReader(bytes: bytes)
        var issues: [BundleIssue] = []
        var rows: [(row: MeasureRow, line: Int)] = []
        do {
            guard let header = try reader.next() else {
                return ([], [BundleIssue(file: file.fileName, line: 1, column: nil, message: "the file is empty; expected a header row",
                                         japanese: "ファイルが空です（見出し行が必要です）")])
            }
            guard let index = checkHeader(header.fields, of: file, issues: &issues) else { return ([], issues) }
            let columns = ColumnPositions(index)
            while let record = try reader.next() {
                if record.fields == [""] { continue }
                if record.fields.count != header.fields.count {
                    issues.append(BundleIssue(file: file.fileName, line: record.line, column: nil,
                                              message: "\(record.fields.count) cells where the header has \(header.fields.count)",
                                              japanese: "見出しは\(header.fields.count)列ですが、この行は\(record.fields.count)列です"))
                    continue
                }
                var decoder = RowDecoder(fileName: file.fileName, record: record, columns: columns)
                if let row = MeasureRules.check(file, &decoder, context: context) { rows.append((row, record.line)) }
                issues += decoder.issues
            }
        } catch let error as CSVSyntaxError {
            issues.append(BundleIssue(file: file.fileName, line: error.line, column: nil, message: error.message))
        } catch {
            issues.append(BundleIssue(file: file.fileName, line: 1, column: nil, message: "\(error)"))
        }
        return (issues.isEmpty ? rows : [], issues)
    }

    static func checkHeader(_ header: [String], of file: MeasureFile, issues: inout [BundleIssue]) -> [String: Int]? {
        var index: [String: Int] = [:]
        var usable = true
        for (position, name) in header.enumerated() {
            if !file.columnNames.contains(name) {
                issues.append(BundleIssue(file: file.fileName, line: 1, column: name.isEmpty ? "column \(position + 1)" : name,
                                          message: "unknown column; expected one of: " + file.columnNames.joined(separator: ", "),
                                          japanese: "不明な列です"))
                usable = false
            } else if index[name] != nil {
                issues.append(BundleIssue(file: file.fileName, line: 1, column: name, message: "column appears twice", japanese: "列が重複しています"))
                usable = false
            } else { index[name] = position }
        }
        for column in file.columns where column.required && index[column.name] == nil {
            issues.append(BundleIssue(file: file.fileName, line: 1, column: column.name, message: "required column is missing",
                                      japanese: "必須の列がありません"))
            usable = false
        }
        return usable ? index : nil
    }

    /// The file's text: the header, then the rows in key order.
    public static func text(_ file: MeasureFile, rows: [MeasureRow]) -> String {
        var text = CSVWriter.line(file.columnNames)
        for row in rows.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) { text += CSVWriter.line(row.orderedCells) }
        return text
    }

    /// A row from the fields of a form or a JSON object: every problem names its field. `fixed` sets
    /// cells the member of staff does not choose (their ministry).
    public static func read(_ file: MeasureFile, fields: [String: String], fixed: [String: String] = [:],
                            context: MeasureContext) -> Result<MeasureRow, FieldErrors> {
        var errors: [FieldError] = []
        for name in fields.keys where !file.columnNames.contains(name) {
            errors.append(FieldError(field: name, message: "is not a field of \(file.fileName)", japanese: "この登録簿の項目ではありません"))
        }
        let columns = file.columnNames
        let cells = columns.map { fixed[$0] ?? fields[$0]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }
        var decoder = RowDecoder(fileName: file.fileName, record: CSVRecord(line: 1, fields: cells),
                                 columns: ColumnPositions(Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })))
        let row = MeasureRules.check(file, &decoder, context: context)
        errors += decoder.issues.map { FieldError(field: $0.column ?? "form", message: $0.message, japanese: $0.japanese) }
        guard errors.isEmpty, let row else { return .failure(FieldErrors(errors)) }
        return .success(row)
    }
}
