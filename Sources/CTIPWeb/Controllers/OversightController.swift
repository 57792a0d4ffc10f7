import CTIPCore
import CTIPStorage
import Vapor

/// Programme oversight on the web: the registry, an organisation's page, the inspection plan and the
/// figures for the OTIT, the ISA, labour inspection and the ministries (deny by default); the
/// published actions for everyone.
struct OversightController: RouteCollection {
    /// How many entries of the inspection plan one page lists.
    static let planShown = 200

    func boot(routes: any RoutesBuilder) throws {
        routes.get("staff", "oversight", use: registry)
        routes.get("staff", "oversight", "organisations", ":organisation", use: organisation)
        routes.get("staff", "oversight", "plan", use: plan)
        routes.get("staff", "oversight", "stats", use: statistics)
        routes.get("oversight", "published", use: published)
        routes.get("oversight", "published.csv", use: publishedCSV)
    }

    func store(_ request: Request) -> OversightStore { OversightStore(sql: request.db.sql) }

    func today(_ request: Request) -> Day {
        JapanTime(secondsSinceEpoch: Int(request.application.ctipConfiguration.now().timeIntervalSince1970)).day
    }

    func registry(request: Request) async throws -> Response {
        try await request.requireStaff(.viewOversight)
        let query = request.query[String.self, at: "q"] ?? ""
        let prefecture = request.query[String.self, at: "prefecture"] ?? ""
        let kindText = request.query[String.self, at: "kind"] ?? ""
        let asked = !query.isEmpty || !prefecture.isEmpty || !kindText.isEmpty
        let found = asked ? try await store(request).search(query, prefecture: prefecture, kind: OrganisationKind(rawValue: kindText)) : nil
        return OversightPages.registry(request, query: query, prefecture: prefecture, kind: kindText, found: found)
    }

    func organisation(request: Request) async throws -> Response {
        try await request.requireStaff(.viewOversight)
        guard let detail = try await store(request).organisation(request.parameters.get("organisation") ?? "") else {
            throw Abort(.notFound, reason: request.staffLanguage == .ja ? "該当する機関はありません" : "no such organisation")
        }
        return OversightPages.organisation(request, detail)
    }

    func plan(request: Request) async throws -> Response {
        try await request.requireStaff(.viewOversight)
        let day = today(request)
        let entries = InspectionPlan.plan(try await store(request).planFacts(on: day), on: day)
        return OversightPages.plan(request, entries: entries, on: day, shown: Self.planShown)
    }

    /// The fiscal year asked (`?fiscal_year=`), else the one that ended last.
    func fiscalYear(_ request: Request) throws -> Int {
        if let text = request.query[String.self, at: "fiscal_year"] {
            guard let year = Int(text), (1990...2200).contains(year) else {
                throw Abort(.badRequest, reason: "fiscal_year: `\(text.prefix(20))` is not a year such as 2024")
            }
            return year
        }
        let day = today(request)
        return (day.month >= 4 ? day.year : day.year - 1) - 1
    }

    func statistics(request: Request) async throws -> Response {
        try await request.requireStaff(.viewOversight)
        let year = try fiscalYear(request)
        let figures = try await OversightStatisticsQuery(sql: request.db.sql).figures(OversightPeriod.fiscalYear(year)!)
        return OversightPages.statistics(request, figures: figures, fiscalYear: year)
    }

    func published(request: Request) async throws -> Response {
        let year = try fiscalYear(request)
        let language = request.preferredLanguage.rawValue
        let actions = try await store(request).published(OversightPeriod.fiscalYear(year)!)
        return HomeController.html(OversightPages.published(language: language, fiscalYear: year, actions: actions), language: language)
    }

    func publishedCSV(request: Request) async throws -> Response {
        let year = try fiscalYear(request)
        let actions = try await store(request).published(OversightPeriod.fiscalYear(year)!)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.add(name: .contentDisposition, value: "attachment; filename=\"oversight-published-fy\(year).csv\"")
        return Response(status: .ok, headers: headers, body: .init(string: OversightPages.publishedCSV(actions)))
    }
}
