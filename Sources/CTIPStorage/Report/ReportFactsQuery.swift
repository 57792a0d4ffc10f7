import CTIPCore
import SQLKit

/// Gathers `ReportFacts` in SQL: grouped counts for the data year and the year before, the prosecuted
/// persons with their charges, and the persons the previous report listed as awaiting trial. The same
/// statements run on SQLite and PostgreSQL; dates are ISO text, so year ranges use the date indexes.
struct ReportFactsQuery {
    let sql: any SQLDatabase
    /// Where the independent statements may run side by side. SQLite has one connection per event loop,
    /// so these are handles on different loops; none: every statement on `sql` (in a transaction).
    var readers: [any SQLDatabase] = []

    /// The statements are independent reads: they run side by side, on as many connections as the pool
    /// gives (inside a transaction, one after the other on its connection), so that the database answers
    /// one while CTIP reads the rows of another.
    func facts(year: Int, asOf: Day, published: [ReportFacts.AwaitingPerson]?) async throws -> ReportFacts {
        // With two readers (SQLite on two cores), the carry-over, the longest, shares one with the
        // series; Table 2 and the two years' counts take the other: on a million suspects the two then
        // take about as long.
        async let carriedOver = reading(0) { try await $0.carriedOver(year: year, asOf: asOf, published: published) }
        async let prosecuted = reading(1) { try await $0.prosecutedPersons(year: year, asOf: asOf) }
        async let current = reading(3) { try await $0.yearFacts(year, asOf: asOf) }
        async let previous = reading(5) { try await $0.yearFacts(year - 1, asOf: Day.reportCutOff(forDataYear: year - 1)) }
        async let series = reading(2) { try await YearStatistics(sql: $0.sql).annualSeries() }
        async let offenses = reading(4) { try await $0.offenses() }
        let carried = try await carriedOver
        let awaiting = published ?? carried.map { ReportFacts.AwaitingPerson(suspectID: $0.suspectID, firstReportedIn: $0.arrestedOn.year + 1) }
        return ReportFacts(
            year: year, asOf: asOf, current: try await current, previous: try await previous, prosecuted: try await prosecuted,
            awaitingInPreviousReport: awaiting, previousReportIsPublished: published != nil, carriedOver: carried,
            series: try await series, offenses: try await offenses)
    }

    /// Runs `body` with this query bound to one connection made ready for a long read: the reader
    /// `slot` picks (round robin), or `sql`.
    private func reading<R: Sendable>(_ slot: Int, _ body: @escaping @Sendable (ReportFactsQuery) async throws -> R) async throws -> R {
        let database = readers.isEmpty ? sql : readers[slot % readers.count]
        return try await database.withReadingSession { try await body(ReportFactsQuery(sql: $0)) }
    }

    /// The persons the previous report listed as awaiting trial, with their trials as of this cut-off:
    /// from its published edition, or else found from the records.
    private func carriedOver(year: Int, asOf: Day, published: [ReportFacts.AwaitingPerson]?) async throws -> [ReportFacts.PersonTrial] {
        if let published { return try await personTrials(ids: published.map(\.suspectID), asOf: asOf) }
        return try await listedAsAwaitingTrial(beforeYear: year, asOf: asOf)
    }

    // MARK: - One year's counts

