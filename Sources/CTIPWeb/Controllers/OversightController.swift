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
        routes.get("staff", "oversight", "orders", use: ordersPage)
        routes.get("staff", "oversight", "sending", use: sendingPage)
        routes.get("staff", "oversight", "inspections", ":inspection", use: inspectionPage)
        routes.post("staff", "oversight", "organisations", ":organisation", "inspections") { request in
            try await recordingPage(request, form: .inspection) { request in
                let inspection = try await recordInspection(request)
                // An inspection that found what may be trafficking opens on its prompt: screen, tell the police.
                return TraffickingIndicatorPrompt.indicators(inspection.findings).isEmpty
                    ? organisationPath(request, inspection.organisationID, anchor: "inspections")
                    : "/staff/oversight/inspections/\(inspection.id)?lang=\(request.staffLanguage.rawValue)#may-be-trafficking"
            }
        }
        routes.post("staff", "oversight", "organisations", ":organisation", "actions") { request in
            try await recordingPage(request, form: .action) { request in organisationPath(request, try await recordAction(request).organisationID, anchor: "actions") }
        }
        routes.post("staff", "oversight", "inspections", ":inspection", "actions") { request in
            let inspection = try await store(request).inspection(request.parameters.get("inspection") ?? "")
            guard let inspection else { throw Abort(.notFound) }
            request.parameters.set("organisation", to: inspection.organisation.id)
            return try await recordingPage(request, form: .action) { request in
                _ = try await recordAction(request)
                return "/staff/oversight/inspections/\(inspection.inspection.id)?lang=\(request.staffLanguage.rawValue)"
            }
        }
        routes.post("staff", "oversight", "actions", ":action", "report-accepted") { request in
            let organisation = try await store(request).organisationOf(action: request.parameters.get("action") ?? "")
            return try await recordingPage(request, form: .report, organisation: organisation) { request in
                organisationPath(request, try await acceptImprovementReport(request).organisationID, anchor: "actions")
            }
        }
        routes.post("staff", "oversight", "inspections", ":inspection", "police") { request in
            try await recordingPage(request, form: .police) { request in
                "/staff/oversight/inspections/\(try await informPolice(request).inspectionID)?lang=\(request.staffLanguage.rawValue)#may-be-trafficking"
            }
        }
        routes.post("staff", "oversight", "organisations", ":organisation", "joint-inspection-requests") { request in
            try await recordingPage(request, form: .jointRequest) { request in
                _ = try await requestJointInspection(request)
                return organisationPath(request, request.parameters.get("organisation") ?? "", anchor: "inspections")
            }
        }
        routes.post("staff", "oversight", "organisations", ":organisation", "signals") { request in
            try await recordingPage(request, form: .signal) { request in
                _ = try await recordSignal(request)
                return organisationPath(request, request.parameters.get("organisation") ?? "", anchor: "signals")
            }
        }
        bootAPI(routes.grouped("api", "oversight"))
        routes.get("oversight", "published", use: published)
        routes.get("oversight", "published.csv", use: publishedCSV)
    }

    func store(_ request: Request) -> OversightStore { OversightStore(sql: request.db.sql) }

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
        return OversightPages.organisation(request, detail, may: try await abilities(request))
    }

    func inspectionPage(request: Request) async throws -> Response {
        try await request.requireStaff(.viewOversight)
        guard let detail = try await store(request).inspection(request.parameters.get("inspection") ?? "") else {
            throw Abort(.notFound, reason: request.staffLanguage == .ja ? "該当する検査はありません" : "no such inspection")
        }
        return OversightPages.inspection(request, detail, may: try await abilities(request))
    }

    /// How many awaited improvement reports one page lists.
    static let ordersShown = 500

    func ordersPage(request: Request) async throws -> Response {
        try await request.requireStaff(.viewOversight)
        return OversightPages.orders(request, orders: try await store(request).openOrders(limit: Self.ordersShown), may: try await abilities(request),
                                     shown: Self.ordersShown)
    }

    func sendingPage(request: Request) async throws -> Response {
        try await request.requireStaff(.viewOversight)
        let day = request.todayInJapan
        let country = request.query[String.self, at: "country"].flatMap { CodeLists.shipped.countries[$0] != nil ? $0 : nil }
        var organisations: [OrganisationRecord] = []
        if let country { organisations = try await store(request).sendingOrganisations(country: country) }
        return OversightPages.sending(request, countries: try await store(request).sendingCountries(on: day), on: day, country: country,
                                      organisations: organisations)
    }

    func plan(request: Request) async throws -> Response {
        try await request.requireStaff(.viewOversight)
        let day = request.todayInJapan
        let entries = InspectionPlan.plan(try await store(request).planFacts(on: day), on: day)
        return OversightPages.plan(request, entries: entries, requests: try await store(request).openJointInspectionRequests(), on: day,
                                   shown: Self.planShown)
    }

    /// The fiscal year asked (`?fiscal_year=`), else the one that ended last.
    func fiscalYear(_ request: Request) throws -> Int {
        if let text = request.query[String.self, at: "fiscal_year"] {
            guard let year = Int(text), (1990...2200).contains(year) else {
                throw Abort(.badRequest, reason: "fiscal_year: `\(text.prefix(20))` is not a year such as 2024")
            }
            return year
        }
        let day = request.todayInJapan
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
