import CTIPCore
import Foundation
import Testing

private let outline: Set<String> = ["1", "3", "3 (1)", "3 (1) iii)", "4", "4 (5)", "7", "7 (1)", "7 (1) ii)", "7 (1) ii) c)"]
private let agencies: Set<String> = ["mofa", "npa", "moj", "isa", "moj_human_rights"]

private func number(_ text: String) -> OutlineNumber { OutlineNumber(text)! }

/// The problems of a file that must be refused (none when it is read).
private func issues(_ text: String, file: String = "f.md", forYear: Int? = nil) -> [EditionIssue] {
    switch ContributionFile.parse(text, file: file, outline: outline, agencies: agencies, forYear: forYear) {
    case .success: return []
    case .failure(let rejected): return rejected.issues
    }
}

private func parsed(_ text: String) throws -> ContributionFile.ParsedContribution {
    try ContributionFile.parse(text, file: "f.md", outline: outline, agencies: agencies).get()
}

@Suite("A ministry's contribution as a file: Markdown with a front matter (issue 16)")
struct ContributionFileTests {
    @Test("write then parse gives the contribution back: one language, the repeats under `also`")
    func roundTripOneLanguage() throws {
        let contribution = Contribution(
            id: "mofa-2025-visa-network", year: 2025, ministries: ["mofa", "isa"],
            textEN: "- Embassies share what they learn of brokers through a common visa information system.\n  - Checked at {item:4 (5)}.\nA paragraph.",
            home: number("3 (1) iii)"), state: .submitted)
        let also = [number("7 (1) ii) c)"), number("4 (5)")]
        let text = ContributionFile.write(contribution, also: also)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(lines.prefix(9)) == ["---", "id: mofa-2025-visa-network", "year: 2025", "item: 3 (1) iii)", "also: 7 (1) ii) c); 4 (5)",
                                           "ministries: mofa; isa", "language: en", "status: original", "---"])
        #expect(!text.contains(ContributionFile.japaneseSeparator))

