import CTIPCore
import CTIPStorage
import Foundation
import Testing

private let casesHeader = "case_id,cleared_on,prefecture,agency,summary\n"
private let victimsHeader = "victim_id,protected_on,sex,age,nationality,residence_status,exploitation,protected_by,case_ids\n"
private let suspectsHeader = "suspect_id,arrested_on,sex,nationality,broker,organized_crime,disposition,disposition_on,not_prosecuted_reason,deportation_ordered_on,case_ids\n"
private let trialsHeader = "suspect_id,verdict,decided_on,imprisonment_months,suspension_months,fine_yen\n"

/// Imports a bundle expected to be rejected; returns its issues as printed, and checks nothing changed.
private func rejectedIssues(_ files: [String: String], on storage: StorageContext) async throws -> [String] {
    let before = try await exportedBytes(storage)
    let folder = try writeBundle(files)
    defer { try? FileManager.default.removeItem(at: folder) }
    let error = await #expect(throws: BundleRejected.self) {
        try await BundleImporter(database: storage.database).importBundle(at: folder)
    }
    #expect(try await exportedBytes(storage) == before, "a rejected import must leave the database exactly as it was")
    return error?.issues.map(\.description) ?? []
}

private func importReference(_ storage: StorageContext) async throws {
    _ = try await BundleImporter(database: storage.database).importBundle(at: ReferenceBundle.directory)
}

