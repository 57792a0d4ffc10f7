import CTIPCore
import FluentSQLiteDriver
import NIOCore

/// SQLite's bulk path: multi-row `INSERT … ON CONFLICT DO UPDATE` statements whose values are bound
/// straight from the records (no SQLKit serialisation or `Encodable` boxing per value).
struct SQLiteTableLoader: TableLoader {
    let target: LoadTarget
    let connection: SQLiteConnection
    /// The statement for a full `rowsPerStatement` rows, built once per file.
    private let fullUpsert: String
    private let fullLinkInsert: String?

    /// The statements that make the indexes dropped for the load again.
    private let restore: [String]

    /// Into a table that was empty before the import, its secondary indexes are dropped for the load
    /// and made again when the file is done (one sort each, instead of an index insert per row); it is
    /// all inside the import's transaction, so nothing is ever committed without them.
    static func start(_ target: LoadTarget, connection: SQLiteConnection) async throws -> Self {
        var restore: [String] = []
        if !target.tableHadRows {
            let table = target.table
            for loaded in [table.name] + (target.replacesLinks ? table.linkTable.map { [$0] } ?? [] : []) {
                let indexes = try await connection.query(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name", [.text(loaded)])
                for index in indexes {
                    guard let name = index.column("name")?.string, let definition = index.column("sql")?.string else { continue }
                    try await connection.query("DROP INDEX \(quoted(name))", []) { _ in }
                    restore.append(definition)
                }
            }
        }
        return Self(target: target, connection: connection, restore: restore)
    }

    private init(target: LoadTarget, connection: SQLiteConnection, restore: [String]) {
        self.target = target
        self.connection = connection
        self.restore = restore
        fullUpsert = target.table.upsertStatement(rows: Self.rowsPerStatement)
        fullLinkInsert = target.table.linkInsertStatement(rows: Self.rowsPerStatement)
    }

    /// Rows per statement: SQLite prepares each statement anew, so fewer, larger statements; bounded by
    /// its limit of 32,766 bound variables.
    static let rowsPerStatement = 500

    func write<Record: StoredRecord>(_ records: [Record]) async throws {
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
        for statement in restore { try await connection.query(statement, []) { _ in } }
    }
}

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
