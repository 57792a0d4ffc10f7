import CTIPCore
import CTIPStorage
import Foundation
import Testing
import VaporTesting
@testable import CTIPWeb

/// The registers of the measures on the web (issue 18): the dashboard's charts and tables, a register's
/// rows and form, the rules of the files applied to what a contributor types, who may read and write,
/// the JSON API and the public page — over a few rows written for these tests and the reference bundle's
/// section-2 records.
@Suite("Web: the registers of the measures — dashboard, register pages, recording, API, public page")
struct MeasuresWebTests {
    /// April 15, 2025, 10:00 in Japan: FY2024 has just ended.
    static let clock = Date(timeIntervalSince1970: 1_744_678_800)

    /// The registers' files of these tests: the Cabinet Office's posters, their distribution and its
    /// campaigns; contributions in two currencies by two other ministries; the hot line's reports; IOM's returns.
    static let files: [String: String] = [
        "materials.csv": """
            material_id,ministry,kind,title_en,copies,approximate,fiscal_year,source
            cao-poster-victims-fy2023,cao,poster,Recognize it! It is human trafficking,40000,true,2023,test
            cao-poster-victims-fy2024,cao,poster;leaflet,Recognize it! It is human trafficking,46000,true,2024,test

            """,
        "distributions.csv": """
            distribution_id,material_id,ministry,fiscal_year,copies,places,approximate,recipients,source
            cao-distribution-fy2023,cao-poster-victims-fy2023,cao,2023,,4200,true,local governments,test
            cao-distribution-fy2024,cao-poster-victims-fy2024,cao,2024,30000,4500,true,local governments,test

            """,
        "campaigns.csv": """
            campaign_id,ministry,name_en,year,source
            cao-vaw-2023,cao,Campaign for Eliminating Violence Against Women,2023,test
            cao-vaw-2024,cao,Campaign for Eliminating Violence Against Women,2024,test

            """,
        "funding.csv": """
            funding_id,ministry,recipient,project_en,fiscal_year,amount,currency,source
            iom-return-fy2023,cas,iom,Return and reintegration assistance,2023,13000000,JPY,test
            iom-return-fy2024,cas,iom,Return and reintegration assistance,2024,14096000,JPY,test
            unodc-sea-fy2024,mofa,unodc,Criminal justice capacity in Southeast Asia,2024,120000,USD,test

            """,
        "consultations.csv": """
            service_id,ministry,period,language,topic,channel,count,unit,source
            anonymous-reporting-hotline,npa,FY2022,all,trafficking,all,288,reports,test
            anonymous-reporting-hotline,npa,FY2023,all,trafficking,all,266,reports,test

            """,
        "series.csv": """
            series_id,ministry,period,value,unit,since,as_of,cumulative,source
            iom_returns,iom,FY2024,377,victims,2005,2025-03-31,true,test

            """,
    ]

    struct People {
        let contributor: CaseWorkFixture.Actor
        let analyst: CaseWorkFixture.Actor
        let intake: CaseWorkFixture.Actor
    }

    static func withMeasures(_ body: (Application, People) async throws -> Void) async throws {
        try await withCaseWorkApp(.sqlite, now: { clock }) { app in
            _ = try await BundleImporter(database: app.db).importBundle(at: ReferenceBundle.directory)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ctip-measures-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
            try await MeasureStore(database: app.db).importDirectory(folder, today: Day(year: 2025, month: 4, day: 15))
            let accounts = AccountStore(database: app.db)
            func account(_ key: String, _ email: String, agency: String, role: StaffRole) async throws -> CaseWorkFixture.Actor {
                let identity = try await accounts.createAccount(email: email, passwordHash: "unused", agency: agency, role: role, now: clock)
                return CaseWorkFixture.Actor(key: key, identity: identity,
                                             token: try await accounts.createAPIToken(userID: identity.userID, name: "test", now: clock),
                                             session: try await accounts.createSession(userID: identity.userID, now: clock))
            }
            let people = People(contributor: try await account("cao-contributor", "contributor@cao.example.jp", agency: "cao", role: .contributor),
                                analyst: try await account("cas-analyst", "analyst@cas.example.jp", agency: "cas", role: .analyst),
                                intake: try await account("police-intake", "intake@police-13.example.jp", agency: "police-13", role: .intake))
            try await body(app, people)
        }
    }

