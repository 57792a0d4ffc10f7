import ArgumentParser
import CTIPCore
import CTIPStorage
import Foundation

struct OversightCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oversight",
        abstract: "Programme oversight: the Technical Intern Training Program, Specified Skilled Workers and Employment for Skill Development.",
        discussion: """
        The organisations, inspections, actions and agreements of the bundle's oversight files \
        (organisations.csv, inspections.csv, actions.csv, agreements.csv; see `ctip import`).

        `stats` prints the figures; `report` writes them into the annual report's sentences \
        (sections 3 (3), 5 (1) and 7 (1)), in English or Japanese.

        Examples:
          ctip oversight stats --fiscal-year 2024
          ctip oversight report --fiscal-year 2024 --language ja
        """,
        subcommands: [OversightStatsCommand.self, OversightReportCommand.self])
}

struct OversightStatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count organisations licensed, inspected and sanctioned over a fiscal year, a calendar year or any period.",
        discussion: """
        Organisations are counted once however many inspections or actions they had in the period; \
        actions once per row; licences and agreements as they stand on the period's last day. Fiscal \
        year 2024 is April 1, 2024 to March 31, 2025. The keys are those of shared/spec/oversight.md.

        Examples:
          ctip oversight stats --fiscal-year 2024
          ctip oversight stats --year 2024 --json
          ctip oversight stats --from 2024-01-01 --to 2024-06-30
        """)

    @Option(help: "A fiscal year: 2024 is April 2024 to March 2025.") var fiscalYear: Int?
    @Option(help: "A calendar year.") var year: Int?
    @Option(help: "The first day of a period (YYYY-MM-DD), with --to.") var from: String?
    @Option(help: "The last day of a period (YYYY-MM-DD), with --from.") var to: String?
    @Flag(help: "Print JSON (the keys of oversight.md) instead of a table.") var json = false
    @OptionGroup var database: DatabaseOptions

    /// The period asked for: exactly one of --fiscal-year, --year, or --from with --to.
    func period() throws -> OversightPeriod {
        switch (fiscalYear, year, from, to) {
        case (let fiscal?, nil, nil, nil):
            guard (1990...2200).contains(fiscal), let period = OversightPeriod.fiscalYear(fiscal) else {
                throw ValidationError("--fiscal-year: \(fiscal) is not a year such as 2024")
            }
            return period
        case (nil, let calendar?, nil, nil):
            guard (1990...2200).contains(calendar), let period = OversightPeriod.year(calendar) else {
                throw ValidationError("--year: \(calendar) is not a year such as 2024")
            }
            return period
        case (nil, nil, let from?, let to?):
            guard let start = Day(iso: from) else { throw ValidationError("--from: `\(from)` is not a date (YYYY-MM-DD)") }
            guard let end = Day(iso: to) else { throw ValidationError("--to: `\(to)` is not a date (YYYY-MM-DD)") }
            guard let period = OversightPeriod(from: start, to: end) else { throw ValidationError("--to: \(to) is before --from \(from)") }
            return period
        default:
            throw ValidationError("say which period: --fiscal-year N, --year N, or --from DATE --to DATE (one of them)")
        }
    }

    func validate() throws { _ = try period() }

    func run() async throws {
        let period = try period()
        let figures = try await withStorage(try database.resolved()) { storage in
            try await OversightStatisticsQuery(sql: storage.database.sql).figures(period)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.keyEncodingStrategy = .convertToSnakeCase
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            FileHandle.standardOutput.write(try encoder.encode(figures))
            print()
            return
        }
        print("Programme oversight, \(figures.from) to \(figures.to)")
        let width = figures.rows.map(\.key.count).max() ?? 0
        for (key, value) in figures.rows {
            print(key.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + Numerals.grouped(value))
        }
    }
}

struct OversightReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The annual report's oversight sentences for a fiscal year, every figure computed from the records.",
        discussion: """
        The paragraphs of sections 3 (3) i), iii), iv) and v) of "Measures to Combat Trafficking in \
        Persons" that state oversight figures, and their repeats in 5 (1) vi), 5 (1) vii) and \
        7 (1) ii) c), each headed by its section. As the report counts them: the OTIT's inspections, \
        revocations and sending organisations reported over the fiscal year (2024: April 1, 2024 to \
        March 31, 2025), supervising organisations licensed and MOCs in force on its last day, labour \
        inspection and joint inspections over the calendar year (2024). A repeated paragraph prints the \
        same figures as the original. --json adds both sets of figures (the keys of `ctip oversight stats`).

        Examples:
          ctip oversight report --fiscal-year 2024
          ctip oversight report --fiscal-year 2024 --language ja
          ctip oversight report --fiscal-year 2024 --json
        """)

    @Option(help: "A fiscal year: 2024 is April 2024 to March 2025 (labour inspection: calendar 2024).") var fiscalYear: Int
    @Option(name: [.customLong("language"), .customLong("lang")], help: "The language of the sentences: en or ja.") var language: Language = .en
    @Flag(help: "Print JSON (fiscal_year, language, paragraphs, and the fiscal and calendar figures) instead of text.") var json = false
    @OptionGroup var database: DatabaseOptions

    func periods() throws -> (fiscal: OversightPeriod, calendar: OversightPeriod) {
        guard (1990...2200).contains(fiscalYear), let periods = OversightReport.periods(fiscalYear: fiscalYear) else {
            throw ValidationError("--fiscal-year: \(fiscalYear) is not a year such as 2024")
        }
        return periods
    }

    func validate() throws { _ = try periods() }

    func run() async throws {
        let periods = try periods()
        let (fiscal, calendar) = try await withStorage(try database.resolved()) { storage -> (OversightFigures, OversightFigures) in
            let query = OversightStatisticsQuery(sql: storage.database.sql)
            let fiscal = try await query.figures(periods.fiscal)
            let calendar = try await query.figures(periods.calendar)
            return (fiscal, calendar)
        }
        let report = OversightReport(fiscalYear: fiscalYear, fiscal: fiscal, calendar: calendar)
        if json {
            let encoder = JSONEncoder()
            encoder.keyEncodingStrategy = .convertToSnakeCase
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            FileHandle.standardOutput.write(try encoder.encode(report.json(language)))
            print()
            return
        }
        print(report.text(language))
    }
}
