import CTIPCore
import CTIPStorage
import Fluent
import Vapor

/// The annual report's section 2: `GET /reports/Y` (a printable HTML page), `GET /api/reports/Y` (its
/// JSON), both with `?as_of=YYYY-MM-DD` and `?lang=en|ja`; `GET /reports` lists the years and editions.
/// Aggregates and anonymous table rows only: no page here names a person.
struct ReportController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("reports", use: index)
        routes.get("reports", ":year", use: page)
        routes.get("reports", ":year", "whole", use: whole)
        routes.get("api", "reports", ":year", use: json)
    }

    func page(request: Request) async throws -> Response {
        let query = try ReportQuery(request)
        let reports = request.annualReports
        if (try? request.query.get(String.self, at: "edition")) == "published" {
            guard let frozen = try await reports.publishedFile(year: query.year, format: .html, language: query.language) else {
                throw Abort(.notFound, reason: query.language == .ja ? "\(query.year)年の報告は公表されていません。" : "The report of \(query.year) has not been published.")
            }
            return html(frozen, language: query.language)
        }
        let report = try await reports.report(year: query.year, asOf: query.asOf, language: query.language)
        var banner: [String] = []
        var links = [ReportLink(label: query.language == .ja ? "English" : "日本語",
                                href: "/reports/\(query.year)?lang=\(query.language == .ja ? "en" : "ja")\(query.asOfParameter)",
                                hreflang: query.language == .ja ? "en" : "ja"),
                     ReportLink(label: "JSON", href: "/api/reports/\(query.year)?lang=\(query.language.rawValue)\(query.asOfParameter)")]
        if let (edition, revision) = try await reports.revision(of: report) {
            banner = ReportBanner.lines(publishedAt: edition.publishedAt, contentHash: edition.contentHash, revision: revision, language: query.language)
            links.append(ReportLink(label: query.language == .ja ? "公表版" : "Published edition",
                                    href: "/reports/\(query.year)?lang=\(query.language.rawValue)&edition=published"))
        }
        return html(try report.rendered(as: .html, banner: banner, links: links), language: query.language)
    }

    /// The whole report (sections 1–8): the year's edition with section 2 computed from the records, as a
    /// printable A4 document with its contents (page numbers when printed).
    func whole(request: Request) async throws -> Response {
        let query = try ReportQuery(request)
        let store = WholeReportStore(database: request.db)
        // `?edition=published`: the first publication exactly as frozen; `&revision=N` (2, 3, …) a correction's.
        if (try? request.query.get(String.self, at: "edition")) == "published" {
            let revision = (try? request.query.get(Int.self, at: "revision")) ?? 1
            let frozen = revision <= 1 ? try await store.publishedFile(year: query.year, format: .html, language: query.language)
                : try await store.revisionFile(year: query.year, revision: revision, format: .html, language: query.language)
            guard let frozen else {
                throw Abort(.notFound, reason: query.language == .ja ? "\(query.year)年の報告全体のその版は公表されていません。"
                                                                     : "That edition of the whole report of \(query.year) has not been published.")
            }
            return html(frozen, language: query.language)
        }
        guard let edition = try await store.load(year: query.year) else {
            throw Abort(.notFound, reason: query.language == .ja ? "\(query.year)年の報告全体はまだありません。"
                                                                 : "There is no whole report of \(query.year) yet.")
        }
        let facts = try await request.annualReports.facts(year: query.year, asOf: query.asOf ?? Day.reportCutOff(forDataYear: query.year))
        let report = WholeReport(edition: edition, facts: facts.current.hasRecords ? facts : nil, language: query.language)
        return html(try report.rendered(as: .html), language: query.language)
    }

    func json(request: Request) async throws -> Response {
        let query = try ReportQuery(request)
        let report = try await request.annualReports.report(year: query.year, asOf: query.asOf, language: query.language)
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: try report.jsonData()))
    }

    func index(request: Request) async throws -> Response {
        let language = request.publicLanguage
        let years = try await YearStatistics(sql: request.db.sql).annualSeries().filter { $0.source == .records }.map(\.year)
        let editions = try await request.annualReports.editions()
        return HomeController.html(ReportIndexPage.render(language: language, years: years.reversed(), editions: editions), language: language)
    }

    /// A report document: self-contained, so its own style is allowed by hash.
    private func html(_ text: String, language: CTIPCore.Language) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.add(name: .contentLanguage, value: language.rawValue)
        headers.add(name: "Content-Security-Policy", value: ContentSecurityPolicy.allowingStyles(of: text))
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}

/// The parameters of a report request, checked: a bad one is a 400 that names it.
struct ReportQuery {
    let year: Int
    let asOf: Day?
    let language: CTIPCore.Language

    init(_ request: Request) throws {
        language = request.preferredLanguage
        let ja = language == .ja
        guard let text = request.parameters.get("year"), let year = Int(text), (1900...2200).contains(year) else {
            throw Abort(.badRequest, reason: ja ? "year: 1900年から2200年までの年を指定してください。" : "year: give a year between 1900 and 2200, as in /reports/2024.")
        }
        self.year = year
        if let text = try? request.query.get(String.self, at: "as_of") {
            guard let day = Day(iso: text) else {
                throw Abort(.badRequest, reason: ja ? "as_of: 日付はYYYY-MM-DDの形式で指定してください（例：2025-03-31）。"
                                                    : "as_of: `\(text.prefix(40))` is not a date YYYY-MM-DD (for example 2025-03-31).")
            }
            asOf = day
        } else {
            asOf = nil
        }
    }

    var asOfParameter: String { asOf.map { "&as_of=\($0)" } ?? "" }
}

extension Request {
    /// The reports, their statements spread over every event loop's connections.
    var annualReports: AnnualReports {
        AnnualReports(database: db, readers: application.databases.onEveryEventLoop(logger: logger))
    }
}
