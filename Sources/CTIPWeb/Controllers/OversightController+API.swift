import CTIPCore
import CTIPStorage
import Foundation
import Vapor

/// Programme oversight as JSON under `/api/oversight`: the registry, one organisation, one inspection,
/// the inspection plan, the figures of a period, and the same recording the pages do.
extension OversightController {
    func bootAPI(_ api: any RoutesBuilder) {
        api.get("organisations") { request in
            try await request.requireStaff(.viewOversight)
            let kind = request.query[String.self, at: "kind"].flatMap(OrganisationKind.init(rawValue:))
            let found = try await store(request).search(request.query[String.self, at: "q"], prefecture: request.query[String.self, at: "prefecture"],
                                                        kind: kind, limit: request.query[Int.self, at: "limit"] ?? 50)
            return try Response.json(found.map(OrganisationJSON.init))
        }
        api.get("organisations", ":organisation") { request in
            try await request.requireStaff(.viewOversight)
            guard let detail = try await store(request).organisation(request.parameters.get("organisation") ?? "") else {
                throw Abort(.notFound, reason: "no such organisation")
            }
            return try Response.json(OrganisationDetailJSON(detail))
        }
        api.post("organisations", ":organisation", "inspections") { request in
            let inspection = try await recordInspection(request)
            return try Response.json(InspectionRecordedJSON(inspection, language: request.staffLanguage), status: .created)
        }
        api.post("organisations", ":organisation", "actions") { request in
            try Response.json(Created(id: try await recordAction(request).id), status: .created)
        }
        api.post("organisations", ":organisation", "signals") { request in
            try Response.json(Created(id: try await recordSignal(request)), status: .created)
        }
        api.post("organisations", ":organisation", "joint-inspection-requests") { request in
            try Response.json(Created(id: try await requestJointInspection(request)), status: .created)
        }
        api.get("inspections", ":inspection") { request in
            try await request.requireStaff(.viewOversight)
            guard let detail = try await store(request).inspection(request.parameters.get("inspection") ?? "") else {
                throw Abort(.notFound, reason: "no such inspection")
            }
            return try Response.json(InspectionDetailJSON(detail))
        }
        api.post("inspections", ":inspection", "police") { request in
            try Response.json(try await informPolice(request), status: .created)
        }
        api.put("actions", ":action", "report-accepted") { request in
            try Response.json(ActionJSON(try await acceptImprovementReport(request)))
        }
        api.get("orders") { request in
            try await request.requireStaff(.viewOversight)
            return try Response.json(try await store(request).openOrders(limit: Self.ordersShown).map { ActionJSON($0.action) })
        }
        api.get("plan") { request in
            try await request.requireStaff(.viewOversight)
            let day = request.todayInJapan
            let entries = InspectionPlan.plan(try await store(request).planFacts(on: day), on: day)
            return try Response.json(entries.prefix(request.query[Int.self, at: "limit"] ?? Self.planShown).map(PlanEntryJSON.init))
        }
        api.get("stats") { request in
            try await request.requireStaff(.viewOversight)
            return try Response.json(try await OversightStatisticsQuery(sql: request.db.sql).figures(try period(request)))
        }
    }

    /// `fiscal_year`, else `year`, else `from`–`to` (a missing end is that of the other's fiscal year),
    /// else the last fiscal year that ended. A period that ends before it begins does not exist (404).
    func period(_ request: Request) throws -> OversightPeriod {
        let query = APIContractMiddleware.query(request.url.query)
        if let fiscal = query["fiscal_year"].flatMap(Int.init), let period = OversightPeriod.fiscalYear(fiscal) { return period }
        if let year = query["year"].flatMap(Int.init), let period = OversightPeriod.year(year) { return period }
        let from = query["from"].flatMap(Day.init(iso:)), to = query["to"].flatMap(Day.init(iso:))
        if from == nil && to == nil { return OversightPeriod.fiscalYear(try fiscalYear(request))! }
        // At the calendar's ends (0001, 9999) a fiscal year may not be whole: then the day alone.
        func fiscalYearContaining(_ day: Day) -> OversightPeriod {
            OversightPeriod.fiscalYear(day.month >= 4 ? day.year : day.year - 1) ?? OversightPeriod(from: day, to: day)!
        }
        let start = from ?? fiscalYearContaining(to!).from, end = to ?? fiscalYearContaining(from!).to
        guard let period = OversightPeriod(from: start, to: end) else {
            throw Abort(.notFound, reason: "no such period: `to` \(end) is before `from` \(start)")
        }
        return period
    }
}

