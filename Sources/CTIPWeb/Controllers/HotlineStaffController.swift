import CTIPCore
import CTIPStorage
import Fluent
import Vapor

/// `/staff/hotline`: triage, the police queue, rewards, internet items and deletion requests, phone
/// intake and statistics. Every page asks the gate first (deny by default); every change goes through
/// `HotlineStaff`, which writes the audit trail with the acting staff member.
struct HotlineStaffController: RouteCollection {
    let gate: any HotlineStaffGate
    let hasher: PasscodeHasher
    let writer: TipBatchWriter
    /// The clock for what staff record and for the current fiscal year (`WebConfiguration.now`).
    var now: @Sendable () -> Date = Date.init

    func boot(routes: any RoutesBuilder) throws {
        let staff = routes.grouped("staff", "hotline")
        staff.get(use: dashboard)
        staff.get("police", use: policeQueue)
        staff.get("police", "internet", use: reportedToPolice)
        staff.get("tips", ":receipt", use: tip)
        for action in ["classify", "ask", "merge", "forward", "acknowledge", "outcome", "reward"] {
            staff.post("tips", ":receipt", .constant(action), use: { try await self.tipAction($0, action) })
        }
        staff.get("internet", ":item", use: item)
        for action in ["judge", "request-deletion", "deletion"] {
            staff.post("internet", ":item", .constant(action), use: { try await self.itemAction($0, action) })
        }
        staff.get("intake", use: intakeForm)
        staff.post("intake", use: intake)
        staff.get("rewards", use: rewardsForm)
        staff.post("rewards", use: payReward)
        staff.get("stats", use: statistics)
    }

    func staff(_ request: Request) -> HotlineStaff {
        HotlineStaff(store: HotlineStore(database: request.db, hasher: hasher, writer: writer, clock: now))
    }

    func dashboard(_ request: Request) async throws -> Response {
        let context = try await gate.context(request, for: .triageHotlineReports)
        let staff = staff(request)
        return html(HotlineStaffPages.dashboard(context, language: request.staffLanguage, alerts: try await staff.alerts(), triage: try await staff.triageQueue(),
                                                internet: try await staff.internetQueue(), deletions: try await staff.deletionQueue()))
    }

    func policeQueue(_ request: Request) async throws -> Response {
        let context = try await gate.context(request, for: .answerForwardedReports)
        return html(HotlineStaffPages.police(context, language: request.staffLanguage, queue: try await staff(request).policeQueue(for: context.actor)))
    }

    /// The National Police Agency's list of the internet content the hot line reported to the police.
    func reportedToPolice(_ request: Request) async throws -> Response {
        let context = try await gate.context(request, for: .receiveInternetReports)
        return html(HotlineStaffPages.reportedToPolice(context, language: request.staffLanguage,
                                                       items: try await staff(request).reportedToPolice(by: context.actor)))
    }

    func tip(_ request: Request) async throws -> Response {
        let receipt = request.parameters.get("receipt") ?? ""
        let context = try await tipContext(request)
        let staff = staff(request)
        return try await mapped(request) {
            html(HotlineStaffPages.tip(context, language: request.staffLanguage, try await staff.tip(receipt, by: context.actor), messages: try await staff.messages(receipt)))
        }
    }

    /// Police read tips forwarded to them; everyone else needs triage rights.
    func tipContext(_ request: Request, action: String? = nil) async throws -> HotlineStaffContext {
        switch action {
        case "acknowledge", "outcome": return try await gate.context(request, for: .answerForwardedReports)
        case "reward": return try await gate.context(request, for: .decideRewards)
        case nil: return try await gate.context(request, forAnyOf: [.answerForwardedReports, .triageHotlineReports])
        default: return try await gate.context(request, for: .triageHotlineReports)
        }
    }

