import CTIPCore
import CTIPStorage
import Foundation
import Testing

/// The whole report's edition in the database, on both engines: saved whole, read back the same, a
/// second save of the same year replacing the first, and audited.
@Suite("Whole report: storage on both engines")
struct WholeReportStoreTests {
    static func edition(year: Int, text: String) -> WholeEdition {
        let chapter = OutlineNumber("3")!, item = OutlineNumber("3 (7)")!, sub = OutlineNumber("3 (7) i)")!, other = OutlineNumber("4 (2)")!
        return WholeEdition(
            year: year, approvedOn: Day(year: year + 1, month: 8, day: 26),
            outline: [OutlineItem(number: chapter, titleEN: "Prevention of Trafficking in persons", titleJA: "人身取引の防止"),
                      OutlineItem(number: item, titleEN: "Efforts to reduce the demand side", titleJA: "需要側への取組"),
                      OutlineItem(number: sub, titleEN: "Raising awareness of the demand side", titleJA: "需要側の意識啓発", titleJAIsOwnTranslation: false),
                      OutlineItem(number: OutlineNumber("4")!, titleEN: "Promotion of identification", titleJA: "被害者の認知の推進"),
                      OutlineItem(number: other, titleEN: "Informing latent victims", titleJA: "潜在的被害者への周知")],
            contributions: [Contribution(id: "C\(year)-0001", year: year, ministries: ["cao"], textEN: text, home: sub, sourceLine: 687),
                            Contribution(id: "C\(year)-0002", year: year, ministries: [], textEN: "A paragraph with no ministry.",
                                         textJA: "府省庁のない段落。", statusJA: .translation, home: chapter)],
            // In the outline's order, then by position: the order `load` gives them in.
            placements: [Placement(contributionID: "C\(year)-0002", item: chapter, position: 0, isRepeat: false),
                         Placement(contributionID: "C\(year)-0001", item: sub, position: 0, isRepeat: false, sourceLine: 687),
                         Placement(contributionID: "C\(year)-0001", item: other, position: 0, isRepeat: true,
                                   printedMarker: "[Repeated from 3 (7) i]", printedText: text + " (copied)", sourceLine: 922)],
            exhibits: [Exhibit(id: "figure-14", kind: .figure, printedNumber: 14, captionEN: "Poster for Measures to Combat Trafficking in Persons, etc.",
                               credit: "Cabinet Office", item: sub, sourceLine: 700)],
            printedContents: ["3 Prevention of Trafficking in persons", "3 (7) Efforts to reduce the demand side"],
            figures: [TextFigure(key: "cao-posters", entered: EnteredFigure(.count(46_000), unit: .copies, period: .fiscalYear(year), source: "cao"),
                                 contributionID: "C\(year)-0001"),
                      TextFigure(key: "victims", computed: "victims")])
    }

