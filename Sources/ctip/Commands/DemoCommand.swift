import ArgumentParser
import CTIPStorage
import CTIPWeb
import Foundation

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Load the reference data into the embedded database and serve it.",
        discussion: """
        Makes ctip.sqlite if there is none, imports the reference bundle shipped with CTIP (the statistics \
        of 2023 and 2024 rebuilt from the annual report approved in 2025, and published yearly totals from \
        2001) and serves it. Importing is idempotent, so running demo again changes nothing. On a loopback \
        address it also makes one demo account per role (their addresses and the demo's one password are \
        printed at every start) and synthetic, clearly marked DEMO case work, so every staff page has \
        something on it. `ctip serve` never does either.

        Example: swift run ctip demo --port 8080
        """)

    @Option(help: ArgumentHelp("A published edition of the whole report to load as that of 2024 (the seed: ../shared/seed/000_d5bf70a9649b1a73.txt).",
                               valueName: "FILE"), completion: .file())
    var edition: String?
    @OptionGroup var server: ServerOptions
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var dataKey: DataKeyOptions

    func run() async throws {
        let url = try database.resolved()
        guard try await importBundle(at: ReferenceBundle.directory, into: url) != nil else { throw exitDataError }
        // The programme-oversight records, generated from the seed's totals (`ctip oversight stats --fiscal-year 2024`).
        let oversight = try ReferenceBundle.writeOversightFiles()
        defer { try? FileManager.default.removeItem(at: oversight) }
        guard try await importBundle(at: oversight, into: url) != nil else { throw exitDataError }
        // The registers of the measures: every figure the report states outside section 2 (`ctip measures stats`).
        guard try await importMeasures(at: ReferenceBundle.measuresDirectory, into: url) else { throw exitDataError }
        // The whole report's text is not part of CTIP: it stays in the file it came from.
        if let edition { try await loadEdition(URL(fileURLWithPath: edition), into: url) }
        let cipher = try dataKey.cipher() ?? demoCipher(for: url)
        if DemoAccounts.isLoopback(server.host) {
            try await DemoAccounts.prepare(url: url, cipher: cipher)
        } else {
            print("note: demo accounts are made only when the demo listens on a loopback address (127.0.0.1, ::1); make accounts with ctip users add")
        }
        try await serve(WebConfiguration(database: url, host: server.host, port: server.port, cipher: cipher, secureCookies: server.secureCookies, trustedProxies: server.trustedProxies))
    }

    /// The edition as that of 2024 (once: a demo database that already holds it, perhaps published since,
    /// keeps it), and the 2025 draft started from it, so that the secretariat's board has a year to work on.
    func loadEdition(_ file: URL, into url: DatabaseURL) async throws {
        let held = try await withStorage(url) { storage in try await WholeReportStore(database: storage.database).years() }
        if held.contains(2024) {
            print("the whole report of 2024 is already in the demo database; \(file.lastPathComponent) was not read again")
        } else if try await !importEdition(file: file, year: 2024, approvedOn: nil, into: url) {
            throw exitDataError
        }
        if !held.contains(2025) {
            let (_, draft) = try await withStorage(url) { storage in try await WholeReportStore(database: storage.database).startDraft(year: 2025) }
            print("the 2025 report: a draft from the 2024 edition — \(draft.contributions.count) contributions carried forward to their ministries (/staff/annual-report)")
        }
    }

    /// The demo keeps its data key beside an SQLite file (`ctip.sqlite.key`, readable by its owner
    /// only), made on first use. A deployment gives its key with --data-key-file or CTIP_DATA_KEY.
    func demoCipher(for url: DatabaseURL) throws -> FieldCipher? {
        guard case .sqlite(let path) = url else { return nil }
        let keyPath = path + ".key"
        if !FileManager.default.fileExists(atPath: keyPath) {
            let line = "demo:\(FieldCipher.newKey().base64EncodedString())\n"
            guard FileManager.default.createFile(atPath: keyPath, contents: Data(line.utf8), attributes: [.posixPermissions: 0o600]) else {
                throw ValidationError("cannot write the demo data key \(keyPath)")
            }
            print("made a data key for the demo: \(keyPath)")
        }
        return try FieldCipher(keyText: try String(contentsOfFile: keyPath, encoding: .utf8))
    }
}
