import CTIPCore
import CTIPStorage
import Foundation
import Testing
import VaporTesting
@testable import CTIPWeb

/// The year's work on the whole report at `/staff/annual-report/…` (issue 16): the secretariat requests a
/// contribution, the ministry writes and submits it, the secretariat returns and accepts it, checks the
/// year, records the Council's approval and publishes — each page as its snapshot, each refusal as it
/// should be. Over a small edition of CTIP's own words carried forward from 2024 to a 2025 draft.
@Suite("Web: the year's work on the annual report — board, requests, contributions, check, approval, publication")
struct AnnualReportWebTests {
    /// May 28, 2026, 10:00 in Japan.
    static let clock = Date(timeIntervalSince1970: 1_779_930_000)

    struct People {
        let secretariat: CaseWorkFixture.Actor
        let cao: CaseWorkFixture.Actor
        let mhlw: CaseWorkFixture.Actor
        let analyst: CaseWorkFixture.Actor
    }

    static func withYear(_ body: (Application, People) async throws -> Void) async throws {
        try await withCaseWorkApp(.sqlite, now: { clock }) { app in
            _ = try await BundleImporter(database: app.db).importBundle(at: ReferenceBundle.directory)
            let store = WholeReportStore(database: app.db)
            try await store.save(WholeReportWebTests.small, source: "small.txt", now: clock)
            _ = try await store.startDraft(year: 2025, now: clock)
            let accounts = AccountStore(database: app.db)
            func account(_ key: String, agency: String, role: StaffRole) async throws -> CaseWorkFixture.Actor {
                let identity = try await accounts.createAccount(email: "\(key)@\(agency).example.jp", passwordHash: "unused", agency: agency, role: role, now: clock)
                return CaseWorkFixture.Actor(key: key, identity: identity,
                                             token: try await accounts.createAPIToken(userID: identity.userID, name: "test", now: clock),
                                             session: try await accounts.createSession(userID: identity.userID, now: clock))
            }
            try await body(app, People(secretariat: try await account("secretariat", agency: "cas", role: .secretariat),
                                       cao: try await account("contributor", agency: "cao", role: .contributor),
                                       mhlw: try await account("contributor", agency: "mhlw", role: .contributor),
                                       analyst: try await account("analyst", agency: "cas", role: .analyst)))
        }
    }

    static func page(_ app: Application, _ path: String, as actor: CaseWorkFixture.Actor) async throws -> (HTTPResponseStatus, String) {
        try await MeasuresWebTests.page(app, path, as: actor)
    }

    static func post(_ app: Application, _ path: String, _ form: [String: String], as actor: CaseWorkFixture.Actor) async throws -> TestingHTTPResponse {
        try await MeasuresWebTests.post(app, path, form, as: actor)
    }

