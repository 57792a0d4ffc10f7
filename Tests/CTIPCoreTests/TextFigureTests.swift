import CTIPCore
import Foundation
import Testing

/// Numbers in the whole report's text as data (issue 16): `{number:KEY}` renders an entered figure or one
/// CTIP computes, the same wherever it is used; a draft keeps computed figures computed and marks entered
/// ones as still last year's; the check lists what is missing, unconfirmed or contradicts the records; the
/// contribution files carry the figures.
@Suite("The text's figures as data")
struct TextFigureTests {
    private func n(_ text: String) -> OutlineNumber { OutlineNumber(text)! }

    private func occurrences(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    private let implementingOrganizations = ReportFigure.Unit(singular: "implementing organization", plural: "implementing organizations",
                                                              japaneseCounter: "機関")

    private var inspected: TextFigure {
        TextFigure(key: "otit-implementing-organizations",
                   entered: EnteredFigure(.count(8_311), unit: implementingOrganizations, period: .fiscalYear(2024), preliminary: true, source: "mhlw"),
                   contributionID: "C2024-0001")
    }

    private var outline: [OutlineItem] {
        [OutlineItem(number: n("4"), titleEN: "Protection of victims", titleJA: "被害者の保護"),
         OutlineItem(number: n("4 (2)"), titleEN: "Technical intern training", titleJA: "技能実習"),
         OutlineItem(number: n("4 (3)"), titleEN: "Summary", titleJA: "まとめ")]
    }

    /// One contribution names the figure and is repeated under 4 (3); another, with no Japanese text, names it too.
    private var edition: WholeEdition {
        let contributions = [
            Contribution(id: "C2024-0001", year: 2024, ministries: ["mhlw"],
                         textEN: "- OTIT inspected {number:otit-implementing-organizations}.",
                         textJA: "- 外国人技能実習機構は{number:otit-implementing-organizations}を検査した。", statusJA: .translation,
                         home: n("4 (2)"), sourceLine: 12),
            Contribution(id: "C2024-0002", year: 2024, ministries: ["cas"],
                         textEN: "- In all, {number:otit-implementing-organizations} were inspected.", home: n("4 (3)"), sourceLine: 20),
        ]
        let placements = [
            Placement(contributionID: "C2024-0001", item: n("4 (2)"), position: 0, isRepeat: false, sourceLine: 12),
            Placement(contributionID: "C2024-0002", item: n("4 (3)"), position: 0, isRepeat: false, sourceLine: 20),
            Placement(contributionID: "C2024-0001", item: n("4 (3)"), position: 1, isRepeat: true),
        ]
        return WholeEdition(year: 2024, outline: outline, contributions: contributions, placements: placements, figures: [inspected])
    }

    private func victim(_ nationality: String) -> ReportFacts.VictimGroup {
        .init(sex: "female", nationality: nationality, residenceStatus: nationality == "JPN" ? nil : "entertainer", exploitation: "sexual", minor: false)
    }

    /// A year's facts: `japanese` + 8 victims, `cleared` cleared cases, 3 victims returned home with IOM's help.
    private func facts(year: Int, cleared: Int, japanese: Int) -> ReportFacts {
        var current = ReportFacts.Year(), previous = ReportFacts.Year()
        current.victims = [victim("JPN"): japanese, victim("PHL"): 8]
        current.suspects = [.init(sex: "male", nationality: "JPN", broker: true, organizedCrime: false, disposition: .prosecuted,
                                  notProsecutedReason: nil, verdict: .guilty): 5]
        current.clearedCases = cleared
        current.supportEvents = [.iomVoluntaryReturn: 3]
        previous.victims = [victim("JPN"): 50]
        previous.clearedCases = 90
        return ReportFacts(year: year, asOf: Day.reportCutOff(forDataYear: year), current: current, previous: previous, prosecuted: [],
                           awaitingInPreviousReport: [], previousReportIsPublished: false, carriedOver: [], series: [], offenses: [:])
    }

    @Test("an entered figure renders the same in every placement, in the report's style in each language")
    func enteredFigure() throws {
        let english = try WholeReport(edition: edition, section2: nil, section8: [], language: .en).rendered(as: .text)
        #expect(occurrences("- OTIT inspected 8,311 implementing organizations (preliminary figures).", in: english) == 2, "at home and repeated")
        #expect(english.contains("- In all, 8,311 implementing organizations (preliminary figures) were inspected."))
        #expect(!english.contains("{number:"))

        let japanese = try WholeReport(edition: edition, section2: nil, section8: [], language: .ja).rendered(as: .text)
        #expect(occurrences("- 外国人技能実習機構は8,311機関（速報値）を検査した。", in: japanese) == 2)
        // A paragraph shown in English in the Japanese edition writes its figure in English.
        #expect(japanese.contains("- In all, 8,311 implementing organizations (preliminary figures) were inspected."))

        let json = WholeReport(edition: edition, section2: nil, section8: [], language: .en).jsonForm
        #expect(json.body.flatMap(\.placements).map(\.text).contains("- OTIT inspected 8,311 implementing organizations (preliminary figures)."))
    }

    @Test("a computed figure is the records' count for the year rendered: the facts change, the text does not")
    func computedFigure() throws {
        let text = "- The police cleared {number:cleared_cases}; {number:victims} were protected, {number:japanese_victims} of them Japanese; "
            + "{number:support_iom_voluntary_return} went home with IOM ({number:npa-cleared})."
        let edition = WholeEdition(year: 2024, outline: outline,
                                   contributions: [Contribution(id: "c-npa", year: 2024, ministries: ["npa"], textEN: text, home: n("4 (2)"))],
                                   placements: [Placement(contributionID: "c-npa", item: n("4 (2)"), position: 0, isRepeat: false)],
                                   figures: [TextFigure(key: "npa-cleared", computed: "cleared_cases", contributionID: "c-npa")])
        let first = try WholeReport(edition: edition, facts: facts(year: 2024, cleared: 97, japanese: 58), language: .en).rendered(as: .text)
        #expect(first.contains("- The police cleared 97 cleared cases; 66 victims were protected, 58 Japanese victims of them Japanese; "
                               + "3 victims went home with IOM (97 cleared cases)."))
        let again = try WholeReport(edition: edition, facts: facts(year: 2024, cleared: 101, japanese: 60), language: .en).rendered(as: .text)
        #expect(again.contains("- The police cleared 101 cleared cases; 68 victims were protected, 60 Japanese victims of them Japanese;"))
        #expect(edition.contributions[0].textEN == text, "the text keeps its tokens")

