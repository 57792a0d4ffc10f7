import CTIPCore
import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Logging
import NIOConcurrencyHelpers
import SQLKit

/// The engine's bulk path for the validated rows of one bundle file, inside the import's transaction.
/// Re-imported keys are updated; for victims and suspects, a row's case links are replaced when the
/// file has a `case_ids` column.
///
/// Everything a loader does on the connection goes through the import's `WritePipeline`, in order:
/// `begin`, then each batch's `send`, then `finish`. `prepare` runs beside it, off the connection.
protocol TableLoader: Sendable {
    /// How many pieces of work may wait for the connection while the file is read on: each one holds
    /// a prepared batch in memory.
    var workAhead: Int { get }
    /// Called once, before the first batch (e.g. to drop the indexes of an empty table for the load).
    func begin() async throws
    /// Makes a batch ready for the connection and returns what sends it. Runs concurrently with the
    /// reading of the next batch and with the connection's earlier work.
    func prepare<Record: StoredRecord>(_ records: [Record]) -> @Sendable () async throws -> Void
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
            return PostgresTableLoader(target: target, connection: connection, sql: sql, logger: logger)
        }
        if let sqlite = self as? any SQLiteDatabase {
            let connection = try await sqlite.withConnection { $0.eventLoop.makeSucceededFuture($0) }.get()
            return SQLiteTableLoader(target: target, connection: connection, logger: logger)
        }
        throw StorageError.unsupportedDatabase(String(describing: type(of: self)))
    }
}

/// The import's database work, run one piece after the other on its connection while the files are
/// read on ahead of it: a file's indexes are rebuilt while the next file is read, and a batch is sent
/// while the next one is read and prepared. How far reading may run ahead is bounded per loader
/// (`workAhead`), so memory stays flat. After a failure every later piece fails with the same error.
struct WritePipeline {
    private var inFlight: [Task<Void, any Error>] = []
    /// Time spent waiting for the connection to catch up.
    private(set) var waited = Duration.zero

    /// Queues `work` behind everything queued before; first waits while `ahead` pieces are queued.
    mutating func submit(ahead: Int, _ work: @escaping @Sendable () async throws -> Void) async throws {
        let clock = ContinuousClock(), started = clock.now
        while inFlight.count >= max(1, ahead) { try await inFlight.removeFirst().value }
        waited += clock.now - started
        let previous = inFlight.last
        inFlight.append(Task {
            try await previous?.value
            try await work()
        })
    }

    /// Queues a batch: it is prepared at once, beside everything else, and sent in its turn unless a
    /// lookup queued before it has found a problem by then (its rows might refer to what is missing).
    mutating func submit<Record: StoredRecord>(_ records: [Record], to loader: any TableLoader, unless late: LateIssues) async throws {
        let send = PreparedSend(loader: loader, records: records).run
        try await submit(ahead: loader.workAhead) {
            guard late.isEmpty else { return }
            try await send()
        }
    }

    /// Waits until everything queued is done; throws the first failure.
    mutating func drain() async throws {
        let clock = ContinuousClock(), started = clock.now
        defer { waited += clock.now - started }
        while !inFlight.isEmpty { try await inFlight.removeFirst().value }
    }

    /// After a failure: waits for what is still running (the transaction must not roll back under it).
    mutating func abandon() async {
        for task in inFlight { _ = try? await task.value }
        inFlight.removeAll()
    }
}

/// A batch whose preparation starts when it is queued and whose sending waits for its turn.
private struct PreparedSend<Record: StoredRecord>: Sendable {
    let loader: any TableLoader
    let records: [Record]
    var run: @Sendable () async throws -> Void {
        let loader = self.loader, records = self.records
        let prepared = Task { loader.prepare(records) }
        return { try await (await prepared.value)() }
    }
}

/// Runs the statements that remake a loaded table's indexes and keys, one by one, logging how long each
/// took (`CTIP_LOG_LEVEL=info`): they are most of an import's time on PostgreSQL.
func runTimed(_ statements: [String], logger: Logger, _ run: (String) async throws -> Void) async throws {
    let clock = ContinuousClock()
    for statement in statements {
        let started = clock.now
        try await run(statement)
        logger.info("import timing", metadata: ["statement": "\(statement)", "seconds": (clock.now - started).loggedSeconds])
    }
}

/// Problems found by work that runs in the pipeline (references looked up in the database).
final class LateIssues: Sendable {
    private let box = NIOLockedValueBox<[BundleIssue]>([])
    func add(_ issues: [BundleIssue]) { guard !issues.isEmpty else { return }; box.withLockedValue { $0 += issues } }
    var isEmpty: Bool { box.withLockedValue { $0.isEmpty } }
    func take() -> [BundleIssue] { box.withLockedValue { issues in defer { issues = [] }; return issues } }
}

extension Database {
    /// Runs `body` with the engine tuned for a bulk load on this connection (the import's transaction),
    /// then puts the settings back. SQLite: a 16 MiB page cache instead of its 2 MB default, so that
    /// index pages are not spilled to disk and read back again and again during one long transaction.
    /// PostgreSQL: more memory for the sorts that rebuild the keys and indexes dropped for the load, so
    /// that they sort in memory, and for the joins that check each foreign key added back (with the
    /// default 4 MB they spill to disk: checking the keys of a million suspects took 4.3 s, 2.1 s with
    /// 64 MB); `SET LOCAL` ends with the transaction by itself.
    func withBulkLoadSettings<T>(_ body: () async throws -> T) async throws -> T {
        if sql.dialect.name == "postgresql" {
            try await sql.raw("SET LOCAL maintenance_work_mem = '256MB'").run()
            try await sql.raw("SET LOCAL work_mem = '64MB'").run()
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
