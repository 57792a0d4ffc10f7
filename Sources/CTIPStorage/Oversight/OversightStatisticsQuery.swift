import CTIPCore
import FluentKit
import SQLKit

/// `ctip oversight stats` in SQL: every key of oversight.md counted in one statement of scalar
/// subqueries, each answered from an index (inspections by inspector and day, actions by kind and day),
/// on both engines. `OversightStatistics` in CTIPCore is the same rules over records in memory; a test
/// holds the two to one answer.
public struct OversightStatisticsQuery: Sendable {
    public let sql: any SQLDatabase
    public init(sql: any SQLDatabase) { self.sql = sql }

    public func figures(_ period: OversightPeriod) async throws -> OversightFigures {
        let from = period.from.description, to = period.to.description
        func inspected(_ inspector: Inspector, _ kind: OrganisationKind, violation: Bool = false) -> SQLQueryString {
            """
            (SELECT COUNT(DISTINCT i.org_id) FROM inspections i JOIN organisations o ON o.org_id = i.org_id
             WHERE i.inspector = \(bind: inspector.rawValue) AND i.inspected_on >= \(bind: from) AND i.inspected_on <= \(bind: to)
             AND o.kind = \(bind: kind.rawValue)\(unsafeRaw: violation ? " AND i.violation_found = 1" : ""))
            """
        }
        func organisations(with action: OversightActionKind, _ kind: OrganisationKind) -> SQLQueryString {
            """
            (SELECT COUNT(DISTINCT a.org_id) FROM oversight_actions a JOIN organisations o ON o.org_id = a.org_id
             WHERE a.kind = \(bind: action.rawValue) AND a.on_date >= \(bind: from) AND a.on_date <= \(bind: to) AND o.kind = \(bind: kind.rawValue))
            """
        }
        func actions(_ action: OversightActionKind, by authority: OversightAuthority? = nil) -> SQLQueryString {
            """
            (SELECT COUNT(*) FROM oversight_actions a WHERE a.kind = \(bind: action.rawValue) AND a.on_date >= \(bind: from) AND a.on_date <= \(bind: to)\
            \(unsafeRaw: authority.map { " AND a.by = '\($0.rawValue)'" } ?? ""))
            """
        }
        func afterJoint(_ action: OversightActionKind) -> SQLQueryString {
            """
            (SELECT COUNT(*) FROM oversight_actions a JOIN inspections i ON i.inspection_id = a.inspection_id
             WHERE a.kind = \(bind: action.rawValue) AND a.on_date >= \(bind: from) AND a.on_date <= \(bind: to) AND i.inspector = 'joint')
            """
        }
        func countries(_ scheme: OversightScheme) -> SQLQueryString {
            """
            (SELECT COUNT(DISTINCT country) FROM agreements WHERE scheme = \(bind: scheme.rawValue) AND signed_on <= \(bind: to)
             AND (ended_on IS NULL OR ended_on > \(bind: to)))
            """
        }
        let ends = OversightActionKind.allCases.filter(\.endsLicence).map { "'\($0.rawValue)'" }.joined(separator: ", ")
        let licensed: SQLQueryString = """
            (SELECT COUNT(*) FROM organisations o WHERE o.kind = 'supervising' AND o.licensed_on <= \(bind: to)
             AND NOT EXISTS (SELECT 1 FROM oversight_actions a WHERE a.org_id = o.org_id AND a.kind IN (\(unsafeRaw: ends)) AND a.on_date <= \(bind: to)))
            """
        let columns: [(String, SQLQueryString)] = [
            ("supervising_licensed", licensed),
            ("otit_inspected_supervising", inspected(.otit, .supervising)),
            ("otit_inspected_implementing", inspected(.otit, .implementing)),
            ("labour_inspected_implementing", inspected(.labourInspection, .implementing)),
            ("labour_violations_implementing", inspected(.labourInspection, .implementing, violation: true)),
            ("labour_referred_to_prosecutors", actions(.referredToProsecutors, by: .labourInspection)),
            ("joint_inspected_implementing", inspected(.joint, .implementing)),
            ("joint_recommendations", afterJoint(.recommendation)),
            ("joint_correction_orders", afterJoint(.correctionOrder)),
            ("supervising_licences_revoked", organisations(with: .licenceRevoked, .supervising)),
            ("implementing_accreditations_revoked", organisations(with: .accreditationRevoked, .implementing)),
            ("sending_reported", organisations(with: .reportedToGovernment, .sending)),
            ("sending_acceptance_suspended", organisations(with: .acceptanceSuspended, .sending)),
            ("ssw_improvement_orders", actions(.improvementOrder)),
            ("support_registrations_cancelled", organisations(with: .registrationCancelled, .registeredSupport)),
            ("moc_countries_titp", countries(.titp)),
            ("moc_countries_ssw", countries(.ssw)),
            ("moc_countries_esd", countries(.esd)),
        ]
        let selected = columns.map { name, subquery -> SQLQueryString in "\(subquery) AS \(ident: name)" }.joined(separator: ", ")
        let statement: SQLQueryString = "SELECT \(selected)"
        guard let row = try await sql.raw(statement).first() else { return OversightFigures(period: period) }
        var figures = OversightFigures(period: period)
        func value(_ name: String) throws -> Int { try row.decode(column: name, as: Int.self) }
        figures.supervisingLicensed = try value("supervising_licensed")
        figures.otitInspectedSupervising = try value("otit_inspected_supervising")
        figures.otitInspectedImplementing = try value("otit_inspected_implementing")
        figures.labourInspectedImplementing = try value("labour_inspected_implementing")
        figures.labourViolationsImplementing = try value("labour_violations_implementing")
        figures.labourReferredToProsecutors = try value("labour_referred_to_prosecutors")
        figures.jointInspectedImplementing = try value("joint_inspected_implementing")
        figures.jointRecommendations = try value("joint_recommendations")
        figures.jointCorrectionOrders = try value("joint_correction_orders")
        figures.supervisingLicencesRevoked = try value("supervising_licences_revoked")
        figures.implementingAccreditationsRevoked = try value("implementing_accreditations_revoked")
        figures.sendingReported = try value("sending_reported")
        figures.sendingAcceptanceSuspended = try value("sending_acceptance_suspended")
        figures.sswImprovementOrders = try value("ssw_improvement_orders")
        figures.supportRegistrationsCancelled = try value("support_registrations_cancelled")
        figures.mocCountriesTitp = try value("moc_countries_titp")
        figures.mocCountriesSsw = try value("moc_countries_ssw")
        figures.mocCountriesEsd = try value("moc_countries_esd")
        return figures
    }
}
