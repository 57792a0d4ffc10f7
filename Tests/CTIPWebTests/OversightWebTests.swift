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
            let link = try #require(page.firstMatch(of: /class="button" href="(\/staff\/screening\?[^"]+)"/).map { String($0.1) })
            #expect(link.contains("control_WithholdsDocuments=on"))
            try assertSnapshot(page, named: "staff-oversight-organisation.html")
            let screening = try await app.testing().sendRequest(.GET, link.replacingOccurrences(of: "&amp;", with: "&"),
                                                                headers: inspector.cookie)
            #expect(screening.status == .ok)
            #expect(screening.body.string.contains(#"name="control_WithholdsDocuments" checked"#), "the screening opens with the method ticked")
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
        }
    }
}
