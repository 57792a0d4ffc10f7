import ArgumentParser
import CTIPCore
import CTIPStorage
import Foundation

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a deterministic synthetic dataset bundle of any size.",
        discussion: """
        For benchmarks and tests: the same flags always give the same files. Distributions follow the \
        shape of Japan's statistics (mostly Japanese, female and minor victims of sexual exploitation; \
        most suspects prosecuted and found guilty). No real person is in it.

        --victims and --suspects write the case-level files (cases, victims, suspects, charges, trials, \
        support); --organisations and --inspections-per-year the programme-oversight files \
        (organisations, inspections, actions, agreements: 8 % supervising, 85 % implementing \
        organisations, …; about 40 % of inspections find a violation, some lead to orders). Either or \
        both. --years defaults to 2001-2024 for the case-level files and 2021-2025 for the oversight \
        files (whose dates cannot be in the future).

        Examples:
          ctip generate --victims 1000000 --suspects 1000000 --years 2001-2024 --seed 1 ./big
          ctip generate --organisations 50000 --inspections-per-year 100000 --years 2021-2025 ./oversight
        """)

    @Option(help: "Number of victims.") var victims: Int = 0
    @Option(help: "Number of suspects (each with a cleared case, charges and a trial when prosecuted).") var suspects: Int = 0
    @Option(help: "Number of organisations of the programme-oversight files (with their inspections, actions and the MOCs).")
    var organisations: Int = 0
    @Option(help: "Inspections of those organisations in each year (with --organisations).") var inspectionsPerYear: Int = 0
    @Option(help: "Years to spread the records over, FIRST-LAST (default: 2001-2024 for victims and suspects, 2021-2025 for organisations).")
    var years: String?
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The folder to write.", completion: .directory) var directory: String

    func validate() throws {
        guard victims >= 0, suspects >= 0, organisations >= 0, inspectionsPerYear >= 0 else {
            throw ValidationError("--victims, --suspects, --organisations and --inspections-per-year must not be negative")
        }
        guard victims > 0 || suspects > 0 || organisations > 0 else {
            throw ValidationError("nothing to generate: give --victims and --suspects, --organisations (with --inspections-per-year), or both")
        }
        guard inspectionsPerYear == 0 || organisations > 0 else {
            throw ValidationError("--inspections-per-year needs --organisations: there is no one to inspect")
        }
        _ = try yearRange(default: "2001-2024")
        if organisations > 0 {
            let range = try yearRange(default: "2021-2025")
            guard range.lowerBound <= SyntheticOversight.latestDay.year else {
                throw ValidationError("--years: oversight records cannot be dated in the future; the years must start by \(SyntheticOversight.latestDay.year), such as 2021-2025")
            }
        }
    }

    func yearRange(default fallback: String) throws -> ClosedRange<Int> {
        let text = years ?? fallback
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2, parts[0] <= parts[1], parts[0] >= 1900, parts[1] <= 2200 else {
            throw ValidationError("--years: `\(text)` is not a range such as 2001-2024")
        }
        return parts[0]...parts[1]
    }

    func run() throws {
        let caseLevel = victims > 0 || suspects > 0
        var files: [BundleFile] = []
        if caseLevel { files += [.cases, .victims, .suspects, .charges, .trials, .support] }
        if organisations > 0 { files += [.organisations, .inspections, .actions, .agreements] }
        let writer = try BundleFileWriter(directory: URL(fileURLWithPath: directory), files: files)
        if caseLevel {
            let bundle = SyntheticBundle(victims: victims, suspects: suspects, years: try yearRange(default: "2001-2024"), seed: seed)
            try bundle.generate { file, record in try writer.write(record, to: file) }
        }
        if organisations > 0 {
            let oversight = SyntheticOversight(organisations: organisations, inspectionsPerYear: inspectionsPerYear,
                                               years: try yearRange(default: "2021-2025"), seed: seed)
            try oversight.generate { file, record in try writer.write(record, to: file) }
        }
        try writer.close()
        for file in BundleFile.allCases { if let count = writer.counts[file] { print("\(file.fileName): \(count) rows") } }
    }
}
