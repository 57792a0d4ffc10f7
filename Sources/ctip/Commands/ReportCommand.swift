import ArgumentParser
import CTIPCore
import CTIPStorage
import Foundation

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The annual report's statistics (section 2), computed from the records; publish and list editions.",
        discussion: """
        `ctip report --year 2024` writes section 2 of the report approved in 2025: victims, suspects, \
        prosecutions, trials as of March 31, 2025, the carry-over of earlier reports, Tables 2 onwards and \
        Figures 3–7, in English or Japanese, as text, Markdown, HTML (a printable A4 page) or JSON (every \
        number the prose is written from).

        Examples:
          ctip report --year 2024
          ctip report --year 2024 --lang ja --format html --output report-2024-ja.html
          ctip report publish --year 2024
          ctip report list
          ctip report import-edition --year 2024 ../shared/seed/000_d5bf70a9649b1a73.txt
          ctip report --year 2024 --whole --lang ja --format html --output report-2024-ja.html
          ctip report check --year 2024
        """,
        subcommands: [RenderReportCommand.self, PublishReportCommand.self, ListReportsCommand.self, ImportEditionCommand.self, CheckReportCommand.self,
                      DraftReportCommand.self, ApproveReportCommand.self, ImportContributionsCommand.self, ExportContributionsCommand.self,
                      ReportStatusCommand.self, RequestContributionCommand.self, ReviewContributionCommand.self],
        defaultSubcommand: RenderReportCommand.self)
}

extension ReportFormat: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}

struct ReportYearOptions: ParsableArguments {
    @Option(help: "The data year: 2024 is the statistics of 2024, the report approved in 2025.")
    var year: Int
    @Option(name: .customLong("as-of"), help: ArgumentHelp("The trial-status cut-off (YYYY-MM-DD).",
                                                             discussion: "Default: March 31 of the year after --year.", valueName: "DATE"))
    var asOf: String?

    func validate() throws {
        guard (1900...2200).contains(year) else { throw ValidationError("--year \(year) is not a year between 1900 and 2200") }
        if let asOf, Day(iso: asOf) == nil { throw ValidationError("--as-of `\(asOf.prefix(40))` is not a date YYYY-MM-DD (for example 2025-03-31)") }
    }

    var cutOff: Day? { asOf.flatMap { Day(iso: $0) } }
}

