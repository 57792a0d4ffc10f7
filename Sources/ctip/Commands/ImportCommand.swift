import ArgumentParser
import CTIPStorage
import Foundation

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a dataset bundle (a folder of CSV files), all or nothing.",
        discussion: """
        Validates every file first and reports every problem as FILE:LINE: COLUMN: message on standard \
        error; then nothing is written and the exit status is 65. Re-importing a row with an existing \
        identifier updates it, so importing the same bundle twice changes nothing. \
        The format: shared/spec/bundle.md.

        Example: ctip import ./bundle --database sqlite:ctip.sqlite
        """)

    @Argument(help: "The bundle's folder.", completion: .directory) var directory: String
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let url = try database.resolved()
        let summary = try await importBundle(at: URL(fileURLWithPath: directory), into: url)
        guard summary != nil else { throw exitDataError }
    }
}

/// Imports and prints a summary line per file; on rejected data prints every issue and returns nil.
func importBundle(at directory: URL, into url: DatabaseURL) async throws -> ImportSummary? {
    do {
        return try await withStorage(url) { (storage: StorageContext) async throws -> ImportSummary in
            var importer = BundleImporter(database: storage.database)
            let progress = TerminalProgress(label: "importing \(directory.lastPathComponent)")
            if let progress { importer.progress = { @Sendable fraction in progress.show(fraction) } }
            let summary = try await importer.importBundle(at: directory)
            progress?.finish()
            for file in summary.files { print("\(file.file.fileName): \(file.rows) rows imported") }
            for warning in summary.warnings { printError("warning: \(warning)") }
            return summary
        }
    } catch let rejected as BundleRejected {
        printRejected(rejected)
        return nil
    } catch let error as StorageError {
        printError("error: \(error)")
        return nil
    }
}

/// Every problem of rejected data on standard error, as FILE:LINE: COLUMN: message, then the count.
func printRejected(_ rejected: BundleRejected) {
    for issue in rejected.issues { printError(issue.description) }
    printError("\(rejected.issues.count) problem\(rejected.issues.count == 1 ? "" : "s") found; nothing was imported")
}

/// A one-line progress bar on standard error, only when it is a terminal.
final class TerminalProgress: Sendable {
    let label: String
    init?(label: String) {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        self.label = label
    }
    func show(_ fraction: Double) {
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label) \(bar) \(Int(fraction * 100))%".utf8))
    }
    func finish() { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
}
