import CTIPCore
import CTIPStorage
import Foundation
import Vapor

/// Victim files, their timeline and referrals: pages under `/staff/…`, the same as JSON under `/api/…`.
/// Every route asks `VictimFileStore`, which applies need-to-know and writes the audit trail.
struct VictimFileController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let pages = routes.grouped("staff")
        pages.get("victims", use: listPage)
        pages.get("victims", "new", use: newPage)
        pages.post("victims", use: createPage)
        pages.get("victims", ":id", use: filePage)
        pages.post("victims", ":id", "steps", use: { try await redirectAfter($0) { try await recordStep($0) } })
        pages.post("victims", ":id", "whereabouts", use: { try await redirectAfter($0) { try await setWhereabouts($0) } })
        pages.post("victims", ":id", "referrals", use: { try await redirectAfter($0) { _ = try await refer($0) } })
        pages.post("victims", ":id", "consent-withdrawal", use: { try await redirectAfter($0) { _ = try await withdrawConsent($0) } })
        pages.get("referrals", use: inboxPage)
        pages.post("referrals", ":referral", use: answerPage)

        let api = routes.grouped("api")
        api.get("victims", use: listJSON)
        api.post("victims", use: createJSON)
        api.get("victims", ":id", use: fileJSON)
        api.post("victims", ":id", "steps", use: { request in try await recordStep(request); return try await fileJSON(request: request) })
        api.put("victims", ":id", "whereabouts", use: { request in try await setWhereabouts(request); return Response(status: .noContent) })
        api.post("victims", ":id", "referrals", use: { request in try Response.json(try await refer(request), status: .created) })
        api.post("victims", ":id", "consent-withdrawal", use: { request in try Response.json(ConsentWithdrawn(ended: try await withdrawConsent(request))) })
        api.get("referrals", use: { request in
            let page = Paging.request(request, parts: 2)
            let found = try await store(request).inbox(for: try await request.requireStaff(.answerReferrals), after: page.after, limit: page.limit)
            return try Response.page(found, request)
        })
        api.post("referrals", ":referral", use: { request in try Response.json(try await answer(request)) })
    }

    func store(_ request: Request) -> VictimFileStore {
        let configuration = request.application.ctipConfiguration
        return VictimFileStore(database: request.db, cipher: configuration.cipher, now: configuration.now)
    }

    /// The text fields of a form or of a JSON object (numbers and booleans as text), by name.
    static func fields(_ request: Request) throws -> [String: String] {
        // The API's bodies were checked against the document by `APIContractMiddleware`: JSON only,
        // following the operation's schema — never a record made of defaults.
        if request.url.path.hasPrefix("/api/") {
            guard let fields = request.storage[APIBodyKey.self] else {
                throw Abort(.badRequest, reason: "body: send a JSON object (Content-Type: application/json)")
            }
            return fields
        }
        if request.headers.contentType == .json {
            guard let body = request.body.data, let object = try? JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any] else {
                throw CaseWorkError.invalid([FieldError(field: "body", message: "expected a JSON object")])
            }
            var fields: [String: String] = [:]
            for (key, value) in object {
                switch value {
                case let text as String: fields[key] = text
                case let number as NSNumber: fields[key] = number.stringValue
                case let list as [Any]: fields[key] = list.map { "\($0)" }.joined(separator: ";")
                case is NSNull: continue
                default: throw CaseWorkError.invalid([FieldError(field: key, message: "expected text or a number")])
                }
            }
            return fields
        }
        return (try? request.content.decode([String: String].self)) ?? [:]
    }

    private func redirectAfter(_ request: Request, _ action: (Request) async throws -> Void) async throws -> Response {
        try await action(request)
        let id = request.parameters.get("id") ?? ""
        return request.redirect(to: "/staff/victims/\(id)?lang=\(request.staffLanguage.rawValue)", redirectType: .normal)
    }

    // MARK: Actions shared by pages and API

    func create(_ request: Request) async throws -> String {
        let staff = try await request.requireStaff(.createVictimFile)
        let fields = try Self.fields(request)
        let context = ValidationContext(codeLists: .shipped, offenseCodes: [])
        let id = NewVictimFile.newID(year: Calendar(identifier: .gregorian).component(.year, from: request.application.ctipConfiguration.now()))
        switch NewVictimFile.read(fields, id: id, context: context) {
        case .failure(let problems): throw CaseWorkError.invalid(problems.errors)
        case .success(let file): return try await store(request).create(file, by: staff)
        }
    }

    func recordStep(_ request: Request) async throws {
        let staff = try await request.requireStaff(.recordProtection)
        let fields = try Self.fields(request)
        var errors: [FieldError] = []
        let step = ProtectionStep(rawValue: fields["step"] ?? "")
        if step == nil { errors.append(FieldError(field: "step", message: "expected one of " + ProtectionStep.allCases.map(\.rawValue).joined(separator: ", "),
                                                          japanese: "次のいずれかを選んでください：" + ProtectionStep.allCases.map(\.rawValue).joined(separator: "、"))) }
        let day = Day(iso: fields["on"] ?? "")
        if day == nil { errors.append(FieldError(field: "on", message: "expected a date (YYYY-MM-DD)", japanese: "日付（YYYY-MM-DD）を入力してください")) }
        guard let step, let day, errors.isEmpty else { throw CaseWorkError.invalid(errors) }
        try await store(request).recordStep(try id(request), step: step, on: day, agency: fields["agency"].flatMap { $0.isEmpty ? nil : $0 } ?? staff.agency.code, by: staff)
    }

    func setWhereabouts(_ request: Request) async throws {
        let staff = try await request.requireStaff(.recordProtection)
        let fields = try Self.fields(request)
        var whereabouts: Whereabouts?
        if let text = fields["whereabouts"]?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty {
            // The kind is stated, never guessed (it once defaulted to a shelter).
            let kindText = fields["whereabouts_kind"]?.trimmingCharacters(in: .whitespaces) ?? ""
            guard !kindText.isEmpty else { throw CaseWorkError.invalid([FieldError.whereaboutsNeedAKind]) }
            guard let kind = Whereabouts.Kind(rawValue: kindText) else {
                throw CaseWorkError.invalid([FieldError.unknownWhereaboutsKind])
            }
            whereabouts = Whereabouts(kind: kind, description: text)
        }
        let agency = fields["protecting_agency"].flatMap { $0.isEmpty ? nil : $0 }
        try await store(request).setWhereabouts(try id(request), to: whereabouts, protectingAgency: agency, by: staff)
    }

    func refer(_ request: Request) async throws -> Referral {
        let staff = try await request.requireStaff(.refer)
        let fields = try Self.fields(request)
        var sections = Set<VictimFileSection>()
        for name in (fields["sections"] ?? "").split(whereSeparator: { $0 == ";" || $0 == "," }) {
            guard let section = VictimFileSection(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                throw CaseWorkError.invalid([FieldError(field: "sections", message: "unknown section `\(name.prefix(30))`", japanese: "「\(name.prefix(30))」という項目はありません")])
            }
            sections.insert(section)
        }
        for section in VictimFileSection.allCases where fields["share_\(section.rawValue)"] == "on" { sections.insert(section) }
        // The agency and the basis are decisions: neither is ever taken from a preselected option.
        var errors: [FieldError] = []
        let toAgency = fields["to_agency"] ?? ""
        if toAgency.isEmpty {
            errors.append(FieldError(field: "to_agency", message: "choose the agency to refer the file to", japanese: "照会先の機関を選択してください"))
        }
        let basis = Referral.Basis(rawValue: fields["basis"] ?? "")
        if basis == nil {
            errors.append(FieldError(field: "basis", message: "record the victim's consent (`consent`) or a supervisor's `override`",
                                     japanese: "被害者の同意（consent）か責任者の判断（override）を記録してください"))
        }
        guard let basis, errors.isEmpty else { throw CaseWorkError.invalid(errors) }
        return try await store(request).refer(try id(request), to: toAgency, sections: sections, basis: basis,
                                              overrideReason: fields["override_reason"], by: staff)
    }

    func withdrawConsent(_ request: Request) async throws -> Int {
        let staff = try await request.requireStaff(.recordProtection)
        return try await store(request).withdrawConsent(try id(request), by: staff)
    }

    func answer(_ request: Request) async throws -> Referral {
        let staff = try await request.requireStaff(.answerReferrals)
        let fields = try Self.fields(request)
        guard let answer = Referral.Answer(rawValue: fields["answer"] ?? "") else {
            throw CaseWorkError.invalid([FieldError(field: "answer", message: "expected accept, decline or revoke", japanese: "accept（受諾）、decline（辞退）、revoke（取消）のいずれかです")])
        }
        return try await store(request).answer(referral: request.parameters.get("referral") ?? "", answer, by: staff)
    }

    private func id(_ request: Request) throws -> String { request.parameters.get("id") ?? "" }

    static func filter(_ request: Request) -> VictimFileFilter {
        VictimFileFilter(idPrefix: request.query[String.self, at: "q"], nationality: request.query[String.self, at: "nationality"],
                         exploitation: request.query[String.self, at: "exploitation"], year: request.query[Int.self, at: "year"],
                         minorsOnly: request.query[String.self, at: "minors"] == "on")
    }

    // MARK: JSON

    func listJSON(request: Request) async throws -> Response {
        let staff = try await request.requireStaff(.viewCases)
        let page = Paging.request(request, parts: 2)
        var filter = Self.filter(request)
        filter.limit = page.limit + 1
        filter.after = page.after
        let files = try await store(request).list(for: staff, filter: filter)
        return try Response.page(Page(reading: files, limit: page.limit, key: VictimFileFilter.cursor(after:)), request)
    }

    func createJSON(request: Request) async throws -> Response {
        let id = try await create(request)
        let response = try Response.json(Created(id: id), status: .created)
        response.headers.replaceOrAdd(name: .location, value: "/api/victims/\(id)")
        return response
    }

    func fileJSON(request: Request) async throws -> Response {
        let staff = try await request.requireStaff(.viewCases)
        return try Response.json(try await store(request).open(try id(request), for: staff))
    }

    // MARK: Pages

    func listPage(request: Request) async throws -> Response {
        let staff = try await request.requireStaff(.viewCases)
        let files = try await store(request).list(for: staff, filter: Self.filter(request))
        return VictimFilePages.list(request, files: files)
    }

    func newPage(request: Request) async throws -> Response {
        try await request.requireStaff(.createVictimFile)
        return try await newFileForm(request, values: [:], errors: [], status: .ok)
    }

    /// The new-file form, empty or with what was typed and what is wrong with it.
    private func newFileForm(_ request: Request, values: [String: String], errors: [FieldError], status: HTTPResponseStatus) async throws -> Response {
        VictimFilePages.new(request, values: values, errors: errors, agencies: try await AccountStore(database: request.db).agencies(),
                            frequentNationalities: try await YearStatistics(sql: request.db.sql).frequentNationalities(), status: status)
    }

    func createPage(request: Request) async throws -> Response {
        do {
            let id = try await create(request)
            return request.redirect(to: "/staff/victims/\(id)?lang=\(request.staffLanguage.rawValue)", redirectType: .normal)
        } catch CaseWorkError.invalid(let errors) {
            // The form comes back with what was typed, except the password-like secrets (none here).
            return try await newFileForm(request, values: (try? Self.fields(request)) ?? [:], errors: errors, status: .unprocessableEntity)
        }
    }

    func filePage(request: Request) async throws -> Response {
        let staff = try await request.requireStaff(.viewCases)
        let file = try await store(request).open(try id(request), for: staff)
        return VictimFilePages.file(request, file: file, agencies: try await AccountStore(database: request.db).agencies())
    }

    func inboxPage(request: Request) async throws -> Response {
        let staff = try await request.requireStaff(.answerReferrals)
        return VictimFilePages.inbox(request, referrals: try await store(request).inbox(for: staff).items)
    }

    func answerPage(request: Request) async throws -> Response {
        let referral = try await answer(request)
        if referral.status == .accepted {
            return request.redirect(to: "/staff/victims/\(referral.victimID)?lang=\(request.staffLanguage.rawValue)", redirectType: .normal)
        }
        return request.redirect(to: "/staff/referrals?lang=\(request.staffLanguage.rawValue)", redirectType: .normal)
    }
}
