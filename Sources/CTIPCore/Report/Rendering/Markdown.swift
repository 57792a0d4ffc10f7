import Foundation

/// Markdown as CTIP writes it: section 2's renderer (`MarkdownReportRenderer`) and the whole report's
/// (`WholeReport`) both go through here, so record and report text is escaped, and tables laid out, the
/// same way in either.
enum Markdown {
    /// Keeps Markdown from reading record or report text as markup: a backslash before each backslash,
    /// backtick, `*`, `_`, `[`, `]`, `<`, `>` and `#`.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\`*_[]<>#".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// A pipe table: the header row, its ` --- ` separator, then one line a row. Cells are escaped, and a `|`
    /// in a cell too, so that it does not end the cell.
    static func pipeTable(columns: [String], rows: [[String]]) -> [String] {
        func row(_ cells: [String]) -> String { "| " + cells.map { escaped($0).replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |" }
        return [row(columns), "|" + columns.map { _ in " --- |" }.joined()] + rows.map(row)
    }
}
