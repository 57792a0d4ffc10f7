import Foundation

/// Japan's fiscal year: FY2023 runs from April 2023 to March 2024 (the seed's "FY2021–FY2023").
public struct FiscalYear: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let year: Int
    public init(_ year: Int) { self.year = year }

    /// The fiscal year of a month in Japan.
    public init(containing month: HotlineMonth) { year = month.month >= 4 ? month.year : month.year - 1 }

    /// April to March, in order.
    public var months: [HotlineMonth] {
        (4...12).map { HotlineMonth(year: year, month: $0) } + (1...3).map { HotlineMonth(year: year + 1, month: $0) }
    }

    public var description: String { "FY\(year)" }
    public static func < (left: FiscalYear, right: FiscalYear) -> Bool { left.year < right.year }
}

/// A calendar month in Japan, stored as `2023-04`: what statistics group by.
public struct HotlineMonth: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public init(year: Int, month: Int) { self.year = year; self.month = month }

    public init(_ time: JapanTime) { let day = time.day; year = day.year; month = day.month }

    public init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month) else { return nil }
        self.year = year; self.month = month
    }

    public var description: String { String(format: "%04d-%02d", year, month) }
    public static func < (left: HotlineMonth, right: HotlineMonth) -> Bool { (left.year, left.month) < (right.year, right.month) }
}

/// What the statistics need of one tip: no text, no place finer than the prefecture.
public struct TipFact: Sendable, Equatable {
    public var month: HotlineMonth
    public var category: TipCategory
    public var forwarded: Bool
    public var outcome: PoliceOutcome?
    public var reward: RewardState
    public var rewardAmount: Int
    public init(month: HotlineMonth, category: TipCategory, forwarded: Bool, outcome: PoliceOutcome?, reward: RewardState, rewardAmount: Int) {
        self.month = month; self.category = category; self.forwarded = forwarded; self.outcome = outcome
        self.reward = reward; self.rewardAmount = rewardAmount
    }
}

/// What the statistics need of one internet item (all reports of the same content), counted in the month
/// it was first reported.
public struct InternetItemFact: Sendable, Equatable {
    public var month: HotlineMonth
    public var reports: Int
    public var category: InternetCategory
    public var judgement: InternetJudgement
    public var deletionRequested: Bool
    /// Seconds from the deletion request to the deletion, when it was deleted.
    public var secondsToDeletion: Int?
    public init(month: HotlineMonth, reports: Int, category: InternetCategory, judgement: InternetJudgement, deletionRequested: Bool, secondsToDeletion: Int?) {
        self.month = month; self.reports = reports; self.category = category; self.judgement = judgement
        self.deletionRequested = deletionRequested; self.secondsToDeletion = secondsToDeletion
    }
}

/// The figures of one period (a month or the whole fiscal year).
public struct HotlineFigures: Sendable, Equatable, Codable {
    public var tipsReceived = 0
    public var tipsByCategory: [String: Int] = Dictionary(uniqueKeysWithValues: TipCategory.allCases.map { ($0.rawValue, 0) })
    public var tipsForwarded = 0
    public var outcomes: [String: Int] = Dictionary(uniqueKeysWithValues: PoliceOutcome.allCases.map { ($0.rawValue, 0) })
    public var rewardsDecided = 0
    public var rewardsPaid = 0
    public var rewardAmountPaid = 0
    public var internetReportsReceived = 0
    public var internetItems = 0
    public var internetByCategory: [String: Int] = Dictionary(uniqueKeysWithValues: InternetCategory.allCases.map { ($0.rawValue, 0) })
    public var judgedIllegal = 0
    public var deletionRequested = 0
    public var deleted = 0
    /// Deleted ÷ deletion requested; nil when nothing was requested.
    public var deletionRate: Double?
    /// Median hours from request to deletion; nil when nothing was deleted.
    public var medianHoursToDeletion: Double?

    public init() {}
}

/// Statistics of one fiscal year, in total and by month (April first).
public struct HotlineStatistics: Sendable, Equatable, Codable {
    public struct Month: Sendable, Equatable, Codable {
        public var month: String
        public var figures: HotlineFigures
    }
    public var fiscalYear: Int
    public var total: HotlineFigures
    public var months: [Month]

    /// Counts the facts that fall in the fiscal year; others are ignored.
    public init(fiscalYear: FiscalYear, tips: [TipFact], internetItems: [InternetItemFact]) {
        self.fiscalYear = fiscalYear.year
        var total = HotlineFigures()
        var byMonth = Dictionary(uniqueKeysWithValues: fiscalYear.months.map { ($0, HotlineFigures()) })
        var durations: [HotlineMonth: [Int]] = [:]
        var allDurations: [Int] = []
        for tip in tips where byMonth[tip.month] != nil {
            Self.count(tip, into: &total)
            Self.count(tip, into: &byMonth[tip.month]!)
        }
        for item in internetItems where byMonth[item.month] != nil {
            Self.count(item, into: &total)
            Self.count(item, into: &byMonth[item.month]!)
            if let seconds = item.secondsToDeletion { durations[item.month, default: []].append(seconds); allDurations.append(seconds) }
        }
        Self.finish(&total, durations: allDurations)
        for month in fiscalYear.months { Self.finish(&byMonth[month]!, durations: durations[month] ?? []) }
        self.total = total
        months = fiscalYear.months.map { Month(month: $0.description, figures: byMonth[$0]!) }
    }

    static func count(_ tip: TipFact, into figures: inout HotlineFigures) {
        figures.tipsReceived += 1
        figures.tipsByCategory[tip.category.rawValue, default: 0] += 1
        if tip.forwarded { figures.tipsForwarded += 1 }
        if let outcome = tip.outcome { figures.outcomes[outcome.rawValue, default: 0] += 1 }
        if [.decided, .claimed, .paid].contains(tip.reward) { figures.rewardsDecided += 1 }
        if tip.reward == .paid { figures.rewardsPaid += 1; figures.rewardAmountPaid += tip.rewardAmount }
    }

    static func count(_ item: InternetItemFact, into figures: inout HotlineFigures) {
        figures.internetReportsReceived += item.reports
        figures.internetItems += 1
        figures.internetByCategory[item.category.rawValue, default: 0] += 1
        if item.judgement == .illegal { figures.judgedIllegal += 1 }
        if item.deletionRequested { figures.deletionRequested += 1 }
        if item.secondsToDeletion != nil { figures.deleted += 1 }
    }

    static func finish(_ figures: inout HotlineFigures, durations: [Int]) {
        figures.deletionRate = figures.deletionRequested == 0 ? nil : Double(figures.deleted) / Double(figures.deletionRequested)
        figures.medianHoursToDeletion = median(durations).map { $0 / 3600 }
    }

    /// The middle value; the mean of the two middle ones for an even count.
    public static func median(_ values: [Int]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[middle]) : (Double(sorted[middle - 1]) + Double(sorted[middle])) / 2
    }

    /// The JSON of `ctip hotline stats --json` and the staff page's download: keys sorted, stable.
    public func json() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return (try? encoder.encode(self)) ?? Data()
    }
}
