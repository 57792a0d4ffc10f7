import ArgumentParser
import CTIPStorage
import CTIPWeb
import Foundation

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Load the reference data into the embedded database and serve it.",
        discussion: """
        Makes ctip.sqlite if there is none, imports the reference bundle shipped with CTIP (the statistics \
        of 2023 and 2024 rebuilt from the annual report approved in 2025, and published yearly totals from \
        2001) and serves it. Importing is idempotent, so running demo again changes nothing.

        Example: swift run ctip demo --port 8080
        """)

    @OptionGroup var server: ServerOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let url = try database.resolved()
        guard try await importBundle(at: ReferenceBundle.directory, into: url) != nil else { throw exitDataError }
        try await serve(WebConfiguration(database: url, host: server.host, port: server.port))
    }
}
