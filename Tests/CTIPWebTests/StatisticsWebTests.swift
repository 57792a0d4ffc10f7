import CTIPCore
import CTIPStorage
import Foundation
import Testing
import VaporTesting
@testable import CTIPWeb

/// The texts of the `<td>`s of the row headed `label` in the table `id` of a page (as written: `&lt;5`).
private func row(_ label: String, in id: String, of page: String) -> [String]? {
    guard let start = page.range(of: "id=\"\(id)\""),
          let end = page.range(of: "</table>", range: start.upperBound..<page.endIndex) else { return nil }
    let table = page[start.upperBound..<end.lowerBound]
    guard let heading = table.range(of: "<th scope=\"row\">\(label)</th>"),
          let close = table.range(of: "</tr>", range: heading.upperBound..<table.endIndex) else { return nil }
    return table[heading.upperBound..<close.lowerBound].matches(of: /<td>([^<]*)<\/td>/).map { String($0.1) }
}

@Suite("Web: the public statistics pages")
struct StatisticsWebTests {
    /// Tuesday, 10 February 2026, 10:00 in Japan: fiscal year 2025 has not ended, so FY2024 is the latest published.
    static let clock = Date(timeIntervalSince1970: 1_770_685_200)

    /// Tips received in FY2024: in June 7 of trafficking and 2 of child abuse, in July 6 of trafficking, 6 of
    /// child abuse and 5 of other kinds. June's 2 is the small count.
    static func plantTips(_ app: Application) async throws {
        let hasher = try PasscodeHasher(keyBytes: Data(repeating: 1, count: 32))
        let prefectures = Set(CodeLists.shipped.prefectureOrder)
        let june = Day(year: 2024, month: 6, day: 12)!, july = Day(year: 2024, month: 7, day: 9)!
        for (day, category, count) in [(june, "trafficking", 7), (june, "child_abuse", 2), (july, "trafficking", 6), (july, "child_abuse", 6),
                                       (july, "other", 5)] {
            let at = JapanTime(day: day, minute: 600).secondsSinceEpoch
            let store = HotlineStore(database: app.db, hasher: hasher, now: { at })
            for _ in 0..<count {
                _ = try await store.submit(try TipSubmission(language: "ja", category: category, prefecture: "JP-13",
                                                             description: "工場で旅券を取り上げられている", prefectures: prefectures))
            }
        }
    }

    @Test("the hot lines' figures are public: June's 2 shows as <5 with a second hidden cell in its row, the year's total kept; in Japanese too")
    func hotline() async throws {
        let clock = Self.clock
        try await withFreshApp(now: { clock }) { app in
            try await Self.plantTips(app)
            let english = try await app.testing().sendRequest(.GET, "/statistics/hotline?fiscal_year=2024&lang=en")
            #expect(english.status == .ok, "no sign-in")
            #expect(english.headers.first(name: .contentLanguage) == "en")
            let page = english.body.string
            DesignSystemTests.checkFrame(page, "/statistics/hotline")
            #expect(page.contains("<html lang=\"en\">") && page.contains("<h1>Hot lines: figures for FY2024</h1>"))
            let childAbuse = try #require(row("Child abuse", in: "tips-by-kind", of: page))
            #expect(childAbuse.count == 13, "twelve months and the year")
            #expect(childAbuse[2] == "&lt;5", "June's 2")
            #expect(childAbuse.filter { $0 == "&lt;5" }.count >= 2, "a second cell of its row hidden with it")
            #expect(!childAbuse.contains("2"))
            #expect(childAbuse[12] == "8", "the year's total is shown")
            #expect(row("Tips received", in: "tips-by-kind", of: page)?[12] == "26")
            #expect(row("Trafficking in persons", in: "tips-by-kind", of: page)?[12] == "13")
            // Every table says what <5 means and links the rule.
            #expect(page.components(separatedBy: "<p class=\"note\">").count - 1 == 6)
            #expect(page.contains("href=\"/statistics/small-cells?lang=en\""))
            try assertSnapshot(page, named: "statistics-hotline-en.html")

            let japanese = try await app.testing().sendRequest(.GET, "/statistics/hotline?fiscal_year=2024&lang=ja")
            #expect(japanese.status == .ok)
            #expect(japanese.headers.first(name: .contentLanguage) == "ja")
            let japanesePage = japanese.body.string
            #expect(japanesePage.contains("<html lang=\"ja\">") && japanesePage.contains("<h1>ホットラインの統計（2024年度）</h1>"))
            #expect(row("児童虐待", in: "tips-by-kind", of: japanesePage) == childAbuse, "the same cells hidden in either language")
            #expect(japanesePage.contains("href=\"/statistics/small-cells?lang=ja\""))

            // Without a year: the latest that has ended.
            let latest = try await app.testing().sendRequest(.GET, "/statistics/hotline")
            #expect(latest.status == .ok && latest.body.string.contains("<h1>Hot lines: figures for FY2024</h1>"))
        }
    }

    @Test("a fiscal year that has not ended is not published (404); a fiscal_year that is not a year is refused (400)")
    func onlyEndedYears() async throws {
        let clock = Self.clock
        try await withFreshApp(now: { clock }) { app in
            try await Self.plantTips(app)
            for year in [2025, 2030] {
                let response = try await app.testing().sendRequest(.GET, "/statistics/hotline?fiscal_year=\(year)")
                #expect(response.status == .notFound)
                #expect(!response.body.string.contains("tips-by-kind"))
                #expect(response.body.string.contains("href=\"/statistics/hotline?fiscal_year=2024&lang=en\""))
            }
            #expect(try await app.testing().sendRequest(.GET, "/statistics/hotline?fiscal_year=soon").status == .badRequest)
        }
    }

    @Test("the rule has a page of its own in English and Japanese; its example is protected by the same code")
    func smallCells() async throws {
        try await withFreshApp { app in
            for (language, trafficking) in [("en", "Trafficking in persons"), ("ja", "人身取引")] {
                let response = try await app.testing().sendRequest(.GET, "/statistics/small-cells?lang=\(language)")
                #expect(response.status == .ok)
                let page = response.body.string
                #expect(page.contains("<html lang=\"\(language)\">"))
                DesignSystemTests.checkFrame(page, "/statistics/small-cells?lang=\(language)")
                #expect(row(trafficking, in: "example-counted", of: page) == ["6", "3", "9", "14", "32"])
                #expect(row(trafficking, in: "example-published", of: page) == ["&lt;5", "&lt;5", "9", "14", "32"])
                try assertSnapshot(page, named: "statistics-small-cells-\(language).html")
            }
        }
    }
}
