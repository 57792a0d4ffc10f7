import CTIPCore
import CTIPStorage
import Plot
import Vapor

/// `/login`, `/logout` and the staff start page `/staff`.
struct LoginController: RouteCollection {
    /// For the hot lines' queues on the staff home (`HotlineStore` needs it; the queues read no passcode).
    let hasher: PasscodeHasher

    func boot(routes: any RoutesBuilder) throws {
        routes.get("login", use: form)
        routes.post("login", use: login)
        routes.post("logout", use: logout)
        routes.get("staff", use: start)
    }

    struct Credentials: Content {
        var email: String?
        var password: String?
        var next: String?
    }

    func form(request: Request) async throws -> Response {
        loginPage(request, next: request.query[String.self, at: "next"] ?? "/staff", error: nil, status: .ok)
    }

    func login(request: Request) async throws -> Response {
        let credentials = try request.content.decode(Credentials.self)
        let configuration = request.application.ctipConfiguration
        let t = StaffPages.Text(language: request.staffLanguage)
        let next = Self.safeNext(credentials.next)
        let wrong = t("The email or the password is wrong.", "メールアドレスまたはパスワードが違います。")
        guard let email = credentials.email, !email.isEmpty, let password = credentials.password, !password.isEmpty else {
            return loginPage(request, next: next, error: t("Enter your email and password.", "メールアドレスとパスワードを入力してください。"), status: .badRequest)
        }
        let accounts = AccountStore(database: request.db)
        let now = configuration.now()
        guard let account = try await accounts.account(email: email), !account.disabled else {
            _ = try await Passwords.verify(password, hash: Passwords.decoy, on: request.application)
            return loginPage(request, next: next, error: wrong, status: .unauthorized)
        }
        if let locked = account.lockedUntil, locked > now {
            return loginPage(request, next: next, error: t("Too many wrong passwords: this account is locked for 15 minutes.",
                                                           "パスワードの誤りが続いたため、このアカウントは15分間ロックされています。"), status: .tooManyRequests)
        }
        guard try await Passwords.verify(password, hash: account.passwordHash, on: request.application) else {
            let nowLocked = try await accounts.recordFailedLogin(userID: account.identity.userID, now: now)
            try await AuditLog(database: request.db).append(AuditEvent(at: now, by: account.identity, action: .denied, record: "account:\(account.identity.userID)",
                                                                       purpose: nowLocked ? "sign in: wrong password, locked" : "sign in: wrong password"))
            return loginPage(request, next: next, error: nowLocked
                             ? t("Too many wrong passwords: this account is locked for 15 minutes.", "パスワードの誤りが続いたため、このアカウントは15分間ロックされています。")
                             : wrong, status: nowLocked ? .tooManyRequests : .unauthorized)
        }
        try await accounts.recordSuccessfulLogin(userID: account.identity.userID)
        let token = try await accounts.createSession(userID: account.identity.userID, now: now)
        let response = request.redirect(to: next, redirectType: .normal)
        response.cookies[StaffSession.cookieName] = HTTPCookies.Value(
            string: token, expires: now.addingTimeInterval(AccountStore.sessionLifetime), maxAge: Int(AccountStore.sessionLifetime),
            path: "/", isSecure: request.cookiesAreSecure, isHTTPOnly: true, sameSite: .strict)
        return response
    }