    static func page(_ app: Application, _ path: String, as actor: CaseWorkFixture.Actor) async throws -> (HTTPResponseStatus, String) {
        let response = try await app.testing().sendRequest(.GET, path, headers: actor.cookie)
        return (response.status, CaseWorkPageSnapshots.stable(response.body.string, actor))
    }

    static func post(_ app: Application, _ path: String, _ form: [String: String], as actor: CaseWorkFixture.Actor) async throws -> TestingHTTPResponse {
        var headers = actor.cookie
        headers.add(name: StaffSession.csrfHeader, value: actor.csrf)
        return try await app.testing().sendRequest(.POST, path, headers: headers) { try $0.content.encode(form, as: .urlEncodedForm) }
    }

    static func api(_ app: Application, _ method: HTTPMethod, _ path: String, _ body: String? = nil,
                    as actor: CaseWorkFixture.Actor) async throws -> TestingHTTPResponse {
        var headers = actor.bearer
        if body != nil { headers.contentType = .json }
        return try await app.testing().sendRequest(method, path, headers: headers) { request in
            if let body { request.body = ByteBuffer(string: body) }
        }
    }

    @Test("a contributor of the Cabinet Office sees its registers over the years: each number as SVG bars, then a table of the same numbers")
    func dashboard() async throws {
        try await Self.withMeasures { app, people in
            let (status, page) = try await Self.page(app, "/staff/measures?lang=en", as: people.contributor)
            #expect(status == .ok)
            for words in ["Copies printed, by fiscal year", "Places distributed to, by fiscal year", "Campaigns, by year",
                          #"<svg xmlns="http://www.w3.org/2000/svg""#, #"id="chart-materials-table""#, ">46,000<", ">4,500<"] {
                #expect(page.contains(words), "\(words)")
            }
            #expect(!page.contains("Contributions in USD") && !page.contains("unodc"), "only the contributor's own ministry's registers")
            #expect(!page.contains(#"name="ministry""#), "a contributor does not choose another ministry")
            #expect(page.contains(#"href="/staff/measures?lang=en" aria-current="page""#), "the navigation marks the section")
            try assertSnapshot(page, named: "staff-measures.html")
            let (_, japanese) = try await Self.page(app, "/staff/measures?lang=ja", as: people.contributor)
            #expect(japanese.contains("<h1>施策の記録</h1>") && japanese.contains("作成部数（年度別）") && japanese.contains("2024年度"))
        }
    }

    @Test("a contributor records a distribution: for their own ministry whatever the form says, then it is in the register and on the dashboard")
    func recordDistribution() async throws {
        try await Self.withMeasures { app, people in
            let (status, register) = try await Self.page(app, "/staff/measures/distributions?lang=en", as: people.contributor)
            #expect(status == .ok && register.contains(#"id="record-row""#) && register.contains(#"name="distribution_id""#))
            #expect(!register.contains(#"name="ministry""#), "the ministry is the contributor's own, not a field")
            try assertSnapshot(register, named: "staff-measures-distributions.html")

            let recorded = try await Self.post(app, "/staff/measures/distributions?lang=en",
                                               ["distribution_id": "cao-distribution-stations-fy2025", "material_id": "cao-poster-victims-fy2024",
                                                "ministry": "mofa", "fiscal_year": "2025", "places": "120", "copies": "", "approximate": "",
                                                "recipients": "railway stations"], as: people.contributor)
            #expect(recorded.status == .seeOther)
            #expect(recorded.headers.first(name: .location) == "/staff/measures?registered=distributions&lang=en")
            let stored = try await MeasureStore(database: app.db).rows(.distributions).first { $0["distribution_id"] == "cao-distribution-stations-fy2025" }
            #expect(stored?.ministry == "cao" && stored?.integer("places") == 120 && stored?["recipients"] == "railway stations")
            let (_, after) = try await Self.page(app, "/staff/measures/distributions?lang=en", as: people.contributor)
            #expect(after.contains("cao-distribution-stations-fy2025") && after.contains("Rows (3)"))
            let (_, dashboard) = try await Self.page(app, "/staff/measures?registered=distributions&lang=en", as: people.contributor)
            #expect(dashboard.contains("The row was recorded in the register “Distributions”."))
            #expect(dashboard.contains(">FY2025<") && dashboard.contains(">120<"))
            let trail = try await AuditLog(database: app.db).entries(limit: 1).map(\.record)
            #expect(trail == ["measure:distributions/cao-distribution-stations-fy2025"])
        }
    }