    @Test("the path: requested by the secretariat, written and submitted by the ministry, returned with a comment, accepted; every page as its snapshot")
    func requestToAcceptance() async throws {
        try await Self.withYear { app, people in
            let (status, years) = try await Self.page(app, "/staff/annual-report?lang=en", as: people.secretariat)
            #expect(status == .ok && years.contains("Report on 2025") && years.contains("in preparation") && years.contains(#"id="new-draft""#))
            try assertSnapshot(years, named: "staff-annual-report.html")

            let requested = try await Self.post(app, "/staff/annual-report/2025/requests?lang=en",
                                                ["ministry": "cao", "item": "4 (2)", "deadline": "2026-06-30"], as: people.secretariat)
            #expect(requested.status == .seeOther)
            #expect(requested.headers.first(name: .location) == "/staff/annual-report/2025?lang=en&done=requested-1")
            let computed = try await Self.post(app, "/staff/annual-report/2025/requests?lang=en",
                                               ["ministry": "cao", "item": "2", "deadline": "2026-06-30"], as: people.secretariat)
            #expect(computed.status == .badRequest && computed.body.string.contains("item: the outline has no item 2"), "chapter 2 is the records'")
            let (_, board) = try await Self.page(app, "/staff/annual-report/2025?lang=en&done=requested-1", as: people.secretariat)
            #expect(board.contains("Requested: 1 contribution.") && board.contains("C2025-R001") && board.contains("2026-06-30"))
            #expect(board.contains("carried from 2024, not yet confirmed"), "carried contributions await their ministry")
            try assertSnapshot(board, named: "staff-annual-report-2025.html")

            // The secretariat narrows its board to a state, or to a ministry.
            let (_, requestedOnly) = try await Self.page(app, "/staff/annual-report/2025?lang=en&state=requested", as: people.secretariat)
            #expect(requestedOnly.contains("C2025-R001") && !requestedOnly.contains("C2025-0001"))
            let (_, npa) = try await Self.page(app, "/staff/annual-report/2025?lang=en&ministry=npa", as: people.secretariat)
            #expect(npa.contains("C2025-0002") && !npa.contains("C2025-0001") && !npa.contains("C2025-R001"))
            #expect(try await Self.page(app, "/staff/annual-report/2025?lang=en&ministry=npa", as: people.cao).1.contains("C2025-0001"),
                    "a contributor's board is their own ministry's, whatever the address says")
            // The contributor sees only the Cabinet Office's contributions, and no secretariat's form.
            let (_, own) = try await Self.page(app, "/staff/annual-report/2025?lang=en", as: people.cao)
            #expect(own.contains("C2025-R001") && own.contains("C2025-0001") && !own.contains("C2025-0002"))
            #expect(!own.contains(#"id="request""#) && !own.contains(#"id="approval""#))

            let path = "/staff/annual-report/2025/contributions/C2025-R001?lang=en"
            let submitted = try await Self.post(app, path, ["action": "submit", "revision": "1", "text_en": "The Cabinet Office informed latent victims.\r\n",
                                                            "text_ja": "", "ja_status": "original"], as: people.cao)
            #expect(submitted.status == .seeOther)
            var stored = try #require(try await WholeReportStore(database: app.db).load(year: 2025)?.contributions.first { $0.id == "C2025-R001" })
            #expect(stored.state == .submitted && stored.textEN == "The Cabinet Office informed latent victims." && stored.statusJA == .missing)

            // The work queues: the secretariat's has the submission to review; the ministry's what it still owes.
            let (_, secretariatHome) = try await Self.page(app, "/staff?lang=en", as: people.secretariat)
            #expect(secretariatHome.contains("Contributions to review for the report on 2025") && secretariatHome.contains("/contributions/C2025-R001"))
            let (_, caoHome) = try await Self.page(app, "/staff?lang=en", as: people.cao)
            #expect(caoHome.contains("Your ministry's contributions to the report on 2025") && caoHome.contains("/contributions/C2025-0001")
                    && !caoHome.contains("/contributions/C2025-R001"), "the submitted one no longer waits for the ministry")
            // Another ministry's contributor may not even read it (audited).
            #expect(try await Self.page(app, path, as: people.mhlw).0 == .forbidden)
            #expect(try await Self.post(app, path, ["action": "edit", "text_en": "Not ours."], as: people.mhlw).status == .forbidden)

