import CTIPCore
import FluentKit
import SQLKit

/// One organisation with everything the oversight bodies hold on it: its licence as it stands, its
/// supervising organisation and those it supervises, every inspection and action, newest first.
public struct OrganisationDetail: Sendable {
    public let organisation: OrganisationRecord
    public let supervisor: OrganisationRecord?
    /// The first organisations it supervises (at most `OversightStore.shownSupervised`), and how many in all.
    public let supervised: [OrganisationRecord]
    public let supervisedCount: Int
    public let inspections: [InspectionRecord]
    public let actions: [OversightActionRecord]
    /// The latest signs pointing at it (at most `OversightStore.shownSignals`), newest first.
    public let signals: [OversightSignal]
    /// Joint inspections asked for and not yet made.
    public let openJointInspectionRequests: [JointInspectionRequest]

    /// The action that ended its licence or registration, if one has.
    public var licenceEnded: OversightActionRecord? { actions.filter(\.kind.endsLicence).min { $0.on < $1.on } }
}

/// A sign pointing at an organisation, as the plan weighs it.
public struct OversightSignal: Sendable, Equatable {
    public let kind: OversightSignalKind
    public let notedOn: Day
    public let count: Int
    public let agency: String
}

/// A labour bureau's request that the OTIT inspect an organisation with it.
public struct JointInspectionRequest: Sendable, Equatable {
    public let id: String
    public let organisationID: String
    public let organisationName: String?
    public let agency: String
    public let requestedOn: Day
    public let findings: [InspectionFinding]
}

/// One inspection, its organisation, the actions that follow it and the police told of its findings.
public struct InspectionDetail: Sendable {
    public let inspection: InspectionRecord
    public let organisation: OrganisationRecord
    public let actions: [OversightActionRecord]
    public let policeReferrals: [PoliceReferral]
}

/// The police told of an inspection's findings that may be trafficking: by whom, when, which police.
public struct PoliceReferral: Sendable, Equatable, Codable {
    public let id: String
    public let inspectionID: String
    public let police: String
    public let informedOn: String
    public let agency: String
}

/// A sending country: the schemes whose MOC is in force, its sending organisations, how many were
/// reported to its government, how many may not send now.
public struct SendingCountry: Sendable, Equatable {
    public let country: String
    public var schemesInForce: [OversightScheme]
    public let organisations: Int
    public let reported: Int
    public let suspended: Int

    public init(country: String, schemesInForce: [OversightScheme], organisations: Int, reported: Int, suspended: Int) {
        self.country = country; self.schemesInForce = schemesInForce; self.organisations = organisations; self.reported = reported; self.suspended = suspended
    }
}

/// A published action (revocations, orders, suspensions the ISA and the MHLW announce) with its organisation.
public struct PublishedAction: Sendable, Equatable {
    public let action: OversightActionRecord
    public let organisation: OrganisationRecord
}

/// The oversight records for the staff pages and the public lists (SQL on both engines). Organisations
/// are legal persons: no trainee's identity is in these records, so reading them is not audited as
/// personal data is.
public struct OversightStore: Sendable {
    public let sql: any SQLDatabase
    public init(sql: any SQLDatabase) { self.sql = sql }

    public static let shownSupervised = 200
    public static let shownSignals = 20
    static let columns = BundleFile.organisations.columnNames

    private func organisations(_ query: SQLSelectBuilder) async throws -> [OrganisationRecord] {
        try await query.all().map { try OrganisationRecord(row: $0, caseIDs: []) }
    }

    private func select() -> SQLSelectBuilder { sql.select().columns(Self.columns.map { SQLColumn($0, table: "organisations") }).from("organisations") }

