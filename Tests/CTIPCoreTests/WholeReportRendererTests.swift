import CTIPCore
import Foundation
import Testing

/// The whole annual report (issue 16) from a small hand-made edition: three chapters, a repeat whose printed
/// copy drifted, a contribution with no Japanese text, figures cited by id (one of them section 2's own), a
/// reference to an item that does not exist, and "96 cases of arrest" where the records count 97.
@Suite("The whole annual report")
struct WholeReportRendererTests {
    private func n(_ text: String) -> OutlineNumber { OutlineNumber(text)! }

    private var edition: WholeEdition {
        let outline = [
            OutlineItem(number: n("1"), titleEN: "Introduction", titleJA: "はじめに", titleJAIsOwnTranslation: false),
            OutlineItem(number: n("1 (1)"), titleEN: "Definition of trafficking in persons", titleJA: "人身取引の定義", titleJAIsOwnTranslation: false),
            OutlineItem(number: n("2"), titleEN: "Gaining a thorough understanding of trafficking in persons", titleJA: "人身取引の実態把握の徹底"),
            OutlineItem(number: n("3"), titleEN: "Prevention of trafficking in persons", titleJA: "人身取引の防止"),
            OutlineItem(number: n("3 (1)"), titleEN: "Thorough immigration control", titleJA: "出入国管理の徹底"),
            OutlineItem(number: n("3 (1) i)"), titleEN: "Strict visa screening process", titleJA: "厳格な査証審査"),
            OutlineItem(number: n("3 (2)"), titleEN: "Raising awareness", titleJA: "啓発"),
        ]
        let contributions = [
            Contribution(id: "c-intro", year: 2024, ministries: ["cas"],
                         textEN: "The Government dealt with 96 cases of arrest in 2024. By nationality, the number of Japanese victims was 58. "
                             + "See {item:9 (9)} for details.",
                         textJA: "政府は取組を進めた。詳細は{item:9 (9)}を参照。", statusJA: .translation, home: n("1"), sourceLine: 10),
            Contribution(id: "c-definition", year: 2024, ministries: ["mofa"],
                         textEN: "- The Protocol defines trafficking in persons (trend: {figure:figure-trend}).",
                         textJA: "- 議定書は人身取引を定義している（推移：{figure:figure-trend}）。", statusJA: .translation, home: n("1 (1)"), sourceLine: 20),
            Contribution(id: "c-visa", year: 2024, ministries: ["mofa"],
                         textEN: "- The Ministry of Foreign Affairs conducts careful screening of visa applications.",
                         textJA: "- 外務省は、査証申請を厳格に審査している。", statusJA: .translation, home: n("3 (1) i)"), sourceLine: 30),
            Contribution(id: "c-poster", year: 2024, ministries: ["cao"],
                         textEN: "- The Cabinet Office produced posters (see {figure:figure-poster}) for victims <under 18> & their families.",
                         home: n("3 (2)"), sourceLine: 40),
        ]
        let placements = [
            Placement(contributionID: "c-intro", item: n("1"), position: 0, isRepeat: false, sourceLine: 10),
            Placement(contributionID: "c-definition", item: n("1 (1)"), position: 0, isRepeat: false, sourceLine: 20),
            Placement(contributionID: "c-visa", item: n("3 (1) i)"), position: 0, isRepeat: false, sourceLine: 30),
            Placement(contributionID: "c-poster", item: n("3 (2)"), position: 0, isRepeat: false, sourceLine: 40),
            Placement(contributionID: "c-visa", item: n("3 (2)"), position: 1, isRepeat: true, printedMarker: "[Repeated from 3 (1) i)]",
                      printedText: "- The Ministry of Foreign Affairs conducts careful screening of all visa applications.", sourceLine: 44),
        ]
        let exhibits = [
            Exhibit(id: "figure-definition", kind: .figure, printedNumber: 1, captionEN: "Definition of trafficking in persons",
                    captionJA: "人身取引の定義", item: n("1 (1)"), sourceLine: 22),
            Exhibit(id: "figure-trend", kind: .figure, printedNumber: 3, captionEN: "Trends in the number of victims of trafficking in persons",
                    item: n("2"), computed: true),
            Exhibit(id: "figure-poster", kind: .figure, printedNumber: 14, captionEN: "Poster for Measures to Combat Trafficking in Persons",
                    captionJA: "人身取引対策ポスター", credit: "Cabinet Office", item: n("3 (2)"), sourceLine: 42),
        ]
        return WholeEdition(year: 2024, approvedOn: Day(year: 2025, month: 8, day: 26), outline: outline, contributions: contributions,
                            placements: placements, exhibits: exhibits)
    }

