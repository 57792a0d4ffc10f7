import CTIPCore
import CTIPStorage
import Foundation
import Logging
import NIOCore
import SQLKit
import Testing
import VaporTesting
@testable import CTIPWeb

/// The engines the case-work web tests run on: SQLite always, PostgreSQL at `CTIP_TEST_POSTGRES_URL`
/// (required under CI, as for the storage tests).
enum WebEngine: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres
    var testDescription: String { rawValue }
    static var available: [WebEngine] {
        let postgres = ProcessInfo.processInfo.environment["CTIP_TEST_POSTGRES_URL"] != nil || ProcessInfo.processInfo.environment["CI"] != nil
        return postgres ? [.sqlite, .postgres] : [.sqlite]
    }
}

/// A configured application over a fresh database of one engine (a PostgreSQL schema of its own),
/// sealing with a test key and hashing passwords at bcrypt's lowest cost.
func withCaseWorkApp(_ engine: WebEngine, now: @escaping @Sendable () -> Date = Date.init, _ body: (Application) async throws -> Void) async throws {
    let cipher = try FieldCipher(keys: [try FieldCipher.Key(id: "test", bytes: Data(repeating: 7, count: 32))])
    switch engine {
    case .sqlite:
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ctip-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = DatabaseURL.sqlite(path: directory.appendingPathComponent("web.sqlite").path)
        try await withApp(configure: { app in try await configure(app, WebConfiguration(database: url, cipher: cipher, passwordCost: 4, now: now)) }, body)
    case .postgres:
        let text = try #require(ProcessInfo.processInfo.environment["CTIP_TEST_POSTGRES_URL"], "CTIP_TEST_POSTGRES_URL is not set: run scripts/test")
        guard case .postgres(let host, let port, let user, let password, let database, let tls, _) = try DatabaseURL(parsing: text) else {
            Issue.record("CTIP_TEST_POSTGRES_URL is not a postgres:// URL"); return
        }
        var logger = Logger(label: "ctip-test")
        logger.logLevel = .warning
        let schema = "web_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let admin = StorageContext(url: .postgres(host: host, port: port, username: user, password: password, database: database, tls: tls), logger: logger)
        try await admin.database.sql.raw("CREATE SCHEMA \(ident: schema)").run()
        let url = DatabaseURL.postgres(host: host, port: port, username: user, password: password, database: database, tls: tls, schema: schema)
        do {
            try await withApp(configure: { app in try await configure(app, WebConfiguration(database: url, cipher: cipher, passwordCost: 4, now: now)) }, body)
        } catch {
            try? await admin.database.sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run()
            await admin.shutdown()
            throw error
        }
        try await admin.database.sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run()
        await admin.shutdown()
    }
}

/// Staff of every role at the agency holding the file (Tokyo's police), at another prefecture's police,
/// and at the agency protecting the person (Tokyo's Women's Counseling and Support Center), each with an
/// API token and a session; and one victim file whose whereabouts carry a unique marker.
struct CaseWorkFixture {
    static let marker = "WHEREABOUTS-MARKER-91ZQ"
    static let caseID = "C2026-FIXTURE1"
    struct Actor { let key: String; let identity: StaffIdentity; let token: String; let session: String
        var csrf: String { StaffAuthenticationMiddleware.csrfToken(for: session) }
        var bearer: HTTPHeaders { ["Authorization": "Bearer \(token)"] }
        var cookie: HTTPHeaders { ["Cookie": "\(StaffSession.cookieName)=\(session)"] }
    }
    let actors: [Actor]
    let fileID: String

    static let agencies = ["home": "police-13", "foreign": "police-27", "protecting": "wcsc-13", "hotline": "hotline"]

