import CTIPCore
import CTIPStorage
import Foundation
import SQLKit
import Testing

/// Writers in several processes on one database: each `StorageContext` has its own connection pool,
/// as two `ctip serve` processes do. Before the write lock, PostgreSQL aborted a third of these
/// (25P02: the audit trail's retry ran inside an aborted transaction).
@Suite("Concurrent writers on one database")
struct ConcurrentWriterTests {
    @Test("victim files created at once from two pools are all stored, each with its audit entry, and the chain stays linear",
          arguments: Engine.available)
    func concurrentCreates(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            let second = StorageContext(url: storage.url, logger: storage.logger)
            defer { Task { await second.shutdown() } }
            let accounts = AccountStore(database: storage.database)
            let police = try await accounts.createAccount(email: "worker@police-13.example.jp", passwordHash: "x", agency: "police-13",
                                                          role: .caseWorker, now: Date())
            let cipher = try FieldCipher(keys: [CaseWorkTests.k1])
            let pools = [storage, second]
            let writers = 8, filesEach = 6
            let created = try await withThrowingTaskGroup(of: [String].self) { group in
                for writer in 0..<writers {
                    group.addTask {
                        let store = VictimFileStore(database: pools[writer % 2].database, cipher: cipher)
                        var ids: [String] = []
                        for _ in 0..<filesEach { ids.append(try await store.create(CaseWorkTests.newFile(), by: police)) }
                        return ids
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(created.count == writers * filesEach)
            #expect(Set(created).count == created.count, "identifiers are unique")
            #expect(try await count(storage, "victim_files") == created.count)
            #expect(try await count(storage, "audit_log WHERE action = 'create'") == created.count)
            #expect(try await AuditLog(database: second.database).verify().isEmpty)
            await second.shutdown()
        }
    }

    @Test("audit entries appended at once, alone and inside other writers' transactions, form one unbroken chain",
          arguments: Engine.available)
    func concurrentAppends(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            let second = StorageContext(url: storage.url, logger: storage.logger)
            let pools = [storage, second]
            let appenders = 10, entriesEach = 10
            try await withThrowingTaskGroup(of: Void.self) { group in
                for appender in 0..<appenders {
                    group.addTask {
                        let database = pools[appender % 2].database
                        for entry in 0..<entriesEach {
                            let event = AuditEvent(at: Date(), actor: "writer-\(appender)", agency: "police-13", action: .read,
                                                   record: "victim:V-\(appender)-\(entry)", fields: [], purpose: "test")
                            if entry.isMultiple(of: 2) {
                                try await AuditLog(database: database).append(event)
                            } else {
                                // Read first, then append: the pattern that aborted PostgreSQL's transactions.
                                try await database.writeTransaction { transaction in
                                    _ = try await transaction.sql.raw("SELECT COUNT(*) AS n FROM audit_log").first()
                                    try await AuditLog(database: transaction).append(event)
                                }
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await count(storage, "audit_log") == appenders * entriesEach)
            #expect(try await AuditLog(database: storage.database).verify().isEmpty)
            await second.shutdown()
        }
    }

    @Test("the annual report's contributions worked on at once from two pools: every step kept with consecutive versions; of two edits opened at one version exactly one wins",
          arguments: Engine.available)
    func concurrentContributionWork(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            let second = StorageContext(url: storage.url, logger: storage.logger)
            let pools = [storage, second]
            try await WholeReportWorkflowTests.draft(WholeReportStore(database: storage.database))
            let actors = [WholeReportWorkflowTests.cao, WholeReportWorkflowTests.secretariat]
            let writers = 6, commentsEach = 5
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<writers {
                    group.addTask {
                        let store = WholeReportStore(database: pools[writer % 2].database)
                        for comment in 0..<commentsEach {
                            try await store.act(.comment, year: 2025, contribution: "C2025-0001", openedAt: nil, by: actors[writer % 2],
                                                comment: "writer \(writer), comment \(comment)", now: Date())
                        }
                    }
                }
                try await group.waitForAll()
            }
            let history = try await WholeReportStore(database: second.database).history(year: 2025, contribution: "C2025-0001")
            #expect(history.count == 1 + writers * commentsEach)
            #expect(history.map(\.revision) == Array(1...(1 + writers * commentsEach)), "versions are consecutive: no step lost or doubled")
            #expect(try await WholeReportStore(database: storage.database).work(year: 2025)["C2025-0001"]?.revision == history.count)

            // Two colleagues open the same version and both save: one text is kept, the other refused as stale.
            let opened = history.count
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for writer in 0..<2 {
                    group.addTask {
                        do {
                            try await WholeReportStore(database: pools[writer].database).act(
                                .edit, year: 2025, contribution: "C2025-0001", openedAt: opened, by: WholeReportWorkflowTests.cao,
                                writing: .init(textEN: "Text of colleague \(writer).", textJA: ""), now: Date())
                            return true
                        } catch ContributionWorkflowError.stale {
                            return false
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1)
            let kept = try await WholeReportStore(database: storage.database).load(year: 2025)?.contributions.first { $0.id == "C2025-0001" }?.textEN
            #expect(kept == "Text of colleague 0." || kept == "Text of colleague 1.")
            #expect(try await AuditLog(database: second.database).verify().isEmpty)
            await second.shutdown()
        }
    }
}
