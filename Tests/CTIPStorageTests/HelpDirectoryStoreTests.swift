import CTIPCore
import CTIPStorage
import Foundation
import Testing

@Suite("Directory of consultation services in the database")
struct HelpDirectoryStoreTests {
    @Test("a fresh database starts with the seed's services, in order", arguments: Engine.available)
    func seeded(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            let loaded = try await HelpDirectoryStore(database: storage.database).load()
            #expect(loaded == HelpDirectory.shipped)
            #expect(try await count(storage, "help_services") == HelpDirectory.shipped.services.count)
        }
    }

    @Test("import replaces the whole directory; export gives back the same bytes", arguments: Engine.available)
    func replace(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            let store = HelpDirectoryStore(database: storage.database)
            var services = Array(HelpDirectory.shipped.services.prefix(3))
            services.append(try HelpDirectory.service(from: [
                "id": "prefecture-desk", "name_en": "Prefectural desk", "name_ja": "県の窓口", "topics": "labour",
                "languages": "ja en", "hours": "weekdays 08:30-17:15", "seed": "Figure 13", "phones": "0000-0000-0000",
            ]) { field, message in DirectoryDataError(location: "test", field: field, message: message) })
            let edited = HelpDirectory(services: services.reversed())
            try await store.replace(with: edited)
            let loaded = try await store.load()
            #expect(loaded == edited)
            #expect(loaded.csv() == edited.csv())
            #expect(try await count(storage, "help_services") == 4)
            // Importing the export again changes nothing.
            try await store.replace(with: try HelpDirectory(json: loaded.json()))
            #expect(try await store.load() == edited)
        }
    }

    @Test("migrating again does not seed twice", arguments: Engine.available)
    func idempotentMigration(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            try await HelpDirectoryStore(database: storage.database).replace(with: HelpDirectory(services: []))
            try await storage.migrate()
            #expect(try await count(storage, "help_services") == 0)
        }
    }
}
