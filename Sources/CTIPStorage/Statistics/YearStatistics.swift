import CTIPCore
import SQLKit

/// Counts per calendar year taken in SQL (SQLKit), identical on SQLite and PostgreSQL.
public struct YearStatistics: Sendable {
    public let sql: any SQLDatabase
    public init(sql: any SQLDatabase) { self.sql = sql }


    /// Victims by `protected_on`, cases by `cleared_on`, suspects by `arrested_on`, per year.
    ///
    /// A count of each year's range on the table's date index, between the first and last year present:
    /// far cheaper on a million rows than grouping them by `substr(date, 1, 4)`. Years without a row are
    /// left out, as a grouping would.
    public func caseLevelCounts() async throws -> [Int: RecordCounts] {
        var result: [Int: RecordCounts] = [:]
        for (table, column, keyPath) in [("victims", "protected_on", \RecordCounts.victims), ("cases", "cleared_on", \RecordCounts.cases),
                                         ("suspects", "arrested_on", \RecordCounts.suspects)] {
            // Separate subqueries: SQLite finds a MIN or a MAX on an index only when it is alone.
            let span = try await sql.raw("""
                SELECT (SELECT MIN(\(ident: column)) FROM \(ident: table)) AS earliest, (SELECT MAX(\(ident: column)) FROM \(ident: table)) AS latest
                """).first()
            guard let earliest = try span?.decode(column: "earliest", as: String?.self).flatMap({ Int($0.prefix(4)) }),
                  let latest = try span?.decode(column: "latest", as: String?.self).flatMap({ Int($0.prefix(4)) }), earliest <= latest else { continue }
            // One range count per year, at most 250 in one statement: SQLite refuses a compound SELECT of
            // more than 500 terms, and one record dated centuries away must not break the statistics.
            for years in Array(earliest...latest).inListChunks {
                let counts: [SQLQueryString] = years.map { year in
                    """
                    SELECT \(literal: year) AS year, COUNT(*) AS n FROM \(ident: table)
                    WHERE \(ident: column) >= \(bind: Self.yearStart(year)) AND \(ident: column) < \(bind: Self.yearStart(year + 1))
                    """
                }
                for row in try await sql.raw(counts.joined(separator: " UNION ALL ")).all() {
                    let n = try row.decode(column: "n", as: Int.self)
                    if n > 0 { result[try row.decode(column: "year", as: Int.self), default: RecordCounts()][keyPath: keyPath] = n }
                }
            }
        }
        return result
    }

    /// The nationalities of the victims protected in the last `years` years that have records, most
    /// frequent first (ties by code): what a new file's form offers first. Japanese nationals included.
    public func frequentNationalities(years: Int = 3, limit: Int = 12) async throws -> [String] {
        guard let latest = try await sql.raw("SELECT MAX(protected_on) AS latest FROM victims").first()?
            .decode(column: "latest", as: String?.self).flatMap({ Int($0.prefix(4)) }) else { return [] }
        return try await sql.raw("""
            SELECT nationality, COUNT(*) AS n FROM victims WHERE protected_on >= \(bind: Self.yearStart(latest - years + 1))
            GROUP BY nationality ORDER BY n DESC, nationality LIMIT \(literal: limit)
            """).all().map { try $0.decode(column: "nationality", as: String.self) }
    }

    /// `YYYY-01-01`: dates are ISO text, so a year is the range from its first day to the next year's.
    /// `2024-01-01`: where a year's days begin in the text order dates are kept in (year 10000, the end
    /// of year 9999, sorts after every date).
    static func yearStart(_ year: Int) -> String { year > 9999 ? "9999-12-31~" : String(format: "%04d-01-01", year) }

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
