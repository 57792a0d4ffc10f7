import CTIPCore
import CTIPStorage
import Foundation
import Testing
import VaporTesting
@testable import CTIPWeb

@Suite("Web: the annual report's pages and API")
struct ReportWebTests {
    @Test("GET /reports/2024 is the printable report with its tables and figures, in English and Japanese, matching its snapshots")
    func reportPage() async throws {
        try await withReferenceApp { app in
            try await app.testing().test(.GET, "reports/2024") { response async throws in
                #expect(response.status == .ok)
                #expect(response.headers.contentType == .html)
                let page = response.body.string
                #expect(page.contains("was 66 (five more than in 2023)."))
                #expect(page.contains("id=\"table-2\"") && page.contains("id=\"table-5\""))
                #expect(page.components(separatedBy: "<svg").count - 1 == 5)
                #expect(page.contains("href=\"/api/reports/2024?lang=en\""))
                try assertSnapshot(page, named: "report-2024-en.html")
            }
            try await app.testing().test(.GET, "reports/2024?lang=ja") { response async throws in
                let page = response.body.string
                #expect(page.contains("<html lang=\"ja\">") && page.contains("66人（前年比5人増）"))
                try assertSnapshot(page, named: "report-2024-ja.html")
            }
        }
    }

    @Test("GET /api/reports/2024 is the report's JSON; ?as_of= moves the cut-off")
    func reportJSON() async throws {
        try await withReferenceApp { app in
            try await app.testing().test(.GET, "api/reports/2024") { response async throws in
                #expect(response.status == .ok)
                let report = try AnnualReport.decode(json: Data(buffer: response.body))
                #expect(report.victims.total.count == 66 && report.suspects.outcomes.guilty == 35 && report.suspects.outcomes.pending == 12)
                #expect(report.carryOver.map(\.persons) == [8, 1, 1])
            }
            try await app.testing().test(.GET, "api/reports/2024?as_of=2024-12-31") { response async throws in
                let report = try AnnualReport.decode(json: Data(buffer: response.body))
                #expect(report.asOf == Day(iso: "2024-12-31") && report.suspects.outcomes.pending > 12)
            }
        }
    }

    @Test("a bad year or cut-off is a 400 that names it")
    func badInput() async throws {
        try await withReferenceApp { app in
            try await app.testing().test(.GET, "reports/abc") { response async throws in
                #expect(response.status == .badRequest)
                #expect(response.body.string.contains("year"))
            }
            try await app.testing().test(.GET, "api/reports/2024?as_of=2025-02-30") { response async throws in
                #expect(response.status == .badRequest)
                #expect(response.body.string.contains("as_of"))
            }
            try await app.testing().test(.GET, "reports/2024?edition=published") { response async throws in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test("a published edition is served as frozen, and the live page says whether the records still match it")
    func publishedEdition() async throws {
        try await withReferenceApp { app in
            let edition = try await AnnualReports(database: app.db).publish(year: 2024, at: Date(timeIntervalSince1970: 1_756_166_400))
            try await app.testing().test(.GET, "reports/2024") { response async throws in
                #expect(response.body.string.contains("These figures match the edition published on 2025-08-26T00:00:00Z (\(edition.contentHash))."))
            }
            let frozen = try await AnnualReports(database: app.db).publishedFile(year: 2024, format: .html, language: .en)
            try await app.testing().test(.GET, "reports/2024?edition=published") { response async throws in
                #expect(response.status == .ok && response.body.string == frozen)
            }
            try await app.testing().test(.GET, "reports") { response async throws in
                let page = response.body.string
                #expect(page.contains("href=\"/reports/2024?lang=en\"") && page.contains("href=\"/reports/2023?lang=en\""))
                #expect(page.contains(edition.contentHash))
                try assertSnapshot(page, named: "reports.html")
            }
            try await app.testing().test(.GET, "reports?lang=ja") { response async throws in
                try assertSnapshot(response.body.string, named: "reports-ja.html")
            }
        }
    }
}
