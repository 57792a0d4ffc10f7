import CTIPCore
import CTIPStorage
import Plot

/// `/reports`: the years the records cover, and the published editions. The page speaks every language
/// of `/help`; the reports it links to are published in Japanese and English, and it says so.
enum ReportIndexPage {
    static func render(language: String, years: [Int], editions: [ReportEdition]) -> String {
        let t = PublicText(language: language)
        let lang = t.language
        return PageFrame(language: lang, title: t["reportsTitle"], heading: t["reportsTitle"], languages: HelpLanguages.leaflet,
                         languagePath: "/reports",
                         breadcrumbs: [.init(label: t["home"], href: "/?lang=\(lang)"), .init(label: t["reportsTitle"], href: nil)]).render([
            .p(.class("lead"), .text(t["reportsLead"])),
            .ul(.li(.a(.href("/open-data?lang=\(lang)"), .text(t.statistics("openData.link")))),
                .li(.a(.href("/statistics/hotline?lang=\(lang)"), .text(t.statistics("hotline.link"))))),
            .if(lang != "en" && lang != "ja", .p(.class("notice"), .text(t["reportsLanguages"]))),
            .h2(.text(t["yearsHeading"])),
            .if(years.isEmpty, .p(.text(t["noYears"])),
                else: .ul(.forEach(years) { year in
                    .li(.a(.href("/reports/\(year)?lang=\(lang)"), .text(t.format("yearLink", ["year": String(year), "next": String(year + 1)]))))
                })),
            .h2(.text(t["editionsHeading"])),
            .if(editions.isEmpty, .p(.text(t["noEditions"])),
                else: .div(.class("scroll"), .attribute(named: "tabindex", value: "0"), .attribute(named: "role", value: "region"),
                           .attribute(named: "aria-label", value: t["editionsHeading"]), .table(
                    .thead(.tr(.th(.attribute(named: "scope", value: "col"), .text(t["year"])),
                               .th(.attribute(named: "scope", value: "col"), .text(t["asOf"])),
                               .th(.attribute(named: "scope", value: "col"), .text(t["published"])),
                               .th(.attribute(named: "scope", value: "col"), .text(t["contentHash"])))),
                    .tbody(.forEach(editions) { edition in
                        .tr(.th(.attribute(named: "scope", value: "row"),
                                .a(.href("/reports/\(edition.year)?lang=\(lang)&edition=published"), .text(String(edition.year)))),
                            .td(.text(edition.asOf.description)), .td(.text(edition.publishedAt)), .td(.code(.text(edition.contentHash))))
                    })))),
        ])
    }
}
