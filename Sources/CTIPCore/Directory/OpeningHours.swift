/// When a service answers, in Japan time, written in a small text form that staff can read and edit:
///
///     weekdays 17:00-22:00; sat,sun,holidays 09:00-21:00; closed 12-28..01-03
///
/// Items are separated by `;`. A schedule item is `DAYS TIMES`: DAYS is a comma list of `mon`…`sun`,
/// `weekdays` (Monday to Friday that are not national holidays), `weekends`, `holidays` (national
/// holidays, substitute and citizens' holidays), `daily`, or `fri#3` (the third Friday of the month);
/// TIMES is a comma list of `HH:MM-HH:MM` (an end at or before the start runs past midnight into the
/// next day; `24:00` is the end of the day) or `24h`. `closed MM-DD..MM-DD` closes every year between
/// those days inclusive (it may wrap the new year); a closed day starts no hours. The whole text may
/// also be `24h` (always open) or `unknown` (the seed does not say: never shown as open or closed).
public struct OpeningHours: Sendable, Hashable, CustomStringConvertible {
    public enum DaySelector: Sendable, Hashable {
        case weekday(Weekday)
        case weekdaysExceptHolidays, weekends, holidays, daily
        case nthWeekday(Int, Weekday)
    }

    /// Minutes after midnight of the day the range starts on; `end` may exceed 1440.
    public struct TimeRange: Sendable, Hashable {
        public let start: Int
        public let end: Int
    }

    public struct Schedule: Sendable, Hashable {
        public let days: [DaySelector]
        public let ranges: [TimeRange]
    }

    /// A yearly closure between two month-days, inclusive.
    public struct AnnualClosure: Sendable, Hashable {
        public let fromMonth: Int, fromDay: Int, toMonth: Int, toDay: Int
        func contains(_ day: Day) -> Bool {
            let key = day.month * 100 + day.day
            let from = fromMonth * 100 + fromDay, to = toMonth * 100 + toDay
            return from <= to ? (from...to).contains(key) : (key >= from || key <= to)
        }
    }

    public let schedules: [Schedule]
    public let closures: [AnnualClosure]
    /// False for `unknown`: the hours are not known.
    public let isKnown: Bool
    /// The text it was read from, normalised (what is stored and exported).
    public let description: String

    public static let unknown = try! OpeningHours("unknown")
    public static let always = try! OpeningHours("24h")

    public init(_ text: String) throws(OpeningHoursSyntaxError) {
        let normalised = text.trimmingSpaces().lowercased()
        description = normalised.isEmpty ? "unknown" : normalised
        guard !normalised.isEmpty, normalised != "unknown" else {
            schedules = []; closures = []; isKnown = false
            return
        }
        isKnown = true
        if normalised == "24h" {
            schedules = [Schedule(days: [.daily], ranges: [TimeRange(start: 0, end: 1440)])]
            closures = []
            return
        }
        var schedules: [Schedule] = []
        var closures: [AnnualClosure] = []
        for (index, rawItem) in normalised.split(separator: ";").enumerated() {
            let item = String(rawItem).trimmingSpaces()
            func fail(_ reason: String) -> OpeningHoursSyntaxError {
                OpeningHoursSyntaxError(text: text, item: index + 1, reason: reason)
            }
            let words = item.split(separator: " ", omittingEmptySubsequences: true)
            guard words.count == 2 else { throw fail("expected DAYS TIMES (e.g. \"weekdays 09:00-17:00\") or \"closed MM-DD..MM-DD\", found \"\(item)\"") }
            if words[0] == "closed" {
                let ends = words[1].split(separator: ".", omittingEmptySubsequences: true)
                guard ends.count == 2, let from = Self.monthDay(ends[0]), let to = Self.monthDay(ends[1]) else {
                    throw fail("expected \"closed MM-DD..MM-DD\", found \"\(item)\"")
                }
                closures.append(AnnualClosure(fromMonth: from.0, fromDay: from.1, toMonth: to.0, toDay: to.1))
                continue
            }
            var days: [DaySelector] = []
            for name in words[0].split(separator: ",") {
                guard let selector = Self.selector(name) else {
                    throw fail("unknown day \"\(name)\"; use mon…sun, weekdays, weekends, holidays, daily or fri#3")
                }
                days.append(selector)
            }
            var ranges: [TimeRange] = []
            for rangeText in words[1].split(separator: ",") {
                if rangeText == "24h" { ranges.append(TimeRange(start: 0, end: 1440)); continue }
                let ends = rangeText.split(separator: "-")
                guard ends.count == 2, let start = Self.minutes(ends[0]), let end = Self.minutes(ends[1]), start < 1440 else {
                    throw fail("expected times as HH:MM-HH:MM or 24h, found \"\(rangeText)\"")
                }
                ranges.append(TimeRange(start: start, end: end <= start ? end + 1440 : end))
            }
            schedules.append(Schedule(days: days, ranges: ranges))
        }
        self.schedules = schedules
        self.closures = closures
    }

