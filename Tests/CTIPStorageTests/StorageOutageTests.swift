import CTIPStorage
import Foundation
import Logging
import SQLKit
import Testing

/// A database that cannot do its part is told apart from a bad request, and named.
@Suite("Storage outages")
struct StorageOutageTests {
    static func context(_ url: DatabaseURL) -> StorageContext {
        var logger = Logger(label: "ctip-test")
        logger.logLevel = .critical
        return StorageContext(url: url, logger: logger)
    }

    @Test("a PostgreSQL server that does not answer is an outage naming the server, without its password")
    func postgresUnreachable() async throws {
        // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
        let url = DatabaseURL.postgres(host: "127.0.0.1", port: 9, username: "ctip", password: "secret-pw", database: "ctip", tls: false)
        let storage = Self.context(url)
        let started = Date()
        await #expect {
            _ = try await storage.database.sql.raw("SELECT 1 AS one").first()
        } throws: { error in
            let outage = StorageOutage.classify(error, database: url)
            return outage?.cause == .unreachable && outage!.description.contains("127.0.0.1:9/ctip") && !outage!.description.contains("secret-pw")
        }
        #expect(Date().timeIntervalSince(started) < 15, "an outage answers within the connection wait, never hangs")
        await storage.shutdown()
    }

    @Test("an SQLite file that cannot be opened is an outage naming the file; its public text names only the file")
    func sqliteUnopenable() async throws {
        let path = "/nonexistent-ctip-directory/sub/ctip.sqlite"
        let url = DatabaseURL.sqlite(path: path)
        let storage = Self.context(url)
        await #expect {
            _ = try await storage.database.sql.raw("SELECT 1 AS one").first()
        } throws: { error in
            let outage = StorageOutage.classify(error, database: url)
            return outage?.cause == .unreadable && outage!.description.contains(path)
                && outage!.publicDescription.contains("ctip.sqlite") && !outage!.publicDescription.contains("nonexistent-ctip-directory")
        }
        await storage.shutdown()
    }

    @Test("a read-only SQLite database refuses writes as an outage naming the file, and keeps what it had")
    func sqliteReadOnly() async throws {
        try await withFreshDatabase(.sqlite) { storage in
            guard case .sqlite(let path) = storage.url else { return }
            try await AuditLog(database: storage.database).append(AuditEvent(at: Date(), actor: "a", agency: "police-13", action: .read,
                                                                            record: "victim:V1", fields: [], purpose: "before"))
            // query_only makes the connection refuse writes as a read-only file does (SQLITE_READONLY).
            for database in storage.readers { try await database.sql.raw("PRAGMA query_only = ON").run() }
            await #expect {
                try await AuditLog(database: storage.database).append(AuditEvent(at: Date(), actor: "a", agency: "police-13", action: .read,
                                                                                record: "victim:V2", fields: [], purpose: "after"))
            } throws: { error in
                let outage = StorageOutage.classify(error, database: storage.url)
                return outage?.cause == .readOnly && outage!.description.contains(path) && outage!.description.contains("nothing was saved")
            }
            for database in storage.readers { try await database.sql.raw("PRAGMA query_only = OFF").run() }
            #expect(try await count(storage, "audit_log") == 1)
            #expect(try await AuditLog(database: storage.database).verify().isEmpty)
        }
    }

    @Test("an ordinary SQL error is not an outage")
    func notAnOutage() async throws {
        _ = try await withFreshDatabase(.sqlite) { storage in
            await #expect {
                _ = try await storage.database.sql.raw("SELECT no_such_column FROM audit_log").first()
            } throws: { error in StorageOutage.classify(error, database: storage.url) == nil }
        }
    }
}
