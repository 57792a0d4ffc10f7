import CTIPCore
import CTIPStorage
import Foundation
import SQLKit
import Testing

/// Victim files, need-to-know, referrals, the timeline and key rotation, on both engines.
@Suite("Case work: victim files, need-to-know, referrals, timeline")
struct CaseWorkTests {
    static let marker = "SHELTER-MARKER-7Q2X"
    static let k1 = try! FieldCipher.Key(id: "k1", bytes: Data(repeating: 1, count: 32))
    static let k2 = try! FieldCipher.Key(id: "k2", bytes: Data(repeating: 2, count: 32))

    struct Staff {
        let accounts: AccountStore
        func make(_ agency: String, _ role: StaffRole) async throws -> StaffIdentity {
            try await accounts.createAccount(email: "\(role.rawValue)@\(agency).example.jp", passwordHash: "x", agency: agency, role: role, now: Date())
        }
    }

    static func newFile(protecting: String? = "wcsc-13", nationality: String = "PHL") -> NewVictimFile {
        var fields = ["protected_on": "2026-05-01", "sex": "female", "age": "16", "nationality": nationality,
                      "exploitation": "sexual", "name": "Maria Example", "phone": "090-0000-0000"]
        if nationality != "JPN" { fields["residence_status"] = "temporary_visitor" }
        if let protecting { fields["protecting_agency"] = protecting; fields["whereabouts_kind"] = "shelter"; fields["whereabouts"] = "\(marker) room 3" }
        return try! NewVictimFile.read(fields, id: NewVictimFile.newID(year: 2026),
                                       context: ValidationContext(codeLists: .shipped, offenseCodes: [])).get()
    }

