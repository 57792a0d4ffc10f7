import CTIPCore
import CTIPStorage
import Plot
import Vapor

/// Staff keep the directory of consultation services up to date (`/staff/directory`): download it as
/// CSV, change it in a spreadsheet, upload it back. The upload replaces the whole directory or nothing,
/// with every problem named by line and column, exactly as `ctip directory import`; the change is audited.
struct DirectoryAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("staff", "directory", use: page)
        routes.get("staff", "directory.csv", use: download)
        routes.on(.POST, "staff", "directory", body: .collect(maxSize: "2mb"), use: upload)
    }

    struct Upload: Content { var file: File? }

    func page(request: Request) async throws -> Response {
        try await request.requireStaff(.manageDirectory)
        let directory = try await HelpDirectoryStore(database: request.db).load()
        return render(request, count: directory.services.count, message: nil, errors: [], status: .ok)
    }

    func download(request: Request) async throws -> Response {
        try await request.requireStaff(.manageDirectory)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.add(name: .contentDisposition, value: "attachment; filename=\"services.csv\"")
        return Response(status: .ok, headers: headers, body: .init(data: try await HelpDirectoryStore(database: request.db).load().csv()))
    }

    func upload(request: Request) async throws -> Response {
        let staff = try await request.requireStaff(.manageDirectory)
        let t = StaffPages.Text(language: request.staffLanguage)
        let store = HelpDirectoryStore(database: request.db)
        guard let file = try? request.content.decode(Upload.self).file, file.data.readableBytes > 0 else {
            return render(request, count: try await store.load().services.count, message: nil,
                          errors: [t("file: choose the CSV file to upload", "file：アップロードするCSVファイルを選んでください")], status: .unprocessableEntity)
        }
        let directory: HelpDirectory
        do {
            directory = try HelpDirectory(csv: Data(buffer: file.data), file: file.filename.isEmpty ? "services.csv" : file.filename)
        } catch {
            return render(request, count: try await store.load().services.count, message: nil,
                          errors: String(describing: error).split(separator: "\n").map(String.init), status: .unprocessableEntity)
        }
        let changed = directory.changedServiceIDs(from: try await store.load())
        try await request.db.writeTransaction { transaction in
            try await HelpDirectoryStore(database: transaction).replace(with: directory)
            try await AuditLog(database: transaction).append(AuditEvent(
                at: request.application.ctipConfiguration.now(), actor: staff.auditActor, agency: staff.agency.code, action: .update,
                record: "help_services", fields: changed, purpose: "directory upload \(file.filename)"))
        }
        return render(request, count: directory.services.count,
                      message: t("\(directory.services.count) services saved (\(changed.count) added, changed or removed).",
                                 "\(directory.services.count)件を保存しました（追加・変更・削除 \(changed.count)件）。"),
                      errors: [], status: .ok)
    }

    private func render(_ request: Request, count: Int, message: String?, errors: [String], status: HTTPResponseStatus) -> Response {
        let t = StaffPages.Text(language: request.staffLanguage)
        let language = request.staffLanguage
        let form: Node<HTML.BodyContext> = .form(.method(.post), .action("/staff/directory?lang=\(language.rawValue)"),
                                                 .enctype(.multipartData),
                                                 StaffPages.csrfField(request),
                                                 .label(.for("file"), .text(t("Directory (CSV)", "窓口一覧（CSV）"))),
                                                 .input(.type(.file), .id("file"), .name("file"), .attribute(named: "accept", value: ".csv,text/csv")),
                                                 .p(.button(.type(.submit), .text(t("Replace the directory", "窓口一覧を置き換える")))))
        return StaffPages.render(request, title: t("Directory of consultation services", "相談窓口一覧"), status: status, .group(
            .unwrap(message) { .p(.class("notice"), .attribute(named: "role", value: "status"), .text($0)) },
            .if(!errors.isEmpty, .div(.class("error"), .attribute(named: "role", value: "alert"),
                                      .p(.text(t("Nothing was changed:", "何も変更していません："))), .ul(.forEach(errors) { .li(.text($0)) }))),
            .p(.text(t("\(count) services are listed at /help.", "/help に\(count)件の窓口を掲載しています。"))),
            .p(.a(.href("/staff/directory.csv"), .text(t("Download the directory as CSV", "窓口一覧をCSVでダウンロード")))),
            form
        ))
    }
}