    private func victim(_ nationality: String) -> ReportFacts.VictimGroup {
        .init(sex: "female", nationality: nationality, residenceStatus: nationality == "JPN" ? nil : "entertainer", exploitation: "sexual", minor: false)
    }

    private var suspect: ReportFacts.SuspectGroup {
        .init(sex: "male", nationality: "JPN", broker: false, organizedCrime: false, disposition: .prosecuted, notProsecutedReason: nil, verdict: .guilty)
    }

    /// 2024 as the seed counts it where it matters here: 66 victims (61 in 2023), 58 of them Japanese, 97 cleared cases.
    private var facts: ReportFacts {
        var current = ReportFacts.Year(), previous = ReportFacts.Year()
        current.victims = [victim("JPN"): 58, victim("PHL"): 8]
        previous.victims = [victim("JPN"): 50, victim("PHL"): 11]
        current.suspects = [suspect: 58]
        previous.suspects = [suspect: 56]
        current.clearedCases = 97
        previous.clearedCases = 115
        return ReportFacts(year: 2024, asOf: Day.reportCutOff(forDataYear: 2024), current: current, previous: previous, prosecuted: [],
                           awaitingInPreviousReport: [], previousReportIsPublished: false, carriedOver: [], series: [], offenses: [:])
    }

    private func report(_ language: Language, withSection2: Bool = false) -> WholeReport {
        withSection2 ? WholeReport(edition: edition, facts: facts, language: language)
            : WholeReport(edition: edition, section2: nil, section8: [], language: language)
    }

    private func occurrences(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test("a repeat renders its source's text and the marker, in both languages; the drifted printed copy never shows")
    func repeats() throws {
        for format in [ReportFormat.text, .markdown, .html, .json] {
            let english = try report(.en).rendered(as: format)
            #expect(!english.contains("all visa applications"), "\(format)")
            #expect(occurrences("careful screening of visa applications", in: english) == 2, "\(format)")
        }
        let english = try report(.en).rendered(as: .text)
        #expect(english.contains("- The Ministry of Foreign Affairs conducts careful screening of visa applications.\n[Repeated from 3 (1) i)]"))
        let japanese = try report(.ja).rendered(as: .text)
        #expect(japanese.contains("- 外務省は、査証申請を厳格に審査している。\n［3 (1) i) から再掲］"))
        #expect(occurrences("外務省は、査証申請を厳格に審査している。", in: japanese) == 2)
        #expect(!japanese.contains("all visa applications"))
    }

    @Test("the Japanese edition shows a paragraph with no Japanese text in English, marked, and says the headings are CTIP's translation")
    func untranslated() throws {
        let japanese = report(.ja)
        let text = try japanese.rendered(as: .text)
        #expect(text.contains("- The Cabinet Office produced posters (see Figure 2) for victims <under 18> & their families.\n（英語原文・和訳なし）"))
        #expect(text.contains("3 人身取引の防止") && text.contains("i) 厳格な査証審査"))
        #expect(japanese.notes.contains { $0.contains("CTIPによる仮訳") })
        #expect(japanese.notes.contains { $0.contains("（英語原文・和訳なし）") })
        let html = try japanese.rendered(as: .html)
        #expect(html.contains("<html lang=\"ja\">"))
        #expect(html.contains("data-contribution=\"c-poster\" lang=\"en\""))
        #expect(try report(.en).rendered(as: .text).hasPrefix("Provisional translation\n"))
    }

    @Test("the contents list every heading in order, indented by level; section 2's headings come in chapter 2")
    func contents() throws {
        let english = report(.en)
        #expect(english.contents.map(\.label) == [
            "1 Introduction", "(1) Definition of trafficking in persons", "2 Gaining a thorough understanding of trafficking in persons",
            "3 Prevention of trafficking in persons", "(1) Thorough immigration control", "i) Strict visa screening process", "(2) Raising awareness",
        ])
        #expect(english.contents.map(\.level) == [1, 2, 1, 1, 2, 3, 2])
        let text = try english.rendered(as: .text)
        #expect(text.contains("\nContents\n\n1 Introduction\n  (1) Definition of trafficking in persons\n"))
        #expect(text.contains("\n    i) Strict visa screening process\n"))
        #expect(text.contains("Section 2 is computed from the records"), "with no records, chapter 2 says so")

