import CTIPCore
import SQLKit

/// Counts per calendar year taken in SQL (SQLKit), identical on SQLite and PostgreSQL.
public struct YearStatistics: Sendable {
    public let sql: any SQLDatabase
    public init(sql: any SQLDatabase) { self.sql = sql }


    /// Victims by `protected_on`, cases by `cleared_on`, suspects by `arrested_on`, per year.
    public func caseLevelCounts() async throws -> [Int: RecordCounts] {
        var result: [Int: RecordCounts] = [:]
        for (table, column, keyPath) in [("victims", "protected_on", \RecordCounts.victims), ("cases", "cleared_on", \RecordCounts.cases),
                                         ("suspects", "arrested_on", \RecordCounts.suspects)] {
            let rows = try await sql.raw("SELECT substr(\(ident: column), 1, 4) AS year, COUNT(*) AS n FROM \(ident: table) GROUP BY substr(\(ident: column), 1, 4)").all()
            for row in rows {
                guard let year = Int(try row.decode(column: "year", as: String.self)) else { continue }
                result[year, default: RecordCounts()][keyPath: keyPath] = try row.decode(column: "n", as: Int.self)
            }
        }
        return result
    }

    public func historyRows() async throws -> [HistoryRecord] {
        try await sql.select().columns("year", "victims", "cleared_cases", "cleared_suspects").from("history").orderBy("year").all()
            .map { try HistoryRecord(row: $0, caseIDs: []) }
    }

    /// Figures 3 and 6's series: history rows and case-level years merged.
    public func annualSeries() async throws -> [AnnualTotals] {
        CTIPCore.annualSeries(history: try await historyRows(), records: try await caseLevelCounts())
    }

    /// Total rows per table, for the home page and the import summary.
    public func tableSizes() async throws -> [String: Int] {
        var sizes: [String: Int] = [:]
        for table in ["cases", "victims", "suspects", "charges", "trials", "support_events", "history", "offenses"] {
            sizes[table] = try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()?.decode(column: "n", as: Int.self) ?? 0
        }
        return sizes
    }
}
