import CTIPCore
import CTIPStorage
import Foundation
import SQLKit
import Testing

/// Cleared cases, suspects, prosecutions and trials entered in case work land in the tables the report counts.
@Suite("Case work: cleared cases, suspects, prosecutions and trials")
struct CriminalCaseTests {
    static let context = ValidationContext(codeLists: .shipped, offenseCodes: [])

    @Test("the police keep their case; the prosecutors' liaison records the decision and the trial; others see nothing", arguments: Engine.available)
    func lifecycle(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            let accounts = AccountStore(database: storage.database)
            func make(_ agency: String, _ role: StaffRole) async throws -> StaffIdentity {
                try await accounts.createAccount(email: "\(role.rawValue)@\(agency).jp", passwordHash: "x", agency: agency, role: role, now: Date())
            }
            let police = try await make("police-13", .caseWorker)
            let liaison = try await make("moj", .caseWorker)
            let osaka = try await make("police-27", .caseWorker)
            let centre = try await make("wcsc-13", .supervisor)
            let store = CriminalCaseStore(database: storage.database)

            let caseRecord = try RecordForm.read(CaseRecord.self, ["cleared_on": "2026-03-10", "summary": "Forced prostitution at a bar"],
                                                 fixed: ["case_id": "C2026-TEST0001"], context: Self.context).get()
            try await store.openCase(caseRecord, by: police)
            await #expect(throws: CaseWorkError.self) { try await store.openCase(caseRecord, by: centre) }
            let suspect = try RecordForm.read(SuspectRecord.self, ["arrested_on": "2026-03-10", "sex": "male", "nationality": "JPN", "broker": "true"],
                                              fixed: ["suspect_id": "S2026-TEST0001"], context: Self.context).get()
            do {
                try await store.addSuspect(suspect, charges: ["no_such_offense"], toCase: "C2026-TEST0001", by: police)
                Issue.record("an unknown offense was accepted")
            } catch CaseWorkError.invalid(let errors) { #expect(errors.map(\.field) == ["charges"]) }
            let offense = try #require(CodeLists.shipped.offenseOrder.first)
            try await store.addSuspect(suspect, charges: [offense], toCase: "C2026-TEST0001", by: police)
            await #expect(throws: CaseWorkError.notFound) { try await store.addSuspect(suspect, charges: [offense], toCase: "C2026-TEST0001", by: liaison) }
            await #expect(throws: CaseWorkError.notFound) { try await store.view("C2026-TEST0001", by: osaka) }
            #expect(try await store.cases(for: osaka).isEmpty)

            try await store.recordDisposition(suspect: "S2026-TEST0001", .prosecuted, on: Day(iso: "2026-04-01")!, reason: nil, deportationOrderedOn: nil, by: liaison)
            #expect(try await store.view("C2026-TEST0001", by: police).suspects.first?.trial?.verdict == "pending")
            let trial = try RecordForm.read(TrialRecord.self, ["verdict": "guilty", "decided_on": "2026-09-01", "imprisonment_months": "30", "suspension_months": "48"],
                                            fixed: ["suspect_id": "S2026-TEST0001"], context: Self.context).get()
            try await store.recordTrial(trial, by: liaison)
            let view = try await store.view("C2026-TEST0001", by: police)
            #expect(view.suspects.map(\.charges) == [[offense]])
            let recorded = try #require(view.suspects.first?.trial)
            #expect(recorded.verdict == "guilty" && recorded.decidedOn == "2026-09-01" && recorded.imprisonmentMonths == 30
                    && recorded.suspensionMonths == 48 && recorded.fineYen == nil)
            #expect(view.prefecture == "JP-13" && view.agency == "police")

            // The report's own counting sees the case and the suspect.
            let counts = try #require(try await YearStatistics(sql: storage.database.sql).caseLevelCounts()[2026])
            #expect(counts.cases == 1 && counts.suspects == 1)
            let audit = try await AuditLog(database: storage.database).entries()
            #expect(audit.filter { $0.action == "denied" }.count == 3)  // the centre opening a case, the liaison adding a suspect, Osaka viewing
            #expect(try await AuditLog(database: storage.database).verify().isEmpty)
        }
    }
}