@Suite("Bundle import and export")
struct BundleImportTests {
    @Test("export → import into an empty database → export gives identical bytes", arguments: Engine.available)
    func roundTrip(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            try await importReference(storage)
            let first = try await exportedBytes(storage)
            #expect(first.keys.sorted() == BundleFile.allCases.filter { !$0.isOversight }.map(\.fileName).sorted(),
                    "the oversight files are written only when they hold rows")
            let folder = try writeBundle(first.mapValues { String(decoding: $0, as: UTF8.self) })
            defer { try? FileManager.default.removeItem(at: folder) }
            try await withFreshDatabase(engine) { empty in
                _ = try await BundleImporter(database: empty.database).importBundle(at: folder)
                #expect(try await exportedBytes(empty) == first)
            }
            #expect(try await exportedBytes(storage) == first, "two exports of the same data are byte-identical")
        }
    }

    @Test("importing the same bundle twice changes nothing", arguments: Engine.available)
    func idempotent(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            try await importReference(storage)
            let once = try await exportedBytes(storage)
            try await importReference(storage)
            #expect(try await exportedBytes(storage) == once)
            #expect(try await count(storage, "victim_cases") > 0)
        }
    }

    @Test("re-importing a row with an existing identifier updates it, links included", arguments: Engine.available)
    func reimportUpdates(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            let first = try writeBundle([
                "cases.csv": casesHeader + "C1,2024-01-05,JP-13,police,\nC2,2024-02-01,,,\n",
                "victims.csv": victimsHeader + "V1,2024-01-06,female,16,JPN,,sexual,police,C1\n",
            ])
            _ = try await BundleImporter(database: storage.database).importBundle(at: first)
            let second = try writeBundle(["victims.csv": victimsHeader + "V1,2024-01-07,female,17,PHL,entertainer,hostess,immigration,C2\n"])
            _ = try await BundleImporter(database: storage.database).importBundle(at: second)
            let victims = String(decoding: try await exportedBytes(storage)["victims.csv"]!, as: UTF8.self)
            #expect(victims == victimsHeader + "V1,2024-01-07,female,17,PHL,entertainer,hostess,immigration,C2\n")
        }
    }

    @Test("charges may refer to suspects already in the database", arguments: Engine.available)
    func referencesIntoTheDatabase(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            _ = try await BundleImporter(database: storage.database).importBundle(at: try writeBundle([
                "suspects.csv": suspectsHeader + "S1,2024-03-01,male,JPN,,,prosecuted,2024-03-20,,,\n",
                "trials.csv": trialsHeader + "S1,pending,,,,\n",
            ]))
            _ = try await BundleImporter(database: storage.database).importBundle(at: try writeBundle([
                "charges.csv": "suspect_id,position,offense,detail\nS1,1,child_welfare_act,\nS1,2,juvenile_protection_ordinance,JP-01\n",
                "trials.csv": trialsHeader + "S1,guilty,2024-09-01,24,36,\n",
            ]))
            #expect(try await count(storage, "charges WHERE suspect_id = 'S1'") == 2)
        }
    }

    @Test("every prosecuted suspect has a trial row, in the bundle or already in the database", arguments: Engine.available)
    func prosecutedSuspectsHaveTrials(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            let issues = try await rejectedIssues([
                "suspects.csv": suspectsHeader
                    + "S1,2024-03-01,male,JPN,,,prosecuted,2024-03-20,,,\n"
                    + "S2,2024-03-01,female,JPN,,,family_court,2024-03-20,,,\n"
                    + "S3,2024-03-01,male,JPN,,,not_prosecuted,2024-03-20,evidence,,\n"
                    + "S4,2024-03-01,male,JPN,,,,,,,\n",
                "trials.csv": trialsHeader + "S2,protective_measure,2024-04-20,,,\n",
            ], on: storage)
            #expect(issues == ["suspects.csv:2: disposition: suspect `S1` is prosecuted but has no row in trials.csv: every prosecuted suspect needs one, with verdict `pending` until decided"])

            _ = try await BundleImporter(database: storage.database).importBundle(at: try writeBundle([
                "suspects.csv": suspectsHeader + "S1,2024-03-01,male,JPN,,,prosecuted,2024-03-20,,,\n",
                "trials.csv": trialsHeader + "S1,pending,,,,\n",
            ]))
            // A correction of the suspect alone: the trial is in the database.
            _ = try await BundleImporter(database: storage.database).importBundle(at: try writeBundle([
                "suspects.csv": suspectsHeader + "S1,2024-03-01,male,PHL,,,prosecuted,2024-03-21,,,\n",
            ]))
            #expect(try await count(storage, "suspects WHERE nationality = 'PHL'") == 1)
        }
    }

    @Test("bad data: every problem reported as FILE:LINE: COLUMN: message, nothing written", arguments: Engine.available)
    func everyProblemReported(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            try await importReference(storage)
            let issues = try await rejectedIssues([
                "cases.csv": casesHeader + "C9,2024-02-30,JP-48,army,\nC9,2024-03-01,,,\n",
                "victims.csv": victimsHeader
                    + "V9,2024-03-01,woman,16,JPN,,sexual,,C404\n"
                    + "V10,2024-03-01,female,130,XXX,,sexual,,C9\n"
                    + "V11,2024-03-01,female,20,PHL,,labour,,\n"
                    + "bad id!,2024-03-01,female,20,JPN,,sexual,,\n"
                    + "V12,2024-03-01,female,20,JPN,,sexual,,C9;C404\n",
                "charges.csv": "suspect_id,position,offense,detail\nNOBODY,1,piracy,\n",
            ], on: storage)
            #expect(issues == [
                "cases.csv:2: cleared_on: `2024-02-30` is not a date: expected YYYY-MM-DD, a real calendar day",
                "cases.csv:2: prefecture: unknown prefecture `JP-48`; expected an ISO 3166-2:JP code `JP-01`…`JP-47`",
                "cases.csv:2: agency: unknown code `army`; expected one of `police`, `coast_guard`, `immigration`, `labour_inspection`, `other`",
                "charges.csv:2: offense: unknown offense code `piracy`; see offenses.csv",
                "victims.csv:2: sex: unknown code `woman`; expected one of `female`, `male`, `other`, `unknown`",
                "victims.csv:3: age: `130` is not a whole number from 0 to 120",
                "victims.csv:3: nationality: unknown nationality `XXX`; expected an ISO 3166-1 alpha-3 code such as `JPN`, `PHL`, or `UNK`",
                "victims.csv:4: residence_status: required for a non-Japanese victim (use `no_status` for illegal stay or overstay)",
                "victims.csv:5: victim_id: `bad id!` is not an identifier (1–64 characters of A-Z a-z 0-9 . _ -)",
                "victims.csv:6: case_ids: `C404` is neither in cases.csv nor in the database",
            ])
        }
    }

    @Test("duplicates, missing and unknown columns, unknown files", arguments: Engine.available)
    func structuralProblems(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            try await importReference(storage)
            let issues = try await rejectedIssues([
                "cases.csv": casesHeader + "C1,2024-01-01,,,\nC1,2024-01-02,,,\n",
                "victims.csv": "victim_id,protected_on,sex,nationality,exploitation,protectd_by\n",
                "suspects.csv": "suspect_id,arrested_on,nationality\n",
                "victim.csv": "victim_id\n",
            ], on: storage)
            #expect(issues == [
                "cases.csv:3: case_id: duplicate key `C1`: it appears earlier in this file",
                "suspects.csv:1: sex: required column is missing",
                "victim.csv:1: unknown bundle file; expected one of offenses.csv, cases.csv, victims.csv, suspects.csv, charges.csv, trials.csv, support.csv, history.csv, organisations.csv, inspections.csv, actions.csv, agreements.csv",
                "victims.csv:1: protectd_by: unknown column; expected one of: victim_id, protected_on, sex, age, nationality, residence_status, exploitation, protected_by, case_ids",
            ])
        }
    }

    @Test("empty files, invalid UTF-8, unclosed quotes and a 10 MB field are refused", arguments: Engine.available)
    func unreadableFiles(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            try await importReference(storage)
            let folder = try writeBundle([
                "cases.csv": "",
                "history.csv": "year,victims\n2000,\"12\n",
                "suspects.csv": suspectsHeader + "S1,2024-01-01,male,JPN,,,,,,,\"" + String(repeating: "x", count: 10_000_000) + "\"\n",
            ])
            defer { try? FileManager.default.removeItem(at: folder) }
            try Data(Array(victimsHeader.utf8) + [0x56, 0x31, 0xFF, 0xFE] + Array(",2024-01-01,female,,JPN,,sexual,,\n".utf8))
                .write(to: folder.appendingPathComponent("victims.csv"))
            let before = try await exportedBytes(storage)
            let error = await #expect(throws: BundleRejected.self) {
                try await BundleImporter(database: storage.database).importBundle(at: folder)
            }
            #expect(error?.issues.map(\.description) == [
                "cases.csv:1: the file is empty; a bundle file starts with a header row: case_id,cleared_on,prefecture,agency,summary",
                "history.csv:2: a quoted field opened here is never closed",
                "suspects.csv:2: field 11 is longer than 1024 KiB",
                "victims.csv:2: invalid UTF-8 in field 1; the file must be UTF-8",
            ])
            #expect(try await exportedBytes(storage) == before)
        }
    }

    @Test("a byte-order mark, CRLF line ends and quoted newlines are accepted", arguments: Engine.available)
    func tolerantSyntax(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            let folder = try writeBundle([
                "cases.csv": "\u{FEFF}case_id,cleared_on,summary\r\nC1,2024-01-05,\"Line one,\r\nline \"\"two\"\"\"\r\nC2,2024-01-06,\r\n",
            ])
            defer { try? FileManager.default.removeItem(at: folder) }
            let summary = try await BundleImporter(database: storage.database).importBundle(at: folder)
            #expect(summary.files.map(\.rows) == [2])
            let cases = String(decoding: try await exportedBytes(storage)["cases.csv"]!, as: UTF8.self)
            #expect(cases == casesHeader + "C1,2024-01-05,,,\"Line one,\r\nline \"\"two\"\"\"\nC2,2024-01-06,,,\n")
        }
    }

    @Test("a generated bundle imports and round-trips", arguments: Engine.available)
    func generatedBundle(engine: Engine) async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let writer = try BundleFileWriter(directory: folder, files: [.cases, .victims, .suspects, .charges, .trials, .support])
        try SyntheticBundle(victims: 700, suspects: 600, years: 2019...2024, seed: 7).generate { file, record in
            try writer.write(record, to: file)
        }
        try writer.close()
        try await withFreshDatabase(engine) { storage in
            let summary = try await BundleImporter(database: storage.database).importBundle(at: folder)
            #expect(summary.files.first { $0.file == .victims }?.rows == 700)
            #expect(summary.files.first { $0.file == .suspects }?.rows == 600)
            #expect(try await count(storage, "victims WHERE protected_on < '2019-01-01'") == 0)
        }
    }
}
