import CTIPCore
import CTIPStorage
import Foundation
import Testing
import VaporTesting
@testable import CTIPWeb

/// Programme oversight on the web, over the reference records generated from the seed's totals.
@Suite("Web: programme oversight — registry, organisation, inspection plan, figures, published actions")
struct OversightWebTests {
    /// April 15, 2025, 10:00 in Japan: FY2024 has just ended.
    static let clock = Date(timeIntervalSince1970: 1_744_678_800)

    static func withOversight(_ body: (Application, CaseWorkFixture, CaseWorkFixture.Actor) async throws -> Void) async throws {
        try await withCaseWorkApp(.sqlite, now: { clock }) { app in
            let fixture = try await CaseWorkFixture.make(app)
            let folder = try ReferenceBundle.writeOversightFiles()
            defer { try? FileManager.default.removeItem(at: folder) }
            _ = try await BundleImporter(database: app.db).importBundle(at: folder)
            let accounts = AccountStore(database: app.db)
            let identity = try await accounts.createAccount(email: "inspector@otit.example.jp", passwordHash: "unused", agency: "otit", role: .caseWorker,
                                                            now: clock)
            let inspector = CaseWorkFixture.Actor(key: "otit-case_worker", identity: identity,
                                                  token: try await accounts.createAPIToken(userID: identity.userID, name: "test", now: clock),
                                                  session: try await accounts.createSession(userID: identity.userID, now: clock))
            try await body(app, fixture, inspector)
        }
    }

    static func page(_ app: Application, _ path: String, as actor: CaseWorkFixture.Actor) async throws -> (HTTPResponseStatus, String) {
        let response = try await app.testing().sendRequest(.GET, path, headers: actor.cookie)
        return (response.status, CaseWorkPageSnapshots.stable(response.body.string, actor))
    }

    @Test("the registry finds by licence number and by name; an organisation shows its supervisor, those it supervises, inspections and actions")
    func registry() async throws {
        try await Self.withOversight { app, _, inspector in
            let (status, found) = try await Self.page(app, "/staff/oversight?q=%E8%A8%B11000012&lang=en", as: inspector)
            #expect(status == .ok && found.contains("Supervising organisation 12 (synthetic)"))
            try assertSnapshot(found, named: "staff-oversight-registry.html")
            let (_, byName) = try await Self.page(app, "/staff/oversight?q=Implementing%20organisation%2024001&kind=implementing&lang=en", as: inspector)
            #expect(byName.contains("IMP-24001"))
            let (_, supervisor) = try await Self.page(app, "/staff/oversight/organisations/SUP-00012?lang=en", as: inspector)
            #expect(supervisor.contains("Organisations it supervises") && supervisor.contains("in force since"))
            let (_, revoked) = try await Self.page(app, "/staff/oversight/organisations/SUP-03756?lang=en", as: inspector)
            #expect(revoked.contains("licence_revoked") && revoked.contains("ended on"))
        }
    }

    @Test("a finding that may be trafficking prompts a screening with its methods of control ticked; the trainees' names are never here")
    func indicatorPrompt() async throws {
        try await Self.withOversight { app, _, inspector in
            let (status, page) = try await Self.page(app, "/staff/oversight/organisations/IMP-24001?lang=en", as: inspector)
            #expect(status == .ok && page.contains("Findings that may be trafficking: passport_retained"))
            #expect(page.contains(#"href="/staff/oversight/inspections/JOINT-01?lang=en""#), "the organisation's page leads to the inspection")
            try assertSnapshot(page, named: "staff-oversight-organisation.html")
            let (_, inspection) = try await Self.page(app, "/staff/oversight/inspections/JOINT-01?lang=en", as: inspector)
            try assertSnapshot(inspection, named: "staff-oversight-inspection.html")
            #expect(inspection.contains("The police have not been informed yet."))
            let link = try #require(inspection.firstMatch(of: /id="screen-trainee" href="(\/staff\/screening\?[^"]+)"/).map { String($0.1) })
            for box in ["act_recruitment", "act_harbouring", "means_coercion", "control_WithholdsDocuments", "purpose_forced_labour_or_services"] {
                #expect(link.contains("\(box)=on"), "\(box)")
            }
            let screening = try await app.testing().sendRequest(.GET, link.replacingOccurrences(of: "&amp;", with: "&"),
                                                                headers: inspector.cookie)
            #expect(screening.status == .ok)
            #expect(screening.body.string.contains(#"name="control_WithholdsDocuments" checked"#), "the screening opens with the method ticked")
        }
    }

