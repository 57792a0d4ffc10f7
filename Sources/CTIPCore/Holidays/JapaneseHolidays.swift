import Foundation

/// A day off by the Act on National Holidays (国民の祝日に関する法律, Act No. 178 of 1948) and its
/// amendments and special acts: the holidays themselves, substitute holidays and citizens' holidays.
public struct NationalHoliday: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable { case holiday, substitute, citizens }
    public let day: Day
    public let kind: Kind
    /// The name in the law (Japanese).
    public let name: String
    /// The customary English name.
    public let nameEN: String

    public var description: String { "\(day) \(name)" }
}

/// The year is outside the range the equinox formula is published for.
public struct HolidayYearOutOfRange: Error, Sendable, CustomStringConvertible {
    public let year: Int
    public init(year: Int) { self.year = year }
    public var description: String {
        "year \(year) is outside \(JapaneseHolidays.supportedYears.lowerBound)–\(JapaneseHolidays.supportedYears.upperBound): "
            + "the law took effect in July 1948 (its first full year is 1949) and the equinox formula is published up to 2150"
    }
}

/// Japan's national holidays for any year from 1949 to 2150, computed from the rules of the law
/// (no table of dates), so that years not yet announced come out as the law would make them.
public enum JapaneseHolidays {
    public static let supportedYears = 1949...2150

    /// Every day off of `year`, in date order.
    public static func holidays(in year: Int) throws(HolidayYearOutOfRange) -> [NationalHoliday] {
        guard supportedYears.contains(year) else { throw HolidayYearOutOfRange(year: year) }
        return cache.withValue(year) { computeHolidays(in: year) }
    }

    /// The holiday on `day`, if it is one.
    public static func holiday(on day: Day) -> NationalHoliday? {
        guard let all = try? holidays(in: day.year) else { return nil }
        return all.first { $0.day == day }
    }

    public static func isHoliday(_ day: Day) -> Bool { holiday(on: day) != nil }

    // MARK: - The rules

    /// Holidays proper (国民の祝日), before substitute and citizens' holidays are added.
    static func statutoryHolidays(in year: Int) -> [NationalHoliday] {
        var result: [NationalHoliday] = []
        func add(_ month: Int, _ day: Int, _ name: String, _ nameEN: String) {
            result.append(NationalHoliday(day: Day(year: year, month: month, day: day)!, kind: .holiday, name: name, nameEN: nameEN))
        }
        func addNth(_ nth: Int, _ weekday: Weekday, of month: Int, _ name: String, _ nameEN: String) {
            add(month, nthWeekday(nth, weekday, month: month, year: year).day, name, nameEN)
        }

        add(1, 1, "元日", "New Year's Day")
        // Happy Monday system (Act No. 141 of 1998 from 2000; Act No. 59 of 2001 from 2003).
        if year >= 2000 { addNth(2, .monday, of: 1, "成人の日", "Coming of Age Day") } else { add(1, 15, "成人の日", "Coming of Age Day") }
        if year >= 1967 { add(2, 11, "建国記念の日", "National Foundation Day") }
        if year >= 2020 { add(2, 23, "天皇誕生日", "Emperor's Birthday") }
        add(3, vernalEquinoxDay(year), "春分の日", "Vernal Equinox Day")
        switch year {
        case ...1988: add(4, 29, "天皇誕生日", "Emperor's Birthday")
        case 1989...2006: add(4, 29, "みどりの日", "Greenery Day")
        default: add(4, 29, "昭和の日", "Showa Day")
        }
        add(5, 3, "憲法記念日", "Constitution Memorial Day")
        if year >= 2007 { add(5, 4, "みどりの日", "Greenery Day") }
        add(5, 5, "こどもの日", "Children's Day")
        // Marine Day from 1996; moved for the Tokyo Olympics in 2020 and 2021 (Act No. 68 of 2018, Act No. 68 of 2020).
        switch year {
        case 1996...2002: add(7, 20, "海の日", "Marine Day")
        case 2020: add(7, 23, "海の日", "Marine Day")
        case 2021: add(7, 22, "海の日", "Marine Day")
        case 2003...: addNth(3, .monday, of: 7, "海の日", "Marine Day")
        default: break
        }
        // Mountain Day from 2016 (Act No. 43 of 2014); moved in 2020 and 2021.
        switch year {
        case 2020: add(8, 10, "山の日", "Mountain Day")
        case 2021: add(8, 8, "山の日", "Mountain Day")
        case 2016...: add(8, 11, "山の日", "Mountain Day")
        default: break
        }
        // Respect for the Aged Day from 1966.
        switch year {
        case 1966...2002: add(9, 15, "敬老の日", "Respect for the Aged Day")
        case 2003...: addNth(3, .monday, of: 9, "敬老の日", "Respect for the Aged Day")
        default: break
        }
        add(9, autumnalEquinoxDay(year), "秋分の日", "Autumnal Equinox Day")
        // Health and Sports Day from 1966, Sports Day from 2020 (moved in 2020 and 2021).
        switch year {
        case 1966...1999: add(10, 10, "体育の日", "Health and Sports Day")
        case 2000...2019: addNth(2, .monday, of: 10, "体育の日", "Health and Sports Day")
        case 2020: add(7, 24, "スポーツの日", "Sports Day")
        case 2021: add(7, 23, "スポーツの日", "Sports Day")
        case 2022...: addNth(2, .monday, of: 10, "スポーツの日", "Sports Day")
        default: break
        }
        add(11, 3, "文化の日", "Culture Day")
        add(11, 23, "勤労感謝の日", "Labor Thanksgiving Day")
        if (1989...2018).contains(year) { add(12, 23, "天皇誕生日", "Emperor's Birthday") }
        // Days made holidays by special acts.
        switch year {
        case 1959: add(4, 10, "皇太子・明仁親王の結婚の儀", "Wedding of Crown Prince Akihito")
        case 1989: add(2, 24, "昭和天皇の大喪の礼", "Funeral of Emperor Showa")
        case 1990: add(11, 12, "即位礼正殿の儀", "Enthronement Ceremony")
        case 1993: add(6, 9, "皇太子・徳仁親王の結婚の儀", "Wedding of Crown Prince Naruhito")
        case 2019:
            add(5, 1, "天皇の即位の日", "Accession Day")
            add(10, 22, "即位礼正殿の儀", "Enthronement Ceremony")
        default: break
        }
        return result.sorted { $0.day < $1.day }
    }

