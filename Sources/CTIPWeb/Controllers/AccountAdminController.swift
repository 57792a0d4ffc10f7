import CTIPCore
import CTIPStorage
import Plot
import Vapor

/// Administrators manage staff accounts at `/staff/accounts`: list, create (with a generated password
/// shown once) and disable. Administrators see no personal data of victims; accounts are audited.
struct AccountAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("staff", "accounts", use: page)
        routes.post("staff", "accounts", use: create)
        routes.post("staff", "accounts", ":user", "disable", use: disable)
    }

    func page(request: Request) async throws -> Response {
        try await request.requireStaff(.manageAccounts)
        return try await render(request, created: nil, errors: [], status: .ok)
    }

    func create(request: Request) async throws -> Response {
        let staff = try await request.requireStaff(.manageAccounts)
        let fields = try VictimFileController.fields(request)
        guard let role = StaffRole(rawValue: fields["role"] ?? "") else {
            return try await render(request, created: nil, errors: [FieldError(field: "role", message: "choose a role", japanese: "役割を選んでください")], status: .unprocessableEntity)
        }
        let password = StaffAccounts.generatedPassword()
        do {
            let identity = try await StaffAccounts.create(email: fields["email"] ?? "", password: password, agency: fields["agency"] ?? "", role: role,
                                                          cost: request.application.ctipConfiguration.passwordCost, database: request.db,
                                                          now: request.application.ctipConfiguration.now())
            try await AuditLog(database: request.db).append(AuditEvent(at: request.application.ctipConfiguration.now(), by: staff, action: .create, record: "account:\(identity.userID)",
                                                                       fields: ["role:\(role.rawValue)", "agency:\(identity.agency.code)"], purpose: "create an account"))
            return try await render(request, created: (identity.email, password), errors: [], status: .created)
        } catch let error as AccountError {
            return try await render(request, created: nil, errors: [FieldError(field: error.field, message: error.description)], status: .unprocessableEntity)
        }
    }

    func disable(request: Request) async throws -> Response {
        let staff = try await request.requireStaff(.manageAccounts)
        let userID = request.parameters.get("user") ?? ""
        guard try await AccountStore(database: request.db).account(userID: userID) != nil else { throw Abort(.notFound, reason: "no such account") }
        try await AccountStore(database: request.db).setDisabled(userID: userID, true)
        try await AuditLog(database: request.db).append(AuditEvent(at: request.application.ctipConfiguration.now(), by: staff, action: .update, record: "account:\(userID)",
                                                                   fields: ["disabled"], purpose: "disable an account"))
        return request.redirect(to: "/staff/accounts?lang=\(request.staffLanguage.rawValue)", redirectType: .normal)
    }

    private func render(_ request: Request, created: (email: String, password: String)?, errors: [FieldError], status: HTTPResponseStatus) async throws -> Response {
        let t = StaffPages.Text(language: request.staffLanguage)
        let language = request.staffLanguage
        let store = AccountStore(database: request.db)
        let accounts = try await store.accounts()
        let agencies = try await store.agencies().map { ($0.code, $0.name(language)) }
        let roles = StaffRole.allCases.map { ($0.rawValue, $0.label.label(language)) }
        let rows: [Node<HTML.TableContext>] = accounts.map { account in
            let identity = account.identity
            let action: Node<HTML.BodyContext> = account.disabled ? .text(t("disabled", "無効")) : .form(
                .class("inline"), .method(.post), .action("/staff/accounts/\(identity.userID)/disable?lang=\(language.rawValue)"),
                StaffPages.csrfField(request), .button(.type(.submit), .text(t("Disable", "無効にする"))))
            return .tr(.td(.text(identity.email)), .td(.text(identity.role.label.label(language))), .td(.text(identity.agency.name(language))), .td(action))
        }
        let headings = [t("Email", "メールアドレス"), t("Role", "役割"), t("Agency", "機関"), t("Access", "利用")]
        let form: Node<HTML.BodyContext> = .form(.method(.post), .action("/staff/accounts?lang=\(language.rawValue)"),
            StaffPages.csrfField(request),
            StaffPages.field(t("Email", "メールアドレス"), name: "email", type: .email, required: true),
            // Who the account is for is the administrator's decision, never a preselected option.
            StaffPages.requiredChoice(t("Agency", "機関"), name: "agency", groups: [(nil, agencies)], selected: "", language: language),
            StaffPages.requiredChoice(t("Role", "役割"), name: "role", groups: [(nil, roles)], selected: "", language: language),
            .p(.button(.type(.submit), .text(t("Create the account", "アカウントを作成する")))))
        return StaffPages.render(request, title: t("Staff accounts", "職員アカウント"), status: status, .group(
            StaffPages.errors(errors, language: request.staffLanguage),
            .unwrap(created.map { "\($0.email): \($0.password)" }) { line in
                .div(.class("notice"), .attribute(named: "role", value: "status"),
                     .p(.text(t("Account created. Give this password to its owner now; it is not shown again:", "作成しました。このパスワードを本人に伝えてください（再表示されません）："))),
                     .p(.code(.text(line))))
            },
            .table(.thead(.tr(.forEach(headings) { .th(.attribute(named: "scope", value: "col"), .text($0)) })), .tbody(.group(rows))),
            .section(.h2(.text(t("New account", "新しいアカウント"))), form)
        ))
    }
}
