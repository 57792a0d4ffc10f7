import ArgumentParser
import CTIPCore
import CTIPStorage
import Foundation

struct MeasuresCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measures",
        abstract: "The registers of the measures: materials, campaigns, trainings, funding, agreements, enforcement, consultations.",
        discussion: """
        Each register is one CSV file (docs/measures.md): materials.csv, distributions.csv, campaigns.csv, \
        trainings.csv, funding.csv, agreements.csv, engagements.csv, legal-assistance.csv, enforcement.csv, \
        consultations.csv, series.csv. Nothing in them is about a person.

        Examples:
          ctip measures import ./measures
          ctip measures export ./measures-out
          ctip measures stats --fiscal-year 2024
          ctip measures stats --year 2024 --json
        """,
        subcommands: [MeasuresImportCommand.self, MeasuresExportCommand.self, MeasuresStatsCommand.self])
}

struct MeasuresImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a folder of register files, all or nothing.",
        discussion: """
        Every problem is printed as FILE:LINE: COLUMN: message on standard error; then nothing is written \
        and the exit status is 65. A row whose key is already stored replaces it, so importing the same \
        folder twice changes nothing.
        """)

    @Argument(help: "The folder holding the register files.", completion: .directory) var directory: String
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let url = try database.resolved()
        guard try await importMeasures(at: URL(fileURLWithPath: directory), into: url) else { throw exitDataError }
    }
}

/// Imports a folder of register files and prints a line per file; on rejected data prints every problem.
func importMeasures(at directory: URL, into url: DatabaseURL) async throws -> Bool {
    do {
        let counts = try await withStorage(url) { storage in try await MeasureStore(database: storage.database).importDirectory(directory) }
        for (file, rows) in counts.sorted(by: { $0.key < $1.key }) { print("\(file.fileName): \(rows) rows imported") }
        return true
    } catch let rejected as BundleRejected {
        printRejected(rejected)
        return false
    } catch let error as StorageError {
        printError("error: \(error)")
        return false
    }
}

struct MeasuresExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every register's file into a folder (importing it again changes nothing).")

    @Argument(help: "The folder to write (made if need be).", completion: .directory) var directory: String
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let target = URL(fileURLWithPath: directory)
        try await withStorage(try database.resolved()) { storage in try await MeasureStore(database: storage.database).export(to: target) }
        print("wrote \(MeasureFile.allCases.count) register files to \(target.path)")
    }
}

struct MeasuresStatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Print the registers' figures for the annual report, for a calendar or a fiscal year.",
        discussion: """
        Each figure with its key, what it counts, its value (a count with its unit, or an amount in the \
        currency it was given in — never converted), its period, whether it is preliminary and its source. \
        With --fiscal-year N, also the poster statistics of Figure 14, computed from the section-2 records \
        of year N-1 (the FY2024 poster quotes 2023).

        Examples:
          ctip measures stats --fiscal-year 2024
          ctip measures stats --year 2024 --json
        """)

    @Option(help: "A calendar year.") var year: Int?
    @Option(help: "A fiscal year: 2024 is April 2024 to March 2025.") var fiscalYear: Int?
    @Flag(help: "Print JSON instead of lines.") var json = false
    @OptionGroup var database: DatabaseOptions

    func period() throws -> MeasurePeriod {
        switch (year, fiscalYear) {
        case (let year?, nil) where (1900...2200).contains(year): return .year(year)
        case (nil, let fiscal?) where (1900...2200).contains(fiscal): return .fiscalYear(fiscal)
        case (_?, nil): throw ValidationError("--year: \(year!) is not a year such as 2024")
        case (nil, _?): throw ValidationError("--fiscal-year: \(fiscalYear!) is not a year such as 2024")
        default: throw ValidationError("say which period: --year N or --fiscal-year N (one of them)")
        }
    }

    func validate() throws { _ = try period() }

    func run() async throws {
        let period = try period()
        let figures = try await withStorage(try database.resolved()) { storage in
            var figures = MeasureFigures.compute(try await MeasureStore(database: storage.database).rows(), for: period)
            if case .fiscalYear(let fiscal) = period {
                let year = PosterStatistics.posterYear(forFiscalYear: fiscal)
                let facts = try await AnnualReports(database: storage.database).facts(year: year, asOf: Day.reportCutOff(forDataYear: year))
                if facts.current.hasRecords { figures += PosterStatistics(year: year, facts: facts.current).figures }
            }
            return figures
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            FileHandle.standardOutput.write(try encoder.encode(figures.map(MeasureFigureJSON.init)))
            print()
        } else {
            for figure in figures {
                print("\(figure.key)\t\(figure.labelEN)\t\(figure.figure.text(.en))\t\(figure.figure.period.text(.en))\t\(figure.figure.source)")
            }
        }
    }
}
