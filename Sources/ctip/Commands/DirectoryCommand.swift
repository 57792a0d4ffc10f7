import ArgumentParser
import CTIPCore
import CTIPStorage
import Foundation

struct DirectoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "directory",
        abstract: "Move the directory of consultation services in and out as CSV or JSON.",
        discussion: """
        A fresh database starts with the services of the annual report. Export them, edit the file, \
        import it back: the import replaces the whole directory, all or nothing.

        Example: ctip directory export services.csv && ctip directory import services.csv
        """,
        subcommands: [DirectoryImportCommand.self, DirectoryExportCommand.self])
}

enum DirectoryFileFormat: String, ExpressibleByArgument, CaseIterable {
    case csv, json

    /// `--format` if given, else the file's extension.
    static func of(_ path: String, given: DirectoryFileFormat?) throws -> DirectoryFileFormat {
        if let given { return given }
        if let format = DirectoryFileFormat(rawValue: URL(fileURLWithPath: path).pathExtension.lowercased()) { return format }
        throw ValidationError("\(path): cannot tell CSV from JSON by the name; end it in .csv or .json, or give --format")
    }
}

/// The FILE, --format and --database of both directory subcommands.
struct DirectoryFileOptions: ParsableArguments {
    @Argument(help: "The CSV or JSON file (export replaces it if it exists).", completion: .file()) var file: String
    @Option(help: "csv or json (default: by the file's extension).") var format: DirectoryFileFormat?
    @OptionGroup var database: DatabaseOptions

    func resolvedFormat() throws -> DirectoryFileFormat { try DirectoryFileFormat.of(file, given: format) }
}

struct DirectoryImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Replace the directory with the services in FILE (CSV or JSON).",
        discussion: """
        Every service needs id, name_en, name_ja, topics and seed (where in the annual report it comes \
        from); hours use the form of the README (e.g. "weekdays 17:00-22:00; sat,sun,holidays \
        09:00-21:00; closed 12-28..01-03"). A problem is reported as FILE:LINE: column: message (JSON: \
        FILE:services[N]: field: message) and nothing is changed. The import is written to the audit trail \
        with the services it added, changed or removed.

        Example: ctip directory import services.csv
        """)

    @OptionGroup var options: DirectoryFileOptions
    @Option(help: "Who imports, for the audit trail (default: $USER).") var actor = ProcessInfo.processInfo.environment["USER"] ?? "unknown"
    @Option(help: "The importer's agency, for the audit trail.") var agency = ""

    func run() async throws {
        let (file, format) = (options.file, try options.resolvedFormat())
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: file)) }
        catch { throw ValidationError("\(file): cannot be read (\(error.localizedDescription))") }
        let name = URL(fileURLWithPath: file).lastPathComponent
        let directory: HelpDirectory
        do {
            directory = format == .csv ? try HelpDirectory(csv: data, file: name) : try HelpDirectory(json: data, file: name)
        } catch {
            printError("\(error)")
            printError("nothing was imported")
            throw exitDataError
        }
        let changed = try await withStorage(try options.database.resolved()) { storage in
            let store = HelpDirectoryStore(database: storage.database)
            let changed = directory.changedServiceIDs(from: try await store.load())
            try await store.replace(with: directory)
            // The directory is public, not personal data, but who changed which service is still kept.
            try await AuditLog(database: storage.database).append(AuditEvent(
                at: Date(), actor: actor, agency: agency, action: .update, record: "help_services",
                fields: changed, purpose: "ctip directory import \(name)"))
            return changed
        }
        print("\(directory.services.count) services imported from \(name) (\(changed.count) added, changed or removed)")
    }
}

struct DirectoryExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the directory to FILE as CSV or JSON.",
        discussion: """
        In directory order; exporting twice gives the same bytes, and the file imports back unchanged.

        Example: ctip directory export services.json
        """)

    @OptionGroup var options: DirectoryFileOptions

    func run() async throws {
        let (file, format) = (options.file, try options.resolvedFormat())
        let directory = try await withStorage(try options.database.resolved()) { storage in
            try await HelpDirectoryStore(database: storage.database).load()
        }
        try (format == .csv ? directory.csv() : directory.json()).write(to: URL(fileURLWithPath: file))
        print("\(directory.services.count) services exported to \(file)")
    }
}