    @Test("more copies distributed than the material printed is refused beside `copies`, in the page's language, with what was typed kept")
    func copiesBeyondThePrintRun() async throws {
        try await Self.withMeasures { app, people in
            let before = try await MeasureStore(database: app.db).rows(.distributions).count
            let refused = try await Self.post(app, "/staff/measures/distributions?lang=en",
                                              ["distribution_id": "cao-distribution-too-many", "material_id": "cao-poster-victims-fy2024",
                                               "fiscal_year": "2025", "copies": "47000"], as: people.contributor)
            #expect(refused.status == .badRequest)
            let page = refused.body.string
            #expect(page.contains(#"<p class="field-error" id="copies-error">47000 copies distributed, but only 46000 of `cao-poster-victims-fy2024` were printed</p>"#))
            #expect(page.contains(#"aria-invalid="true" aria-describedby="copies-error""#))
            #expect(page.contains(##"href="#copies""##), "the summary links to the field")
            #expect(page.contains(#"value="cao-distribution-too-many""#) && page.contains(#"value="47000""#), "what was typed is kept")
            // Together with the 30,000 already distributed, 20,000 more is too many as well.
            let together = try await Self.post(app, "/staff/measures/distributions?lang=ja",
                                               ["distribution_id": "cao-distribution-more", "material_id": "cao-poster-victims-fy2024", "copies": "20000"],
                                               as: people.contributor)
            #expect(together.status == .badRequest)
            #expect(together.body.string.contains(#"id="copies-error">「cao-poster-victims-fy2024」の配布部数の合計（50000部）が作成部数（46000部）を超えています"#))
            #expect(try await MeasureStore(database: app.db).rows(.distributions).count == before, "nothing was written")
        }
    }

    @Test("an amount without its currency is refused beside `currency`; an unknown code beside its own field")
    func amountWithoutCurrency() async throws {
        try await Self.withMeasures { app, people in
            let refused = try await Self.post(app, "/staff/measures/funding?lang=en",
                                              ["funding_id": "cao-leaflets-fy2025", "recipient": "iom", "project_en": "Leaflets",
                                               "fiscal_year": "2025", "amount": "1000000"], as: people.contributor)
            #expect(refused.status == .badRequest)
            let page = refused.body.string
            #expect(page.contains(#"id="currency-error">an amount needs its currency"#))
            #expect(page.contains(#"value="1000000""#))
            let japanese = try await Self.post(app, "/staff/measures/materials?lang=ja",
                                               ["material_id": "cao-sticker", "kind": "sticker", "title_en": "A sticker"], as: people.contributor)
            #expect(japanese.status == .badRequest && japanese.body.string.contains(#"id="kind-error">"#))
            #expect(try await MeasureStore(database: app.db).rows(.funding).count == 3, "nothing was written")
            let unknown = try await app.testing().sendRequest(.GET, "/staff/measures/posters", headers: people.contributor.cookie)
            #expect(unknown.status == .notFound)
        }
    }