        let figures = ComputedFigures.figures(from: facts(year: 2024, cleared: 97, japanese: 58))
        #expect(figures["cleared_cases"] == ReportFigure(.count(97), unit: ReportFigure.Unit(singular: "cleared case", plural: "cleared cases",
                                                                                               japaneseCounter: "件"),
                                                         period: .year(2024), source: ComputedFigures.source))
        #expect(figures["victims"]?.text(.ja) == "66人")
        #expect(figures["arrested_persons"]?.text(.en) == "5 arrested persons" && figures["brokers"]?.text(.en) == "5 brokers")
        #expect(Set(ComputedFigures.keys).isSubset(of: Set(figures.keys)))

        // Without records nothing is computed: the token stays visible, as an unresolved reference does.
        let none = try WholeReport(edition: edition, facts: nil, language: .en).rendered(as: .text)
        #expect(none.contains("{number:cleared_cases}") && none.contains("{number:npa-cleared}"))
    }

    @Test("the next year's draft keeps computed figures computed and marks entered ones as still last year's")
    func draft() throws {
        var edition = self.edition
        edition.figures.append(TextFigure(key: "npa-cleared", computed: "cleared_cases", contributionID: "C2024-0002"))
        let draft = edition.draft(forYear: 2025)
        #expect(draft.figures.count == 2)
        let entered = try #require(draft.figures.first { $0.key == "otit-implementing-organizations" })
        #expect(!entered.confirmed)
        #expect(entered.entered == inspected.entered, "the value is carried as it was")
        #expect(entered.contributionID == "C2025-0001")
        let computed = try #require(draft.figures.first { $0.key == "npa-cleared" })
        #expect(computed.confirmed && computed.computedKey == "cleared_cases" && computed.contributionID == "C2025-0002")

        // Rendered for 2025, the computed figure is 2025's; the entered one still says FY2024's number.
        let figures = ComputedFigures.figures(from: facts(year: 2025, cleared: 120, japanese: 58))
        #expect(figures["cleared_cases"]?.period == .year(2025))
        var carried = draft
        carried.contributions[1].textEN = "- {number:npa-cleared}; {number:otit-implementing-organizations}."
        let text = try WholeReport(edition: carried, section2: nil, section8: [], language: .en, computedFigures: figures).rendered(as: .text)
        #expect(text.contains("- 120 cleared cases; 8,311 implementing organizations (preliminary figures)."))
    }

    @Test("the check: a key naming nothing, a figure without unit, period or source, one not confirmed, one contradicting the records")
    func check() {
        var edition = self.edition
        edition.contributions[0].textEN = "- OTIT inspected {number:otit-implementing-organizations}; {number:nothing-here}; {number:victims}."
        edition.contributions[0].carriedFrom = 2023
        edition.contributions[1].statusJA = .translation
        edition.contributions[1].textJA = "- 合計で{number:otit-implementing-organizations}を検査した。"
        var unconfirmed = inspected
        unconfirmed.confirmed = false
        edition.figures = [
            unconfirmed,
            TextFigure(key: "otit-incomplete", entered: EnteredFigure(.count(120), unit: .persons, period: nil, source: nil), contributionID: "C2024-0001"),
            TextFigure(key: "victims", entered: EnteredFigure(.count(60), unit: .victims, period: .year(2024), source: "npa"), contributionID: "C2024-0001"),
        ]
        let computed = ComputedFigures.figures(from: facts(year: 2024, cleared: 97, japanese: 58))
        let findings = WholeReportCheck.findings(edition: edition, computed: [], computedFigures: computed)
        #expect(findings.map(\.kind) == [.unresolvedReference, .contradictsRecords, .figureWithoutUnitPeriodOrSource, .figureNotConfirmed])
        #expect(findings.allSatisfy { $0.item == "4 (2)" && $0.line == 12 }, "at the owning contribution's home and line")
        guard findings.count == 4 else { return }
        #expect(findings[0].message.contains("{number:nothing-here}") && findings[0].message.contains("there is no figure \"nothing-here\""))
        #expect(findings[1].message == "contradicts the records: figure \"victims\" is entered as 60 victims (2024) but CTIP counts 66 victims in 2024")
        #expect(findings[2].message.hasPrefix("figure \"otit-incomplete\" (120 persons) has no period and no source"))
        #expect(findings[3].message.hasPrefix("figure \"otit-implementing-organizations\" (8,311 implementing organizations (preliminary figures), FY2024) "
                                              + "is still the 2023 edition's"))
        #expect(findings[3].description.hasPrefix("seed:12: 4 (2): figure"))

        // A computed figure of a year without records names nothing yet: the check says why.
        var noRecords = self.edition
        noRecords.contributions[1].textEN = "- {number:japanese_victims}."
        let missing = WholeReportCheck.findings(edition: noRecords, computed: []).filter { $0.kind == .unresolvedReference }
        #expect(missing.map(\.message) == ["unresolved reference {number:japanese_victims}: CTIP holds no records of 2024 to compute it"])
        #expect(missing.first?.item == "4 (3)" && missing.first?.line == 20)
        // The complete, confirmed figures of the edition itself give nothing.
        #expect(WholeReportCheck.findings(edition: self.edition, computed: [], computedFigures: computed).allSatisfy { $0.kind == .missingLanguage })
    }

    @Test("a stored edition keeps its figures; one stored before figures existed has none")
    func codable() throws {
        var edition = self.edition
        edition.figures.append(TextFigure(key: "npa-cleared", computed: "cleared_cases"))
        edition.figures.append(TextFigure(key: "mofa-fund", entered: EnteredFigure(.amount(5_900_000, .usd), period: .asOf(Day(year: 2025, month: 3, day: 31)!),
                                                                                   source: "mofa", approximate: true), confirmed: false))
        let data = try JSONEncoder().encode(edition)
        #expect(try JSONDecoder().decode(WholeEdition.self, from: data) == edition)

        var withoutFigures = edition
        withoutFigures.figures = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let current = String(decoding: try encoder.encode(withoutFigures), as: UTF8.self)
        let older = current.replacingOccurrences(of: "\"figures\":[],", with: "")
        #expect(older != current && !older.contains("figures"))
        #expect(try JSONDecoder().decode(WholeEdition.self, from: Data(older.utf8)) == withoutFigures)
    }

    @Test("notation: values, units and periods as contribution files write them")
    func notation() {
        #expect(ReportFigure.Value(notation: "8,311") == .count(8_311) && ReportFigure.Value(notation: "8311") == .count(8_311))
        #expect(ReportFigure.Value(notation: "14,096,000 JPY") == .amount(14_096_000, .jpy))
        #expect(ReportFigure.Value(notation: "37 of 61") == .share(37, of: 61))
        #expect(ReportFigure.Value(notation: "8,31") == nil && ReportFigure.Value(notation: "12 GBP") == nil && ReportFigure.Value(notation: "") == nil)
        #expect(ReportFigure.Unit(notation: "persons") == .persons)
        #expect(ReportFigure.Unit(notation: implementingOrganizations.notation) == implementingOrganizations)
        #expect(ReportFigure.Unit(notation: "a/b") == nil)
        let day = Day(year: 2025, month: 3, day: 31)!
        for period in [ReportFigure.Period.year(2024), .fiscalYear(2024), .asOf(day), .span(Day(year: 2024, month: 4, day: 1)!, day)] {
            #expect(ReportFigure.Period(notation: period.notation) == period, "\(period.notation)")
        }
        #expect(ReportFigure.Period(notation: "fy2024") == .fiscalYear(2024) && ReportFigure.Period(notation: "FY24") == nil)
    }

    // MARK: - Contribution files

    private let fileOutline: Set<String> = ["4", "4 (2)", "4 (3)"]
    private let agencies: Set<String> = ["mhlw", "mofa", "npa", "otit"]

    @Test("a contribution file declares its figures in the front matter: written and read back the same")
    func fileRoundTrip() throws {
        let contribution = Contribution(id: "mhlw-2025-otit", year: 2025, ministries: ["mhlw"],
                                        textEN: "- OTIT inspected {number:otit-implementing-organizations}.", home: n("4 (2)"), state: .submitted)
        let figures = [
            TextFigure(key: "otit-implementing-organizations",
                       entered: EnteredFigure(.count(8_311), unit: implementingOrganizations, period: .fiscalYear(2025), preliminary: true, source: "mhlw"),
                       contributionID: "mhlw-2025-otit"),
            TextFigure(key: "mofa-fund", entered: EnteredFigure(.amount(14_096_000, .jpy), period: nil, source: "mofa", approximate: true),
                       confirmed: false, contributionID: "mhlw-2025-otit"),
            TextFigure(key: "otit-share", entered: EnteredFigure(.share(37, of: 61), period: .asOf(Day(year: 2026, month: 3, day: 31)!), source: nil),
                       contributionID: "mhlw-2025-otit"),
        ]
        let text = ContributionFile.write(contribution, also: [], figures: figures + [TextFigure(key: "npa-cleared", computed: "cleared_cases")])
        #expect(text.contains("""
            status: original
            figures:
              otit-implementing-organizations: 8,311 | implementing organization/implementing organizations/機関 | FY2025 | preliminary | mhlw
              mofa-fund: 14,096,000 JPY | - | - | approximate | unconfirmed | mofa
              otit-share: 37 of 61 | - | as of 2026-03-31
            ---
            """))
        #expect(!text.contains("npa-cleared"), "a computed figure is named by its key, not declared")
        let read = try ContributionFile.parse(text, file: "f.md", outline: fileOutline, agencies: agencies).get()
        #expect(read.contribution == contribution)
        #expect(read.figures == figures)
    }

    @Test("a bad figure line is refused at its line, with every other problem")
    func badFigureLines() {
        let text = """
        ---
        year: 2025
        item: 4 (2)
        ministries: mhlw
        language: en
        figures:
          good: 12 | persons | 2025 | mhlw
          bad-period: 12 | persons | FY25 | mhlw
          bad-source: 12 | persons | 2025 | mhxw
          good: 13 | persons | 2025 | mhlw
          bad-value: twelve | persons
        status: original
        ---
        - {number:good}.
        """
        let issues: [EditionIssue]
        switch ContributionFile.parse(text, file: "mhlw.md", outline: fileOutline, agencies: agencies) {
        case .success: issues = []
        case .failure(let rejected): issues = rejected.issues
        }
        #expect(issues.map(\.line) == [8, 9, 10, 11])
        guard issues.count == 4 else { return }
        #expect(issues[0].description == "mhlw.md:8: figure `bad-period`: period `FY25` is not `2024`, `FY2024`, `as of 2025-03-31` or `2024-04-01 to 2025-03-31`")
        #expect(issues[1].message.contains("`mhxw` is neither an agency of CTIP's directory"))
        #expect(issues[2].message == "figure `good` is given twice (first at line 7)")
        #expect(issues[3].message.contains("`twelve` is not a value"))
    }

    @Test("importing the exported file changes nothing; confirming or changing a carried figure confirms it")
    func applyFigures() throws {
        let carried = TextFigure(key: "otit-implementing-organizations",
                                 entered: EnteredFigure(.count(8_311), unit: implementingOrganizations, period: .fiscalYear(2024), preliminary: true,
                                                        source: "mhlw"),
                                 confirmed: false, contributionID: "mhlw-otit")
        let contribution = Contribution(id: "mhlw-otit", year: 2025, ministries: ["mhlw"], textEN: "- OTIT inspected {number:otit-implementing-organizations}.",
                                        home: n("4 (2)"), state: .drafted, carriedFrom: 2024)
        let draft = WholeEdition(year: 2025, outline: outline, contributions: [contribution],
                                 placements: [Placement(contributionID: "mhlw-otit", item: n("4 (2)"), position: 0, isRepeat: false)],
                                 figures: [carried])
        let exported = ContributionFile.write(contribution, also: [], figures: draft.figures)
        #expect(exported.contains("| preliminary | unconfirmed | mhlw\n"))
        func imported(_ text: String) throws -> WholeEdition {
            let file = try ContributionFile.parse(text, file: "f.md", outline: fileOutline, agencies: agencies).get()
            return ContributionFile.apply([file], to: draft)
        }
        #expect(try imported(exported) == draft)

        let confirmed = try imported(exported.replacingOccurrences(of: " | unconfirmed", with: ""))
        #expect(confirmed.figures.map(\.confirmed) == [true])
        #expect(confirmed.contributions[0].state == .submitted, "confirming is the ministry's word")

        let changed = try imported(exported.replacingOccurrences(of: "8,311 | ", with: "8,402 | ").replacingOccurrences(of: "FY2024", with: "FY2025"))
        #expect(changed.figures.count == 1)
        #expect(changed.figures[0].confirmed && changed.figures[0].entered?.value == .count(8_402))
        #expect(changed.figures[0].entered?.period == .fiscalYear(2025))
    }
}
