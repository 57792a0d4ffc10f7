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

    /// The action that ended its licence or registration, if one has.
    public var licenceEnded: OversightActionRecord? { actions.filter(\.kind.endsLicence).min { $0.on < $1.on } }
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
        return OrganisationDetail(organisation: organisation, supervisor: supervisor, supervised: supervised, supervisedCount: supervisedCount,
                                  inspections: inspections, actions: actions)
    }

    /// What the inspection plan weighs, for every supervising and implementing organisation whose
    /// licence has not ended by `today`.
    public func planFacts(on today: Day) async throws -> [InspectionPlan.Facts] {
        let since = today.adding(days: -3 * 365).description, day = today.description
        let indicators = InspectionFinding.allCases.filter(\.isTraffickingIndicator)
            .map { "i.findings LIKE '%\($0.rawValue)%'" }.joined(separator: " OR ")
        let ends = OversightActionKind.allCases.filter(\.endsLicence).map { "'\($0.rawValue)'" }.joined(separator: ", ")
        let rows = try await sql.raw("""
            SELECT o.org_id, o.name, o.kind, o.prefecture, o.licensed_on,
              (SELECT MAX(i.inspected_on) FROM inspections i WHERE i.org_id = o.org_id AND i.inspector IN ('otit', 'joint') AND i.inspected_on <= \(bind: day)) AS last_inspection,
              (SELECT COUNT(*) FROM inspections i WHERE i.org_id = o.org_id AND i.violation_found = 1 AND i.inspected_on >= \(bind: since) AND i.inspected_on <= \(bind: day)) AS violations,
              (SELECT COUNT(*) FROM inspections i WHERE i.org_id = o.org_id AND (\(unsafeRaw: indicators))) AS indicators,
              (SELECT MAX(i.inspected_on) FROM inspections i WHERE i.org_id = o.org_id AND (\(unsafeRaw: indicators))) AS last_indicator,
              (SELECT COUNT(*) FROM oversight_actions a WHERE a.org_id = o.org_id AND a.due_on IS NOT NULL AND a.closed_on IS NULL) AS open_orders,
              (SELECT COUNT(*) FROM oversight_actions a WHERE a.org_id = o.org_id AND a.due_on IS NOT NULL AND a.closed_on IS NULL AND a.due_on < \(bind: day)) AS late
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
                openOrders: try row.decode(column: "open_orders", as: Int.self), lateReports: try row.decode(column: "late", as: Int.self))
        }
    }

    /// The kinds of action the ISA and the MHLW publish.
    public static let publishedKinds: [OversightActionKind] = [.licenceRevoked, .accreditationRevoked, .registrationCancelled,
                                                                 .improvementOrder, .correctionOrder, .businessSuspension]

    /// The published actions of a period, oldest first.
    public func published(_ period: OversightPeriod) async throws -> [PublishedAction] {
        let actionColumns = BundleTable.of(.actions).columns
        let rows = try await sql.select()
            .columns(actionColumns.map { SQLAlias(SQLColumn($0, table: "a"), as: SQLIdentifier("a_" + $0)) })
            .columns(Self.columns.map { SQLColumn($0, table: "o") })
            .from(SQLAlias(SQLIdentifier("oversight_actions"), as: SQLIdentifier("a")))
            .join(SQLAlias(SQLIdentifier("organisations"), as: SQLIdentifier("o")), method: SQLJoinMethod.inner,
                  on: SQLColumn("org_id", table: "o"), .equal, SQLColumn("org_id", table: "a"))
            .where(SQLColumn("published", table: "a"), .equal, SQLBind(1))
            .where(SQLColumn("kind", table: "a"), .in, SQLGroupExpression(Self.publishedKinds.map { SQLBind($0.rawValue) }))
            .where(SQLColumn("on_date", table: "a"), .greaterThanOrEqual, SQLBind(period.from.description))
            .where(SQLColumn("on_date", table: "a"), .lessThanOrEqual, SQLBind(period.to.description))
            .orderBy(SQLColumn("on_date", table: "a")).orderBy(SQLColumn("action_id", table: "a")).all()
        return try rows.map { row in
            PublishedAction(action: try OversightActionRecord(row: PrefixedRow(row: row, prefix: "a_"), caseIDs: []),
                            organisation: try OrganisationRecord(row: row, caseIDs: []))
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
