import CTIPCore
import CTIPStorage
import Fluent
import Vapor

struct HomeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: home)
        routes.get("about", use: about)
    }

    func home(request: Request) async throws -> Response {
        let emergency = try await HelpDirectoryStore(database: request.db).load().services.filter(\.emergency)
        let model = HomePageModel(language: request.publicLanguage, emergency: emergency,
                                  series: try await YearStatistics(sql: request.db.sql).annualSeries())
        return Self.html(HomePage.render(model), language: model.language)
    }

    func about(request: Request) async throws -> Response {
        let model = AboutPageModel(language: request.publicLanguage, engine: request.application.databaseURL.engineName,
                                   tableSizes: try await YearStatistics(sql: request.db.sql).tableSizes())
        return Self.html(HomePage.renderAbout(model), language: model.language)
    }

    static func html(_ page: String, language: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.add(name: .contentLanguage, value: language)
        return Response(status: .ok, headers: headers, body: .init(string: page))
    }
}

extension Request {
    /// The public pages' language, one of `/help`'s: `?lang=` first, then the browser's
    /// Accept-Language (its first language), then English.
    var publicLanguage: String {
        let asked = HelpLanguages.normalise((try? query.get(String.self, at: "lang")) ?? acceptedHelpLanguage ?? "en") ?? "en"
        return HelpLanguages.leaflet.contains(asked) ? asked : "en"
    }

    /// `?lang=` first, then the browser's Accept-Language, then English.
    var preferredLanguage: CTIPCore.Language {
        if let asked = try? query.get(String.self, at: "lang"), let language = CTIPCore.Language(rawValue: asked) { return language }
        let accepted = headers.first(name: .acceptLanguage)?.lowercased() ?? ""
        if let first = accepted.split(separator: ",").first, first.hasPrefix("ja") { return .ja }
        return .en
    }
}
