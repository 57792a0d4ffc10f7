import ArgumentParser
import CTIPCore
import CTIPStorage
import Foundation

struct OpenDataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open-data",
        abstract: "Case-level data for others: the HTCDS 2.0 exchange, CTDC's k-anonymised format, differentially private synthetic data, UNODC GLOTIP rows.",
        discussion: """
        None of them carries a name, a date of birth, a document number, contact details, whereabouts, \
        free text, an exact date or a record's identifier (docs/open-data.md). The HTCDS exchange is \
        personal data all the same: only staff with the exportCaseData permission, audited. The others are \
        for publication; `ctip report publish` freezes them with the edition (/open-data).

        Examples:
          ctip open-data ctdc ctdc.csv --k 11
          ctip open-data synthetic synthetic.csv --epsilon 4 --seed 1
          ctip open-data glotip glotip.csv --year 2024
          ctip open-data htcds ./exchange --as supervisor@iom.example.org
        """,
        subcommands: [OpenDataCTDCCommand.self, OpenDataSyntheticCommand.self, OpenDataGLOTIPCommand.self, OpenDataHTCDSCommand.self])
}

/// `--from`/`--to` years of protection, both optional.
struct YearRangeOptions: ParsableArguments {
    @Option(name: .customLong("from-year"), help: "The first year of protection to include (default: the first).") var fromYear: Int?
    @Option(name: .customLong("to-year"), help: "The last year of protection to include (default: the last).") var toYear: Int?

    func range() throws -> ClosedRange<Int>? {
        guard fromYear != nil || toYear != nil else { return nil }
        let first = fromYear ?? 1, last = toYear ?? 9999
        guard first <= last else { throw ValidationError("--to-year \(last) is before --from-year \(first)") }
        return first...last
    }
}

struct OpenDataCTDCCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ctdc",
        abstract: "A k-anonymised dataset in the Counter Trafficking Data Collaborative's published columns.",
        discussion: """
        The quasi-identifiers (year of registration, gender, age band, citizenship, country of \
        exploitation) are generalised first — years to five-year spans, age bands to minor/adult, rare \
        citizenships to their region — choosing the least generalisation that leaves out at most \
        --max-suppressed of the records (the fewest possible when none does); then the records of \
        classes smaller than k are left out. The share left out is printed. CTDC's own k is 11.

        Example: ctip open-data ctdc ctdc.csv --k 11
        """)

    @Option(help: "Every combination of quasi-identifiers published is shared by at least k records.") var k = 11
    @Option(name: .customLong("max-suppressed"), help: "The share of records that may be left out to publish more detail, from 0 to 1.")
    var maximumSuppressed = 0.05
    @OptionGroup var years: YearRangeOptions
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The CSV file to write.", completion: .file()) var file: String

    func validate() throws {
        guard (1...1000).contains(k) else { throw ValidationError("--k: \(k) is not from 1 to 1000") }
        guard (0...1).contains(maximumSuppressed) else { throw ValidationError("--max-suppressed: \(maximumSuppressed) is not from 0 to 1") }
        _ = try years.range()
    }

    func run() async throws {
        let range = try years.range()
        let plan = try await withStorage(try database.resolved()) { storage in
            try await PartialFile.writing(URL(fileURLWithPath: file)) { output in
                try await OpenDataExports(database: storage.database).ctdc(k: k, maximumSuppressed: maximumSuppressed, years: range) { try output.write($0) }
            }
        }
        print("\(file): \(plan.summary)")
    }
}

