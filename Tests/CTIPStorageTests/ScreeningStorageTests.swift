import CTIPCore
import CTIPStorage
import Foundation
import SQLKit
import Testing

/// Screenings kept with a victim's file, on both engines.
@Suite("Case work: screenings stored with a victim's file")
struct ScreeningStorageTests {
    @Test("a screening attached to a file reads back as recorded, only for those who need to know, every access audited", arguments: Engine.available)
    func attachAndReadBack(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            let staff = CaseWorkTests.Staff(accounts: AccountStore(database: storage.database))
            let policeIntake = try await staff.make("police-13", .intake)
            let police = try await staff.make("police-13", .caseWorker)
            let centreIntake = try await staff.make("wcsc-13", .intake)
            let osaka = try await staff.make("police-27", .supervisor)
            let analyst = try await staff.make("police-13", .analyst)
            let iom = try await staff.make("iom", .caseWorker)
            let clock = Date(timeIntervalSince1970: 1_780_000_000)
            let store = VictimFileStore(database: storage.database, cipher: try FieldCipher(keys: [CaseWorkTests.k1]), now: { clock })
            let id = try await store.create(CaseWorkTests.newFile(), by: police)

            var answers = ScreeningAnswers()
            answers.acts = [.recruitment, .harbouring]
            answers.controlMethods = [.debtBondage, .withholdsDocuments]
            answers.purposes = [.prostitutionOfOthers]
            answers.age = 16
            answers.nationality = "PHL"
            answers.saysTheyConsented = true
            let result = Article3Screening.screen(answers)
            let stored = try await store.attachScreening(id, answers: answers, result: result, by: policeIntake)
            #expect(stored.victimID == id && stored.agency == "police-13" && stored.screenedAt == clock)

            // The agency holding the file and the one protecting the person read it back exactly.
            for reader in [police, policeIntake, centreIntake] {
                let view = try await store.open(id, for: reader)
                #expect(view.screenings == [stored], "\(reader.email)")
                #expect(view.screenings?.first?.result.outcome == .meetsDefinition)
            }
            // Others do not learn the file exists; they cannot attach one either.
            for outsider in [osaka, analyst] {
                await #expect(throws: CaseWorkError.notFound) { try await store.attachScreening(id, answers: answers, result: result, by: outsider) }
            }
            await #expect(throws: CaseWorkError.notFound) { try await store.attachScreening("V2026-NOSUCH", answers: answers, result: result, by: police) }

            // A referral that shares the basic section but not the screening keeps the screening from IOM.
            let referral = try await store.refer(id, to: "iom", sections: [.basic], basis: .consent, overrideReason: nil, by: police)
            _ = try await store.answer(referral: referral.id, .accept, by: iom)
            let shared = try await store.open(id, for: iom)
            #expect(shared.screenings == nil && !shared.sections.contains(.screening))
            // …and an agency that was only referred the file may read what it shares but not add to it.
            await #expect(throws: CaseWorkError.forbidden("record a screening on this file")) {
                try await store.attachScreening(id, answers: answers, result: result, by: iom)
            }
            let second = try await store.refer(id, to: "iom", sections: [.basic, .screening], basis: .consent, overrideReason: nil, by: police)
            _ = try await store.answer(referral: second.id, .accept, by: iom)
            #expect(try await store.open(id, for: iom).screenings == [stored])

            let entries = try await AuditLog(database: storage.database).entries()
            #expect(entries.contains { $0.action == "create" && $0.actor == policeIntake.auditActor && $0.fields == "screening:\(stored.id)" })
            #expect(entries.filter { $0.action == "denied" && $0.purpose == "record an Article 3 screening" }.count == 4)
            #expect(entries.contains { $0.action == "read" && $0.actor == centreIntake.auditActor && $0.fields.contains("screening") })
            #expect(try await AuditLog(database: storage.database).verify().isEmpty)

            // One row, its outcome in the clear so that screenings can be counted without reading answers;
            // what the person told and CTIP's reasons from it are sealed.
            let rows = try await storage.database.sql.raw("SELECT outcome, answers, result FROM screenings WHERE victim_id = \(bind: id)").all()
            let outcomes = try rows.map { try $0.decode(column: "outcome", as: String.self) }
            #expect(outcomes == ["meets_definition"])
            for column in ["answers", "result"] {
                let stored = try #require(try rows.first?.decode(column: column, as: String.self))
                #expect(FieldCipher.isSealed(stored) && !stored.contains("PHL") && !stored.contains("DebtBondage"), "\(column)")
            }
        }
    }

    @Test("a screening stored before screenings were sealed still reads back, and key rotation seals it", arguments: Engine.available)
    func sealingEarlierScreenings(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            let staff = CaseWorkTests.Staff(accounts: AccountStore(database: storage.database))
            let police = try await staff.make("police-13", .caseWorker)
            let store = VictimFileStore(database: storage.database, cipher: try FieldCipher(keys: [CaseWorkTests.k1]))
            let id = try await store.create(CaseWorkTests.newFile(), by: police)
            var answers = ScreeningAnswers()
            answers.acts = [.transportation]
            answers.controlMethods = [.falsePromises]
            answers.purposes = [.forcedLabourOrServices]
            answers.nationality = "VNM"
            let stored = try await store.attachScreening(id, answers: answers, result: Article3Screening.screen(answers), by: police)

            // The row as an earlier CTIP wrote it: the JSON in the clear.
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let answersJSON = String(decoding: try encoder.encode(stored.answers), as: UTF8.self)
            let resultJSON = String(decoding: try encoder.encode(stored.result), as: UTF8.self)
            try await storage.database.sql.raw("""
                UPDATE screenings SET answers = \(bind: answersJSON), result = \(bind: resultJSON) WHERE screening_id = \(bind: stored.id)
                """).run()
            #expect(try await store.open(id, for: police).screenings == [stored])

            #expect(try await store.rotateKeys() == 2)
            let row = try #require(try await storage.database.sql.raw("SELECT answers, result FROM screenings WHERE screening_id = \(bind: stored.id)").first())
            for column in ["answers", "result"] {
                let value = try row.decode(column: column, as: String.self)
                #expect(FieldCipher.isSealed(value) && !value.contains("VNM"), "\(column)")
            }
            #expect(try await store.open(id, for: police).screenings == [stored])
            #expect(try await store.rotateKeys() == 0)
        }
    }
}
