import CTIPCore
import CTIPStorage
import Foundation
import Testing

/// The registers of the measures in the database, on both engines: imported all or nothing, exported as
/// they came, written one row at a time only by their own ministry's contributors, every write audited.
@Suite("Measures registers: storage on both engines")
struct MeasureStoreTests {
    static func staff(_ agency: String, _ role: StaffRole) -> StaffIdentity {
        let found = StandardAgencies.all().first { $0.code == agency }!
        return StaffIdentity(userID: "u-\(agency)-\(role.rawValue)", email: "\(agency)@example.jp", agency: found, role: role)
    }

    static func withReference(_ engine: Engine, _ body: (StorageContext, MeasureStore) async throws -> Void) async throws {
        try await withFreshDatabase(engine) { storage in
            let store = MeasureStore(database: storage.database)
            try await store.importDirectory(ReferenceBundle.measuresDirectory)
            try await body(storage, store)
        }
    }

    static func exported(_ store: MeasureStore) async throws -> [String: String] {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await store.export(to: folder)
        var files: [String: String] = [:]
        for file in MeasureFile.allCases {
            files[file.fileName] = try String(contentsOf: folder.appendingPathComponent(file.fileName), encoding: .utf8)
        }
        return files
    }

    static func auditCount(_ storage: StorageContext) async throws -> Int { try await AuditLog(database: storage.database).entries(limit: 10_000).count }

    @Test("every register round-trips through its file: the reference rows export as they were read, and re-importing changes nothing",
          arguments: Engine.available)
    func roundTrip(engine: Engine) async throws {
        try await Self.withReference(engine) { storage, store in
            let context = try await store.context()
            for file in MeasureFile.allCases {
                let original = try String(contentsOf: ReferenceBundle.measuresDirectory.appendingPathComponent(file.fileName), encoding: .utf8)
                let rows = MeasureFiles.read(file, bytes: Array(original.utf8), context: context).rows.map(\.row)
                #expect(try await store.rows(file) == rows.sorted { $0.key.joined(separator: "\u{1}") < $1.key.joined(separator: "\u{1}") },
                        "\(file.fileName) as stored")
            }
            let first = try await Self.exported(store)
            let folder = try temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            for (name, text) in first { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
            try await store.importDirectory(folder)
            #expect(try await Self.exported(store) == first, "importing the export changes nothing")
            #expect(first["funding.csv"]!.contains("14096000,JPY"), "yen kept as given")
            #expect(first["funding.csv"]!.contains("260000,EUR"), "euros kept as given")
        }
    }