    static func post(_ app: Application, _ path: String, _ form: [String: String], as actor: CaseWorkFixture.Actor) async throws -> TestingHTTPResponse {
        var headers = actor.cookie
        headers.add(name: StaffSession.csrfHeader, value: actor.csrf)
        return try await app.testing().sendRequest(.POST, path, headers: headers) { try $0.content.encode(form, as: .urlEncodedForm) }
    }

    @Test("an inspection → a finding that may be trafficking → the police informed → an order → its improvement report accepted, on the pages")
    func inspectionToImprovementReport() async throws {
        try await Self.withOversight { app, _, inspector in
            let recorded = try await Self.post(app, "/staff/oversight/organisations/IMP-00002/inspections?lang=en",
                                               ["inspector": "otit", "inspected_on": "2025-04-14", "kind": "ad_hoc", "violation_found": "true",
                                                "finding_forced_savings": "on", "finding_unpaid_wages": "on"], as: inspector)
            #expect(recorded.status == .seeOther)
            let location = try #require(recorded.headers.first(name: .location))
            #expect(location.hasPrefix("/staff/oversight/inspections/INS2025-") && location.hasSuffix("#may-be-trafficking"), "opens on its prompt")
            let inspectionPath = String(location.prefix { $0 != "?" })
            let inspectionID = String(inspectionPath.split(separator: "/").last!)
            let (_, prompt) = try await Self.page(app, inspectionPath + "?lang=en", as: inspector)
            #expect(prompt.contains("forced_savings") && prompt.contains("control_RestrictsFinancialAccess=on"))

            let informed = try await Self.post(app, inspectionPath + "/police?lang=en", ["police": "police-14", "informed_on": "2025-04-15"], as: inspector)
            #expect(informed.status == .seeOther)
            let (_, afterPolice) = try await Self.page(app, inspectionPath + "?lang=en", as: inspector)
            #expect(afterPolice.contains("Informed Kanagawa") && !afterPolice.contains("The police have not been informed yet."))

            let ordered = try await Self.post(app, inspectionPath + "/actions?lang=en",
                                              ["kind": "correction_order", "by": "otit", "on": "2025-04-15", "inspection_id": inspectionID,
                                               "due_on": "2025-05-15"], as: inspector)
            #expect(ordered.status == .seeOther)
            let (_, awaited) = try await Self.page(app, "/staff/oversight/orders?lang=en", as: inspector)
            let actionID = try #require(awaited.firstMatch(of: /action="\/staff\/oversight\/actions\/(ACT2025-[A-Z0-9]+)\/report-accepted"/).map { String($0.1) })
            let accepted = try await Self.post(app, "/staff/oversight/actions/\(actionID)/report-accepted?lang=en", ["closed_on": "2025-04-15"], as: inspector)
            #expect(accepted.status == .seeOther && accepted.headers.first(name: .location)?.contains("IMP-00002") == true)
            let (_, after) = try await Self.page(app, "/staff/oversight/orders?lang=en", as: inspector)
            #expect(!after.contains(actionID))
            let (_, organisation) = try await Self.page(app, "/staff/oversight/organisations/IMP-00002?lang=en", as: inspector)
            #expect(organisation.contains("accepted 2025-04-15"))
            let trail = try await AuditLog(database: app.db).entries(limit: 4).map(\.record)
            #expect(trail == ["oversight_action:\(actionID)", "oversight_action:\(actionID)", "inspection:\(inspectionID)", "inspection:\(inspectionID)"])
        }
    }

    @Test("a form with a problem comes back as it was sent, the problem named by its field, nothing written")
    func formProblems() async throws {
        try await Self.withOversight { app, _, inspector in
            let before = try await OversightStore(sql: app.db.sql).organisation("IMP-00003")!.inspections.count
            let refused = try await Self.post(app, "/staff/oversight/organisations/IMP-00003/inspections?lang=en",
                                              ["inspector": "otit", "inspected_on": "2025-05-01", "violation_found": "true", "finding_passport_retained": "on"],
                                              as: inspector)
            #expect(refused.status == .unprocessableEntity)
            let page = refused.body.string
            #expect(page.contains("inspected_on: 2025-05-01 is in the future"))
            #expect(page.contains(#"value="2025-05-01""#) && page.contains(#"name="finding_passport_retained" value="on" checked"#), "as it was sent")
            #expect(try await OversightStore(sql: app.db.sql).organisation("IMP-00003")!.inspections.count == before)
            let afterRevocation = try await Self.post(app, "/staff/oversight/organisations/SUP-03756/actions?lang=ja",
                                                      ["kind": "guidance", "by": "otit", "on": "2025-04-10"], as: inspector)
            #expect(afterRevocation.status == .unprocessableEntity && afterRevocation.body.string.contains("on: SUP-03756 の許可は"))
            let unknown = try await Self.post(app, "/staff/oversight/organisations/NOBODY/inspections", ["inspector": "otit", "inspected_on": "2025-04-01"],
                                              as: inspector)
            #expect(unknown.status == .notFound)
        }
    }

