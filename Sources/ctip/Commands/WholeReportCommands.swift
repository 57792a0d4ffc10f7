import ArgumentParser
import CTIPCore
import CTIPStorage
import Foundation

struct ImportEditionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-edition",
        abstract: "Read a published edition of the whole report back from its text: outline, contributions, repeats, tables and figures.",
        discussion: """
        FILE is a report in the seed's form (shared/seed: headings `N`, `(n)`, `i)`, `a)`, bullets, \
        "[Repeated from …]" markers, the figure and table captions with their credits). All or nothing: \
        every problem is printed as FILE:LINE: message and nothing is written (exit status 65). The text \
        stays in the database, not in CTIP's sources. Section 2 is not read from the file: CTIP computes it.

        Example: ctip report import-edition --year 2024 ../shared/seed/000_d5bf70a9649b1a73.txt
        """)

    @Option(help: "The data year the edition reports on (2024 for the report approved in 2025).") var year: Int
    @Option(name: .customLong("approved-on"), help: ArgumentHelp("The day the Council approved it (YYYY-MM-DD).",
                                                                   discussion: "Default: the date on the file's title page.", valueName: "DATE"))
    var approvedOn: String?
    @Argument(help: "The edition's text.", completion: .file()) var file: String
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard (1900...2200).contains(year) else { throw ValidationError("--year \(year) is not a year between 1900 and 2200") }
        if let approvedOn, Day(iso: approvedOn) == nil { throw ValidationError("--approved-on `\(approvedOn.prefix(40))` is not a date YYYY-MM-DD") }
    }

    func run() async throws {
        guard try await importEdition(file: URL(fileURLWithPath: file), year: year, approvedOn: approvedOn.flatMap { Day(iso: $0) },
                                      into: try database.resolved()) else { throw exitDataError }
    }
}

/// Parses and saves an edition; on a rejected file prints every problem and returns false.
func importEdition(file: URL, year: Int, approvedOn: Day?, into url: DatabaseURL) async throws -> Bool {
    let text: String
    do { text = try String(contentsOf: file, encoding: .utf8) } catch {
        printError("error: cannot read \(file.path): \(error.localizedDescription)")
        return false
    }
    do {
        let edition = try EditionParser.parse(text, file: file.lastPathComponent, year: year,
                                              approvedOn: approvedOn ?? EditionParser.approvalDay(text))
        try await withStorage(url) { storage in try await WholeReportStore(database: storage.database).save(edition, source: file.lastPathComponent) }
        let repeats = edition.placements.filter(\.isRepeat).count
        print("\(file.lastPathComponent): the \(year) edition — \(edition.outline.count) headings, \(edition.contributions.count) contributions, "
              + "\(repeats) repeats, \(edition.exhibits.count) tables and figures" + (edition.approvedOn.map { ", approved on \($0)" } ?? ""))
        return true
    } catch let rejected as EditionRejected {
        for issue in rejected.issues { printError(issue.description) }
        printError("\(rejected.issues.count) problem\(rejected.issues.count == 1 ? "" : "s") found; nothing was imported")
        return false
    }
}

struct CheckReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "List what is inconsistent in a year's whole report, each with its item and line; exit status 1 when anything is found.",
        discussion: """
        Unresolved cross-references ("see …", "[Repeated from …]" naming nothing), numbers in the text \
        that contradict what CTIP computes from its records (section 2's facts, the oversight records), \
        paragraphs missing in one language, repeats whose printed copy differs from their source, \
        contributions not accepted, tables and figures never referenced. The check reports; it changes \
        nothing: the secretariat decides.

        Example: ctip report check --year 2024
        """)

    @Option(help: "The data year of the edition.") var year: Int
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let findings: [CheckFinding] = try await withStorage(try database.resolved()) { storage in
            guard let findings = try await WholeReportStore(database: storage.database).check(year: year) else {
                throw ValidationError("no edition of the whole report of \(year): `ctip report import-edition --year \(year) FILE` reads one")
            }
            return findings
        }
        for finding in findings { print(finding.description) }
        printError(findings.isEmpty ? "the \(year) report: nothing found" : "the \(year) report: \(findings.count) finding\(findings.count == 1 ? "" : "s")")
        if !findings.isEmpty { throw ExitCode(1) }
    }
}

struct ApproveReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Record the day the Council approved the year's whole report; `ctip report publish` then freezes it.",
        discussion: "Example: ctip report approve --year 2025 --on 2026-08-25")

    @Option(help: "The data year of the edition.") var year: Int
    @Option(help: ArgumentHelp("The day of the Council's approval (YYYY-MM-DD).", valueName: "DATE")) var on: String
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard Day(iso: on) != nil else { throw ValidationError("--on `\(on.prefix(40))` is not a date YYYY-MM-DD (for example 2026-08-25)") }
    }

    func run() async throws {
        try await withStorage(try database.resolved()) { storage in
            let store = WholeReportStore(database: storage.database)
            guard try await store.load(year: year) != nil else {
                throw ValidationError("no edition of the whole report of \(year): `ctip report draft --year \(year)` starts one")
            }
            try await store.approve(year: year, on: Day(iso: on)!)
        }
        print("the \(year) report: approved by the Council on \(on); `ctip report publish --year \(year)` freezes it")
    }
}

struct DraftReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draft",
        abstract: "Start a year's whole report from the last edition before it: every contribution carried forward as its ministry's draft.",
        discussion: """
        The outline, the tables and figures and every contribution (with its repeats) are carried forward; \
        each contribution is its ministry's draft, its entered figures still the year before's until it is \
        confirmed (`ctip report check` lists them). Section 2 and section 8 are computed from the new \
        year's records. Refused when the year already has an edition.

        Example: ctip report draft --year 2025
        """)

    @Option(help: "The data year of the new draft.") var year: Int
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let (from, draft) = try await withStorage(try database.resolved()) { storage -> (Int, WholeEdition) in
            do {
                return try await WholeReportStore(database: storage.database).startDraft(year: year)
            } catch let refusal as WholeReportStore.DraftRefusal {
                throw ValidationError(refusal.message(.en))
            }
        }
        print("the \(year) report: a draft from the \(from) edition — \(draft.contributions.count) contributions carried forward to their ministries")
    }
}
