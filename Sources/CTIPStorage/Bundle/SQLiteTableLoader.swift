import CTIPCore
import FluentSQLiteDriver
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import VaporCSQLite

/// SQLite's bulk path: one `INSERT … ON CONFLICT DO UPDATE` statement prepared per batch and run once
/// per row on the connection's own `sqlite3` handle, its values bound straight from the records (no
/// SQLKit serialisation, no `Encodable` boxing, no statement compiled per query as SQLiteNIO does:
/// compiling took about as long as running). Without the handle, multi-row statements through SQLiteNIO.
struct SQLiteTableLoader: TableLoader {
    let target: LoadTarget
    let connection: SQLiteConnection
    let logger: Logger
    /// The statement for a full `rowsPerStatement` rows, built once per file.
    private let fullUpsert: String
    private let fullLinkInsert: String?
    /// The statements that make the indexes dropped for the load again.
    private let restore = NIOLockedValueBox<[String]>([])

    /// Batches wait as records (SQLite binds straight from them, and they take more memory than
    /// `COPY` text): one is written while the next waits and a third is read.
    var workAhead: Int { 2 }

    init(target: LoadTarget, connection: SQLiteConnection, logger: Logger) {
        self.target = target
        self.connection = connection
        self.logger = logger
        fullUpsert = target.table.upsertStatement(rows: Self.rowsPerStatement)
        fullLinkInsert = target.table.linkInsertStatement(rows: Self.rowsPerStatement)
    }