    static func computeHolidays(in year: Int) -> [NationalHoliday] {
        // Substitutes and citizens' holidays look across the year's edges (a Sunday December 31 never
        // is a holiday, but the rules are applied to neighbours uniformly all the same).
        let statutory = statutoryHolidays(in: year)
        let neighbours = (year > supportedYears.lowerBound ? statutoryHolidays(in: year - 1) : [])
            + statutory + (year < supportedYears.upperBound ? statutoryHolidays(in: year + 1) : [])
        let statutoryDays = Set(neighbours.map(\.day))
        var all = statutory
        var taken = Set(statutory.map(\.day))

        // Substitute holiday (振替休日): from the amendment of 1973-04-12 the Monday after a holiday on a
        // Sunday; from 2007 the first following day that is not a holiday.
        let substituteRuleStart = Day(year: 1973, month: 4, day: 12)!
        for holiday in neighbours where holiday.day >= substituteRuleStart && holiday.day.weekday == .sunday {
            var substitute = holiday.day.adding(days: 1)
            if holiday.day.year >= 2007 {
                while statutoryDays.contains(substitute) { substitute = substitute.adding(days: 1) }
            }
            if substitute.year == year, !taken.contains(substitute) {
                all.append(NationalHoliday(day: substitute, kind: .substitute, name: "振替休日", nameEN: "Substitute Holiday"))
                taken.insert(substitute)
            }
        }

        // Citizens' holiday (国民の休日): from the amendment of 1985-12-27, a day between two holidays;
        // until 2006 not a Sunday nor a substitute holiday, from 2007 any day that is not a holiday itself.
        let citizensRuleStart = Day(year: 1985, month: 12, day: 27)!
        for holiday in statutory {
            let between = holiday.day.adding(days: 1)
            guard between >= citizensRuleStart, between.year == year,
                  statutoryDays.contains(between.adding(days: 1)), !taken.contains(between) else { continue }
            if between.year < 2007, between.weekday == .sunday { continue }
            all.append(NationalHoliday(day: between, kind: .citizens, name: "国民の休日", nameEN: "Citizens' Holiday"))
            taken.insert(between)
        }
        return all.sorted { $0.day < $1.day }
    }

    /// The day of March of the vernal equinox, by the formula used for the Japanese ephemeris
    /// (the National Astronomical Observatory's announcement agrees with it for 1900–2150).
    public static func vernalEquinoxDay(_ year: Int) -> Int {
        equinoxDay(year, base: (year < 1980 ? 20.8357 : year < 2100 ? 20.8431 : 21.8510))
    }

    /// The day of September of the autumnal equinox.
    public static func autumnalEquinoxDay(_ year: Int) -> Int {
        equinoxDay(year, base: (year < 1980 ? 23.2588 : year < 2100 ? 23.2488 : 24.2488))
    }

    private static func equinoxDay(_ year: Int, base: Double) -> Int {
        // Integer division truncating toward zero, as the published formula's int().
        let leapCorrection = year < 1980 ? (year - 1983) / 4 : (year - 1980) / 4
        return Int(base + 0.242194 * Double(year - 1980) - Double(leapCorrection))
    }

    static func nthWeekday(_ nth: Int, _ weekday: Weekday, month: Int, year: Int) -> Day {
        let first = Day(year: year, month: month, day: 1)!
        let offset = (weekday.rawValue - first.weekday.rawValue + 7) % 7
        return first.adding(days: offset + (nth - 1) * 7)
    }

    private static let cache = HolidayCache()
}

/// Years already computed: the opening-hours evaluation asks for the same few years again and again.
private final class HolidayCache: @unchecked Sendable {
    private var years: [Int: [NationalHoliday]] = [:]
    private let lock = NSLock()
    func withValue(_ year: Int, _ compute: () -> [NationalHoliday]) -> [NationalHoliday] {
        lock.lock(); defer { lock.unlock() }
        if let known = years[year] { return known }
        let value = compute()
        years[year] = value
        return value
    }
}

/// Days of the week, Sunday first as in the Japanese calendar.
public enum Weekday: Int, Sendable, CaseIterable, Comparable {
    case sunday = 0, monday, tuesday, wednesday, thursday, friday, saturday
    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
    public var isWeekend: Bool { self == .saturday || self == .sunday }
}

extension Day {
    /// 1970-01-01 was a Thursday.
    public var weekday: Weekday { Weekday(rawValue: ((daysSinceEpoch % 7) + 7 + 4) % 7)! }
}
