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
    @Flag(help: "Mark session cookies Secure (set when CTIP is reached over HTTPS, directly or through a proxy).") var secureCookies = false
    @Option(name: .customLong("trusted-proxy"), help: ArgumentHelp(
        "The address of a reverse proxy whose X-Forwarded-For names the client (repeat for several).",
        discussion: "Only for counting the hot lines' rate limit per client; the proxy must overwrite the header (nginx: proxy_set_header X-Forwarded-For $remote_addr).",
        valueName: "ADDRESS"))
    var trustedProxies: [String] = []
}

/// Runs `body` with a migrated database and always shuts the connections down.
func withStorage<T>(_ url: DatabaseURL, migrate: Bool = true, _ body: (StorageContext) async throws -> T) async throws -> T {
    var logger = Logger(label: "ctip")
    // Warnings only by default; CTIP_LOG_LEVEL=info shows, e.g., where an import spends its time.
    logger.logLevel = ProcessInfo.processInfo.environment["CTIP_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .warning
    let storage = StorageContext(url: url, logger: logger)
    do {
        if migrate { try await storage.migrate() }
        let result = try await body(storage)
        await storage.shutdown()
        return result
    } catch {
        await storage.shutdown()
        // A server that does not answer or a file that cannot be written: say which, not a driver's dump.
        throw StorageOutage.classify(error, database: url) ?? DatabaseRefusal.readable(error)
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Exit code for bad input data (sysexits' EX_DATAERR).
let exitDataError = ExitCode(65)

/// Where the key that seals identity, contact and whereabouts comes from.
struct DataKeyOptions: ParsableArguments {
    @Option(name: .customLong("data-key-file"),
            help: "File of data keys, one `id:base64` per line, the last one sealing (or set CTIP_DATA_KEY to one base64 key).")
    var dataKeyFile: String?

    /// The configured keys, or nil when there are none.
    func cipher() throws -> FieldCipher? {
        if let dataKeyFile {
            do { return try FieldCipher(keyText: try String(contentsOfFile: dataKeyFile, encoding: .utf8)) }
            catch let error as FieldCipherError { throw ValidationError("\(dataKeyFile): \(error)") }
            catch { throw ValidationError("\(dataKeyFile): cannot read the data key file (\(error.localizedDescription))") }
        }
        if let text = ProcessInfo.processInfo.environment["CTIP_DATA_KEY"], !text.isEmpty {
            do { return try FieldCipher(keyText: text) } catch { throw ValidationError("CTIP_DATA_KEY: \(error)") }
        }
        return nil
    }
}
