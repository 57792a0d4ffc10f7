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
/// One streaming pass inside one transaction: each file is read once, every row validated, and the good
/// rows written in batches through the engine's bulk path while the next batch is being read. Only
/// identifiers are kept (for duplicates and references), never whole files, so memory stays flat. At
/// the first problem writing stops but validation goes on, so that every problem is reported; then
/// the transaction is rolled back and nothing is written.
public struct BundleImporter {
    public let database: any Database
    public let codeLists: CodeLists
    /// Rows per batch handed to the engine's bulk path.
    public var batchSize = 20_000
    /// Called with the fraction done (0…1) while importing.
    public var progress: (@Sendable (Double) -> Void)?

    public init(database: any Database, codeLists: CodeLists = .shipped) {
        self.database = database
        self.codeLists = codeLists
    }

    public func importBundle(at directory: URL) async throws -> ImportSummary {
        let files = try presentFiles(in: directory)
        let counter = ProgressCounter(total: files.size, progress: progress)
        var offenseCodes = Set(codeLists.offenseOrder)
        for row in try await database.sql.select().column("code").from("offenses").all() {
            offenseCodes.insert(try row.decode(column: "code", as: String.self))
        }
        let codeLists = self.codeLists, batchSize = self.batchSize, knownOffenses = offenseCodes
        var summary = ImportSummary()
        summary.files = try await database.transaction { transaction in
            // Before anything is written: whether a row may be an update depends on what was there.
            var tableHadRows: [String: Bool] = [:]
            for entry in files.present {
                let table = BundleTable.of(entry.file).name
                tableHadRows[table] = try await transaction.sql.select().column(SQLLiteral.numeric("1")).from(table).limit(1).first() != nil
            }
            var run = ImportRun(transaction: transaction, codeLists: codeLists, offenseCodes: knownOffenses, batchSize: batchSize,
                                tableHadRows: tableHadRows, issues: files.unknown, bytesRead: { counter.add($0) })
            try await transaction.withBulkLoadSettings {
                do {
                    for entry in files.present { try await run.load(entry) }
                    try await run.pipeline.drain()
                } catch {
                    // The transaction rolls back on this error: not while work is still running on its connection.
                    await run.pipeline.abandon()
                    throw error
                }
                run.issues += run.lateIssues.take()
                // Only on otherwise good bundles: a trial row rejected for its own fault would show here too.
                if run.issues.isEmpty { run.issues += try await run.validator.missingTrials(in: transaction.sql) }
            }
            guard run.issues.isEmpty else {
                // By file and line; within a line, in column order as found.
                let ordered = run.issues.enumerated().sorted { ($0.element.file, $0.element.line, $0.offset) < ($1.element.file, $1.element.line, $1.offset) }
                throw BundleRejected(issues: ordered.map(\.element))
            }
            return run.counts
        }
        summary.warnings = try await historyWarnings()
        progress?(1)
        return summary
    }

    // MARK: Files

    struct PresentFile: Sendable { let file: BundleFile; let url: URL; let size: Int; let columns: Set<String> }

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
            present.append(PresentFile(file: file, url: url, size: size, columns: try headerColumns(of: url)))
        }
        return (present, unknown, present.reduce(0) { $0 + $1.size })
    }

    private func headerColumns(of url: URL) throws -> Set<String> {
        var reader = try csvReader(for: url, bytesRead: { _ in })
        return Set((try? reader.next())?.fields ?? [])
    }
}

/// One import's pass over the files, inside its transaction.
private struct ImportRun {
    let transaction: any Database
    let codeLists: CodeLists
    var offenseCodes: Set<String>
    let batchSize: Int
    let tableHadRows: [String: Bool]
    /// Every problem found so far; once there is one, nothing more is written.
    var issues: [BundleIssue]
    /// Problems found by lookups in the database, which run in the pipeline.
    let lateIssues = LateIssues()
    let bytesRead: @Sendable (Int) -> Void
    var validator = ReferenceValidator()
    var pipeline = WritePipeline()
    var counts: [ImportSummary.FileCount] = []

    init(transaction: any Database, codeLists: CodeLists, offenseCodes: Set<String>, batchSize: Int, tableHadRows: [String: Bool],
         issues: [BundleIssue], bytesRead: @escaping @Sendable (Int) -> Void) {
        self.transaction = transaction; self.codeLists = codeLists; self.offenseCodes = offenseCodes
        self.batchSize = batchSize; self.tableHadRows = tableHadRows; self.issues = issues; self.bytesRead = bytesRead
    }

    /// Whether rows are still being written: not after the first problem.
    var writing: Bool { issues.isEmpty && lateIssues.isEmpty }

    mutating func load(_ entry: BundleImporter.PresentFile) async throws {
        switch entry.file {
        case .offenses: try await load(OffenseRecord.self, entry)
        case .cases: try await load(CaseRecord.self, entry)
        case .victims: try await load(VictimRecord.self, entry)
        case .suspects: try await load(SuspectRecord.self, entry)
        case .charges: try await load(ChargeRecord.self, entry)
        case .trials: try await load(TrialRecord.self, entry)
        case .support: try await load(SupportRecord.self, entry)
        case .history: try await load(HistoryRecord.self, entry)
        case .organisations: try await load(OrganisationRecord.self, entry)
        case .inspections: try await load(InspectionRecord.self, entry)
        case .actions: try await load(OversightActionRecord.self, entry)
        case .agreements: try await load(AgreementRecord.self, entry)
        }
    }

