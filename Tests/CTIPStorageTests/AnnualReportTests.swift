import CTIPCore
import CTIPStorage
import Foundation
import SQLKit
import Testing

/// The annual report's section 2 from the reference bundle, against the seed's own text; editions;
/// and, over generated bundles, the SQL facts against an independent in-memory computation.
@Suite("Annual report")
struct AnnualReportTests {
    // MARK: - The seed, sentence by sentence

    @Test("the 2024 report states every fact of the seed's section 2 i) and ii), in its words and order", arguments: Engine.available)
    func seedSentences(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            _ = try await BundleImporter(database: storage.database).importBundle(at: ReferenceBundle.directory)
            let report = try await AnnualReports(database: storage.database).report(year: 2024, language: .en)
            let ours = sentences(in: try report.rendered(as: .text))
            var position = 0
            for sentence in SeedSection2.statisticalSentences {
                guard let found = ours[position...].firstIndex(of: sentence) else {
                    Issue.record("not stated (in this order): \(sentence)")
                    continue
                }
                position = found + 1
            }
            #expect(SeedSection2.statisticalSentences.count == 22)
        }
    }

    @Test("Tables 2–5 list the seed's persons with their charges and trial results, and the seed's captions", arguments: Engine.available)
    func seedTables(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            _ = try await BundleImporter(database: storage.database).importBundle(at: ReferenceBundle.directory)
            let report = try await AnnualReports(database: storage.database).report(year: 2024, language: .en)
            let seedTables = SeedSection2.tables
            #expect(report.tables.map(\.number) == [2, 3, 4, 5])
            for table in report.tables {
                let seed = try #require(seedTables[table.number])
                #expect(table.rows.count == seed.count, "Table \(table.number)")
                for (row, seedRow) in zip(table.rows, seed) {
                    #expect(row.offenses == seedRow.offenses, "Table \(table.number) row \(row.number)")
                    #expect(row.result == seedRow.result, "Table \(table.number) row \(row.number)")
                }
            }
            let text = try report.rendered(as: .text)
            for caption in SeedSection2.captions {
                // The seed's Table 5 says "the results of their trials" of one person, where Table 4 says "his/her trial".
                let expected = caption.hasPrefix("[Table 5]")
                    ? caption.replacingOccurrences(of: "the results of their trials", with: "the results of his/her trial") : caption
                #expect(text.contains(expected + "\n"), "caption: \(expected)")
            }
        }
    }

    @Test("the excerpt the tests read is the seed's text, verbatim")
    func fixtureIsTheSeed() throws {
        let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/seed/000_d5bf70a9649b1a73.txt")
        guard let text = try? String(contentsOf: seed, encoding: .utf8) else { return } // the seed lives beside the repository, not in it
        #expect(text.contains(SeedSection2.text))
    }

    // MARK: - Languages and formats

    @Test("the Japanese edition states the same numbers as the English one", arguments: Engine.available)
    func japaneseNumbers(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            _ = try await BundleImporter(database: storage.database).importBundle(at: ReferenceBundle.directory)
            let reports = AnnualReports(database: storage.database)
            for year in [2023, 2024] {
                let en = try await reports.report(year: year, language: .en), ja = try await reports.report(year: year, language: .ja)
                #expect(try numbers(en) == numbers(ja))
                #expect(try ReportRevision(published: en, current: ja).isEmpty)
                let japanese = try ja.rendered(as: .text)
                #expect(japanese.contains(year == 2024 ? "66人（前年比5人増）" : "61人（前年比15人増）"))
                #expect(changePhrases(en) == japanesePhrases(japanese).count)
            }
        }
    }

    @Test("every format renders the same report; JSON decodes back to it", arguments: Engine.available)
    func formats(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            _ = try await BundleImporter(database: storage.database).importBundle(at: ReferenceBundle.directory)
            let report = try await AnnualReports(database: storage.database).report(year: 2024, language: .en)
            #expect(try AnnualReport.decode(json: try report.jsonData()) == report)
            for year in [2023, 2024] {
                for language in [Language.en, .ja] {
                    let other = try await AnnualReports(database: storage.database).report(year: year, language: language)
                    #expect(try other.jsonData() == foundationJSON(other), "\(year) \(language)")
                }
            }
            var odd = report
            odd.notices.append(.init(kind: .unknownAges, text: "\"quoted\", back\\slash, a/b\n\r\t\u{8}\u{C}\u{1}\u{1F}\u{7F}, 日本, \u{2028}"))
            for share in [100, 1.0 / 3, 87.5, 0, 1e-7, 1e21] {
                odd.victims.japaneseSharePercent = share
                #expect(try odd.jsonData() == foundationJSON(odd), "\(share)")
            }
            let html = try report.rendered(as: .html)
            #expect(html.contains("<svg") && html.contains("id=\"table-5\"") && html.contains("@page{size:A4"))
            #expect(html.components(separatedBy: "<figure").count - 1 == 5)
            let markdown = try report.rendered(as: .markdown)
            #expect(markdown.contains("| 47 | Violation of the Employment Security Act | 1 year 6 months imprisonment, suspension of 4 years |"))
        }
    }

    // MARK: - Editions

    @Test("a published edition is frozen; corrections show as a revision; the next carry-over starts from its list", arguments: Engine.available)
    func editions(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            _ = try await BundleImporter(database: storage.database).importBundle(at: ReferenceBundle.directory)
            let reports = AnnualReports(database: storage.database)
            let publishedAt = Date(timeIntervalSince1970: 1_724_630_400) // 2024-08-26
            let edition = try await reports.publish(year: 2023, at: publishedAt)
            #expect(edition.asOf == Day(iso: "2024-03-31") && edition.publishedAt == "2024-08-26T00:00:00Z")
            #expect(edition.contentHash.hasPrefix("sha256:") && edition.contentHash.count == 71)
            // The 2023 report lists eight of its own year, plus the 2022 and 2020 persons, as awaiting trial.
            #expect(edition.report.awaitingTrial.count == 10)
            await #expect(throws: ReportEditionError.self) { try await reports.publish(year: 2023, at: publishedAt) }
            let frozenText = try #require(try await reports.publishedFile(year: 2023, format: .text, language: .en))

            // A correction: one of the eight was in fact sentenced before the 2024 report's cut-off.
            try await storage.database.sql.raw("UPDATE trials SET decided_on = '2024-02-01' WHERE suspect_id = 'S2023-001'").run()
            let corrected = try await reports.report(year: 2023, language: .en)
            let (_, revision) = try #require(try await reports.revision(of: corrected))
            #expect(revision.changes.contains { $0.path == "suspects.outcomes.pending" && $0.published == "8" && $0.current == "7" && $0.difference == -1 })
            #expect(revision.changes.contains { $0.path == "suspects.outcomes.guilty" && $0.difference == 1 })
            #expect(try await reports.publishedFile(year: 2023, format: .text, language: .en) == frozenText)
            #expect(try await reports.editions().map(\.contentHash) == [edition.contentHash])

            // The 2024 report still says "the eight persons who were said in the annual report approved in 2024".
            let next = try await reports.report(year: 2024, language: .en)
            #expect(next.carryOver.first?.persons == 8 && next.carryOver.first?.firstReportedIn == 2024)
            #expect(next.carryOver.map(\.persons) == [8, 1, 1] && next.carryOverFrom == "published_edition")
        }
    }

    @Test("without a published edition, the carry-over follows the records", arguments: Engine.available)
    func carryOverFromRecords(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            _ = try await BundleImporter(database: storage.database).importBundle(at: ReferenceBundle.directory)
            let reports = AnnualReports(database: storage.database)
            try await storage.database.sql.raw("UPDATE trials SET decided_on = '2024-02-01' WHERE suspect_id = 'S2023-001'").run()
            let report = try await reports.report(year: 2024, language: .en)
            #expect(report.carryOver.map(\.persons) == [7, 1, 1] && report.carryOverFrom == "records")

            // Prosecuted after the 2023 report's cut-off (March 31, 2024): that report could not list them
            // as awaiting trial, although their trial was still undecided then.
            try await storage.database.sql.raw("UPDATE suspects SET disposition_on = '2024-04-10' WHERE suspect_id = 'S2023-002'").run()
            let later = try await reports.report(year: 2024, language: .en)
            #expect(later.carryOver.map(\.persons) == [6, 1, 1])
        }
    }

    @Test("on PostgreSQL the report's planner settings end with its reading sessions", .enabled(if: Engine.available.contains(.postgres)))
    func readingSettingsEnd() async throws {
        try await withFreshDatabase(.postgres) { storage in
            _ = try await BundleImporter(database: storage.database).importBundle(at: ReferenceBundle.directory)
            // Several statements at once reach several of the pool's connections, as the report's do.
            @Sendable func settings() async throws -> Set<String> {
                try await withThrowingTaskGroup(of: String.self) { group in
                    for _ in 0..<8 {
                        group.addTask {
                            try await storage.database.sql.raw("SELECT current_setting('random_page_cost') || ' ' || current_setting('jit') AS s")
                                .first()?.decode(column: "s", as: String.self) ?? ""
                        }
                    }
                    return try await group.reduce(into: []) { $0.insert($1) }
                }
            }
            let before = try await settings()
            _ = try await AnnualReports(database: storage.database).report(year: 2024, language: .en)
            #expect(try await settings() == before)
            #expect(before.count == 1)
        }
    }

    // MARK: - Missing data

    @Test("a year without records, a missing previous year and an early cut-off are each said, and the report is still right", arguments: Engine.available)
    func missingData(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            _ = try await BundleImporter(database: storage.database).importBundle(at: ReferenceBundle.directory)
            let reports = AnnualReports(database: storage.database)
            let empty = try await reports.report(year: 2019, language: .en)
            #expect(!empty.hasRecords && empty.notices.contains { $0.kind == .noRecords })
            let emptyText = try empty.rendered(as: .text)
            #expect(emptyText.contains("There are no case-level records for 2019") && emptyText.contains("[Figure 3]"))
            #expect(!emptyText.contains("[Table 2]"))

            let early = try await reports.report(year: 2024, asOf: Day(iso: "2024-06-30"), language: .en)
            #expect(early.notices.contains { $0.kind == .cutOffBeforeYearEnd })
            #expect(early.suspects.undecided > 0 && early.suspects.prosecuted < 47)
            #expect(try early.rendered(as: .text).contains("no decision on prosecution had been made (as of June 30, 2024)"))
        }
        try await withFreshDatabase(engine) { storage in
            let folder = try temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            try writeSynthetic(SyntheticBundle(victims: 60, suspects: 40, years: 2024...2024, seed: 7), to: folder)
            _ = try await BundleImporter(database: storage.database).importBundle(at: folder)
            let report = try await AnnualReports(database: storage.database).report(year: 2024, language: .en)
            #expect(report.previousYearSource == "none" && report.notices.contains { $0.kind == .noPreviousYear })
            let text = try report.rendered(as: .text)
            #expect(!text.contains("than in 2023") && !text.contains("the same as in 2023"))
            #expect(text.contains("no comparison with 2023 is made"))
        }
    }

    // MARK: - Properties over generated bundles

    @Test("over generated bundles, the SQL facts equal an independent computation from the records", arguments: Engine.available)
    func generatedBundles(engine: Engine) async throws {
        for seed: UInt64 in [3, 11] {
            let bundle = SyntheticBundle(victims: 300, suspects: 260, years: 2017...2024, seed: seed)
            let records = InMemoryRecords(bundle)
            try await withFreshDatabase(engine) { storage in
                let folder = try temporaryFolder()
                defer { try? FileManager.default.removeItem(at: folder) }
                try writeSynthetic(bundle, to: folder)
                _ = try await BundleImporter(database: storage.database).importBundle(at: folder)
                let reports = AnnualReports(database: storage.database)
                for year in 2018...2024 {
                    let asOf = Day.reportCutOff(forDataYear: year)
                    let facts = try await reports.facts(year: year, asOf: asOf)
                    let expected = records.facts(year: year, asOf: asOf)
                    #expect(facts.current == expected.current, "\(year) seed \(seed)")
                    #expect(facts.previous == expected.previous, "\(year) seed \(seed)")
                    #expect(facts.prosecuted == expected.prosecuted, "\(year) seed \(seed)")
                    #expect(Set(facts.awaitingInPreviousReport) == expected.awaiting, "\(year) seed \(seed)")
                    #expect(facts.carriedOver == expected.carried, "\(year) seed \(seed)")

                    let report = AnnualReportBuilder(language: .en).build(from: facts)
                    // Year-on-year differences are the differences of the counts.
                    #expect(report.victims.total.change == expected.current.victims.values.reduce(0, +) - expected.previous.victims.values.reduce(0, +))
                    // Carry-over groups: newest report first, none empty, everyone of the list in exactly one.
                    let groups = report.carryOver
                    #expect(groups.map(\.firstReportedIn) == groups.map(\.firstReportedIn).sorted(by: >))
                    #expect(groups.allSatisfy { $0.persons > 0 && $0.outcomes.total == $0.persons })
                    #expect(groups.reduce(0) { $0 + $1.persons } == expected.awaiting.count)
                    #expect(groups.allSatisfy { ($0.stillAwaitingIn == nil) == ($0.firstReportedIn == year) })
                    // Every number the prose compares is in the JSON, in both languages.
                    let english = try report.rendered(as: .text)
                    #expect(englishPhrases(english) == expectedPhrases(report), "\(year) seed \(seed)")
                    let japaneseReport = AnnualReportBuilder(language: .ja).build(from: facts)
                    let japanese = try japaneseReport.rendered(as: .text)
                    // The hand-written JSON is byte for byte JSONEncoder's.
                    #expect(try report.jsonData() == foundationJSON(report), "\(year) seed \(seed)")
                    #expect(try japaneseReport.jsonData() == foundationJSON(japaneseReport), "\(year) seed \(seed)")
                    #expect(japanesePhrases(japanese).count == changePhrases(report))
                    #expect(english.contains("was \(Numerals.english(report.victims.total.count))"))
                    #expect(english.contains("\(Numerals.english(report.suspects.arrested.count)) person"))
                }
            }
        }
    }
}

