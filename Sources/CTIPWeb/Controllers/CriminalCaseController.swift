import CTIPCore
import CTIPStorage
import Foundation
import Vapor

/// Cleared cases, their suspects, prosecutions and trials: pages under `/staff/cases`, JSON under
/// `/api/cases` and `/api/suspects`. The report counts what is entered here.
struct CriminalCaseController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let pages = routes.grouped("staff")
        pages.get("cases", use: listPage)
        pages.post("cases", use: { request in
            let id = try await openCase(request)
            return request.redirect(to: "/staff/cases/\(id)?lang=\(request.staffLanguage.rawValue)", redirectType: .normal)
        })
        pages.get("cases", ":case", use: casePage)
        pages.post("cases", ":case", "suspects", use: { request in
            _ = try await addSuspect(request)
            return backToCase(request, request.parameters.get("case") ?? "")
        })
        pages.post("suspects", ":suspect", "disposition", use: { request in backToCase(request, try await recordDisposition(request)) })
        pages.post("suspects", ":suspect", "trial", use: { request in backToCase(request, try await recordTrial(request)) })

        let api = routes.grouped("api")
        api.get("cases", use: { request in
            let staff = try await request.requireStaff(.recordSuspectsAndTrials)
            let page = Paging.request(request, parts: 2)
            let cases = try await store(request).cases(for: staff, limit: page.limit + 1, after: page.after)
            return try Response.page(Page(reading: cases, limit: page.limit) { [$0.clearedOn, $0.id] }, request)
        })
        api.post("cases", use: { request in try Response.json(Created(id: try await openCase(request)), status: .created) })
        api.get("cases", ":case", use: { request in
            let staff = try await request.requireStaff(.recordSuspectsAndTrials)
            return try Response.json(try await store(request).view(request.parameters.get("case") ?? "", by: staff))
        })
        api.post("cases", ":case", "suspects", use: { request in try Response.json(Created(id: try await addSuspect(request)), status: .created) })
        api.put("suspects", ":suspect", "disposition", use: { request in _ = try await recordDisposition(request); return Response(status: .noContent) })
        api.put("suspects", ":suspect", "trial", use: { request in _ = try await recordTrial(request); return Response(status: .noContent) })
    }

    func store(_ request: Request) -> CriminalCaseStore {
        CriminalCaseStore(database: request.db, now: request.application.ctipConfiguration.now)
    }

    var context: ValidationContext { ValidationContext(codeLists: .shipped, offenseCodes: []) }

    func year(_ request: Request) -> Int { Calendar(identifier: .gregorian).component(.year, from: request.application.ctipConfiguration.now()) }

    func backToCase(_ request: Request, _ caseID: String) -> Response {
        request.redirect(to: "/staff/cases/\(caseID)?lang=\(request.staffLanguage.rawValue)", redirectType: .normal)
    }

    func openCase(_ request: Request) async throws -> String {
        let staff = try await request.requireStaff(.recordSuspectsAndTrials)
        let id = RecordForm.newID(prefix: "C", year: year(request))
        let record = try RecordForm.read(CaseRecord.self, try VictimFileController.fields(request), fixed: ["case_id": id], context: context)
            .mapError { CaseWorkError.invalid($0.errors) }.get()
        try await store(request).openCase(record, by: staff)
        return id
    }

    func addSuspect(_ request: Request) async throws -> String {
        let staff = try await request.requireStaff(.recordSuspectsAndTrials)
        let fields = try VictimFileController.fields(request)
        let id = RecordForm.newID(prefix: "S", year: year(request))
        var normalised = fields
        for flag in ["broker", "organized_crime"] { normalised[flag] = ["on", "true", "1"].contains(fields[flag] ?? "") ? "true" : "false" }
        let record = try RecordForm.read(SuspectRecord.self, normalised, fixed: ["suspect_id": id, "case_ids": ""], context: context)
            .mapError { CaseWorkError.invalid($0.errors) }.get()
        let charges = (fields["charges"] ?? "").split(whereSeparator: { $0 == ";" || $0 == "," || $0 == " " }).map(String.init)
        try await store(request).addSuspect(record, charges: charges, toCase: request.parameters.get("case") ?? "", by: staff)
        return id
    }

    /// Returns the case the suspect belongs to.
    func recordDisposition(_ request: Request) async throws -> String {
        let staff = try await request.requireStaff(.recordSuspectsAndTrials)
        let fields = try VictimFileController.fields(request)
        let suspectID = request.parameters.get("suspect") ?? ""
        var errors: [FieldError] = []
        let disposition = Disposition(rawValue: fields["disposition"] ?? "")
        if disposition == nil { errors.append(FieldError(field: "disposition", message: "expected " + Disposition.allCases.map(\.rawValue).joined(separator: ", "),
                                                                 japanese: "次のいずれかを選んでください：" + Disposition.allCases.map(\.rawValue).joined(separator: "、"))) }
        let day = Day(iso: fields["disposition_on"] ?? "")
        if day == nil { errors.append(FieldError(field: "disposition_on", message: "expected a date (YYYY-MM-DD)", japanese: "日付（YYYY-MM-DD）を入力してください")) }
        let reasonText = fields["not_prosecuted_reason"] ?? ""
        let reason = NotProsecutedReason(rawValue: reasonText)
        if !reasonText.isEmpty && reason == nil { errors.append(FieldError(field: "not_prosecuted_reason", message: "expected evidence or other",
                                                                                       japanese: "evidence（証拠上の問題）または other（その他）を選んでください")) }
        let deportationText = fields["deportation_ordered_on"] ?? ""
        let deportation = Day(iso: deportationText)
        if !deportationText.isEmpty && deportation == nil { errors.append(FieldError(field: "deportation_ordered_on", message: "expected a date (YYYY-MM-DD)", japanese: "日付（YYYY-MM-DD）を入力してください")) }
        guard errors.isEmpty, let disposition, let day else { throw CaseWorkError.invalid(errors) }
        try await store(request).recordDisposition(suspect: suspectID, disposition, on: day, reason: reason, deportationOrderedOn: deportation, by: staff)
        return try await store(request).caseID(ofSuspect: suspectID) ?? ""
    }

    func recordTrial(_ request: Request) async throws -> String {
        let staff = try await request.requireStaff(.recordSuspectsAndTrials)
        let suspectID = request.parameters.get("suspect") ?? ""
        let record = try RecordForm.read(TrialRecord.self, try VictimFileController.fields(request), fixed: ["suspect_id": suspectID], context: context)
            .mapError { CaseWorkError.invalid($0.errors) }.get()
        try await store(request).recordTrial(record, by: staff)
        return try await store(request).caseID(ofSuspect: suspectID) ?? ""
    }

    func listPage(request: Request) async throws -> Response {
        let staff = try await request.requireStaff(.recordSuspectsAndTrials)
        return CriminalCasePages.list(request, cases: try await store(request).cases(for: staff), mayOpen: staff.agency.kind.investigates)
    }

    func casePage(request: Request) async throws -> Response {
        let staff = try await request.requireStaff(.recordSuspectsAndTrials)
        let view = try await store(request).view(request.parameters.get("case") ?? "", by: staff)
        let mayAddSuspects = view.owningAgency == staff.agency.code
        // The add-suspect form offers the nationalities of recent victims first, like the new-file form.
        var frequent: [String] = []
        if mayAddSuspects { frequent = try await YearStatistics(sql: request.db.sql).frequentNationalities() }
        return CriminalCasePages.detail(request, view: view, mayAddSuspects: mayAddSuspects, frequentNationalities: frequent)
    }
}
