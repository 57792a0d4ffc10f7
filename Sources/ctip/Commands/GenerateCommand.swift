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

        Example: ctip generate --victims 1000000 --suspects 1000000 --years 2001-2024 --seed 1 ./big
        """)

    @Option(help: "Number of victims.") var victims: Int
    @Option(help: "Number of suspects (each with a cleared case, charges and a trial when prosecuted).") var suspects: Int
    @Option(help: "Years to spread the records over, FIRST-LAST.") var years = "2001-2024"
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The folder to write.", completion: .directory) var directory: String

    func validate() throws {
        guard victims >= 0, suspects >= 0 else { throw ValidationError("--victims and --suspects must not be negative") }
        _ = try yearRange()
    }

    func yearRange() throws -> ClosedRange<Int> {
        let parts = years.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2, parts[0] <= parts[1], parts[0] >= 1900, parts[1] <= 2200 else {
            throw ValidationError("--years: `\(years)` is not a range such as 2001-2024")
        }
        return parts[0]...parts[1]
    }

    func run() throws {
        let bundle = SyntheticBundle(victims: victims, suspects: suspects, years: try yearRange(), seed: seed)
        let writer = try BundleFileWriter(directory: URL(fileURLWithPath: directory),
                                          files: [.cases, .victims, .suspects, .charges, .trials, .support])
        try bundle.generate { file, record in try writer.write(record, to: file) }
        try writer.close()
        for file in BundleFile.allCases { if let count = writer.counts[file] { print("\(file.fileName): \(count) rows") } }
    }
}
