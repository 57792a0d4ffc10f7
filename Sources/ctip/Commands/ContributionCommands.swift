import ArgumentParser
import CTIPCore
import CTIPStorage
import Foundation

struct ImportContributionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-contributions",
        abstract: "Import ministries' contribution files (Markdown with a front matter) into a year's whole report, all or nothing.",
        discussion: """
        Each FILE is one contribution (docs/contributions.md); a folder stands for the .md files in it. \
        Every file is checked against the year's outline and CTIP's agency codes; any problem in any file is \
        printed as FILE:LINE: message on standard error, nothing is written and the exit status is 65. A \
        contribution whose id is already in the edition is replaced; its placements follow `item` and `also`.

        Examples:
          ctip report export-contributions --year 2025 contributions/
          ctip report import-contributions --year 2025 contributions/
          ctip report import-contributions --year 2025 mofa-2025-visa-network.md
        """)

    @Option(help: "The data year of the edition the contributions are written for.") var year: Int
    @Argument(help: "Contribution files (.md), or folders of them.", completion: .file()) var files: [String]
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard (1900...2200).contains(year) else { throw ValidationError("--year \(year) is not a year between 1900 and 2200") }
        guard !files.isEmpty else { throw ValidationError("name at least one contribution file or folder") }
    }

    func run() async throws {
        // The files named, a folder standing for its .md files.
        var sources: [(file: String, text: String)] = []
        var unreadable = false
        for argument in files {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                printError("error: \(argument): no such file or folder")
                unreadable = true
                continue
            }
            var paths: [String] = []
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []
                paths = names.filter { $0.lowercased().hasSuffix(".md") && !$0.hasPrefix(".") }.sorted()
                    .map { argument.hasSuffix("/") ? argument + $0 : argument + "/" + $0 }
                if paths.isEmpty {
                    printError("error: \(argument): no .md file in this folder")
                    unreadable = true
                }
            } else {
                paths = [argument]
            }
            for path in paths {
                do {
                    let text = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
                    sources.append((file: path, text: text))
                } catch {
                    printError("\(path):1: cannot read the file as UTF-8 text (\(error.localizedDescription))")
                    unreadable = true
                }
            }
        }
        if unreadable {
            printError("nothing was imported")
            throw exitDataError
        }

        let year = self.year, inputs = sources
        let outcome: Result<[String], EditionRejected>
        do {
            outcome = try await importContributions(inputs, year: year, into: try database.resolved())
        } catch let error as WholeReportError {
            printError("error: \(error)")
            printError("nothing was imported")
            throw exitDataError
        }
        switch outcome {
        case .success(let lines):
            lines.forEach { print($0) }
        case .failure(let rejected):
            for issue in rejected.issues { printError(issue.description) }
            printError("\(rejected.issues.count) problem\(rejected.issues.count == 1 ? "" : "s") found; nothing was imported")
            throw exitDataError
        }
    }
}

/// Checks every file against the year's edition and, when none has a problem, applies them all and saves the
/// edition: a line per file; otherwise every problem, and nothing is written.
func importContributions(_ inputs: [(file: String, text: String)], year: Int, into url: DatabaseURL) async throws
    -> Result<[String], EditionRejected> {
    try await withStorage(url) { storage -> Result<[String], EditionRejected> in
        let store = WholeReportStore(database: storage.database)
        guard let edition = try await store.load(year: year) else {
            throw ValidationError("no edition of \(year) yet: import the last published edition first (`ctip report import-edition`)")
        }
        var agencies = Set(StandardAgencies.all().map(\.code))
        for row in try await storage.database.sql.select().column("code").from("agencies").all() {
            agencies.insert(try row.decode(column: "code", as: String.self))
        }
        let outline = Set(edition.outline.map(\.number.description))

        var issues: [EditionIssue] = []
        var parsed: [(file: String, text: String, parsed: ContributionFile.ParsedContribution)] = []
        for source in inputs {
            switch ContributionFile.parse(source.text, file: source.file, outline: outline, agencies: agencies, forYear: year) {
            case .success(let contribution): parsed.append((file: source.file, text: source.text, parsed: contribution))
            case .failure(let rejected): issues += rejected.issues
            }
        }
        issues += ContributionFile.duplicateIdentifiers(parsed)
        issues += ContributionFile.duplicateFigureKeys(parsed, edition: edition)
        guard issues.isEmpty else { return .failure(EditionRejected(issues: issues)) }

        var before: [String: Contribution] = [:]
        for contribution in edition.contributions where before[contribution.id] == nil { before[contribution.id] = contribution }
        let updated = ContributionFile.apply(parsed.map { $0.parsed }, to: edition)
        var after: [String: Contribution] = [:]
        for contribution in updated.contributions { after[contribution.id] = contribution }
        // The edition keeps the name of the file it was read from: `check` locates its findings there.
        let source = try await store.source(year: year) ?? "contributions"
        try await store.save(updated, source: source)
        return .success(parsed.map { entry -> String in
            let contribution = entry.parsed.contribution
            let repeats = entry.parsed.also.isEmpty ? "" : ", repeated under " + entry.parsed.also.map(\.description).joined(separator: "; ")
            let state: String
            if let old = before[contribution.id] {
                state = old == after[contribution.id] ? "unchanged" : "replaced"
            } else {
                state = "added"
            }
            return "\(entry.file): \(contribution.id) \(state) at \(contribution.home)\(repeats)"
        })
    }
}

struct ExportContributionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-contributions",
        abstract: "Write each contribution of a year's whole report as a file (`<id>.md`) to edit and import again.",
        discussion: """
        One file per contribution (docs/contributions.md): its front matter names its item and, under \
        `also`, the items it is repeated under. Existing files of the same name are overwritten. Importing \
        the folder unchanged (`ctip report import-contributions`) changes nothing.

        Example: ctip report export-contributions --year 2025 contributions/
        """)

    @Option(help: "The data year of the edition.") var year: Int
    @Argument(help: "The folder to write (made if need be).", completion: .directory) var directory: String
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard (1900...2200).contains(year) else { throw ValidationError("--year \(year) is not a year between 1900 and 2200") }
    }

    func run() async throws {
        let year = self.year
        let edition: WholeEdition = try await withStorage(try database.resolved()) { storage in
            guard let loaded = try await WholeReportStore(database: storage.database).load(year: year) else {
                throw ValidationError("no edition of \(year) yet: import the last published edition first (`ctip report import-edition`)")
            }
            return loaded
        }
        let target = URL(fileURLWithPath: directory, isDirectory: true)
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        // Repeats in the order of the outline, then of their position under the item.
        let order = Dictionary(edition.outline.enumerated().map { ($1.number, $0) }, uniquingKeysWith: { first, _ in first })
        let repeats = Dictionary(grouping: edition.placements.filter(\.isRepeat), by: \.contributionID)
        for contribution in edition.contributions {
            let placements = (repeats[contribution.id] ?? []).sorted {
                (order[$0.item] ?? .max, $0.position) < (order[$1.item] ?? .max, $1.position)
            }
            var also: [OutlineNumber] = []
            for placement in placements where placement.item != contribution.home && !also.contains(placement.item) { also.append(placement.item) }
            let name = contribution.id.replacingOccurrences(of: "/", with: "-") + ".md"
            let figures = edition.figures.filter { $0.contributionID == contribution.id }
            try Data(ContributionFile.write(contribution, also: also, figures: figures).utf8).write(to: target.appendingPathComponent(name))
        }
        print("wrote \(edition.contributions.count) contribution file\(edition.contributions.count == 1 ? "" : "s") to \(target.path)")
    }
}
