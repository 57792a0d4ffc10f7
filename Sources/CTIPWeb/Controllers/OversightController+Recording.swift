import CTIPCore
import CTIPStorage
import Foundation
import Vapor

/// What the oversight bodies record, for the pages and the API alike: the form's or body's fields are
/// read by the bundle's own row rules (`RecordForm`), then `OversightRecorder` checks them against the
/// records and writes them with their audit entry. What the API's document cannot state — a day after
/// today, a due day before the order — is refused as a conflict with the records (409), as the
/// recorder's own rules are; the pages show either as the form sent back (422).
extension OversightController {
    func recorder(_ request: Request) -> OversightRecorder {
        OversightRecorder(database: request.db, now: request.application.ctipConfiguration.now)
    }

    /// The organisation of the path, which must exist (404 otherwise).
    func organisationID(_ request: Request) async throws -> String {
        let id = request.parameters.get("organisation") ?? ""
        guard try await store(request).exists(id) else {
            throw Abort(.notFound, reason: request.staffLanguage == .ja ? "該当する機関はありません" : "no such organisation")
        }
        return id
    }

    /// The fields as the row rules read them: the page's boxes (`finding_passport_retained=on`) become
    /// the `findings` list the API sends, a ticked `published` box `true`.
    static func fields(_ request: Request) throws -> [String: String] {
        var fields = try VictimFileController.fields(request)
        if fields["findings"] == nil {
            let ticked = InspectionFinding.allCases.filter { fields["finding_\($0.rawValue)"] == "on" }.map(\.rawValue)
            if !ticked.isEmpty { fields["findings"] = ticked.joined(separator: ";") }
        }
        if fields["published"] == "on" { fields["published"] = "true" }
        return fields.filter { !$0.key.hasPrefix("finding_") && $0.key != StaffSession.csrfField }
    }

    func recordInspection(_ request: Request) async throws -> InspectionRecord {
        let staff = try await request.requireStaff(.recordOversight)
        let organisation = try await organisationID(request)
        let recorder = recorder(request)
        let id = RecordForm.newID(prefix: "INS", year: recorder.today.year)
        let inspection = try RecordForm.read(InspectionRecord.self, try Self.fields(request), fixed: ["inspection_id": id, "org_id": organisation],
                                             context: recorder.context).mapError { CaseWorkError.conflict($0.errors) }.get()
        try await recorder.recordInspection(inspection, by: staff)
        return inspection
    }

    func recordAction(_ request: Request) async throws -> OversightActionRecord {
        let staff = try await request.requireStaff(.recordOversight)
        let organisation = try await organisationID(request)
        let recorder = recorder(request)
        let id = RecordForm.newID(prefix: "ACT", year: recorder.today.year)
        let action = try RecordForm.read(OversightActionRecord.self, try Self.fields(request), fixed: ["action_id": id, "org_id": organisation],
                                         context: recorder.context).mapError { CaseWorkError.conflict($0.errors) }.get()
        try await recorder.recordAction(action, by: staff)
        return action
    }

    func acceptImprovementReport(_ request: Request) async throws -> OversightActionRecord {
        let staff = try await request.requireStaff(.recordOversight)
        let fields = try Self.fields(request)
        guard let day = Day(iso: fields["closed_on"] ?? "") else {
            throw CaseWorkError.invalid([FieldError(field: "closed_on", message: "expected a date (YYYY-MM-DD)", japanese: "日付（YYYY-MM-DD）を入力してください")])
        }
        return try await recorder(request).acceptImprovementReport(action: request.parameters.get("action") ?? "", on: day, by: staff)
    }

    func informPolice(_ request: Request) async throws -> PoliceReferral {
        let staff = try await request.requireStaff(.recordOversight)
        let fields = try Self.fields(request)
        var errors: [FieldError] = []
        let day = Day(iso: fields["informed_on"] ?? "")
        if day == nil { errors.append(FieldError(field: "informed_on", message: "expected a date (YYYY-MM-DD)", japanese: "日付（YYYY-MM-DD）を入力してください")) }
        guard errors.isEmpty, let day else { throw CaseWorkError.invalid(errors) }
        guard let police = try await AccountStore(database: request.db).agency(code: fields["police"] ?? "") else {
            throw CaseWorkError.conflict([FieldError(field: "police", message: "choose a police agency of the directory", japanese: "警察を選んでください")])
        }
        return try await recorder(request).informPolice(inspection: request.parameters.get("inspection") ?? "", police: police, on: day, by: staff)
    }

