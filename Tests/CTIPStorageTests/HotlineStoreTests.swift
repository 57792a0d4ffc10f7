import CTIPCore
import CTIPStorage
import Foundation
import SQLKit
import Testing

/// A hasher with a fixed test key.
let testHasher = try! PasscodeHasher(keyBytes: Data(repeating: 7, count: 32))

/// A clock the test moves.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var seconds: Int
    init(_ seconds: Int) { self.seconds = seconds }
    var now: Int { lock.withLock { seconds } }
    func advance(days: Int = 0, hours: Int = 0) { lock.withLock { seconds += days * 86_400 + hours * 3_600 } }
}

private let prefectures = Set(CodeLists.shipped.prefectureOrder)
private let analyst = HotlineActor(user: "analyst1", agency: "NPA")
private let supervisor = HotlineActor(user: "super1", agency: "NPA")
private let tokyoPolice = HotlineActor(user: "officer-tokyo", agency: "Tokyo MPD", policePrefecture: "JP-13")
private let osakaPolice = HotlineActor(user: "officer-osaka", agency: "Osaka PP", policePrefecture: "JP-27")

private func tip(_ category: String = "trafficking", prefecture: String = "JP-13", _ description: String = "Women kept in a flat above the bar", danger: Bool = false) throws -> TipSubmission {
    try TipSubmission(language: "en", category: category, prefecture: prefecture, description: description, dangerNow: danger, prefectures: prefectures)
}

/// 2023-06-15T12:00+09:00, inside FY2023.
private let june2023 = 1_686_798_000

