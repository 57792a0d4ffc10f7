import ArgumentParser
import CTIPStorage
import Foundation

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the database as a dataset bundle.",
        discussion: """
        Writes every bundle file, rows in key order: two exports of the same data are byte-identical, \
        and the bundle re-imports into an empty database to the same content.

        Example: ctip export ./backup --database sqlite:ctip.sqlite
        """)

    @Argument(help: "The folder to write (created if missing; bundle files in it are replaced).", completion: .directory)
    var directory: String
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let url = try database.resolved()
        let counts = try await withStorage(url) { storage in
            try await BundleExporter(database: storage.database).exportBundle(to: URL(fileURLWithPath: directory))
        }
        for count in counts { print("\(count.file.fileName): \(count.rows) rows exported") }
    }
}