    static func make(_ app: Application) async throws -> CaseWorkFixture {
        let accounts = AccountStore(database: app.db)
        let now = app.ctipConfiguration.now()
        var actors: [Actor] = []
        for (place, agency) in agencies.sorted(by: { $0.key < $1.key }) {
            for role in StaffRole.allCases {
                let identity = try await accounts.createAccount(email: "\(role.rawValue)@\(agency).example.jp", passwordHash: "unused",
                                                                agency: agency, role: role, now: now)
                actors.append(Actor(key: "\(place)-\(role.rawValue)", identity: identity,
                                    token: try await accounts.createAPIToken(userID: identity.userID, name: "test", now: now),
                                    session: try await accounts.createSession(userID: identity.userID, now: now)))
            }
        }
        let owner = actors.first { $0.key == "home-case_worker" }!.identity
        let store = VictimFileStore(database: app.db, cipher: app.ctipConfiguration.cipher, now: app.ctipConfiguration.now)
        let file = try NewVictimFile.read(["protected_on": "2026-04-02", "sex": "female", "age": "17", "nationality": "THA",
                                           "residence_status": "temporary_visitor", "exploitation": "sexual", "name": "Test Person",
                                           "protecting_agency": "wcsc-13", "whereabouts_kind": "shelter", "whereabouts": "\(marker), 1-2-3 Example"],
                                          id: "V2026-FIXTURE1", context: ValidationContext(codeLists: .shipped, offenseCodes: [])).get()
        let id = try await store.create(file, by: owner)
        try await store.recordStep(id, step: .identification, on: Day(year: 2026, month: 4, day: 2)!, agency: "police-13", by: owner)
        try await CriminalCaseStore(database: app.db, now: app.ctipConfiguration.now).openCase(CaseRecord(id: caseID, clearedOn: Day(year: 2026, month: 4, day: 1)!), by: owner)
        return CaseWorkFixture(actors: actors, fileID: id)
    }

    func actor(_ key: String) -> Actor { actors.first { $0.key == key }! }
}

@Suite("Web: case work — sign-in, authorization matrix, leaks")
struct CaseWorkWebTests {
    /// One route of the matrix and who may use it, written down once. `allowed` holds `place-role`
    /// keys; everyone else is refused: 401 without an identity, 404 where the file's existence is
    /// itself secret (a role that may work files, at an agency that has no business with this one), 403 otherwise.
    struct Route: CustomStringConvertible {
        let method: HTTPMethod
        let path: String
        /// JSON text.
        let body: String?
        let allowed: Set<String>
        /// Refusals are 404 for those holding this permission (the record's existence is secret to them).
        let secretTo: Permission?
        var description: String { "\(method) \(path)" }
    }

    static func roles(_ places: [String], _ roles: [StaffRole]) -> Set<String> {
        Set(places.flatMap { place in roles.map { "\(place)-\($0.rawValue)" } })
    }
    static let everywhere = ["home", "foreign", "protecting", "hotline"]
    static let fileWorkers: [StaffRole] = [.intake, .caseWorker, .supervisor]
    static let changers: [StaffRole] = [.caseWorker, .supervisor]