    /// Into a table that was empty before the import, its secondary indexes are dropped for the load
    /// and made again when the file is done (one sort each, instead of an index insert per row); it is
    /// all inside the import's transaction, so nothing is ever committed without them.
    func begin() async throws {
        guard !target.tableHadRows else { return }
        let table = target.table
        var statements: [String] = []
        for loaded in [table.name] + (target.replacesLinks ? table.linkTable.map { [$0] } ?? [] : []) {
            let indexes = try await connection.query(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name", [.text(loaded)])
            for index in indexes {
                guard let name = index.column("name")?.string, let definition = index.column("sql")?.string else { continue }
                try await connection.query("DROP INDEX \(quoted(name))", []) { _ in }
                statements.append(definition)
            }
        }
        restore.withLockedValue { $0 = statements }
    }

    func prepare<Record: StoredRecord>(_ records: [Record]) -> @Sendable () async throws -> Void {
        { [self] in try await write(records) }
    }

    /// Rows per statement: SQLite prepares each statement anew, so fewer, larger statements; bounded by
    /// its limit of 32,766 bound variables.
    static let rowsPerStatement = 500

    private func write<Record: StoredRecord>(_ records: [Record]) async throws {
        guard let handle = connection.sqliteHandle else { return try await writeByMultiRowStatements(records) }
        let table = target.table, replacesLinks = target.replacesLinks, tableHadRows = target.tableHadRows
        // On a thread of the pool, like SQLiteNIO's own calls: this blocks while SQLite works.
        try await NIOThreadPool.singleton.runIfActive {
            let upsert = try PreparedStatement(table.upsertStatement(rows: 1), on: handle)
            defer { upsert.finalize() }
            for record in records {
                var binder = upsert.binder()
                record.writeCells(to: &binder)
                try upsert.run()
            }
            guard let linkTable = table.linkTable, replacesLinks else { return }
            if tableHadRows {
                let delete = try PreparedStatement("DELETE FROM \(quoted(linkTable)) WHERE \(quoted(table.keyColumns[0])) = ?", on: handle)
                defer { delete.finalize() }
                for record in records {
                    guard let owner = record.caseLinks?.owner else { continue }
                    var binder = delete.binder()
                    binder.text(owner)
                    try delete.run()
                }
            }
            let link = try PreparedStatement(table.linkInsertStatement(rows: 1)!, on: handle)
            defer { link.finalize() }
            for record in records {
                guard let (owner, caseIDs) = record.caseLinks else { continue }
                for caseID in caseIDs {
                    var binder = link.binder()
                    binder.text(owner); binder.text(caseID)
                    try link.run()
                }
            }
        }
    }

    private func writeByMultiRowStatements<Record: StoredRecord>(_ records: [Record]) async throws {
        let table = target.table
        // The binds of the next statement are built while SQLite runs the previous one.
        var running: EventLoopFuture<Void>?
        var start = 0
        while start < records.count {
            let end = min(start + Self.rowsPerStatement, records.count)
            var binds = SQLiteBinds(capacity: (end - start) * table.columns.count)
            for record in records[start..<end] { record.writeCells(to: &binds) }
            let statement = end - start == Self.rowsPerStatement ? fullUpsert : table.upsertStatement(rows: end - start)
            try await running?.get()
            running = connection.query(statement, binds.values, logger: connection.logger) { _ in }
            start = end
        }
        try await running?.get()
        guard let linkTable = table.linkTable, target.replacesLinks else { return }
        let owner = table.keyColumns[0]
        if target.tableHadRows {
            for chunk in stride(from: 0, to: records.count, by: Self.rowsPerStatement) {
                let owners = records[chunk..<min(chunk + Self.rowsPerStatement, records.count)].compactMap { $0.caseLinks?.owner }
                try await connection.query("DELETE FROM \(quoted(linkTable)) WHERE \(quoted(owner)) IN (\(placeholders(owners.count)))",
                                           owners.map { .text($0) }) { _ in }
            }
        }
        var links: [SQLiteData] = []
        links.reserveCapacity(2 * Self.rowsPerStatement)
        func flushLinks() async throws {
            guard !links.isEmpty else { return }
            let rows = links.count / 2
            let statement = rows == Self.rowsPerStatement ? fullLinkInsert! : table.linkInsertStatement(rows: rows)!
            try await connection.query(statement, links) { _ in }
            links.removeAll(keepingCapacity: true)
        }
        for record in records {
            guard let (ownerID, caseIDs) = record.caseLinks else { continue }
            for caseID in caseIDs { links.append(.text(ownerID)); links.append(.text(caseID)) }
            if links.count >= 2 * Self.rowsPerStatement { try await flushLinks() }
        }
        try await flushLinks()
    }

    func finish() async throws {
        try await runTimed(restore.withLockedValue { $0 }, logger: logger) { try await connection.query($0, []) { _ in } }
    }
}

/// A connection's `sqlite3` handle, as the C API takes it.
struct SQLiteHandle: @unchecked Sendable {
    // Safe to pass between threads: SQLiteNIO opens every connection in serialized mode (`SQLITE_OPEN_FULLMUTEX`).
    let raw: OpaquePointer
}

extension SQLiteConnection {
    /// The open connection's handle. SQLiteNIO keeps it internal (it has no prepared statements to offer),
    /// so it is read by reflection; nil if a later SQLiteNIO stores it differently.
    var sqliteHandle: SQLiteHandle? {
        guard let wrapper = Mirror(reflecting: self).descendant("handle"),
              let raw = Mirror(reflecting: wrapper).descendant("raw") as? OpaquePointer else { return nil }
        return SQLiteHandle(raw: raw)
    }
}

/// A statement compiled once and run many times with new binds.
private struct PreparedStatement {
    let statement: OpaquePointer
    let handle: SQLiteHandle

    init(_ sql: String, on handle: SQLiteHandle) throws {
        self.handle = handle
        var statement: OpaquePointer?
        let status = sqlite_nio_sqlite3_prepare_v3(handle.raw, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard status == SQLITE_OK, let statement else { throw Self.failure(handle, sql) }
        self.statement = statement
    }

    /// Binds the next run's values, in order, from the first parameter.
    func binder() -> SQLiteStatementBinder { SQLiteStatementBinder(statement: statement) }

    /// Runs the statement with the values bound, then makes it ready for the next ones.
    func run() throws {
        let status = sqlite_nio_sqlite3_step(statement)
        sqlite_nio_sqlite3_reset(statement)
        guard status == SQLITE_DONE else {
            throw Self.failure(handle, sqlite_nio_sqlite3_sql(statement).map { String(cString: $0) } ?? "")
        }
    }

    func finalize() { sqlite_nio_sqlite3_finalize(statement) }

    private static func failure(_ handle: SQLiteHandle, _ sql: String) -> StorageError {
        .bulkWriteFailed(statement: String(sql.prefix(80)), reason: String(cString: sqlite_nio_sqlite3_errmsg(handle.raw)))
    }
}

/// Binds a record's values to a prepared statement's parameters (SQLite copies each value).
private struct SQLiteStatementBinder: CellWriter {
    let statement: OpaquePointer
    private var position: Int32 = 0
    init(statement: OpaquePointer) { self.statement = statement }

