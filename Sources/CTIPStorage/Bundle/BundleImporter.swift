import CTIPCore
import FluentKit
import Foundation
import SQLKit

/// A bundle that failed validation: every problem found, nothing written.
public struct BundleRejected: Error, CustomStringConvertible {
    public let issues: [BundleIssue]
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}

/// What an import wrote, per file, and what it noticed.
public struct ImportSummary: Sendable {
    public struct FileCount: Sendable { public let file: BundleFile; public let rows: Int }
    public var files: [FileCount] = []
    public var warnings: [String] = []
}

/// Imports a dataset bundle (shared/spec/bundle.md) all-or-nothing.
///
/// Two streaming passes keep memory flat whatever the file size: the first validates every row and
/// collects only identifiers (for duplicates and references); the second, run only when the first
/// found nothing wrong, writes in batches inside one transaction.
public struct BundleImporter {
    public let database: any Database
    public let codeLists: CodeLists
    public var batchSize = 500
    /// Called with the fraction done (0…1) while importing.
    public var progress: (@Sendable (Double) -> Void)?

    public init(database: any Database, codeLists: CodeLists = .shipped) {
        self.database = database
        self.codeLists = codeLists
    }

    public func importBundle(at directory: URL) async throws -> ImportSummary {
        let files = try presentFiles(in: directory)
        let totalBytes = files.size * 2
        let counter = ProgressCounter(total: totalBytes, progress: progress)
        let report: @Sendable (Int) -> Void = { counter.add($0) }

        // Pass 1: validate.
        var issues = files.unknown
        var offenseCodes = Set(codeLists.offenseOrder)
        for row in try await database.sql.select().column("code").from("offenses").all() {
            offenseCodes.insert(try row.decode(column: "code", as: String.self))
        }
        if let offensesFile = files.present.first(where: { $0.file == .offenses }) {
            // The bundle's own offense list counts for its charges.
            var reportedLater: [BundleIssue] = []
            try forEachRecord(OffenseRecord.self, at: offensesFile.url, context: ValidationContext(codeLists: codeLists, offenseCodes: []),
                              issues: &reportedLater, bytesRead: { _ in }) { record, _ in if let offense = record as? OffenseRecord { offenseCodes.insert(offense.code) } }
        }
        let context = ValidationContext(codeLists: codeLists, offenseCodes: offenseCodes)
        var validator = ReferenceValidator()
        for entry in files.present {
            var fileIssues: [BundleIssue] = []
            var referenceIssues: [BundleIssue] = []
            try forEachRecord(entry.file.recordType, at: entry.url, context: context, issues: &fileIssues, bytesRead: report) { record, line in
                validator.observe(record, line: line, issues: &referenceIssues)
            }
            issues += fileIssues + referenceIssues
        }
        issues += try await validator.unresolvedReferences(in: database.sql)
        guard issues.isEmpty else {
            // By file and line; within a line, in column order as found.
            let ordered = issues.enumerated().sorted { ($0.element.file, $0.element.line, $0.offset) < ($1.element.file, $1.element.line, $1.offset) }
            throw BundleRejected(issues: ordered.map(\.element))
        }

        // Pass 2: write, all or nothing.
        var summary = ImportSummary()
        let batchSize = self.batchSize
        let present = files.present
        let counts: [ImportSummary.FileCount] = try await database.transaction { transaction in
            var counts: [ImportSummary.FileCount] = []
            for entry in present {
                let table = BundleTable.of(entry.file)
                let hadRows = try await transaction.sql.select().column(SQLLiteral.numeric("1")).from(table.name).limit(1).first() != nil
                let writer = BatchWriter(sql: transaction.sql, file: entry.file, hasCaseIDs: entry.columns.contains("case_ids"), tableHadRows: hadRows)
                var stream = try RecordStream(type: entry.file.recordType, url: entry.url, context: context, bytesRead: report)
                var rows = 0
                while true {
                    let batch = try stream.next(upTo: batchSize)
                    if batch.isEmpty { break }
                    try await writer.write(batch.map { $0 as! any StoredRecord })
                    rows += batch.count
                }
                counts.append(.init(file: entry.file, rows: rows))
            }
            return counts
        }
        summary.files = counts
        summary.warnings = try await historyWarnings()
        progress?(1)
        return summary
    }

    // MARK: Files

    struct PresentFile { let file: BundleFile; let url: URL; let size: Int; let columns: Set<String> }

    func presentFiles(in directory: URL) throws -> (present: [PresentFile], unknown: [BundleIssue], size: Int) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw StorageError.notADirectory(directory.path)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        var unknown: [BundleIssue] = []
        for name in names where name.lowercased().hasSuffix(".csv") && BundleFile.allCases.allSatisfy({ $0.fileName != name }) {
            unknown.append(BundleIssue(file: name, line: 1, column: nil,
                                       message: "unknown bundle file; expected one of " + BundleFile.allCases.map(\.fileName).joined(separator: ", ")))
        }
        var present: [PresentFile] = []
        for file in BundleFile.allCases where names.contains(file.fileName) {
            let url = directory.appendingPathComponent(file.fileName)
            let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
            present.append(PresentFile(file: file, url: url, size: size ?? 0, columns: try headerColumns(of: url)))
        }
        return (present, unknown, present.reduce(0) { $0 + $1.size })
    }

    private func headerColumns(of url: URL) throws -> Set<String> {
        var reader = try csvReader(for: url, bytesRead: { _ in })
        return Set((try? reader.next())?.fields ?? [])
    }
}

