import CTIPCore
import FluentKit
import Foundation
import SQLKit

/// A row a member of staff may not write: another ministry's, or any without the contributor role.
public struct MeasureWriteDenied: Error, CustomStringConvertible {
    public let ministry: String
    public var description: String { "only the contributors of `\(ministry)` may record its rows" }
}

/// The registers of the measures in the database (`CreateMeasureRegisters`): read through SQLKit (they
/// are lists and figures, not case work), written all or nothing — a directory of files by
/// `importDirectory`, one row from a form by `record` — each write with its audit entry in the same
/// transaction. A row with a key already stored replaces it.
public struct MeasureStore: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    /// The validation context: the agencies and help-directory services this database knows.
    public func context(today: Day? = nil) async throws -> MeasureContext {
        var agencies = Set(StandardAgencies.all().map(\.code))
        for row in try await database.sql.select().column("code").from("agencies").all() {
            agencies.insert(try row.decode(column: "code", as: String.self))
        }
        let directory = try await HelpDirectoryStore(database: database).load()
        var offenses = Set(CodeLists.shipped.offenseOrder)
        for row in try await database.sql.select().column("code").from("offenses").all() {
            offenses.insert(try row.decode(column: "code", as: String.self))
        }
        return MeasureContext(agencies: agencies, services: Dictionary(directory.services.map { ($0.id, $0.since) }, uniquingKeysWith: { first, _ in first }),
                              offenseCodes: offenses, today: today)
    }

    /// The rows of one register, or of all; only one ministry's when `ministry` is given.
    public func rows(_ file: MeasureFile? = nil, ministry: String? = nil) async throws -> [MeasureRow] {
        try await Self.rows(file.map { [$0] } ?? MeasureFile.allCases, ministry: ministry, in: database.sql)
    }

    static func rows(_ files: [MeasureFile], ministry: String?, in sql: any SQLDatabase) async throws -> [MeasureRow] {
        var rows: [MeasureRow] = []
        for file in files {
            var query = sql.select().columns(file.columnNames.map { SQLIdentifier($0) }).from(file.tableName)
            if let ministry { query = query.where("ministry", .equal, SQLBind(ministry)) }
            for row in try await query.all() {
                var cells: [String: String] = [:]
                for column in file.columns {
                    if try row.decodeNil(column: column.name) { continue }
                    cells[column.name] = column.integer ? String(try row.decode(column: column.name, as: Int64.self))
                        : try row.decode(column: column.name, as: String.self)
                }
                rows.append(MeasureRow(file: file, cells: cells))
            }
        }
        return rows.sorted { ($0.file, $0.key.joined(separator: "\u{1}")) < ($1.file, $1.key.joined(separator: "\u{1}")) }
    }

    // MARK: Import and export

    /// Imports every register file in `directory` all or nothing: every problem of every file is
    /// reported (`BundleRejected`, `FILE:LINE: COLUMN:`) and nothing is written unless there is none.
    @discardableResult
    public func importDirectory(_ directory: URL, actor: String = "cli", today: Day? = nil) async throws -> [MeasureFile: Int] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw StorageError.notADirectory(directory.path)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        var issues: [BundleIssue] = []
        for name in names where name.lowercased().hasSuffix(".csv") && MeasureFile(fileName: name) == nil {
            issues.append(BundleIssue(file: name, line: 1, column: nil,
                                      message: "unknown register file; expected one of " + MeasureFile.allCases.map(\.fileName).joined(separator: ", ")))
        }
        let context = try await self.context(today: today)
        var incoming: [MeasureFile: [(row: MeasureRow, line: Int)]] = [:]
        for file in MeasureFile.allCases where names.contains(file.fileName) {
            let bytes = try [UInt8](Data(contentsOf: directory.appendingPathComponent(file.fileName)))
            let read = MeasureFiles.read(file, bytes: bytes, context: context)
            incoming[file] = read.rows
            issues += read.issues
        }
        let rejected = issues, read = incoming
        return try await database.writeTransaction { transaction in
            var issues = rejected
            issues += try await Self.crossCheck(read, in: transaction.sql)
            guard issues.isEmpty else { throw BundleRejected(issues: issues.sorted()) }
            var counts: [MeasureFile: Int] = [:]
            for (file, rows) in read {
                for entry in rows { try await Self.replace(entry.row, in: transaction.sql) }
                counts[file] = rows.count
            }
            let summary = counts.sorted { $0.key < $1.key }.map { "\($0.key.rawValue)=\($0.value)" }
            try await AuditLog(database: transaction).append(AuditEvent(at: Date(), actor: actor, agency: "-", action: .create,
                                                                        record: "measures:import", fields: summary, purpose: "measures import"))
            return counts
        }
    }

    /// Writes every register's file into `directory` (created if need be), in key order: importing
    /// them again changes nothing.
    public func export(to directory: URL) async throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let all = try await rows()
        for file in MeasureFile.allCases {
            let text = MeasureFiles.text(file, rows: all.filter { $0.file == file })
            try Data(text.utf8).write(to: directory.appendingPathComponent(file.fileName), options: .atomic)
        }
    }

    // MARK: One row from a form or the API

    /// Records one row for `staff`'s ministry, replacing the row with the same key if it is theirs.
    /// The rules across rows (distributions against copies) are checked against what is stored.
    public func record(_ row: MeasureRow, by staff: StaffIdentity) async throws {
        guard MeasureAccess.mayRecord(staff, ministry: row.ministry) else { throw MeasureWriteDenied(ministry: row.ministry) }
        try await database.writeTransaction { transaction in
            let sql = transaction.sql
            let existing = try await Self.stored(row.file, key: row.key, in: sql)
            if let existing, existing.ministry != staff.agency.code { throw MeasureWriteDenied(ministry: existing.ministry) }
            let issues = try await Self.crossCheck([row.file: [(row, 1)]], in: sql)
            guard issues.isEmpty else { throw BundleRejected(issues: issues) }
            try await Self.replace(row, in: sql)
            try await AuditLog(database: transaction).append(AuditEvent(at: Date(), by: staff, action: existing != nil ? .update : .create,
                                                                        record: "measure:\(row.file.rawValue)/\(row.keyText)",
                                                                        fields: row.cells.keys.sorted(), purpose: "measures register"))
        }
    }

    static func stored(_ file: MeasureFile, key: [String], in sql: any SQLDatabase) async throws -> MeasureRow? {
        var query = sql.select().columns(file.columnNames.map { SQLIdentifier($0) }).from(file.tableName)
        for (column, value) in zip(file.keyColumns, key) { query = query.where(SQLIdentifier(column), .equal, bind(file, column, value)) }
        guard let row = try await query.first() else { return nil }
        var cells: [String: String] = [:]
        for column in file.columns where try !row.decodeNil(column: column.name) {
            cells[column.name] = column.integer ? String(try row.decode(column: column.name, as: Int64.self)) : try row.decode(column: column.name, as: String.self)
        }
        return MeasureRow(file: file, cells: cells)
    }

    /// The rules across rows, with the stored rows for those the incoming ones point at.
    static func crossCheck(_ incoming: [MeasureFile: [(row: MeasureRow, line: Int)]], in sql: any SQLDatabase) async throws -> [BundleIssue] {
        var materials: [String: MeasureRow] = [:]
        var storedDistributions: [MeasureRow] = []
        if incoming[.distributions]?.isEmpty == false {
            for row in try await rows([.materials, .distributions], ministry: nil, in: sql) {
                if row.file == .materials { materials[row["material_id"] ?? ""] = row } else { storedDistributions.append(row) }
            }
            for entry in incoming[.materials] ?? [] { materials[entry.row["material_id"] ?? ""] = entry.row }
        }
        return MeasureRules.across(incoming, materials: materials, distributionsElsewhere: storedDistributions)
    }

    /// Deletes the row with the same key, if any, then inserts.
    static func replace(_ row: MeasureRow, in sql: any SQLDatabase) async throws {
        let file = row.file
        var delete = sql.delete(from: file.tableName)
        for (column, value) in zip(file.keyColumns, row.key) { delete = delete.where(SQLIdentifier(column), .equal, bind(file, column, value)) }
        try await delete.run()
        try await sql.insert(into: file.tableName).columns(file.columnNames)
            .values(file.columnNames.map { column in row[column].map { bind(file, column, $0) } ?? SQLLiteral.null }).run()
    }

    private static func bind(_ file: MeasureFile, _ column: String, _ value: String) -> any SQLExpression {
        if file.columns.first(where: { $0.name == column })?.integer == true, let number = Int64(value) { return SQLBind(number) }
        return SQLBind(value)
    }
}
