import CTIPCore
import CTIPStorage
import Vapor

/// `/statistics/…`, for everyone, no sign-in: the hot lines' figures of a fiscal year — the same
/// `HotlineStatistics` as the staff page (`HotlineRecords.statistics`), every table protected by
/// `SmallCellRule.standard` — and the rule explained. Only fiscal years that have ended are published:
/// a page that changed every day would give each new tip away by comparison with the day before.
struct StatisticsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("statistics", "hotline", use: hotline)
        routes.get("statistics", "small-cells", use: smallCells)
    }

    func hotline(request: Request) async throws -> Response {
        let language = request.preferredLanguage
        let now = request.nowInJapan
        let latest = FiscalYear(containing: HotlineMonth(now)).year - 1
        var year = latest
        if let text = request.query[String.self, at: "fiscal_year"] {
            guard let asked = Int(text), (2000...2200).contains(asked) else {
                let t = StaffPages.Text(language: language)
                throw Abort(.badRequest, reason: t("fiscal_year: `\(text.prefix(20))` is not a year such as 2024",
                                                   "年度（fiscal_year）：`\(text.prefix(20))` は 2024 のような年ではありません"))
            }
            year = asked
        }
        guard year <= latest else {
            let response = HomeController.html(StatisticsPages.notEnded(year: year, latest: latest, language: language), language: language.rawValue)
            response.status = .notFound
            return response
        }
        let statistics = try await HotlineRecords(database: request.db).statistics(FiscalYear(year))
        let figures = PublicHotlineStatistics(statistics, language: language, rule: .standard)
        return HomeController.html(StatisticsPages.hotline(figures, language: language, latest: latest, countedOn: now.day),
                                   language: language.rawValue)
    }

    func smallCells(request: Request) async throws -> Response {
        let language = request.preferredLanguage
        return HomeController.html(StatisticsPages.smallCells(language: language), language: language.rawValue)
    }
}
