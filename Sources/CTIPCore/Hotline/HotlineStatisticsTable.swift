import Foundation

/// The hot lines' statistics of a fiscal year as rows of figures, month by month and in total: the
/// staff page's table (English or Japanese) and `ctip hotline stats`'s text (English) are both made of them.
public enum HotlineStatisticsTable {
    public struct Row: Sendable, Equatable {
        public let label: String
        /// A part of the row above it (a category, an outcome).
        public let isPart: Bool
        /// One cell per column of `columns`.
        public let cells: [String]
    }

    /// The months (`04` … `03`) and the year's total (`FY2023`, `2023年度`).
    public static func columns(_ statistics: HotlineStatistics, language: Language) -> [String] {
        statistics.months.map { String($0.month.suffix(2)) } + [language == .ja ? "\(statistics.fiscalYear)年度" : "FY\(statistics.fiscalYear)"]
    }

    public static func rows(_ statistics: HotlineStatistics, language: Language) -> [Row] {
        let figures = statistics.months.map(\.figures) + [statistics.total]
        func row(_ en: String, _ ja: String, part: Bool = false, _ value: (HotlineFigures) -> String) -> Row {
            Row(label: language == .ja ? ja : en, isPart: part, cells: figures.map(value))
        }
        func count(_ en: String, _ ja: String, part: Bool = false, _ value: @escaping (HotlineFigures) -> Int) -> Row {
            row(en, ja, part: part) { String(value($0)) }
        }
        var rows = [count("Tips received", "通報の受理", \.tipsReceived)]
        for category in TipCategory.allCases {
            rows.append(count(category.rawValue, category.label.ja, part: true) { $0.tipsByCategory[category.rawValue] ?? 0 })
        }
        rows.append(count("Forwarded to the police", "警察への送付", \.tipsForwarded))
        for outcome in PoliceOutcome.allCases {
            rows.append(count(outcome.rawValue, outcome.label.ja, part: true) { $0.outcomes[outcome.rawValue] ?? 0 })
        }
        rows += [
            count("Rewards decided", "報奨金の決定", \.rewardsDecided),
            count("Rewards paid", "報奨金の支払", \.rewardsPaid),
            count("Yen paid", "支払額（円）", \.rewardAmountPaid),
            count("Internet reports received", "インターネット上の情報の通報の受理", \.internetReportsReceived),
            count("Internet items (de-duplicated)", "インターネット情報（重複を除く）", \.internetItems),
            count("Judged illegal", "違法と判断", \.judgedIllegal),
            count("Deletion requested", "削除依頼", \.deletionRequested),
            count("Deleted", "削除済み", \.deleted),
            row("Deletion rate", "削除率") { $0.deletionRate.map { String(format: "%.0f%%", $0 * 100) } ?? "–" },
            row("Median hours to deletion", "削除までの時間の中央値（時間）") { $0.medianHoursToDeletion.map { String(format: "%.1f", $0) } ?? "–" },
        ]
        return rows
    }

    /// The command line's text: a title, then the rows aligned in columns (English).
    public static func render(_ statistics: HotlineStatistics) -> String {
        let columns = columns(statistics, language: .en)
        let rows = rows(statistics, language: .en).map { ($0.isPart ? "  " + $0.label : $0.label, $0.cells) }
        let labelWidth = rows.map { $0.0.count }.max() ?? 0
        let widths = columns.indices.map { index in max(columns[index].count, rows.map { $0.1[index].count }.max() ?? 0) }
        func line(_ label: String, _ cells: [String]) -> String {
            label.padding(toLength: labelWidth, withPad: " ", startingAt: 0) + zip(cells, widths).map { cell, width in
                "  " + String(repeating: " ", count: max(0, width - cell.count)) + cell
            }.joined()
        }
        var lines = ["Hot lines, fiscal year \(statistics.fiscalYear) (April \(statistics.fiscalYear) – March \(statistics.fiscalYear + 1))"]
        lines.append(line("Month", columns))
        for row in rows { lines.append(line(row.0, row.1)) }
        return lines.joined(separator: "\n")
    }
}