// MARK: The JSON

struct OrganisationJSON: Codable, APIObject {
    let id: String
    let kind: String
    let name: String?
    let nameJa: String?
    let prefecture: String?
    let country: String?
    let licenceNo: String?
    let licenceType: String?
    let licensedOn: String?
    let supervisedBy: String?
    let industry: String?

    init(_ record: OrganisationRecord) {
        id = record.id; kind = record.kind.rawValue; name = record.name; nameJa = record.nameJA; prefecture = record.prefecture
        country = record.country; licenceNo = record.licenceNumber; licenceType = record.licenceType?.rawValue
        licensedOn = record.licensedOn?.description; supervisedBy = record.supervisedBy; industry = record.industry
    }

    static let schemaName = "Organisation"
    static let schemaDescription = "An organisation of the programmes, as organisations.csv holds it (shared/spec/oversight.md)."
    static let notes: [String: FieldNote] = [
        "kind": FieldNote(allowed: OrganisationKind.allCases.map(\.rawValue)),
        "licence_type": FieldNote(allowed: LicenceType.allCases.map(\.rawValue)),
        "licensed_on": FieldNote(format: "date"),
    ]
}

struct InspectionJSON: Codable, APIObject {
    let id: String
    let orgId: String
    let inspector: String
    let inspectedOn: String
    let kind: String?
    let violationFound: Bool?
    let findings: [String]

    init(_ record: InspectionRecord) {
        id = record.id; orgId = record.organisationID; inspector = record.inspector.rawValue; inspectedOn = record.inspectedOn.description
        kind = record.kind?.rawValue; violationFound = record.violationFound; findings = record.findings.map(\.rawValue)
    }

    static let schemaName = "Inspection"
    static let schemaDescription = "An inspection as inspections.csv holds it; `violation_found` absent when not yet judged."
    static let notes: [String: FieldNote] = [
        "inspector": FieldNote(allowed: Inspector.allCases.map(\.rawValue)),
        "inspected_on": FieldNote(format: "date"),
        "kind": FieldNote(allowed: InspectionKind.allCases.map(\.rawValue)),
    ]
}

struct ActionJSON: Codable, APIObject {
    let id: String
    let orgId: String
    let kind: String
    let by: String
    let on: String
    let inspectionId: String?
    let until: String?
    let dueOn: String?
    let closedOn: String?
    let published: Bool?

    init(_ record: OversightActionRecord) {
        id = record.id; orgId = record.organisationID; kind = record.kind.rawValue; by = record.by.rawValue; on = record.on.description
        inspectionId = record.inspectionID; until = record.until?.description; dueOn = record.dueOn?.description
        closedOn = record.closedOn?.description; published = record.published
    }

    static let schemaName = "OversightAction"
    static let schemaDescription = "An administrative or criminal step against an organisation, as actions.csv holds it; `closed_on` is the day its improvement report was accepted."
    static let notes: [String: FieldNote] = [
        "kind": FieldNote(allowed: OversightActionKind.allCases.map(\.rawValue)),
        "by": FieldNote(allowed: OversightAuthority.allCases.map(\.rawValue)),
        "on": FieldNote(format: "date"), "until": FieldNote(format: "date"), "due_on": FieldNote(format: "date"), "closed_on": FieldNote(format: "date"),
    ]
}

struct OrganisationDetailJSON: Codable, APIObject {
    let organisation: OrganisationJSON
    let licenceEndedOn: String?
    let supervisor: OrganisationJSON?
    let supervisedCount: Int
    let inspections: [InspectionJSON]
    let actions: [ActionJSON]

