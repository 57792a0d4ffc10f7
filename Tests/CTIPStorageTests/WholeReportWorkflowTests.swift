import CTIPCore
import CTIPStorage
import Foundation
import Testing

/// The year's work on the whole report in the database, on both engines: the secretariat requests, the
/// ministry writes and submits, the secretariat returns and accepts; every step a version with who and
/// when, audited; a stale form, another ministry and a published year refused.
@Suite("Whole report: the year's work on both engines")
struct WholeReportWorkflowTests {
    static let cao = StaffIdentity(userID: "u-cao", email: "contributor@cao.example.jp",
                                   agency: Agency(code: "cao", kind: .ministry, prefecture: nil, nameEN: "Cabinet Office", nameJA: "内閣府"),
                                   role: .contributor)
    static let mhlw = StaffIdentity(userID: "u-mhlw", email: "contributor@mhlw.example.jp",
                                    agency: Agency(code: "mhlw", kind: .ministry, prefecture: nil, nameEN: "Ministry of Health, Labour and Welfare",
                                                   nameJA: "厚生労働省"), role: .contributor)
    static let secretariat = StaffIdentity(userID: "u-cas", email: "secretariat@cas.example.jp",
                                           agency: Agency(code: "cas", kind: .ministry, prefecture: nil, nameEN: "Cabinet Secretariat", nameJA: "内閣官房"),
                                           role: .secretariat)
    static let now = Date(timeIntervalSince1970: 1_780_000_000)
    static let today = Day(year: 2026, month: 5, day: 28)!

    /// The 2024 edition of the storage tests, carried forward to a 2025 draft.
    static func draft(_ store: WholeReportStore) async throws {
        try await store.save(WholeReportStoreTests.edition(year: 2024, text: "The Cabinet Office printed about 46,000 posters."), source: "seed.txt")
        _ = try await store.startDraft(year: 2025)
    }

    @Test("request → edit → submit → return → edit → submit → accept, each step a version with who, when and the state after",
          arguments: Engine.available)
    func wholePath(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            let store = WholeReportStore(database: storage.database)
            try await Self.draft(store)
            let item = OutlineNumber("4 (2)")!
            let ids = try await store.request(year: 2025, item: item, ministry: "cao", deadline: Day(year: 2026, month: 6, day: 30)!,
                                              today: Self.today, by: Self.secretariat, now: Self.now)
            #expect(ids == ["C2025-R001"])
            var edition = try #require(try await store.load(year: 2025))
            let requested = try #require(edition.contributions.first { $0.id == "C2025-R001" })
            #expect(requested.state == .requested && requested.home == item && requested.ministries == ["cao"])
            #expect(edition.placements.contains { $0.contributionID == "C2025-R001" && $0.item == item && !$0.isRepeat })
            #expect(try await store.work(year: 2025)["C2025-R001"] == ContributionWork(deadline: Day(year: 2026, month: 6, day: 30)!, revision: 1))

            let writing = WholeReportStore.Writing(textEN: "The Cabinet Office informed latent victims in 2025.", textJA: "")
            try await store.act(.edit, year: 2025, contribution: "C2025-R001", openedAt: 1, by: Self.cao, writing: writing, now: Self.now)
            try await store.act(.submit, year: 2025, contribution: "C2025-R001", openedAt: 2, by: Self.cao, now: Self.now)
            // Returning needs a comment that says what to change.
            await #expect(throws: ContributionWorkflowError.commentRequired) {
                try await store.act(.return, year: 2025, contribution: "C2025-R001", openedAt: 3, by: Self.secretariat, now: Self.now)
            }
            try await store.act(.return, year: 2025, contribution: "C2025-R001", openedAt: 3, by: Self.secretariat, comment: "Give the number of leaflets.", now: Self.now)
            try await store.act(.edit, year: 2025, contribution: "C2025-R001", openedAt: 4, by: Self.cao,
                                writing: .init(textEN: "The Cabinet Office informed latent victims with 12,000 leaflets in 2025.",
                                               textJA: "内閣府は、2025年に12,000部のリーフレットで潜在的被害者に周知した。", japaneseIsTranslation: true), now: Self.now)
            try await store.act(.submit, year: 2025, contribution: "C2025-R001", openedAt: 5, by: Self.cao, now: Self.now)
            try await store.act(.accept, year: 2025, contribution: "C2025-R001", openedAt: 6, by: Self.secretariat, now: Self.now)

