import CTIPCore
import FluentKit
import Foundation
import SQLKit

/// Writes every table as a bundle file, rows in key order, so two exports of the same data are
/// byte-identical and re-import into an empty database gives the same content.
public struct BundleExporter {
    public let database: any Database
    public var pageSize = 5000

    public init(database: any Database) { self.database = database }

    @discardableResult
    public func exportBundle(to directory: URL) async throws -> [ImportSummary.FileCount] {
        do { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) }
        catch { throw StorageError.cannotWrite(path: directory.path, reason: error.localizedDescription) }
        var counts: [ImportSummary.FileCount] = []
        for file in BundleFile.allCases {
            if file.isOversight, try await database.sql.select().column(SQLLiteral.all).from(BundleTable.of(file).name).limit(1).first() == nil {
                continue
            }
            counts.append(.init(file: file, rows: try await export(file, to: directory.appendingPathComponent(file.fileName))))
        }
        return counts
    }

    private func export(_ file: BundleFile, to url: URL) async throws -> Int {
        let table = BundleTable.of(file)
        let sql = database.sql
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(file.fileName).partial")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil), let handle = try? FileHandle(forWritingTo: temporary) else {
            throw StorageError.cannotWrite(path: url.path, reason: "cannot create the file")
        }
        var rows = 0
        do {
            try handle.write(contentsOf: Data(CSVWriter.line(file.columnNames).utf8))
            var offset = 0
            while true {
                var query = sql.select().columns(table.columns.map { SQLIdentifier($0) }).from(table.name)
                for key in table.keyColumns { query = query.orderBy(key) }
                let page = try await query.limit(pageSize).offset(offset).all()
                if page.isEmpty { break }
                var links: [String: [String]] = [:]
                if let linkTable = table.linkTable {
                    let owner = table.keyColumns[0]
                    let owners = try page.map { try $0.decode(column: owner, as: String.self) }
                    for row in try await sql.select().columns(owner, "case_id").from(linkTable)
                        .where(SQLIdentifier(owner), .in, owners).orderBy(owner).orderBy("case_id").all() {
                        links[try row.decode(column: owner, as: String.self), default: []].append(try row.decode(column: "case_id", as: String.self))
                    }
                }
                var text = ""
                for row in page {
                    let key = table.linkTable == nil ? nil : try row.decode(column: table.keyColumns[0], as: String.self)
                    let record = try file.recordType.init(row: row, caseIDs: key.flatMap { links[$0] } ?? [])
                    text += CSVWriter.line(record.cells)
                }
                try handle.write(contentsOf: Data(text.utf8))
                rows += page.count
                offset += page.count
            }
            try handle.close()
            if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
            try FileManager.default.moveItem(at: temporary, to: url)
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        return rows
    }
}