    static func matrix(file: String) -> [Route] {
        [
            Route(method: .GET, path: "/api/victims", body: nil, allowed: roles(everywhere, fileWorkers), secretTo: nil),
            Route(method: .POST, path: "/api/victims", body: #"{"protected_on": "2026-05-01", "sex": "male", "nationality": "JPN", "exploitation": "labour"}"#,
                  allowed: roles(everywhere, fileWorkers), secretTo: nil),
            Route(method: .GET, path: "/api/victims/\(file)", body: nil, allowed: roles(["home", "protecting"], fileWorkers), secretTo: .viewCases),
            Route(method: .POST, path: "/api/victims/\(file)/steps", body: #"{"step": "counseling", "on": "2026-04-03"}"#,
                  allowed: roles(["home", "protecting"], changers), secretTo: .recordProtection),
            Route(method: .PUT, path: "/api/victims/\(file)/whereabouts",
                  body: #"{"protecting_agency": "wcsc-13", "whereabouts_kind": "shelter", "whereabouts": "\#(CaseWorkFixture.marker), 1-2-3 Example"}"#,
                  allowed: roles(["home", "protecting"], changers), secretTo: .recordProtection),
            Route(method: .GET, path: "/api/referrals", body: nil, allowed: roles(everywhere, changers), secretTo: nil),
            Route(method: .GET, path: "/api/audit", body: nil, allowed: roles(everywhere, [.auditor]), secretTo: nil),
            Route(method: .GET, path: "/staff", body: nil, allowed: roles(everywhere, StaffRole.allCases), secretTo: nil),
            Route(method: .GET, path: "/staff/victims", body: nil, allowed: roles(everywhere, fileWorkers), secretTo: nil),
            Route(method: .GET, path: "/staff/victims/new", body: nil, allowed: roles(everywhere, fileWorkers), secretTo: nil),
            Route(method: .GET, path: "/staff/victims/\(file)", body: nil, allowed: roles(["home", "protecting"], fileWorkers), secretTo: .viewCases),
            Route(method: .GET, path: "/staff/referrals", body: nil, allowed: roles(everywhere, changers), secretTo: nil),
            Route(method: .GET, path: "/staff/audit", body: nil, allowed: roles(everywhere, [.auditor]), secretTo: nil),
            Route(method: .GET, path: "/staff/audit.csv", body: nil, allowed: roles(everywhere, [.auditor]), secretTo: nil),
            Route(method: .GET, path: "/staff/accounts", body: nil, allowed: roles(everywhere, [.administrator]), secretTo: nil),
            Route(method: .GET, path: "/staff/directory", body: nil, allowed: roles(everywhere, [.administrator, .supervisor]), secretTo: nil),
            Route(method: .GET, path: "/staff/directory.csv", body: nil, allowed: roles(everywhere, [.administrator, .supervisor]), secretTo: nil),
            // Cleared cases: the investigating agencies (both police forces here) keep their own.
            Route(method: .GET, path: "/api/cases", body: nil, allowed: roles(["home", "foreign"], changers), secretTo: nil),
            Route(method: .POST, path: "/api/cases", body: #"{"cleared_on": "2026-05-01"}"#, allowed: roles(["home", "foreign"], changers), secretTo: nil),
            Route(method: .GET, path: "/api/cases/\(CaseWorkFixture.caseID)", body: nil, allowed: roles(["home"], changers), secretTo: .recordSuspectsAndTrials),
            Route(method: .POST, path: "/api/cases/\(CaseWorkFixture.caseID)/suspects",
                  body: #"{"arrested_on": "2026-04-02", "sex": "male", "nationality": "JPN", "charges": ["\#(CodeLists.shipped.offenseOrder[0])"]}"#,
                  allowed: roles(["home"], changers), secretTo: .recordSuspectsAndTrials),
            Route(method: .GET, path: "/staff/cases", body: nil, allowed: roles(["home", "foreign"], changers), secretTo: nil),
            Route(method: .GET, path: "/staff/cases/\(CaseWorkFixture.caseID)", body: nil, allowed: roles(["home"], changers), secretTo: .recordSuspectsAndTrials),
            Route(method: .GET, path: "/staff/screening", body: nil, allowed: roles(everywhere, fileWorkers), secretTo: nil),
            Route(method: .GET, path: "/staff/screening?file=\(file)&lang=en", body: nil, allowed: roles(everywhere, fileWorkers), secretTo: nil),
            Route(method: .GET, path: "/staff/screening/sheet?lang=vi", body: nil, allowed: roles(everywhere, fileWorkers), secretTo: nil),
            Route(method: .POST, path: "/staff/screening", body: #"{"act_recruitment": "on", "purpose_forced_labour_or_services": "on", "age": "30"}"#,
                  allowed: roles(everywhere, fileWorkers), secretTo: nil),
            Route(method: .POST, path: "/api/screenings", body: #"{"acts": ["recruitment"], "purposes": ["prostitution_of_others"], "age": 16}"#,
                  allowed: roles(everywhere, fileWorkers), secretTo: nil),
            Route(method: .POST, path: "/api/screenings", body: #"{"acts": ["harbouring"], "control_methods": ["RestrictsMovement"], "file": "\#(file)"}"#,
                  allowed: roles(["home", "protecting"], fileWorkers), secretTo: .screen),
            // The hot lines: their own staff triage and take calls, their supervisors decide rewards,
            // the police of a prefecture see what is forwarded to them; statistics hold no report text.
            Route(method: .GET, path: "/staff/hotline", body: nil, allowed: roles(["hotline"], changers), secretTo: nil),
            Route(method: .GET, path: "/staff/hotline/intake", body: nil, allowed: roles(["hotline"], fileWorkers), secretTo: nil),
            Route(method: .GET, path: "/staff/hotline/rewards", body: nil, allowed: roles(["hotline"], [.supervisor]), secretTo: nil),
            Route(method: .GET, path: "/staff/hotline/police", body: nil, allowed: roles(["home", "foreign"], fileWorkers), secretTo: nil),
            // The internet content judged illegal is the National Police Agency's, none of these agencies'.
            Route(method: .GET, path: "/staff/hotline/police/internet", body: nil, allowed: [], secretTo: nil),
            Route(method: .GET, path: "/staff/hotline/stats", body: nil, allowed: roles(everywhere, [.analyst, .supervisor]), secretTo: nil),
        ]
    }

    static func send(_ app: Application, _ route: Route, as actor: CaseWorkFixture.Actor?) async throws -> TestingHTTPResponse {
        let api = route.path.hasPrefix("/api/")
        var headers: HTTPHeaders = actor.map { api ? $0.bearer : $0.cookie } ?? [:]
        if let actor, !api, route.method != .GET { headers.add(name: StaffSession.csrfHeader, value: actor.csrf) }
        return try await app.testing().sendRequest(route.method, route.path, headers: headers) { request in
            if let body = route.body {
                request.body = ByteBuffer(string: body)
                request.headers.contentType = .json
            }
        }
    }

    @Test("every role of a home and a foreign agency against every route: allowed or refused as written, refusals audited",
          arguments: WebEngine.available)
    func authorizationMatrix(engine: WebEngine) async throws {
        try await withCaseWorkApp(engine) { app in
            let fixture = try await CaseWorkFixture.make(app)
            let log = AuditLog(database: app.db)
            var refusals = 0
            for route in Self.matrix(file: fixture.fileID) {
                let anonymous = try await Self.send(app, route, as: nil)
                if route.path.hasPrefix("/api/") { #expect(anonymous.status == .unauthorized, "\(route) anonymous") }
                else { #expect(anonymous.status == .seeOther && anonymous.headers.first(name: .location)?.hasPrefix("/login") == true, "\(route) anonymous") }

                for actor in fixture.actors {
                    let response = try await Self.send(app, route, as: actor)
                    if route.allowed.contains(actor.key) {
                        #expect((200..<400).contains(response.status.code), "\(route) as \(actor.key): \(response.status) \(response.body.string.prefix(200))")
                    } else {
                        let secret = route.secretTo.map { AccessPolicy.allows(actor.identity, $0) } ?? false
                        let expected: HTTPStatus = secret ? .notFound : .forbidden
                        #expect(response.status == expected, "\(route) as \(actor.key): \(response.status), expected \(expected)")
                        refusals += 1
                    }
                }
            }
            let denied = try await log.entries(limit: 100_000).filter { $0.action == "denied" }
            #expect(denied.count == refusals)
            #expect(try await log.verify().isEmpty)
        }
    }

    @Test("the whereabouts marker appears only in answers to the protecting agency's case workers and supervisors; never in lists, exports, audit or errors",
          arguments: WebEngine.available)
    func whereaboutsNeverLeak(engine: WebEngine) async throws {
        try await withCaseWorkApp(engine) { app in
            let fixture = try await CaseWorkFixture.make(app)
            let mayKnow: Set<String> = ["protecting-case_worker", "protecting-supervisor"]
            let reads = Self.matrix(file: fixture.fileID).filter { $0.method == .GET }
                + [Route(method: .GET, path: "/openapi.json", body: nil, allowed: [], secretTo: nil),
                   Route(method: .GET, path: "/", body: nil, allowed: [], secretTo: nil)]
            for actor in fixture.actors {
                for route in reads {
                    let body = try await Self.send(app, route, as: actor).body.string
                    let isFile = route.path.hasSuffix(fixture.fileID)
                    #expect(body.contains(CaseWorkFixture.marker) == (isFile && mayKnow.contains(actor.key)), "\(route) as \(actor.key)")
                }
            }
            // A bad request that carries the whereabouts gets an error naming the field, not echoing the value.
            let worker = fixture.actor("protecting-case_worker")
            let refused = try await app.testing().sendRequest(.PUT, "/api/victims/\(fixture.fileID)/whereabouts", headers: worker.bearer) { request in
                try request.content.encode(["whereabouts": "\(CaseWorkFixture.marker) moved", "whereabouts_kind": "bunker"], as: .json)
            }
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("whereabouts_kind") && !refused.body.string.contains(CaseWorkFixture.marker))
            // The bundle export holds the statistics only.
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ctip-export-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: directory) }
            _ = try await BundleExporter(database: app.db).exportBundle(to: directory)
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
                let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
                #expect(!text.contains(CaseWorkFixture.marker) && !text.contains("Test Person"), "export \(name)")
            }
            // Nor does the database hold it anywhere in clear.
            for table in ["victims", "victim_files", "audit_log", "protection_steps", "support_events"] {
                for row in try await app.db.sql.raw("SELECT * FROM \(ident: table)").all() {
                    for column in row.allColumns {
                        let value = (try? row.decode(column: column, as: String?.self)) ?? nil
                        #expect(value?.contains(CaseWorkFixture.marker) != true, "\(table).\(column)")
                    }
                }
            }
        }
    }

    @Test("sign-in: wrong passwords refused then locked; the session cookie is HttpOnly and SameSite=Strict; forms need their CSRF token",
          arguments: WebEngine.available)
    func signIn(engine: WebEngine) async throws {
        try await withCaseWorkApp(engine) { app in
            _ = try await StaffAccounts.create(email: "worker@police-13.example.jp", password: "correct horse battery", agency: "police-13",
                                               role: .caseWorker, cost: 4, database: app.db)
            func login(_ password: String) async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(.POST, "/login") { request in
                    try request.content.encode(["email": "worker@police-13.example.jp", "password": password, "next": "/staff/victims"], as: .urlEncodedForm)
                }
            }
            let wrong = try await login("wrong password!")
            #expect(wrong.status == .unauthorized && wrong.body.string.contains("The email or the password is wrong."))
            #expect(wrong.headers.setCookie?[StaffSession.cookieName] == nil)

            let right = try await login("correct horse battery")
            #expect(right.status == .seeOther && right.headers.first(name: .location) == "/staff/victims")
            let cookie = try #require(right.headers.setCookie?[StaffSession.cookieName])
            #expect(cookie.isHTTPOnly && cookie.sameSite == .strict)
            let session: HTTPHeaders = ["Cookie": "\(StaffSession.cookieName)=\(cookie.string)"]

            let form = ["protected_on": "2026-06-01", "sex": "female", "nationality": "JPN", "exploitation": "sexual"]
            let forged = try await app.testing().sendRequest(.POST, "/staff/victims", headers: session) { try $0.content.encode(form, as: .urlEncodedForm) }
            #expect(forged.status == .forbidden)
            var withToken = form
            withToken[StaffSession.csrfField] = StaffAuthenticationMiddleware.csrfToken(for: cookie.string)
            let created = try await app.testing().sendRequest(.POST, "/staff/victims", headers: session) { try $0.content.encode(withToken, as: .urlEncodedForm) }
            #expect(created.status == .seeOther && created.headers.first(name: .location)?.hasPrefix("/staff/victims/V") == true)

            var invalid = withToken
            invalid["age"] = "200"
            let refused = try await app.testing().sendRequest(.POST, "/staff/victims", headers: session) { try $0.content.encode(invalid, as: .urlEncodedForm) }
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("age:"))
            #expect(refused.body.string.contains("is not a whole number from 0 to 120"))
            // The same problems on the page in Japanese are told in Japanese, each still naming its field.
            invalid["protected_on"] = "2024-02-30"
            let japanese = try await app.testing().sendRequest(.POST, "/staff/victims?lang=ja", headers: session) { try $0.content.encode(invalid, as: .urlEncodedForm) }
            #expect(japanese.status == .unprocessableEntity)
            #expect(japanese.body.string.contains("age: 「200」は0から120までの整数ではありません"))
            #expect(japanese.body.string.contains("protected_on: 「2024-02-30」は日付ではありません"))
            #expect(!japanese.body.string.contains("is not a whole number"))

            // Facts are never guessed: sex, nationality and the form of exploitation left on "choose" are
            // refused, each named and linked from the summary at the top; nothing is stored.
            let unchosen = [StaffSession.csrfField: withToken[StaffSession.csrfField]!, "protected_on": "2026-06-01",
                            "sex": "", "nationality": "", "exploitation": ""]
            let stored = try await app.db.sql.raw("SELECT COUNT(*) AS n FROM victim_files").first()!.decode(column: "n", as: Int.self)
            let guessed = try await app.testing().sendRequest(.POST, "/staff/victims", headers: session) { try $0.content.encode(unchosen, as: .urlEncodedForm) }
            #expect(guessed.status == .unprocessableEntity)
            #expect(guessed.body.string.contains("There is a problem"))
            for field in ["sex", "nationality", "exploitation"] {
                #expect(guessed.body.string.contains("<a href=\"#\(field)\">\(field):"), "the summary links to \(field)")
            }
            #expect(try await app.db.sql.raw("SELECT COUNT(*) AS n FROM victim_files").first()!.decode(column: "n", as: Int.self) == stored)
            let newForm = try await app.testing().sendRequest(.GET, "/staff/victims/new", headers: session)
            #expect(newForm.body.string.contains("<select id=\"sex\" name=\"sex\" required=\"required\"><option value selected>Choose…</option>")
                    || newForm.body.string.contains("<option value selected>Choose…</option>"))
            #expect(!newForm.body.string.contains("<option value=\"female\" selected"), "no fact preselected")

            for _ in 1...5 { _ = try await login("wrong password!") }
            let locked = try await login("correct horse battery")
            #expect(locked.status == .tooManyRequests && locked.headers.setCookie?[StaffSession.cookieName] == nil)

            let logout = try await app.testing().sendRequest(.POST, "/logout", headers: session) { request in
                try request.content.encode([StaffSession.csrfField: StaffAuthenticationMiddleware.csrfToken(for: cookie.string)], as: .urlEncodedForm)
            }
            #expect(logout.status == .seeOther)
            let after = try await app.testing().sendRequest(.GET, "/staff/victims", headers: session)
            #expect(after.status == .seeOther && after.headers.first(name: .location)?.hasPrefix("/login") == true)
        }
    }

    @Test("/openapi.json describes every /api route the application serves")
    func openAPI() async throws {
        try await withCaseWorkApp(.sqlite) { app in
            let response = try await app.testing().sendRequest(.GET, "/openapi.json")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as? [String: Any])
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            var described = Set<String>()
            for (path, operations) in paths { for method in operations.keys { described.insert("\(method.uppercased()) \(path)") } }
            // Every JSON operation: the API's routes (not its reference for people, `/api/docs`) and `/health`.
            let served = Set(app.routes.all.filter { ($0.path.first?.description == "api" && $0.path.last?.description != "docs") || $0.path.map(\.description) == ["health"] }.map { route in
                "\(route.method.rawValue) /" + route.path.map { component in
                    if case .parameter(let name) = component { return "{\(name)}" }
                    return component.description
                }.joined(separator: "/")
            })
            #expect(served == described)
        }
    }
}

