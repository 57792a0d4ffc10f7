import CTIPCore
import FluentPostgresDriver
import Logging
import NIOConcurrencyHelpers
import NIOCore
import SQLKit

/// PostgreSQL's bulk path: `COPY … FROM STDIN` per batch.
///
/// Into a table that was empty before the import the rows go straight in (nothing to update, no old
/// links), and its primary key, secondary indexes and foreign keys are dropped for the load and made
/// again when the file is done: `COPY` then fills a bare heap, PostgreSQL checks each foreign key once
/// for the whole table in one join instead of by a trigger per row, and builds each index by one sort
/// (PostgreSQL's manual, "Populating a Database"). The importer has already refused duplicate keys.
/// The importer has checked every reference already; adding the keys back checks them again, and all of
/// it is inside the import's transaction, so nothing is ever committed without its keys and indexes.
/// Otherwise the rows go into temporary staging tables, merged into the real ones by one
/// `INSERT … SELECT … ON CONFLICT DO UPDATE` when the file is done.
struct PostgresTableLoader: TableLoader {
    let target: LoadTarget
    let connection: PostgresConnection
    let sql: any SQLDatabase
    let logger: Logger
    /// Where `COPY` writes: the table itself, or its staging table.
    let copyTable: String
    let copyLinkTable: String?
    /// The statements that make the indexes and foreign keys dropped for the load again.
    private let restore = NIOLockedValueBox<[String]>([])

    /// `COPY` text of 20,000 rows is one or two megabytes: reading may run about 20 MB ahead, to read
    /// on while this file's keys and indexes are being made (32 took the peak memory of an import of a
    /// million victims and suspects to 285 MB, near the 300 MB goal, for no measurable gain).
    var workAhead: Int { 16 }

    init(target: LoadTarget, connection: PostgresConnection, sql: any SQLDatabase, logger: Logger) {
        self.target = target; self.connection = connection; self.sql = sql; self.logger = logger
        let table = target.table
        let linkTable = target.replacesLinks ? table.linkTable : nil
        copyTable = target.tableHadRows ? Self.stagingName(table.name) : table.name
        copyLinkTable = target.tableHadRows ? linkTable.map(Self.stagingName) : linkTable
    }

    func begin() async throws {
        let table = target.table
        guard target.tableHadRows else {
            let loaded = [table.name] + (copyLinkTable.map { [$0] } ?? [])
            let statements = try await Self.dropConstraintsAndIndexes(of: loaded, sql: sql)
            restore.withLockedValue { $0 = statements }
            return
        }
        try await sql.raw("CREATE TEMPORARY TABLE \(ident: copyTable) (LIKE \(ident: table.name)) ON COMMIT DROP").run()
        if let copyLinkTable, let linkTable = table.linkTable {
            try await sql.raw("CREATE TEMPORARY TABLE \(ident: copyLinkTable) (LIKE \(ident: linkTable)) ON COMMIT DROP").run()
        }
    }

    /// Drops the primary keys, secondary indexes and foreign keys of empty tables about to be loaded,
    /// and of the foreign keys that refer to them (from tables that are then empty too: their rows would
    /// have to refer to rows of these), and returns the statements that make them all again, in an order
    /// that works: keys first, then the indexes, then the foreign keys that need those keys.
    private static func dropConstraintsAndIndexes(of tables: [String], sql: any SQLDatabase) async throws -> [String] {
        var primaryKeys: [String] = [], indexes: [String] = [], foreignKeys: [String] = []
        var droppedForeignKeys = Set<String>()
        for loaded in tables {
            let keys = try await sql.raw("""
                SELECT conrelid::regclass::text AS owner, conname, pg_get_constraintdef(oid) AS definition FROM pg_constraint \
                WHERE contype = 'f' AND (conrelid = \(bind: loaded)::regclass OR confrelid = \(bind: loaded)::regclass) ORDER BY 1, 2
                """).all()
            for key in keys {
                let owner = try key.decode(column: "owner", as: String.self), name = try key.decode(column: "conname", as: String.self)
                let definition = try key.decode(column: "definition", as: String.self)
                guard droppedForeignKeys.insert(owner + "." + name).inserted else { continue }
                try await sql.raw("ALTER TABLE \(ident: owner) DROP CONSTRAINT \(ident: name)").run()
                foreignKeys.append("ALTER TABLE \"\(owner)\" ADD CONSTRAINT \"\(name)\" \(definition)")
            }
        }
        for loaded in tables {
            for key in try await sql.raw("""
                SELECT conname, pg_get_constraintdef(oid) AS definition FROM pg_constraint \
                WHERE contype = 'p' AND conrelid = \(bind: loaded)::regclass
                """).all() {
                let name = try key.decode(column: "conname", as: String.self), definition = try key.decode(column: "definition", as: String.self)
                try await sql.raw("ALTER TABLE \(ident: loaded) DROP CONSTRAINT \(ident: name)").run()
                primaryKeys.append("ALTER TABLE \"\(loaded)\" ADD CONSTRAINT \"\(name)\" \(definition)")
            }
            let secondary = try await sql.raw("""
                SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition FROM pg_index i \
                JOIN pg_class c ON c.oid = i.indexrelid \
                WHERE i.indrelid = \(bind: loaded)::regclass AND NOT i.indisprimary AND NOT i.indisunique ORDER BY c.relname
                """).all()
            for index in secondary {
                try await sql.raw("DROP INDEX \(ident: try index.decode(column: "name", as: String.self))").run()
                indexes.append(try index.decode(column: "definition", as: String.self))
            }
        }
        return primaryKeys + indexes + foreignKeys
    }

