import Foundation

/// The plain-text table of `ctip hotline stats` and the staff page: one column per month, then the year.
public enum HotlineStatisticsTable {
    public static func render(_ statistics: HotlineStatistics) -> String {
        let columns = statistics.months.map { (String($0.month.suffix(2)), $0.figures) } + [("FY\(statistics.fiscalYear)", statistics.total)]
        typealias Row = (label: String, value: (HotlineFigures) -> String)
        var rows: [Row] = [("Tips received", { String($0.tipsReceived) })]
        for category in TipCategory.allCases {
            rows.append(("  " + category.rawValue, { String($0.tipsByCategory[category.rawValue] ?? 0) }))
        }
        rows.append(("Forwarded to the police", { String($0.tipsForwarded) }))
        for outcome in PoliceOutcome.allCases {
            rows.append(("  " + outcome.rawValue, { String($0.outcomes[outcome.rawValue] ?? 0) }))
        }
        rows.append(("Rewards decided", { String($0.rewardsDecided) }))
        rows.append(("Rewards paid", { String($0.rewardsPaid) }))
        rows.append(("Yen paid", { String($0.rewardAmountPaid) }))
        rows.append(("Internet reports received", { String($0.internetReportsReceived) }))
        rows.append(("Internet items (de-duplicated)", { String($0.internetItems) }))
        rows.append(("Judged illegal", { String($0.judgedIllegal) }))
        rows.append(("Deletion requested", { String($0.deletionRequested) }))
        rows.append(("Deleted", { String($0.deleted) }))
        rows.append(("Deletion rate", { figures in figures.deletionRate.map { String(format: "%.0f%%", $0 * 100) } ?? "–" }))
        rows.append(("Median hours to deletion", { figures in figures.medianHoursToDeletion.map { String(format: "%.1f", $0) } ?? "–" }))
        let labelWidth = rows.map { $0.label.count }.max() ?? 0
        var lines = ["Hot lines, fiscal year \(statistics.fiscalYear) (April \(statistics.fiscalYear) – March \(statistics.fiscalYear + 1))"]
        let widths: [Int] = columns.map { column in max(column.0.count, rows.map { $0.value(column.1).count }.max() ?? 0) }
        func line(_ label: String, _ cells: [String]) -> String {
            label.padding(toLength: labelWidth, withPad: " ", startingAt: 0) + zip(cells, widths).map { cell, width in
                "  " + String(repeating: " ", count: max(0, width - cell.count)) + cell
            }.joined()
        }
        lines.append(line("Month", columns.map(\.0)))
        for row in rows { lines.append(line(row.label, columns.map { row.value($0.1) })) }
        return lines.joined(separator: "\n")
    }
}
