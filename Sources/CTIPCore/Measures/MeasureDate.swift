/// A date at the precision its source gives: "2006" (a year), "July 2006" (`2006-07`), "July 11, 2017"
/// (`2017-07-11`). The report dates agreements, meetings and projects by month as often as by day, and
/// CTIP keeps what was said rather than inventing a day.
public struct MeasureDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int?
    public let day: Int?

    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]), (1800...2200).contains(year) else { return nil }
        var month: Int?, day: Int?
        if parts.count >= 2 {
            guard parts[1].count == 2, let value = Int(parts[1]), (1...12).contains(value) else { return nil }
            month = value
        }
        if parts.count == 3 {
            guard parts[2].count == 2, let value = Int(parts[2]), Day(year: year, month: month!, day: value) != nil else { return nil }
            day = value
        }
        self.year = year; self.month = month; self.day = day
    }

    public var description: String {
        var text = String(year)
        if let month { text += "-" + (month < 10 ? "0" : "") + String(month) }
        if let day { text += "-" + (day < 10 ? "0" : "") + String(day) }
        return text
    }

    /// The first day the date can mean.
    public var firstDay: Day { Day(year: year, month: month ?? 1, day: day ?? 1)! }
    /// The last day the date can mean.
    public var lastDay: Day {
        let month = self.month ?? 12
        return Day(year: year, month: month, day: day ?? Day.daysIn(month: month, year: year))!
    }

    /// "July 2006", "11 July 2017", "2006"; 「2006年7月」.
    public func written(in language: Language) -> String {
        switch (language, month, day) {
        case (.ja, nil, _): "\(year)年"
        case (.ja, let month?, nil): "\(year)年\(month)月"
        case (.ja, let month?, let day?): "\(year)年\(month)月\(day)日"
        case (_, nil, _): String(year)
        case (_, let month?, nil): "\(Day.englishMonths[month - 1]) \(year)"
        case (_, let month?, let day?): "\(day) \(Day.englishMonths[month - 1]) \(year)"
        }
    }

    public static func < (lhs: MeasureDate, rhs: MeasureDate) -> Bool {
        (lhs.firstDay, lhs.lastDay) < (rhs.firstDay, rhs.lastDay)
    }
}

/// The period a tally covers: a calendar year (`2024`) or a fiscal year (`FY2024`, April 2024 to March 2025).
public enum MeasurePeriod: Sendable, Hashable, Comparable, CustomStringConvertible {
    case year(Int)
    case fiscalYear(Int)

    public init?(_ text: some StringProtocol) {
        if text.hasPrefix("FY") {
            guard let year = Int(text.dropFirst(2)), (1800...2200).contains(year), text.count == 6 else { return nil }
            self = .fiscalYear(year)
        } else {
            guard text.count == 4, let year = Int(text), (1800...2200).contains(year) else { return nil }
            self = .year(year)
        }
    }

    public var description: String {
        switch self {
        case .year(let year): String(year)
        case .fiscalYear(let year): "FY\(year)"
        }
    }

    public var firstDay: Day {
        switch self {
        case .year(let year): Day(year: year, month: 1, day: 1)!
        case .fiscalYear(let year): Day(year: year, month: 4, day: 1)!
        }
    }

    public var lastDay: Day {
        switch self {
        case .year(let year): Day(year: year, month: 12, day: 31)!
        case .fiscalYear(let year): Day(year: year + 1, month: 3, day: 31)!
        }
    }

    /// The period of a day of this kind: the calendar or the fiscal year it falls in.
    public func sameKind(containing day: Day) -> MeasurePeriod {
        switch self {
        case .year: .year(day.year)
        case .fiscalYear: .fiscalYear(day.month >= 4 ? day.year : day.year - 1)
        }
    }

    public var reportPeriod: ReportFigure.Period {
        switch self {
        case .year(let year): .year(year)
        case .fiscalYear(let year): .fiscalYear(year)
        }
    }

    public var number: Int {
        switch self {
        case .year(let year), .fiscalYear(let year): year
        }
    }

    public static func < (lhs: MeasurePeriod, rhs: MeasurePeriod) -> Bool { (lhs.firstDay, lhs.lastDay) < (rhs.firstDay, rhs.lastDay) }
}