    init(_ detail: OrganisationDetail) {
        organisation = OrganisationJSON(detail.organisation); licenceEndedOn = detail.licenceEnded?.on.description
        supervisor = detail.supervisor.map(OrganisationJSON.init); supervisedCount = detail.supervisedCount
        inspections = detail.inspections.map(InspectionJSON.init); actions = detail.actions.map(ActionJSON.init)
    }

    static let schemaName = "OrganisationDetail"
    static let schemaDescription = "An organisation with its licence as it stands, its supervising organisation, how many it supervises, and every inspection and action, newest first."
    static let notes: [String: FieldNote] = ["licence_ended_on": FieldNote(description: "Day its licence or registration ended, if it has.", format: "date")]
}

/// What recording an inspection answers: and, when it found what may be trafficking, what to do next.
struct InspectionRecordedJSON: Codable, APIObject {
    let id: String
    let mayBeTrafficking: [String]
    let screening: String?
    let informPolice: String?

    init(_ inspection: InspectionRecord, language: CTIPCore.Language) {
        id = inspection.id
        mayBeTrafficking = TraffickingIndicatorPrompt.indicators(inspection.findings).map(\.rawValue)
        let boxes = TraffickingIndicatorPrompt.screeningBoxes(inspection.findings)
        screening = boxes.isEmpty ? nil : "/staff/screening?lang=\(language.rawValue)" + boxes.map { "&\($0)=on" }.joined()
        informPolice = boxes.isEmpty ? nil : "/api/oversight/inspections/\(inspection.id)/police"
    }

    static let schemaName = "InspectionRecorded"
    static let schemaDescription = "The new inspection's `id`. When a finding may be trafficking: those findings, the screening to open for each trainee concerned (prefilled), and where to record that the police were informed."
}

struct InspectionDetailJSON: Codable, APIObject {
    let inspection: InspectionJSON
    let organisation: OrganisationJSON
    let mayBeTrafficking: [String]
    let actions: [ActionJSON]
    let policeInformed: [PoliceReferral]

    init(_ detail: InspectionDetail) {
        inspection = InspectionJSON(detail.inspection); organisation = OrganisationJSON(detail.organisation)
        mayBeTrafficking = TraffickingIndicatorPrompt.indicators(detail.inspection.findings).map(\.rawValue)
        actions = detail.actions.map(ActionJSON.init); policeInformed = detail.policeReferrals
    }

    static let schemaName = "InspectionDetail"
    static let schemaDescription = "One inspection, its organisation, the actions that follow it and the police informed of its findings."
}

extension PoliceReferral: APIObject {
    static let schemaName = "PoliceReferral"
    static let schemaDescription = "The police told of an inspection's findings that may be trafficking: which police, when, by which agency."
    static let notes: [String: FieldNote] = ["informed_on": FieldNote(format: "date")]
}

struct PlanEntryJSON: Codable, APIObject {
    let orgId: String
    let name: String?
    let kind: String
    let prefecture: String?
    let due: String?
    let overdue: Bool
    let risk: Int
    let reasons: [String]

    init(_ entry: InspectionPlan.Entry) {
        orgId = entry.facts.organisationID; name = entry.facts.name; kind = entry.facts.kind.rawValue; prefecture = entry.facts.prefecture
        due = entry.due?.description; overdue = entry.overdue; risk = entry.risk; reasons = entry.reasons.map(\.text.en)
    }

    static let schemaName = "InspectionPlanEntry"
    static let schemaDescription = "An organisation due for an OTIT inspection: when, how risky, and why."
    static let notes: [String: FieldNote] = ["due": FieldNote(format: "date")]
}

extension OversightFigures: APIObject {
    static let schemaName = "OversightFigures"
    static let schemaDescription = "The figures of `ctip oversight stats --json` (shared/spec/oversight.md) over the period `from`–`to`."
    static let notes: [String: FieldNote] = ["from": FieldNote(format: "date"), "to": FieldNote(format: "date")]
}