@Suite("Hot lines in the database")
struct HotlineStoreTests {
    @Test("a tip is read back with its receipt and passcode only; the passcode is stored as a keyed hash", arguments: Engine.available)
    func roundTrip(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            let store = HotlineStore(database: storage.database, hasher: testHasher)
            let issued = try await store.submit(try tip("trafficking", "<script>alert('x')</script> in room 3"))
            let view = try await store.reporterView(receipt: issued.receipt, passcode: issued.passcode.lowercased())
            #expect(view.kind == .tip && view.status == "received" && view.category == "trafficking")
            // Wrong passcode, unknown receipt: the same refusal.
            await #expect(throws: HotlineStoreError.noSuchReport) { try await store.reporterView(receipt: issued.receipt, passcode: HotlineCredentials.newPasscode()) }
            await #expect(throws: HotlineStoreError.noSuchReport) { try await store.reporterView(receipt: HotlineCredentials.newReceipt(), passcode: issued.passcode) }
            // Another server key cannot check the passcode.
            let otherKey = HotlineStore(database: storage.database, hasher: try PasscodeHasher(keyBytes: Data(repeating: 8, count: 32)))
            await #expect(throws: HotlineStoreError.noSuchReport) { try await otherKey.reporterView(receipt: issued.receipt, passcode: issued.passcode) }
            // The passcode appears nowhere in the table, in any form but the HMAC.
            let row = try await storage.database.sql.raw("SELECT * FROM tips").first()!
            let stored = try row.decode(column: "passcode_hash", as: String.self)
            #expect(!stored.contains(issued.passcode) && stored == testHasher.hash(receipt: issued.receipt, passcode: issued.passcode))
            #expect(try row.decode(column: "description", as: String.self) == "<script>alert('x')</script> in room 3")
        }
    }

    @Test("tips sent at once through the batch writer are each committed before their receipt is returned", arguments: Engine.available)
    func batchWriter(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            let store = HotlineStore(database: storage.database, hasher: testHasher, writer: TipBatchWriter(database: storage.database))
            let issued = try await withThrowingTaskGroup(of: (HotlineCredentialsIssued, String).self) { group in
                for index in 0..<300 {
                    group.addTask {
                        let text = "concurrent tip \(index)"
                        return (try await store.submit(try tip(prefecture: "JP-\(String(format: "%02d", index % 47 + 1))", text)), text)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(Set(issued.map(\.0.receipt)).count == 300)
            #expect(try await count(storage, "tips") == 300)
            let staff = HotlineStaff(store: store)
            for (credentials, text) in issued.prefix(20) {
                #expect(try await store.reporterView(receipt: credentials.receipt, passcode: credentials.passcode).status == "received")
                #expect(try await staff.tip(credentials.receipt, by: analyst).description == text)
            }
        }
    }

    @Test("the same content reported many ways is one item with a count; a deleted item reported again has re-appeared", arguments: Engine.available)
    func internetDeduplication(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            let clock = TestClock(june2023)
            let store = HotlineStore(database: storage.database, hasher: testHasher, now: { clock.now })
            let spellings = ["https://Example.com/offer?utm_source=x", "http://example.com:80/offer#top", "example.com/./offer", "https://example.com/offer?fbclid=1"]
            var receipts: [HotlineCredentialsIssued] = []
            for (index, url) in spellings.enumerated() {
                receipts.append(try await store.submit(try InternetReportSubmission(language: "ja", category: "grave_crime", url: url, description: "report \(index)")))
            }
            _ = try await store.submit(try InternetReportSubmission(language: "ja", category: "grave_crime", url: "https://exаmple.com/offer", description: nil))
            #expect(try await count(storage, "internet_items") == 2)
            #expect(try await count(storage, "internet_reports") == 5)
            let staff = HotlineStaff(store: store)
            let queue = try await staff.internetQueue()
            #expect(queue.map(\.reportCount) == [4, 1])
            let item = queue[0]
            #expect(item.url == "https://example.com/offer")

            try await staff.judge(item.id, .illegal, category: .graveCrime, by: analyst)
            // Illegal content goes to the police at once: the National Police Agency's list has it (the
            // other item, not judged, is not there), and reading the list is audited.
            let npa = HotlineActor(user: "officer-npa", agency: "npa")
            #expect(try await staff.reportedToPolice(by: npa).map(\.url) == ["https://example.com/offer"])
            #expect(try await staff.reportedToPolice(by: npa).first?.forwardedAt == june2023)
            #expect(try await AuditLog(database: storage.database).entries(actor: "officer-npa").map(\.record) == Array(repeating: "internet:reported-to-police", count: 2))
            let letter = try await staff.requestDeletion(item.id, language: .en, by: analyst)
            #expect(letter.body.contains("https://example.com/offer") && letter.body.contains("Article 226-2"))
            clock.advance(hours: 30)
            try await staff.recordDeletion(item.id, .deleted, by: analyst)
            #expect(try await staff.item(item.id).deletedAt == june2023 + 30 * 3_600)
            let view = try await store.reporterView(receipt: receipts[2].receipt, passcode: receipts[2].passcode)
            #expect(view.status == "illegal" && view.deletion == .deleted)

            clock.advance(days: 3)
            _ = try await store.submit(try InternetReportSubmission(language: "en", category: "grave_crime", url: "HTTPS://EXAMPLE.COM/offer", description: nil))
            let back = try await staff.item(item.id)
            #expect(back.deletionState == .reappeared && back.reportCount == 5)

            let statistics = try await HotlineRecords(database: storage.database).statistics(FiscalYear(2023))
            #expect(statistics.total.internetReportsReceived == 6)
            #expect(statistics.total.judgedIllegal == 1 && statistics.total.deletionRequested == 1 && statistics.total.deleted == 1)
            #expect(statistics.total.medianHoursToDeletion == 30)
        }
    }

    @Test("triage puts danger to life first; forwarding, the police queue of one prefecture only, outcome, reward — all audited", arguments: Engine.available)
    func workflow(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            let clock = TestClock(june2023)
            let store = HotlineStore(database: storage.database, hasher: testHasher, now: { clock.now })
            let staff = HotlineStaff(store: store)
            let first = try await store.submit(try tip("child_abuse", "Shouting every night"))
            clock.advance(hours: 1)
            let urgent = try await store.submit(try tip("other", "They said they will kill her tonight", danger: true))
            clock.advance(hours: 1)
            let duplicate = try await store.submit(try tip("trafficking", "Same flat as before, above the bar"))
            let byPhone = try await staff.intake(try tip("trafficking", prefecture: "JP-27", "Caller: passports taken at a factory"), by: analyst)

            #expect(try await staff.triageQueue().map(\.receipt).first == urgent.receipt)
            #expect(try await staff.alerts().map(\.receipt) == [urgent.receipt])
            try await staff.classify(first.receipt, category: .childAbuse, urgency: .dangerToLife, prefecture: "JP-13", by: analyst)
            #expect(Set(try await staff.alerts().map(\.receipt)) == [urgent.receipt, first.receipt])
            try await staff.classify(urgent.receipt, category: .trafficking, urgency: .dangerToLife, prefecture: "JP-13", by: analyst)
            try await staff.merge(duplicate.receipt, into: urgent.receipt, by: analyst)
            try await staff.forward(urgent.receipt, to: "JP-13", by: analyst)
            try await staff.forward(byPhone.receipt, to: "JP-27", by: analyst)
            #expect(try await staff.triageQueue().map(\.receipt) == [first.receipt])

            // Each prefecture's police see their own tips, and cannot act on another's.
            #expect(try await staff.policeQueue(for: tokyoPolice).map(\.receipt) == [urgent.receipt])
            #expect(try await staff.policeQueue(for: osakaPolice).map(\.receipt) == [byPhone.receipt])
            await #expect(throws: HotlineStoreError.notForwardedToYou(receipt: urgent.receipt, prefecture: "JP-27")) {
                try await staff.tip(urgent.receipt, by: osakaPolice)
            }
            await #expect(throws: HotlineStoreError.notForwardedToYou(receipt: urgent.receipt, prefecture: "JP-27")) {
                try await staff.acknowledge(urgent.receipt, by: osakaPolice)
            }
            await #expect(throws: HotlineStoreError.notForwardedToYou(receipt: first.receipt, prefecture: "JP-13")) {
                try await staff.tip(first.receipt, by: tokyoPolice)
            }
            try await staff.acknowledge(urgent.receipt, by: tokyoPolice)
            try await staff.ask(urgent.receipt, question: "Which floor?", by: analyst)
            try await store.answer(receipt: urgent.receipt, passcode: urgent.passcode, text: "The third.")
            #expect(try await store.reporterView(receipt: urgent.receipt, passcode: urgent.passcode).messages.map(\.text) == ["Which floor?", "The third."])

            // No reward before an outcome that earns one.
            await #expect(throws: HotlineStoreError.self) {
                try await staff.decideReward(urgent.receipt, amount: 100_000, contribution: .victimProtected, reason: "early", by: supervisor)
            }
            try await staff.recordOutcome(urgent.receipt, .victimProtected, caseFile: "C2023-0042", by: tokyoPolice)
            try await staff.decideReward(urgent.receipt, amount: 100_000, contribution: .victimProtected, reason: "Led to the rescue of two women", by: supervisor)
            var view = try await store.reporterView(receipt: urgent.receipt, passcode: urgent.passcode)
            #expect(view.status == "closed" && view.reward == .decided && view.rewardAmount == 100_000)
            try await store.claimReward(receipt: urgent.receipt, passcode: urgent.passcode)
            await #expect(throws: HotlineStoreError.noSuchReport) {
                try await staff.payReward(receipt: urgent.receipt, passcode: first.passcode, by: supervisor)
            }
            #expect(try await staff.payReward(receipt: urgent.receipt, passcode: urgent.passcode, by: supervisor) == 100_000)
            view = try await store.reporterView(receipt: urgent.receipt, passcode: urgent.passcode)
            #expect(view.reward == .paid)

            let audit = try await storage.database.sql.raw("SELECT actor, action, record, purpose FROM audit_log ORDER BY seq").all()
            let lines = try audit.map { "\(try $0.decode(column: "actor", as: String.self)) \(try $0.decode(column: "action", as: String.self)) \(try $0.decode(column: "record", as: String.self)) \(try $0.decode(column: "purpose", as: String.self))" }
            #expect(lines.contains("super1 update tip:\(urgent.receipt) reward decided: 100000 yen, victim_protected"))
            #expect(lines.contains("super1 update tip:\(urgent.receipt) reward paid: 100000 yen"))
            #expect(lines.contains("officer-osaka denied tip:\(urgent.receipt) not forwarded to JP-27"))
            #expect(lines.contains("analyst1 create tip:\(byPhone.receipt) phone intake"))
            #expect(try await AuditLog(database: storage.database).verify().isEmpty)
            // No reporter text in the audit trail.
            #expect(!lines.joined().contains("third") && !lines.joined().contains("kill"))

            let statistics = try await HotlineRecords(database: storage.database).statistics(FiscalYear(2023))
            #expect(statistics.total.tipsReceived == 3)   // the merged duplicate is not counted twice
            #expect(statistics.total.tipsForwarded == 2 && statistics.total.outcomes["victim_protected"] == 1)
            #expect(statistics.total.rewardsPaid == 1 && statistics.total.rewardAmountPaid == 100_000)
            #expect(statistics.months[2].figures.tipsReceived == 3)
        }
    }

    @Test("staff acting on one tip at once: one forwarding, one merge and one payment go through, the others are refused, and only they are audited", arguments: Engine.available)
    func actingAtOnce(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            let store = HotlineStore(database: storage.database, hasher: testHasher)
            let staff = HotlineStaff(store: store)
            let issued = try await store.submit(try tip("trafficking", "Passports taken at a factory"))
            func succeeded(_ attempts: Int, _ action: @escaping @Sendable () async throws -> Void) async -> Int {
                await withTaskGroup(of: Bool.self) { group in
                    for _ in 0..<attempts { group.addTask { (try? await action()) != nil } }
                    return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
                }
            }
            #expect(await succeeded(8) { try await staff.forward(issued.receipt, to: "JP-13", by: analyst) } == 1)
            let duplicate = try await store.submit(try tip("trafficking", "The same factory"))
            #expect(await succeeded(8) { try await staff.merge(duplicate.receipt, into: issued.receipt, by: analyst) } == 1)
            try await staff.recordOutcome(issued.receipt, .victimProtected, by: tokyoPolice)
            try await staff.decideReward(issued.receipt, amount: 50_000, contribution: .victimProtected, reason: "rescue", by: supervisor)
            #expect(await succeeded(8) { _ = try await staff.payReward(receipt: issued.receipt, passcode: issued.passcode, by: supervisor) } == 1)
            let entries = try await AuditLog(database: storage.database).entries(record: "tip:\(issued.receipt)").map(\.purpose)
            #expect(entries.filter { $0.hasPrefix("forwarded") }.count == 1)
            #expect(entries.filter { $0.hasPrefix("reward paid") }.count == 1)
            #expect(try await AuditLog(database: storage.database).entries(record: "tip:\(duplicate.receipt)").filter { $0.purpose.hasPrefix("merged") }.count == 1)
            #expect(try await HotlineRecords(database: storage.database).statistics(FiscalYear(containing: HotlineMonth(
                JapanTime(secondsSinceEpoch: store.now())))).total.rewardAmountPaid == 50_000)
        }
    }

    @Test("the retention purge erases the free text of closed reports and keeps the statistics", arguments: Engine.available)
    func purge(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            let clock = TestClock(june2023)
            let store = HotlineStore(database: storage.database, hasher: testHasher, now: { clock.now })
            let staff = HotlineStaff(store: store)
            let closed = try await store.submit(try tip(prefecture: "JP-01", "to be purged"))
            let open = try await store.submit(try tip(prefecture: "JP-01", "still open"))
            try await staff.ask(closed.receipt, question: "Question to be purged", by: analyst)
            try await staff.forward(closed.receipt, to: "JP-01", by: analyst)
            try await staff.recordOutcome(closed.receipt, .noFurtherAction, by: HotlineActor(user: "p", agency: "Hokkaido PP", policePrefecture: "JP-01"))
            let report = try await store.submit(try InternetReportSubmission(language: "en", category: "harmful", url: "https://example.org/x", description: "internet text"))
            let item = try await staff.internetQueue()[0]
            try await staff.judge(item.id, .notIllegal, category: .harmful, by: analyst)
            let records = HotlineRecords(database: storage.database)
            let before = try await records.statistics(FiscalYear(2023))

            clock.advance(days: 89)
            #expect(try await records.purge(retentionDays: 90, now: clock.now) == HotlineRecords.PurgeResult())
            clock.advance(days: 2)
            #expect(try await records.purge(retentionDays: 90, now: clock.now) == HotlineRecords.PurgeResult(tips: 1, messages: 1, internetReports: 1))
            #expect(try await records.purge(retentionDays: 90, now: clock.now) == HotlineRecords.PurgeResult())
            #expect(try await staff.tip(closed.receipt, by: analyst).description == nil)
            #expect(try await staff.tip(open.receipt, by: analyst).description == "still open")
            #expect(try await records.statistics(FiscalYear(2023)) == before)
            // The reporter can still see what became of it.
            #expect(try await store.reporterView(receipt: closed.receipt, passcode: closed.passcode).status == "closed")
            #expect(try await store.reporterView(receipt: report.receipt, passcode: report.passcode).status == "not_illegal")
            let texts = try await storage.database.sql.raw("SELECT text FROM tip_messages").all().map { try $0.decode(column: "text", as: String?.self) }
            #expect(texts == [nil])
        }
    }
}
