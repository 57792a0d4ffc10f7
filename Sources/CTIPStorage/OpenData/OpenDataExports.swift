import CTIPCore
import Crypto
import FluentKit
import Foundation
import SQLKit

/// The open-data exports over the database, for the command line and for publishing an edition alike:
/// each streams the records a page at a time and hands its text to `write` as it goes, so a million
/// victims never sit in memory.
public struct OpenDataExports: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    var source: OpenDataSource { OpenDataSource(sql: database.sql) }

    // MARK: CTDC, k-anonymised

    /// CTDC's published columns, k-anonymised over the quasi-identifiers (generalised first, then the
    /// records of classes smaller than `k` suppressed). Two passes: one counts the classes, one writes.
    public func ctdc(k: Int, maximumSuppressed: Double = 0, years: ClosedRange<Int>? = nil, write: (String) throws -> Void) async throws -> KAnonymityPlan {
        var anonymiser = KAnonymiser()
        try await source.victims(in: years) { page in for victim in page { anonymiser.count(victim) } }
        let plan = anonymiser.plan(k: k, maximumSuppressed: maximumSuppressed)
        try write(CSVWriter.line(CTDCDataset.columns))
        var written = 0
        try await source.victims(in: years) { page in
            var text = ""
            for victim in page {
                guard let identifiers = plan.identifiers(for: victim) else { continue }
                text += CSVWriter.line(CTDCDataset.row(victim, identifiers: identifiers))
                written += 1
            }
            try write(text)
        }
        // The records changed between the passes (an import ran): what was written is not what was planned.
        guard written == plan.published else { throw OpenDataError.changedWhileExporting(planned: plan.published, written: written) }
        return plan
    }

    // MARK: Differentially private synthetic data

    /// What a synthetic release says of itself: its privacy parameters and how far its marginals are from
    /// the real ones (the utility; computed here, from the real data, for the publisher — the error figures
    /// themselves are not differentially private and are printed, not published).
    public struct SyntheticRelease: Sendable {
        public let epsilon: Double
        public let delta: Double
        public let threshold: Int
        public let reportingLength: Int
        public let noiseScales: [Double]
        public let records: Int
        public let realRecords: Int
        public let utility: [MarginalError]
    }

    /// Synthetic records in CTDC's columns, made from noisy counts of every combination of up to three
    /// attribute values (never from the records themselves), with `epsilon` spent on them; combinations
    /// whose noisy count is below `threshold` are never reproduced. One pass over the victims.
    /// `realOut` receives the real microdata in the same five attributes (benchmarks only: it is personal data).
    public func synthetic(epsilon: Double, threshold: Int, seed: UInt64, years: ClosedRange<Int>? = nil,
                          write: (String) throws -> Void, realOut: ((String) throws -> Void)? = nil) async throws -> SyntheticRelease {
        var real = DPAggregates()
        try realOut?(CSVWriter.line(SyntheticRecord.attributes))
        try await source.victims(in: years) { page in
            var text = ""
            for victim in page {
                real.add(victim)
                if realOut != nil { text += CSVWriter.line(SyntheticRecord(victim).values) }
            }
            try realOut?(text)
        }
        // The domain is public: the years the records may have, every sex, band, citizenship and form.
        let domainYears = try await yearsRange(years)
        var synthetic = DPAggregates()
        try write(CSVWriter.line(CTDCDataset.columns))
        var buffer = ""
        let noisy = try DPSynthesizer.release(real, epsilon: epsilon, threshold: threshold, seed: seed, domain: .ctdc(years: domainYears)) { record in
            synthetic.add(record)
            buffer += CSVWriter.line(record.cells(for: CTDCDataset.columns))
            if buffer.utf8.count > 1 << 20 { try write(buffer); buffer = "" }
        }
        try write(buffer)
        return SyntheticRelease(epsilon: epsilon, delta: noisy.delta, threshold: noisy.threshold, reportingLength: noisy.reportingLength,
                                noiseScales: (1...noisy.reportingLength).map { noisy.noiseScale(length: $0) }, records: synthetic.recordCount,
                                realRecords: real.recordCount, utility: DPSynthesizer.utility(real: real, synthetic: synthetic))
    }

    /// The years asked, or those of the records (public: the annual report prints every year's count).
    func yearsRange(_ asked: ClosedRange<Int>?) async throws -> ClosedRange<Int> {
        if let asked, asked.lowerBound > 1, asked.upperBound < 9999 { return asked }
        let row = try await database.sql.select().column(SQLFunction("MIN", args: SQLColumn("protected_on")), as: "first")
            .column(SQLFunction("MAX", args: SQLColumn("protected_on")), as: "last").from("victims").first()
        let first = try row?.decode(column: "first", as: String?.self).flatMap { Day(iso: $0)?.year } ?? 2001
        let last = try row?.decode(column: "last", as: String?.self).flatMap { Day(iso: $0)?.year } ?? first
        return max(first, asked?.lowerBound ?? first)...max(first, min(last, asked?.upperBound ?? last))
    }

    // MARK: GLOTIP

    /// UNODC GLOTIP's rows for `year`, from the very facts the annual report is computed from.
    public func glotip(year: Int) async throws -> String {
        let facts = try await AnnualReports(database: database).facts(year: year, asOf: Day.reportCutOff(forDataYear: year))
        return GLOTIP.csv(GLOTIP.rows(from: facts))
    }

    // MARK: HTCDS 2.0

    public struct HTCDSCounts: Sendable, Equatable {
        public var victims = 0
        public var support = 0
        public var perpetrators = 0
        public var withMethodsOfControl = 0
    }

    /// The HTCDS 2.0 exchange files (`victims.csv`, `support.csv`, `perpetrators.csv`) for `staff`, who
    /// needs `exportCaseData`: no identifying field, each person under a key drawn for this export only;
    /// the methods of control of the files whose screening `staff`'s agency may see (each read audited)
    /// when a data key is at hand. The export itself is audited.
    public func htcds(to directory: URL, by staff: StaffIdentity, cipher: FieldCipher?, now: @escaping @Sendable () -> Date) async throws -> HTCDSCounts {
        guard AccessPolicy.allows(staff, .exportCaseData) else {
            try await AuditLog(database: database).append(AuditEvent(at: now(), by: staff, action: .denied, record: "export:htcds", purpose: "HTCDS exchange"))
            throw CaseWorkError.forbidden("export case data (HTCDS)")
        }
        var methods: [String: [ControlMethod]] = [:]
        if let cipher { methods = try await VictimFileStore(database: database, cipher: cipher, now: now).controlMethodsForExport(by: staff) }
        var counts = HTCDSCounts()
        let victims = try PartialFile(directory.appendingPathComponent("victims.csv"), header: HTCDS.victimColumns)
        let support = try PartialFile(directory.appendingPathComponent("support.csv"), header: HTCDS.supportColumns)
        let perpetrators = try PartialFile(directory.appendingPathComponent("perpetrators.csv"), header: HTCDS.perpetratorColumns)
        do {
            try await source.victims(support: true, controlMethods: methods) { page in
                var victimText = "", supportText = ""
                for victim in page {
                    let key = Self.exportKey()
                    victimText += CSVWriter.line(HTCDS.victimRow(victim, key: key))
                    for row in HTCDS.supportRows(victim, key: key) { supportText += CSVWriter.line(row); counts.support += 1 }
                    counts.victims += 1
                    if victim.controlMethods != nil { counts.withMethodsOfControl += 1 }
                }
                try victims.write(victimText)
                try support.write(supportText)
            }
            try await source.suspects { page in
                try perpetrators.write(page.map { CSVWriter.line(HTCDS.perpetratorRow(sex: $0.sex, nationality: $0.nationality, broker: $0.broker, key: Self.exportKey())) }
                    .joined())
                counts.perpetrators += page.count
            }
            try victims.close(); try support.close(); try perpetrators.close()
        } catch {
            victims.discard(); support.discard(); perpetrators.discard()
            throw error
        }
        try await AuditLog(database: database).append(AuditEvent(
            at: now(), by: staff, action: .export, record: "export:htcds",
            fields: ["victims:\(counts.victims)", "support:\(counts.support)", "perpetrators:\(counts.perpetrators)",
                     "methods_of_control:\(counts.withMethodsOfControl)"],
            purpose: "HTCDS 2.0 exchange"))
        return counts
    }

    /// A key for one person in one export: random, so no two exports can be joined on it, and nothing
    /// of CTIP's identifiers in it.
    static func exportKey() -> String {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcdefghijkmnpqrstuvwxyz23456789")
        return String((0..<16).map { _ in alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))] })
    }
}

