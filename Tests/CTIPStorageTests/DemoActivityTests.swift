import CTIPCore
import CTIPStorage
import Foundation
import SQLKit
import Testing

/// `ctip demo`'s synthetic activity: something on every staff page, marked DEMO, written once, sealed
/// and audited like real work.
@Suite("Demo activity")
struct DemoActivityTests {
    @Test("the demo writes files, a screening, a waiting referral, tips and an item awaiting deletion, once", arguments: Engine.available)
    func seed(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            let accounts = AccountStore(database: storage.database)
            let shelter = try await accounts.createAccount(email: "s@demo.invalid", passwordHash: "x", agency: "wcsc-13", role: .caseWorker, now: Date())
            let staff = DemoActivity.Staff(
                policeCaseWorker: try await accounts.createAccount(email: "p@demo.invalid", passwordHash: "x", agency: "police-13", role: .caseWorker, now: Date()),
                hotlineAnalyst: try await accounts.createAccount(email: "h@demo.invalid", passwordHash: "x", agency: "hotline", role: .caseWorker, now: Date()),
                internetAnalyst: try await accounts.createAccount(email: "i@demo.invalid", passwordHash: "x", agency: "ihc", role: .caseWorker, now: Date()))
            let cipher = try FieldCipher(keys: [CaseWorkTests.k1])
            let activity = DemoActivity(database: storage.database, cipher: cipher, hasher: try PasscodeHasher(keyBytes: Data(repeating: 3, count: 32)))
            let summary = try #require(try await activity.seed(by: staff))
            #expect(summary == .init(victimFiles: 2, screenings: 1, referrals: 1, tips: 3, internetItems: 1))
            #expect(try await activity.seed(by: staff) == nil, "a second start writes nothing")
            #expect(try await count(storage, "victim_files") == 2)

            let files = VictimFileStore(database: storage.database, cipher: cipher)
            // The shelter sees the referral waiting, and the sheltered woman's whereabouts (its agency protects her).
            #expect(try await files.inbox(for: shelter).items.filter { $0.status == .pending }.count == 1)
            let sheltered = try #require(try await files.list(for: shelter).first { $0.protectingAgency == "wcsc-13" })
            let view = try await files.open(sheltered.id, for: shelter)
            #expect(view.whereabouts?.description.contains(DemoActivity.marker) == true)
            #expect(view.identity?.name.hasPrefix(DemoActivity.marker) == true)
            let raw = try await storage.database.sql.raw("SELECT identity_sealed, whereabouts_sealed FROM victim_files").all()
            for row in raw {
                for column in ["identity_sealed", "whereabouts_sealed"] {
                    #expect(try row.decode(column: column, as: String?.self).map { !$0.contains(DemoActivity.marker) } ?? true, "sealed at rest")
                }
            }
            #expect(try await count(storage, "tips WHERE status = 'received'") == 2)
            #expect(try await count(storage, "tips WHERE status = 'forwarded' AND forwarded_prefecture = 'JP-13'") == 1)
            #expect(try await count(storage, "internet_items WHERE deletion_state = 'requested' AND judgement = 'illegal'") == 1)
            #expect(try await AuditLog(database: storage.database).verify().isEmpty)
        }
    }
}