    private func yearFacts(_ year: Int, asOf: Day) async throws -> ReportFacts.Year {
        let (from, to) = (YearStatistics.yearStart(year), YearStatistics.yearStart(year + 1))
        var facts = ReportFacts.Year()
        let victimRows = try await sql.raw("""
            SELECT sex, nationality, residence_status, exploitation,
                   CASE WHEN age IS NULL THEN -1 WHEN age < 18 THEN 1 ELSE 0 END AS minor, COUNT(*) AS n
            FROM victims WHERE protected_on >= \(bind: from) AND protected_on < \(bind: to)
            GROUP BY 1, 2, 3, 4, 5
            """).all()
        for row in victimRows {
            let minor = try row.decode(column: "minor", as: Int.self)
            let group = ReportFacts.VictimGroup(
                sex: try row.decode(column: "sex", as: String.self), nationality: try row.decode(column: "nationality", as: String.self),
                residenceStatus: try row.decode(column: "residence_status", as: String?.self),
                exploitation: try row.decode(column: "exploitation", as: String.self), minor: minor < 0 ? nil : minor == 1)
            facts.victims[group, default: 0] += try row.decode(column: "n", as: Int.self)
        }

        let cutOff = asOf.description
        let suspectRows = try await sql.raw("""
            SELECT s.sex, s.nationality, s.broker, s.organized_crime,
                   CASE WHEN s.disposition_on <= \(bind: cutOff) THEN s.disposition END AS disposition,
                   CASE WHEN s.disposition_on <= \(bind: cutOff) THEN s.not_prosecuted_reason END AS reason,
                   CASE WHEN t.decided_on <= \(bind: cutOff) THEN t.verdict ELSE 'pending' END AS verdict, COUNT(*) AS n
            FROM suspects s LEFT JOIN trials t ON t.suspect_id = s.suspect_id
            WHERE s.arrested_on >= \(bind: from) AND s.arrested_on < \(bind: to)
            GROUP BY 1, 2, 3, 4, 5, 6, 7
            """).all()
        for row in suspectRows {
            let disposition = try row.decode(column: "disposition", as: String?.self).flatMap(Disposition.init(rawValue:))
            let verdict = try row.decode(column: "verdict", as: String.self)
            let group = ReportFacts.SuspectGroup(
                sex: try row.decode(column: "sex", as: String.self), nationality: try row.decode(column: "nationality", as: String.self),
                broker: try row.decode(column: "broker", as: Bool.self), organizedCrime: try row.decode(column: "organized_crime", as: Bool.self),
                disposition: disposition,
                notProsecutedReason: try row.decode(column: "reason", as: String?.self).flatMap(NotProsecutedReason.init(rawValue:)),
                verdict: disposition?.countsAsProsecuted == true ? Verdict(rawValue: verdict) ?? .pending : nil)
            facts.suspects[group, default: 0] += try row.decode(column: "n", as: Int.self)
        }

        facts.clearedCases = try await count("SELECT COUNT(*) AS n FROM cases WHERE cleared_on >= \(bind: from) AND cleared_on < \(bind: to)")
        facts.deportationOrders = try await count("SELECT COUNT(*) AS n FROM suspects WHERE deportation_ordered_on >= \(bind: from) AND deportation_ordered_on < \(bind: to)")
        for row in try await sql.raw("""
            SELECT event, COUNT(DISTINCT victim_id) AS n FROM support_events
            WHERE on_date >= \(bind: from) AND on_date < \(bind: to) GROUP BY event
            """).all() {
            if let event = SupportEvent(rawValue: try row.decode(column: "event", as: String.self)) {
                facts.supportEvents[event] = try row.decode(column: "n", as: Int.self)
            }
        }
        // From the year's protection events to their victims: PostgreSQL planned `victims WHERE victim_id
        // IN (…)` as a scan of every victim (0.25 s on a million; 0.09 s this way).
        for row in try await sql.raw("""
            SELECT v.residence_status,
                   CASE WHEN EXISTS (SELECT 1 FROM support_events c WHERE c.victim_id = v.victim_id
                                     AND c.event = 'residence_status_change_permitted' AND c.on_date <= \(bind: cutOff)) THEN 1 ELSE 0 END AS changed
            FROM (SELECT DISTINCT victim_id FROM support_events WHERE event = 'isa_protection'
                  AND on_date >= \(bind: from) AND on_date < \(bind: to)) AS protected
            CROSS JOIN victims v WHERE v.victim_id = protected.victim_id
            """).all() {
            let status = try row.decode(column: "residence_status", as: String?.self)
            if let status, status != "no_status" { facts.isaWithStatus += 1 }
            facts.isaPermittedChange += try row.decode(column: "changed", as: Int.self)
        }
        return facts
    }

    // MARK: - Persons and their trials

    /// Table 2's persons: arrested in the year and prosecuted by the cut-off.
    private func prosecutedPersons(year: Int, asOf: Day) async throws -> [ReportFacts.PersonTrial] {
        let filter: SQLQueryString = """
            s.arrested_on >= \(bind: YearStatistics.yearStart(year)) AND s.arrested_on < \(bind: YearStatistics.yearStart(year + 1))
            AND s.disposition IN ('prosecuted', 'family_court') AND s.disposition_on <= \(bind: asOf.description)
            """
        return try await personTrials(from: Self.suspectsWithTrials, where: filter, asOf: asOf)
    }

    /// The trials of the given persons as of the cut-off, in (arrested_on, suspect_id) order.
    private func personTrials(ids: [String], asOf: Day) async throws -> [ReportFacts.PersonTrial] {
        var result: [ReportFacts.PersonTrial] = []
        for chunk in ids.inListChunks {
            result += try await personTrials(from: Self.suspectsWithTrials, where: "s.suspect_id IN (\(binds: Array(chunk)))", asOf: asOf)
        }
        return result.sorted { ($0.arrestedOn, $0.suspectID) < ($1.arrestedOn, $1.suspectID) }
    }

    /// Suspects `s` and their trials `t`, for a filter on the suspects.
    private static let suspectsWithTrials: SQLQueryString = "suspects s LEFT JOIN trials t ON t.suspect_id = s.suspect_id"

    /// Persons with their trial as of the cut-off and their charges, in (arrested_on, suspect_id) order;
    /// `tables` names suspects `s` and trials `t` (joined there or by `filter`). One statement, a row per
    /// charge, decoded as it arrives.
    private func personTrials(from tables: SQLQueryString, where filter: SQLQueryString, asOf: Day) async throws -> [ReportFacts.PersonTrial] {
        try await sql.fold("""
            SELECT s.suspect_id, s.arrested_on, t.verdict, t.decided_on, t.imprisonment_months, t.suspension_months, t.fine_yen,
                   c.position, c.offense, c.detail
            FROM \(tables) LEFT JOIN charges c ON c.suspect_id = s.suspect_id
            WHERE \(filter)
            """, into: PersonTrialRows(asOf: asOf)) { try $0.add($1) }.ordered()
    }

