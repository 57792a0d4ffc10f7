import CTIPCore
import CTIPStorage
import Foundation
import Vapor

/// The registers of the measures on the web (issue 18, `docs/measures.md`): a dashboard of each
/// ministry's registers over the years, each register's rows with the form to add one, the same as JSON
/// under `/api/measures`, and the public headline series at `/measures`. Contributors read and write
/// their own ministry's rows; analysts and supervisors read every ministry's (deny by default).
struct MeasuresController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("staff", "measures", use: dashboard)
        routes.get("staff", "measures", ":register", use: registerPage)
        routes.post("staff", "measures", ":register", use: recordPage)
        bootAPI(routes.grouped("api", "measures"))
        routes.get("measures", use: publicPage)
    }

    func store(_ request: Request) -> MeasureStore { MeasureStore(database: request.db) }

    /// Whose rows a member of staff reads: a contributor only their own ministry's; analysts and
    /// supervisors every ministry's (nil).
    static func scope(_ staff: StaffIdentity) -> String? {
        AccessPolicy.allows(staff, .recordMeasures) ? staff.agency.code : nil
    }

    /// The register the path names by its file name without `.csv` (`legal-assistance`); 404 otherwise.
    func register(_ request: Request) throws -> MeasureFile {
        guard let name = request.parameters.get("register"), let file = MeasureFile(rawValue: name) else {
            throw Abort(.notFound, reason: request.staffLanguage == .ja ? "該当する登録簿はありません" : "no such register")
        }
        return file
    }

    /// The form's or the body's fields, without the CSRF token.
    static func fields(_ request: Request) throws -> [String: String] {
        try VictimFileController.fields(request).filter { $0.key != StaffSession.csrfField }
    }

    // MARK: Recording, for the pages and the API alike

    /// Reads a row by the register's own rules (`MeasureFiles.read`, as an import reads its file) with
    /// `ministry` fixed, and records it for `staff`. A problem of the row itself is `invalid` (each
    /// naming its column); one of the rules across rows (distributions larger than the copies printed)
    /// a `conflict` naming its column; another ministry's row is refused (403, audited).
    func recordRow(_ request: Request, file: MeasureFile, fields: [String: String], ministry: String,
                   by staff: StaffIdentity) async throws -> MeasureRow {
        let store = store(request)
        let context = try await store.context(today: request.todayInJapan)
        let row: MeasureRow
        switch MeasureFiles.read(file, fields: fields, fixed: ["ministry": ministry], context: context) {
        // 409 like the oversight records: the document cannot state these rules, so a body that follows it is not a 400/422.
        case .failure(let problems): throw CaseWorkError.conflict(problems.errors)
        case .success(let read): row = read
        }
        do {
            try await store.record(row, by: staff)
        } catch let rejected as BundleRejected {
            throw CaseWorkError.conflict(rejected.issues.map { FieldError(field: $0.column ?? "form", message: $0.message, japanese: $0.japanese) })
        } catch let denied as MeasureWriteDenied {
            try await AuditLog(database: request.db).append(AuditEvent(at: request.application.ctipConfiguration.now(), by: staff, action: .denied,
                                                                       record: "measure:\(file.rawValue)/\(row.keyText)", purpose: "measures register"))
            let language = request.staffLanguage
            throw Abort(.forbidden, reason: language == .ja ? "「\(denied.ministry)」の行は、その府省庁の報告担当だけが記録できます" : denied.description)
        }
        return row
    }

    // MARK: Pages

    func dashboard(request: Request) async throws -> Response {
        let staff = try await request.requireStaff(.viewMeasures)
        let scope = Self.scope(staff)
        let all = try await store(request).rows(ministry: scope)
        let ministries = Array(Set(all.map(\.ministry))).sorted()
        var ministry = scope
        if scope == nil, let asked = request.query[String.self, at: "ministry"], !asked.isEmpty { ministry = asked }
        let rows = ministry.map { code in all.filter { $0.ministry == code } } ?? all
        let registered = request.query[String.self, at: "registered"].flatMap(MeasureFile.init(rawValue:))
        return MeasuresPages.dashboard(request, staff: staff, rows: rows, ministries: ministries, ministry: ministry,
                                       agencies: try await AccountStore(database: request.db).agencies(), today: request.todayInJapan,
                                       registered: registered)
    }

    func registerPage(request: Request) async throws -> Response {
        let staff = try await request.requireStaff(.viewMeasures)
        return try await showRegister(request, staff: staff, file: try register(request))
    }

    func showRegister(_ request: Request, staff: StaffIdentity, file: MeasureFile, sent: MeasuresPages.SentForm? = nil,
                      status: HTTPResponseStatus = .ok) async throws -> Response {
        let rows = try await store(request).rows(file, ministry: Self.scope(staff))
        return MeasuresPages.register(request, file: file, rows: rows, staff: staff, agencies: try await AccountStore(database: request.db).agencies(),
                                      sent: sent, status: status)
    }

    /// Records the form's row for the contributor's own ministry (not a field of the form); a refusal
    /// shows the register's page again (400) with the form as it was sent and each problem beside its field.
    func recordPage(request: Request) async throws -> Response {
        let staff = try await request.requireStaff(.recordMeasures)
        let file = try register(request)
        let fields = try Self.fields(request)
        do {
            _ = try await recordRow(request, file: file, fields: fields, ministry: staff.agency.code, by: staff)
        } catch let error as CaseWorkError {
            switch error {
            case .invalid(let problems), .conflict(let problems):
                return try await showRegister(request, staff: staff, file: file, sent: MeasuresPages.SentForm(values: fields, errors: problems),
                                              status: .badRequest)
            default: throw error
            }
        }
        return request.redirect(to: "/staff/measures?registered=\(file.rawValue)&lang=\(request.staffLanguage.rawValue)", redirectType: .normal)
    }

    /// For everyone, no sign-in: victims and cleared cases by year (section 2's long series), then the
    /// consultations, the hot lines' reports, the IOM returns and the contributions per currency.
    func publicPage(request: Request) async throws -> Response {
        let language = request.preferredLanguage
        let totals = try await YearStatistics(sql: request.db.sql).annualSeries()
        let rows = try await store(request).rows()
        let charts = MeasureDashboard.yearlyTotals(totals, before: request.todayInJapan.year) + MeasureDashboard.publicCharts(rows)
        return HomeController.html(MeasuresPublicPage.render(charts: charts, language: language), language: language.rawValue)
    }
}
