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
