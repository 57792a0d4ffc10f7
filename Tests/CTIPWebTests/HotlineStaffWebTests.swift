import CTIPCore
import CTIPStorage
import Foundation
import Testing
import VaporTesting
@testable import CTIPWeb

/// A gate for tests: the `X-Test-Staff` header names one of the staff below.
private struct TestGate: HotlineStaffGate {
    static let staff: [String: (HotlineActor, Set<Permission>)] = [
        "analyst": (HotlineActor(user: "analyst1", agency: "NPA"), [.triageHotlineReports, .viewStatistics, .takeHotlineReports]),
        "supervisor": (HotlineActor(user: "super1", agency: "NPA"), [.triageHotlineReports, .decideRewards, .viewStatistics]),
        "tokyo": (HotlineActor(user: "officer-tokyo", agency: "Tokyo MPD", policePrefecture: "JP-13"), [.answerForwardedReports]),
        "osaka": (HotlineActor(user: "officer-osaka", agency: "Osaka PP", policePrefecture: "JP-27"), [.answerForwardedReports]),
        "npa": (HotlineActor(user: "officer-npa", agency: "npa"), [.receiveInternetReports]),
    ]
    func context(_ request: Request, forAnyOf permissions: [Permission]) async throws -> HotlineStaffContext {
        guard let name = request.headers.first(name: "X-Test-Staff"), let (actor, held) = Self.staff[name] else { throw Abort(.unauthorized) }
        guard permissions.contains(where: held.contains) else { throw Abort(.forbidden) }
        let agency = Agency(code: actor.agency, kind: actor.policePrefecture != nil || name == "npa" ? .police : .hotline,
                            prefecture: actor.policePrefecture, nameEN: actor.agency, nameJA: actor.agency)
        let staff = StaffIdentity(userID: actor.user, email: "\(actor.user)@example.jp", agency: agency, role: name == "supervisor" ? .supervisor : .caseWorker)
        return HotlineStaffContext(actor: actor, csrfToken: "test-token", staff: staff)
    }
}

private func withStaffApp(now: @escaping @Sendable () -> Date = Date.init, _ body: (Application, HotlineStore) async throws -> Void) async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ctip-staff-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = DatabaseURL.sqlite(path: directory.appendingPathComponent("web.sqlite").path)
    let hasher = try PasscodeHasher(keyBytes: Data(repeating: 1, count: 32))
    try await withApp(configure: { app in
        app.storage[DatabaseURLKey.self] = url
        configureDatabase(url, on: app.databases)
        try await migrate(app.databases, logger: app.logger, on: app.eventLoopGroup.any())
        try app.register(collection: HotlineStaffController(gate: TestGate(), hasher: hasher, writer: TipBatchWriter(database: app.db), now: now))
    }) { app in
        try await body(app, HotlineStore(database: app.db, hasher: hasher, clock: now))
    }
}

private func form(_ fields: [(String, String)]) -> ByteBuffer {
    ByteBuffer(string: fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)" }.joined(separator: "&"))
}

@Suite("Web: the hot lines' staff pages")
struct HotlineStaffWebTests {
    @Test("without a signed-in member of staff every staff page sends to the sign-in page")
    func closedByDefault() async throws {
        try await withFreshApp { app in
            for path in ["staff/hotline", "staff/hotline/police", "staff/hotline/stats", "staff/hotline/intake"] {
                try await app.testing().test(.GET, path) { response async throws in
                    #expect(response.status == .seeOther || response.status == .found || response.status == .unauthorized, "\(path)")
                    #expect(response.headers.first(name: .location)?.hasPrefix("/login") == true, "\(path)")
                }
            }
        }
    }

