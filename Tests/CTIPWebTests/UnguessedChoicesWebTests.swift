import CTIPCore
import CTIPStorage
import Foundation
import SQLKit
import Testing
import VaporTesting
@testable import CTIPWeb

/// "Forms that never guess": on the staff forms no fact and no decision is preselected, since an
/// unchanged field would be recorded as one. A required choice starts on "Choose…" and, left there, is
/// refused by the server naming its field, in the page's language; nothing is written.
@Suite("Web: forms never guess — a choice left on “Choose…” is refused, naming its field")
struct UnguessedChoicesWebTests {
    static func post(_ app: Application, _ path: String, _ form: [String: String], as actor: CaseWorkFixture.Actor) async throws -> TestingHTTPResponse {
        var headers = actor.cookie
        headers.add(name: StaffSession.csrfHeader, value: actor.csrf)
        return try await app.testing().sendRequest(.POST, path, headers: headers) { try $0.content.encode(form, as: .urlEncodedForm) }
    }

    static func count(_ app: Application, _ table: String) async throws -> Int {
        try await app.db.sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()!.decode(column: "n", as: Int.self)
    }

    static func sealedWhereabouts(_ app: Application, _ id: String) async throws -> String? {
        try await app.db.sql.raw("SELECT whereabouts_sealed FROM victim_files WHERE victim_id = \(bind: id)").first()!
            .decode(column: "whereabouts_sealed", as: String?.self)
    }

    @Test("a victim's file: the protection step, the referral's agency and basis, and the kind of place start empty and are refused empty")
    func victimFile() async throws {
        try await withCaseWorkApp(.sqlite) { app in
            let fixture = try await CaseWorkFixture.make(app)
            let owner = fixture.actor("home-case_worker")
            let protecting = fixture.actor("protecting-case_worker")
            let base = "/staff/victims/\(fixture.fileID)"

            let page = try await app.testing().sendRequest(.GET, base, headers: owner.cookie).body.string
            #expect(page.contains("<select id=\"step\" name=\"step\" required=\"required\">"))
            #expect(page.contains("<select id=\"basis\" name=\"basis\" required=\"required\">"))
            #expect(page.contains("<option value selected>Choose…</option>"))
            #expect(!page.contains("<option value=\"consent\" selected"), "no basis preselected")

            // A step left on "Choose…": refused, named, in Japanese on a Japanese page; no step recorded.
            let steps = try await Self.count(app, "protection_steps")
            let step = try await Self.post(app, "\(base)/steps?lang=ja", ["step": "", "on": "2026-04-03", "agency": "police-13"], as: owner)
            #expect(step.status == .unprocessableEntity)
            #expect(step.body.string.contains("step: 次のいずれかを選んでください"))
            #expect(try await Self.count(app, "protection_steps") == steps)

            // A referral without its agency and basis: both named; nothing referred.
            let referrals = try await Self.count(app, "referrals")
            let refer = try await Self.post(app, "\(base)/referrals", ["to_agency": "", "share_basic": "on", "basis": ""], as: owner)
            #expect(refer.status == .unprocessableEntity)
            #expect(refer.body.string.contains("to_agency: choose the agency to refer the file to"))
            #expect(refer.body.string.contains("basis: record the victim"))
            #expect(try await Self.count(app, "referrals") == referrals)

            // New whereabouts without the kind of place: never taken to be a shelter.
            let protectingPage = try await app.testing().sendRequest(.GET, base, headers: protecting.cookie).body.string
            #expect(protectingPage.contains("<option value selected>Choose… (needed with new whereabouts)</option>"))
            let sealed = try await Self.sealedWhereabouts(app, fixture.fileID)
            let moved = try await Self.post(app, "\(base)/whereabouts?lang=ja",
                                            ["protecting_agency": "wcsc-13", "whereabouts_kind": "", "whereabouts": "Another place 9"], as: protecting)
            #expect(moved.status == .unprocessableEntity)
            #expect(moved.body.string.contains("whereabouts_kind: 所在を記録する場合は所在の種別"))
            let api = try await app.testing().sendRequest(.PUT, "/api/victims/\(fixture.fileID)/whereabouts", headers: protecting.bearer) { request in
                try request.content.encode(["protecting_agency": "wcsc-13", "whereabouts": "Another place 9"], as: .json)
            }
            // The API's document says so itself (`dependentRequired`): a 400 naming the field.
            #expect(api.status == .badRequest && api.body.string.contains("whereabouts_kind"))
            #expect(try await Self.sealedWhereabouts(app, fixture.fileID) == sealed)

            // The same on the new-file form: whereabouts with the kind left on "not known yet" are refused.
            let files = try await Self.count(app, "victim_files")
            let created = try await Self.post(app, "/staff/victims", ["protected_on": "2026-06-01", "sex": "female", "nationality": "JPN", "exploitation": "sexual",
                                                                      "protecting_agency": "wcsc-13", "whereabouts_kind": "", "whereabouts": "Somewhere 1"], as: owner)
            #expect(created.status == .unprocessableEntity)
            #expect(created.body.string.contains("<a href=\"#whereabouts_kind\">whereabouts_kind:"))
            #expect(try await Self.count(app, "victim_files") == files)
        }
    }