@Suite("Web: case-work pages match their snapshots")
struct CaseWorkPageSnapshots {
    /// The CSRF token differs with every session, and accounts get random identifiers: snapshots hold
    /// placeholders.
    static func stable(_ page: String, _ actor: CaseWorkFixture.Actor) -> String {
        page.replacingOccurrences(of: actor.csrf, with: "CSRF-TOKEN")
            .replacing(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/, with: "ACCOUNT-ID")
    }

    @Test("sign-in, start, case list, new file, a victim's file (as the protecting agency), referrals, accounts, directory, audit trail")
    func pages() async throws {
        let clock = Date(timeIntervalSince1970: 1_770_685_200) // February 10, 2026, 10:00 in Japan
        try await withCaseWorkApp(.sqlite, now: { clock }) { app in
            let fixture = try await CaseWorkFixture.make(app)
            let login = try await app.testing().sendRequest(.GET, "/login?lang=ja")
            #expect(login.status == .ok && login.body.string.contains("<h1>ログイン</h1>"))
            try assertSnapshot(login.body.string, named: "login-ja.html")
            let pages: [(String, String, String)] = [
                ("home-case_worker", "/staff", "staff-start.html"),
                ("home-case_worker", "/staff/victims", "staff-victims.html"),
                ("home-intake", "/staff/victims/new", "staff-new-file.html"),
                ("protecting-case_worker", "/staff/victims/\(fixture.fileID)", "staff-file-protecting.html"),
                ("home-case_worker", "/staff/victims/\(fixture.fileID)?lang=ja", "staff-file-owner-ja.html"),
                ("protecting-supervisor", "/staff/referrals", "staff-referrals.html"),
                ("home-intake", "/staff/screening?file=\(fixture.fileID)", "staff-screening.html"),
                ("home-intake", "/staff/screening/sheet?lang=th&worker=ja", "staff-screening-sheet-th-ja.html"),
                ("home-supervisor", "/staff/cases", "staff-cases.html"),
                ("home-case_worker", "/staff/cases/\(CaseWorkFixture.caseID)?lang=ja", "staff-case-ja.html"),
                ("home-administrator", "/staff/accounts", "staff-accounts.html"),
                ("home-administrator", "/staff/directory?lang=ja", "staff-directory-ja.html"),
                ("home-auditor", "/staff/audit", "staff-audit.html"),
            ]
            for (key, path, name) in pages {
                let actor = fixture.actor(key)
                let response = try await app.testing().sendRequest(.GET, path, headers: actor.cookie)
                #expect(response.status == .ok, "\(path)")
                #expect(response.body.string.contains("<main id=\"main\" tabindex=\"-1\">\n    <h1>"), "\(path) has its heading first in main")
                try assertSnapshot(Self.stable(response.body.string, actor), named: name)
            }
        }
    }
}