    func requestJointInspection(_ request: Request) async throws -> String {
        let staff = try await request.requireStaff(.recordOversight)
        let organisation = try await organisationID(request)
        let fields = try Self.fields(request)
        var findings: [InspectionFinding] = []
        for code in (fields["findings"] ?? "").split(separator: ";") {
            guard let finding = InspectionFinding(rawValue: String(code)) else {
                throw CaseWorkError.invalid([FieldError(field: "findings", message: "unknown finding `\(code.prefix(40))`", japanese: "「\(code.prefix(40))」は指摘事項のコードではありません")])
            }
            if !findings.contains(finding) { findings.append(finding) }
        }
        return try await recorder(request).requestJointInspection(of: organisation, findings: findings, by: staff)
    }

    func recordSignal(_ request: Request) async throws -> String {
        let staff = try await request.requireStaff(.recordOversight)
        let organisation = try await organisationID(request)
        let fields = try Self.fields(request)
        var errors: [FieldError] = []
        let kind = OversightSignalKind(rawValue: fields["kind"] ?? "")
        if kind == nil { errors.append(FieldError(field: "kind", message: "expected one of \(OversightSignalKind.allowedCodes)", japanese: "種類を選んでください")) }
        let day = Day(iso: fields["noted_on"] ?? "")
        if day == nil { errors.append(FieldError(field: "noted_on", message: "expected a date (YYYY-MM-DD)", japanese: "日付（YYYY-MM-DD）を入力してください")) }
        let countText = fields["count"] ?? "1"
        let count = Int(countText.isEmpty ? "1" : countText)
        if count == nil { errors.append(FieldError(field: "count", message: "expected a whole number", japanese: "整数を入力してください")) }
        guard errors.isEmpty, let kind, let day, let count else { throw CaseWorkError.invalid(errors) }
        return try await recorder(request).recordSignal(kind, about: organisation, on: day, count: count, by: staff)
    }

    // MARK: Pages

    /// Runs a form's recording; a refusal shows the organisation's page again with the form as it was
    /// sent and each problem named by its field.
    func recordingPage(_ request: Request, form: OversightPages.FormName, organisation: String? = nil,
                       then next: (Request) async throws -> String) async throws -> Response {
        do {
            return request.redirect(to: try await next(request), redirectType: .normal)
        } catch let error as CaseWorkError {
            let errors: [FieldError]
            switch error {
            case .invalid(let problems), .conflict(let problems): errors = problems
            default: throw error
            }
            let values = (try? Self.fields(request)) ?? [:]
            let sent = OversightPages.SentForm(name: form, values: values, errors: errors)
            if let inspection = request.parameters.get("inspection"), let detail = try await store(request).inspection(inspection) {
                return OversightPages.inspection(request, detail, may: try await abilities(request), sent: sent, status: .unprocessableEntity)
            }
            guard let detail = try await store(request).organisation(organisation ?? request.parameters.get("organisation") ?? "") else { throw error }
            return OversightPages.organisation(request, detail, may: try await abilities(request), sent: sent, status: .unprocessableEntity)
        }
    }

    func organisationPath(_ request: Request, _ id: String, anchor: String) -> String {
        "/staff/oversight/organisations/\(id)?lang=\(request.staffLanguage.rawValue)#\(anchor)"
    }

    /// What the signed-in member of staff may do on the oversight pages.
    func abilities(_ request: Request) async throws -> OversightPages.Abilities {
        let staff = try await request.requireStaff(.viewOversight)
        let records = AccessPolicy.allows(staff, .recordOversight)
        return OversightPages.Abilities(inspectors: records ? OversightRole.inspectors(for: staff.agency.kind) : [],
                                        authorities: records ? OversightRole.authorities(for: staff.agency.kind) : [],
                                        requestJointInspection: records && OversightRole.mayRequestJointInspection(staff.agency.kind),
                                        screen: AccessPolicy.allows(staff, .screen), today: request.todayInJapan,
                                        police: try await AccountStore(database: request.db).agencies().filter { $0.kind == .police })
    }
}