final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private var lastReported = -1
    let total: Int
    let progress: (@Sendable (Double) -> Void)?
    init(total: Int, progress: (@Sendable (Double) -> Void)?) { self.total = total; self.progress = progress }
    func add(_ bytes: Int) {
        guard let progress, total > 0 else { return }
        let percent: Int? = lock.withLock {
            done += bytes
            let percent = min(100, done * 100 / total)
            guard percent != lastReported else { return nil }
            lastReported = percent
            return percent
        }
        if let percent { progress(Double(percent) / 100) }
    }
}

/// Opens a file as a streaming CSV reader (64 KiB chunks).
func csvReader(for url: URL, bytesRead: @escaping (Int) -> Void) throws -> CSVReader {
    let handle: FileHandle
    do { handle = try FileHandle(forReadingFrom: url) }
    catch { throw StorageError.cannotRead(path: url.path, reason: error.localizedDescription) }
    return CSVReader {
        guard let data = try handle.read(upToCount: 1 << 16), !data.isEmpty else {
            try? handle.close()
            return nil
        }
        bytesRead(data.count)
        return Array(data)
    }
}

/// Reads the rows of one bundle file, validating its header and each row; problems are collected in `issues`.
struct RecordStream {
    let type: any BundleRecord.Type
    let context: ValidationContext
    private var reader: CSVReader
    private var header: [String]?
    private var columnIndex: [String: Int]?
    private(set) var issues: [BundleIssue] = []
    private var finished = false

    init(type: any BundleRecord.Type, url: URL, context: ValidationContext, bytesRead: @escaping (Int) -> Void) throws {
        self.type = type
        self.context = context
        reader = try csvReader(for: url, bytesRead: bytesRead)
    }

    /// Up to `limit` good records; empty at the end.
    mutating func next(upTo limit: Int) throws -> [any BundleRecord] {
        var records: [any BundleRecord] = []
        while records.count < limit, let record = try nextRecord() { records.append(record.0) }
        return records
    }

    mutating func nextRecord() throws -> (any BundleRecord, Int)? {
        let file = type.file
        guard !finished else { return nil }
        do {
            if header == nil {
                guard let first = try reader.next() else {
                    issues.append(BundleIssue(file: file.fileName, line: 1, column: nil,
                                              message: "the file is empty; a bundle file starts with a header row: " + file.columnNames.joined(separator: ",")))
                    finished = true
                    return nil
                }
                header = first.fields
                columnIndex = validateHeader(first.fields, of: file, issues: &issues)
                if columnIndex == nil { finished = true; return nil }
            }
            while let record = try reader.next() {
                if record.fields.count == 1, record.fields[0].isEmpty { continue } // a blank line
                if record.fields.count != header!.count {
                    issues.append(BundleIssue(file: file.fileName, line: record.line, column: nil,
                                              message: "has \(record.fields.count) fields where the header has \(header!.count)"))
                    continue
                }
                var row = RowDecoder(file: file, record: record, columnIndex: columnIndex!)
                if let decoded = type.init(decoding: &row, context: context), row.issues.isEmpty {
                    return (decoded, record.line)
                }
                issues += row.issues
            }
        } catch let error as CSVSyntaxError {
            issues.append(BundleIssue(file: file.fileName, line: error.line, column: nil, message: error.message))
        }
        finished = true
        return nil
    }
}

/// Validates a whole file, handing each good record and its line to `body`.
func forEachRecord(_ type: any BundleRecord.Type, at url: URL, context: ValidationContext, issues: inout [BundleIssue],
                   bytesRead: @escaping (Int) -> Void, body: (any BundleRecord, Int) throws -> Void) throws {
    var stream = try RecordStream(type: type, url: url, context: context, bytesRead: bytesRead)
    while let (record, line) = try stream.nextRecord() { try body(record, line) }
    issues += stream.issues
}

extension BundleImporter {
    /// bundle.md: where a year has case-level records and a history row, the records win; say so.
    func historyWarnings() async throws -> [String] {
        let statistics = YearStatistics(sql: database.sql)
        let counted = try await statistics.caseLevelCounts()
        let history = try await statistics.historyRows()
        let historyByYear = Dictionary(history.map { ($0.year, $0) }, uniquingKeysWith: { first, _ in first })
        return annualSeries(history: history, records: counted).filter(\.differsFromHistory).map { totals in
            let row = historyByYear[totals.year]!
            func pair(_ name: String, _ records: Int?, _ published: Int?) -> String {
                "\(name) \(records ?? 0) (history \(published.map(String.init) ?? "empty"))"
            }
            return "history.csv: \(totals.year): case-level records give " + [
                pair("victims", totals.victims, row.victims), pair("cleared cases", totals.clearedCases, row.clearedCases),
                pair("cleared suspects", totals.clearedSuspects, row.clearedSuspects),
            ].joined(separator: ", ") + "; the records win (bundle.md)"
        }
    }
}