    mutating func text(_ value: String?) {
        position += 1
        guard var value else { sqlite_nio_sqlite3_bind_null(statement, position); return }
        value.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { text in
                _ = sqlite_nio_sqlite3_bind_text64(statement, position, text.baseAddress ?? emptyText, UInt64(text.count), sqliteTransient, UInt8(SQLITE_UTF8))
            }
        }
    }
    mutating func integer(_ value: Int?) {
        position += 1
        guard let value else { sqlite_nio_sqlite3_bind_null(statement, position); return }
        sqlite_nio_sqlite3_bind_int64(statement, position, Int64(value))
    }
    mutating func boolean(_ value: Bool) { integer(value ? 1 : 0) }
    mutating func day(_ value: Day?) {
        position += 1
        guard let value else { sqlite_nio_sqlite3_bind_null(statement, position); return }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 10) { bytes in
            let count = value.isoBytes(into: bytes)
            bytes.withMemoryRebound(to: CChar.self) { text in
                _ = sqlite_nio_sqlite3_bind_text64(statement, position, text.baseAddress!, UInt64(count), sqliteTransient, UInt8(SQLITE_UTF8))
            }
        }
    }
}

/// SQLite's `SQLITE_TRANSIENT`: copy the value now (the C macro does not reach Swift).
nonisolated(unsafe) private let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
nonisolated(unsafe) private let emptyText: UnsafePointer<CChar> = ("" as StaticString).utf8Start.withMemoryRebound(to: CChar.self, capacity: 1) { $0 }

/// Collects a record's values as SQLite binds.
private struct SQLiteBinds: CellWriter {
    var values: [SQLiteData] = []
    init(capacity: Int) { values.reserveCapacity(capacity) }
    mutating func text(_ value: String?) { values.append(value.map { .text($0) } ?? .null) }
    mutating func integer(_ value: Int?) { values.append(value.map { .integer($0) } ?? .null) }
    mutating func boolean(_ value: Bool) { values.append(.integer(value ? 1 : 0)) }
}

private func quoted(_ identifier: String) -> String { "\"\(identifier)\"" }
private func placeholders(_ count: Int) -> String { repeatElement("?", count: count).joined(separator: ",") }

extension BundleTable {
    /// `INSERT INTO t (…) VALUES (?,…),… ON CONFLICT (key) DO UPDATE SET c = excluded.c, …` for `rows` rows.
    func upsertStatement(rows: Int) -> String {
        let row = "(" + placeholders(columns.count) + ")"
        let updated = columns.filter { !keyColumns.contains($0) }
        return "INSERT INTO \(quoted(name)) (\(columns.map(quoted).joined(separator: ","))) VALUES "
            + repeatElement(row, count: rows).joined(separator: ",")
            + " ON CONFLICT (\(keyColumns.map(quoted).joined(separator: ","))) DO "
            + (updated.isEmpty ? "NOTHING" : "UPDATE SET " + updated.map { "\(quoted($0)) = excluded.\(quoted($0))" }.joined(separator: ", "))
    }

    /// `INSERT INTO link (owner, case_id) VALUES (?,?),…` for `rows` links; nil for tables without links.
    func linkInsertStatement(rows: Int) -> String? {
        guard let linkTable else { return nil }
        return "INSERT INTO \(quoted(linkTable)) (\(quoted(keyColumns[0])), \"case_id\") VALUES "
            + repeatElement("(?,?)", count: rows).joined(separator: ",")
    }
}
