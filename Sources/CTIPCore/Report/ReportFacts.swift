/// What the annual report is computed from: counts and lists taken from the records of data year `year`
/// and `year − 1`, gathered by the storage layer in SQL (or, in tests, from records in memory).
///
/// Everything here is already evaluated *as of* the trial-status cut-off, so the report's rules
/// (`AnnualReportBuilder`) never see a date after it.
public struct ReportFacts: Sendable, Equatable {
    /// Victims sharing every attribute the report breaks them down by.
    public struct VictimGroup: Hashable, Sendable {
        public var sex: String
        public var nationality: String
        public var residenceStatus: String?
        public var exploitation: String
        /// `nil` when the age is unknown.
        public var minor: Bool?
        public init(sex: String, nationality: String, residenceStatus: String?, exploitation: String, minor: Bool?) {
            self.sex = sex; self.nationality = nationality; self.residenceStatus = residenceStatus
            self.exploitation = exploitation; self.minor = minor
        }
    }

    /// Suspects sharing every attribute the report breaks them down by, with the prosecution and trial
    /// as they stood at the cut-off.
    public struct SuspectGroup: Hashable, Sendable {
        public var sex: String
        public var nationality: String
        public var broker: Bool
        public var organizedCrime: Bool
        /// `nil` while undecided at the cut-off.
        public var disposition: Disposition?
        public var notProsecutedReason: NotProsecutedReason?
        /// For the prosecuted: the verdict at the cut-off (`pending` before a decision); `nil` otherwise.
        public var verdict: Verdict?
        public init(sex: String, nationality: String, broker: Bool, organizedCrime: Bool, disposition: Disposition?,
                    notProsecutedReason: NotProsecutedReason?, verdict: Verdict?) {
            self.sex = sex; self.nationality = nationality; self.broker = broker; self.organizedCrime = organizedCrime
            self.disposition = disposition; self.notProsecutedReason = notProsecutedReason; self.verdict = verdict
        }
    }

    /// One year's counts.
    public struct Year: Sendable, Equatable {
        public var victims: [VictimGroup: Int] = [:]
        public var suspects: [SuspectGroup: Int] = [:]
        public var clearedCases = 0
        /// Distinct victims with an event of each kind dated in the year.
        public var supportEvents: [SupportEvent: Int] = [:]
        /// Of the victims put under protection by the Immigration Services Agency in the year: how many
        /// held a status of residence, and how many were permitted to change it (by the cut-off).
        public var isaWithStatus = 0
        public var isaPermittedChange = 0
        public var deportationOrders = 0
        public init() {}
        public var hasRecords: Bool { !victims.isEmpty || !suspects.isEmpty || clearedCases > 0 }
    }

    /// A prosecuted person's charges and trial, as of the cut-off.
    public struct PersonTrial: Sendable, Equatable {
        public var suspectID: String
        public var arrestedOn: Day
        public var charges: [Charge]
        public var verdict: Verdict
        public var decidedOn: Day?
        public var imprisonmentMonths: Int?
        public var suspensionMonths: Int?
        public var fineYen: Int?
        public init(suspectID: String, arrestedOn: Day, charges: [Charge], verdict: Verdict, decidedOn: Day?,
                    imprisonmentMonths: Int?, suspensionMonths: Int?, fineYen: Int?) {
            self.suspectID = suspectID; self.arrestedOn = arrestedOn; self.charges = charges; self.verdict = verdict
            self.decidedOn = decidedOn; self.imprisonmentMonths = imprisonmentMonths
            self.suspensionMonths = suspensionMonths; self.fineYen = fineYen
        }
    }

    public struct Charge: Sendable, Hashable, Codable {
        public var offense: String
        public var detail: String?
        public init(offense: String, detail: String?) { self.offense = offense; self.detail = detail }
    }

    /// A person the previous report listed as awaiting trial, and the report that first listed them.
    public struct AwaitingPerson: Sendable, Equatable, Codable, Hashable {
        public var suspectID: String
        /// The year the report that first listed the person was approved in (data year + 1).
        public var firstReportedIn: Int
        public init(suspectID: String, firstReportedIn: Int) { self.suspectID = suspectID; self.firstReportedIn = firstReportedIn }
        enum CodingKeys: String, CodingKey { case suspectID = "suspectId", firstReportedIn }
    }

    public var year: Int
    public var asOf: Day
    public var current: Year
    public var previous: Year
    /// Table 2: the persons arrested in `year` and prosecuted by the cut-off, in (arrested_on, suspect_id) order.
    public var prosecuted: [PersonTrial]
    /// The previous report's list of persons awaiting trial: as published, or as computed from the records.
    public var awaitingInPreviousReport: [AwaitingPerson]
    public var previousReportIsPublished: Bool
    /// The trials of `awaitingInPreviousReport`'s persons as of this report's cut-off, in (arrested_on, suspect_id) order.
    public var carriedOver: [PersonTrial]
    /// Figures 3 and 6: history rows and case-level years merged.
    public var series: [AnnualTotals]
    /// Offense labels as the records' code list has them (the bundle's `offenses.csv`).
    public var offenses: [String: Offense]

    public init(year: Int, asOf: Day, current: Year, previous: Year, prosecuted: [PersonTrial],
                awaitingInPreviousReport: [AwaitingPerson], previousReportIsPublished: Bool, carriedOver: [PersonTrial],
                series: [AnnualTotals], offenses: [String: Offense]) {
        self.year = year; self.asOf = asOf; self.current = current; self.previous = previous; self.prosecuted = prosecuted
        self.awaitingInPreviousReport = awaitingInPreviousReport; self.previousReportIsPublished = previousReportIsPublished
        self.carriedOver = carriedOver; self.series = series; self.offenses = offenses
    }
}
