import CTIPCore
import Plot

/// What the home page shows, in the order a person in trouble needs it: the emergency numbers and the
/// way to find help, then the two anonymous report channels, then the statistics. What the instance
/// holds is on `/about`. Aggregates only, never a person.
struct HomePageModel {
    /// One of `HelpLanguages.leaflet`.
    let language: String
    /// The directory's emergency services (110, 119…), in the directory's order.
    let emergency: [HelpService]
    let series: [AnnualTotals]
}

/// `/about`: what this instance holds, for the curious and for operators.
struct AboutPageModel {
    let language: String
    let engine: String
    let tableSizes: [String: Int]
}

enum HomePage {
    static func render(_ model: HomePageModel) -> String {
        let t = PublicText(language: model.language)
        let lang = t.language
        return page(t, path: "/", heading: nil, [
            .p(.class("lead"), .text(t["subtitle"])),
            .section(.class("emergency"), .attribute(named: "aria-labelledby", value: "help-now"),
                     .h2(.id("help-now"), .text(t["helpNowHeading"])),
                     .p(.text(t["helpNowLead"])),
                     .ul(.forEach(model.emergency) { service in
                         .li(.strong(.text(service.name(japanese: lang == "ja"))), .text(" "),
                             .forEach(service.phones) { phone in .a(.href("tel:\(phone.dialled)"), .class("phone"), .text(phone.number)) })
                     }),
                     .p(.a(.class("button"), .href("/help?lang=\(lang)"), .text(t["helpLink"])))),
            .section(.attribute(named: "aria-labelledby", value: "report-heading"),
                     .h2(.id("report-heading"), .text(t["reportHeading"])),
                     .ul(.class("channels"),
                         .li(.a(.href("/report?lang=\(lang)"), .text(t["reportLink"])), .p(.text(t["reportLead"]))),
                         .li(.a(.href("/internet-hotline?lang=\(lang)"), .text(t["internetReportLink"])), .p(.text(t["internetReportLead"]))),
                         .li(.a(.href("/report/status?lang=\(lang)"), .text(t["statusLink"]))))),
            .section(.attribute(named: "aria-labelledby", value: "series"),
                     .h2(.id("series"), .text(t["seriesHeading"])),
                     .p(.a(.href("/reports?lang=\(lang)"), .text(t["reportsLink"]))),
                     .if(model.series.isEmpty,
                         .p(.text(t["empty"])),
                         // On a phone the table scrolls sideways inside its own region, reachable by keyboard.
                         else: .div(.class("scroll"), .attribute(named: "tabindex", value: "0"), .attribute(named: "role", value: "region"),
                                    .attribute(named: "aria-labelledby", value: "series-caption"), .table(
                             .caption(.id("series-caption"), .text(t["seriesCaption"])),
                             .thead(.tr(
                                 .th(.attribute(named: "scope", value: "col"), .text(t["year"])),
                                 .th(.attribute(named: "scope", value: "col"), .text(t["victims"])),
                                 .th(.attribute(named: "scope", value: "col"), .text(t["cases"])),
                                 .th(.attribute(named: "scope", value: "col"), .text(t["suspects"])),
                                 .th(.attribute(named: "scope", value: "col"), .text(t["source"]))
                             )),
                             .tbody(.forEach(model.series.reversed()) { row in
                                 .tr(
                                     .th(.attribute(named: "scope", value: "row"), .text(String(row.year))),
                                     .td(.class("number"), .text(row.victims.map(formatted) ?? "–")),
                                     .td(.class("number"), .text(row.clearedCases.map(formatted) ?? "–")),
                                     .td(.class("number"), .text(row.clearedSuspects.map(formatted) ?? "–")),
                                     .td(.text(row.source == .records ? t["fromRecords"] : t["fromHistory"]))
                                 )
                             })
                         ))))
        ])
    }

    static func renderAbout(_ model: AboutPageModel) -> String {
        let t = PublicText(language: model.language)
        return page(t, path: "/about", heading: t["holdsHeading"], breadcrumbs: true, [
            .p(.text(t.format("engineSentence", ["engine": model.engine]))),
            .ul(.forEach(tableOrder) { table in
                .li(.strong(.text(formatted(model.tableSizes[table] ?? 0))), .text(" " + t["table." + table]))
            }),
            .h2(.text(t["machineLinks"])),
            .ul(.li(.a(.href("/health"), "health")), .li(.a(.href("/metrics"), "metrics")),
                .li(.a(.href("/openapi.json"), "openapi.json")), .li(.a(.href("/login"), .text(t["staffLink"]))))
        ])
    }

    static let tableOrder = ["victims", "suspects", "cases", "charges", "trials", "support_events", "history", "offenses"]

    /// The public frame in the page's language, the switch offering every language of `/help`.
    static func page(_ t: PublicText, path: String, heading: String?, breadcrumbs: Bool = false, _ main: [Node<HTML.BodyContext>]) -> String {
        PageFrame(language: t.language, title: heading ?? t["title"], heading: heading ?? t["title"], languages: HelpLanguages.leaflet,
                  languagePath: path,
                  breadcrumbs: breadcrumbs ? [.init(label: t["home"], href: "/?lang=\(t.language)"), .init(label: heading ?? "", href: nil)] : [],
                  tagline: nil).render(main)
    }

    static func formatted(_ number: Int) -> String { Numerals.grouped(number) }
}
