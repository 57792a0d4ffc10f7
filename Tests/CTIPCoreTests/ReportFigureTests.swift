import CTIPCore
import Testing

/// A figure of the report as data: rendered alike wherever it is used, in the report's style in both
/// languages, and never added across units, periods or currencies.
@Suite("The report's figures as data")
struct ReportFigureTests {
    @Test("a count with its unit and period, preliminary as the seed marks it, in English and Japanese")
    func counts() {
        let inspected = ReportFigure(.count(8_311), unit: ReportFigure.Unit(singular: "implementing organization", plural: "implementing organizations",
                                                                             japaneseCounter: "機関"),
                                     period: .year(2024), preliminary: true, source: "mhlw")
        #expect(inspected.text(.en) == "8,311 implementing organizations (preliminary figures)")
        #expect(inspected.text(.ja) == "8,311機関（速報値）")
        let one = ReportFigure(.count(1), unit: .persons, period: .year(2024), source: "npa")
        #expect(one.text(.en) == "1 person" && one.text(.ja) == "1人")
        #expect(ReportFigure(.count(413), unit: .cases, period: .year(2024), source: "npa").text(.en, qualifier: "cleared") == "413 cleared cases")
    }

    @Test("an amount keeps the currency it was given in: ¥, US$ and € as the seed writes them")
    func amounts() {
        #expect(ReportFigure(.amount(14_096_000, .jpy), period: .fiscalYear(2024), source: "mofa").text(.en) == "¥14,096,000")
        #expect(ReportFigure(.amount(14_096_000, .jpy), period: .fiscalYear(2024), source: "mofa").text(.ja) == "14,096,000円")
        #expect(ReportFigure(.amount(5_900_000, .usd), period: .fiscalYear(2024), source: "mofa").text(.en) == "US$5,900,000")
        #expect(ReportFigure(.amount(260_000, .eur), period: .fiscalYear(2024), source: "mofa").text(.ja) == "260,000ユーロ")
    }

    @Test("figures add up only over the same unit, period, source and currency: never converted silently")
    func sums() {
        let copies = { (count: Int) in ReportFigure(.count(count), unit: .copies, period: .fiscalYear(2024), source: "cas") }
        #expect(ReportFigure.sum([copies(46_000), copies(46_000)]) == copies(92_000))
        #expect(ReportFigure.sum([ReportFigure(.amount(100, .jpy), period: .fiscalYear(2024), source: "mofa"),
                                  ReportFigure(.amount(100, .usd), period: .fiscalYear(2024), source: "mofa")]) == nil)
        #expect(ReportFigure.sum([copies(1), ReportFigure(.count(1), unit: .copies, period: .fiscalYear(2023), source: "cas")]) == nil)
        #expect(ReportFigure.sum([copies(1), ReportFigure(.count(1), unit: .places, period: .fiscalYear(2024), source: "cas")]) == nil)
        #expect(ReportFigure.sum([]) == nil)
        let preliminary = ReportFigure(.count(2), unit: .copies, period: .fiscalYear(2024), preliminary: true, source: "cas")
        #expect(ReportFigure.sum([copies(1), preliminary])?.preliminary == true, "a sum with a preliminary part is preliminary")
    }

    @Test("periods: calendar and fiscal years, a state on a day, a span")
    func periods() {
        let day = Day(year: 2025, month: 3, day: 31)!
        #expect(ReportFigure.Period.year(2024).text(.en) == "2024" && ReportFigure.Period.year(2024).text(.ja) == "2024年")
        #expect(ReportFigure.Period.fiscalYear(2024).text(.en) == "FY2024" && ReportFigure.Period.fiscalYear(2024).text(.ja) == "2024年度")
        #expect(ReportFigure.Period.asOf(day).text(.en) == "as of 31 March 2025")
        #expect(ReportFigure.Period.asOf(day).text(.ja).hasPrefix("2025年3月31日") && ReportFigure.Period.asOf(day).text(.ja).hasSuffix("現在"))
        #expect(ReportFigure.Period.span(Day(year: 2024, month: 4, day: 1)!, day).text(.en) == "from 1 April 2024 to 31 March 2025")
    }
}
