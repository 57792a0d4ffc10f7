import ArgumentParser
import Foundation
import CTIPStorage
import CTIPWeb
import Vapor

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the web server (migrates the database first).",
        discussion: """
        Serves the home page, case work for staff (/login, /staff), the JSON API (/openapi.json), GET /health (200 when the database answers, 503 otherwise) and GET /metrics \
        (Prometheus). Several `ctip serve` processes may share one PostgreSQL database.

        Example: ctip serve --port 8080 --database postgres://ctip:secret@db.example:5432/ctip
        """)

    @OptionGroup var server: ServerOptions
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var dataKey: DataKeyOptions

    func run() async throws {
        let url = try database.resolved()
        // Receipts' passcodes are checked with the hot lines' key: instances that each made their own
        // would refuse each other's reporters. SQLite keeps the key beside its one file.
        if case .postgres = url, (ProcessInfo.processInfo.environment["CTIP_HOTLINE_KEY"] ?? "").isEmpty,
           !FileManager.default.fileExists(atPath: PasscodeHasher.keyFile(for: url).path) {
            throw ValidationError("""
                on PostgreSQL every `ctip serve` must share the hot lines' key: set CTIP_HOTLINE_KEY to the same base64 \
                of 32 random bytes on each (make one with: head -c 32 /dev/urandom | base64)
                """)
        }
        let cipher = try dataKey.cipher()
        if cipher == nil { print("note: no data key (--data-key-file or CTIP_DATA_KEY): victim files cannot hold personal details") }
        try await serve(WebConfiguration(database: url, host: server.host, port: server.port, cipher: cipher,
                                         secureCookies: server.secureCookies, trustedProxies: server.trustedProxies))
    }
}

func serve(_ configuration: WebConfiguration) async throws {
    var environment = Environment(name: "production", arguments: ["ctip", "serve"])
    try LoggingSystem.bootstrap(from: &environment)
    let app = try await Application.make(environment)
    do {
        try await configure(app, configuration)
        print("CTIP is serving \(configuration.database) on http://\(configuration.host):\(configuration.port)")
        try await app.execute()
    } catch {
        try? await app.asyncShutdown()
        throw StorageOutage.classify(error, database: configuration.database) ?? error
    }
    try await app.asyncShutdown()
}
