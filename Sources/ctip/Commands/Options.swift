import ArgumentParser
import CTIPStorage
import Foundation
import Logging

struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Database URL: sqlite:///absolute/path.sqlite, sqlite:relative.sqlite or postgres://user:password@host:port/database.",
        discussion: "Default: $CTIP_DATABASE_URL, else ctip.sqlite in the working directory.", valueName: "URL"))
    var database: String?

    func resolved() throws -> DatabaseURL {
        do { return try DatabaseURL.resolve(database) }
        catch let error as DatabaseURL.Invalid { throw ValidationError(error.description) }
    }
}

struct ServerOptions: ParsableArguments {
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080
}

/// Runs `body` with a migrated database and always shuts the connections down.
func withStorage<T>(_ url: DatabaseURL, migrate: Bool = true, _ body: (StorageContext) async throws -> T) async throws -> T {
    var logger = Logger(label: "ctip")
    logger.logLevel = .warning
    let storage = StorageContext(url: url, logger: logger)
    do {
        if migrate { try await storage.migrate() }
        let result = try await body(storage)
        await storage.shutdown()
        return result
    } catch {
        await storage.shutdown()
        throw error
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Exit code for bad input data (sysexits' EX_DATAERR).
let exitDataError = ExitCode(65)
