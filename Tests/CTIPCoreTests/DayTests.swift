import CTIPCore
import Testing

@Suite("Calendar days")
struct DayTests {
    @Test("ISO dates parse; impossible ones do not", arguments: [
        ("2024-02-29", true), ("2023-02-29", false), ("2024-02-30", false), ("2024-13-01", false), ("2024-04-31", false),
        ("2000-02-29", true), ("1900-02-29", false), ("2024-1-01", false), ("24-01-01", false), ("2024/01/01", false), ("", false),
    ])
    func parsing(text: String, valid: Bool) {
        #expect((Day(iso: text) != nil) == valid)
        if valid { #expect(Day(iso: text)?.description == text) }
    }

    @Test("day arithmetic across months, leap days and years")
    func arithmetic() {
        #expect(Day(iso: "1970-01-01")!.daysSinceEpoch == 0)
        #expect(Day(iso: "2024-02-28")!.adding(days: 1).description == "2024-02-29")
        #expect(Day(iso: "2024-12-31")!.adding(days: 1).description == "2025-01-01")
        #expect(Day(iso: "2025-03-01")!.adding(days: -1).description == "2025-02-28")
        for offset in stride(from: -700_000, through: 700_000, by: 997) {
            #expect(Day(daysSinceEpoch: offset).daysSinceEpoch == offset)
        }
    }

    @Test("the report's cut-off is March 31 of the following year")
    func cutOff() {
        #expect(Day.reportCutOff(forDataYear: 2024).description == "2025-03-31")
    }
}

@Suite("Dates as each language writes them")
struct WrittenDateTests {
    @Test("Japanese shows the era year beside the Western year, with 元年 for an era's first year")
    func japanese() {
        #expect(Day(year: 2026, month: 5, day: 1)!.written(in: .ja) == "2026年5月1日（令和8年）")
        #expect(Day(year: 2019, month: 5, day: 1)!.written(in: .ja) == "2019年5月1日（令和元年）")
        #expect(Day(year: 2019, month: 4, day: 30)!.written(in: .ja) == "2019年4月30日（平成31年）")
        #expect(Day(year: 1989, month: 1, day: 8)!.japaneseEraText == "平成元年")
        #expect(Day(year: 1989, month: 1, day: 7)!.japaneseEraText == "昭和64年")
        #expect(Day(year: 1926, month: 12, day: 25)!.japaneseEraText == "昭和元年")
        #expect(Day(year: 1926, month: 12, day: 24)!.japaneseEraText == "大正15年")
        #expect(Day(year: 1912, month: 7, day: 29)!.japaneseEraText == "明治45年")
        #expect(Day(year: 1800, month: 1, day: 1)!.written(in: .ja) == "1800年1月1日")
    }

    @Test("English writes day, month name, year")
    func english() {
        #expect(Day(year: 2026, month: 5, day: 1)!.written(in: .en) == "1 May 2026")
        #expect(Day(year: 2024, month: 12, day: 31)!.written(in: .en) == "31 December 2024")
    }
}