    @Test("an analyst reads every ministry's registers and may choose one, without any form; sending one anyway is refused; intake may not look")
    func readersAndRefusals() async throws {
        try await Self.withMeasures { app, people in
            let (status, funding) = try await Self.page(app, "/staff/measures/funding?lang=en", as: people.analyst)
            #expect(status == .ok && funding.contains("unodc-sea-fy2024") && funding.contains("iom-return-fy2024"))
            #expect(!funding.contains("record-row") && !funding.contains("<form method=\"post\" action=\"/staff/measures"), "no form for a reader")
            let (_, all) = try await Self.page(app, "/staff/measures?lang=en", as: people.analyst)
            #expect(all.contains("Contributions in JPY, by fiscal year") && all.contains("Contributions in USD, by fiscal year"))
            #expect(all.contains("14,096,000") && all.contains("120,000"), "one chart per currency, never added together")
            #expect(all.contains(#"<select id="ministry" name="ministry">"#))
            let (_, mofa) = try await Self.page(app, "/staff/measures?ministry=mofa&lang=en", as: people.analyst)
            #expect(mofa.contains("Contributions in USD") && !mofa.contains("Contributions in JPY") && !mofa.contains("Copies printed"))
            let sent = try await Self.post(app, "/staff/measures/funding", ["funding_id": "x", "recipient": "iom", "project_en": "x"], as: people.analyst)
            #expect(sent.status == .forbidden)
            for path in ["/staff/measures", "/staff/measures/materials"] {
                let refused = try await app.testing().sendRequest(.GET, path, headers: people.intake.cookie)
                #expect(refused.status == .forbidden, "\(path)")
            }
            let (_, home) = try await Self.page(app, "/staff?lang=en", as: people.intake)
            #expect(!home.contains("/staff/measures"), "no link where there is no permission")
            let (_, analystHome) = try await Self.page(app, "/staff?lang=ja", as: people.analyst)
            #expect(analystHome.contains(#"href="/staff/measures?lang=ja">施策の記録</a>"#))
        }
    }