    func tipAction(_ request: Request, _ action: String) async throws -> Response {
        let receipt = request.parameters.get("receipt") ?? ""
        let context = try await tipContext(request, action: action)
        let form = try Self.postedForm(request, context)
        let staff = staff(request)
        let actor = context.actor
        let language = request.staffLanguage
        let t = StaffPages.Text(language: language)
        return try await mapped(request) {
            switch action {
            case "classify":
                try await staff.classify(receipt, category: try Self.value(form, "category"), urgency: try Self.value(form, "urgency"),
                                         prefecture: form["prefecture"] ?? "", by: actor)
            case "ask": try await staff.ask(receipt, question: form["question"] ?? "", by: actor)
            case "merge": try await staff.merge(receipt, into: HotlineCredentials.canonicalReceipt(form["into"] ?? "") ?? (form["into"] ?? ""), by: actor)
            case "forward": try await staff.forward(receipt, to: form["prefecture"] ?? "", by: actor)
            case "acknowledge": try await staff.acknowledge(receipt, by: actor)
            case "outcome":
                let caseFile = (form["case_file"] ?? "").trimmingCharacters(in: .whitespaces)
                try await staff.recordOutcome(receipt, try Self.value(form, "outcome"), caseFile: caseFile.isEmpty ? nil : caseFile, by: actor)
            case "reward":
                guard let amount = Int(form["amount"] ?? "") else {
                    throw HotlineStoreError.invalid(.init("amount: a whole number of yen", japanese: "金額：円単位の整数で入力してください"))
                }
                try await staff.decideReward(receipt, amount: amount, contribution: try Self.value(form, "contribution"), reason: form["reason"] ?? "", by: actor)
            default: throw Abort(.notFound)
            }
            return html(HotlineStaffPages.tip(context, language: language, try await staff.tip(receipt, by: actor), messages: try await staff.messages(receipt),
                                              notice: Self.done(action, t)))
        }
    }

    func item(_ request: Request) async throws -> Response {
        let context = try await gate.context(request, for: .triageHotlineReports)
        let id = request.parameters.get("item") ?? ""
        return try await mapped(request) { html(HotlineStaffPages.item(context, language: request.staffLanguage, try await staff(request).item(id))) }
    }

    func itemAction(_ request: Request, _ action: String) async throws -> Response {
        let context = try await gate.context(request, for: .triageHotlineReports)
        let id = request.parameters.get("item") ?? ""
        let form = try Self.postedForm(request, context)
        let staff = staff(request)
        let language = request.staffLanguage
        let t = StaffPages.Text(language: language)
        return try await mapped(request) {
            var letter: DeletionRequestLetter?
            switch action {
            case "judge": try await staff.judge(id, try Self.value(form, "judgement"), category: try Self.value(form, "category"), by: context.actor)
            case "request-deletion": letter = try await staff.requestDeletion(id, language: try Self.value(form, "language"), by: context.actor)
            case "deletion": try await staff.recordDeletion(id, try Self.value(form, "state"), by: context.actor)
            default: throw Abort(.notFound)
            }
            return html(HotlineStaffPages.item(context, language: language, try await staff.item(id), letter: letter, notice: Self.done(action, t)))
        }
    }

    func intakeForm(_ request: Request) async throws -> Response {
        html(HotlineStaffPages.intake(try await gate.context(request, for: .takeHotlineReports), language: request.staffLanguage))
    }

    func intake(_ request: Request) async throws -> Response {
        let context = try await gate.context(request, for: .takeHotlineReports)
        let form = try Self.postedForm(request, context)
        do {
            let tip = try TipSubmission(language: form["lang"], category: form["category"], prefecture: form["prefecture"], description: form["description"],
                                        dangerNow: form["danger_now"] != nil, prefectures: Set(CodeLists.shipped.prefectureOrder))
            let issued = try await staff(request).intake(tip, by: context.actor)
            if tip.dangerNow { request.logger.critical("hotline: a tip reported as danger to life is waiting for triage") }
            return html(HotlineStaffPages.intake(context, language: request.staffLanguage, issued: issued), status: .created)
        } catch let error as HotlineInputError {
            let language = request.staffLanguage
            return html(HotlineStaffPages.intake(context, language: language, error: HotlineText(language: language.rawValue).error(error)), status: .badRequest)
        }
    }

    func rewardsForm(_ request: Request) async throws -> Response {
        html(HotlineStaffPages.rewards(try await gate.context(request, for: .decideRewards), language: request.staffLanguage))
    }

    func payReward(_ request: Request) async throws -> Response {
        let context = try await gate.context(request, for: .decideRewards)
        let form = try Self.postedForm(request, context)
        do {
            let paid = try await staff(request).payReward(receipt: form["receipt"] ?? "", passcode: form["passcode"] ?? "", by: context.actor)
            return html(HotlineStaffPages.rewards(context, language: request.staffLanguage, paid: paid))
        } catch let error as HotlineStoreError {
            let language = request.staffLanguage
            return html(HotlineStaffPages.rewards(context, language: language, error: Self.message(error, StaffPages.Text(language: language))), status: .badRequest)
        }
    }