    /// Reads and validates one file, and queues its writing in the pipeline: the file's loader begins,
    /// each batch is sent while later ones are read, and the loader finishes while the next file is read.
    /// References to records outside the bundle are looked up in the database in the pipeline too.
    private mutating func load<Record: StoredRecord>(_ type: Record.Type, _ entry: BundleImporter.PresentFile) async throws {
        let table = BundleTable.of(Record.file)
        let loader = try await transaction.tableLoader(for: LoadTarget(table: table, replacesLinks: entry.columns.contains("case_ids"),
                                                                       tableHadRows: tableHadRows[table.name] ?? true))
        let context = ValidationContext(codeLists: codeLists, offenseCodes: offenseCodes,
                                        today: JapanTime(secondsSinceEpoch: Int(Date().timeIntervalSince1970)).day)
        var stream = try RecordStream<Record>(url: entry.url, context: context, bytesRead: bytesRead)
        var batch: [Record] = []
        batch.reserveCapacity(batchSize)
        var rows = 0
        // Where the time goes, for `CTIP_LOG_LEVEL=info`: reading and validating, and waiting for the
        // connection to catch up.
        let clock = ContinuousClock(), started = clock.now, waitedBefore = pipeline.waited

        func flush(_ run: inout ImportRun) async throws {
            let pending = run.validator.takePending()
            if !pending.isEmpty {
                let sql = run.transaction.sql, late = run.lateIssues
                try await run.pipeline.submit(ahead: loader.workAhead) { late.add(try await ReferenceValidator.unresolved(pending, in: sql)) }
            }
            guard run.writing, stream.issues.isEmpty, !batch.isEmpty else {
                batch.removeAll(keepingCapacity: true)
                return
            }
            let records = batch
            batch.removeAll(keepingCapacity: true)
            try await run.pipeline.submit(records, to: loader, unless: run.lateIssues)
        }

        try await pipeline.submit(ahead: loader.workAhead) { try await loader.begin() }
        while let (record, line) = try stream.nextRecord() {
            rows += 1
            if rows == batchSize { validator.expect(rows: stream.estimatedRows(afterReading: rows), of: Record.file) }
            validator.observe(record, line: line, issues: &issues)
            if let offense = record as? OffenseRecord { offenseCodes.insert(offense.code) }
            guard issues.isEmpty, stream.issues.isEmpty else { batch.removeAll(); continue }
            batch.append(record)
            if batch.count >= batchSize || validator.pendingCount >= batchSize { try await flush(&self) }
        }
        // Rules across the file's rows first: they may leave references for the database to answer.
        validator.finishFile(Record.file, issues: &issues)
        try await flush(&self)
        issues += stream.issues
        if writing {
            let logger = transaction.logger, name = Record.file.fileName, late = lateIssues
            try await pipeline.submit(ahead: loader.workAhead) {
                guard late.isEmpty else { return }
                let finishing = ContinuousClock.now
                try await loader.finish()
                logger.info("import timing", metadata: ["file": "\(name)", "finishing_s": (ContinuousClock.now - finishing).loggedSeconds])
            }
        }
        counts.append(.init(file: Record.file, rows: rows))
        transaction.logger.info("import timing", metadata: [
            "file": "\(Record.file.fileName)", "rows": "\(rows)", "read_s": (clock.now - started).loggedSeconds,
            "waiting_for_database_s": (pipeline.waited - waitedBefore).loggedSeconds,
        ])
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

private final class ByteCounter { var bytes = 0 }

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
struct RecordStream<Record: BundleRecord> {
    let context: ValidationContext
    private var reader: CSVReader
    private var header: [String]?
    private var columns: ColumnPositions?
    private(set) var issues: [BundleIssue] = []
    private var finished = false

    private let fileSize: Int
    private let consumed = ByteCounter()

    init(url: URL, context: ValidationContext, bytesRead: @escaping (Int) -> Void) throws {
        self.context = context
        fileSize = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        let consumed = self.consumed
        reader = try csvReader(for: url, bytesRead: { count in
            consumed.bytes += count
            bytesRead(count)
        })
    }

    /// How many rows the whole file probably has, from how many bytes the first `rows` took (read in
    /// 64 KiB chunks: a slight underestimate).
    func estimatedRows(afterReading rows: Int) -> Int {
        guard consumed.bytes > 0 else { return rows }
        return Int(Double(rows) * Double(fileSize) / Double(consumed.bytes))
    }

    /// The next good record and its line; nil at the end of the file.
    mutating func nextRecord() throws -> (Record, Int)? {
        let file = Record.file
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
                guard let index = validateHeader(first.fields, of: file, issues: &issues) else { finished = true; return nil }
                columns = ColumnPositions(index)
            }
            while let record = try reader.next() {
                if record.fields.count == 1, record.fields[0].isEmpty { continue } // a blank line
                if record.fields.count != header!.count {
                    issues.append(BundleIssue(file: file.fileName, line: record.line, column: nil,
                                              message: "has \(record.fields.count) fields where the header has \(header!.count)"))
                    continue
                }
                var row = RowDecoder(file: file, record: record, columns: columns!)
                if let decoded = Record(decoding: &row, context: context), row.issues.isEmpty {
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

extension BundleImporter {
    /// bundle.md: where a year has case-level records and a history row, the records win; say so.
    func historyWarnings() async throws -> [String] {
        let statistics = YearStatistics(sql: database.sql)
        let history = try await statistics.historyRows()
        guard !history.isEmpty else { return [] } // nothing to differ from: spare counting every table
        let counted = try await statistics.caseLevelCounts()
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