@Suite("Web: staff keep the directory of consultation services")
struct DirectoryAdminWebTests {
    @Test("an administrator downloads the directory, uploads a change, and /help answers from it; a bad file changes nothing")
    func upload() async throws {
        try await withCaseWorkApp(.sqlite) { app in
            let fixture = try await CaseWorkFixture.make(app)
            let admin = fixture.actor("home-administrator")
            var headers = admin.cookie
            headers.add(name: StaffSession.csrfHeader, value: admin.csrf)
            let csv = try await app.testing().sendRequest(.GET, "/staff/directory.csv", headers: admin.cookie).body.string
            let firstName = try #require(HelpDirectory.shipped.services.first?.nameEN)
            let changed = csv.replacingOccurrences(of: firstName, with: "Renamed Service For Test")

            func send(_ text: String) async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(.POST, "/staff/directory", headers: headers) { request in
                    try request.content.encode(DirectoryAdminController.Upload(file: File(data: ByteBuffer(string: text), filename: "services.csv")), as: .formData)
                }
            }
            let bad = try await send(changed.replacingOccurrences(of: "\n", with: "\n,,,\n", options: [], range: changed.range(of: "\n")))
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("services.csv:"))
            #expect(!(try await HelpDirectoryStore(database: app.db).load().services.contains { $0.nameEN == "Renamed Service For Test" }))

