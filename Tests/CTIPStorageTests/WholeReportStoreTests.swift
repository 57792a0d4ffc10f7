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
            printedContents: ["3 Prevention of Trafficking in persons", "3 (7) Efforts to reduce the demand side"])
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
}
