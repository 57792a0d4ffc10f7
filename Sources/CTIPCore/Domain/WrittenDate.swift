/// Dates as each language writes them on a page: English "1 May 2026"; Japanese "2026年5月1日（令和8年）",
/// the era year beside the Western year as a Japanese official expects it. Forms keep ISO dates
/// (`YYYY-MM-DD`, what the date picker sends); this is for reading.
extension Day {
    /// A Japanese era: its name and the day it began.
    public struct JapaneseEra: Sendable, Equatable {
        public let name: String
        public let began: Day
    }

    /// The modern eras, newest first (Meiji's Gregorian dates from 1873, when Japan adopted the calendar).
    public static let japaneseEras: [JapaneseEra] = [
        JapaneseEra(name: "令和", began: Day(year: 2019, month: 5, day: 1)!),
        JapaneseEra(name: "平成", began: Day(year: 1989, month: 1, day: 8)!),
        JapaneseEra(name: "昭和", began: Day(year: 1926, month: 12, day: 25)!),
        JapaneseEra(name: "大正", began: Day(year: 1912, month: 7, day: 30)!),
        JapaneseEra(name: "明治", began: Day(year: 1873, month: 1, day: 1)!),
    ]

    /// The era and its year on this day ("元年" is written for the first year); nil before 1873.
    public var japaneseEraYear: (era: String, year: Int)? {
        guard let era = Self.japaneseEras.first(where: { $0.began <= self }) else { return nil }
        // Meiji 6 was 1873, the first Gregorian year.
        let first = era.name == "明治" ? 1868 : era.began.year
        return (era.name, year - first + 1)
    }

    /// "令和8年", "令和元年".
    public var japaneseEraText: String? {
        japaneseEraYear.map { "\($0.era)\($0.year == 1 ? "元" : String($0.year))年" }
    }

    public func written(in language: Language) -> String {
        switch language {
        case .ja:
            return "\(year)年\(month)月\(day)日" + (japaneseEraText.map { "（\($0)）" } ?? "")
        case .en:
            return "\(day) \(Self.englishMonths[month - 1]) \(year)"
        }
    }

    public static let englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                                "November", "December"]
}
