import CTIPCore
import Testing

private func days(_ year: Int) throws -> [String: String] {
    Dictionary(uniqueKeysWithValues: try JapaneseHolidays.holidays(in: year).map { ($0.day.description, $0.name) })
}

@Suite("Japanese national holidays")
struct HolidayTests {
    @Test("2019: the accession of the Emperor, its citizens' holidays and the enthronement ceremony; no Emperor's birthday")
    func year2019() throws {
        let holidays = try days(2019)
        #expect(holidays["2019-04-29"] == "昭和の日")
        #expect(holidays["2019-04-30"] == "国民の休日")
        #expect(holidays["2019-05-01"] == "天皇の即位の日")
        #expect(holidays["2019-05-02"] == "国民の休日")
        #expect(holidays["2019-05-06"] == "振替休日")  // Children's Day fell on a Sunday
        #expect(holidays["2019-10-22"] == "即位礼正殿の儀")
        #expect(holidays["2019-12-23"] == nil)
        #expect(holidays["2019-02-23"] == nil)
        #expect(holidays.count == 22)
    }

    @Test("2020 and 2021: Marine Day, Sports Day and Mountain Day moved for the Olympics")
    func olympicYears() throws {
        let y2020 = try days(2020)
        #expect(y2020["2020-07-23"] == "海の日")
        #expect(y2020["2020-07-24"] == "スポーツの日")
        #expect(y2020["2020-08-10"] == "山の日")
        #expect(y2020["2020-08-11"] == nil)
        #expect(y2020["2020-10-12"] == nil)
        #expect(y2020["2020-02-23"] == "天皇誕生日")
        #expect(y2020["2020-02-24"] == "振替休日")
        let y2021 = try days(2021)
        #expect(y2021["2021-07-22"] == "海の日")
        #expect(y2021["2021-07-23"] == "スポーツの日")
        #expect(y2021["2021-08-08"] == "山の日")
        #expect(y2021["2021-08-09"] == "振替休日")
        #expect(y2021["2021-10-11"] == nil)
        let y2022 = try days(2022)
        #expect(y2022["2022-07-18"] == "海の日")
        #expect(y2022["2022-10-10"] == "スポーツの日")
    }

    @Test("equinoxes by the formula, checked against the announced days", arguments: [
        (1960, 3, 20), (1960, 9, 23), (1979, 3, 21), (1979, 9, 24), (2012, 3, 20), (2012, 9, 22),
        (2016, 3, 20), (2016, 9, 22), (2024, 3, 20), (2024, 9, 22), (2025, 3, 20), (2025, 9, 23), (2026, 3, 20), (2026, 9, 23),
    ])
    func equinoxes(year: Int, month: Int, day: Int) throws {
        let expected = Day(year: year, month: month, day: day)!
        #expect(try JapaneseHolidays.holidays(in: year).contains { $0.day == expected && $0.name == (month == 3 ? "春分の日" : "秋分の日") })
    }

    @Test("substitute holidays: the 1973 rule (next Monday, not before April 12, 1973) and the 2007 rule (next non-holiday)")
    func substitutes() throws {
        #expect(try days(1973)["1973-02-12"] == nil)  // before the amendment
        #expect(try days(1973)["1973-04-30"] == "振替休日")
        #expect(try days(2008)["2008-05-06"] == "振替休日")  // May 4 (Greenery Day) on a Sunday: the substitute skips May 5
        #expect(try days(2009)["2009-05-06"] == "振替休日")  // Constitution Day on a Sunday
        #expect(try days(2025)["2025-11-24"] == "振替休日")  // Labour Thanksgiving Day on a Sunday
        #expect(try days(2023)["2023-01-02"] == "振替休日")
    }

    @Test("citizens' holiday between two holidays: from 1988 on May 4, Silver Week 2009 and 2015, 2026")
    func citizensHoliday() throws {
        #expect(try days(1985)["1985-05-04"] == nil)   // before the amendment of December 1985
        #expect(try days(1986)["1986-05-04"] == nil)   // a Sunday
        #expect(try days(1987)["1987-05-04"] == "振替休日")  // Constitution Day on a Sunday: a substitute, not a citizens' holiday
        #expect(try days(1988)["1988-05-04"] == "国民の休日")
        #expect(try days(2009)["2009-09-22"] == "国民の休日")
        #expect(try days(2015)["2015-09-22"] == "国民の休日")
        #expect(try days(2026)["2026-09-22"] == "国民の休日")
        #expect(try days(2007)["2007-05-04"] == "みどりの日")
    }

    @Test("Happy Monday days and the Emperor's birthday across the eras")
    func movedDays() throws {
        #expect(try days(1999)["1999-01-15"] == "成人の日")
        #expect(try days(2000)["2000-01-10"] == "成人の日")
        #expect(try days(1988)["1988-04-29"] == "天皇誕生日")
        #expect(try days(1989)["1989-12-23"] == "天皇誕生日")
        #expect(try days(1989)["1989-04-29"] == "みどりの日")
        #expect(try days(1989)["1989-02-24"] == "昭和天皇の大喪の礼")
        #expect(try days(2018)["2018-12-23"] == "天皇誕生日")
        #expect(try days(1995)["1995-07-20"] == nil)   // Marine Day starts in 1996
        #expect(try days(1996)["1996-07-20"] == "海の日")
        #expect(try days(2015)["2015-08-11"] == nil)   // Mountain Day starts in 2016
        #expect(try days(2016)["2016-08-11"] == "山の日")
        #expect(try days(1966)["1966-09-15"] == "敬老の日")
        #expect(try days(1965)["1965-10-10"] == nil)
    }

    @Test("years outside 1949–2150 are refused with the reason")
    func range() {
        #expect(throws: HolidayYearOutOfRange.self) { try JapaneseHolidays.holidays(in: 1948) }
        #expect(throws: HolidayYearOutOfRange.self) { try JapaneseHolidays.holidays(in: 2151) }
        do { _ = try JapaneseHolidays.holidays(in: 3000) } catch { #expect(error.description.contains("1949–2150")) }
    }

    @Test("weekdays from the epoch")
    func weekdays() {
        #expect(Day(iso: "1970-01-01")!.weekday == .thursday)
        #expect(Day(iso: "2025-01-02")!.weekday == .thursday)
        #expect(Day(iso: "1969-12-28")!.weekday == .sunday)
    }
}
