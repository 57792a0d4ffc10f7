import CTIPCore
import CTIPStorage
import SQLKit
import Testing

/// The reference bundle reproduces every count of the seed's section 2 (the annual report approved
/// in 2025, statistics of 2024, trial status as of March 31, 2025) and the 2023 figures its
/// year-on-year sentences imply.
@Suite("Reference bundle, against the seed's section 2")
struct ReferenceBundleTests {
    @Test("imports cleanly and every figure of section 2 is recomputed from its records", arguments: Engine.available)
    func figuresOfSection2(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            let summary = try await BundleImporter(database: storage.database).importBundle(at: ReferenceBundle.directory)
            #expect(summary.warnings.isEmpty)
            func victims(_ year: Int, _ condition: String = "1=1") async throws -> Int {
                try await count(storage, "victims WHERE protected_on BETWEEN '\(unsafeRaw: String(year))-01-01' AND '\(unsafeRaw: String(year))-12-31' AND \(unsafeRaw: condition)")
            }
            func suspects(_ year: Int, _ condition: String = "1=1") async throws -> Int {
                try await count(storage, "suspects WHERE arrested_on BETWEEN '\(unsafeRaw: String(year))-01-01' AND '\(unsafeRaw: String(year))-12-31' AND \(unsafeRaw: condition)")
            }
            func support(_ year: Int, _ event: SupportEvent) async throws -> Int {
                try await count(storage, "support_events WHERE on_date BETWEEN '\(unsafeRaw: String(year))-01-01' AND '\(unsafeRaw: String(year))-12-31' AND event = '\(unsafeRaw: event.rawValue)'")
            }
            // i) victims: "66 (five more than in 2023)", "57 were female (six more)", "nine were male (one less)".
            #expect(try await victims(2024) == 66); #expect(try await victims(2023) == 61)
            #expect(try await victims(2024, "sex = 'female'") == 57); #expect(try await victims(2023, "sex = 'female'") == 51)
            #expect(try await victims(2024, "sex = 'male'") == 9); #expect(try await victims(2023, "sex = 'male'") == 10)
            // "58 were Japanese (eight more)", "seven were Philippine (four less)", "one was an Indonesian (one more)".
            #expect(try await victims(2024, "nationality = 'JPN'") == 58); #expect(try await victims(2023, "nationality = 'JPN'") == 50)
            #expect(try await victims(2024, "nationality = 'PHL'") == 7); #expect(try await victims(2023, "nationality = 'PHL'") == 11)
            #expect(try await victims(2024, "nationality = 'IDN'") == 1); #expect(try await victims(2023, "nationality = 'IDN'") == 0)
            // Statuses: "seven were Entertainer (two less)", "one was a Specified Skilled Worker (one less)".
            #expect(try await victims(2024, "residence_status = 'entertainer'") == 7)
            #expect(try await victims(2023, "residence_status = 'entertainer'") == 9)
            #expect(try await victims(2024, "residence_status LIKE 'specified_skilled_worker%'") == 1)
            #expect(try await victims(2023, "residence_status LIKE 'specified_skilled_worker%'") == 2)
            // ISA: seven protected in 2024, all with a status, all permitted to change it.
            #expect(try await support(2024, .isaProtection) == 7)
            #expect(try await count(storage, "support_events e JOIN victims v ON v.victim_id = e.victim_id WHERE e.event = 'residence_status_change_permitted' AND v.protected_on >= '2024-01-01' AND v.protected_on <= '2024-12-31'") == 7)
            // Minors: "41 (four more)", all Japanese.
            #expect(try await victims(2024, "age < 18") == 41); #expect(try await victims(2023, "age < 18") == 37)
            #expect(try await victims(2024, "age < 18 AND nationality <> 'JPN'") == 0)
            // Forms: 58 sexual (ten more), seven hostess (two less), one labour (three less).
            #expect(try await victims(2024, "exploitation = 'sexual'") == 58); #expect(try await victims(2023, "exploitation = 'sexual'") == 48)
            #expect(try await victims(2024, "exploitation = 'hostess'") == 7); #expect(try await victims(2023, "exploitation = 'hostess'") == 9)
            #expect(try await victims(2024, "exploitation = 'labour'") == 1); #expect(try await victims(2023, "exploitation = 'labour'") == 4)
            // One at a Women's Counseling and Support Center; 15 voluntarily repatriated through IOM.
            #expect(try await support(2024, .wcscTemporaryProtection) == 1)
            #expect(try await support(2024, .iomVoluntaryReturn) == 15)

            // ii) suspects: 97 cases (18 less), 58 persons (two more), 51 male (same), seven female (two more).
            #expect(try await count(storage, "cases WHERE cleared_on BETWEEN '2024-01-01' AND '2024-12-31'") == 97)
            #expect(try await count(storage, "cases WHERE cleared_on BETWEEN '2023-01-01' AND '2023-12-31'") == 115)
            #expect(try await suspects(2024) == 58); #expect(try await suspects(2023) == 56)
            #expect(try await suspects(2024, "sex = 'male'") == 51); #expect(try await suspects(2023, "sex = 'male'") == 51)
            #expect(try await suspects(2024, "sex = 'female'") == 7); #expect(try await suspects(2023, "sex = 'female'") == 5)
            #expect(try await suspects(2024, "nationality <> 'JPN'") == 0)
            // Five brokers (five more), no members of organized crime groups (the same).
            #expect(try await suspects(2024, "broker = \(engine == .sqlite ? "1" : "true")") == 5)
            #expect(try await suspects(2023, "broker = \(engine == .sqlite ? "1" : "true")") == 0)
            #expect(try await suspects(2024, "organized_crime = \(engine == .sqlite ? "1" : "true")") == 0)
            // 47 prosecuted (family court included), 11 not prosecuted; 35 guilty, 12 pending as of 2025-03-31.
            #expect(try await suspects(2024, "disposition IN ('prosecuted', 'family_court')") == 47)
            #expect(try await suspects(2024, "disposition = 'not_prosecuted'") == 11)
            let decided = "EXISTS (SELECT 1 FROM trials t WHERE t.suspect_id = suspects.suspect_id AND t.verdict = 'guilty' AND t.decided_on <= '2025-03-31')"
            #expect(try await suspects(2024, decided) == 35)
            let pending = "disposition IN ('prosecuted', 'family_court') AND NOT EXISTS (SELECT 1 FROM trials t WHERE t.suspect_id = suspects.suspect_id AND t.decided_on <= '2025-03-31')"
            #expect(try await suspects(2024, pending) == 12)
            // Table 3: eight awaiting trial as of 2024-03-31; six found guilty since, two still awaiting.
            let awaitingIn2024Report = "disposition IN ('prosecuted', 'family_court') AND NOT EXISTS (SELECT 1 FROM trials t WHERE t.suspect_id = suspects.suspect_id AND t.decided_on <= '2024-03-31')"
            #expect(try await suspects(2023, awaitingIn2024Report) == 8)
            #expect(try await suspects(2023, awaitingIn2024Report + " AND EXISTS (SELECT 1 FROM trials t WHERE t.suspect_id = suspects.suspect_id AND t.verdict = 'guilty' AND t.decided_on <= '2025-03-31')") == 6)
            // Tables 4 and 5: one person each from the 2023 and 2021 reports, guilty by 2025-03-31.
            #expect(try await suspects(2022, awaitingIn2024Report) == 1)
            #expect(try await suspects(2020, awaitingIn2024Report) == 1)
            // Deportation orders against zero perpetrators in 2024.
            #expect(try await count(storage, "suspects WHERE deportation_ordered_on BETWEEN '2024-01-01' AND '2024-12-31'") == 0)
            // Table 2 lists 47 persons; their charges are all recorded.
            #expect(try await count(storage, "(SELECT DISTINCT c.suspect_id FROM charges c JOIN suspects s ON s.suspect_id = c.suspect_id WHERE s.arrested_on BETWEEN '2024-01-01' AND '2024-12-31') AS listed") == 47)
        }
    }

    @Test("the yearly series runs from 2001 with published totals and case-level years", arguments: Engine.available)
    func annualSeries(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            _ = try await BundleImporter(database: storage.database).importBundle(at: ReferenceBundle.directory)
            let series = try await YearStatistics(sql: storage.database.sql).annualSeries()
            #expect(series.map(\.year) == Array(2001...2024))
            let byYear = Dictionary(uniqueKeysWithValues: series.map { ($0.year, $0) })
            #expect(byYear[2001]?.victims == 65 && byYear[2001]?.source == .history)
            // 2020 holds one case-level suspect (Table 5's person) but keeps its published totals.
            #expect(byYear[2020]?.victims == 38 && byYear[2020]?.clearedSuspects == 58 && byYear[2020]?.source == .history)
            #expect(byYear[2024]?.victims == 66 && byYear[2024]?.clearedCases == 97 && byYear[2024]?.clearedSuspects == 58)
            #expect(byYear[2023]?.victims == 61 && byYear[2023]?.source == .records)
        }
    }
}