    func statistics(_ request: Request) async throws -> Response {
        let context = try await gate.context(request, for: .viewStatistics)
        let year = request.query[Int.self, at: "fiscal_year"] ?? FiscalYear(containing: HotlineMonth(JapanTime(secondsSinceEpoch: Int(now().timeIntervalSince1970)))).year
        guard (2000...2200).contains(year) else {
            let t = StaffPages.Text(language: request.staffLanguage)
            throw Abort(.badRequest, reason: t("fiscal_year: \(year) is not a year such as 2023", "年度（fiscal_year）：\(year) は 2023 のような年ではありません"))
        }
        let figures = try await HotlineRecords(database: request.db).statistics(FiscalYear(year))
        if request.query[String.self, at: "format"] == "json" {
            var headers = HTTPHeaders()
            headers.contentType = .json
            return Response(status: .ok, headers: headers, body: .init(data: figures.json()))
        }
        return html(HotlineStaffPages.statistics(context, language: request.staffLanguage, figures))
    }

    // MARK: Helpers

    /// A POSTed form, refused unless it carries the session's token (no cross-site forgery).
    static func postedForm(_ request: Request, _ context: HotlineStaffContext) throws -> [String: String] {
        let form = try request.content.decode([String: String].self)
        // API tokens carry no form token; sessions are also checked by StaffAuthenticationMiddleware.
        guard context.csrfToken.isEmpty || form[StaffSession.csrfField] == context.csrfToken else {
            let t = StaffPages.Text(language: request.staffLanguage)
            throw Abort(.forbidden, reason: t("The form has expired or did not come from CTIP: reload the page and send it again.",
                                              "フォームの有効期限が切れたか、CTIP以外から送信されました。ページを再読み込みして、もう一度送信してください。"))
        }
        return form
    }

    /// A listed value the form must state: one left on "Choose…" (empty or absent) is refused naming its
    /// field, never taken as the first option.
    static func value<Value: RawRepresentable>(_ form: [String: String], _ field: String) throws -> Value where Value.RawValue == String {
        guard let text = form[field], !text.isEmpty else {
            throw HotlineStoreError.invalid(.init("\(field): choose one of the listed values", japanese: "\(field)：一覧から選択してください"))
        }
        guard let value = Value(rawValue: text) else {
            throw HotlineStoreError.invalid(.init("\(field): not one of the listed values", japanese: "\(field)：一覧にある値を選んでください"))
        }
        return value
    }

    /// The notice after an action. English keeps the action's own name, which the browser tests read.
    static func done(_ action: String, _ t: StaffPages.Text) -> String {
        let japanese = switch action {
        case "classify": "分類しました。"
        case "ask": "通報者に質問を送りました。"
        case "merge": "他の通報に統合しました。"
        case "forward": "県警へ送付しました。"
        case "acknowledge": "受理しました。"
        case "outcome": "結果を記録しました。"
        case "reward": "報奨金を決定しました。"
        case "judge": "判断を記録しました。"
        case "request-deletion": "削除依頼文を作成しました。"
        case "deletion": "削除の結果を記録しました。"
        default: "完了しました。"
        }
        return t("Done: \(action).", japanese)
    }

    /// A refusal of the hot line's rules in the page's language.
    static func message(_ error: HotlineStoreError, _ t: StaffPages.Text) -> String {
        switch error {
        case .noSuchReport: t(error.description, "この受付番号とパスコードの通報はありません")
        case .notFound(let record): t(error.description, "\(record) は存在しません")
        case .notForwardedToYou(let receipt, let prefecture):
            t(error.description, "通報 \(receipt) は \(HotlineStaffPages.prefectureName(prefecture, .ja)) 警察に送付されていません")
        case .notAllowed(let reason), .invalid(let reason): reason.text(t.language)
        }
    }

    /// Refusals of the hot line's rules become 4xx with their reason (which names the record, never a reporter's text).
    func mapped(_ request: Request, _ body: () async throws -> Response) async throws -> Response {
        let language = request.staffLanguage
        do { return try await body() }
        catch let error as HotlineStoreError {
            let reason = Self.message(error, StaffPages.Text(language: language))
            switch error {
            case .notFound: throw Abort(.notFound, reason: reason)
            case .notForwardedToYou: throw Abort(.forbidden, reason: reason)
            case .noSuchReport, .notAllowed, .invalid: throw Abort(.badRequest, reason: reason)
            }
        } catch let error as HotlineInputError {
            throw Abort(.badRequest, reason: HotlineText(language: language.rawValue).error(error))
        }
    }

    func html(_ page: String, status: HTTPResponseStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.add(name: .cacheControl, value: "no-store")
        return Response(status: status, headers: headers, body: .init(string: page))
    }
}
