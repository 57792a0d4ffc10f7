import CTIPCore
import CTIPStorage
import Foundation
import Testing

/// What the oversight bodies record between imports, on both engines: each entry checked against the
/// records as an import would check it, written with its audit entry, or refused with the field named
/// and nothing written.
@Suite("Programme oversight: recording inspections, actions, reports accepted, police informed, signs")
struct OversightRecordingTests {
    static func day(_ text: String) -> Day { Day(iso: text)! }
    /// April 15, 2025, 10:00 in Japan.
    static let clock = Date(timeIntervalSince1970: 1_744_678_800)

    static func staff(_ agency: String, _ role: StaffRole = .caseWorker) -> StaffIdentity {
        let found = StandardAgencies.all().first { $0.code == agency }!
        return StaffIdentity(userID: "u-\(agency)-\(role.rawValue)", email: "\(agency)@example.jp", agency: found, role: role)
    }
    static let otit = staff("otit"), labour = staff("labour-13"), isa = staff("isa"), police = staff("police-13"), mhlw = staff("mhlw", .analyst)

    static func withScenario(_ engine: Engine, _ body: (StorageContext, OversightRecorder) async throws -> Void) async throws {
        try await withFreshDatabase(engine) { storage in
            let folder = try writeBundle(OversightStorageTests.files)
            defer { try? FileManager.default.removeItem(at: folder) }
            _ = try await BundleImporter(database: storage.database).importBundle(at: folder)
            try await body(storage, OversightRecorder(database: storage.database, now: { clock }))
        }
    }

    static func auditCount(_ storage: StorageContext) async throws -> Int { try await AuditLog(database: storage.database).entries(limit: 10_000).count }

    /// Runs `write`, expects it refused as `expected` says, and that neither the records nor the trail changed.
    static func refused(_ storage: StorageContext, _ write: () async throws -> Void, _ expected: (CaseWorkError) -> Bool) async throws {
        let before = try await exportedBytes(storage), audited = try await auditCount(storage)
        do {
            try await write()
            Issue.record("expected a refusal")
        } catch let error as CaseWorkError {
            #expect(expected(error), "refused as \(error)")
        }
        #expect(try await exportedBytes(storage) == before, "nothing written")
        #expect(try await auditCount(storage) <= audited + 1, "at most the refusal is audited")
    }

    static func field(_ name: String) -> @Sendable (CaseWorkError) -> Bool {
        { error in
            switch error {
            case .invalid(let errors), .conflict(let errors): errors.contains { $0.field == name }
            default: false
            }
        }
    }
    static func forbidden(_ error: CaseWorkError) -> Bool { if case .forbidden = error { true } else { false } }

    @Test("an inspection and an order are written with their audit entries, and exported as the files hold them", arguments: Engine.available)
    func recordsAndExports(engine: Engine) async throws {
        try await Self.withScenario(engine) { storage, recorder in
            let audited = try await Self.auditCount(storage)
            let inspection = InspectionRecord(id: "INS-1", organisationID: "I1", inspector: .otit, inspectedOn: Self.day("2025-04-10"), kind: .adHoc,
                                              violationFound: true, findings: [.passportRetained, .unpaidWages])
            try await recorder.recordInspection(inspection, by: Self.otit)
            let order = OversightActionRecord(id: "ACT-1", organisationID: "I1", kind: .correctionOrder, by: .otit, on: Self.day("2025-04-12"),
                                              inspectionID: "INS-1", dueOn: Self.day("2025-05-12"))
            try await recorder.recordAction(order, by: Self.otit)
            let detail = try #require(try await OversightStore(sql: storage.database.sql).organisation("I1"))
            #expect(detail.inspections.first == inspection)
            #expect(detail.actions.first == order)
            let exported = String(decoding: try await exportedBytes(storage)["inspections.csv"]!, as: UTF8.self)
            #expect(exported.contains("INS-1,I1,otit,2025-04-10,ad_hoc,true,passport_retained;unpaid_wages\n"))
            let trail = try await AuditLog(database: storage.database).entries(limit: 10)
            #expect(try await Self.auditCount(storage) == audited + 2)
            #expect(trail.map(\.record).prefix(2) == ["oversight_action:ACT-1", "inspection:INS-1"])
            #expect(trail.allSatisfy { $0.actor == Self.otit.auditActor && $0.agency == "otit" })
            #expect(try await AuditLog(database: storage.database).verify().isEmpty)
        }
    }

