import CTIPCore
import CTIPStorage
import Foundation
import Testing
import VaporTesting
@testable import CTIPWeb

/// The staff home is a work queue: what waits for *me*, by what my role and agency may do, a life in
/// danger first, each item one click from the work.
@Suite("Web: the staff home's work queues")
struct StaffHomeWebTests {
    @Test("each member of staff sees their own queues, with counts, danger to life first; others see none", arguments: WebEngine.available)
    func queues(engine: WebEngine) async throws {
        try await withCaseWorkApp(engine) { app in
            let accounts = AccountStore(database: app.db)
            func make(_ email: String, _ agency: String, _ role: StaffRole) async throws -> (StaffIdentity, HTTPHeaders) {
                let identity = try await accounts.createAccount(email: email, passwordHash: "x", agency: agency, role: role, now: Date())
                let token = try await accounts.createAPIToken(userID: identity.userID, name: "test", now: Date())
                return (identity, ["Authorization": "Bearer \(token)"])
            }
            let (police, policeHeaders) = try await make("p@x.jp", "police-13", .caseWorker)
            let (shelter, shelterHeaders) = try await make("s@x.jp", "wcsc-13", .caseWorker)
            let (internet, internetHeaders) = try await make("i@x.jp", "ihc", .caseWorker)
            let (triager, triageHeaders) = try await make("t@x.jp", "hotline", .caseWorker)
            let (_, auditorHeaders) = try await make("a@x.jp", "cas", .auditor)
            let hasher = try PasscodeHasher.load(keyFile: PasscodeHasher.keyFile(for: app.databaseURL))
            try await DemoActivity(database: app.db, cipher: app.ctipConfiguration.cipher!, hasher: hasher)
                .seed(by: .init(policeCaseWorker: police, hotlineAnalyst: triager, internetAnalyst: internet))

            let triage = try await app.testing().sendRequest(.GET, "/staff", headers: triageHeaders).body.string
            let urgent = try #require(triage.range(of: "<section class=\"queue urgent\">"), "a danger-to-life tip marks its queue urgent")
            let heading = try #require(triage.range(of: "<h2>Tips to triage (2)</h2>"))
            #expect(urgent.lowerBound < heading.lowerBound && triage.range(of: "<section class=\"queue\">").map { urgent.lowerBound < $0.lowerBound } ?? true,
                    "the urgent queue comes first")
            #expect(triage.contains("danger to life"))
            #expect(triage.contains("href=\"/staff/hotline/tips/"))
            #expect(!triage.contains(DemoActivity.marker), "no report's text on the home")
            #expect(!triage.contains("Referrals to accept"), "no queue without the permission")

            let centre = try await app.testing().sendRequest(.GET, "/staff", headers: shelterHeaders).body.string
            #expect(centre.contains("Referrals to accept or decline (1)"))
            #expect(!centre.contains("Tips to triage"))

            let ihc = try await app.testing().sendRequest(.GET, "/staff", headers: internetHeaders).body.string
            #expect(ihc.contains("Deletion requests without an answer (1)"))
            #expect(ihc.contains("demo.invalid"))

            let ja = try await app.testing().sendRequest(.GET, "/staff?lang=ja", headers: shelterHeaders).body.string
            #expect(ja.contains("受諾・辞退の回答待ちの照会 (1)"))

            let auditor = try await app.testing().sendRequest(.GET, "/staff", headers: auditorHeaders).body.string
            #expect(auditor.contains("Nothing waits for you right now."))
            #expect(!auditor.contains("class=\"queue"))
            let tokyoPolice = try await app.testing().sendRequest(.GET, "/staff", headers: policeHeaders).body.string
            #expect(tokyoPolice.contains("Forwarded tips to acknowledge (1)"))
            #expect(!tokyoPolice.contains("Tips to triage"))
        }
    }
}
