import CTIPCore
import CTIPStorage
import Foundation
import SQLKit
import Testing

/// `ctip backup` / `ctip restore`: what comes back reports, verifies and decrypts exactly as before, and
/// the backup file holds sealed values only.
@Suite("Backup and restore")
struct DatabaseBackupTests {
    @Test("a backup restores to the same report, audit trail and victim files; sealed fields stay sealed in the file",
          arguments: Engine.available)
    func roundTrip(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            _ = try await BundleImporter(database: storage.database).importBundle(at: ReferenceBundle.directory)
            let police = try await AccountStore(database: storage.database).createAccount(
                email: "worker@police-13.example.jp", passwordHash: "x", agency: "police-13", role: .caseWorker, now: Date())
            let cipher = try FieldCipher(keys: [CaseWorkTests.k1])
            let store = VictimFileStore(database: storage.database, cipher: cipher)
            let id = try await store.create(CaseWorkTests.newFile(), by: police)
            let before = (report: try await AnnualReports(database: storage.database).report(year: 2024, language: .en).rendered(as: .json),
                          file: try await store.open(id, for: police), audit: try await AuditLog(database: storage.database).entries(limit: 100_000))

            let folder = try temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent("backup").path
            let bytes = try await DatabaseBackup.backup(storage.url, database: storage.database, to: file)
            #expect(bytes > 0)
            let contents = try Data(contentsOf: URL(fileURLWithPath: file))
            for secret in [CaseWorkTests.marker, "Maria Example", "090-0000-0000"] {
                #expect(contents.range(of: Data(secret.utf8)) == nil, "\(secret) is sealed in the backup")
            }
            await #expect(throws: DatabaseBackup.Failure.exists(file)) {
                try await DatabaseBackup.backup(storage.url, database: storage.database, to: file)
            }

            // Lose everything written after the backup, then restore.
            let later = try await store.create(CaseWorkTests.newFile(), by: police)
            await storage.shutdown()
            try await DatabaseBackup.restore(storage.url, from: file)
            let restored = StorageContext(url: storage.url, logger: storage.logger)
            do {
                try await restored.migrate()
                let again = VictimFileStore(database: restored.database, cipher: cipher)
                #expect(try await AnnualReports(database: restored.database).report(year: 2024, language: .en).rendered(as: .json) == before.report)
                #expect(try await AuditLog(database: restored.database).verify().isEmpty)
                #expect(try await AuditLog(database: restored.database).entries(limit: 100_000) == before.audit)
                #expect(try await again.open(id, for: police).identity == before.file.identity)
                #expect(try await again.open(id, for: police).summary == before.file.summary)
                await #expect(throws: CaseWorkError.self) { try await again.open(later, for: police) }
            } catch {
                await restored.shutdown()
                throw error
            }
            await restored.shutdown()
        }
    }

    @Test("restoring something that is not a backup is refused and changes nothing")
    func notABackup() async throws {
        try await withFreshDatabase(.sqlite) { storage in
            let folder = try temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent("notes.txt").path
            try Data("hello".utf8).write(to: URL(fileURLWithPath: file))
            await #expect(throws: DatabaseBackup.Failure.notABackup(file, reason: "not an SQLite database")) {
                try await DatabaseBackup.restore(storage.url, from: file)
            }
            await #expect(throws: DatabaseBackup.Failure.missing(file + ".absent")) {
                try await DatabaseBackup.restore(storage.url, from: file + ".absent")
            }
            #expect(try await count(storage, "agencies") > 0)
        }
    }
}
