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
            } catch CaseWorkError.conflict(let errors) { #expect(errors.map(\.field) == ["charges"]) }
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

    @Test("the case list shows each case with its own suspects, their charges in order and their trials, newest case first", arguments: Engine.available)
    func caseList(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            let police = try await AccountStore(database: storage.database).createAccount(
                email: "case_worker@police-13.jp", passwordHash: "x", agency: "police-13", role: .caseWorker, now: Date())
            let store = CriminalCaseStore(database: storage.database)
            let offenses = Array(CodeLists.shipped.offenseOrder.prefix(3))
            let plan: [(caseID: String, clearedOn: String, suspects: [(id: String, charges: [String])])] = [
                ("C2026-LIST0001", "2026-02-01", [("S2026-LIST0001", [offenses[2], offenses[0]]), ("S2026-LIST0002", [offenses[1]])]),
                ("C2026-LIST0002", "2026-05-01", [("S2026-LIST0003", [offenses[0], offenses[1], offenses[2]])]),
                ("C2026-LIST0003", "2026-03-01", []),
            ]
            for entry in plan {
                try await store.openCase(try RecordForm.read(CaseRecord.self, ["cleared_on": entry.clearedOn], fixed: ["case_id": entry.caseID],
                                                             context: Self.context).get(), by: police)
                for suspect in entry.suspects {
                    let record = try RecordForm.read(SuspectRecord.self, ["arrested_on": entry.clearedOn, "sex": "male", "nationality": "JPN"],
                                                     fixed: ["suspect_id": suspect.id], context: Self.context).get()
                    try await store.addSuspect(record, charges: suspect.charges, toCase: entry.caseID, by: police)
                }
            }
            let listed = try await store.cases(for: police)
            #expect(listed.map(\.id) == ["C2026-LIST0002", "C2026-LIST0003", "C2026-LIST0001"])
            for view in listed {
                let planned = plan.first { $0.caseID == view.id }!
                #expect(view.suspects.map(\.record.id) == planned.suspects.map(\.id), "\(view.id)")
                #expect(view.suspects.map(\.charges) == planned.suspects.map(\.charges), "\(view.id)")
                #expect(view == (try await store.view(view.id, by: police)))
            }
        }
    }
}