    @Test("the API records and reads the same: an inspection's prompt, a refusal by the records (409), the figures, the plan")
    func api() async throws {
        try await Self.withOversight { app, fixture, inspector in
            var headers = inspector.bearer
            headers.contentType = .json
            let recorded = try await app.testing().sendRequest(.POST, "/api/oversight/organisations/IMP-00004/inspections", headers: headers) {
                $0.body = .init(string: #"{"inspector":"otit","inspected_on":"2025-04-10","violation_found":true,"findings":["passport_retained"]}"#)
            }
            #expect(recorded.status == .created)
            let answer = try JSONSerialization.jsonObject(with: Data(recorded.body.readableBytesView)) as! [String: Any]
            #expect(answer["may_be_trafficking"] as? [String] == ["passport_retained"])
            #expect((answer["screening"] as? String)?.contains("control_WithholdsDocuments=on") == true)
            #expect((answer["inform_police"] as? String) == "/api/oversight/inspections/\(answer["id"] as! String)/police")
            let contradiction = try await app.testing().sendRequest(.POST, "/api/oversight/organisations/IMP-00004/inspections", headers: headers) {
                $0.body = .init(string: #"{"inspector":"otit","inspected_on":"2025-04-10","violation_found":false,"findings":["passport_retained"]}"#)
            }
            #expect(contradiction.status == .badRequest)
            let afterRevocation = try await app.testing().sendRequest(.POST, "/api/oversight/organisations/SUP-03756/actions", headers: headers) {
                $0.body = .init(string: #"{"kind":"guidance","by":"otit","on":"2025-04-10"}"#)
            }
            #expect(afterRevocation.status == .conflict && afterRevocation.body.string.contains(#""field":"on""#))
            let notLabour = try await app.testing().sendRequest(.POST, "/api/oversight/organisations/IMP-00004/joint-inspection-requests", headers: headers) {
                $0.body = .init(string: "{}")
            }
            #expect(notLabour.status == .forbidden)
            let figures = try await app.testing().sendRequest(.GET, "/api/oversight/stats?fiscal_year=2024", headers: inspector.bearer)
            #expect(figures.status == .ok && figures.body.string.contains(#""supervising_licensed":3755"#))
            let found = try await app.testing().sendRequest(.GET, "/api/oversight/organisations?q=%E8%A8%B11000012", headers: inspector.bearer)
            #expect(found.status == .ok && found.body.string.contains(#""id":"SUP-00012""#))
            let plan = try await app.testing().sendRequest(.GET, "/api/oversight/plan?limit=3", headers: inspector.bearer)
            #expect(plan.status == .ok && plan.body.string.contains("may be trafficking"))
            let police = try await app.testing().sendRequest(.GET, "/api/oversight/plan", headers: fixture.actor("home-case_worker").bearer)
            #expect(police.status == .forbidden)
            let suspended = try await app.testing().sendRequest(.POST, "/api/oversight/organisations/SEND-VNM/actions", headers: headers) {
                $0.body = .init(string: #"{"kind":"acceptance_suspended","by":"otit","on":"2025-04-01","until":"2025-10-01"}"#)
            }
            #expect(suspended.status == .created)
            let (_, sending) = try await Self.page(app, "/staff/oversight/organisations/SEND-VNM?lang=en", as: inspector)
            #expect(sending.contains("acceptance_suspended — until 2025-10-01"))
        }
    }

    @Test("the orders awaiting a report and the sending countries with their MOCs")
    func ordersAndSending() async throws {
        try await Self.withOversight { app, _, inspector in
            let (status, orders) = try await Self.page(app, "/staff/oversight/orders?lang=en", as: inspector)
            #expect(status == .ok && orders.contains("JORD-02") && !orders.contains("JORD-01"), "JORD-01's report was accepted")
            try assertSnapshot(orders, named: "staff-oversight-orders.html")
            let (_, sending) = try await Self.page(app, "/staff/oversight/sending?country=VNM&lang=ja", as: inspector)
            #expect(sending.contains("TITP, SSW") && sending.contains("SEND-VNM"))
            try assertSnapshot(sending, named: "staff-oversight-sending-ja.html")
        }
    }

    @Test("the inspection plan: overdue first, riskiest first, each reason shown; the OTIT's home lists the overdue")
    func plan() async throws {
        try await Self.withOversight { app, _, inspector in
            let facts = try await OversightStore(sql: app.db.sql).planFacts(on: Day(year: 2025, month: 4, day: 15)!)
            let entries = InspectionPlan.plan(facts, on: Day(year: 2025, month: 4, day: 15)!)
            #expect(!entries.isEmpty && entries.first?.overdue == true)
            #expect(zip(entries, entries.dropFirst()).allSatisfy { a, b in a.overdue != b.overdue ? a.overdue : a.risk >= b.risk })
            #expect(entries.first?.reasons.contains { if case .traffickingIndicators = $0 { true } else { false } } == true,
                    "a finding that may be trafficking puts an organisation at the top")
            #expect(!entries.contains { $0.facts.organisationID == "SUP-03756" }, "an organisation whose licence ended is not planned")
            let (status, page) = try await Self.page(app, "/staff/oversight/plan?lang=ja", as: inspector)
            #expect(status == .ok && page.contains("人身取引が疑われる指摘"))
            try assertSnapshot(page, named: "staff-oversight-plan-ja.html")
            let (_, home) = try await Self.page(app, "/staff?lang=en", as: inspector)
            #expect(home.contains("Inspections overdue, riskiest first") && home.contains("may be trafficking"))
        }
    }

    @Test("the figures of FY2024 are the seed's; the published list and its CSV are public; others may not see the registry")
    func figuresAndPermissions() async throws {
        try await Self.withOversight { app, fixture, inspector in
            let (status, page) = try await Self.page(app, "/staff/oversight/stats?fiscal_year=2024&lang=en", as: inspector)
            #expect(status == .ok && page.contains("4,457") && page.contains("21,242") && page.contains("3,755"))
            try assertSnapshot(page, named: "staff-oversight-stats.html")
            let list = try await app.testing().sendRequest(.GET, "/oversight/published?fiscal_year=2024&lang=en")
            #expect(list.status == .ok && list.body.string.components(separatedBy: "licence_revoked").count - 1 == 6)
            try assertSnapshot(list.body.string, named: "oversight-published-en.html")
            let csv = try await app.testing().sendRequest(.GET, "/oversight/published.csv?fiscal_year=2024")
            let lines = csv.body.string.split(separator: "\n")
            #expect(lines.first == "on,action,org_id,name,name_ja,kind,prefecture,licence_no")
            #expect(lines.count == 1 + 6 + 60, "six licences and sixty plans (55 organisations) revoked and published in FY2024")
            for key in ["home-case_worker", "protecting-case_worker", "home-analyst"] {
                let refused = try await app.testing().sendRequest(.GET, "/staff/oversight", headers: fixture.actor(key).cookie)
                #expect(refused.status == .forbidden, "\(key)")
            }
            // The MHLW reads the records and records nothing: no form on its pages, and a form sent anyway is refused.
            let accounts = AccountStore(database: app.db)
            let ministry = try await accounts.createAccount(email: "analyst@mhlw.example.jp", passwordHash: "unused", agency: "mhlw", role: .analyst, now: Self.clock)
            let reader = CaseWorkFixture.Actor(key: "mhlw-analyst", identity: ministry, token: try await accounts.createAPIToken(userID: ministry.userID, name: "t", now: Self.clock),
                                               session: try await accounts.createSession(userID: ministry.userID, now: Self.clock))
            let (readable, organisation) = try await Self.page(app, "/staff/oversight/organisations/IMP-24001?lang=en", as: reader)
            #expect(readable == .ok && organisation.contains("Inspections (")
                    && !["record-inspection", "record-action", "record-signal", "request-joint", "report-accepted"].contains { organisation.contains($0) })
            let sent = try await Self.post(app, "/staff/oversight/organisations/IMP-24001/signals", ["kind": "consultation", "noted_on": "2025-04-01"], as: reader)
            #expect(sent.status == .forbidden)
        }
    }
}