    /// The previous report's list when it was not published, by the rule: a person is first listed by the
    /// report of their arrest year when prosecuted by its cut-off (March 31 of the next year) and not yet
    /// decided, and stays listed until a verdict comes before a later report's cut-off.
    ///
    /// Every prosecuted suspect has a trial row, `pending` (no `decided_on`) until decided (the import
    /// enforces it), so the search starts from the trials undecided at the previous cut-off, found by the
    /// index `trials_undecided` (identifiers only), rather than from every person prosecuted in earlier
    /// years; each is then checked against its suspect (on SQLite by the index `suspects_prosecution`).
    private func listedAsAwaitingTrial(beforeYear year: Int, asOf: Day) async throws -> [ReportFacts.PersonTrial] {
        let previousCutOff = Day.reportCutOff(forDataYear: year - 1).description
        // CROSS JOIN keeps SQLite to this order (PostgreSQL plans it freely); the two halves of the
        // UNION ALL are each one range of the index, where `IS NULL OR >` would make SQLite read the rows.
        return try await personTrials(from: """
            (SELECT suspect_id FROM trials WHERE decided_on > \(bind: previousCutOff)
             UNION ALL SELECT suspect_id FROM trials WHERE decided_on IS NULL) AS undecided
            CROSS JOIN suspects s CROSS JOIN trials t
            """, where: """
            s.suspect_id = undecided.suspect_id AND t.suspect_id = s.suspect_id
            AND s.arrested_on < \(bind: YearStatistics.yearStart(year)) AND s.disposition IN ('prosecuted', 'family_court')
            AND s.disposition_on <= CAST(CAST(substr(s.arrested_on, 1, 4) AS INTEGER) + 1 AS TEXT) || '-03-31'
            """, asOf: asOf)
    }

    private func offenses() async throws -> [String: Offense] {
        var result: [String: Offense] = [:]
        for row in try await sql.raw("SELECT code, label_en, label_ja, law FROM offenses").all() {
            let code = try row.decode(column: "code", as: String.self)
            result[code] = Offense(code: code, en: try row.decode(column: "label_en", as: String.self),
                                   ja: try row.decode(column: "label_ja", as: String.self), law: try row.decode(column: "law", as: String?.self) ?? "")
        }
        return result
    }

    private func count(_ query: SQLQueryString) async throws -> Int {
        try await sql.raw(query).first()?.decode(column: "n", as: Int.self) ?? 0
    }
}

/// Rows of persons, their trials and charges (a row per charge) gathered into persons. The rows come in
/// no particular order: ordering them in SQL cost SQLite a sort of every row (0.15 s of the carry-over
/// on a million suspects); ordering the persons at the end costs next to nothing.
private struct PersonTrialRows: Sendable {
    let asOf: Day
    private var persons: [ReportFacts.PersonTrial] = []
    private var chargePositions: [[Int]] = []
    private var personIndex: [String: Int] = [:]

    init(asOf: Day) { self.asOf = asOf }

    mutating func add(_ row: any SQLRow) throws {
        let id = try row.decode(column: "suspect_id", as: String.self)
        let index: Int
        if persons.last?.suspectID == id {
            index = persons.count - 1
        } else if let known = personIndex[id] {
            index = known
        } else {
            index = persons.count
            personIndex[id] = index
            let decidedOn = try row.decode(column: "decided_on", as: String?.self).flatMap { Day(iso: $0) }
            let decided = decidedOn.map { $0 <= asOf } ?? false
            let verdict = decided ? try row.decode(column: "verdict", as: String?.self).flatMap(Verdict.init(rawValue:)) ?? .pending : .pending
            persons.append(ReportFacts.PersonTrial(
                suspectID: id, arrestedOn: Day(iso: try row.decode(column: "arrested_on", as: String.self))!,
                charges: [], verdict: verdict, decidedOn: decided ? decidedOn : nil,
                imprisonmentMonths: decided ? try row.decode(column: "imprisonment_months", as: Int?.self) : nil,
                suspensionMonths: decided ? try row.decode(column: "suspension_months", as: Int?.self) : nil,
                fineYen: decided ? try row.decode(column: "fine_yen", as: Int?.self) : nil))
            chargePositions.append([])
        }
        if let offense = try row.decode(column: "offense", as: String?.self) {
            persons[index].charges.append(.init(offense: offense, detail: try row.decode(column: "detail", as: String?.self)))
            chargePositions[index].append(try row.decode(column: "position", as: Int.self))
        }
    }

    /// The persons in (arrested_on, suspect_id) order, each one's charges in the order of their positions.
    func ordered() -> [ReportFacts.PersonTrial] {
        var persons = self.persons
        for index in persons.indices where chargePositions[index].count > 1 {
            let positions = chargePositions[index]
            guard zip(positions, positions.dropFirst()).contains(where: { $0 > $1 }) else { continue }
            persons[index].charges = zip(positions, persons[index].charges).sorted { $0.0 < $1.0 }.map(\.1)
        }
        persons.sort { ($0.arrestedOn, $0.suspectID) < ($1.arrestedOn, $1.suspectID) }
        return persons
    }
}