            let good = try await send(changed)
            #expect(good.status == .ok && good.body.string.contains("services saved (1 added, changed or removed)"))
            #expect(try await HelpDirectoryStore(database: app.db).load().services.first?.nameEN == "Renamed Service For Test")
            #expect(try await AuditLog(database: app.db).entries().first { $0.record == "help_services" }?.actor == admin.identity.auditActor)

            let worker = fixture.actor("home-case_worker")
            var workerHeaders = worker.cookie
            workerHeaders.add(name: StaffSession.csrfHeader, value: worker.csrf)
            let refused = try await app.testing().sendRequest(.POST, "/staff/directory", headers: workerHeaders) { request in
                try request.content.encode(DirectoryAdminController.Upload(file: File(data: ByteBuffer(string: csv), filename: "services.csv")), as: .formData)
            }
            #expect(refused.status == .forbidden)
        }
    }
}

@Suite("Web: administrators manage accounts")
struct AccountAdminWebTests {
    @Test("an administrator creates an account whose shown-once password signs in, and disables it")
    func createAndDisable() async throws {
        try await withCaseWorkApp(.sqlite) { app in
            let fixture = try await CaseWorkFixture.make(app)
            let admin = fixture.actor("home-administrator")
            var headers = admin.cookie
            headers.add(name: StaffSession.csrfHeader, value: admin.csrf)
            let bad = try await app.testing().sendRequest(.POST, "/staff/accounts", headers: headers) { request in
                try request.content.encode(["email": "not an email", "agency": "iom", "role": "intake"], as: .urlEncodedForm)
            }
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("email:"))
            let created = try await app.testing().sendRequest(.POST, "/staff/accounts", headers: headers) { request in
                try request.content.encode(["email": "new@iom.example.org", "agency": "iom", "role": "intake"], as: .urlEncodedForm)
            }
            #expect(created.status == .created)
            let password = try #require(created.body.string.components(separatedBy: "new@iom.example.org: ").dropFirst().first?.prefix(20))
            let login = try await app.testing().sendRequest(.POST, "/login") { request in
                try request.content.encode(["email": "new@iom.example.org", "password": String(password)], as: .urlEncodedForm)
            }
            #expect(login.status == .seeOther)
            let account = try #require(try await AccountStore(database: app.db).account(email: "new@iom.example.org"))
            let disabled = try await app.testing().sendRequest(.POST, "/staff/accounts/\(account.identity.userID)/disable", headers: headers)
            #expect(disabled.status == .seeOther)
            let again = try await app.testing().sendRequest(.POST, "/login") { request in
                try request.content.encode(["email": "new@iom.example.org", "password": String(password)], as: .urlEncodedForm)
            }
            #expect(again.status == .unauthorized)
        }
    }
}