    @Test("bad input: an unknown organisation, an order after a revocation, another organisation's inspection, a taken identifier — refused, nothing written",
          arguments: Engine.available)
    func refusals(engine: Engine) async throws {
        try await Self.withScenario(engine) { storage, recorder in
            try await Self.refused(storage, {
                try await recorder.recordInspection(.init(id: "INS-2", organisationID: "NOBODY", inspector: .otit, inspectedOn: Self.day("2025-04-01")), by: Self.otit)
            }, Self.field("org_id"))
            // S2's licence was revoked on 2024-10-01.
            try await Self.refused(storage, {
                try await recorder.recordAction(.init(id: "ACT-2", organisationID: "S2", kind: .guidance, by: .otit, on: Self.day("2025-01-10")), by: Self.otit)
            }, Self.field("on"))
            try await Self.refused(storage, {
                try await recorder.recordAction(.init(id: "ACT-3", organisationID: "I1", kind: .recommendation, by: .joint, on: Self.day("2025-01-10"),
                                                      inspectionID: "N8"), by: Self.otit)
            }, Self.field("inspection_id"))
            try await Self.refused(storage, {
                try await recorder.recordAction(.init(id: "ACT-4", organisationID: "I1", kind: .reportedToGovernment, by: .otit, on: Self.day("2025-01-10")),
                                                by: Self.otit)
            }, Self.field("kind"))
            try await Self.refused(storage, {
                try await recorder.recordInspection(.init(id: "N1", organisationID: "I1", inspector: .otit, inspectedOn: Self.day("2025-04-01")), by: Self.otit)
            }, Self.field("inspection_id"))
        }
    }

    @Test("a date in the future is refused by the rules a form is read with", arguments: [Engine.sqlite])
    func futureDate(engine: Engine) async throws {
        try await Self.withScenario(engine) { _, recorder in
            let read = RecordForm.read(InspectionRecord.self, ["inspector": "otit", "inspected_on": "2025-04-16"],
                                       fixed: ["inspection_id": "INS-9", "org_id": "I1"], context: recorder.context)
            guard case .failure(let problems) = read else { Issue.record("a future day was accepted"); return }
            #expect(problems.errors.map(\.field) == ["inspected_on"])
        }
    }

    @Test("each body records its own: the OTIT not a labour inspection, the police and a ministry's analyst nothing — refusals audited",
          arguments: Engine.available)
    func permissions(engine: Engine) async throws {
        try await Self.withScenario(engine) { storage, recorder in
            let labourInspection = InspectionRecord(id: "INS-3", organisationID: "I1", inspector: .labourInspection, inspectedOn: Self.day("2025-04-01"))
            try await Self.refused(storage, { try await recorder.recordInspection(labourInspection, by: Self.otit) }, Self.forbidden)
            for outsider in [Self.police, Self.mhlw] {
                let audited = try await Self.auditCount(storage)
                try await Self.refused(storage, { try await recorder.recordInspection(labourInspection, by: outsider) }, Self.forbidden)
                let denial = try #require(try await AuditLog(database: storage.database).entries(limit: 1).first)
                #expect(try await Self.auditCount(storage) == audited + 1 && denial.action == "denied" && denial.record == "inspection:INS-3")
            }
            try await recorder.recordInspection(labourInspection, by: Self.labour)
            try await Self.refused(storage, { _ = try await recorder.requestJointInspection(of: "I1", findings: [], by: Self.otit) }, Self.forbidden)
            try await Self.refused(storage, {
                try await recorder.recordAction(.init(id: "ACT-5", organisationID: "R1", kind: .guidance, by: .otit, on: Self.day("2024-11-02")), by: Self.isa)
            }, Self.forbidden)
        }
    }

    @Test("an improvement report is accepted once, not before its order nor in the future; the order leaves the awaited list", arguments: Engine.available)
    func improvementReport(engine: Engine) async throws {
        try await Self.withScenario(engine) { storage, recorder in
            let store = OversightStore(sql: storage.database.sql)
            try await recorder.recordAction(.init(id: "ACT-6", organisationID: "I1", kind: .correctionOrder, by: .otit, on: Self.day("2025-03-01"),
                                                  dueOn: Self.day("2025-04-01")), by: Self.otit)
            #expect(try await store.openOrders().map(\.action.id) == ["ACT-6"], "late and awaited (A9's report was accepted)")
            try await Self.refused(storage, { _ = try await recorder.acceptImprovementReport(action: "ACT-6", on: Self.day("2025-02-01"), by: Self.otit) },
                                   Self.field("closed_on"))
            try await Self.refused(storage, { _ = try await recorder.acceptImprovementReport(action: "ACT-6", on: Self.day("2025-04-20"), by: Self.otit) },
                                   Self.field("closed_on"))
            try await Self.refused(storage, { _ = try await recorder.acceptImprovementReport(action: "ACT-6", on: Self.day("2025-04-10"), by: Self.labour) },
                                   Self.forbidden)
            let accepted = try await recorder.acceptImprovementReport(action: "ACT-6", on: Self.day("2025-04-10"), by: Self.otit)
            #expect(accepted.closedOn == Self.day("2025-04-10"))
            #expect(try await store.openOrders().isEmpty)
            try await Self.refused(storage, { _ = try await recorder.acceptImprovementReport(action: "ACT-6", on: Self.day("2025-04-11"), by: Self.otit) },
                                   Self.field("closed_on"))
            try await Self.refused(storage, { _ = try await recorder.acceptImprovementReport(action: "A1", on: Self.day("2025-04-11"), by: Self.otit) },
                                   Self.field("action"))
            try await Self.refused(storage, { _ = try await recorder.acceptImprovementReport(action: "NONE", on: Self.day("2025-04-11"), by: Self.otit) },
                                   { $0 == .notFound })
        }
    }