    private static func selector(_ name: Substring) -> DaySelector? {
        let weekdays: [Substring: Weekday] = ["sun": .sunday, "mon": .monday, "tue": .tuesday, "wed": .wednesday,
                                              "thu": .thursday, "fri": .friday, "sat": .saturday]
        switch name {
        case "weekdays": return .weekdaysExceptHolidays
        case "weekends": return .weekends
        case "holidays": return .holidays
        case "daily": return .daily
        default:
            if let weekday = weekdays[name] { return .weekday(weekday) }
            let parts = name.split(separator: "#")
            if parts.count == 2, let weekday = weekdays[parts[0]], let nth = Int(parts[1]), (1...5).contains(nth) {
                return .nthWeekday(nth, weekday)
            }
            return nil
        }
    }

    private static func minutes(_ text: Substring) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              let hours = Int(parts[0]), let minutes = Int(parts[1]), (0...24).contains(hours), (0..<60).contains(minutes),
              hours * 60 + minutes <= 1440 else { return nil }
        return hours * 60 + minutes
    }

    private static func monthDay(_ text: Substring) -> (Int, Int)? {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let month = Int(parts[0]), let day = Int(parts[1]),
              Day(year: 2024, month: month, day: day) != nil else { return nil }
        return (month, day)
    }

    func matches(_ selector: DaySelector, _ day: Day) -> Bool {
        switch selector {
        case .daily: return true
        case .weekday(let weekday): return day.weekday == weekday
        case .weekends: return day.weekday.isWeekend
        case .holidays: return JapaneseHolidays.isHoliday(day)
        case .weekdaysExceptHolidays: return !day.weekday.isWeekend && !JapaneseHolidays.isHoliday(day)
        case .nthWeekday(let nth, let weekday): return day.weekday == weekday && (day.day - 1) / 7 + 1 == nth
        }
    }

    /// The ranges that start on `day` (minutes after its midnight, possibly past 1440).
    public func ranges(startingOn day: Day) -> [TimeRange] {
        guard !closures.contains(where: { $0.contains(day) }) else { return [] }
        return schedules.filter { schedule in schedule.days.contains { matches($0, day) } }.flatMap(\.ranges)
    }

    /// How far ahead `status(at:)` looks for the next opening: covers a monthly `fri#3` and the New Year.
    static let horizonDays = 40

    /// Open or closed at `instant`, with when that changes (nil: not within the next 40 days).
    public func status(at instant: JapanTime) -> OpenStatus {
        guard isKnown else { return .unknown }
        let today = instant.day
        // Minutes relative to today's midnight; yesterday's late ranges reach into today.
        var spans: [(start: Int, end: Int)] = []
        for offset in -1...Self.horizonDays {
            let base = offset * 1440
            for range in ranges(startingOn: today.adding(days: offset)) {
                spans.append((base + range.start, base + range.end))
            }
        }
        spans.sort { $0.start < $1.start }
        var merged: [(start: Int, end: Int)] = []
        for span in spans {
            if let last = merged.last, span.start <= last.end {
                merged[merged.count - 1].end = max(last.end, span.end)
            } else {
                merged.append(span)
            }
        }
        let now = instant.minuteOfDay
        let horizonEnd = (Self.horizonDays + 1) * 1440
        func time(_ minute: Int) -> JapanTime { JapanTime(day: today, minute: minute) }
        if let current = merged.first(where: { $0.start <= now && now < $0.end }) {
            return .open(closesAt: current.end >= horizonEnd ? nil : time(current.end))
        }
        return .closed(opensAt: merged.first { $0.start > now }.map { time($0.start) })
    }
}

public enum OpenStatus: Sendable, Hashable {
    /// Open; `closesAt` nil when it does not close (24 hours).
    case open(closesAt: JapanTime?)
    /// Closed; `opensAt` nil when no opening is scheduled soon.
    case closed(opensAt: JapanTime?)
    /// The hours are not known: call or check the website.
    case unknown

    public var isOpen: Bool? {
        switch self {
        case .open: return true
        case .closed: return false
        case .unknown: return nil
        }
    }
}

public struct OpeningHoursSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public let text: String
    /// 1-based item (between `;`).
    public let item: Int
    public let reason: String
    public var description: String { "opening hours \"\(text)\", item \(item): \(reason)" }
}
