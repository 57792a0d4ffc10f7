import CTIPCore
import Testing

/// The report's words, from hand-made facts: the style rules of the issue, one by one.
@Suite("Report writing")
struct ReportWritingTests {
    /// Facts for data year 2024 with the given victims and suspects, and 2023 for comparison.
    private func facts(victims: [ReportFacts.VictimGroup: Int], previousVictims: [ReportFacts.VictimGroup: Int] = [:],
                       suspects: [ReportFacts.SuspectGroup: Int] = [:], previousSuspects: [ReportFacts.SuspectGroup: Int] = [:],
                       prosecuted: [ReportFacts.PersonTrial] = []) -> ReportFacts {
        var current = ReportFacts.Year(), previous = ReportFacts.Year()
        current.victims = victims; current.suspects = suspects; current.clearedCases = 1
        previous.victims = previousVictims; previous.suspects = previousSuspects; previous.clearedCases = 1
        let series = [AnnualTotals(year: 2023, victims: 0, clearedCases: 1, clearedSuspects: 0, source: .records, differsFromHistory: false),
                      AnnualTotals(year: 2024, victims: 0, clearedCases: 1, clearedSuspects: 0, source: .records, differsFromHistory: false)]
        return ReportFacts(year: 2024, asOf: Day.reportCutOff(forDataYear: 2024), current: current, previous: previous,
                           prosecuted: prosecuted, awaitingInPreviousReport: [], previousReportIsPublished: false, carriedOver: [],
                           series: series, offenses: [:])
    }

    private func victim(_ sex: String = "female", _ nationality: String = "JPN", minor: Bool? = false) -> ReportFacts.VictimGroup {
        .init(sex: sex, nationality: nationality, residenceStatus: nationality == "JPN" ? nil : "entertainer", exploitation: "sexual", minor: minor)
    }

    private func suspect(_ sex: String = "male", broker: Bool = false, disposition: Disposition? = .prosecuted,
                         verdict: Verdict? = .guilty) -> ReportFacts.SuspectGroup {
        .init(sex: sex, nationality: "JPN", broker: broker, organizedCrime: false, disposition: disposition,
              notProsecutedReason: disposition == .notProsecuted ? .evidence : nil, verdict: verdict)
    }

    private func english(_ facts: ReportFacts) throws -> String {
        try AnnualReportBuilder(language: .en).build(from: facts).rendered(as: .text)
    }

    @Test("one to ten in words, larger numbers in digits, thousands grouped")
    func numerals() {
        #expect(Numerals.english(0) == "zero" && Numerals.english(1) == "one" && Numerals.english(10) == "ten")
        #expect(Numerals.english(11) == "11" && Numerals.english(1234567) == "1,234,567")
    }

    @Test("singular and plural, and the same as the year before")
    func singular() throws {
        let text = try english(facts(victims: [victim(): 1], previousVictims: [victim(): 1], suspects: [suspect(): 1]))
        #expect(text.contains("put under protection in 2024 was one (the same as in 2023)."))
        #expect(text.contains("one person was arrested for trafficking in persons (one more than in 2023)"))
        #expect(text.contains("The one suspect that has been prosecuted has been found guilty (as of March 31, 2025)."))
        #expect(text.contains("Of the one victim, none were minors"))
    }

    @Test("zero said in words; all in one group said so; shares as approximately N%")
    func zeroAndAll() throws {
        let text = try english(facts(victims: [victim(): 9, victim("female", "PHL"): 1], previousVictims: [victim(): 12],
                                     suspects: [suspect(broker: true): 3, suspect(disposition: .notProsecuted, verdict: nil): 2]))
        #expect(text.contains("nine were Japanese (three less than in 2023), accounting for approximately 90%."))
        #expect(text.contains("With regard to the nationalities of the one non-Japanese victim, one was a Philippine national (one more than in 2023)."))
        #expect(text.contains("There were three brokers (three more than in 2023) and no members of organized crime groups, etc. (the same as in 2023)."))
        #expect(text.contains("and two were not prosecuted due to problems with evidence, etc."))
        #expect(text.contains("Of the three suspects that have been prosecuted, all have been found guilty"))
        #expect(text.contains("By nationality or region of the suspects, all were Japanese nationals."))
        #expect(text.contains("deportation orders against zero perpetrators in 2024."))
        #expect(text.contains("In 2024, no foreign victims were voluntarily repatriated"))
    }

    @Test("trial results as the tables print them")
    func trialResults() throws {
        func person(_ verdict: Verdict, _ imprisonment: Int?, _ suspension: Int?, _ fine: Int?) -> ReportFacts.PersonTrial {
            .init(suspectID: "S1", arrestedOn: Day(iso: "2024-05-01")!, charges: [.init(offense: "juvenile_protection_ordinance", detail: "JP-13"),
                                                                                   .init(offense: "assault", detail: nil)],
                  verdict: verdict, decidedOn: verdict == .pending ? nil : Day(iso: "2024-12-01"),
                  imprisonmentMonths: imprisonment, suspensionMonths: suspension, fineYen: fine)
        }
        let persons = [person(.guilty, 18, 36, 200_000), person(.guilty, 7, nil, nil), person(.guilty, nil, nil, 500_000), person(.pending, nil, nil, nil)]
        let en = AnnualReportBuilder(language: .en).build(from: facts(victims: [:], prosecuted: persons)).tables[0].rows
        #expect(en.map(\.result) == ["1 year 6 months imprisonment, suspension of 3 years, 200,000 yen fine", "7 months imprisonment",
                                     "500,000 yen fine", "Pending trial"])
        #expect(en[0].offenses == "Violation of the Tokyo Metropolitan Ordinance of Juvenile Protection, assault")
        let ja = AnnualReportBuilder(language: .ja).build(from: facts(victims: [:], prosecuted: persons)).tables[0].rows
        #expect(ja.map(\.result) == ["懲役1年6月、執行猶予3年、罰金20万円", "懲役7月", "罰金50万円", "公判中"])
        #expect(ja[0].offenses == "東京都青少年保護育成条例違反、暴行")
    }

    @Test("the Japanese edition in the style of government statistics")
    func japanese() throws {
        let report = AnnualReportBuilder(language: .ja).build(from: facts(victims: [victim(): 66], previousVictims: [victim(): 61]))
        let text = try report.rendered(as: .text)
        #expect(text.contains("2024年に保護された人身取引被害者は66人（前年比5人増）であった。"))
        #expect(text.contains("国籍・地域別では、全員が日本人であった。"))
    }

    @Test("figures are SVG with a title, and their numbers are a table too")
    func figures() throws {
        let report = AnnualReportBuilder(language: .en).build(from: facts(victims: [victim(): 3, victim("male", "THA"): 2]))
        let html = try report.rendered(as: .html)
        #expect(html.contains("<title id=\"figure-4-svg-title\">Nationalities or regions of the five victims</title>"))
        let markdown = try report.rendered(as: .markdown)
        #expect(markdown.contains("| Thailand | 2 |"))
    }
}
