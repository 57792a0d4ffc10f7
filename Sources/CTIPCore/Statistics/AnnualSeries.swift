/// One year of the long series (Figures 3 and 6): victims, cleared cases and cleared suspects.
public struct AnnualTotals: Sendable, Equatable, Codable {
    public enum Source: String, Sendable, Codable, CaseIterable { case records, history }
    public let year: Int
    public let victims: Int?
    public let clearedCases: Int?
    public let clearedSuspects: Int?
    public let source: Source
    /// Where records and a history row disagree for a year counted from records.
    public let differsFromHistory: Bool

    public init(year: Int, victims: Int?, clearedCases: Int?, clearedSuspects: Int?, source: Source, differsFromHistory: Bool) {
        self.year = year; self.victims = victims; self.clearedCases = clearedCases; self.clearedSuspects = clearedSuspects
        self.source = source; self.differsFromHistory = differsFromHistory
    }
}

/// Counts of case-level records in one year.
public struct RecordCounts: Sendable, Equatable {
    public var victims: Int
    public var cases: Int
    public var suspects: Int
    public init(victims: Int = 0, cases: Int = 0, suspects: Int = 0) {
        self.victims = victims; self.cases = cases; self.suspects = suspects
    }
}

/// Merges yearly history rows with case-level counts.
///
/// A year is counted from its records when it has victim records (the unit the series is about) or no
/// history row; there the records win over history, as bundle.md says. A year with a history row and
/// no victim records keeps its published totals: its few records are persons carried in the bundle only
/// because their trials ran on (the reference bundle's 2020 and 2022).
public func annualSeries(history: [HistoryRecord], records: [Int: RecordCounts]) -> [AnnualTotals] {
    let historyByYear = Dictionary(history.map { ($0.year, $0) }, uniquingKeysWith: { first, _ in first })
    let years = Set(historyByYear.keys).union(records.keys).sorted()
    return years.map { year in
        let counted = records[year] ?? RecordCounts()
        if let row = historyByYear[year], counted.victims == 0 {
            return AnnualTotals(year: year, victims: row.victims, clearedCases: row.clearedCases, clearedSuspects: row.clearedSuspects,
                                source: .history, differsFromHistory: false)
        }
        let row = historyByYear[year]
        let differs = row.map { ($0.victims.map { $0 != counted.victims } ?? false)
            || ($0.clearedCases.map { $0 != counted.cases } ?? false)
            || ($0.clearedSuspects.map { $0 != counted.suspects } ?? false) } ?? false
        return AnnualTotals(year: year, victims: counted.victims, clearedCases: counted.cases, clearedSuspects: counted.suspects,
                            source: .records, differsFromHistory: differs)
    }
}
