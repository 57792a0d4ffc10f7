import CTIPCore
import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Logging
import SQLKit

/// The engine's bulk path for the validated rows of one bundle file, inside the import's transaction.
/// Re-imported keys are updated; for victims and suspects, a row's case links are replaced when the
/// file has a `case_ids` column.
protocol TableLoader: Sendable {
    /// Writes a batch. Batches of one file are written one after the other, never concurrently.
    func write<Record: StoredRecord>(_ records: [Record]) async throws
    /// Called once after the file's last batch.
    func finish() async throws
}

/// What a loader needs to know about the file it loads.
struct LoadTarget: Sendable {
    let table: BundleTable
    /// The file has a `case_ids` column: its rows' case links are replaced. Without one, links stay.
    let replacesLinks: Bool
    /// Whether the table held rows before the import: only then may a row be an update, and old links
    /// need deleting.
    let tableHadRows: Bool
}

extension Database {
    /// The bulk loader for this engine; `self` is the import's transaction.
    func tableLoader(for target: LoadTarget) async throws -> any TableLoader {
        if let postgres = self as? any PostgresDatabase {
            let connection = try await postgres.withConnection { $0.eventLoop.makeSucceededFuture($0) }.get()
            return try await PostgresTableLoader.start(target, connection: connection, sql: sql, logger: logger)
        }
        if let sqlite = self as? any SQLiteDatabase {
            let connection = try await sqlite.withConnection { $0.eventLoop.makeSucceededFuture($0) }.get()
            return try await SQLiteTableLoader.start(target, connection: connection)
        }
        throw StorageError.unsupportedDatabase(String(describing: type(of: self)))
    }
}

extension Database {
    /// Runs `body` with the engine tuned for a bulk load on this connection (the import's transaction),
    /// then puts the settings back. SQLite: a 16 MiB page cache instead of its 2 MB default, so that
    /// index pages are not spilled to disk and read back again and again during one long transaction.
    /// PostgreSQL: more memory for the sorts that rebuild the keys and indexes dropped for the load, so
    /// that they sort in memory; `SET LOCAL` ends with the transaction by itself.
    func withBulkLoadSettings<T>(_ body: () async throws -> T) async throws -> T {
        if sql.dialect.name == "postgresql" {
            try await sql.raw("SET LOCAL maintenance_work_mem = '256MB'").run()
            return try await body()
        }
        guard sql.dialect.name == "sqlite" else { return try await body() }
        let previous = try await sql.raw("PRAGMA cache_size").first()?.decode(column: "cache_size", as: Int.self) ?? -2000
        try await sql.raw("PRAGMA cache_size = -16384").run()
        do {
            let result = try await body()
            try await sql.raw("PRAGMA cache_size = \(unsafeRaw: String(previous))").run()
            return result
        } catch {
            try? await sql.raw("PRAGMA cache_size = \(unsafeRaw: String(previous))").run()
            throw error
        }
    }
}