        let computed = report(.en, withSection2: true)
        // Section 8 restates section 2: the edition has no chapter 8, so it comes last under its own heading.
        #expect(computed.contents.map(\.number) == ["1", "1 (1)", "2", "2 (1)", "2 (1) i)", "2 (1) ii)", "3", "3 (1)", "3 (1) i)", "3 (2)", "8"])
        #expect(computed.contents[3].label == "(1) Incidence of trafficking in persons in Japan")
    }

    @Test("tables and figures are numbered in order of first appearance; section 2's replace the edition's computed ones; references render the numbers")
    func numbering() throws {
        let english = report(.en, withSection2: true)
        // Figure 1 in chapter 1, section 2's five figures, then the poster of chapter 3.
        #expect(english.figures.map(\.number) == Array(1...7))
        #expect(english.figures.first?.exhibitID == "figure-definition")
        #expect(english.figures[1].exhibitID == "figure-trend" && english.figures[1].computed)
        #expect(english.figures.filter { $0.exhibitID == "figure-trend" }.count == 1, "listed once")
        #expect(english.figures.last?.exhibitID == "figure-poster")
        #expect(english.tables.map(\.number) == [1])
        let text = try english.rendered(as: .text)
        #expect(text.contains("(trend: Figure 2)"))
        #expect(text.contains("(see Figure 7)"))
        #expect(text.contains("[Figure 7] Poster for Measures to Combat Trafficking in Persons (Cabinet Office)"))
        #expect(text.contains("See {item:9 (9)} for details."), "an unresolved reference stays visible")
        #expect(text.contains("the number of cases of arrest was 97"), "section 8 is not typed: 97, from the facts")
        let japanese = try report(.ja, withSection2: true).rendered(as: .text)
        #expect(japanese.contains("（推移：図2）"))
        #expect(japanese.contains("［図7］人身取引対策ポスター（内閣府）"))
        // Without section 2 the computed figure is not drawn and the numbers close up.
        #expect(report(.en).figures.map(\.exhibitID) == ["figure-definition", "figure-poster"])
    }

    @Test("the check finds the dangling reference, the drifted repeat, the contradicting number, one summary of missing Japanese, and nothing else")
    func check() {
        let computed = [
            CheckedFigure(key: "cleared_cases", value: 97, unitWords: ["cases of arrest", "cleared cases"], year: 2024, label: "cleared cases"),
            CheckedFigure(key: "victims", value: 66, unitWords: ["victims"], year: 2024, label: "victims"),
            CheckedFigure(key: "japanese_victims", value: 58, unitWords: ["Japanese victims"], year: 2024, label: "Japanese victims"),
        ]
        let findings = WholeReportCheck.findings(edition: edition, computed: computed)
        #expect(findings.map(\.kind) == [.unresolvedReference, .contradictsRecords, .repeatDiffersFromSource, .missingLanguage])
        #expect(findings.count == 4)
        guard findings.count == 4 else { return }
        #expect(findings[0].item == "1" && findings[0].line == 10 && findings[0].message.contains("{item:9 (9)}"))
        #expect(findings[1].description == "seed:10: 1: contradicts the records: \"96 cases of arrest\" but CTIP counts 97 cleared cases in 2024")
        #expect(findings[2].item == "3 (2)" && findings[2].line == 44 && findings[2].message.contains("3 (1) i)")
                && findings[2].message.contains("line 30") && findings[2].message.contains("\"all\""))
        #expect(findings[3].item.isEmpty && findings[3].message.hasPrefix("1 contribution has no Japanese text"))
        // Acceptance: a draft whose contributions are not all accepted.
        let draft = WholeReportCheck.findings(edition: edition, computed: [], accepted: ["c-intro", "c-definition", "c-visa"])
        #expect(draft.filter { $0.kind == .notAccepted }.map(\.item) == ["3 (2)"])
    }

    @Test("HTML is a printable A4 document with the contents and page numbers, and escapes the text")
    func html() throws {
        let html = try report(.en, withSection2: true).rendered(as: .html)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("@page") && html.contains("size: A4") && html.contains("target-counter(attr(href), page)"))
        #expect(html.contains("<a href=\"#item-3-1-i\">i) Strict visa screening process</a>"))
        #expect(html.contains("id=\"item-3-1-i\""))
        #expect(html.contains("victims &lt;under 18&gt; &amp; their families"))
        #expect(!html.contains("<under 18>"))
        #expect(html.contains("<svg"), "section 2's figures are drawn")
    }

    @Test("JSON: year, language, contents, figures and the placements with their repeats")
    func json() throws {
        let data = Data(try report(.en).rendered(as: .json).utf8)
        let form = try JSONDecoder().decode(WholeReport.JSONForm.self, from: data)
        #expect(form.year == 2024 && form.language == "en" && form.approvedOn == "2025-08-26")
        #expect(form.contents.count == 7 && form.contents[5].number == "3 (1) i)" && form.contents[5].level == 3)
        #expect(form.figures.map(\.number) == [1, 2])
        let awareness = try #require(form.body.first { $0.number == "3 (2)" })
        #expect(awareness.placements.map(\.contributionID) == ["c-poster", "c-visa"])
        #expect(awareness.placements.map(\.repeatOf) == [nil, "3 (1) i)"])
        #expect(awareness.figures == [2])
        #expect(String(decoding: data, as: UTF8.self).contains("\"repeat_of\" : \"3 (1) i)\""))
    }

    @Test("section 8 restates section 2 from the facts: 66 victims, up from 61; 58 Japanese; 97 cases of arrest")
    func sectionEight() {
        let english = SectionEight.paragraphs(facts: facts, language: .en)
        #expect(english.count == 2)
        #expect(english[0].contains("the number of cases of arrest was 97."))
        #expect(english[0].contains("recognized in 2024 increased compared to that in 2023, from 61 to 66."))
        #expect(english[0].contains("By nationality, the number of Japanese victims was 58."))
        #expect(english[1].contains("2022 Action Plan"))
        let japanese = SectionEight.paragraphs(facts: facts, language: .ja)
        #expect(japanese[0].contains("検挙件数は97件であった。"))
        #expect(japanese[0].contains("2024年に認知した人身取引被害者数は66人で、2023年（61人）と比べ増加した。"))
        #expect(japanese[0].contains("日本人被害者数は58人であった。"))
        // What it writes agrees with the records it is checked against.
        let figures = CheckedFigure.records(facts)
        let edition = WholeEdition(year: 2024, outline: [OutlineItem(number: n("8"), titleEN: "Future efforts", titleJA: "今後の取組")],
                                   contributions: [Contribution(id: "s8", year: 2024, ministries: [], textEN: english.joined(separator: "\n"),
                                                                textJA: japanese.joined(separator: "\n"), statusJA: .original, home: n("8"))],
                                   placements: [Placement(contributionID: "s8", item: n("8"), position: 0, isRepeat: false)])
        #expect(WholeReportCheck.findings(edition: edition, computed: figures).isEmpty)
    }
}