    func logout(request: Request) async throws -> Response {
        if let token = request.storage[SessionTokenKey.self] { try await AccountStore(database: request.db).endSession(token) }
        let response = request.redirect(to: "/login", redirectType: .normal)
        response.cookies[StaffSession.cookieName] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0,
                                                                      path: "/", isSecure: request.cookiesAreSecure, isHTTPOnly: true, sameSite: .strict)
        return response
    }

    func start(request: Request) async throws -> Response {
        let staff = try await request.requireStaff()
        return StaffHomePage.render(request, staff: staff, queues: try await workQueues(request, staff: staff))
    }

    /// What waits for this member of staff, by what their role and agency may do (deny by default:
    /// no permission, no queue). Lists carry identifiers and codes only, never a report's text.
    func workQueues(_ request: Request, staff: StaffIdentity) async throws -> [WorkQueue] {
        let t = StaffPages.Text(language: request.staffLanguage)
        let language = request.staffLanguage
        let lang = "lang=\(language.rawValue)"
        let configuration = request.application.ctipConfiguration
        let hotline = HotlineStaff(store: HotlineStore(database: request.db, hasher: hasher, clock: configuration.now))
        // One reading of the clock, so that ages and days waited are counted from the same instant.
        let now = request.nowInJapan
        let today = now.day
        func age(_ seconds: Int) -> String {
            let hours = max(0, now.secondsSinceEpoch - seconds) / 3600
            return hours < 48 ? t("\(hours) h ago", "\(hours)時間前") : t("\(hours / 24) days ago", "\(hours / 24)日前")
        }
        /// Tips, each to its page, flagged when urgent; a danger to life makes the whole queue urgent.
        func tipQueue(_ title: String, _ tips: [StaffTip], allHref: String) -> WorkQueue {
            WorkQueue(title: title, items: tips.map { tip in
                .init(text: "\(tip.receipt) · \(tip.category.label.label(language)) · \(age(tip.receivedAt))", href: "/staff/hotline/tips/\(tip.receipt)?\(lang)",
                      flag: tip.urgency == .normal ? nil : tip.urgency.label.label(language))
            }, allHref: allHref, urgent: tips.contains { $0.urgency == .dangerToLife })
        }
        var queues: [WorkQueue] = []
        // The Anonymous-Reporting Hot Line triages tips; the Internet Hotline Center judges content.
        if AccessPolicy.allows(staff, .triageHotlineReports), staff.agency.code != "ihc" {
            queues.append(tipQueue(t("Tips to triage", "トリアージ待ちの通報"), try await hotline.triageQueue(), allHref: "/staff/hotline?\(lang)"))
        }
        if AccessPolicy.allows(staff, .triageHotlineReports), staff.agency.code == "ihc" {
            let toJudge = try await hotline.internetQueue()
            queues.append(WorkQueue(title: t("Internet content to judge", "判定待ちのインターネット上の情報"), items: toJudge.map { item in
                .init(text: "\(item.host) · \(item.reportCount) " + t("reports", "件"), href: "/staff/hotline/internet/\(item.id)?\(lang)", flag: nil)
            }, allHref: "/staff/hotline?\(lang)"))
            let unanswered = try await hotline.deletionQueue().filter { $0.deletionState == .requested }
            queues.append(WorkQueue(title: t("Deletion requests without an answer", "回答のない削除依頼"), items: unanswered.map { item in
                .init(text: "\(item.host) · " + t("requested", "依頼") + " \(item.deletionRequestedAt.map(age) ?? "—")",
                      href: "/staff/hotline/internet/\(item.id)?\(lang)", flag: nil)
            }, allHref: "/staff/hotline?\(lang)"))
        }
        if AccessPolicy.allows(staff, .answerForwardedReports), let prefecture = staff.agency.prefecture {
            let forwarded = try await hotline.policeQueue(for: HotlineActor(user: staff.auditActor, agency: staff.agency.code, policePrefecture: prefecture))
                .filter { $0.status == .forwarded }
            queues.append(tipQueue(t("Forwarded tips to acknowledge", "受領確認待ちの送付通報"), forwarded, allHref: "/staff/hotline/police?\(lang)"))
        }
        if AccessPolicy.allows(staff, .answerReferrals) {
            let files = VictimFileStore(database: request.db, cipher: configuration.cipher, now: configuration.now)
            let pending = try await files.inbox(for: staff).items.filter { $0.status == .pending }.reversed()
            queues.append(WorkQueue(title: t("Referrals to accept or decline", "受諾・辞退の回答待ちの照会"), items: pending.map { referral in
                .init(text: "\(referral.victimID) · " + t("from", "照会元") + " \(referral.fromAgency)", href: "/staff/referrals?\(lang)", flag: nil)
            }, allHref: "/staff/referrals?\(lang)"))
        }
        if AccessPolicy.allows(staff, .recordProtection) {
            let files = VictimFileStore(database: request.db, cipher: configuration.cipher, now: configuration.now)
            let awaited = try await files.awaitedSteps(for: staff)
            queues.append(WorkQueue(title: t("Protection steps due", "対応が必要な保護の段階"), items: awaited.map { victimID, step in
                let days = max(0, today.daysSinceEpoch - step.since.daysSinceEpoch)
                return .init(text: "\(victimID) · " + (language == .ja ? step.kind.label.ja : step.kind.label.en) + " · "
                                 + t("waiting \(days) days", "\(days)日経過"),
                             href: "/staff/victims/\(victimID)?\(lang)#timeline", flag: nil)
            }, allHref: "/staff/victims?\(lang)"))
        }
        if AccessPolicy.allows(staff, .recordOversight) {
            let overdue = InspectionPlan.plan(try await OversightStore(sql: request.db.sql).planFacts(on: today), on: today).filter(\.overdue)
            queues.append(WorkQueue(title: t("Inspections overdue, riskiest first", "期限を過ぎた検査（リスクの高い順）"), items: overdue.map { entry in
                .init(text: (entry.facts.name ?? entry.facts.organisationID) + " · "
                          + entry.reasons.prefix(2).map { language == .ja ? $0.text.ja : $0.text.en }.joined(separator: ", "),
                      href: "/staff/oversight/organisations/\(entry.facts.organisationID)?\(lang)",
                      flag: entry.reasons.contains { if case .traffickingIndicators = $0 { true } else { false } } ? t("may be trafficking", "人身取引の疑い") : nil)
            }, allHref: "/staff/oversight/plan?\(lang)"))
        }
        if ReportWorkAccess.mayOpenBoard(staff) {
            queues += try await annualReportQueues(request, staff: staff, today: today)
        }
        // A life in danger comes first, whatever the queue.
        return queues.filter(\.urgent) + queues.filter { !$0.urgent }
    }

    /// The whole report's years not yet published: for a contributor, what their ministry still owes
    /// (overdue first); for the secretariat, what waits for its review.
    func annualReportQueues(_ request: Request, staff: StaffIdentity, today: Day) async throws -> [WorkQueue] {
        let language = request.staffLanguage
        let t = StaffPages.Text(language: language)
        let store = WholeReportStore(database: request.db)
        let manages = AccessPolicy.allows(staff, .manageReport)
        var queues: [WorkQueue] = []
        for year in try await store.years() where try await store.publication(year: year) == nil {
            guard let edition = try await store.load(year: year) else { continue }
            let board = ContributionBoard(edition: edition, work: try await store.work(year: year), today: today, language: language,
                                          ministry: manages ? nil : staff.agency.code)
            let waiting = manages ? board.rows.filter { $0.state == .submitted }
                : board.rows.filter { $0.state.awaitsMinistry }.sorted {
                    ($0.overdue ? 0 : 1, $0.deadline?.daysSinceEpoch ?? .max) < ($1.overdue ? 0 : 1, $1.deadline?.daysSinceEpoch ?? .max)
                }
            let title = manages ? t("Contributions to review for the report on \(year)", "\(year)年の報告：確認待ちの投稿")
                : t("Your ministry's contributions to the report on \(year)", "\(year)年の報告：自府省庁の投稿")
            queues.append(WorkQueue(title: title, items: waiting.map { row in
                .init(text: "\(row.item) · \(row.state.label(language))" + (row.deadline.map { " · " + t("due \($0)", "期限 \($0)") } ?? ""),
                      href: "/staff/annual-report/\(year)/contributions/\(row.contributionID)?lang=\(language.rawValue)",
                      flag: row.overdue ? t("overdue", "期限超過") : row.state == .returned ? t("returned", "差戻し") : nil)
            }, allHref: "/staff/annual-report/\(year)?lang=\(language.rawValue)" + (manages ? "&state=submitted" : "")))
        }
        return queues
    }

    /// Only a path on this site, so the login form cannot bounce someone elsewhere.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return "/staff" }
        return next
    }

    private func loginPage(_ request: Request, next: String, error: String?, status: HTTPResponseStatus) -> Response {
        let t = StaffPages.Text(language: request.staffLanguage)
        return StaffPages.render(request, title: t("Sign in", "ログイン"), status: status, .group(
            .unwrap(error) { .p(.class("error"), .attribute(named: "role", value: "alert"), .text($0)) },
            .form(.method(.post), .action("/login?lang=\(request.staffLanguage.rawValue)"),
                  .input(.type(.hidden), .name("next"), .value(Self.safeNext(next))),
                  StaffPages.field(t("Email", "メールアドレス"), name: "email", type: .email, required: true),
                  StaffPages.field(t("Password", "パスワード"), name: "password", type: .password, required: true),
                  .p(.button(.type(.submit), .text(t("Sign in", "ログイン")))))
        ))
    }
}