    @Test("a cleared case: a suspect's sex and nationality, the prosecutors' decision start empty and are refused empty; nationalities of recent victims first")
    func criminalCase() async throws {
        try await withCaseWorkApp(.sqlite) { app in
            let fixture = try await CaseWorkFixture.make(app)
            let officer = fixture.actor("home-case_worker")
            let path = "/staff/cases/\(CaseWorkFixture.caseID)"

            let page = try await app.testing().sendRequest(.GET, "\(path)?lang=ja", headers: officer.cookie).body.string
            #expect(page.contains("<select id=\"sex\" name=\"sex\" required=\"required\">"))
            #expect(page.contains("<select id=\"nationality\" name=\"nationality\" required=\"required\">"))
            #expect(page.contains("<option value selected>選択してください</option>"))
            #expect(!page.contains("<option value=\"JPN\" selected"), "no nationality preselected")
            #expect(page.contains("<optgroup label=\"最近の被害者に多い国籍\">"), "the fixture's victim is Thai: recent nationalities come first")

            let suspects = try await Self.count(app, "suspects")
            let charge = CodeLists.shipped.offenseOrder[0]
            let refused = try await Self.post(app, "\(path)/suspects?lang=ja", ["arrested_on": "2026-04-02", "sex": "", "nationality": "", "charges": charge],
                                              as: officer)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("sex: 入力が必要です") && refused.body.string.contains("nationality: 入力が必要です"))
            #expect(try await Self.count(app, "suspects") == suspects)

            let added = try await Self.post(app, "\(path)/suspects", ["arrested_on": "2026-04-02", "sex": "male", "nationality": "JPN", "charges": charge],
                                            as: officer)
            #expect(added.status == .seeOther)
            let withSuspect = try await app.testing().sendRequest(.GET, path, headers: officer.cookie).body.string
            #expect(withSuspect.contains("<select id=\"disposition\" name=\"disposition\" required=\"required\">"))
            let suspectRow = try #require(try await app.db.sql.raw("SELECT suspect_id FROM suspect_cases WHERE case_id = \(bind: CaseWorkFixture.caseID)").first())
            let suspectID = try suspectRow.decode(column: "suspect_id", as: String.self)
            let undecided = try await Self.post(app, "/staff/suspects/\(suspectID)/disposition", ["disposition": "", "disposition_on": "2026-04-20"], as: officer)
            #expect(undecided.status == .unprocessableEntity && undecided.body.string.contains("disposition: expected"))
            let row = try #require(try await app.db.sql.raw("SELECT disposition FROM suspects WHERE suspect_id = \(bind: suspectID)").first())
            #expect(try row.decode(column: "disposition", as: String?.self) == nil)
        }
    }
}
