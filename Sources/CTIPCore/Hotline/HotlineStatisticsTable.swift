import Foundation

/// The plain-text table of `ctip hotline stats` and the staff page: one column per month, then the year.
public enum HotlineStatisticsTable {
    public static func render(_ statistics: HotlineStatistics) -> String {
        let columns = statistics.months.map { (String($0.month.suffix(2)), $0.figures) } + [("FY\(statistics.fiscalYear)", statistics.total)]
        let rows: [(String, (HotlineFigures) -> String)] = [
            ("Tips received", { String($0.tipsReceived) }),
        ] + TipCategory.allCases.map { category in ("  \(category.rawValue)", { String($0.tipsByCategory[category.rawValue] ?? 0) }) } + [
            ("Forwarded to the police", { String($0.tipsForwarded) }),
        ] + PoliceOutcome.allCases.map { outcome in ("  \(outcome.rawValue)", { String($0.outcomes[outcome.rawValue] ?? 0) }) } + [
            ("Rewards decided", { String($0.rewardsDecided) }),
            ("Rewards paid", { String($0.rewardsPaid) }),
            ("Yen paid", { String($0.rewardAmountPaid) }),
            ("Internet reports received", { String($0.internetReportsReceived) }),
            ("Internet items (de-duplicated)", { String($0.internetItems) }),
            ("Judged illegal", { String($0.judgedIllegal) }),
            ("Deletion requested", { String($0.deletionRequested) }),
            ("Deleted", { String($0.deleted) }),
            ("Deletion rate", { $0.deletionRate.map { String(format: "%.0f%%", $0 * 100) } ?? "–" }),
            ("Median hours to deletion", { $0.medianHoursToDeletion.map { String(format: "%.1f", $0) } ?? "–" }),
        ]
        let labelWidth = rows.map(\.0.count).max() ?? 0
        var lines = ["Hot lines, fiscal year \(statistics.fiscalYear) (April \(statistics.fiscalYear) – March \(statistics.fiscalYear + 1))"]
        let widths = columns.map { column in max(column.0.count, rows.map { $0.1(column.1).count }.max() ?? 0) }
        func line(_ label: String, _ cells: [String]) -> String {
            label.padding(toLength: labelWidth, withPad: " ", startingAt: 0) + zip(cells, widths).map { cell, width in
                "  " + String(repeating: " ", count: max(0, width - cell.count)) + cell
            }.joined()
        }
        lines.append(line("Month", columns.map(\.0)))
        for (label, value) in rows { lines.append(line(label, columns.map { value($0.1) })) }
        return lines.joined(separator: "\n")
    }
}