            // A return says what to change: without a comment the form comes back with the problem beside the field.
            let bare = try await Self.post(app, path, ["action": "return", "revision": "3", "comment": " "], as: people.secretariat)
            #expect(bare.status == .badRequest && bare.body.string.contains(#"id="comment-error""#))
            #expect(try await Self.post(app, path, ["action": "return", "revision": "3", "comment": "Say how many leaflets."], as: people.secretariat)
                .status == .seeOther)
            // A form opened before the return is refused, not saved over it.
            let stale = try await Self.post(app, path, ["action": "edit", "revision": "3", "text_en": "Old form."], as: people.cao)
            #expect(stale.status == .conflict && stale.body.string.contains("changed since you opened it"))
            #expect(try await Self.post(app, path, ["action": "submit", "revision": "4", "text_en": "The Cabinet Office informed latent victims with 12,000 leaflets.",
                                                     "text_ja": "内閣府は、12,000部のリーフレットで潜在的被害者に周知した。", "ja_status": "translation"],
                                        as: people.cao).status == .seeOther)
            let (_, review) = try await Self.page(app, path, as: people.secretariat)
            #expect(review.contains(#"value="accept""#) && review.contains(#"value="return""#) && !review.contains(#"name="text_en""#))
            #expect(review.contains("Say how many leaflets."), "the history keeps the comment")
            try assertSnapshot(review, named: "staff-annual-report-contribution.html")
            #expect(try await Self.post(app, path, ["action": "accept", "revision": "6"], as: people.secretariat).status == .seeOther)
            stored = try #require(try await WholeReportStore(database: app.db).load(year: 2025)?.contributions.first { $0.id == "C2025-R001" })
            #expect(stored.state == .accepted && stored.statusJA == .translation)
            #expect(try await Self.post(app, path, ["action": "accept", "revision": "7"], as: people.secretariat).status == .conflict)
        }
    }

    @Test("a carried-forward contribution shows what changed since last year's edition, word by word")
    func sinceLastYear() async throws {
        try await Self.withYear { app, people in
            let path = "/staff/annual-report/2025/contributions/C2025-0001?lang=en"
            let (_, unchanged) = try await Self.page(app, path, as: people.cao)
            #expect(unchanged.contains("The text is the same as last year's.") && unchanged.contains("carried forward from the last edition"))
            let edited = try await Self.post(app, path, ["action": "edit", "revision": "1",
                                                         "text_en": "A test text: the Cabinet Office printed new posters for <everyone>, see {figure:figure-1}."],
                                             as: people.cao)
            #expect(edited.status == .seeOther)
            let (_, changed) = try await Self.page(app, path + "&done=edit", as: people.cao)
            #expect(changed.contains("<ins>new </ins>") || changed.contains("<ins> new</ins>"))
            #expect(changed.contains("&lt;everyone&gt;") && !changed.contains("<everyone>"), "text is escaped")
            #expect(!changed.contains("carried from 2024"), "the ministry has looked at it")
            try assertSnapshot(changed, named: "staff-annual-report-since-last-year.html")
        }
    }

    @Test("the check for the secretariat, the approval and the publication; nobody else may, and a published year refuses every step")
    func checkApproveAndPublish() async throws {
        try await Self.withYear { app, people in
            let (status, check) = try await Self.page(app, "/staff/annual-report/2025/check?lang=en", as: people.secretariat)
            #expect(status == .ok && check.contains("Contributions not accepted"))
            try assertSnapshot(check, named: "staff-annual-report-check.html")
            let (_, japanese) = try await Self.page(app, "/staff/annual-report/2025/check?lang=ja", as: people.secretariat)
            #expect(japanese.contains("未受理の投稿"))
            for actor in [people.cao, people.analyst] {
                #expect(try await Self.page(app, "/staff/annual-report/2025/check?lang=en", as: actor).0 == .forbidden)
                #expect(try await Self.post(app, "/staff/annual-report/2024/publication?lang=en", [:], as: actor).status == .forbidden)
            }
            #expect(try await Self.page(app, "/staff/annual-report?lang=en", as: people.analyst).0 == .forbidden)

            let future = try await Self.post(app, "/staff/annual-report/2024/approval?lang=en", ["approved_on": "2026-12-01"], as: people.secretariat)
            #expect(future.status == .badRequest)
            #expect(try await Self.post(app, "/staff/annual-report/2024/approval?lang=en", ["approved_on": "2025-08-26"], as: people.secretariat)
                .status == .seeOther)
            let published = try await Self.post(app, "/staff/annual-report/2024/publication?lang=en", [:], as: people.secretariat)
            #expect(published.status == .seeOther)
            #expect(try await WholeReportStore(database: app.db).publication(year: 2024) != nil)
            #expect(try await WholeReportStore(database: app.db).publishedFile(year: 2024, format: .html, language: .ja) != nil)
            let (_, board) = try await Self.page(app, "/staff/annual-report/2024?lang=en&done=published", as: people.secretariat)
            #expect(board.contains("it never changes") && !board.contains(#"id="request""#))
            let late = try await Self.post(app, "/staff/annual-report/2024/contributions/C2024-0001?lang=en", ["action": "comment", "comment": "Too late."],
                                           as: people.secretariat)
            #expect(late.status == .conflict)
            #expect(try await Self.post(app, "/staff/annual-report/2024/publication?lang=en", [:], as: people.secretariat).status == .conflict)

            // After publication the secretariat corrects a text, saying why: a revision, the first publication kept.
            let contribution = "/staff/annual-report/2024/contributions/C2024-0001?lang=en"
            let (_, frozen) = try await Self.page(app, contribution, as: people.secretariat)
            #expect(frozen.contains(#"id="correction""#) && !frozen.contains(#"value="accept""#))
            #expect(!(try await Self.page(app, contribution, as: people.cao).1.contains(#"id="correction""#)))
            let corrected = try await Self.post(app, contribution, ["action": "correct", "text_en": "A corrected test text: the Cabinet Office printed posters.",
                                                                    "text_ja": "", "comment": "The first text named no number."], as: people.secretariat)
            #expect(corrected.status == .seeOther)
            let (_, revised) = try await Self.page(app, "/staff/annual-report/2024?lang=en", as: people.secretariat)
            #expect(revised.contains("Revision 2") && revised.contains("The first text named no number.") && revised.contains("edition=published&revision=2"))
            try await app.testing().test(.GET, "reports/2024/whole?edition=published&revision=2") { response async throws in
                #expect(response.status == .ok && response.body.string.contains("A corrected test text"))
            }
            try await app.testing().test(.GET, "reports/2024/whole?edition=published") { response async throws in
                #expect(response.status == .ok && !response.body.string.contains("A corrected test text"))
            }
            try await app.testing().test(.GET, "reports/2024/whole?edition=published&revision=3") { response async throws in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test("the secretariat keeps the outline on its page: an item added after its parent's last sub-item, a title without Japanese refused")
    func outline() async throws {
        try await Self.withYear { app, people in
            let (status, page) = try await Self.page(app, "/staff/annual-report/2025/outline?lang=en", as: people.secretariat)
            #expect(status == .ok && page.contains(#"id="add""#) && page.contains("Raising awareness of the demand side"))
            try assertSnapshot(page, named: "staff-annual-report-outline.html")
            #expect(try await Self.page(app, "/staff/annual-report/2025/outline?lang=en", as: people.cao).0 == .forbidden)
            let added = try await Self.post(app, "/staff/annual-report/2025/outline?lang=en",
                                            ["change": "add", "parent": "3 (7)", "title_en": "Raising awareness online", "title_ja": "オンラインでの啓発"],
                                            as: people.secretariat)
            #expect(added.status == .seeOther && added.headers.first(name: .location) == "/staff/annual-report/2025/outline?lang=en&done=outline-3_(7)_ii)")
            let outline = try #require(try await WholeReportStore(database: app.db).load(year: 2025)).outline.map(\.number.description)
            #expect(outline.firstIndex(of: "3 (7) ii)") == outline.firstIndex(of: "3 (7) i)").map { $0 + 1 })
            let refused = try await Self.post(app, "/staff/annual-report/2025/outline?lang=en",
                                              ["change": "retitle", "number": "4 (2)", "title_en": "Informing potential victims", "title_ja": ""],
                                              as: people.secretariat)
            #expect(refused.status == .badRequest && refused.body.string.contains(##"href="#retitle-title_ja""##)
                    && refused.body.string.contains(#"value="Informing potential victims""#), "the problem linked to its field, the form as it was sent")
            let computed = try await Self.post(app, "/staff/annual-report/2025/outline?lang=en",
                                               ["change": "add", "parent": "2", "title_en": "Hand-written", "title_ja": "手書き"], as: people.secretariat)
            #expect(computed.status == .badRequest)
        }
    }

    @Test("the ministry states the figures its text names, {number:KEY}, in the lines of the contribution files; a bad line is refused with its line")
    func figures() async throws {
        try await Self.withYear { app, people in
            let path = "/staff/annual-report/2025/contributions/C2025-0001?lang=en"
            let bad = try await Self.post(app, path, ["action": "edit", "revision": "1", "text_en": "The Cabinet Office printed {number:cao-posters}.",
                                                      "figures": "cao-posters: many | copies | FY2025 | cao"], as: people.cao)
            #expect(bad.status == .badRequest && bad.body.string.contains("line 1: figure `cao-posters`: `many` is not a value"))
            let saved = try await Self.post(app, path, ["action": "edit", "revision": "1", "text_en": "The Cabinet Office printed {number:cao-posters}.",
                                                        "figures": "cao-posters: 46,000 | copies | FY2025 | approximate | cao\n"], as: people.cao)
            #expect(saved.status == .seeOther)
            let edition = try #require(try await WholeReportStore(database: app.db).load(year: 2025))
            let figure = try #require(edition.figures.first { $0.key == "cao-posters" })
            #expect(figure.contributionID == "C2025-0001" && figure.confirmed && figure.entered?.source == "cao")
            let (_, page) = try await Self.page(app, path, as: people.cao)
            #expect(page.contains("{number:cao-posters}") && page.contains("cao-posters: 46,000 | copies | FY2025 | approximate | cao"))
            try await app.testing().test(.GET, "reports/2025/whole?lang=en") { response async throws in
                #expect(response.body.string.contains("The Cabinet Office printed about 46,000 copies."))
            }
        }
    }

    @Test("the secretariat repeats a text under another item: rendered from the one source with its marker, and taken away again")
    func repeats() async throws {
        try await Self.withYear { app, people in
            let path = "/staff/annual-report/2025/contributions/C2025-0002/placements?lang=en"
            #expect(try await Self.post(app, path, ["item": "3 (7) i)"], as: people.cao).status == .forbidden)
            #expect(try await Self.post(app, path, ["item": "2"], as: people.secretariat).status == .notFound, "chapter 2 is the records'")
            let placed = try await Self.post(app, path, ["item": "3 (7) i)"], as: people.secretariat)
            #expect(placed.status == .seeOther)
            var edition = try #require(try await WholeReportStore(database: app.db).load(year: 2025))
            #expect(edition.placements.contains { $0.contributionID == "C2025-0002" && $0.item == OutlineNumber("3 (7) i)")! && $0.isRepeat })
            let english = WholeReport(edition: edition, section2: nil, section8: [], language: .en)
            let text = try english.rendered(as: .text)
            #expect(text.components(separatedBy: "A second test text.").count == 3, "the text at its home and once repeated")
            #expect(text.contains("[Repeated from 4 (2)]"))
            let (_, page) = try await Self.page(app, "/staff/annual-report/2025/contributions/C2025-0002?lang=en", as: people.secretariat)
            #expect(page.contains("Remove this repeat") && page.contains("Also placed under"))
            #expect(try await Self.post(app, path, ["item": "3 (7) i)", "remove": "1"], as: people.secretariat).status == .seeOther)
            edition = try #require(try await WholeReportStore(database: app.db).load(year: 2025))
            #expect(!edition.placements.contains { $0.contributionID == "C2025-0002" && $0.item == OutlineNumber("3 (7) i)")! })
        }
    }

    @Test("the secretariat adds a figure under an item: numbered where it first appears, with its caption and credit in the lists; then removes it")
    func exhibits() async throws {
        try await Self.withYear { app, people in
            let path = "/staff/annual-report/2025/exhibits?lang=en"
            let form = ["change": "add", "kind": "figure", "id": "figure-leaflet-2025", "item": "4 (2)", "caption_en": "Leaflet for latent victims",
                        "caption_ja": "潜在的被害者向けリーフレット", "credit": "Cabinet Office"]
            #expect(try await Self.post(app, path, form, as: people.cao).status == .forbidden)
            #expect(try await Self.post(app, path, form.merging(["id": "not an id"]) { $1 }, as: people.secretariat).status == .badRequest)
            #expect(try await Self.post(app, path, form.merging(["item": "2"]) { $1 }, as: people.secretariat).status == .badRequest)
            #expect(try await Self.post(app, path, form, as: people.secretariat).status == .seeOther)
            #expect(try await Self.post(app, path, form, as: people.secretariat).status == .badRequest, "one identifier, one exhibit")
            let edition = try #require(try await WholeReportStore(database: app.db).load(year: 2025))
            let report = WholeReport(edition: edition, section2: nil, section8: [], language: .en)
            // The small edition's figure under 3 (7) i) comes first; the new one under 4 (2) second.
            #expect(report.figures.map(\.exhibitID) == ["figure-1", "figure-leaflet-2025"])
            #expect(report.figures.last?.label.contains("[Figure 2] Leaflet for latent victims") == true)
            #expect(WholeReport(edition: edition, section2: nil, section8: [], language: .ja).figures.last?.caption == "潜在的被害者向けリーフレット")
            let (_, page) = try await Self.page(app, "/staff/annual-report/2025/outline?lang=en", as: people.secretariat)
            #expect(page.contains("figure-leaflet-2025"))
            #expect(try await Self.post(app, path, ["change": "remove", "id": "figure-leaflet-2025"], as: people.secretariat).status == .seeOther)
            #expect(try await WholeReportStore(database: app.db).load(year: 2025)?.exhibits.contains { $0.id == "figure-leaflet-2025" } == false)
        }
    }
}