    @Test("the API reads and records by the same rules: 201, 409 for a cell or the rules across rows, 403 for another ministry; the figures")
    func api() async throws {
        try await Self.withMeasures { app, people in
            let recorded = try await Self.api(app, .POST, "/api/measures/distributions",
                                              #"{"distribution_id": "cao-distribution-airports-fy2025", "material_id": "cao-poster-victims-fy2024", "fiscal_year": 2025, "places": 30}"#,
                                              as: people.contributor)
            #expect(recorded.status == .created)
            #expect(recorded.body.string.contains(#""key":"cao-distribution-airports-fy2025""#) && recorded.body.string.contains(#""ministry":"cao""#))
            let tooMany = try await Self.api(app, .POST, "/api/measures/distributions",
                                             #"{"distribution_id": "cao-distribution-x", "material_id": "cao-poster-victims-fy2024", "copies": 47000}"#,
                                             as: people.contributor)
            #expect(tooMany.status == .conflict && tooMany.body.string.contains(#""field":"copies""#))
            let noCurrency = try await Self.api(app, .POST, "/api/measures/funding",
                                                #"{"funding_id": "cao-x", "recipient": "iom", "project_en": "Leaflets", "amount": 1000}"#, as: people.contributor)
            #expect(noCurrency.status == .conflict && noCurrency.body.string.contains(#""field":"currency""#))
            let negative = try await Self.api(app, .POST, "/api/measures/distributions",
                                              #"{"distribution_id": "cao-y", "material_id": "cao-poster-victims-fy2024", "places": -1}"#, as: people.contributor)
            #expect(negative.status == .badRequest && negative.body.string.contains(#""field":"places""#), "the document refuses a negative count")
            let another = try await Self.api(app, .POST, "/api/measures/campaigns",
                                             #"{"campaign_id": "mofa-day-2025", "ministry": "mofa", "name_en": "World Day", "year": 2025}"#, as: people.contributor)
            #expect(another.status == .forbidden)
            let reader = try await Self.api(app, .POST, "/api/measures/campaigns", #"{"campaign_id": "cas-day-2025", "name_en": "World Day", "year": 2025}"#,
                                            as: people.analyst)
            #expect(reader.status == .forbidden)

            let own = try await Self.api(app, .GET, "/api/measures/funding", as: people.contributor)
            #expect(own.status == .ok && own.body.string.contains(#""rows":[]"#), "the Cabinet Office holds no funding row")
            let every = try await Self.api(app, .GET, "/api/measures/funding", as: people.analyst)
            #expect(every.status == .ok && every.body.string.contains(#""funding_id":"unodc-sea-fy2024""#))
            #expect(try await Self.api(app, .GET, "/api/measures/posters", as: people.analyst).status == .badRequest, "not a register of the document")
            #expect(try await Self.api(app, .GET, "/api/measures/funding", as: people.intake).status == .forbidden)

            let figures = try await Self.api(app, .GET, "/api/measures/figures?fiscal_year=2024", as: people.analyst)
            #expect(figures.status == .ok)
            let text = figures.body.string
            #expect(text.contains(#""key":"materials\/cao-poster-victims-fy2024\/copies""#) || text.contains(#""key":"materials/cao-poster-victims-fy2024/copies""#))
            #expect(text.contains(#""currency":"USD""#) && text.contains(#""text_ja":"#))
            let schema = try #require(APIDocument.built.components["MeasureFigure"])
            let validator = JSONSchemaValidator(components: APIDocument.built.components)
            guard case .array(let items) = try JSONDecoder().decode(JSONInput.self, from: Data(text.utf8)), let first = items.first else {
                Issue.record("the figures are not a non-empty array"); return
            }
            #expect(throws: Never.self, "the figures follow their schema") { try validator.validate(first, against: schema) }
            // Without a period: the last fiscal year that has ended (FY2024 on April 15, 2025), as /api/oversight/stats.
            let latest = try await Self.api(app, .GET, "/api/measures/figures", as: people.analyst)
            #expect(latest.status == .ok && latest.body.string.contains(#""period":"FY2024""#) && !latest.body.string.contains(#""period":"FY2023""#))
        }
    }

    @Test("/measures is public: victims and cleared cases, the hot line's reports, IOM's returns and the contributions per currency, in English and Japanese")
    func publicPage() async throws {
        try await Self.withMeasures { app, _ in
            let english = try await app.testing().sendRequest(.GET, "/measures?lang=en")
            #expect(english.status == .ok)
            let page = english.body.string
            for words in ["Victims of trafficking in persons identified, by year", "Trafficking cases cleared, by year",
                          "Reports received by the hot lines, by fiscal year", "Victims who returned home with the help of IOM",
                          "Contributions in JPY, by fiscal year", "Contributions in USD, by fiscal year", "<svg", ">288<", ">377<"] {
                #expect(page.contains(words), "\(words)")
            }
            #expect(!page.contains("csrf_token") && !page.contains("primary-nav"), "no staff frame")
            try assertSnapshot(page, named: "measures-en.html")
            let japanese = try await app.testing().sendRequest(.GET, "/measures?lang=ja")
            #expect(japanese.status == .ok && japanese.body.string.contains("<html lang=\"ja\">") && japanese.body.string.contains("拠出額（円、年度別）"))
            try assertSnapshot(japanese.body.string, named: "measures-ja.html")
        }
    }

    @Test("what someone typed or sent comes back into a page's attributes as text: a quote cannot end the attribute, nor `<` open markup")
    func typedValuesAreEscaped() async throws {
        try await Self.withMeasures { app, people in
            let hostile = #"x" autofocus onfocus="alert(1)"><script>alert(2)</script>"#
            let refused = try await Self.post(app, "/staff/measures/distributions?lang=en",
                                              ["distribution_id": "d1", "material_id": "no-such-material", "recipients": hostile, "copies": "-1"],
                                              as: people.contributor)
            #expect(refused.status == .badRequest)
            let page = refused.body.string
            #expect(!page.contains("<script>alert(2)") && !page.contains(#"onfocus="alert(1)""#))
            #expect(page.contains("x&quot; autofocus onfocus=&quot;alert(1)&quot;&gt;&lt;script&gt;"), "shown back as typed, as text")
            // The search of the victim files echoes its query into the search field the same way.
            let searched = try await app.testing().sendRequest(.GET, "/staff/victims?q=%22%3E%3Cscript%3Ealert(3)%3C/script%3E&lang=en",
                                                               headers: people.intake.cookie)
            #expect(searched.status == .ok)
            #expect(!searched.body.string.contains("<script>alert(3)") && searched.body.string.contains("&quot;&gt;&lt;script&gt;alert(3)"))
        }
    }
}