        let read = try parsed(text)
        #expect(read.contribution == contribution)
        #expect(read.also == also)
        #expect(read.contribution.statusJA == .missing && read.contribution.textJA.isEmpty)
    }

    @Test("write then parse gives the contribution back: both languages in one file, and a Japanese-only one")
    func roundTripBothLanguages() throws {
        let translated = Contribution(id: "npa-2025-3-1-iii", year: 2025, ministries: ["npa"], textEN: "- The police trained officers.",
                                      textJA: "- 警察は職員を研修した。", statusEN: .original, statusJA: .translation, home: number("3 (1) iii)"),
                                      state: .submitted)
        let text = ContributionFile.write(translated, also: [])
        #expect(text.contains("\nstatus_ja: translation\n"))
        #expect(text.contains("\n--- ja ---\n- 警察は職員を研修した。\n"))
        #expect(!text.contains("also:"))
        #expect(try parsed(text).contribution == translated)
        #expect(try parsed(text).also.isEmpty)

        let japaneseOriginal = Contribution(id: "moj-2025-1", year: 2025, ministries: ["moj"], textEN: "Translated by the ministry.",
                                            textJA: "法務省の原文。", statusEN: .translation, statusJA: .original, home: number("1"), state: .submitted)
        let both = ContributionFile.write(japaneseOriginal, also: [number("4 (5)")])
        #expect(both.contains("\nstatus: translation\n") && both.contains("\nstatus_ja: original\n"))
        #expect(try parsed(both).contribution == japaneseOriginal)
        #expect(try parsed(both).also == [number("4 (5)")])

        let japaneseOnly = Contribution(id: "report-2025-1", year: 2025, ministries: [], textEN: "", textJA: "はじめに。", statusEN: .missing,
                                        statusJA: .original, home: number("1"), state: .submitted)
        let only = ContributionFile.write(japaneseOnly, also: [])
        #expect(only.contains("\nlanguage: ja\n") && only.contains("\nministries: none\n"))
        #expect(try parsed(only).contribution == japaneseOnly)
    }

    @Test("a file without an id gets one from its ministry, year and item; comments and blank lines are ignored")
    func generatedIdentifier() throws {
        let text = """
        ---
        # MOFA, for the 2025 report
        year: 2025          # the data year
        item: 3(1)iii

        ministries: mofa
        language: EN
        ---

        - Embassies exchange what they know about brokers.

        """
        let read = try parsed(text)
        #expect(read.contribution.id == "mofa-2025-3-1-iii")
        #expect(read.contribution.home == number("3 (1) iii)"))
        #expect(read.contribution.textEN == "- Embassies exchange what they know about brokers.")
        #expect(read.contribution.statusEN == .original && read.contribution.statusJA == .missing)
        #expect(read.contribution.state == .submitted)
    }

    @Test("every problem is reported at its line, all of them: the item, the ministry, an unknown key, a reference")
    func problemsAtTheirLines() {
        let text = """
        ---
        year: 2025
        item: 3 (9)
        ministries: mofa; mofx
        language: en
        colour: blue
        ---
        - Brokers are screened as described in {item:9 (1)}.
        """
        let found = issues(text, file: "mofa.md")
        #expect(found.map(\.line) == [3, 4, 6, 8])
        #expect(found.allSatisfy { $0.file == "mofa.md" })
        #expect(found[0].message == "item `3 (9)` is not a heading of the 2025 outline")
        #expect(found[1].message.contains("unknown ministry code `mofx`"))
        #expect(found[2].message.contains("unknown key `colour`"))
        #expect(found[3].message.contains("{item:9 (1)}"))
        #expect(found[0].description == "mofa.md:3: item `3 (9)` is not a heading of the 2025 outline")
    }

    @Test("a file without its opening `---` is refused at line 1")
    func missingFrontMatter() {
        let found = issues("year: 2025\nitem: 3 (1) iii)\n\n- Text.\n")
        #expect(found.count == 1)
        #expect(found.first?.line == 1)
        #expect(found.first?.message.contains("`---`") == true)

        let unclosed = issues("---\nyear: 2025\nitem: 3 (1) iii)\n\n- Text.\n")
        #expect(unclosed.map(\.line) == [1])
    }

    @Test("an empty body is refused at the body's first line; so is an empty Japanese part")
    func emptyBody() {
        let found = issues("---\nyear: 2025\nitem: 3 (1) iii)\nministries: mofa\nlanguage: en\n---\n\n   \n")
        #expect(found.map(\.line) == [7])
        #expect(found.first?.message.contains("empty") == true)

        let japanese = issues("---\nyear: 2025\nitem: 3 (1) iii)\nministries: mofa\nlanguage: en\n---\n- Text.\n--- ja ---\n\n")
        #expect(japanese.map(\.line) == [9])
    }

    @Test("missing and doubled keys, a wrong year, language and status, a Japanese part after a Japanese body")
    func keyProblems() {
        let found = issues("""
        ---
        year: 2025
        year: 2026
        item: 3 (1) iii)
        also: 3 (1) iii); x y z
        language: ja
        status: missing
        ---
        - テキスト。
        --- ja ---
        - テキスト。
        """)
        // Line 1: `ministries` is missing; 3: doubled; 5: the item itself, and not an outline number; 6: ja with a ja part; 7: status.
        #expect(found.map(\.line) == [1, 3, 5, 5, 6, 7])
        #expect(found[0].message.contains("missing key `ministries`"))
        #expect(found[1].message.contains("given twice (first at line 2)"))

        let otherYear = issues("---\nyear: 2024\nitem: 3 (1) iii)\nministries: mofa\nlanguage: en\n---\n- Text.\n", forYear: 2025)
        #expect(otherYear.map(\.line) == [2])
        let notAYear = issues("---\nyear: twenty\nitem: 3 (1) iii)\nministries: mofa\nlanguage: fr\nstatus_ja: original\n---\n- Text.\n")
        #expect(notAYear.map(\.line) == [2, 5, 6])
    }

    @Test("two files giving the same id are refused at the later one's `id:` line")
    func duplicateIdentifiers() throws {
        let first = "---\nid: mofa-visa\nyear: 2025\nitem: 3 (1) iii)\nministries: mofa\nlanguage: en\n---\n- One.\n"
        let second = "---\nyear: 2025\nid: mofa-visa\nitem: 4 (5)\nministries: mofa\nlanguage: en\n---\n- Two.\n"
        let found = ContributionFile.duplicateIdentifiers([(file: "a.md", text: first, parsed: try parsed(first)),
                                                           (file: "b.md", text: second, parsed: try parsed(second))])
        #expect(found.map(\.description) == ["b.md:3: contribution id `mofa-visa` is also that of a.md"])
    }

    @Test("a figure key declared by two files, or already another contribution's, is refused at its line")
    func duplicateFigureKeys() throws {
        let first = "---\nid: mofa-visa\nyear: 2025\nitem: 3 (1) iii)\nministries: mofa\nlanguage: en\nfigures:\n  visas: 12 | persons | FY2025 | mofa\n---\n- One {number:visas}.\n"
        let second = "---\nid: mofa-other\nyear: 2025\nitem: 4 (5)\nministries: mofa\nlanguage: en\nfigures:\n  visas: 13 | persons | FY2025 | mofa\n---\n- Two {number:visas}.\n"
        var held = edition()
        held.figures = [TextFigure(key: "npa-cases", entered: EnteredFigure(.count(5), unit: .cases, period: .year(2025), source: "npa"), contributionID: "C2025-0001")]
        let found = ContributionFile.duplicateFigureKeys([(file: "a.md", text: first, parsed: try parsed(first)),
                                                          (file: "b.md", text: second, parsed: try parsed(second))], edition: held)
        #expect(found.map(\.description) == ["b.md:8: figure `visas` is also declared by a.md: give it another key"])
        let takeover = "---\nid: mofa-third\nyear: 2025\nitem: 4 (5)\nministries: mofa\nlanguage: en\nfigures:\n  npa-cases: 6 | cases | 2025 | mofa\n---\n- Three.\n"
        #expect(ContributionFile.duplicateFigureKeys([(file: "c.md", text: takeover, parsed: try parsed(takeover))], edition: held).map(\.description)
            == ["c.md:8: figure `npa-cases` is already declared by contribution C2025-0001: give it another key"])
    }

    // MARK: apply

    private func edition() -> WholeEdition {
        let items = outline.sorted().map { OutlineItem(number: number($0), titleEN: "Item \($0)", titleJA: "項目\($0)") }
        let first = Contribution(id: "C2025-0001", year: 2025, ministries: ["npa"], textEN: "- The police did this.", home: number("3 (1) iii)"),
                                 sourceLine: 10)
        let second = Contribution(id: "C2025-0002", year: 2025, ministries: ["moj"], textEN: "- The ministry did that.", home: number("3 (1) iii)"),
                                  sourceLine: 12)
        return WholeEdition(year: 2025, outline: items, contributions: [first, second], placements: [
            Placement(contributionID: "C2025-0001", item: number("3 (1) iii)"), position: 1, isRepeat: false, sourceLine: 10),
            Placement(contributionID: "C2025-0002", item: number("3 (1) iii)"), position: 2, isRepeat: false, sourceLine: 12),
            Placement(contributionID: "C2025-0002", item: number("4 (5)"), position: 1, isRepeat: true, printedMarker: "[Repeated from 3 (1) iii)]",
                      printedText: "- The ministry did that.", sourceLine: 40),
        ])
    }

    @Test("apply adds a new contribution after the item's others, with a repeat at each `also` item")
    func applyAdds() throws {
        let file = try parsed("""
        ---
        id: mofa-2025-visa-network
        year: 2025
        item: 3 (1) iii)
        also: 7 (1) ii) c)
        ministries: mofa
        language: en
        ---
        - Embassies exchange what they know about brokers.
        """)
        let updated = ContributionFile.apply([file], to: edition())
        #expect(updated.contributions.count == 3)
        #expect(updated.contributions.last == file.contribution)
        let placements = updated.placements.filter { $0.contributionID == "mofa-2025-visa-network" }
        #expect(placements.count == 2)
        #expect(placements.contains(Placement(contributionID: "mofa-2025-visa-network", item: number("3 (1) iii)"), position: 3, isRepeat: false)))
        #expect(placements.contains(Placement(contributionID: "mofa-2025-visa-network", item: number("7 (1) ii) c)"), position: 1, isRepeat: true)))
        // The others are untouched.
        #expect(updated.placements.filter { $0.contributionID != "mofa-2025-visa-network" } == edition().placements)
    }

    @Test("apply replaces a contribution by its id, keeps its position and drops a placement no longer listed")
    func applyReplaces() throws {
        let file = try parsed("""
        ---
        id: C2025-0002
        year: 2025
        item: 3 (1) iii)
        ministries: moj
        language: en
        ---
        - The ministry did that, and more.
        """)
        let updated = ContributionFile.apply([file], to: edition())
        #expect(updated.contributions.count == 2)
        let replaced = try #require(updated.contributions.first { $0.id == "C2025-0002" })
        #expect(replaced.textEN == "- The ministry did that, and more.")
        #expect(replaced.state == .submitted)
        #expect(replaced.sourceLine == nil)
        let placements = updated.placements.filter { $0.contributionID == "C2025-0002" }
        #expect(placements.count == 1)
        #expect(placements.first?.item == number("3 (1) iii)"))
        #expect(placements.first?.position == 2)
        #expect(placements.first?.isRepeat == false)
        #expect(!updated.placements.contains { $0.item == number("4 (5)") })
    }

    @Test("apply of an unchanged file changes nothing; moving the home makes the old place a repeat if still listed")
    func applyUnchangedAndMoved() throws {
        let original = edition()
        let exported = ContributionFile.write(original.contributions[1], also: [number("4 (5)")])
        let same = ContributionFile.apply([try parsed(exported)], to: original)
        #expect(same == original)

        let moved = try parsed("""
        ---
        id: C2025-0001
        year: 2025
        item: 4 (5)
        also: 3 (1) iii)
        ministries: npa
        language: en
        ---
        - The police did this.
        """)
        let updated = ContributionFile.apply([moved], to: original)
        let placements = updated.placements.filter { $0.contributionID == "C2025-0001" }
        #expect(placements.count == 2)
        let old = try #require(placements.first { $0.item == number("3 (1) iii)") })
        #expect(old.isRepeat && old.position == 1)
        let home = try #require(placements.first { $0.item == number("4 (5)") })
        #expect(!home.isRepeat && home.position == 2)
        #expect(updated.contributions.first { $0.id == "C2025-0001" }?.home == number("4 (5)"))
    }
}
