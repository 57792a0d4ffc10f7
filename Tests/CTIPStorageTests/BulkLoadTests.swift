import CTIPCore
import CTIPStorage
import Foundation
import SQLKit
import Testing

private let casesHeader = "case_id,cleared_on,prefecture,agency,summary\n"

/// Free text that each engine's bulk path must carry unchanged: CSV quoting (quotes, commas, line
/// ends), the characters PostgreSQL's COPY format escapes (tab, backslash, `\N`), non-ASCII, and empty cells.
private let awkwardCases = casesHeader
    + "C1,2024-01-05,JP-13,police,\"She said \"\"no\"\", then left, at 9\"\n"
    + "C2,2024-01-06,,,\"first line\nsecond line\"\n"
    + "C3,2024-01-07,JP-01,,tab\there and a back\\slash \\N \\t\n"
    + "C4,2024-01-08,JP-47,coast_guard,東京都の事件 — résumé\n"
    + "C5,2024-01-09,,,\n"

/// A generated bundle written to a temporary folder.
private func generatedBundle(victims: Int, suspects: Int, seed: UInt64) throws -> URL {
    let folder = try temporaryFolder()
    let writer = try BundleFileWriter(directory: folder, files: [.cases, .victims, .suspects, .charges, .trials, .support])
    try SyntheticBundle(victims: victims, suspects: suspects, years: 2019...2024, seed: seed).generate { file, record in
        try writer.write(record, to: file)
    }
    try writer.close()
    return folder
}

@Suite("Bulk load paths of the import")
struct BulkLoadTests {
    @Test("quotes, commas, line ends, tabs, backslashes, non-ASCII and empty cells arrive unchanged, into empty and filled tables",
          arguments: Engine.available)
    func awkwardText(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            let folder = try writeBundle(["cases.csv": awkwardCases])
            defer { try? FileManager.default.removeItem(at: folder) }
            // Into an empty table (PostgreSQL: straight COPY), then again into the filled one (staging and upsert).
            for _ in 1...2 {
                _ = try await BundleImporter(database: storage.database).importBundle(at: folder)
                let exported = String(decoding: try await exportedBytes(storage)["cases.csv"]!, as: UTF8.self)
                #expect(exported == awkwardCases)
                #expect(try await count(storage, "cases WHERE summary IS NULL") == 1)
                #expect(try await count(storage, "cases WHERE agency IS NULL") == 3)
            }
        }
    }

    @Test("many batches: rows and links all written, a re-import changes nothing", arguments: Engine.available)
    func manyBatches(engine: Engine) async throws {
        let folder = try generatedBundle(victims: 900, suspects: 800, seed: 11)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await withFreshDatabase(engine) { storage in
            var importer = BundleImporter(database: storage.database)
            importer.batchSize = 64
            let summary = try await importer.importBundle(at: folder)
            let rows = Dictionary(uniqueKeysWithValues: summary.files.map { ($0.file, $0.rows) })
            #expect(rows[.victims] == 900)
            #expect(try await count(storage, "victims") == 900)
            #expect(try await count(storage, "victim_cases") == 900)
            #expect(try await count(storage, "suspect_cases") == 800)
            let charges = try await count(storage, "charges")
            #expect(charges > 800)
            #expect(charges == rows[.charges])
            let once = try await exportedBytes(storage)
            _ = try await importer.importBundle(at: folder)
            #expect(try await exportedBytes(storage) == once)
        }
    }

    @Test("a bad row after many written batches: rejected, and the database is exactly as before", arguments: Engine.available)
    func lateErrorRollsBack(engine: Engine) async throws {
        let folder = try generatedBundle(victims: 500, suspects: 400, seed: 5)
        defer { try? FileManager.default.removeItem(at: folder) }
        let support = folder.appendingPathComponent("support.csv")
        var text = try String(contentsOf: support, encoding: .utf8)
        let lines = text.split(separator: "\n").count
        text += "NOBODY,isa_protection,2024-01-01,,\n"
        try Data(text.utf8).write(to: support)
        try await withFreshDatabase(engine) { storage in
            let before = try await exportedBytes(storage)
            var importer = BundleImporter(database: storage.database)
            importer.batchSize = 50
            let error = await #expect(throws: BundleRejected.self) { try await importer.importBundle(at: folder) }
            #expect(error?.issues.map(\.description) == ["support.csv:\(lines + 1): victim_id: `NOBODY` is neither in victims.csv nor in the database"])
            #expect(try await exportedBytes(storage) == before)
        }
    }

    @Test("a bulk load into empty tables leaves every key, index and foreign key as the migrations made it", arguments: Engine.available)
    func schemaKept(engine: Engine) async throws {
        let folder = try generatedBundle(victims: 50, suspects: 50, seed: 3)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await withFreshDatabase(engine) { storage in
            let before = try await schemaObjects(storage)
            #expect(before.contains { $0.contains("PRIMARY KEY") || $0.hasPrefix("index\tsqlite_autoindex_victims") })
            _ = try await BundleImporter(database: storage.database).importBundle(at: folder)
            #expect(try await schemaObjects(storage) == before)
            let sql = storage.database.sql
            await #expect(throws: (any Error).self) {
                try await sql.raw("INSERT INTO cases (case_id, cleared_on) VALUES ('C00000001', '2024-01-01')").run()
            }
            await #expect(throws: (any Error).self) {
                try await sql.raw("INSERT INTO victim_cases (victim_id, case_id) SELECT victim_id, case_id FROM victim_cases LIMIT 1").run()
            }
        }
    }

    @Test("the tables keep their foreign keys after a bulk load", arguments: Engine.available)
    func foreignKeysKept(engine: Engine) async throws {
        let folder = try generatedBundle(victims: 50, suspects: 50, seed: 3)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await withFreshDatabase(engine) { storage in
            _ = try await BundleImporter(database: storage.database).importBundle(at: folder)
            let sql = storage.database.sql
            await #expect(throws: (any Error).self) {
                try await sql.raw("INSERT INTO charges (suspect_id, position, offense) VALUES ('NOBODY', 1, 'child_welfare_act')").run()
            }
            await #expect(throws: (any Error).self) {
                try await sql.raw("INSERT INTO victim_cases (victim_id, case_id) VALUES ('V00000001', 'NO-CASE')").run()
            }
        }
    }
}

/// Every constraint and index of the schema, as the engine's catalog describes it, in a stable order.
private func schemaObjects(_ storage: StorageContext) async throws -> [String] {
    let sql = storage.database.sql
    if sql.dialect.name == "sqlite" {
        return try await sql.raw("SELECT type, name, coalesce(sql, '') AS definition FROM sqlite_master ORDER BY type, name").all().map {
            [try $0.decode(column: "type", as: String.self), try $0.decode(column: "name", as: String.self),
             try $0.decode(column: "definition", as: String.self)].joined(separator: "\t")
        }
    }
    let constraints = try await sql.raw("""
        SELECT conrelid::regclass::text || '\t' || conname || '\t' || pg_get_constraintdef(oid) AS object FROM pg_constraint \
        WHERE connamespace = current_schema()::regnamespace ORDER BY 1
        """).all()
    let indexes = try await sql.raw("""
        SELECT indexname || '\t' || indexdef AS object FROM pg_indexes WHERE schemaname = current_schema() ORDER BY 1
        """).all()
    return try (constraints + indexes).map { try $0.decode(column: "object", as: String.self) }
}
