import CTIPCore
import CTIPStorage
import Fluent
import Vapor

struct HomeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: home)
    }

    func home(request: Request) async throws -> Response {
        let statistics = YearStatistics(sql: request.db.sql)
        let model = HomePageModel(language: request.preferredLanguage, engine: request.application.databaseURL.engineName,
                                  tableSizes: try await statistics.tableSizes(), series: try await statistics.annualSeries())
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.add(name: .contentLanguage, value: model.language.rawValue)
        return Response(status: .ok, headers: headers, body: .init(string: HomePage.render(model)))
    }
}

extension Request {
    /// `?lang=` first, then the browser's Accept-Language, then English.
    var preferredLanguage: CTIPCore.Language {
        if let asked = try? query.get(String.self, at: "lang"), let language = CTIPCore.Language(rawValue: asked) { return language }
        let accepted = headers.first(name: .acceptLanguage)?.lowercased() ?? ""
        if let first = accepted.split(separator: ",").first, first.hasPrefix("ja") { return .ja }
        return .en
    }
}