    @Test("a file is sealed at rest, counted by the report, and shows whereabouts only to the protecting agency", arguments: Engine.available)
    func needToKnow(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            let staff = Staff(accounts: AccountStore(database: storage.database))
            let police = try await staff.make("police-13", .caseWorker)
            let policeIntake = try await staff.make("police-13", .intake)
            let centre = try await staff.make("wcsc-13", .caseWorker)
            let centreSupervisor = try await staff.make("wcsc-13", .supervisor)
            let centreIntake = try await staff.make("wcsc-13", .intake)
            let osaka = try await staff.make("police-27", .supervisor)
            let analyst = try await staff.make("police-13", .analyst)
            let administrator = try await staff.make("police-13", .administrator)
            let store = VictimFileStore(database: storage.database, cipher: try FieldCipher(keys: [Self.k1]))

            let id = try await store.create(Self.newFile(), by: police)
            // At rest: no plaintext anywhere in the row; the bundle row is there for the report.
            let raw = try #require(try await storage.database.sql.raw("SELECT * FROM victim_files").first())
            for column in ["identity_sealed", "contact_sealed", "whereabouts_sealed"] {
                let value = try raw.decode(column: column, as: String.self)
                #expect(value.hasPrefix("v1:k1:"))
                #expect(!value.contains(Self.marker) && !value.contains("Maria"))
            }
            let victim = try #require(try await storage.database.sql.raw("SELECT protected_by, age FROM victims WHERE victim_id = \(bind: id)").first())
            #expect(try victim.decode(column: "protected_by", as: String.self) == "women_support_center")

            let ownerView = try await store.open(id, for: police)
            #expect(ownerView.identity?.name == "Maria Example")
            #expect(ownerView.whereabouts == nil && !ownerView.sections.contains(.whereabouts))
            #expect(try await store.open(id, for: centre).whereabouts?.description == "\(Self.marker) room 3")
            #expect(try await store.open(id, for: centreSupervisor).whereabouts != nil)
            #expect(try await store.open(id, for: centreIntake).whereabouts == nil)
            #expect(try await store.open(id, for: policeIntake).identity != nil)
            for outsider in [osaka, analyst, administrator] {
                await #expect(throws: CaseWorkError.notFound) { try await store.open(id, for: outsider) }
            }
            #expect(try await store.list(for: osaka).isEmpty)
            let listed = try await store.list(for: centre)
            #expect(listed.map(\.id) == [id])
            #expect(!String(describing: listed).contains(Self.marker))

            // Every access left its entry, refusals included, with fields but never values.
            let entries = try await AuditLog(database: storage.database).entries()
            #expect(entries.filter { $0.action == "denied" && $0.record == "victim:\(id)" }.count == 3)
            #expect(entries.contains { $0.action == "read" && $0.actor == centre.auditActor && $0.fields.contains("whereabouts") })
            #expect(!entries.contains { $0.purpose.contains(Self.marker) || $0.fields.contains(Self.marker) })
            #expect(try await AuditLog(database: storage.database).verify().isEmpty)
        }
    }

    @Test("a referral shares what it says once accepted, and withdrawal of consent ends it at once", arguments: Engine.available)
    func referrals(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            let staff = Staff(accounts: AccountStore(database: storage.database))
            let police = try await staff.make("police-13", .caseWorker)
            let policeSupervisor = try await staff.make("police-13", .supervisor)
            let iom = try await staff.make("iom", .caseWorker)
            let store = VictimFileStore(database: storage.database, cipher: try FieldCipher(keys: [Self.k1]))
            let id = try await store.create(Self.newFile(), by: police)

            await #expect(throws: CaseWorkError.self) {
                try await store.refer(id, to: "iom", sections: [.basic, .whereabouts], basis: .consent, overrideReason: nil, by: police)
            }
            await #expect(throws: CaseWorkError.self) {
                try await store.refer(id, to: "iom", sections: [.basic], basis: .override, overrideReason: "child in danger at home", by: police)
            }
            // A hot line passes reports to the police; it takes no part in a victim's protection.
            await #expect(throws: CaseWorkError.conflict([FieldError(field: "to_agency", message:
                "hotline is a hot line: it passes reports to the police and takes no part in a victim's protection")])) {
                try await store.refer(id, to: "hotline", sections: [.basic], basis: .consent, overrideReason: nil, by: police)
            }
            await #expect(throws: CaseWorkError.self) {
                try await store.recordStep(id, step: .counseling, on: Day(year: 2026, month: 4, day: 3)!, agency: "hotline", by: police)
            }
            let referral = try await store.refer(id, to: "iom", sections: [.basic, .identity], basis: .consent, overrideReason: nil, by: police)
            await #expect(throws: CaseWorkError.notFound) { try await store.open(id, for: iom) }
            #expect(try await store.inbox(for: iom).items.map(\.id) == [referral.id])

            _ = try await store.answer(referral: referral.id, .accept, by: iom)
            let shared = try await store.open(id, for: iom)
            #expect(Set(shared.sections) == [.basic, .identity])
            #expect(shared.identity?.name == "Maria Example" && shared.contact == nil && shared.whereabouts == nil && !shared.mayChange)
            #expect(shared.summary.protectingAgency == nil)
            #expect(try await store.list(for: iom).map(\.id) == [id])

            #expect(try await store.withdrawConsent(id, by: police) == 1)
            await #expect(throws: CaseWorkError.notFound) { try await store.open(id, for: iom) }
            #expect(try await store.list(for: iom).isEmpty)

            // A supervisor's override, with its reason, is allowed and audited as such.
            _ = try await store.refer(id, to: "iom", sections: [.basic], basis: .override, overrideReason: "child in danger at home", by: policeSupervisor)
            #expect(try await AuditLog(database: storage.database).entries().contains { $0.purpose.contains("consent overridden") })
        }
    }

    @Test("the timeline enforces its rules and yields the report's support events", arguments: Engine.available)
    func timeline(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            let staff = Staff(accounts: AccountStore(database: storage.database))
            let bureau = try await staff.make("isa-tokyo", .caseWorker)
            let store = VictimFileStore(database: storage.database, cipher: try FieldCipher(keys: [Self.k1]))
            let id = try await store.create(Self.newFile(protecting: nil), by: bureau)
            do {
                try await store.recordStep(id, step: .residenceStatusChanged, on: Day(year: 2026, month: 5, day: 2)!, agency: "isa-tokyo", by: bureau)
                Issue.record("a change of status before identification was accepted")
            } catch CaseWorkError.conflict(let errors) {
                #expect(errors.map(\.field) == ["step"])
            }
            try await store.recordStep(id, step: .identification, on: Day(year: 2026, month: 5, day: 1)!, agency: "isa-tokyo", by: bureau)
            try await store.recordStep(id, step: .residenceStatusChanged, on: Day(year: 2026, month: 5, day: 9)!, agency: "isa-tokyo", by: bureau)
            await #expect(throws: CaseWorkError.self) {
                try await store.recordStep(id, step: .legalAid, on: Day(year: 2026, month: 5, day: 9)!, agency: "isa-tokyo", by: bureau)
            }
            let events = try await storage.database.sql.raw("SELECT event, agency FROM support_events WHERE victim_id = \(bind: id) ORDER BY event").all()
                .map { "\(try $0.decode(column: "event", as: String.self))/\(try $0.decode(column: "agency", as: String.self))" }
            #expect(events == ["isa_protection/immigration", "residence_status_change_permitted/immigration"])
            #expect(try await store.open(id, for: bureau).timeline?.map(\.step) == [.identification, .residenceStatusChanged])
        }
    }

    @Test("the steps due are those of the files the agency holds or protects, oldest first; a role without case work is refused",
          arguments: Engine.available)
    func stepsDue(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            let staff = Staff(accounts: AccountStore(database: storage.database))
            let police = try await staff.make("police-13", .caseWorker)
            let shelter = try await staff.make("wcsc-13", .caseWorker)
            let osaka = try await staff.make("police-27", .caseWorker)
            let analyst = try await staff.make("police-13", .analyst)
            let store = VictimFileStore(database: storage.database, cipher: try FieldCipher(keys: [Self.k1]))
            let first = try await store.create(Self.newFile(), by: police)
            let second = try await store.create(Self.newFile(protecting: nil), by: police)
            try await store.recordStep(first, step: .identification, on: Day(year: 2026, month: 5, day: 3)!, agency: "police-13", by: police)
            try await store.recordStep(first, step: .protectionRequested, on: Day(year: 2026, month: 5, day: 3)!, agency: "police-13", by: police)
            try await store.recordStep(second, step: .identification, on: Day(year: 2026, month: 5, day: 1)!, agency: "police-13", by: police)
            let due = try await store.awaitedSteps(for: police)
            #expect(due.map { "\($0.victimID) \($0.step.kind.rawValue)" } == ["\(second) counseling", "\(first) counseling", "\(first) placement"])
            #expect(try await store.awaitedSteps(for: shelter).map(\.victimID) == [first, first], "the protecting agency sees the file it protects")
            #expect(try await store.awaitedSteps(for: osaka).isEmpty, "another prefecture's police sees nothing")
            await #expect(throws: CaseWorkError.self) { try await store.awaitedSteps(for: analyst) }
            try await store.recordStep(first, step: .womenSupportCenterProtection, on: Day(year: 2026, month: 5, day: 4)!, agency: "wcsc-13", by: shelter)
            #expect(try await store.awaitedSteps(for: police).map(\.step.kind) == [.counseling, .counseling], "the shelter settled the placement")
        }
    }

    @Test("steps recorded at once on one file are checked one after another: one identification, never two", arguments: Engine.available)
    func concurrentSteps(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            let staff = Staff(accounts: AccountStore(database: storage.database))
            let bureau = try await staff.make("isa-tokyo", .caseWorker)
            let store = VictimFileStore(database: storage.database, cipher: try FieldCipher(keys: [Self.k1]))
            let id = try await store.create(Self.newFile(protecting: nil), by: bureau)
            let recorded = await withTaskGroup(of: Bool.self) { group in
                for day in 1...8 {
                    group.addTask {
                        (try? await store.recordStep(id, step: .identification, on: Day(year: 2026, month: 5, day: day)!, agency: "isa-tokyo", by: bureau)) != nil
                    }
                }
                return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(recorded == 1)
            #expect(try await store.open(id, for: bureau).timeline?.filter { $0.step == .identification }.count == 1)
        }
    }

    @Test("keys rotate: every sealed value moves to the newest key and still opens", arguments: Engine.available)
    func rotation(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            let staff = Staff(accounts: AccountStore(database: storage.database))
            let centre = try await staff.make("wcsc-13", .caseWorker)
            let id = try await VictimFileStore(database: storage.database, cipher: try FieldCipher(keys: [Self.k1])).create(Self.newFile(), by: centre)
            #expect(try await VictimFileStore(database: storage.database, cipher: try FieldCipher(keys: [Self.k1, Self.k2])).rotateKeys() == 3)
            let onlyNew = VictimFileStore(database: storage.database, cipher: try FieldCipher(keys: [Self.k2]))
            #expect(try await onlyNew.open(id, for: centre).whereabouts?.description.contains(Self.marker) == true)
            #expect(try await onlyNew.rotateKeys() == 0)
        }
    }

    @Test("accounts lock after five wrong passwords; sessions expire; revoked tokens stop working", arguments: Engine.available)
    func accounts(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            let accounts = AccountStore(database: storage.database)
            await #expect(throws: AccountError.unknownAgency("nowhere")) {
                try await accounts.createAccount(email: "a@b.jp", passwordHash: "x", agency: "nowhere", role: .intake, now: Date())
            }
            let user = try await accounts.createAccount(email: "A@B.jp", passwordHash: "x", agency: "otit", role: .intake, now: Date())
            #expect(user.email == "a@b.jp")
            await #expect(throws: AccountError.duplicateEmail("a@b.jp")) {
                try await accounts.createAccount(email: "a@b.jp ", passwordHash: "x", agency: "otit", role: .intake, now: Date())
            }
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            for attempt in 1...5 {
                #expect(try await accounts.recordFailedLogin(userID: user.userID, now: now) == (attempt == 5))
            }
            #expect(try await accounts.account(userID: user.userID)?.lockedUntil == now.addingTimeInterval(AccountStore.lockout))

            let session = try await accounts.createSession(userID: user.userID, now: now)
            #expect(try await accounts.identity(session: session, now: now.addingTimeInterval(60))?.userID == user.userID)
            #expect(try await accounts.identity(session: session, now: now.addingTimeInterval(AccountStore.sessionLifetime + 1)) == nil)
            let token = try await accounts.createAPIToken(userID: user.userID, name: "test", now: now)
            #expect(try await accounts.identity(apiToken: token)?.role == .intake)
            try await accounts.revokeAPIToken(token, now: now)
            #expect(try await accounts.identity(apiToken: token) == nil)
            let stored = try await storage.database.sql.raw("SELECT token_hash FROM api_tokens").all()
            #expect(try stored.allSatisfy { try !$0.decode(column: "token_hash", as: String.self).contains(token) })
        }
    }
}
