import CTIPStorage
import Foundation
import SQLKit
import Testing

@Suite("Encryption at rest and the audit trail")
struct SecurityTests {
    @Test("sealed fields open only with their key and on their record; rotation keeps old values readable")
    func fieldCipher() throws {
        let old = try FieldCipher.Key(id: "k1", bytes: FieldCipher.newKey())
        let cipher = try FieldCipher(keys: [old])
        let sealed = try cipher.seal("Shelter B, room 4 — MARKER-7f3a", record: "victim:V1")
        #expect(!sealed.contains("MARKER") && sealed.hasPrefix("v1:k1:"))
        #expect(try cipher.open(sealed, record: "victim:V1") == "Shelter B, room 4 — MARKER-7f3a")
        #expect(throws: FieldCipherError.cannotOpen) { try cipher.open(sealed, record: "victim:V2") }
        #expect(try cipher.seal("same", record: "r") != cipher.seal("same", record: "r"))   // a fresh nonce each time

        let rotated = try FieldCipher(keys: [old, FieldCipher.Key(id: "k2", bytes: FieldCipher.newKey())])
        #expect(rotated.needsRotation(sealed) && rotated.currentKeyID == "k2")
        #expect(try rotated.open(sealed, record: "victim:V1").hasSuffix("MARKER-7f3a"))
        let resealed = try rotated.seal(rotated.open(sealed, record: "victim:V1"), record: "victim:V1")
        #expect(!rotated.needsRotation(resealed))
        #expect(throws: FieldCipherError.unknownKey("k2")) { try cipher.open(resealed, record: "victim:V1") }
        #expect(throws: FieldCipherError.self) { try FieldCipher(keyText: "k1:" + Data(count: 16).base64EncodedString()) }
        #expect(try FieldCipher(keyText: FieldCipher.newKey().base64EncodedString()).currentKeyID == "k1")
    }

    @Test("every appended access is in the chain; a changed, removed or reordered entry fails verification", arguments: Engine.available)
    func auditChain(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            let log = AuditLog(database: storage.database)
            let start = Date(timeIntervalSince1970: 1_735_689_600)
            for index in 0..<5 {
                try await log.append(AuditEvent(at: start.addingTimeInterval(Double(index)), actor: "caseworker\(index)@example.go.jp",
                                                agency: "wcsc-tokyo", action: .read, record: "victim:V2024-00\(index)",
                                                fields: ["whereabouts", "contact"], purpose: "case review"))
            }
            #expect(try await log.verify().isEmpty)
            #expect(try await count(storage, "audit_log") == 5)

            try await storage.database.sql.raw("UPDATE audit_log SET purpose = 'curiosity' WHERE seq = 3").run()
            #expect(try await log.verify().map(\.sequence) == [3])
            try await storage.database.sql.raw("UPDATE audit_log SET purpose = 'case review' WHERE seq = 3").run()
            #expect(try await log.verify().isEmpty)

            try await storage.database.sql.raw("DELETE FROM audit_log WHERE seq = 2").run()
            let problems = try await log.verify()
            #expect(problems.contains { $0.sequence == 3 && $0.reason.contains("missing") })
        }
    }

    @Test("concurrent writers never fork the chain", arguments: Engine.available)
    func concurrentAppends(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            let log = AuditLog(database: storage.database)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<12 {
                    group.addTask {
                        try await log.append(AuditEvent(at: Date(), actor: "u\(index)", agency: "police-13", action: .read,
                                                        record: "victim:V\(index)", fields: [], purpose: "investigation"))
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await count(storage, "audit_log") == 12)
            #expect(try await log.verify().isEmpty)
        }
    }
}
