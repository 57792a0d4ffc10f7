import CTIPCore
import CTIPStorage
import Foundation
import Testing
import VaporTesting
@testable import CTIPWeb

@Suite("Web: identification screening")
struct ScreeningWebTests {
    static func object(_ body: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
    }

    @Test("POST /api/screenings answers by the Protocol, names its offenses and agency, and stores only what names a file", arguments: WebEngine.available)
    func api(engine: WebEngine) async throws {
        try await withCaseWorkApp(engine) { app in
            let fixture = try await CaseWorkFixture.make(app)
            let intake = fixture.actor("home-intake")
            // A child harboured for prostitution: no means needed; consent beside the point.
            let child = try await app.testing().sendRequest(.POST, "/api/screenings", headers: intake.bearer) { request in
                request.headers.contentType = .json
                request.body = ByteBuffer(string: #"{"acts": ["harbouring"], "purposes": ["prostitution_of_others"], "age": 15, "says_they_consented": true}"#)
            }
            #expect(child.status == .created)
            let answer = try Self.object(child.body.string)
            #expect(answer["outcome"] as? String == "meets_definition")
            #expect(answer["elements"] as? [String: String] == ["act": "holds", "means": "not_required", "purpose": "holds"])
            let reasons = try #require(answer["reasons"] as? [[String: String]])
            #expect(reasons.contains { $0["code"] == "child_needs_no_means" && $0["text"]?.contains("Art. 3 (c)") == true })
            #expect(reasons.contains { $0["code"] == "consent_irrelevant" })
            let offenses = try #require(answer["suggested_offenses"] as? [[String: String]])
            #expect(offenses.contains { $0["code"] == "child_welfare_act" && $0["label"] == "violation of the Child Welfare Act" })
            #expect((answer["suggested_agency"] as? [String: String])?["code"] == "police")
            #expect(answer["stored"] as? Bool == false && answer["screening_id"] == nil)

            // Named with a file: stored, and shown with the file to those who see its screening section.
            let attached = try await app.testing().sendRequest(.POST, "/api/screenings", headers: intake.bearer) { request in
                request.headers.contentType = .json
                request.body = ByteBuffer(string: #"{"control_methods": ["WithholdsDocuments", "DebtBondage"], "acts": ["recruitment"], "purposes": ["forced_labour_or_services"], "age": 30, "nationality": "VNM", "file": "\#(fixture.fileID)"}"#)
            }
            #expect(attached.status == .created)
            let stored = try Self.object(attached.body.string)
            #expect(stored["stored"] as? Bool == true && stored["file"] as? String == fixture.fileID)
            #expect((stored["suggested_offenses"] as? [[String: String]])?.contains { $0["code"] == "immigration_control_act" } == true)
            let file = try await app.testing().sendRequest(.GET, "/api/victims/\(fixture.fileID)", headers: fixture.actor("protecting-intake").bearer)
            let screenings = try #require(try Self.object(file.body.string)["screenings"] as? [[String: Any]])
            #expect(screenings.count == 1 && (screenings[0]["result"] as? [String: Any])?["outcome"] as? String == "meets_definition")

            // Bad input: a 400 naming the field (the document's list of methods), nothing stored.
            let bad = try await app.testing().sendRequest(.POST, "/api/screenings", headers: intake.bearer) { request in
                request.headers.contentType = .json
                request.body = ByteBuffer(string: #"{"control_methods": ["Kidnapping"], "file": "\#(fixture.fileID)"}"#)
            }
            let problem = try Self.object(bad.body.string)
            #expect(bad.status == .badRequest && problem["field"] as? String == "control_methods[0]")
            let after = try await app.testing().sendRequest(.GET, "/api/victims/\(fixture.fileID)", headers: intake.bearer)
            let afterFile = try Self.object(after.body.string)
            #expect((afterFile["screenings"] as? [[String: Any]])?.count == 1)

            let sheet = try await app.testing().sendRequest(.GET, "/staff/screening/sheet?lang=xx", headers: intake.cookie)
            #expect(sheet.status == .unprocessableEntity && sheet.body.string.contains("lang:"))
        }
    }

    @Test("the form, its result page (stored with a file, or not stored) and the file's screening section match their snapshots")
    func pages() async throws {
        try await withCaseWorkApp(.sqlite) { app in
            let fixture = try await CaseWorkFixture.make(app)
            let intake = fixture.actor("home-intake")
            func post(_ form: [String: String], as actor: CaseWorkFixture.Actor) async throws -> TestingHTTPResponse {
                var form = form
                form[StaffSession.csrfField] = actor.csrf
                return try await app.testing().sendRequest(.POST, "/staff/screening?lang=en", headers: actor.cookie) { try $0.content.encode(form, as: .urlEncodedForm) }
            }
            let unattached = try await post(["act_recruitment": "on", "control_FalsePromises": "on", "age": "24"], as: intake)
            #expect(unattached.status == .ok)
            #expect(unattached.body.string.contains("Possible — interview further") && unattached.body.string.contains("Not stored"))
            try assertSnapshot(CaseWorkPageSnapshots.stable(unattached.body.string, intake), named: "staff-screening-result.html")

            let attached = try await post(["act_harbouring": "on", "purpose_prostitution_of_others": "on", "age": "17",
                                           "nationality": "THA", "says_they_consented": "yes", "file": fixture.fileID], as: intake)
            #expect(attached.status == .ok && attached.body.string.contains("Stored with victim file"))
            #expect(attached.body.string.contains("Meets the definition of trafficking in persons"))

            let invalid = try await post(["age": "old", "act_recruitment": "on"], as: intake)
            #expect(invalid.status == .unprocessableEntity && invalid.body.string.contains("age: expected whole years"))
            #expect(invalid.body.string.contains(#"name="act_recruitment" checked"#), "the form keeps what was ticked")

            let worker = fixture.actor("home-case_worker")
            let page = try await app.testing().sendRequest(.GET, "/staff/victims/\(fixture.fileID)?lang=ja", headers: worker.cookie)
            #expect(page.body.string.contains("人身取引の定義に該当する") && page.body.string.contains("第3条(c)"))
            // The screening is dated today (Tokyo): the snapshot holds a placeholder.
            let today = ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "Asia/Tokyo")!, formatOptions: [.withFullDate])
            try assertSnapshot(CaseWorkPageSnapshots.stable(page.body.string, worker).replacingOccurrences(of: today, with: "SCREENED-ON"),
                               named: "staff-file-screened-ja.html")
        }
    }
}
