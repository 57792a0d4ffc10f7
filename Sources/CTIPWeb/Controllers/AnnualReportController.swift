import CTIPCore
import CTIPStorage
import Foundation
import Vapor

/// The year's work on the whole annual report (issue 16) for staff, at `/staff/annual-report/…`: the
/// secretariat's board (per item and ministry: requested, drafted, submitted, returned, accepted, overdue),
/// its requests with deadlines, each contribution with its versions and its difference from last year, the
/// ministries' edits and submissions, the secretariat's returns and acceptances, the check, the Council's
/// approval and the publication. Contributors see and write only their own ministry's contributions; the
/// secretariat reviews every one and writes none (deny by default; every step audited).
struct AnnualReportController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let base = routes.grouped("staff", "annual-report")
        base.get(use: years)
        base.post("drafts", use: startDraft)
        base.get(":year", use: board)
        base.post(":year", "requests", use: request)
        base.get(":year", "check", use: check)
        base.get(":year", "outline", use: outline)
        base.post(":year", "outline", use: changeOutline)
        base.post(":year", "exhibits", use: changeExhibits)
        base.post(":year", "approval", use: approve)
        base.post(":year", "publication", use: publish)
        base.get(":year", "contributions", ":id", use: contribution)
        base.post(":year", "contributions", ":id", use: act)
        base.post(":year", "contributions", ":id", "placements", use: place)
    }

    func store(_ request: Request) -> WholeReportStore { WholeReportStore(database: request.db) }

    /// The secretariat or a ministry's contributor; anyone else is refused (and audited).
    func requireReportStaff(_ request: Request) async throws -> StaffIdentity {
        let staff = try await request.requireStaff()
        guard ReportWorkAccess.mayOpenBoard(staff) else { return try await request.requireStaff(.contributeToReport) }
        return staff
    }

    func year(_ request: Request) throws -> Int {
        guard let text = request.parameters.get("year"), let year = Int(text), (1990...2200).contains(year) else {
            throw Abort(.notFound, reason: request.staffLanguage == .ja ? "その年の報告書はありません" : "no such year")
        }
        return year
    }

    func edition(_ request: Request, year: Int) async throws -> WholeEdition {
        guard let edition = try await store(request).load(year: year) else {
            throw Abort(.notFound, reason: request.staffLanguage == .ja ? "\(year)年の報告書はまだありません" : "the \(year) report has no edition yet")
        }
        return edition
    }

    static func fields(_ request: Request) throws -> [String: String] {
        try VictimFileController.fields(request).filter { $0.key != StaffSession.csrfField }
    }

    func redirect(_ request: Request, _ path: String, notice: String? = nil) -> Response {
        let language = request.staffLanguage.rawValue
        let query = notice.map { "?lang=\(language)&done=\($0)" } ?? "?lang=\(language)"
        return request.redirect(to: path + query, redirectType: .normal)
    }

    /// A refusal of the workflow as a page: 403 for who may not, 409 for what cannot be done now, 404 for
    /// what does not exist, 400 for a form to complete (shown again by the caller).
    func refusal(_ request: Request, _ error: ContributionWorkflowError) -> Response {
        let status: HTTPResponseStatus
        switch error {
        case .denied: status = .forbidden
        case .noSuchContribution, .noSuchItem: status = .notFound
        case .commentRequired, .textRequired, .deadlinePassed: status = .badRequest
        case .notNow, .stale, .published, .figureKeyTaken: status = .conflict
        }
        return StaffPages.message(request, status: status, text: error.message(request.staffLanguage))
    }

    // MARK: Years and the board

    func years(request: Request) async throws -> Response {
        let staff = try await requireReportStaff(request)
        let store = store(request)
        var years: [AnnualReportPages.YearLine] = []
        for year in try await store.years().reversed() {
            years.append(.init(year: year, published: try await store.publication(year: year)?.publishedAt,
                               approvedOn: try await store.load(year: year)?.approvedOn))
        }
        return AnnualReportPages.years(request, staff: staff, years: years, nextYear: (years.first?.year ?? request.todayInJapan.year - 2) + 1)
    }

    func startDraft(request: Request) async throws -> Response {
        let staff = try await request.requireStaff(.manageReport)
        let fields = try Self.fields(request)
        guard let year = fields["year"].flatMap({ Int($0) }), (1990...2200).contains(year) else {
            return StaffPages.message(request, status: .badRequest, text: request.staffLanguage == .ja ? "year: 年を数字で入力してください" : "year: give the year as a number")
        }
        do {
            _ = try await store(request).startDraft(year: year, actor: staff.auditActor, agency: staff.agency.code, now: request.now)
        } catch let refusal as WholeReportStore.DraftRefusal {
            return StaffPages.message(request, status: .conflict, text: refusal.message(request.staffLanguage))
        }
        return redirect(request, "/staff/annual-report/\(year)", notice: "draft")
    }

    func board(request: Request) async throws -> Response {
        let staff = try await requireReportStaff(request)
        let year = try year(request)
        let edition = try await edition(request, year: year)
        let store = store(request)
        // A contributor's board is their ministry's; the secretariat may narrow its own to a ministry, a state or what is overdue.
        let asked = request.query[String.self, at: "ministry"].flatMap { $0.isEmpty ? nil : $0 }
        let ministry = AccessPolicy.allows(staff, .manageReport) ? asked : staff.agency.code
        let board = ContributionBoard(edition: edition, work: try await store.work(year: year), today: request.todayInJapan,
                                      language: request.staffLanguage, ministry: ministry)
            .narrowed(to: request.query[String.self, at: "state"].flatMap(ContributionState.init(rawValue:)),
                      overdueOnly: request.query[String.self, at: "overdue"] == "1")
        return AnnualReportPages.board(request, staff: staff, edition: edition, board: board,
                                       publishedAt: try await store.publication(year: year)?.publishedAt, revisions: try await store.revisions(year: year),
                                       agencies: try await AccountStore(database: request.db).agencies(), today: request.todayInJapan,
                                       done: request.query[String.self, at: "done"])
    }

    func request(request: Request) async throws -> Response {
        let staff = try await request.requireStaff(.manageReport)
        let year = try year(request)
        let fields = try Self.fields(request)
        let language = request.staffLanguage
        var problems: [FieldError] = []
        let ministry = fields["ministry", default: ""].trimmingCharacters(in: .whitespaces)
        if ministry.isEmpty { problems.append(FieldError(field: "ministry", message: "choose the ministry", japanese: "府省庁を選んでください")) }
        let deadline = Day(iso: fields["deadline", default: ""].trimmingCharacters(in: .whitespaces))
        if deadline == nil { problems.append(FieldError(field: "deadline", message: "give the deadline as YYYY-MM-DD", japanese: "期限を YYYY-MM-DD で入力してください")) }
        let itemText = fields["item", default: ""].trimmingCharacters(in: .whitespaces)
        let item = itemText.isEmpty ? nil : OutlineNumber(itemText)
        if !itemText.isEmpty && item == nil {
            problems.append(FieldError(field: "item", message: "“\(itemText)” is not an item number such as 3 (7) i)", japanese: "「\(itemText)」は 3 (7) i) のような項目番号ではありません"))
        }
        if problems.isEmpty, let deadline {
            do {
                let concerned = try await store(request).request(year: year, item: item, ministry: ministry, deadline: deadline, today: request.todayInJapan,
                                                                  by: staff, now: request.now)
                return redirect(request, "/staff/annual-report/\(year)", notice: "requested-\(concerned.count)")
            } catch let error as ContributionWorkflowError {
                if case .denied = error { return refusal(request, error) }
                if case .published = error { return refusal(request, error) }
                problems.append(FieldError(field: error.field, message: error.message(.en), japanese: error.message(.ja)))
            }
        }
        let edition = try await edition(request, year: year)
        let board = ContributionBoard(edition: edition, work: try await store(request).work(year: year), today: request.todayInJapan, language: language)
        return AnnualReportPages.board(request, staff: staff, edition: edition, board: board, publishedAt: nil, revisions: [],
                                       agencies: try await AccountStore(database: request.db).agencies(), today: request.todayInJapan, done: nil,
                                       sent: .init(values: fields, errors: problems), status: .badRequest)
    }

    // MARK: One contribution

    func contributionID(_ request: Request) -> String { request.parameters.get("id") ?? "" }

    func contribution(request: Request) async throws -> Response {
        let staff = try await requireReportStaff(request)
        return try await showContribution(request, staff: staff, year: try year(request), id: contributionID(request))
    }

    func showContribution(_ request: Request, staff: StaffIdentity, year: Int, id: String, sent: AnnualReportPages.SentForm? = nil,
                          status: HTTPResponseStatus = .ok) async throws -> Response {
        let edition = try await edition(request, year: year)
        guard let contribution = edition.contributions.first(where: { $0.id == id }) else {
            return refusal(request, .noSuchContribution(id: id))
        }
        guard ReportWorkAccess.mayRead(staff, ministries: contribution.ministries) else {
            try await AuditLog(database: request.db).append(AuditEvent(at: request.now, by: staff, action: .denied,
                                                                       record: "report_contribution:\(year)/\(id)", purpose: "annual report"))
            return refusal(request, .denied(action: .edit))
        }
        let store = store(request)
        let work = try await store.work(year: year)[id] ?? ContributionWork()
        let history = try await store.history(year: year, contribution: id)
        // The history names each account by its e-mail (the audit trail keeps the account's id).
        var names: [String: String] = [:]
        let accounts = AccountStore(database: request.db)
        for actor in Set(history.map(\.actor)) where actor.hasPrefix("user:") {
            if let account = try await accounts.account(userID: String(actor.dropFirst("user:".count))) { names[actor] = account.identity.email }
        }
        return AnnualReportPages.contribution(
            request, staff: staff, edition: edition, contribution: contribution, work: work,
            history: history, names: names, lastYear: try await store.lastYearsText(year: year, contribution: id),
            published: try await store.publication(year: year) != nil, agencies: try await AccountStore(database: request.db).agencies(),
            today: request.todayInJapan, sent: sent, status: status, done: request.query[String.self, at: "done"])
    }

    func act(request: Request) async throws -> Response {
        let staff = try await requireReportStaff(request)
        let year = try year(request), id = contributionID(request)
        let fields = try Self.fields(request)
        guard let action = fields["action"].flatMap(ContributionAction.init(rawValue:)),
              [.edit, .submit, .return, .accept, .comment, .correct].contains(action) else {
            return StaffPages.message(request, status: .badRequest, text: request.staffLanguage == .ja ? "action: 操作を選んでください" : "action: choose what to do")
        }
        // Submitting from the edit form saves the text shown first: what is submitted is what was on the screen.
        var writing: WholeReportStore.Writing? = (action == .edit || action == .correct || (action == .submit && fields["text_en"] != nil))
            ? .init(textEN: Self.normalised(fields["text_en"] ?? ""), textJA: Self.normalised(fields["text_ja"] ?? ""),
                    japaneseIsTranslation: fields["ja_status"] == TextStatus.translation.rawValue)
            : nil
        // The figures the text declares, one line each as under a contribution file's `figures:`.
        if writing != nil, let lines = fields["figures"] {
            let agencies = Set(try await AccountStore(database: request.db).agencies().map(\.code))
            let read = ContributionFile.figures(fromLines: lines, agencies: agencies)
            guard read.problems.isEmpty else {
                return try await showContribution(request, staff: staff, year: year, id: id, sent: .init(values: fields, errors: read.problems.map {
                    FieldError(field: "figures", message: $0)
                }), status: .badRequest)
            }
            writing?.figures = read.figures
        }
        do {
            let opened = fields["revision"].flatMap { Int($0) }
            let store = store(request)
            if action == .correct, let writing {
                try await store.correct(year: year, contribution: id, writing: writing, reason: fields["comment"] ?? "", by: staff, now: request.now)
            } else if action == .submit, let writing {
                let saved = try await store.act(.edit, year: year, contribution: id, openedAt: opened, by: staff, writing: writing, now: request.now)
                try await store.act(.submit, year: year, contribution: id, openedAt: saved.revision, by: staff, comment: fields["comment"] ?? "",
                                    now: request.now)
            } else {
                try await store.act(action, year: year, contribution: id, openedAt: opened, by: staff, writing: writing,
                                    comment: fields["comment"] ?? "", now: request.now)
            }
        } catch let error as ContributionWorkflowError {
            switch error {
            case .commentRequired, .textRequired, .figureKeyTaken:
                return try await showContribution(request, staff: staff, year: year, id: id,
                                                  sent: .init(values: fields, errors: [FieldError(field: error.field, message: error.message(.en),
                                                                                                  japanese: error.message(.ja))]),
                                                  status: .badRequest)
            case .stale:
                return try await showContribution(request, staff: staff, year: year, id: id,
                                                  sent: .init(values: fields, errors: [FieldError(field: "form", message: error.message(.en),
                                                                                                  japanese: error.message(.ja))]),
                                                  status: .conflict)
            default: return refusal(request, error)
            }
        }
        return redirect(request, "/staff/annual-report/\(year)/contributions/\(id)", notice: action.rawValue)
    }

    /// Line ends as the files write them, no trailing spaces: a version differs only where its words do.
    static func normalised(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.replacing(/\s+$/, with: "") }.joined(separator: "\n").trimmingCharacters(in: .newlines)
    }

    // MARK: Check, approval, publication

    func check(request: Request) async throws -> Response {
        let staff = try await request.requireStaff(.manageReport)
        let year = try year(request)
        guard let findings = try await store(request).check(year: year) else { _ = try await edition(request, year: year); return Response(status: .notFound) }
        return AnnualReportPages.check(request, staff: staff, year: year, findings: findings)
    }

    func approve(request: Request) async throws -> Response {
        let staff = try await request.requireStaff(.manageReport)
        let year = try year(request)
        let fields = try Self.fields(request)
        _ = try await edition(request, year: year)
        guard let day = Day(iso: fields["approved_on", default: ""].trimmingCharacters(in: .whitespaces)), day <= request.todayInJapan else {
            return StaffPages.message(request, status: .badRequest, text: request.staffLanguage == .ja
                ? "approved_on: 承認日を今日以前の YYYY-MM-DD で入力してください" : "approved_on: give the day of the Council's approval (YYYY-MM-DD, not in the future)")
        }
        do {
            try await store(request).approve(year: year, on: day, actor: staff.auditActor, agency: staff.agency.code, now: request.now)
        } catch WholeReportError.published {
            return refusal(request, .published(year: year))
        }
        return redirect(request, "/staff/annual-report/\(year)", notice: "approved")
    }

    /// Freezes section 2 and the whole report together (`AnnualReports.publish`), as `ctip report publish` does.
    func publish(request: Request) async throws -> Response {
        let staff = try await request.requireStaff(.manageReport)
        let year = try year(request)
        _ = try await edition(request, year: year)
        let language = request.staffLanguage
        do {
            let edition = try await request.annualReports.publish(year: year, at: request.now)
            try await AuditLog(database: request.db).append(AuditEvent(at: request.now, by: staff, action: .create, record: "report_edition:\(year)",
                                                                       fields: ["sha256=\(edition.contentHash)"], purpose: "annual report publication"))
        } catch WholeReportError.notApproved {
            return StaffPages.message(request, status: .conflict, text: language == .ja
                ? "推進会議の承認日が記録されていません。先に承認日を記録してください" : "the Council's approval is not recorded: record the day of approval first")
        } catch let error as ReportEditionError {
            return StaffPages.message(request, status: .conflict, text: error.description)
        }
        return redirect(request, "/staff/annual-report/\(year)", notice: "published")
    }
}
