import CTIPStorage
import Foundation
import Logging
import SQLKit
import Testing

/// The engines every storage test runs on: SQLite always; PostgreSQL at `CTIP_TEST_POSTGRES_URL`
/// (`scripts/test` provides one). Under CI a missing PostgreSQL is a failure, never a silent skip.
enum Engine: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres
    var testDescription: String { rawValue }

    static var postgresURL: String? { ProcessInfo.processInfo.environment["CTIP_TEST_POSTGRES_URL"] }

    static var available: [Engine] {
        if postgresURL != nil { return [.sqlite, .postgres] }
        if ProcessInfo.processInfo.environment["CI"] != nil { return [.sqlite, .postgres] } // fails loudly below
        return [.sqlite]
    }
}

/// A fresh, empty, migrated database of one engine: a temporary SQLite file, or a PostgreSQL schema of
/// its own (dropped afterwards), so tests can run side by side.
func withFreshDatabase<T>(_ engine: Engine, _ body: (StorageContext) async throws -> T) async throws -> T {
    var logger = Logger(label: "ctip-test")
    logger.logLevel = .warning
    switch engine {
    case .sqlite:
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ctip-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let storage = StorageContext(url: .sqlite(path: directory.appendingPathComponent("test.sqlite").path), logger: logger)
        return try await run(storage, body)
    case .postgres:
        guard let text = Engine.postgresURL else {
            Issue.record("CTIP_TEST_POSTGRES_URL is not set: run the tests through scripts/test, which starts PostgreSQL")
            throw CancellationError()
        }
        guard case .postgres(let host, let port, let user, let password, let database, let tls, _) = try DatabaseURL(parsing: text) else {
            Issue.record("CTIP_TEST_POSTGRES_URL is not a postgres:// URL")
            throw CancellationError()
        }
        let schema = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let admin = StorageContext(url: .postgres(host: host, port: port, username: user, password: password, database: database, tls: tls), logger: logger)
        try await admin.database.sql.raw("CREATE SCHEMA \(ident: schema)").run()
        let storage = StorageContext(url: .postgres(host: host, port: port, username: user, password: password, database: database, tls: tls, schema: schema), logger: logger)
        do {
            let result = try await run(storage, body)
            try await admin.database.sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run()
            await admin.shutdown()
            return result
        } catch {
            try? await admin.database.sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run()
            await admin.shutdown()
            throw error
        }
    }
}

private func run<T>(_ storage: StorageContext, _ body: (StorageContext) async throws -> T) async throws -> T {
    do {
        try await storage.migrate()
        let result = try await body(storage)
        await storage.shutdown()
        return result
    } catch {
        await storage.shutdown()
        throw error
    }
}

/// A temporary folder for bundles written by a test.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("ctip-bundle-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Every file of an exported bundle, by name, as bytes: what "byte-identical" compares.
func exportedBytes(_ storage: StorageContext) async throws -> [String: Data] {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try await BundleExporter(database: storage.database).exportBundle(to: folder)
    var files: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
        files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
    }
    return files
}

/// Writes a bundle from file names and contents.
func writeBundle(_ files: [String: String]) throws -> URL {
    let folder = try temporaryFolder()
    for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
    return folder
}

func count(_ storage: StorageContext, _ query: SQLQueryString) async throws -> Int {
    try await storage.database.sql.raw("SELECT COUNT(*) AS n FROM " + query).first()!.decode(column: "n", as: Int.self)
}
