import CTIPCore
import CTIPStorage
import Foundation
import Testing
import VaporTesting
@testable import CTIPWeb

/// `GET /reports/Y/whole`: the whole report of the year's edition (here the seed, read as the published
/// edition of 2024), section 2 computed from the reference bundle, as one printable A4 document.
@Suite("Web: the whole annual report")
struct WholeReportWebTests {
    static let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/seed/000_d5bf70a9649b1a73.txt")

    @Test("the 2024 report, whole: contents with page numbers when printed, repeats from one source, section 2 and section 8 from the records",
          .enabled(if: FileManager.default.fileExists(atPath: seed.path)))
    func wholeReport() async throws {
        try await withReferenceApp { app in
            let text = try String(contentsOf: Self.seed, encoding: .utf8)
            let edition = try EditionParser.parse(text, file: "seed.txt", year: 2024, approvedOn: Day(year: 2025, month: 8, day: 26))
            try await WholeReportStore(database: app.db).save(edition, source: "seed.txt")
            try await app.testing().test(.GET, "reports/2024/whole") { response async throws in
                #expect(response.status == .ok && response.headers.contentType == .html)
                let page = response.body.string
                #expect(page.contains("@page") && page.contains("target-counter"), "printed with page numbers")
                for words in ["Prevention of Trafficking in persons", "[Repeated from 3 (7) i)]", "Efforts to reduce the demand side",
                              "(five more than in 2023)"] {
                    #expect(page.contains(words), "\(words)")
                }
                #expect(!page.contains("96 cases of arrest"), "section 8 is written from the records, not typed")
            }
            try await app.testing().test(.GET, "reports/2024/whole?lang=ja") { response async throws in
                let page = response.body.string
                #expect(page.contains("<html lang=\"ja\"") && page.contains("人身取引の防止") && page.contains("から再掲"))
                #expect(page.contains("lang=\"en\""), "a paragraph CTIP holds only in English is shown in English, marked")
            }
            try await app.testing().test(.GET, "reports/2023/whole") { response async throws in
                #expect(response.status == .notFound)
            }
        }
    }

    /// A small edition of CTIP's own words (the seed's text stays in its file, never in the repository's snapshots).
    static let small: WholeEdition = {
        let chapter = OutlineNumber("3")!, item = OutlineNumber("3 (7)")!, sub = OutlineNumber("3 (7) i)")!
        let four = OutlineNumber("4")!, other = OutlineNumber("4 (2)")!
        return WholeEdition(
            year: 2024, approvedOn: Day(year: 2025, month: 8, day: 26),
            outline: [OutlineItem(number: OutlineNumber("1")!, titleEN: "Introduction", titleJA: "はじめに"),
                      OutlineItem(number: OutlineNumber("2")!, titleEN: "Gaining a thorough understanding of trafficking in persons", titleJA: "人身取引の実態把握の徹底"),
                      OutlineItem(number: chapter, titleEN: "Prevention of Trafficking in persons", titleJA: "人身取引の防止"),
                      OutlineItem(number: item, titleEN: "Efforts to reduce the demand side", titleJA: "需要側への取組"),
                      OutlineItem(number: sub, titleEN: "Raising awareness of the demand side", titleJA: "需要側の意識啓発"),
                      OutlineItem(number: four, titleEN: "Promotion of identification of trafficking victims", titleJA: "人身取引被害者の認知の推進"),
                      OutlineItem(number: other, titleEN: "Informing latent victims", titleJA: "潜在的被害者への周知"),
                      OutlineItem(number: OutlineNumber("8")!, titleEN: "Future efforts", titleJA: "今後の取組")],
            contributions: [Contribution(id: "C2024-0001", year: 2024, ministries: ["cao"], textEN: "A test text: the Cabinet Office printed posters for <everyone>, see {figure:figure-1}.",
                                         home: sub),
                            Contribution(id: "C2024-0002", year: 2024, ministries: ["npa"], textEN: "A second test text.", textJA: "二つ目のテスト文。",
                                         statusJA: .translation, home: other)],
            placements: [Placement(contributionID: "C2024-0001", item: sub, position: 1, isRepeat: false),
                         Placement(contributionID: "C2024-0002", item: other, position: 1, isRepeat: false),
                         Placement(contributionID: "C2024-0001", item: other, position: 2, isRepeat: true)],
            exhibits: [Exhibit(id: "figure-1", kind: .figure, printedNumber: 14, captionEN: "A poster", captionJA: "ポスター", credit: "Cabinet Office", item: sub)])
    }()

    @Test("the whole report's page matches its snapshots, in English and Japanese (a small edition of CTIP's own words)")
    func snapshots() async throws {
        try await withReferenceApp { app in
            try await WholeReportStore(database: app.db).save(Self.small, source: "small.txt")
            for language in ["en", "ja"] {
                try await app.testing().test(.GET, "reports/2024/whole?lang=\(language)") { response async throws in
                    #expect(response.status == .ok)
                    let page = response.body.string
                    #expect(page.contains("&lt;everyone&gt;") && !page.contains("<everyone>"), "text is escaped")
                    try assertSnapshot(page, named: "report-2024-whole-small-\(language).html")
                }
            }
        }
    }
}