    @Test("the police are informed only of an inspection that found what may be trafficking; the sharing is audited, no identity in it",
          arguments: Engine.available)
    func policeInformed(engine: Engine) async throws {
        try await Self.withScenario(engine) { storage, recorder in
            let policeAgency = StandardAgencies.all().first { $0.code == "police-23" }!
            let wcsc = StandardAgencies.all().first { $0.code == "wcsc-13" }!
            try await Self.refused(storage, { _ = try await recorder.informPolice(inspection: "N1", police: policeAgency, on: Self.day("2025-04-01"), by: Self.otit) },
                                   Self.field("inspection"))
            try await Self.refused(storage, { _ = try await recorder.informPolice(inspection: "N8", police: wcsc, on: Self.day("2025-04-01"), by: Self.otit) },
                                   Self.field("police"))
            try await Self.refused(storage, { _ = try await recorder.informPolice(inspection: "N8", police: policeAgency, on: Self.day("2024-06-30"), by: Self.otit) },
                                   Self.field("informed_on"))
            let referral = try await recorder.informPolice(inspection: "N8", police: policeAgency, on: Self.day("2025-04-01"), by: Self.otit)
            let detail = try #require(try await OversightStore(sql: storage.database.sql).inspection("N8"))
            #expect(detail.policeReferrals == [referral] && referral.police == "police-23")
            let entry = try #require(try await AuditLog(database: storage.database).entries(limit: 1).first)
            #expect(entry.action == "export" && entry.record == "inspection:N8" && entry.purpose.contains("police-23"))
        }
    }

    @Test("a labour bureau's joint-inspection request and the signs pointing at an organisation raise it in the plan, each reason shown",
          arguments: Engine.available)
    func planReasons(engine: Engine) async throws {
        try await Self.withScenario(engine) { storage, recorder in
            let store = OversightStore(sql: storage.database.sql)
            let today = Self.day("2025-04-15")
            _ = try await recorder.requestJointInspection(of: "I3", findings: [.restrictedMovement], by: Self.labour)
            _ = try await recorder.recordSignal(.disappearance, about: "I3", on: Self.day("2025-03-01"), count: 3, by: Self.otit)
            _ = try await recorder.recordSignal(.hotlineTip, about: "I3", on: Self.day("2025-04-01"), count: 1, by: Self.otit)
            _ = try await recorder.recordSignal(.consultation, about: "I3", on: Self.day("2023-01-01"), count: 9, by: Self.otit)
            try await Self.refused(storage, { _ = try await recorder.recordSignal(.consultation, about: "I3", on: Self.day("2025-05-01"), count: 1, by: Self.otit) },
                                   Self.field("noted_on"))
            try await Self.refused(storage, { _ = try await recorder.recordSignal(.consultation, about: "I3", on: today, count: 0, by: Self.otit) },
                                   Self.field("count"))
            let facts = try #require(try await store.planFacts(on: today).first { $0.organisationID == "I3" })
            #expect(facts.signals == [.disappearance: 3, .hotlineTip: 1], "a sign older than a year no longer counts")
            #expect(facts.jointInspectionRequested?.on == today && facts.jointInspectionRequested?.by == "labour-13")
            let entry = try #require(InspectionPlan.plan(try await store.planFacts(on: today), on: today).first { $0.facts.organisationID == "I3" })
            #expect(entry.reasons.contains(.signals(.disappearance, 3)) && entry.reasons.contains(.jointInspectionRequested(by: "labour-13", on: today)))
            #expect(entry.due == today, "asked for today: due today, whatever the interval")
            #expect(try await store.openJointInspectionRequests().map(\.organisationID) == ["I3"])
            try await recorder.recordInspection(.init(id: "INS-4", organisationID: "I3", inspector: .joint, inspectedOn: today), by: Self.otit)
            #expect(try await store.openJointInspectionRequests().isEmpty, "a joint inspection answers the request")
        }
    }

    @Test("the sending countries: MOCs in force by scheme, organisations reported and suspended", arguments: Engine.available)
    func sendingCountries(engine: Engine) async throws {
        try await Self.withScenario(engine) { storage, _ in
            let countries = try await OversightStore(sql: storage.database.sql).sendingCountries(on: Self.day("2025-04-15"))
            #expect(countries == [
                SendingCountry(country: "PHL", schemesInForce: [], organisations: 1, reported: 0, suspended: 1),
                SendingCountry(country: "VNM", schemesInForce: [.titp, .ssw], organisations: 1, reported: 1, suspended: 0),
            ])
        }
    }
}
