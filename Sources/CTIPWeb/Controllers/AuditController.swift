import CTIPCore
import CTIPStorage
import Plot
import Vapor

/// The auditors' view of the audit trail (`/staff/audit`), its CSV export and JSON. Reading the trail
/// is itself written to the trail.
struct AuditController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("staff", "audit", use: page)
        routes.get("staff", "audit.csv", use: csv)
        routes.get("api", "audit", use: json)
    }

    func entries(_ request: Request, limit: Int, before: Int? = nil) async throws -> [AuditLog.Entry] {
        let staff = try await request.requireStaff(.viewAudit)
        let log = AuditLog(database: request.db)
        let found = try await log.entries(record: request.query[String.self, at: "record"], actor: request.query[String.self, at: "actor"],
                                          agency: request.query[String.self, at: "agency"], before: before, limit: limit)
        try await log.append(AuditEvent(at: request.application.ctipConfiguration.now(), by: staff,
                                        action: .read, record: "audit_log", purpose: "audit review (\(found.count) entries)"))
        return found
    }

    func json(request: Request) async throws -> Response {
        let page = Paging.request(request, parts: 1)
        let found = try await entries(request, limit: page.limit + 1, before: page.after.flatMap { Int($0.keys[0]) })
        return try Response.page(Page(reading: found, limit: page.limit) { [String($0.sequence)] }, request)
    }

    func csv(request: Request) async throws -> Response {
        let found = try await entries(request, limit: 100_000)
        var text = "seq,at,actor,agency,action,record,fields,purpose,hash\r\n"
        for entry in found.reversed() {
            text += [String(entry.sequence), entry.at, entry.actor, entry.agency, entry.action, entry.record, entry.fields, entry.purpose, entry.hash]
                .map(Self.quoted).joined(separator: ",") + "\r\n"
        }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.add(name: .contentDisposition, value: "attachment; filename=\"ctip-audit.csv\"")
        headers.add(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }

    /// RFC 4180 quoting, and a leading `'` before `=`, `+`, `-`, `@` so that a spreadsheet never runs a cell as a formula.
    static func quoted(_ cell: String) -> String {
        var value = cell
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    func page(request: Request) async throws -> Response {
        let found = try await entries(request, limit: 500)
        let t = StaffPages.Text(language: request.staffLanguage)
        let query = request.url.query.map { "?\($0)" } ?? ""
        return StaffPages.render(request, title: t("Audit trail", "監査ログ"), .group(
            .form(.method(.get), .action("/staff/audit"), .attribute(named: "role", value: "search"),
                  StaffPages.field(t("Record (e.g. victim:V2026-…)", "記録（例：victim:V2026-…）"), name: "record", value: request.query[String.self, at: "record"] ?? ""),
                  StaffPages.field(t("Actor (user:…)", "操作者（user:…）"), name: "actor", value: request.query[String.self, at: "actor"] ?? ""),
                  StaffPages.field(t("Agency code", "機関コード"), name: "agency", value: request.query[String.self, at: "agency"] ?? ""),
                  .p(.button(.type(.submit), .text(t("Filter", "絞り込む"))))),
            .p(.a(.href("/staff/audit.csv\(query)"), .text(t("Export as CSV", "CSVで出力")))),
            .table(
                .caption(.text(t("Newest first; \(found.count) entries", "新しい順・\(found.count)件"))),
                .thead(.tr(.forEach(["#", t("When (UTC)", "日時（UTC）"), t("Who", "操作者"), t("Agency", "機関"), t("Action", "操作"),
                                     t("Record", "記録"), t("Fields", "項目"), t("Purpose", "目的")]) {
                    .th(.attribute(named: "scope", value: "col"), .text($0))
                })),
                .tbody(.forEach(found) { entry in
                    .tr(.td(.text(String(entry.sequence))), .td(.text(entry.at)), .td(.text(entry.actor)), .td(.text(entry.agency)),
                        .td(.text(entry.action)), .td(.text(entry.record)), .td(.text(entry.fields)), .td(.text(entry.purpose)))
                }))
        ))
    }
}