    private static func stagingName(_ table: String) -> String { "ctip_import_" + table }

    func prepare<Record: StoredRecord>(_ records: [Record]) -> @Sendable () async throws -> Void {
        let table = target.table
        var rows = CopyText(capacity: records.count * 16 * table.columns.count)
        for record in records {
            record.writeCells(to: &rows)
            rows.endRow()
        }
        var links: CopyText?
        if copyLinkTable != nil {
            var text = CopyText(capacity: records.count * 32)
            for record in records {
                guard let (owner, caseIDs) = record.caseLinks else { continue }
                for caseID in caseIDs {
                    text.text(owner); text.text(caseID); text.endRow()
                }
            }
            links = text
        }
        let rowText = rows.buffer, linkText = links?.buffer
        return { [self] in
            try await copy(rowText, into: copyTable, columns: table.columns)
            if let copyLinkTable, let linkText, linkText.readableBytes > 0 {
                try await copy(linkText, into: copyLinkTable, columns: [table.keyColumns[0], "case_id"])
            }
        }
    }

    private func copy(_ buffer: ByteBuffer, into table: String, columns: [String]) async throws {
        try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
            try await writer.write(buffer)
        }
    }

    func finish() async throws {
        let table = target.table
        try await runTimed(restore.withLockedValue { $0 }, logger: logger) { try await sql.raw("\(unsafeRaw: $0)").run() }
        guard copyTable != table.name else { return }
        let columns = SQLList(table.columns.map { SQLIdentifier($0) })
        let keys = SQLList(table.keyColumns.map { SQLIdentifier($0) })
        let updated = table.columns.filter { !table.keyColumns.contains($0) }
        let action: any SQLExpression = updated.isEmpty ? SQLRaw("NOTHING") : SQLList(
            updated.map { SQLBinaryExpression(SQLIdentifier($0), .equal, SQLColumn($0, table: "excluded")) }, separator: SQLRaw(", "))
        try await sql.raw("""
            INSERT INTO \(ident: table.name) (\(columns)) SELECT \(columns) FROM \(ident: copyTable) \
            ON CONFLICT (\(keys)) DO \(unsafeRaw: updated.isEmpty ? "" : "UPDATE SET ")\(action)
            """).run()
        if let copyLinkTable, let linkTable = table.linkTable {
            let owner = table.keyColumns[0]
            try await sql.raw("DELETE FROM \(ident: linkTable) WHERE \(ident: owner) IN (SELECT \(ident: owner) FROM \(ident: copyTable))").run()
            try await sql.raw("INSERT INTO \(ident: linkTable) SELECT * FROM \(ident: copyLinkTable)").run()
            try await sql.raw("DROP TABLE \(ident: copyLinkTable)").run()
        }
        try await sql.raw("DROP TABLE \(ident: copyTable)").run()
    }
}

/// PostgreSQL's `COPY` text format: tab-separated, `\N` for NULL, backslash escapes in text.
/// Written into a byte array and handed over as one buffer: a `ByteBuffer` write per cell and per
/// separator was a fifth of a million-row import's own time.
struct CopyText: CellWriter {
    private var bytes: [UInt8] = []
    private var atRowStart = true

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    var buffer: ByteBuffer { ByteBuffer(bytes: bytes) }

    private mutating func separate() {
        if atRowStart { atRowStart = false } else { bytes.append(UInt8(ascii: "\t")) }
    }

    private mutating func null() {
        bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "N"))
    }

    mutating func endRow() {
        bytes.append(UInt8(ascii: "\n"))
        atRowStart = true
    }

    mutating func text(_ value: String?) {
        separate()
        guard var value else { null(); return }
        value.withUTF8 { utf8 in
            // Most values need no escape: copy them whole.
            guard utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 < 0x20 }) else {
                bytes.append(contentsOf: utf8)
                return
            }
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "\n"): bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
                case UInt8(ascii: "\r"): bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
                case UInt8(ascii: "\t"): bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
                default: bytes.append(byte)
                }
            }
        }
    }

    mutating func integer(_ value: Int?) {
        separate()
        guard let value else { null(); return }
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func boolean(_ value: Bool) {
        separate()
        bytes.append(value ? UInt8(ascii: "t") : UInt8(ascii: "f"))
    }

    mutating func day(_ value: Day?) {
        separate()
        guard let value else { null(); return }
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: 10))
        _ = bytes.withUnsafeMutableBufferPointer { all in
            value.isoBytes(into: UnsafeMutableBufferPointer(rebasing: all[start..<start + 10]))
        }
    }
}