    @Test("a folder with one bad row writes nothing, and every problem is named", arguments: Engine.available)
    func allOrNothing(engine: Engine) async throws {
        try await Self.withReference(engine) { storage, store in
            let before = try await Self.exported(store), audited = try await Self.auditCount(storage)
            let folder = try writeBundle([
                "campaigns.csv": "campaign_id,ministry,name_en,year\nnew-campaign,cao,A new campaign,2025\n",
                "distributions.csv": "distribution_id,material_id,ministry,fiscal_year,copies\nd-too-many,cao-poster-victims-fy2024,cao,2025,50000\n",
                "trainings.csv": "training_id,ministry,kind,course_en,year,attendees\nt-neg,mofa,lecture,Consular,2025,consular_officers=-1\n",
                "notes.csv": "a\n1\n",
            ])
            defer { try? FileManager.default.removeItem(at: folder) }
            do {
                try await store.importDirectory(folder)
                Issue.record("expected the folder refused")
            } catch let rejected as BundleRejected {
                #expect(rejected.issues.map(\.description) == [
                    "distributions.csv:2: copies: 50000 copies distributed, but only 46000 of `cao-poster-victims-fy2024` were printed",
                    "notes.csv:1: unknown register file; expected one of " + MeasureFile.allCases.map(\.fileName).joined(separator: ", "),
                    "trainings.csv:2: attendees: `-1` attendees of `consular_officers`: the number of attendees must be a whole number, 0 or more",
                ])
            }
            #expect(try await Self.exported(store) == before, "the good campaign row was not written either")
            #expect(try await Self.auditCount(storage) == audited)
        }
    }

    @Test("a contributor records their own ministry's rows, audited; another ministry's or another role's are refused", arguments: Engine.available)
    func permissions(engine: Engine) async throws {
        try await Self.withReference(engine) { storage, store in
            let context = try await store.context()
            let cao = Self.staff("cao", .contributor), mofa = Self.staff("mofa", .contributor), analyst = Self.staff("cas", .analyst)
            let distribution = try MeasureFiles.read(.distributions, fields: ["distribution_id": "cao-2025-stations", "material_id": "cao-poster-victims-fy2024",
                                                                              "fiscal_year": "2025", "places": "120"],
                                                     fixed: ["ministry": cao.agency.code], context: context).get()
            let audited = try await Self.auditCount(storage)
            try await store.record(distribution, by: cao)
            #expect(try await store.rows(.distributions, ministry: "cao").contains(distribution))
            let entries = try await AuditLog(database: storage.database).entries(limit: 10)
            #expect(try await Self.auditCount(storage) == audited + 1)
            #expect(entries.contains { $0.record == "measure:distributions/cao-2025-stations" && $0.actor == cao.auditActor })

            for (staff, ministry) in [(mofa, "cao"), (analyst, "cas")] {
                let row = try MeasureFiles.read(.campaigns, fields: ["campaign_id": "c-\(staff.agency.code)", "name_en": "Month", "year": "2025"],
                                                fixed: ["ministry": ministry], context: context).get()
                await #expect(throws: MeasureWriteDenied.self) { try await store.record(row, by: staff) }
            }
            // A contributor cannot take over another ministry's row by reusing its key.
            let takeover = try MeasureFiles.read(.distributions, fields: ["distribution_id": "cao-2025-stations", "material_id": "cao-poster-victims-fy2024", "places": "1"],
                                                 fixed: ["ministry": "mofa"], context: context).get()
            await #expect(throws: MeasureWriteDenied.self) { try await store.record(takeover, by: mofa) }
            #expect(try await store.rows(.distributions, ministry: "mofa").isEmpty)
        }
    }

    @Test("a distribution recorded from a form is checked against the copies printed and what was distributed before", arguments: Engine.available)
    func distributionAgainstStored(engine: Engine) async throws {
        try await Self.withReference(engine) { storage, store in
            let context = try await store.context()
            let cao = Self.staff("cao", .contributor)
            func distribution(_ id: String, copies: Int) throws -> MeasureRow {
                try MeasureFiles.read(.distributions, fields: ["distribution_id": id, "material_id": "cao-poster-perpetrators-fy2024", "copies": String(copies)],
                                      fixed: ["ministry": "cao"], context: context).get()
            }
            try await store.record(try distribution("first", copies: 40_000), by: cao)
            await #expect(throws: BundleRejected.self) { try await store.record(try distribution("second", copies: 7_000), by: cao) }
            try await store.record(try distribution("first", copies: 39_000), by: cao)
            try await store.record(try distribution("second", copies: 7_000), by: cao)
            #expect(try await store.rows(.distributions, ministry: "cao").filter { $0["copies"] != nil }.count == 2)
        }
    }

    @Test("the seed's figures come back from the database: the FY2024 stats of the reference rows", arguments: Engine.available)
    func figuresFromTheDatabase(engine: Engine) async throws {
        try await Self.withReference(engine) { _, store in
            let figures = MeasureFigures.compute(try await store.rows(), for: .fiscalYear(2024))
            let texts = Dictionary(figures.map { ($0.key, $0.figure.text(.ja)) }, uniquingKeysWith: { first, _ in first })
            #expect(texts["funding/iom-return-reintegration-fy2024/amount"] == "14,096,000円")
            #expect(texts["materials/cao-poster-victims-fy2024/copies"] == "約46,000部")
            #expect(texts["consultations/houterasu-multilingual/total"] == "5,837件")
        }
    }

    @Test("Figure 14's poster statistics are computed from the reference bundle's 2023 victims, as the FY2024 poster prints them",
          arguments: Engine.available)
    func posterFromTheRecords(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            _ = try await BundleImporter(database: storage.database).importBundle(at: ReferenceBundle.directory)
            let year = PosterStatistics.posterYear(forFiscalYear: 2024)
            let facts = try await AnnualReports(database: storage.database).facts(year: year, asOf: Day.reportCutOff(forDataYear: year))
            let poster = PosterStatistics(year: year, facts: facts.current)
            #expect(year == 2023 && poster.victims == 61)
            // "approximately 80%" Japanese, "61%" (and "approximately 60%") under 18, "79%" sexual exploitation, "15%" hostess.
            #expect(poster.figures.map { $0.figure.text(.en) } == ["82%", "61%", "79%", "15%"])
            #expect([poster.japanese, poster.minors, poster.sexualExploitation].map { PosterStatistics.approximately($0, of: poster.victims) } == [80, 60, 80])
        }
    }
}