    @Test("triage shows danger to life first; the police of one prefecture see only what was forwarded to them")
    func triageAndPolice() async throws {
        try await withStaffApp { app, store in
            let prefectures = Set(CodeLists.shipped.prefectureOrder)
            let calm = try await store.submit(try TipSubmission(language: "en", category: "other", prefecture: "JP-27", description: "noise", prefectures: prefectures))
            let urgent = try await store.submit(try TipSubmission(language: "ja", category: "trafficking", prefecture: "JP-13",
                                                                  description: "<script>alert(1)</script> 今夜危ない", dangerNow: true, prefectures: prefectures))
            let analyst: HTTPHeaders = ["X-Test-Staff": "analyst", "Content-Type": "application/x-www-form-urlencoded"]
            try await app.testing().test(.GET, "staff/hotline", headers: analyst) { response async throws in
                let page = response.body.string
                #expect(response.status == .ok)
                #expect(page.contains("Danger to life: 1 waiting"))
                #expect(page.range(of: urgent.receipt)!.lowerBound < page.range(of: calm.receipt)!.lowerBound)
            }
            try await app.testing().test(.GET, "staff/hotline/tips/\(urgent.receipt)", headers: analyst) { response async throws in
                let page = response.body.string
                #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; 今夜危ない"))
                #expect(!page.contains("<script>"))
            }
            // Without the session's form token nothing changes.
            try await app.testing().test(.POST, "staff/hotline/tips/\(urgent.receipt)/forward", headers: analyst, body: form([("prefecture", "JP-13")])) { response async throws in
                #expect(response.status == .forbidden)
            }
            try await app.testing().test(.POST, "staff/hotline/tips/\(urgent.receipt)/forward", headers: analyst, body: form([("csrf_token", "test-token"), ("prefecture", "JP-13")])) { response async throws in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("Done: forward."))
            }
            try await app.testing().test(.GET, "staff/hotline/police", headers: ["X-Test-Staff": "tokyo"]) { response async throws in
                #expect(response.body.string.contains(urgent.receipt))
                #expect(!response.body.string.contains(calm.receipt))
            }
            try await app.testing().test(.GET, "staff/hotline/police", headers: ["X-Test-Staff": "osaka"]) { response async throws in
                #expect(!response.body.string.contains(urgent.receipt))
            }
            try await app.testing().test(.GET, "staff/hotline/tips/\(urgent.receipt)", headers: ["X-Test-Staff": "osaka"]) { response async throws in
                #expect(response.status == .forbidden)
                #expect(!response.body.string.contains("今夜"))
            }
            try await app.testing().test(.POST, "staff/hotline/tips/\(urgent.receipt)/outcome", headers: ["X-Test-Staff": "tokyo", "Content-Type": "application/x-www-form-urlencoded"],
                                         body: form([("csrf_token", "test-token"), ("outcome", "victim_protected"), ("case_file", "C2024-7")])) { response async throws in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("C2024-7"))
            }
            // Rewards are the supervisor's: the analyst is refused.
            try await app.testing().test(.POST, "staff/hotline/tips/\(urgent.receipt)/reward", headers: analyst,
                                         body: form([("csrf_token", "test-token"), ("amount", "50000"), ("contribution", "victim_protected"), ("reason", "rescue")])) { response async throws in
                #expect(response.status == .forbidden)
            }
            try await app.testing().test(.POST, "staff/hotline/tips/\(urgent.receipt)/reward", headers: ["X-Test-Staff": "supervisor", "Content-Type": "application/x-www-form-urlencoded"],
                                         body: form([("csrf_token", "test-token"), ("amount", "50000"), ("contribution", "victim_protected"), ("reason", "rescue")])) { response async throws in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("decided, 50000 yen"))
            }
            let year = FiscalYear(containing: HotlineMonth(JapanTime(secondsSinceEpoch: Int(Date().timeIntervalSince1970)))).year
            try await app.testing().test(.GET, "staff/hotline/stats?fiscal_year=\(year)&format=json", headers: analyst) { response async throws in
                let statistics = try JSONDecoder().decode(HotlineStatistics.self, from: Data(response.body.readableBytesView))
                #expect(statistics.total.tipsReceived == 2 && statistics.total.tipsForwarded == 1)
                #expect(statistics.total.outcomes["victim_protected"] == 1 && statistics.total.rewardsDecided == 1)
            }
        }
    }

    @Test("internet content judged illegal is on the National Police Agency's list at once, in its language; nobody else opens the list")
    func internetContentToThePolice() async throws {
        try await withStaffApp { app, store in
            let offer = try InternetReportSubmission(language: "ja", category: "grave_crime", url: "https://example.com/offer", description: nil)
            _ = try await store.submit(offer)
            _ = try await store.submit(try InternetReportSubmission(language: "en", category: "harmful", url: "https://example.org/other", description: nil))
            let item = HotlineStore.itemID(offer.url)
            let analyst: HTTPHeaders = ["X-Test-Staff": "analyst", "Content-Type": "application/x-www-form-urlencoded"]
            try await app.testing().test(.GET, "staff/hotline/police/internet", headers: ["X-Test-Staff": "npa"]) { response async throws in
                #expect(response.status == .ok)
                #expect(!response.body.string.contains("example.com/offer"), "nothing judged yet")
            }
            try await app.testing().test(.POST, "staff/hotline/internet/\(item)/judge", headers: analyst,
                                         body: form([("csrf_token", "test-token"), ("judgement", "illegal"), ("category", "grave_crime")])) { response async throws in
                #expect(response.status == .ok)
            }
            try await app.testing().test(.GET, "staff/hotline/police/internet", headers: ["X-Test-Staff": "npa"]) { response async throws in
                let page = response.body.string
                #expect(page.contains("Internet content reported to the police"))
                #expect(page.contains("https://example.com/offer") && !page.contains("example.org/other"))
            }
            try await app.testing().test(.GET, "staff/hotline/police/internet?lang=ja", headers: ["X-Test-Staff": "npa"]) { response async throws in
                #expect(response.body.string.contains("警察へ通報されたインターネット上の違法情報"))
            }
            for other in ["analyst", "tokyo"] {
                try await app.testing().test(.GET, "staff/hotline/police/internet", headers: ["X-Test-Staff": other]) { response async throws in
                    #expect(response.status == .forbidden, "\(other)")
                }
            }
        }
    }

    @Test("the pages speak Japanese with ?lang=ja or a Japanese browser, keep it in links and forms, and stay English otherwise")
    func japaneseAndEnglish() async throws {
        try await withStaffApp { app, store in
            let prefectures = Set(CodeLists.shipped.prefectureOrder)
            let urgent = try await store.submit(try TipSubmission(language: "ja", category: "trafficking", prefecture: "JP-13",
                                                                  description: "今夜危ない", dangerNow: true, prefectures: prefectures))
            let analyst: HTTPHeaders = ["X-Test-Staff": "analyst", "Content-Type": "application/x-www-form-urlencoded"]
            try await app.testing().test(.GET, "staff/hotline?lang=ja", headers: analyst) { response async throws in
                let page = response.body.string
                #expect(page.contains("<html lang=\"ja\""))
                #expect(page.contains("通報一覧") && page.contains("生命の危険：未処理 1 件") && page.contains("緊急度") && page.contains("人身取引"))
                #expect(page.contains("東京都"))
                #expect(page.contains("href=\"/staff/hotline/tips/\(urgent.receipt)?lang=ja\""))
                #expect(page.contains("href=\"/staff/hotline/stats?lang=ja\""))
                #expect(!page.contains("Tips to triage") && !page.contains("Danger to life"))
            }
            let japaneseBrowser: HTTPHeaders = ["X-Test-Staff": "supervisor", "Accept-Language": "ja-JP,ja;q=0.9"]
            try await app.testing().test(.GET, "staff/hotline/rewards", headers: japaneseBrowser) { response async throws in
                #expect(response.body.string.contains("<html lang=\"ja\""))
                #expect(response.body.string.contains("報奨金の支払"))
            }
            // The figures are a table with headers, its labels in the page's language.
            try await app.testing().test(.GET, "staff/hotline/stats?lang=ja", headers: analyst) { response async throws in
                let page = response.body.string
                #expect(page.contains("<th scope=\"row\">通報の受理</th>") && page.contains("<th scope=\"row\">人身取引</th>") && page.contains("年度</th>"))
                #expect(!page.contains("Tips received"))
            }
            try await app.testing().test(.GET, "staff/hotline/stats", headers: analyst) { response async throws in
                #expect(response.body.string.contains("<th scope=\"row\">Tips received</th>") && !response.body.string.contains("通報の受理"))
            }
            try await app.testing().test(.GET, "staff/hotline", headers: analyst) { response async throws in
                let page = response.body.string
                #expect(page.contains("<html lang=\"en\""))
                #expect(page.contains("Tips to triage") && page.contains("danger to life") && page.contains("Tokyo"))
                #expect(!page.contains("通報一覧") && !page.contains("緊急度"))
            }
            try await app.testing().test(.GET, "staff/hotline/tips/\(urgent.receipt)?lang=ja", headers: analyst) { response async throws in
                let page = response.body.string
                #expect(page.contains("<html lang=\"ja\""))
                #expect(page.contains("受付番号") && page.contains("緊急度") && page.contains("県警へ送付") && page.contains("報奨金を決定する"))
                #expect(page.contains("action=\"/staff/hotline/tips/\(urgent.receipt)/forward?lang=ja\""))
                #expect(page.contains("href=\"/staff/hotline/tips/\(urgent.receipt)?lang=en\""))
                #expect(!page.contains("Forward to the prefectural police"))
            }
            try await app.testing().test(.POST, "staff/hotline/tips/\(urgent.receipt)/forward?lang=ja", headers: analyst,
                                         body: form([("csrf_token", "test-token"), ("prefecture", "JP-13")])) { response async throws in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("県警へ送付しました。") && response.body.string.contains("県警へ送付済み"))
            }
            // The hot line's own refusals speak the page's language too.
            try await app.testing().test(.POST, "staff/hotline/tips/\(urgent.receipt)/forward?lang=ja", headers: analyst,
                                         body: form([("csrf_token", "test-token"), ("prefecture", "JP-13")])) { response async throws in
                #expect(response.status == .badRequest)
                #expect(response.body.string.contains("通報 \(urgent.receipt) は「県警へ送付済み」のため、送付できません"))
                #expect(!response.body.string.contains("cannot be forwarded"))
            }
            try await app.testing().test(.POST, "staff/hotline/tips/\(urgent.receipt)/forward", headers: analyst,
                                         body: form([("csrf_token", "test-token"), ("prefecture", "JP-13")])) { response async throws in
                #expect(response.body.string.contains("tip \(urgent.receipt) is forwarded and cannot be forwarded"))
            }
            try await app.testing().test(.POST, "staff/hotline/tips/\(urgent.receipt)/acknowledge?lang=ja",
                                         headers: ["X-Test-Staff": "tokyo", "Content-Type": "application/x-www-form-urlencoded"],
                                         body: form([("csrf_token", "test-token")])) { response async throws in
                #expect(response.body.string.contains("受理しました。") && response.body.string.contains("県警が受理"))
            }
            try await app.testing().test(.POST, "staff/hotline/tips/\(urgent.receipt)/outcome?lang=ja",
                                         headers: ["X-Test-Staff": "tokyo", "Content-Type": "application/x-www-form-urlencoded"],
                                         body: form([("csrf_token", "test-token"), ("outcome", "arrested")])) { response async throws in
                #expect(response.status == .badRequest)
                #expect(response.body.string.contains("outcome：一覧にある値を選んでください"))
            }
            try await app.testing().test(.POST, "staff/hotline/intake?lang=ja", headers: analyst,
                                         body: form([("csrf_token", "test-token"), ("lang", "en"), ("category", "trafficking"), ("prefecture", "JP-13"),
                                                     ("description", "")])) { response async throws in
                #expect(response.status == .badRequest)
                #expect(response.body.string.contains("<html lang=\"ja\""))
                #expect(response.body.string.contains("入力してください。"))
            }
            try await app.testing().test(.POST, "staff/hotline/intake", headers: analyst,
                                         body: form([("csrf_token", "test-token"), ("lang", "ja"), ("category", "trafficking"), ("prefecture", "JP-13"),
                                                     ("description", "")])) { response async throws in
                #expect(response.status == .badRequest)
                #expect(response.body.string.contains("<html lang=\"en\"") && response.body.string.contains("please fill this in."))
            }
            try await app.testing().test(.GET, "staff/hotline/stats?lang=ja", headers: analyst) { response async throws in
                let page = response.body.string
                #expect(page.contains("年度（4月～翌年3月）"))
                #expect(page.contains("name=\"lang\" value=\"ja\""))
            }
        }
    }

    @Test("forms never guess: the caller's language, a category, an outcome, a contribution, a judgement and a deletion's state start on “Choose…” and are refused empty, naming the field; nothing is recorded")
    func unchosenChoicesAreRefused() async throws {
        try await withStaffApp { app, store in
            let prefectures = Set(CodeLists.shipped.prefectureOrder)
            let tip = try await store.submit(try TipSubmission(language: "ja", category: "trafficking", prefecture: "JP-13",
                                                               description: "寮から出られない", prefectures: prefectures))
            let offer = try InternetReportSubmission(language: "ja", category: "grave_crime", url: "https://example.com/offer", description: nil)
            _ = try await store.submit(offer)
            let item = HotlineStore.itemID(offer.url)
            let staff = HotlineStaff(store: store)
            let reader = HotlineActor(user: "analyst1", agency: "NPA")
            let analyst: HTTPHeaders = ["X-Test-Staff": "analyst", "Content-Type": "application/x-www-form-urlencoded"]
            let tokyo: HTTPHeaders = ["X-Test-Staff": "tokyo", "Content-Type": "application/x-www-form-urlencoded"]
            let supervisor: HTTPHeaders = ["X-Test-Staff": "supervisor", "Content-Type": "application/x-www-form-urlencoded"]

            // Phone intake: the caller's language is a fact, not "ja" by default.
            try await app.testing().test(.GET, "staff/hotline/intake?lang=ja", headers: analyst) { response async throws in
                let page = response.body.string
                for field in ["lang", "category", "prefecture"] {
                    #expect(page.contains("<select id=\"\(field)\" name=\"\(field)\" required=\"required\">"), "\(field) starts empty and is required")
                }
                #expect(page.contains("選択してください</option>"))
                #expect(!page.contains("<option value=\"ja\" selected"), "the caller's language is not preselected")
            }
            let waiting = try await staff.triageQueue().count
            try await app.testing().test(.POST, "staff/hotline/intake?lang=ja", headers: analyst,
                                         body: form([("csrf_token", "test-token"), ("lang", ""), ("category", "trafficking"), ("prefecture", "JP-13"),
                                                     ("description", "寮から出られない")])) { response async throws in
                #expect(response.status == .badRequest)
                #expect(response.body.string.contains("言語: 入力してください。"))
            }
            try await app.testing().test(.POST, "staff/hotline/intake", headers: analyst,
                                         body: form([("csrf_token", "test-token"), ("lang", "en"), ("category", ""), ("prefecture", "JP-13"),
                                                     ("description", "kept in a dormitory")])) { response async throws in
                #expect(response.status == .badRequest)
                #expect(response.body.string.contains("please fill this in."))
            }
            #expect(try await staff.triageQueue().count == waiting, "no tip taken from a form left on “Choose…”")

            // The analyst's tip page: the stored category stays shown; the reward's contribution is chosen.
            try await app.testing().test(.GET, "staff/hotline/tips/\(tip.receipt)", headers: analyst) { response async throws in
                let page = response.body.string
                #expect(page.contains("<select id=\"contribution\" name=\"contribution\" required=\"required\">"))
                #expect(page.contains("<option value=\"trafficking\" selected=\"selected\">"), "the tip's own category is its record, shown")
            }
            try await app.testing().test(.POST, "staff/hotline/tips/\(tip.receipt)/forward", headers: analyst,
                                         body: form([("csrf_token", "test-token"), ("prefecture", "JP-13")])) { response async throws in
                #expect(response.status == .ok)
            }
            try await app.testing().test(.POST, "staff/hotline/tips/\(tip.receipt)/reward", headers: supervisor,
                                         body: form([("csrf_token", "test-token"), ("amount", "50000"), ("contribution", ""), ("reason", "rescue")])) { response async throws in
                #expect(response.status == .badRequest)
                #expect(response.body.string.contains("contribution: choose one of the listed values"))
            }
            #expect(try await staff.tip(tip.receipt, by: reader).reward == RewardState.none)

            // The police's outcome is their decision.
            try await app.testing().test(.GET, "staff/hotline/tips/\(tip.receipt)?lang=ja", headers: ["X-Test-Staff": "tokyo"]) { response async throws in
                #expect(response.body.string.contains("<select id=\"outcome\" name=\"outcome\" required=\"required\">"))
            }
            try await app.testing().test(.POST, "staff/hotline/tips/\(tip.receipt)/outcome?lang=ja", headers: tokyo,
                                         body: form([("csrf_token", "test-token"), ("outcome", ""), ("case_file", "")])) { response async throws in
                #expect(response.status == .badRequest)
                #expect(response.body.string.contains("outcome：一覧から選択してください"))
            }
            #expect(try await staff.tip(tip.receipt, by: reader).outcome == nil)

            // Internet items: the judgement and the deletion's state are chosen; the letter's language is a choice of output.
            try await app.testing().test(.GET, "staff/hotline/internet/\(item)", headers: analyst) { response async throws in
                let page = response.body.string
                #expect(page.contains("<select id=\"judgement\" name=\"judgement\" required=\"required\">"))
                #expect(page.contains("<select id=\"state\" name=\"state\" required=\"required\">"))
                #expect(page.contains("<select id=\"language\" name=\"language\">"))
            }
            let before = try await staff.item(item)
            try await app.testing().test(.POST, "staff/hotline/internet/\(item)/judge", headers: analyst,
                                         body: form([("csrf_token", "test-token"), ("judgement", ""), ("category", "grave_crime")])) { response async throws in
                #expect(response.status == .badRequest)
                #expect(response.body.string.contains("judgement: choose one of the listed values"))
            }
            try await app.testing().test(.POST, "staff/hotline/internet/\(item)/deletion?lang=ja", headers: analyst,
                                         body: form([("csrf_token", "test-token"), ("state", "")])) { response async throws in
                #expect(response.status == .badRequest)
                #expect(response.body.string.contains("state：一覧から選択してください"))
            }
            let after = try await staff.item(item)
            #expect(after.judgement == .pending && after.judgement == before.judgement && after.deletionState == before.deletionState)
        }
    }

    @Test("every staff page matches its snapshot (receipts, which are random, replaced by their order)")
    func snapshots() async throws {
        // Tuesday, February 10, 2026, 10:00 in Japan: fiscal year 2025.
        let clock = Date(timeIntervalSince1970: 1_770_685_200)
        try await withStaffApp(now: { clock }) { app, store in
            let prefectures = Set(CodeLists.shipped.prefectureOrder)
            let urgent = try await store.submit(try TipSubmission(language: "ja", category: "trafficking", prefecture: "JP-13",
                                                                  description: "今夜、寮から連れ出される", dangerNow: true, prefectures: prefectures))
            let calm = try await store.submit(try TipSubmission(language: "en", category: "other", prefecture: "JP-27",
                                                                description: "A shop takes workers' passports", prefectures: prefectures))
            let offer = try InternetReportSubmission(language: "ja", category: "grave_crime", url: "https://example.com/offer", description: nil)
            _ = try await store.submit(offer)
            let item = HotlineStore.itemID(offer.url)
            func scrubbed(_ page: String) -> String {
                page.replacingOccurrences(of: urgent.receipt, with: "RECEIPT-1").replacingOccurrences(of: calm.receipt, with: "RECEIPT-2")
            }
            func snapshot(_ path: String, as staff: String, named name: String) async throws {
                try await app.testing().test(.GET, path, headers: ["X-Test-Staff": staff]) { response async throws in
                    #expect(response.status == .ok, "\(path)")
                    try assertSnapshot(scrubbed(response.body.string), named: name)
                }
            }
            let analyst: HTTPHeaders = ["X-Test-Staff": "analyst", "Content-Type": "application/x-www-form-urlencoded"]
            try await app.testing().test(.POST, "staff/hotline/tips/\(urgent.receipt)/forward", headers: analyst,
                                         body: form([("csrf_token", "test-token"), ("prefecture", "JP-13")])) { response async throws in
                #expect(response.status == .ok)
            }
            try await app.testing().test(.POST, "staff/hotline/internet/\(item)/judge", headers: analyst,
                                         body: form([("csrf_token", "test-token"), ("judgement", "illegal"), ("category", "grave_crime")])) { response async throws in
                #expect(response.status == .ok)
            }
            try await snapshot("staff/hotline", as: "analyst", named: "staff-hotline.html")
            try await snapshot("staff/hotline?lang=ja", as: "analyst", named: "staff-hotline-ja.html")
            try await snapshot("staff/hotline/tips/\(urgent.receipt)?lang=ja", as: "analyst", named: "staff-hotline-tip-ja.html")
            try await snapshot("staff/hotline/tips/\(calm.receipt)", as: "analyst", named: "staff-hotline-tip.html")
            try await snapshot("staff/hotline/internet/\(item)", as: "analyst", named: "staff-hotline-internet-item.html")
            try await snapshot("staff/hotline/police", as: "tokyo", named: "staff-hotline-police.html")
            try await snapshot("staff/hotline/police/internet?lang=ja", as: "npa", named: "staff-hotline-police-internet-ja.html")
            try await snapshot("staff/hotline/intake", as: "analyst", named: "staff-hotline-intake.html")
            try await snapshot("staff/hotline/rewards", as: "supervisor", named: "staff-hotline-rewards.html")
            try await snapshot("staff/hotline/stats", as: "analyst", named: "staff-hotline-stats.html")
            try await snapshot("staff/hotline/stats?lang=ja", as: "analyst", named: "staff-hotline-stats-ja.html")
        }
    }
}