// MARK: - Helpers

/// What `JSONEncoder` writes of a report with the options whose bytes `AnnualReport.jsonData()` reproduces.
private func foundationJSON(_ report: AnnualReport) throws -> Data {
    let encoder = JSONEncoder()
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(report)
}

/// Sentences of a text: split after a full stop followed by a capital letter, whitespace collapsed.
private func sentences(in text: String) -> [String] {
    text.split(separator: "\n").flatMap { line -> [String] in
        var cleaned = line.trimmingCharacters(in: .whitespaces)
        if cleaned.hasPrefix("- ") { cleaned.removeFirst(2) }
        return cleaned.replacingOccurrences(of: #"(?<=\.)\s+(?=[A-Z])"#, with: "\n", options: .regularExpression)
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    }.filter { !$0.isEmpty }
}

/// The seed's section 2 (1) i) and ii) and Tables 2–5 (Tests/CTIPStorageTests/Fixtures/seed-section-2.txt).
enum SeedSection2 {
    static let text: String = {
        let url = Bundle.module.url(forResource: "seed-section-2", withExtension: "txt", subdirectory: "Fixtures")!
        return try! String(contentsOf: url, encoding: .utf8)
    }()

    /// Sentences that state the statistics; narrative sentences (the notable cases, what a victim was
    /// given, IOM's projects) are not computed from records.
    static let statisticalSentences: [String] = {
        let lines = text.components(separatedBy: "\n")
        let start = lines.firstIndex { $0.hasPrefix("#### i)") }!
        let end = lines.firstIndex { $0.contains("[Figure 6]") }!
        let narrative = ["Notable cases", "The victim was provided", "As a social reintegration"]
        return sentences(in: lines[start + 1..<end].filter { !$0.contains("[Figure") && !$0.contains("ii) Data") }.joined(separator: "\n"))
            .filter { sentence in !narrative.contains { sentence.hasPrefix($0) } }
    }()

    static let captions: [String] = text.components(separatedBy: "\n")
        .filter { $0.contains("[Table") || $0.contains("[Figure") }
        .map { $0.replacingOccurrences(of: "**", with: "").trimmingCharacters(in: .whitespaces) }

    struct Row { var offenses: String; var result: String }

    /// Table rows; a printed row broken over lines ("\tcontinued offense\tcontinued result") is joined.
    static let tables: [Int: [Row]] = {
        var tables: [Int: [Row]] = [:]
        var current: Int?
        for line in text.components(separatedBy: "\n") {
            if let match = line.firstMatch(of: /\[Table (\d+)\]/) { current = Int(match.1); tables[current!] = []; continue }
            guard let table = current, line.contains("\t"), !line.contains("Offense"), !line.hasPrefix("--") else { continue }
            let cells = line.components(separatedBy: "\t")
            guard cells.count >= 3 else { continue }
            let offense = cells[1].trimmingCharacters(in: .whitespaces), result = cells[2].trimmingCharacters(in: .whitespaces)
            if cells[0].isEmpty, var last = tables[table]?.popLast() {
                if !offense.isEmpty { last.offenses += " " + offense }
                if !result.isEmpty { last.result += " " + result }
                tables[table]!.append(last)
            } else {
                tables[table]!.append(Row(offenses: offense, result: result))
            }
        }
        // The seed prints Table 2's row 36 with a stray trailing comma.
        return tables.mapValues { $0.map { Row(offenses: $0.offenses.hasSuffix(",") ? String($0.offenses.dropLast()) : $0.offenses, result: $0.result) } }
    }()
}

/// The numbers of a report without its words: what must not differ between languages.
private func numbers(_ report: AnnualReport) throws -> String {
    var copy = report
    copy.language = ""
    copy.notices = copy.notices.map { .init(kind: $0.kind, count: $0.count, text: "") }
    func strip(_ parts: [AnnualReport.Part]) -> [AnnualReport.Part] { parts.map { .init(code: $0.code, label: "", count: $0.count, previous: $0.previous) } }
    copy.victims.bySex = strip(copy.victims.bySex)
    copy.victims.foreignByNationality = strip(copy.victims.foreignByNationality)
    copy.victims.foreignByResidenceStatus = strip(copy.victims.foreignByResidenceStatus)
    copy.victims.minorsByNationality = strip(copy.victims.minorsByNationality)
    copy.victims.byExploitation = strip(copy.victims.byExploitation)
    copy.victims.byNationality = strip(copy.victims.byNationality)
    copy.suspects.bySex = strip(copy.suspects.bySex)
    copy.suspects.byNationality = strip(copy.suspects.byNationality)
    copy.tables = copy.tables.map { table in
        var table = table
        table.rows = table.rows.map { var row = $0; row.offenses = ""; row.result = ""; return row }
        return table
    }
    return String(decoding: try copy.jsonData(), as: UTF8.self)
}

/// "(five more than in 2023)", "(the same as in 2023)" as found in English prose.
private func englishPhrases(_ text: String) -> [String] {
    text.matches(of: /\((?:([a-z0-9,]+) (more|less)|the same as) (?:than )?in \d{4}\)/).map { String($0.output.0) }.sorted()
}

private func japanesePhrases(_ text: String) -> [String] {
    text.matches(of: /（前年(?:比[0-9,]+[人件](?:増|減)|同数)）/).map { String($0.output) }
}

/// The comparisons the English prose makes, computed from the JSON alone.
private func expectedPhrases(_ report: AnnualReport) -> [String] {
    let year = report.previousYear
    func phrase(_ value: AnnualReport.Compared) -> String? {
        guard let change = value.change else { return nil }
        if change == 0 { return "(the same as in \(year))" }
        return "(\(Numerals.english(abs(change))) \(change > 0 ? "more" : "less") than in \(year))"
    }
    let v = report.victims, s = report.suspects
    var compared: [AnnualReport.Compared] = [v.total]
    compared += v.bySex.map(\.compared)
    if v.total.count > 0 && v.japanese.count != v.total.count { compared.append(v.japanese) }
    if v.foreign.count > 0 { compared += v.foreignByNationality.map(\.compared) + v.foreignByResidenceStatus.map(\.compared) }
    if v.total.count > 0 { compared.append(v.minors) }
    compared += v.byExploitation.map(\.compared)
    compared += [s.clearedCases, s.arrested] + s.bySex.map(\.compared)
    if s.byNationality.count > 1 { compared += s.byNationality.map(\.compared) }
    compared += [s.brokers, s.organizedCrime]
    return compared.compactMap(phrase).sorted()
}

private func changePhrases(_ report: AnnualReport) -> Int { expectedPhrases(report).count }

/// Writes a generated bundle as CSV files, as `ctip generate` does.
func writeSynthetic(_ bundle: SyntheticBundle, to folder: URL) throws {
    let writer = try BundleFileWriter(directory: folder, files: [.cases, .victims, .suspects, .charges, .trials, .support])
    try bundle.generate { file, record in try writer.write(record, to: file) }
    try writer.close()
}
