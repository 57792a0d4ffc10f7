import CTIPCore
import FluentPostgresDriver
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
        // Each suspect's trial is looked up by its key in a subquery: as a join, PostgreSQL hashed every
        // trial of the database for one year's suspects (0.47 s → 0.19 s on a million).
        let suspectRows = try await sql.raw("""
            SELECT s.sex, s.nationality, s.broker, s.organized_crime,
                   CASE WHEN s.disposition_on <= \(bind: cutOff) THEN s.disposition END AS disposition,
                   CASE WHEN s.disposition_on <= \(bind: cutOff) THEN s.not_prosecuted_reason END AS reason,
                   COALESCE((SELECT t.verdict FROM trials t WHERE t.suspect_id = s.suspect_id AND t.decided_on <= \(bind: cutOff)),
                            'pending') AS verdict, COUNT(*) AS n
            FROM suspects s
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
        var rows = PersonTrialRows(asOf: asOf, firstListing: false)
        for chunk in ids.inListChunks {
            rows = try await fold(personTrialsFrom: Self.suspectsWithTrials, where: "s.suspect_id IN (\(binds: Array(chunk)))", into: rows)
        }
        return rows.ordered()
    }

    /// Suspects `s` and their trials `t`, for a filter on the suspects.
    private static let suspectsWithTrials: SQLQueryString = "suspects s LEFT JOIN trials t ON t.suspect_id = s.suspect_id"

    /// Persons with their trial as of the cut-off and their charges, in (arrested_on, suspect_id) order;
    /// `tables` names suspects `s` and trials `t` (joined there or by `filter`). One statement, a row per
    /// charge, decoded as it arrives. `firstListing` keeps only the persons prosecuted by the cut-off of
    /// their arrest year's report (checked here rather than in SQL: see `listedAsAwaitingTrial`).
    private func personTrials(
        from tables: SQLQueryString, where filter: SQLQueryString, asOf: Day, firstListing: Bool = false
    ) async throws -> [ReportFacts.PersonTrial] {
        try await fold(personTrialsFrom: tables, where: filter, into: PersonTrialRows(asOf: asOf, firstListing: firstListing)).ordered()
    }

    private func fold(personTrialsFrom tables: SQLQueryString, where filter: SQLQueryString, into rows: PersonTrialRows) async throws -> PersonTrialRows {
        try await sql.fold("""
            SELECT \(unsafeRaw: PersonTrialRow.columns)
            FROM \(tables) LEFT JOIN charges c ON c.suspect_id = s.suspect_id
            WHERE \(filter)
            """, into: rows) { try $0.add($1) }
    }

    /// The previous report's list when it was not published, by the rule: a person is first listed by the
    /// report of their arrest year when prosecuted by its cut-off (March 31 of the next year) and not yet
    /// decided, and stays listed until a verdict comes before a later report's cut-off.
    ///
    /// Every prosecuted suspect has a trial row, `pending` (no `decided_on`) until decided (the import
    /// enforces it), so the search starts from the trials undecided at the previous cut-off rather than
    /// from every person prosecuted in earlier years. SQLite reads them through the index
    /// `trials_undecided` (one range for each side of the `OR`) and checks each against its suspect in
    /// the index `suspects_prosecution`; PostgreSQL hashes them (about 190,000 for 2020 on a million
    /// suspects) and scans the suspects once. Whether a person was prosecuted by their arrest year's
    /// cut-off is checked on the rows that come back: as a condition in SQL it made PostgreSQL misjudge
    /// how many suspects pass and hash the larger side (0.65 s → 0.40 s).
    private func listedAsAwaitingTrial(beforeYear year: Int, asOf: Day) async throws -> [ReportFacts.PersonTrial] {
        let previousCutOff = Day.reportCutOff(forDataYear: year - 1).description
        // CROSS JOIN keeps SQLite to this order (PostgreSQL plans it freely).
        return try await personTrials(from: "trials t CROSS JOIN suspects s", where: """
            s.suspect_id = t.suspect_id AND (t.decided_on > \(bind: previousCutOff) OR t.decided_on IS NULL)
            AND s.arrested_on < \(bind: YearStatistics.yearStart(year)) AND s.disposition IN ('prosecuted', 'family_court')
            """, asOf: asOf, firstListing: true)
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

/// One row of `personTrials`: a person, their trial and one of their charges.
private struct PersonTrialRow: FoldedRow {
    /// The statement's columns, in the order PostgreSQL's rows are decoded.
    static let columns = """
        s.suspect_id, s.arrested_on, s.disposition_on, t.verdict, t.decided_on, t.imprisonment_months, \
        t.suspension_months, t.fine_yen, c.position, c.offense, c.detail
        """
    var suspectID: String, arrestedOn: String, dispositionOn: String?
    var verdict: String?, decidedOn: String?, imprisonmentMonths: Int?, suspensionMonths: Int?, fineYen: Int?
    var position: Int?, offense: String?, detail: String?

    init(_ row: any SQLRow) throws {
        suspectID = try row.decode(column: "suspect_id", as: String.self)
        arrestedOn = try row.decode(column: "arrested_on", as: String.self)
        dispositionOn = try row.decode(column: "disposition_on", as: String?.self)
        verdict = try row.decode(column: "verdict", as: String?.self)
        decidedOn = try row.decode(column: "decided_on", as: String?.self)
        imprisonmentMonths = try row.decode(column: "imprisonment_months", as: Int?.self)
        suspensionMonths = try row.decode(column: "suspension_months", as: Int?.self)
        fineYen = try row.decode(column: "fine_yen", as: Int?.self)
        position = try row.decode(column: "position", as: Int?.self)
        offense = try row.decode(column: "offense", as: String?.self)
        detail = try row.decode(column: "detail", as: String?.self)
    }

    init(_ row: PostgresRow) throws {
        var cells = PostgresCells(row)
        suspectID = try cells.next(); arrestedOn = try cells.next(); dispositionOn = try cells.next()
        verdict = try cells.next(); decidedOn = try cells.next(); imprisonmentMonths = try cells.next()
        suspensionMonths = try cells.next(); fineYen = try cells.next()
        position = try cells.next(); offense = try cells.next(); detail = try cells.next()
    }
}

/// Rows of persons, their trials and charges (a row per charge) gathered into persons. The rows come in
/// no particular order: ordering them in SQL cost SQLite a sort of every row (0.15 s of the carry-over
/// on a million suspects); ordering the persons at the end costs next to nothing.
private struct PersonTrialRows: Sendable {
    let asOf: Day
    /// Only persons prosecuted by the cut-off of their arrest year's report.
    let firstListing: Bool
    private var persons: [ReportFacts.PersonTrial] = []
    private var chargePositions: [[Int]] = []
    private var personIndex: [String: Int] = [:]

    init(asOf: Day, firstListing: Bool) { self.asOf = asOf; self.firstListing = firstListing }

    mutating func add(_ row: PersonTrialRow) throws {
        let index: Int
        if persons.last?.suspectID == row.suspectID {
            index = persons.count - 1
        } else if let known = personIndex[row.suspectID] {
            index = known
        } else {
            guard let arrestedOn = Day(iso: row.arrestedOn) else {
                throw StorageError.corruptValue(column: "arrested_on", value: row.arrestedOn)
            }
            if firstListing {
                guard let prosecutedOn = row.dispositionOn.flatMap(Day.init(iso:)),
                      prosecutedOn <= Day.reportCutOff(forDataYear: arrestedOn.year) else { return }
            }
            index = persons.count
            personIndex[row.suspectID] = index
            let decidedOn = row.decidedOn.flatMap { Day(iso: $0) }
            let decided = decidedOn.map { $0 <= asOf } ?? false
            persons.append(ReportFacts.PersonTrial(
                suspectID: row.suspectID, arrestedOn: arrestedOn, charges: [],
                verdict: decided ? row.verdict.flatMap(Verdict.init(rawValue:)) ?? .pending : .pending,
                decidedOn: decided ? decidedOn : nil,
                imprisonmentMonths: decided ? row.imprisonmentMonths : nil,
                suspensionMonths: decided ? row.suspensionMonths : nil,
                fineYen: decided ? row.fineYen : nil))
            chargePositions.append([])
        }
        if let offense = row.offense, let position = row.position {
            persons[index].charges.append(.init(offense: offense, detail: row.detail))
            chargePositions[index].append(position)
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
