import CTIPCore
import CTIPStorage
import Plot

/// `/reports`: the years the records cover, and the published editions.
enum ReportIndexPage {
    static func render(language: CTIPCore.Language, years: [Int], editions: [ReportEdition]) -> String {
        let ja = language == .ja
        let html = HTML(
            .lang(ja ? Plot.Language.japanese : Plot.Language.english),
            .head(
                .encoding(.utf8),
                .title(ja ? "年次報告の統計（第2章）" : "Annual report statistics (section 2)"),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .style(HomePage.pageStyle)
            ),
            .body(
                .header(.p(.a(.href("/?lang=\(language.rawValue)"), "CTIP")),
                        .nav(.attribute(named: "aria-label", value: ja ? "言語" : "Language"),
                             .a(.href("/reports?lang=en"), .attribute(named: "hreflang", value: "en"), "English"), .text(" · "),
                             .a(.href("/reports?lang=ja"), .attribute(named: "hreflang", value: "ja"), "日本語"))),
                .main(
                    .h1(.text(ja ? "年次報告の統計（第2章）" : "Annual report statistics (section 2)")),
                    .p(.text(ja ? "事案単位の記録から作成した、各年の統計（翌年に承認される年次報告の第2章）。"
                                : "Section 2 of each year's report (approved the following year), computed from the case-level records.")),
                    .h2(.text(ja ? "記録のある年" : "Years with records")),
                    .if(years.isEmpty, .p(.text(ja ? "記録はまだありません。" : "No records yet.")),
                        else: .ul(.forEach(years) { year in
                            .li(.a(.href("/reports/\(year)?lang=\(language.rawValue)"), .text(ja ? "\(year)年の統計（\(year + 1)年承認）" : "Statistics of \(year) (report approved in \(year + 1))")))
                        })),
                    .h2(.text(ja ? "公表版" : "Published editions")),
                    .if(editions.isEmpty, .p(.text(ja ? "公表版はまだありません。" : "No edition has been published yet.")),
                        else: .table(
                            .thead(.tr(.th(.attribute(named: "scope", value: "col"), .text(ja ? "年" : "Year")),
                                       .th(.attribute(named: "scope", value: "col"), .text(ja ? "基準日" : "As of")),
                                       .th(.attribute(named: "scope", value: "col"), .text(ja ? "公表日時" : "Published")),
                                       .th(.attribute(named: "scope", value: "col"), .text(ja ? "内容のハッシュ" : "Content hash")))),
                            .tbody(.forEach(editions) { edition in
                                .tr(.th(.attribute(named: "scope", value: "row"),
                                        .a(.href("/reports/\(edition.year)?lang=\(language.rawValue)&edition=published"), .text(String(edition.year)))),
                                    .td(.text(edition.asOf.description)), .td(.text(edition.publishedAt)), .td(.code(.text(edition.contentHash))))
                            })))
                )
            )
        )
        return html.render(indentedBy: .spaces(1))
    }
}
