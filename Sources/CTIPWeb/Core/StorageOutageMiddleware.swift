import CTIPStorage
import Plot
import Vapor

/// A database that does not answer or a file that cannot be written becomes 503 with `Retry-After`
/// and a message that says so — JSON for the API, a page otherwise — instead of a 500 with a driver's
/// text, on every route. The log names the file or server for the operator; staff answers name only
/// the file's name (`StorageOutage.publicDescription`), public answers neither. CTIP needs no restart afterwards: the pools
/// reconnect on the next request.
struct StorageOutageMiddleware: AsyncMiddleware {
    let database: DatabaseURL

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            guard let outage = StorageOutage.classify(error, database: database) else { throw error }
            request.logger.error("\(outage.description)", metadata: ["cause": .string(outage.cause.rawValue)])
            return Self.response(outage, for: request)
        }
    }

    static func response(_ outage: StorageOutage, for request: Request) -> Response {
        var headers = HTTPHeaders()
        headers.add(name: .retryAfter, value: "5")
        headers.add(name: .cacheControl, value: "no-store")
        // Staff and operators learn which file or server; the public (reporters, people seeking help)
        // learn only that nothing was saved.
        let path = request.url.path
        let staffFacing = path.hasPrefix("/staff") || path == "/login" || path == "/health"
            || (path.hasPrefix("/api/") && !path.hasPrefix("/api/public"))
        let message = staffFacing ? outage.publicDescription
            : "the database is unavailable for a moment: nothing was saved; please try again in a few minutes"
        if request.wantsJSON || path.hasPrefix("/api/") || path == "/health" {
            headers.contentType = .json
            let body = (try? JSONSerialization.data(withJSONObject: ["error": message], options: [.sortedKeys])) ?? Data()
            return Response(status: .serviceUnavailable, headers: headers, body: .init(data: body))
        }
        let japanese = request.headers.first(name: .acceptLanguage)?.lowercased().hasPrefix("ja") == true
            || request.url.query?.contains("lang=ja") == true
        let title = japanese ? "ただいまご利用いただけません" : "CTIP is unavailable for a moment"
        let advice = japanese
            ? "データベースに接続できないため、保存も表示もできませんでした。しばらくしてからもう一度お試しください。緊急の場合は 110 番（警察）へ。"
            : "The database cannot be reached, so nothing was saved or shown. Please try again in a moment. In an emergency, call 110 (police)."
        headers.contentType = .html
        let page = HTML(
            .lang(japanese ? .japanese : .english),
            .head(.encoding(.utf8), .title(title), .meta(.name("viewport"), .content("width=device-width, initial-scale=1"))),
            .body(.main(.h1(.text(title)), .p(.text(advice)), .p(.small(.text(message)))))
        ).render()
        return Response(status: .serviceUnavailable, headers: headers, body: .init(string: page))
    }
}