    /// By identifier, licence number (its beginning) or name (any part, English or Japanese); narrowed by
    /// prefecture and kind. At most `limit`, by identifier.
    public func search(_ text: String?, prefecture: String? = nil, kind: OrganisationKind? = nil, limit: Int = 50) async throws -> [OrganisationRecord] {
        var query = select()
        if let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            let pattern = "%" + text.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
            query = query.where { group in
                group.where(SQLColumn("org_id"), .equal, SQLBind(text))
                    .orWhere(SQLColumn("licence_no"), .like, SQLBind(text.replacingOccurrences(of: "%", with: "") + "%"))
                    .orWhere(SQLColumn("name"), .like, SQLBind(pattern))
                    .orWhere(SQLColumn("name_ja"), .like, SQLBind(pattern))
            }
        }
        if let prefecture, !prefecture.isEmpty { query = query.where("prefecture", .equal, prefecture) }
        if let kind { query = query.where("kind", .equal, kind.rawValue) }
        return try await organisations(query.orderBy("org_id").limit(max(1, min(limit, 500))))
    }

    public func exists(_ id: String) async throws -> Bool {
        try await sql.select().column("org_id").from("organisations").where("org_id", .equal, id).first() != nil
    }

    /// The organisation an action was taken against.
    public func organisationOf(action id: String) async throws -> String? {
        try await sql.select().column("org_id").from("oversight_actions").where("action_id", .equal, id).first()?.decode(column: "org_id", as: String.self)
    }

    public func organisation(_ id: String) async throws -> OrganisationDetail? {
        guard let organisation = try await organisations(select().where("org_id", .equal, id)).first else { return nil }
        let supervisor = try await organisation.supervisedBy.asyncMap { try await organisations(select().where("org_id", .equal, $0)).first } ?? nil
        let supervised = try await organisations(select().where("supervised_by", .equal, id).orderBy("org_id").limit(Self.shownSupervised))
        let supervisedCount = try await sql.raw("SELECT COUNT(*) AS n FROM organisations WHERE supervised_by = \(bind: id)").first()?
            .decode(column: "n", as: Int.self) ?? 0
        let inspections = try await sql.select().columns(BundleFile.inspections.columnNames.map { SQLColumn($0) }).from("inspections")
            .where("org_id", .equal, id).orderBy("inspected_on", .descending).orderBy("inspection_id").all()
            .map { try InspectionRecord(row: $0, caseIDs: []) }
        let actions = try await sql.select().columns(BundleTable.of(.actions).columns.map { SQLColumn($0) }).from("oversight_actions")
            .where("org_id", .equal, id).orderBy("on_date", .descending).orderBy("action_id").all()
            .map { try OversightActionRecord(row: $0, caseIDs: []) }
        let signals = try await sql.select().columns("kind", "noted_on", "count", "agency").from("oversight_signals").where("org_id", .equal, id)
            .orderBy("noted_on", .descending).orderBy("signal_id").limit(Self.shownSignals).all().compactMap { row -> OversightSignal? in
                guard let kind = OversightSignalKind(rawValue: try row.decode(column: "kind", as: String.self)),
                      let day = Day(iso: try row.decode(column: "noted_on", as: String.self)) else { return nil }
                return OversightSignal(kind: kind, notedOn: day, count: try row.decode(column: "count", as: Int.self), agency: try row.decode(column: "agency", as: String.self))
            }
        let requests = try await openJointInspectionRequests(organisation: id)
        return OrganisationDetail(organisation: organisation, supervisor: supervisor, supervised: supervised, supervisedCount: supervisedCount,
                                  inspections: inspections, actions: actions, signals: signals, openJointInspectionRequests: requests)
    }

    /// What the inspection plan weighs, for every supervising and implementing organisation whose
    /// licence has not ended by `today`.
    public func planFacts(on today: Day) async throws -> [InspectionPlan.Facts] {
        let since = today.adding(days: -3 * 365).description, day = today.description
        let indicators = InspectionFinding.allCases.filter(\.isTraffickingIndicator)
            .map { "i.findings LIKE '%\($0.rawValue)%'" }.joined(separator: " OR ")
        let ends = OversightActionKind.allCases.filter(\.endsLicence).map { "'\($0.rawValue)'" }.joined(separator: ", ")
        // Codes and a day of `Day`'s own printing: nothing a user typed is spliced in.
        let yearAgo = today.adding(days: -365).description
        let signalColumns = OversightSignalKind.allCases.map { kind in
            "(SELECT CAST(COALESCE(SUM(s.count), 0) AS BIGINT) FROM oversight_signals s WHERE s.org_id = o.org_id AND s.kind = '\(kind.rawValue)' AND s.noted_on > '\(yearAgo)' AND s.noted_on <= '\(day)') AS signal_\(kind.rawValue)"
        }.joined(separator: ",\n  ")
        var requests: [String: JointInspectionRequest] = [:]
        for request in try await openJointInspectionRequests() where requests[request.organisationID] == nil { requests[request.organisationID] = request }
        let rows = try await sql.raw("""
            SELECT o.org_id, o.name, o.kind, o.prefecture, o.licensed_on,
              (SELECT MAX(i.inspected_on) FROM inspections i WHERE i.org_id = o.org_id AND i.inspector IN ('otit', 'joint') AND i.inspected_on <= \(bind: day)) AS last_inspection,
              (SELECT COUNT(*) FROM inspections i WHERE i.org_id = o.org_id AND i.violation_found = 1 AND i.inspected_on >= \(bind: since) AND i.inspected_on <= \(bind: day)) AS violations,
              (SELECT COUNT(*) FROM inspections i WHERE i.org_id = o.org_id AND (\(unsafeRaw: indicators))) AS indicators,
              (SELECT MAX(i.inspected_on) FROM inspections i WHERE i.org_id = o.org_id AND (\(unsafeRaw: indicators))) AS last_indicator,
              (SELECT COUNT(*) FROM oversight_actions a WHERE a.org_id = o.org_id AND a.due_on IS NOT NULL AND a.closed_on IS NULL) AS open_orders,
              (SELECT COUNT(*) FROM oversight_actions a WHERE a.org_id = o.org_id AND a.due_on IS NOT NULL AND a.closed_on IS NULL AND a.due_on < \(bind: day)) AS late,
              \(unsafeRaw: signalColumns)
            FROM organisations o
            WHERE o.kind IN ('supervising', 'implementing')
              AND NOT EXISTS (SELECT 1 FROM oversight_actions e WHERE e.org_id = o.org_id AND e.kind IN (\(unsafeRaw: ends)) AND e.on_date <= \(bind: day))
            """).all()
        return try rows.map { row in
            InspectionPlan.Facts(
                organisationID: try row.decode(column: "org_id", as: String.self), name: try row.decode(column: "name", as: String?.self),
                kind: OrganisationKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .implementing,
                prefecture: try row.decode(column: "prefecture", as: String?.self),
                licensedOn: try row.decode(column: "licensed_on", as: String?.self).flatMap { Day(iso: $0) },
                lastInspection: try row.decode(column: "last_inspection", as: String?.self).flatMap { Day(iso: $0) },
                recentViolations: try row.decode(column: "violations", as: Int.self), indicatorFindings: try row.decode(column: "indicators", as: Int.self),
                lastIndicatorFinding: try row.decode(column: "last_indicator", as: String?.self).flatMap { Day(iso: $0) },
                openOrders: try row.decode(column: "open_orders", as: Int.self), lateReports: try row.decode(column: "late", as: Int.self),
                signals: try OversightSignalKind.allCases.reduce(into: [:]) { counts, kind in
                    let count = try row.decode(column: "signal_\(kind.rawValue)", as: Int.self)
                    if count > 0 { counts[kind] = count }
                },
                jointInspectionRequested: try requests[row.decode(column: "org_id", as: String.self)].map { (on: $0.requestedOn, by: $0.agency) })
        }
    }

    // MARK: Follow-up

    /// Joint inspections asked for and not yet made: no `joint` inspection of the organisation on or
    /// after the request's day. Oldest first.
    public func openJointInspectionRequests(organisation: String? = nil) async throws -> [JointInspectionRequest] {
        let one: SQLQueryString = organisation.map { "r.org_id = \(bind: $0)" } ?? "1 = 1"
        return try await sql.raw("""
            SELECT r.request_id, r.org_id, r.agency, r.requested_on, r.findings, o.name FROM joint_inspection_requests r
            JOIN organisations o ON o.org_id = r.org_id
            WHERE \(one)
              AND NOT EXISTS (SELECT 1 FROM inspections j WHERE j.org_id = r.org_id AND j.inspector = 'joint' AND j.inspected_on >= r.requested_on)
            ORDER BY r.requested_on, r.request_id
            """).all().map { row in
                JointInspectionRequest(id: try row.decode(column: "request_id", as: String.self), organisationID: try row.decode(column: "org_id", as: String.self),
                                       organisationName: try row.decode(column: "name", as: String?.self), agency: try row.decode(column: "agency", as: String.self),
                                       requestedOn: Day(iso: try row.decode(column: "requested_on", as: String.self)) ?? Day(year: 1970, month: 1, day: 1)!,
                                       findings: (try row.decode(column: "findings", as: String?.self) ?? "").split(separator: ";")
                                           .compactMap { InspectionFinding(rawValue: String($0)) })
            }
    }

    /// One inspection with its organisation, the actions that follow it and the police told of it.
    public func inspection(_ id: String) async throws -> InspectionDetail? {
        guard let row = try await sql.select().columns(BundleFile.inspections.columnNames.map { SQLColumn($0) }).from("inspections")
            .where("inspection_id", .equal, id).first() else { return nil }
        let inspection = try InspectionRecord(row: row, caseIDs: [])
        guard let organisation = try await organisations(select().where("org_id", .equal, inspection.organisationID)).first else { return nil }
        let actions = try await sql.select().columns(BundleTable.of(.actions).columns.map { SQLColumn($0) }).from("oversight_actions")
            .where("inspection_id", .equal, id).orderBy("on_date").orderBy("action_id").all()
            .map { try OversightActionRecord(row: $0, caseIDs: []) }
        let referrals = try await policeReferrals(inspection: id)
        return InspectionDetail(inspection: inspection, organisation: organisation, actions: actions, policeReferrals: referrals)
    }

    public func policeReferrals(inspection inspectionID: String) async throws -> [PoliceReferral] {
        try await sql.select().columns("referral_id", "inspection_id", "police", "informed_on", "agency").from("police_referrals")
            .where("inspection_id", .equal, inspectionID).orderBy("informed_on").orderBy("referral_id").all().map { row in
                PoliceReferral(id: try row.decode(column: "referral_id", as: String.self), inspectionID: inspectionID,
                               police: try row.decode(column: "police", as: String.self), informedOn: try row.decode(column: "informed_on", as: String.self),
                               agency: try row.decode(column: "agency", as: String.self))
            }
    }

    /// Orders whose improvement report has not been accepted, the longest overdue first.
    public func openOrders(limit: Int = 500) async throws -> [PublishedAction] {
        try await actionsWithOrganisations { query in
            query.where(SQLColumn("due_on", table: "a"), .isNot, SQLLiteral.null)
                .where(SQLColumn("closed_on", table: "a"), .is, SQLLiteral.null)
                .orderBy(SQLColumn("due_on", table: "a")).orderBy(SQLColumn("action_id", table: "a")).limit(limit)
        }
    }

    /// Actions (`a`) joined with their organisations (`o`), narrowed and ordered by `filter`.
    private func actionsWithOrganisations(_ filter: (SQLSelectBuilder) -> SQLSelectBuilder) async throws -> [PublishedAction] {
        let query = sql.select()
            .columns(BundleTable.of(.actions).columns.map { SQLAlias(SQLColumn($0, table: "a"), as: SQLIdentifier("a_" + $0)) })
            .columns(Self.columns.map { SQLColumn($0, table: "o") })
            .from(SQLAlias(SQLIdentifier("oversight_actions"), as: SQLIdentifier("a")))
            .join(SQLAlias(SQLIdentifier("organisations"), as: SQLIdentifier("o")), method: SQLJoinMethod.inner,
                  on: SQLColumn("org_id", table: "o"), .equal, SQLColumn("org_id", table: "a"))
        return try await filter(query).all().map { row in
            PublishedAction(action: try OversightActionRecord(row: PrefixedRow(row: row, prefix: "a_"), caseIDs: []),
                            organisation: try OrganisationRecord(row: row, caseIDs: []))
        }
    }

    /// Sending countries: the MOCs in force on `day` by scheme, the sending organisations of each and how
    /// many were reported to their government or had acceptance suspended (ever, up to `day`).
    public func sendingCountries(on day: Day) async throws -> [SendingCountry] {
        let agreements = try await sql.select().columns(BundleFile.agreements.columnNames.map { SQLColumn($0) }).from("agreements").all()
            .map { try AgreementRecord(row: $0, caseIDs: []) }
        let rows = try await sql.raw("""
            SELECT o.country,
              COUNT(*) AS organisations,
              SUM(CASE WHEN EXISTS (SELECT 1 FROM oversight_actions a WHERE a.org_id = o.org_id AND a.kind = 'reported_to_government' AND a.on_date <= \(bind: day.description)) THEN 1 ELSE 0 END) AS reported,
              SUM(CASE WHEN EXISTS (SELECT 1 FROM oversight_actions a WHERE a.org_id = o.org_id AND a.kind = 'acceptance_suspended' AND a.on_date <= \(bind: day.description)
                                    AND (a.until IS NULL OR a.until >= \(bind: day.description))) THEN 1 ELSE 0 END) AS suspended
            FROM organisations o WHERE o.kind = 'sending' AND o.country IS NOT NULL GROUP BY o.country
            """).all()
        var countries: [String: SendingCountry] = [:]
        for row in rows {
            let country = try row.decode(column: "country", as: String.self)
            countries[country] = SendingCountry(country: country, schemesInForce: [], organisations: try row.decode(column: "organisations", as: Int.self),
                                                reported: try row.decode(column: "reported", as: Int.self), suspended: try row.decode(column: "suspended", as: Int.self))
        }
        for agreement in agreements where agreement.inForce(on: day) {
            countries[agreement.country, default: SendingCountry(country: agreement.country, schemesInForce: [], organisations: 0, reported: 0, suspended: 0)]
                .schemesInForce.append(agreement.scheme)
        }
        return countries.values.map { country in
            var country = country
            country.schemesInForce = OversightScheme.allCases.filter(country.schemesInForce.contains)
            return country
        }.sorted { $0.country < $1.country }
    }

    /// The sending organisations of one country.
    public func sendingOrganisations(country: String) async throws -> [OrganisationRecord] {
        try await organisations(select().where("kind", .equal, OrganisationKind.sending.rawValue).where("country", .equal, country).orderBy("org_id").limit(500))
    }

    /// The kinds of action the ISA and the MHLW publish.
    public static let publishedKinds: [OversightActionKind] = [.licenceRevoked, .accreditationRevoked, .registrationCancelled,
                                                                 .improvementOrder, .correctionOrder, .businessSuspension]

    /// The published actions of a period, oldest first.
    public func published(_ period: OversightPeriod) async throws -> [PublishedAction] {
        try await actionsWithOrganisations { query in
            query.where(SQLColumn("published", table: "a"), .equal, SQLBind(1))
                .where(SQLColumn("kind", table: "a"), .in, SQLGroupExpression(Self.publishedKinds.map { SQLBind($0.rawValue) }))
                .where(SQLColumn("on_date", table: "a"), .greaterThanOrEqual, SQLBind(period.from.description))
                .where(SQLColumn("on_date", table: "a"), .lessThanOrEqual, SQLBind(period.to.description))
                .orderBy(SQLColumn("on_date", table: "a")).orderBy(SQLColumn("action_id", table: "a"))
        }
    }
}

/// A row whose columns carry a prefix (`a_kind`), read as if they did not.
private struct PrefixedRow: SQLRow {
    let row: any SQLRow
    let prefix: String
    var allColumns: [String] { row.allColumns.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) } }
    func contains(column: String) -> Bool { row.contains(column: prefix + column) }
    func decodeNil(column: String) throws -> Bool { try row.decodeNil(column: prefix + column) }
    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D { try row.decode(column: prefix + column, as: type) }
}

private extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