            edition = try #require(try await store.load(year: 2025))
            let accepted = try #require(edition.contributions.first { $0.id == "C2025-R001" })
            #expect(accepted.state == .accepted)
            #expect(accepted.textEN == "The Cabinet Office informed latent victims with 12,000 leaflets in 2025.")
            #expect(accepted.statusJA == .translation && accepted.statusEN == .original)
            let history = try await store.history(year: 2025, contribution: "C2025-R001")
            #expect(history.map(\.action) == [.request, .edit, .submit, .return, .edit, .submit, .accept])
            #expect(history.map(\.revision) == Array(1...7))
            #expect(history.map(\.state) == [.requested, .drafted, .submitted, .returned, .drafted, .submitted, .accepted])
            #expect(history[1].actor == "user:u-cao" && history[1].agency == "cao" && history[1].textEN == writing.textEN)
            #expect(history[3].comment == "Give the number of leaflets." && history[3].actor == "user:u-cas" && history[3].textEN == nil)
            let trail = try await AuditLog(database: storage.database).entries(record: "report_contribution:2025/C2025-R001")
            #expect(trail.count == 7)
        }
    }

    @Test("a form opened at an older version is refused, not saved over the newer text", arguments: Engine.available)
    func staleForm(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            let store = WholeReportStore(database: storage.database)
            try await Self.draft(store)
            let first = try await store.work(year: 2025)["C2025-0001"]?.revision ?? 0
            try await store.act(.edit, year: 2025, contribution: "C2025-0001", openedAt: first, by: Self.cao,
                                writing: .init(textEN: "First colleague's text.", textJA: ""), now: Self.now)
            await #expect(throws: ContributionWorkflowError.stale(opened: first, current: first + 1)) {
                try await store.act(.edit, year: 2025, contribution: "C2025-0001", openedAt: first, by: Self.cao,
                                    writing: .init(textEN: "Second colleague's text.", textJA: ""), now: Self.now)
            }
            #expect(try await store.load(year: 2025)?.contributions.first { $0.id == "C2025-0001" }?.textEN == "First colleague's text.")
        }
    }

    @Test("another ministry's contributor and the secretariat may not write a ministry's text; refusals are audited", arguments: Engine.available)
    func denied(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            let store = WholeReportStore(database: storage.database)
            try await Self.draft(store)
            for staff in [Self.mhlw, Self.secretariat] {
                await #expect(throws: ContributionWorkflowError.denied(action: .edit)) {
                    try await store.act(.edit, year: 2025, contribution: "C2025-0001", openedAt: nil, by: staff,
                                        writing: .init(textEN: "Not mine to write.", textJA: ""), now: Self.now)
                }
            }
            await #expect(throws: ContributionWorkflowError.denied(action: .request)) {
                try await store.request(year: 2025, item: nil, ministry: "cao", deadline: Day(year: 2026, month: 7, day: 1)!, today: Self.today, by: Self.cao, now: Self.now)
            }
            #expect(try await store.load(year: 2025)?.contributions.first { $0.id == "C2025-0001" }?.textEN == "The Cabinet Office printed about 46,000 posters.")
            let trail = try await AuditLog(database: storage.database).entries(record: "report_contribution:2025/C2025-0001")
            #expect(trail.filter { $0.action == "denied" }.count == 2)
        }
    }

    @Test("a deadline for every contribution a ministry still owes; overdue on the board once it has passed", arguments: Engine.available)
    func deadlines(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            let store = WholeReportStore(database: storage.database)
            try await Self.draft(store)
            await #expect(throws: ContributionWorkflowError.deadlinePassed(deadline: Day(year: 2026, month: 5, day: 1)!)) {
                try await store.request(year: 2025, item: nil, ministry: "cao", deadline: Day(year: 2026, month: 5, day: 1)!, today: Self.today,
                                        by: Self.secretariat, now: Self.now)
            }
            let concerned = try await store.request(year: 2025, item: nil, ministry: "cao", deadline: Day(year: 2026, month: 6, day: 1)!, today: Self.today,
                                                    by: Self.secretariat, now: Self.now)
            #expect(concerned == ["C2025-0001"])
            let edition = try #require(try await store.load(year: 2025))
            let work = try await store.work(year: 2025)
            let before = ContributionBoard(edition: edition, work: work, today: Self.today, language: .en)
            #expect(before.overdue == 0)
            let after = ContributionBoard(edition: edition, work: work, today: Day(year: 2026, month: 6, day: 2)!, language: .en)
            #expect(after.rows.filter(\.overdue).map(\.contributionID) == ["C2025-0001"])
            #expect(after.count(.drafted) == 2)
            // Saving the year again (contributions read from files) keeps the deadlines and counts versions on.
            try await store.save(edition, source: "again")
            #expect(try await store.work(year: 2025)["C2025-0001"]?.deadline == Day(year: 2026, month: 6, day: 1)!)
        }
    }

    @Test("last year's text of a carried-forward contribution, and a published year refuses every step", arguments: Engine.available)
    func lastYearAndPublished(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            let store = WholeReportStore(database: storage.database)
            try await Self.draft(store)
            let last = try await store.lastYearsText(year: 2025, contribution: "C2025-0001")
            #expect(last?.id == "C2024-0001" && last?.textEN == "The Cabinet Office printed about 46,000 posters.")
            #expect(try await store.history(year: 2025, contribution: "C2025-0001").map(\.action) == [.carryForward])

            _ = try await BundleImporter(database: storage.database).importBundle(at: ReferenceBundle.directory)
            _ = try await AnnualReports(database: storage.database).publish(year: 2024, at: Self.now)
            await #expect(throws: ContributionWorkflowError.published(year: 2024)) {
                try await store.act(.comment, year: 2024, contribution: "C2024-0001", openedAt: nil, by: Self.secretariat, comment: "Too late.", now: Self.now)
            }
        }
    }

    @Test("a correction after publication is a revision: the text corrected with its reason, every file frozen again with its hash, the first publication kept",
          arguments: Engine.available)
    func correctionAfterPublication(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            let store = WholeReportStore(database: storage.database)
            try await Self.draft(store)
            let corrected = WholeReportStore.Writing(textEN: "The Cabinet Office printed about 46,500 posters.", textJA: "")
            // Not before publication: then the ministry edits it as usual.
            await #expect(throws: ContributionWorkflowError.notNow(action: .correct, state: .accepted)) {
                try await store.correct(year: 2024, contribution: "C2024-0001", writing: corrected, reason: "Count corrected.", by: Self.secretariat, now: Self.now)
            }
            _ = try await BundleImporter(database: storage.database).importBundle(at: ReferenceBundle.directory)
            _ = try await AnnualReports(database: storage.database).publish(year: 2024, at: Self.now)
            let first = try #require(try await store.publishedFile(year: 2024, format: .text, language: .en))
            await #expect(throws: ContributionWorkflowError.denied(action: .correct)) {
                try await store.correct(year: 2024, contribution: "C2024-0001", writing: corrected, reason: "Mine.", by: Self.cao, now: Self.now)
            }
            await #expect(throws: ContributionWorkflowError.commentRequired) {
                try await store.correct(year: 2024, contribution: "C2024-0001", writing: corrected, reason: " ", by: Self.secretariat, now: Self.now)
            }
            let revision = try await store.correct(year: 2024, contribution: "C2024-0001", writing: corrected, reason: "The count was 46,500.",
                                                   by: Self.secretariat, now: Self.now)
            #expect(revision.number == 2 && revision.corrected == ["C2024-0001"] && revision.section2Changes == 0)
            let firstHash = try await store.publication(year: 2024)?.contentHash
            #expect(revision.contentHash.hasPrefix("sha256:") && revision.contentHash != firstHash)
            let revised = try #require(try await store.revisionFile(year: 2024, revision: 2, format: .text, language: .en))
            #expect(revised.contains("46,500 posters") && !revised.contains("46,000 posters"))
            #expect(try await store.publishedFile(year: 2024, format: .text, language: .en) == first, "the first publication stays as it was frozen")
            #expect(first.contains("46,000 posters"))
            #expect(try await store.revisions(year: 2024).map(\.number) == [2])
            let history = try await store.history(year: 2024, contribution: "C2024-0001")
            #expect(history.last?.action == .correct && history.last?.comment == "The count was 46,500.")
            let trail = try await AuditLog(database: storage.database).entries(record: "report_contribution:2024/C2024-0001")
            #expect(trail.filter { $0.action == "denied" }.count == 1 && trail.contains { $0.fields.contains("revision=2") })
        }
    }

    @Test("the secretariat keeps the outline: a new item after its parent's last sub-item, a title changed, an empty item removed; nobody else may",
          arguments: Engine.available)
    func outline(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            let store = WholeReportStore(database: storage.database)
            try await Self.draft(store)
            let added = try await store.changeOutline(year: 2025, .add(under: OutlineNumber("3 (7)"), titleEN: "Raising awareness online", titleJA: "オンラインでの啓発"),
                                                      by: Self.secretariat, now: Self.now)
            #expect(added.description == "3 (7) ii)")
            var edition = try #require(try await store.load(year: 2025))
            #expect(edition.outline.map(\.number.description) == ["3", "3 (7)", "3 (7) i)", "3 (7) ii)", "4", "4 (2)"])
            #expect(edition.outline[3].titleJA == "オンラインでの啓発" && !edition.outline[3].titleJAIsOwnTranslation)
            try await store.changeOutline(year: 2025, .retitle(OutlineNumber("4 (2)")!, titleEN: "Informing potential victims", titleJA: "潜在的被害者への周知"),
                                          by: Self.secretariat, now: Self.now)
            await #expect(throws: OutlineEditing.Refusal.titleRequired(field: "title_ja")) {
                try await store.changeOutline(year: 2025, .retitle(OutlineNumber("4 (2)")!, titleEN: "No Japanese", titleJA: " "), by: Self.secretariat, now: Self.now)
            }
            await #expect(throws: OutlineEditing.Refusal.notEmpty("3 (7) i)")) {
                try await store.changeOutline(year: 2025, .remove(OutlineNumber("3 (7) i)")!), by: Self.secretariat, now: Self.now)
            }
            await #expect(throws: ContributionWorkflowError.denied(action: .request)) {
                try await store.changeOutline(year: 2025, .remove(added), by: Self.cao, now: Self.now)
            }
            try await store.changeOutline(year: 2025, .remove(added), by: Self.secretariat, now: Self.now)
            edition = try #require(try await store.load(year: 2025))
            #expect(edition.outline.map(\.number.description) == ["3", "3 (7)", "3 (7) i)", "4", "4 (2)"])
            #expect(edition.outline.last?.titleEN == "Informing potential victims")
            // The rendered contents follow the outline.
            #expect(WholeReport(edition: edition, section2: nil, section8: [], language: .en).contents.contains { $0.title == "Informing potential victims" })
            let trail = try await AuditLog(database: storage.database).entries(record: "whole_report:2025")
            #expect(trail.filter { $0.purpose == "annual report outline" }.count == 4)
        }
    }
}