struct RenderReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Write the report of a year (the default: `ctip report --year Y` is `ctip report render --year Y`).",
        discussion: """
        When the year's edition is published, the report is recomputed from today's records and says \
        whether they still match the edition, and if not, what changed and by how much. --published \
        prints the frozen edition itself.

        Example: ctip report --year 2024 --format markdown --lang ja
        """)

    @OptionGroup var report: ReportYearOptions
    @Option(help: "The output format.") var format: ReportFormat = .text
    @Option(help: "The language of the prose, tables and labels.") var lang: Language = .en
    @Option(help: "Write to this file instead of standard output.", completion: .file()) var output: String?
    @Flag(help: "Print the published edition exactly as it was frozen.") var published = false
    @Option(help: ArgumentHelp("With --whole --published: a revision of the published whole report (2, 3, …: each correction after publication).",
                               valueName: "N")) var revision: Int?
    @Flag(help: "The whole report: sections 1–8 (the year's edition, `ctip report import-edition`), section 2 computed from the records.")
    var whole = false
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let url = try database.resolved()
        let text: String = try await withStorage(url) { storage in
            let reports = AnnualReports(database: storage.database, readers: storage.readers)
            if whole, published {
                let store = WholeReportStore(database: storage.database)
                if let revision, revision > 1 {
                    guard let frozen = try await store.revisionFile(year: report.year, revision: revision, format: format, language: lang) else {
                        let held = try await store.revisions(year: report.year).map { String($0.number) }
                        throw ValidationError("--revision \(revision): the whole report of \(report.year) has no such revision"
                                              + (held.isEmpty ? " (it has not been corrected since its publication)" : " (revisions: \(held.joined(separator: ", ")))"))
                    }
                    return frozen
                }
                guard let frozen = try await store.publishedFile(year: report.year, format: format, language: lang) else {
                    throw ValidationError("the whole report of \(report.year) has not been published; `ctip report list` shows the editions")
                }
                return frozen
            }
            if whole {
                guard let edition = try await WholeReportStore(database: storage.database).load(year: report.year) else {
                    throw ValidationError("no edition of the whole report of \(report.year): `ctip report import-edition --year \(report.year) FILE` reads one")
                }
                let facts = try await reports.facts(year: report.year, asOf: report.cutOff ?? Day.reportCutOff(forDataYear: report.year))
                return try WholeReport(edition: edition, facts: facts.current.hasRecords ? facts : nil, language: lang).rendered(as: format)
            }
            if published {
                guard let frozen = try await reports.publishedFile(year: report.year, format: format, language: lang) else {
                    throw ValidationError("the report of \(report.year) has not been published; `ctip report list` shows the editions")
                }
                return frozen
            }
            let clock = ContinuousClock(), started = clock.now
            let computed = try await reports.report(year: report.year, asOf: report.cutOff, language: lang)
            let computedAt = clock.now
            for notice in computed.notices where notice.kind == .noRecords || notice.kind == .noPreviousYear {
                printError("note: \(notice.text)")
            }
            var banner: [String] = []
            if let (edition, revision) = try await reports.revision(of: computed) {
                banner = ReportBanner.lines(publishedAt: edition.publishedAt, contentHash: edition.contentHash, revision: revision, language: lang)
                if !revision.isEmpty { banner.forEach { printError("note: \($0)") } }
            }
            let rendered = try computed.rendered(as: format, banner: banner)
            // `CTIP_LOG_LEVEL=info` shows where a report's time goes (benchmarks/README.md).
            storage.logger.info("report timing", metadata: [
                "computing_s": (computedAt - started).loggedSeconds, "rendering_s": (clock.now - computedAt).loggedSeconds])
            return rendered
        }
        if let output {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output))
        } else {
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
        }
    }
}

struct PublishReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Freeze the report of a year as a published edition.",
        discussion: """
        Stores its numbers, its list of persons awaiting trial, every format in English and Japanese, a \
        timestamp and a SHA-256 content hash. A published edition never changes: the next year's \
        carry-over starts from its list, and later corrections of the records show as a revision.

        Example: ctip report publish --year 2024
        """)

    @OptionGroup var report: ReportYearOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let url = try database.resolved()
        do {
            let edition = try await withStorage(url) { storage in
                try await AnnualReports(database: storage.database).publish(year: report.year, asOf: report.cutOff, at: Date())
            }
            print("published the report of \(edition.year) (approved in \(edition.year + 1)), as of \(edition.asOf), at \(edition.publishedAt)")
            print(edition.contentHash)
        } catch let error as ReportEditionError {
            printError("error: \(error)")
            throw ExitCode.failure
        }
    }
}

struct ListReportsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the published editions, and whether the records still match them.",
        discussion: "Example: ctip report list")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let url = try database.resolved()
        let lines: [String] = try await withStorage(url) { storage in
            let reports = AnnualReports(database: storage.database, readers: storage.readers)
            var lines: [String] = []
            for edition in try await reports.editions() {
                let current = try await reports.report(year: edition.year, asOf: edition.asOf, language: .en)
                let revision = try ReportRevision(published: edition.report, current: current)
                let state = revision.isEmpty ? "records match" : "revised: \(revision.changes.count) figure\(revision.changes.count == 1 ? "" : "s") changed"
                lines.append("\(edition.year)\tas of \(edition.asOf)\tpublished \(edition.publishedAt)\t\(edition.contentHash)\t\(state)")
            }
            return lines
        }
        if lines.isEmpty { print("no published editions; publish one with `ctip report publish --year YEAR`") }
        lines.forEach { print($0) }
    }
}