public enum OpenDataError: Error, CustomStringConvertible, Equatable {
    case changedWhileExporting(planned: Int, written: Int)

    public var description: String {
        switch self {
        case .changedWhileExporting(let planned, let written):
            "the records changed during the export (\(planned) rows planned, \(written) written): run it again"
        }
    }
}

/// A file written beside its final name and moved there when complete, so a failed export leaves
/// nothing that looks whole.
public final class PartialFile: @unchecked Sendable {
    public let url: URL
    let partial: URL
    let handle: FileHandle

    public init(_ url: URL) throws {
        self.url = url
        partial = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial")
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: partial.path, contents: nil), let handle = try? FileHandle(forWritingTo: partial) else {
            throw StorageError.cannotWrite(path: url.path, reason: "cannot create the file")
        }
        self.handle = handle
    }

    /// A CSV file, its header written.
    convenience init(_ url: URL, header: [String]) throws {
        try self.init(url)
        try write(CSVWriter.line(header))
    }

    public func write(_ text: String) throws {
        guard !text.isEmpty else { return }
        do { try handle.write(contentsOf: Data(text.utf8)) } catch { throw StorageError.cannotWrite(path: url.path, reason: error.localizedDescription) }
    }

    public func close() throws {
        try handle.close()
        if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
        try FileManager.default.moveItem(at: partial, to: url)
    }

    public func discard() {
        try? handle.close()
        try? FileManager.default.removeItem(at: partial)
    }

    /// Runs `body` with the file; it is left in place only when `body` succeeded.
    public static func writing<T>(_ url: URL, _ body: (PartialFile) async throws -> T) async throws -> T {
        let file = try PartialFile(url)
        do {
            let result = try await body(file)
            try file.close()
            return result
        } catch {
            file.discard()
            throw error
        }
    }
}
