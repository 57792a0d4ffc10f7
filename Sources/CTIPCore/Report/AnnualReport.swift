import Foundation

/// Section 2 of the annual report as numbers: every count, row and group. The prose, tables and figures
/// of every format and language are rendered from this value alone, so they can never disagree with it;
/// its JSON form (`--format json`, `/api/reports/Y`) is the report's single source.
public struct AnnualReport: Codable, Sendable, Equatable {
    public static let schemaName = "ctip.annual-report/1"

    public var schema: String = AnnualReport.schemaName
    /// The data year: the report approved in `approvedIn` holds the statistics of `year`.
    public var year: Int
    public var approvedIn: Int
    /// Trial status and prosecution decisions are counted as of this day.
    public var asOf: Day
    /// The language of the `label` and `text` fields; numbers do not depend on it.
    public var language: String
    /// How the comparison year is known: `records`, `history` (published totals only) or `none`.
    public var previousYearSource: String
    public var hasRecords: Bool
    public var notices: [Notice]
    public var victims: VictimFigures
    public var suspects: SuspectFigures
    public var carryOver: [CarryOverGroup]
    /// Where the previous report's list of persons awaiting trial comes from: `published_edition`, or
    /// `records` (computed by the rule) when that report was not published in CTIP.
    public var carryOverFrom: String
    public var tables: [TrialTable]
    public var series: [AnnualTotals]

    public var previousYear: Int { year - 1 }

    /// Something the reader must know to read the figures right (missing data, an unusual cut-off).
    public struct Notice: Codable, Sendable, Equatable {
        public enum Kind: String, Codable, Sendable, CaseIterable {
            case noRecords = "no_records"
            case noPreviousYear = "no_previous_year"
            case previousYearFromHistory = "previous_year_from_history"
            case cutOffBeforeYearEnd = "cut_off_before_year_end"
            case historyDiffers = "history_differs"
            case undecidedProsecutions = "undecided_prosecutions"
            case unknownAges = "unknown_ages"
        }
        public var kind: Kind
        public var count: Int?
        public var text: String
        public init(kind: Kind, count: Int? = nil, text: String) { self.kind = kind; self.count = count; self.text = text }
    }

    /// A count in the data year and, where the previous year is known, in that year.
    public struct Compared: Codable, Sendable, Equatable {
        public var count: Int
        public var previous: Int?
        public init(count: Int, previous: Int?) { self.count = count; self.previous = previous }
        public var change: Int? { previous.map { count - $0 } }
    }

    /// One category of a breakdown (a sex, a nationality, a status of residence, a form of exploitation).
    public struct Part: Codable, Sendable, Equatable {
        public var code: String
        public var label: String
        public var count: Int
        public var previous: Int?
        public init(code: String, label: String, count: Int, previous: Int?) {
            self.code = code; self.label = label; self.count = count; self.previous = previous
        }
        public var compared: Compared { Compared(count: count, previous: previous) }
    }

    public struct VictimFigures: Codable, Sendable, Equatable {
        public var total: Compared
        public var bySex: [Part]
        public var japanese: Compared
        /// Japanese victims as a share of all victims, in percent (unrounded).
        public var japaneseSharePercent: Double?
        public var foreign: Compared
        public var foreignByNationality: [Part]
        public var foreignByResidenceStatus: [Part]
        public var immigrationProtection: ImmigrationProtection
        public var minors: Compared
        public var minorsByNationality: [Part]
        public var ageUnknown: Int
        public var byExploitation: [Part]
        public var womenSupportCenterProtection: Compared
        public var iomVoluntaryReturns: Compared
        /// Figure 4: every nationality or region, Japanese included.
        public var byNationality: [Part]
    }

    public struct ImmigrationProtection: Codable, Sendable, Equatable {
        public var protected: Int
        public var withStatusOfResidence: Int
        public var permittedToChangeStatus: Int
    }

    public struct SuspectFigures: Codable, Sendable, Equatable {
        public var clearedCases: Compared
        public var arrested: Compared
        public var bySex: [Part]
        /// Every nationality or region, Japanese included (Figure 7).
        public var byNationality: [Part]
        public var brokers: Compared
        public var organizedCrime: Compared
        public var prosecuted: Int
        public var notProsecuted: Int
        public var notProsecutedForEvidence: Int
        /// Arrested in the year, with no prosecution decision by the cut-off.
        public var undecided: Int
        public var outcomes: Outcomes
        public var deportationOrders: Compared
    }

    /// What became of a group of prosecuted persons by the cut-off.
    public struct Outcomes: Codable, Sendable, Equatable {
        public var guilty = 0
        public var pending = 0
        public var notGuilty = 0
        public var dismissed = 0
        public var protectiveMeasure = 0
        public init() {}
        public var total: Int { guilty + pending + notGuilty + dismissed + protectiveMeasure }
        public mutating func add(_ verdict: Verdict, count: Int = 1) {
            switch verdict {
            case .guilty: guilty += count
            case .pending: pending += count
            case .notGuilty: notGuilty += count
            case .dismissed: dismissed += count
            case .protectiveMeasure: protectiveMeasure += count
            }
        }
    }

    /// The persons an earlier report listed as awaiting trial, and their trials as of this cut-off.
    public struct CarryOverGroup: Codable, Sendable, Equatable {
        /// The approval year of the report that first listed them as awaiting trial.
        public var firstReportedIn: Int
        /// For older groups: the approval year of the previous report, which still listed them.
        public var stillAwaitingIn: Int?
        public var persons: Int
        public var outcomes: Outcomes
        /// The number of the table that lists them.
        public var table: Int
    }

    public struct TrialTable: Codable, Sendable, Equatable {
        public enum Kind: String, Codable, Sendable, CaseIterable { case prosecuted, carryOver = "carry_over" }
        public var number: Int
        public var kind: Kind
        public var firstReportedIn: Int?
        public var stillAwaitingIn: Int?
        public var rows: [TrialRow]
    }

    public struct TrialRow: Codable, Sendable, Equatable {
        public var number: Int
        public var suspectID: String
        public var arrestedOn: Day
        public var charges: [ReportFacts.Charge]
        /// The charges as the table prints them ("Violation of the Child Welfare Act, assault").
        public var offenses: String
        public var verdict: Verdict
        public var decidedOn: Day?
        public var imprisonmentMonths: Int?
        public var suspensionMonths: Int?
        public var fineYen: Int?
        /// The result as the table prints it ("1 year 6 months imprisonment, suspension of 3 years", "Pending trial").
        public var result: String

        // `suspectId` so that snake_case conversion gives `suspect_id` both ways.
        enum CodingKeys: String, CodingKey {
            case number, suspectID = "suspectId", arrestedOn, charges, offenses, verdict, decidedOn
            case imprisonmentMonths, suspensionMonths, fineYen, result
        }
    }
}

extension Verdict: Codable {}
extension Disposition: Codable {}

extension AnnualReport {
    /// The JSON form: snake_case keys, sorted, indented: the same report always gives the same bytes,
    /// those of `JSONEncoder` with those options (see `ReportJSONWriter`).
    public func jsonData() throws -> Data {
        let rows = tables.reduce(0) { $0 + $1.rows.count }
        var writer = ReportJSONWriter(capacity: 64 * 1024 + 640 * rows)
        write(to: &writer)
        return Data(writer.bytes)
    }

    public static func decode(json: Data) throws -> AnnualReport {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(AnnualReport.self, from: json)
    }
}