    @Test("an edition is read back as it was saved, and saving the year again replaces it", arguments: Engine.available)
    func roundTrip(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            let store = WholeReportStore(database: storage.database)
            let first = Self.edition(year: 2024, text: "The Cabinet Office produced about 46,000 posters, \"Never do it!\".")
            try await store.save(first, source: "seed.txt")
            #expect(try await store.load(year: 2024) == first)
            #expect(try await store.load(year: 2023) == nil)
            let second = Self.edition(year: 2024, text: "A second text.")
            try await store.save(second, source: "seed.txt")
            #expect(try await store.load(year: 2024) == second)
            #expect(try await store.years() == [2024])
            let trail = try await AuditLog(database: storage.database).entries(record: "whole_report:2024")
            #expect(trail.count == 2)
        }
    }

    /// The small edition with the chapters CTIP writes itself (2 and 8) in its outline.
    static func withComputedChapters(_ edition: WholeEdition) -> WholeEdition {
        var edition = edition
        edition.outline.insert(OutlineItem(number: OutlineNumber("2")!, titleEN: "Gaining a thorough understanding of trafficking in persons",
                                           titleJA: "人身取引の実態把握の徹底"), at: 0)
        edition.outline.append(OutlineItem(number: OutlineNumber("8")!, titleEN: "Future efforts", titleJA: "今後の取組"))
        return edition
    }

    @Test("carrying 2024 forward to a 2025 draft with new records changes exactly the computed figures: section 2 and section 8",
          arguments: Engine.available)
    func carryForward(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            _ = try await BundleImporter(database: storage.database).importBundle(at: ReferenceBundle.directory)
            let store = WholeReportStore(database: storage.database), reports = AnnualReports(database: storage.database)
            let published = Self.withComputedChapters(Self.edition(year: 2024, text: "The Cabinet Office printed about 46,000 posters."))
            try await store.save(published, source: "seed.txt")
            try await store.save(published.draft(forYear: 2025), source: "draft from 2024")
            // New records of 2025: three victims and a cleared case.
            let folder = try writeBundle([
                "cases.csv": "case_id,cleared_on\nC2025-900,2025-05-01\n",
                "victims.csv": "victim_id,protected_on,sex,age,nationality,exploitation,case_ids\n"
                    + (1...3).map { "V2025-90\($0),2025-05-0\($0),female,25,JPN,sexual,C2025-900" }.joined(separator: "\n") + "\n",
            ])
            defer { try? FileManager.default.removeItem(at: folder) }
            _ = try await BundleImporter(database: storage.database).importBundle(at: folder)

            func rendered(_ year: Int) async throws -> WholeReport.JSONForm {
                let edition = try #require(try await store.load(year: year))
                let facts = try await reports.facts(year: year, asOf: Day.reportCutOff(forDataYear: year))
                return WholeReport(edition: edition, facts: facts, language: .en).jsonForm
            }
            let before = try await rendered(2024), after = try await rendered(2025)
            let draft = try #require(try await store.load(year: 2025))
            #expect(draft.contributions.allSatisfy { $0.state == .drafted && $0.carriedFrom == 2024 && $0.id.hasPrefix("C2025-") })
            func written(_ form: WholeReport.JSONForm) -> [[String]] {
                form.body.filter { !["2", "8"].contains(String($0.number.prefix(1))) }.map { $0.placements.map(\.text) }
            }
            #expect(written(after) == written(before), "the ministries' texts are carried forward unchanged")
            let computedBefore = before.body.filter { ["2", "8"].contains(String($0.number.prefix(1))) }.flatMap(\.paragraphs)
            let computedAfter = after.body.filter { ["2", "8"].contains(String($0.number.prefix(1))) }.flatMap(\.paragraphs)
            #expect(computedAfter != computedBefore, "section 2 and section 8 are computed anew")
            #expect(computedAfter.joined().contains("three") || computedAfter.joined().contains("3 "), "the three victims of 2025: \(computedAfter.prefix(3))")
            // The carried-forward contributions are not accepted yet: the check lists them.
            let findings = WholeReportCheck.findings(edition: draft, computed: [],
                                                     accepted: Set(draft.contributions.filter { $0.state == .accepted }.map(\.id)))
            #expect(findings.filter { $0.kind == .notAccepted }.count == draft.contributions.count)
        }
    }

    @Test("publishing the year freezes the whole report with section 2 (every format, both languages); it needs the approval and never changes after",
          arguments: Engine.available)
    func publish(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            _ = try await BundleImporter(database: storage.database).importBundle(at: ReferenceBundle.directory)
            let store = WholeReportStore(database: storage.database), reports = AnnualReports(database: storage.database)
            var edition = Self.withComputedChapters(Self.edition(year: 2024, text: "The Cabinet Office printed about 46,000 posters."))
            edition.approvedOn = nil
            try await store.save(edition, source: "draft")
            await #expect(throws: WholeReportError.self) { _ = try await reports.publish(year: 2024, at: Date(timeIntervalSince1970: 1_756_166_400)) }
            #expect(try await reports.edition(year: 2024) == nil, "nothing published without the approval")
            try await store.approve(year: 2024, on: Day(year: 2025, month: 8, day: 26)!)
            let section2 = try await reports.publish(year: 2024, at: Date(timeIntervalSince1970: 1_756_166_400))
            let frozen = try #require(try await store.publication(year: 2024))
            #expect(frozen.publishedAt == section2.publishedAt && frozen.contentHash.hasPrefix("sha256:"))
            for format in ReportFormat.allCases {
                for language in [Language.en, .ja] {
                    let file = try await store.publishedFile(year: 2024, format: format, language: language)
                    #expect(file?.isEmpty == false, "\(format) \(language)")
                }
            }
            #expect(try await store.publishedFile(year: 2024, format: .text, language: .en)?.contains("46,000 posters") == true)
            await #expect(throws: WholeReportError.self) { try await store.save(edition, source: "again") }
        }
    }
}