struct OpenDataSyntheticCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synthetic",
        abstract: "Differentially private synthetic records in CTDC's columns.",
        discussion: """
        Counts every combination of up to three values of year, gender, age band, citizenship and form \
        of exploitation, adds Laplace noise calibrated to --epsilon (split evenly over the combinations' \
        lengths and the total), drops every combination whose noisy count is below --threshold, and \
        synthesises records from those noisy counts alone, as Microsoft's synthetic-data-showcase does. \
        Prints the privacy parameters and the utility: the largest and the mean error of every 1-, 2- and \
        3-way marginal against the real records. Without --seed the seed is drawn at random and never \
        shown: whoever knows it can recompute the noise.

        Example: ctip open-data synthetic synthetic.csv --epsilon 4
        """)

    @Option(help: "The privacy budget ε (smaller: more private, noisier).") var epsilon = 4.0
    @Option(help: "Combinations whose noisy count is below this are never reproduced.") var threshold = DPSynthesizer.defaultThreshold
    @Option(help: "The random seed (testing and benchmarks only: it must stay secret).") var seed: UInt64?
    @Option(name: .customLong("real-out"), help: ArgumentHelp("Also write the real records in the five attributes (benchmarks only: personal data).",
                                                              visibility: .hidden))
    var realOut: String?
    @OptionGroup var years: YearRangeOptions
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The CSV file to write.", completion: .file()) var file: String

    func validate() throws {
        guard epsilon > 0, epsilon <= 100 else { throw ValidationError("--epsilon: \(epsilon) is not above 0 and at most 100") }
        guard (1...1000).contains(threshold) else { throw ValidationError("--threshold: \(threshold) is not from 1 to 1000") }
        _ = try years.range()
    }

    func run() async throws {
        let range = try years.range()
        var generator = SystemRandomNumberGenerator()
        let seed = self.seed ?? generator.next()
        let release = try await withStorage(try database.resolved()) { storage in
            try await PartialFile.writing(URL(fileURLWithPath: file)) { output in
                let real = try realOut.map { try PartialFile(URL(fileURLWithPath: $0)) }
                do {
                    let release = try await OpenDataExports(database: storage.database)
                        .synthetic(epsilon: epsilon, threshold: threshold, seed: seed, years: range, write: { try output.write($0) },
                                   realOut: real.map { file in { try file.write($0) } })
                    try real?.close()
                    return release
                } catch {
                    real?.discard()
                    throw error
                }
            }
        }
        print("\(file): \(release.records) synthetic records from \(release.realRecords); ε = \(release.epsilon), δ = \(release.delta), threshold \(release.threshold), marginals up to \(release.reportingLength) values")
        print("noise scale by length: " + release.noiseScales.enumerated().map { "\($0.offset + 1): \(String(format: "%.2f", $0.element))" }.joined(separator: ", "))
        for error in release.utility {
            print("\(error.length)-way marginals: \(error.combinations) combinations, largest error \(String(format: "%.1f", error.largest)), mean \(String(format: "%.2f", error.mean))")
        }
    }
}

struct OpenDataGLOTIPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glotip",
        abstract: "UNODC GLOTIP rows for a data year: victims by sex, age and form of exploitation; persons suspected, prosecuted and convicted.",
        discussion: """
        The grand totals are the annual report's for that year: the rows are computed from the facts the \
        report is. Small counts follow CTIP's small-cell rule (docs/small-cells.md): a count from 1 to 4 \
        is hidden with whatever would give it back, each hidden cell written `<5`, GLOTIP's mark.

        Example: ctip open-data glotip glotip-2024.csv --year 2024
        """)

    @Option(help: "The data year.") var year: Int
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The CSV file to write.", completion: .file()) var file: String

    func validate() throws { guard (1900...2200).contains(year) else { throw ValidationError("--year: \(year) is not a year such as 2024") } }

    func run() async throws {
        let text = try await withStorage(try database.resolved()) { storage in try await OpenDataExports(database: storage.database).glotip(year: year) }
        try await PartialFile.writing(URL(fileURLWithPath: file)) { try $0.write(text) }
        print("\(file): \(text.split(separator: "\n").count - 1) rows")
    }
}

struct OpenDataHTCDSCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "htcds",
        abstract: "The IOM Human Trafficking Case Data Standard 2.0 files, for exchange with IOM and other agencies (personal data: exportCaseData, audited).",
        discussion: """
        Writes victims.csv, support.csv and perpetrators.csv in the standard's field names and code lists \
        (docs/htcds-mapping.md says for each field whether CTIP fills it, how, or why not). No identifying \
        field is ever written; each person gets a key drawn for this export only. With a data key, the \
        methods of control of the files whose screening the account's agency may see are included, each \
        read audited. The account must hold the exportCaseData permission (a supervisor of an agency that \
        protects victims); the export is audited under it.

        Example: ctip open-data htcds ./exchange --as supervisor@iom.example.org
        """)

    @Option(name: .customLong("as"), help: "The e-mail of the staff account making the export.") var account: String
    @OptionGroup var dataKey: DataKeyOptions
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The folder to write.", completion: .directory) var directory: String

    func run() async throws {
        let cipher = try dataKey.cipher()
        let counts = try await withStorage(try database.resolved()) { storage in
            guard let found = try await AccountStore(database: storage.database).account(email: account) else {
                throw ValidationError("--as: no account \(account) (see `ctip users list`)")
            }
            do {
                return try await OpenDataExports(database: storage.database)
                    .htcds(to: URL(fileURLWithPath: directory), by: found.identity, cipher: cipher, now: { Date() })
            } catch CaseWorkError.forbidden {
                throw ValidationError("--as: \(account) may not export case data (the exportCaseData permission: a supervisor of an agency that protects victims); the refusal is audited")
            }
        }
        print("\(directory): victims.csv \(counts.victims) rows (\(counts.withMethodsOfControl) with methods of control), support.csv \(counts.support), perpetrators.csv \(counts.perpetrators)")
        if cipher == nil { print("no data key: methods of control are not included (set CTIP_DATA_KEY or --data-key-file)") }
    }
}
