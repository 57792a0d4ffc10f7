import CTIPCore
import Plot

/// What the home page shows: what this instance holds. Aggregates only, never a person.
struct HomePageModel {
    let language: CTIPCore.Language
    let engine: String
    let tableSizes: [String: Int]
    let series: [AnnualTotals]
}

enum HomePage {
    static func render(_ model: HomePageModel) -> String {
        let t = HomeText(language: model.language)
        let html = HTML(
            .lang(model.language == .ja ? Plot.Language.japanese : Plot.Language.english),
            .head(
                .encoding(.utf8),
                .title(t.title),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .style(pageStyle)
            ),
            .body(
                .header(
                    .h1("CTIP"),
                    .p(.class("subtitle"), .text(t.subtitle)),
                    .nav(.attribute(named: "aria-label", value: t.languageLabel),
                         .a(.href("/?lang=en"), .attribute(named: "hreflang", value: "en"), "English"),
                         .text(" · "),
                         .a(.href("/?lang=ja"), .attribute(named: "hreflang", value: "ja"), "日本語"))
                ),
                .main(
                    .h2(.text(t.holdsHeading)),
                    .p(.text(t.engineSentence(model.engine))),
                    .ul(.forEach(HomeText.tableOrder) { table in
                        .li(.strong(.text(formatted(model.tableSizes[table] ?? 0))), .text(" " + t.tableName(table)))
                    }),
                    .h2(.id("series"), .text(t.seriesHeading)),
                    .if(model.series.isEmpty,
                        .p(.text(t.empty)),
                        else: .table(
                            .caption(.text(t.seriesCaption)),
                            .thead(.tr(
                                .th(.attribute(named: "scope", value: "col"), .text(t.year)),
                                .th(.attribute(named: "scope", value: "col"), .text(t.victims)),
                                .th(.attribute(named: "scope", value: "col"), .text(t.cases)),
                                .th(.attribute(named: "scope", value: "col"), .text(t.suspects)),
                                .th(.attribute(named: "scope", value: "col"), .text(t.source))
                            )),
                            .tbody(.forEach(model.series.reversed()) { row in
                                .tr(
                                    .th(.attribute(named: "scope", value: "row"), .text(String(row.year))),
                                    .td(.class("number"), .text(row.victims.map(formatted) ?? "–")),
                                    .td(.class("number"), .text(row.clearedCases.map(formatted) ?? "–")),
                                    .td(.class("number"), .text(row.clearedSuspects.map(formatted) ?? "–")),
                                    .td(.text(row.source == .records ? t.fromRecords : t.fromHistory))
                                )
                            })
                        )),
                    .p(.a(.href("/reports?lang=\(model.language.rawValue)"), .text(t.reportsLink))),
                    .p(.a(.href("/help?lang=\(model.language.rawValue)"), .text(t.helpLink))),
                    .p(.a(.href("/report?lang=\(model.language.rawValue)"), .text(t.reportLink)), .text(" · "),
                       .a(.href("/internet-hotline?lang=\(model.language.rawValue)"), .text(t.internetReportLink)))
                ),
                .footer(.p(.text(t.footer)), .p(.a(.href("/health"), "health"), .text(" · "), .a(.href("/metrics"), "metrics")))
            )
        )
        return html.render(indentedBy: Indentation.Kind.spaces(1))
    }

    static func formatted(_ number: Int) -> String { Numerals.grouped(number) }

    static let pageStyle = """
    body{font-family:system-ui,"Hiragino Sans","Noto Sans CJK JP",sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#1a1a1a;line-height:1.5}
    h1{margin-bottom:0}.subtitle{margin-top:.25rem;color:#444}nav a{color:#0b4f9c}
    table{border-collapse:collapse;width:100%;margin:1rem 0}caption{text-align:left;font-weight:600;padding:.25rem 0}
    th,td{border-bottom:1px solid #ccc;padding:.3rem .6rem;text-align:left}td.number{text-align:right;font-variant-numeric:tabular-nums}
    footer{margin-top:2rem;color:#555;font-size:.9rem}
    @media print{nav,footer{display:none}}
    """
}

struct HomeText {
    let language: CTIPCore.Language
    static let tableOrder = ["victims", "suspects", "cases", "charges", "trials", "support_events", "history", "offenses"]
    private func pick(_ en: String, _ ja: String) -> String { language == .ja ? ja : en }

    var title: String { pick("CTIP — counter-trafficking in persons information system", "CTIP 人身取引対策情報システム") }
    var subtitle: String { pick("The national statistics of trafficking in persons, computed from case-level records.",
                                "事案単位の記録から作成する人身取引の統計") }
    var languageLabel: String { pick("Language", "言語") }
    var holdsHeading: String { pick("What this instance holds", "このシステムが保持するデータ") }
    func engineSentence(_ engine: String) -> String { pick("Records are kept in \(engine).", "記録は\(engine)に保存されています。") }
    func tableName(_ table: String) -> String {
        switch table {
        case "victims": return pick("victims (case-level records)", "被害者（事案単位の記録）")
        case "suspects": return pick("suspects", "被疑者")
        case "cases": return pick("cleared cases", "検挙事件")
        case "charges": return pick("charges", "罪名")
        case "trials": return pick("trial results", "裁判結果")
        case "support_events": return pick("protection and support events", "保護・支援の記録")
        case "history": return pick("years kept as published totals", "公表値のみの年")
        case "offenses": return pick("offense codes", "罪名コード")
        default: return table
        }
    }
    var seriesHeading: String { pick("Victims, cleared cases and suspects per year", "年別の被害者数・検挙件数・検挙人員") }
    var seriesCaption: String { pick("Per calendar year, newest first", "暦年別（新しい順）") }
    var year: String { pick("Year", "年") }
    var victims: String { pick("Victims", "被害者数") }
    var cases: String { pick("Cleared cases", "検挙件数") }
    var suspects: String { pick("Cleared suspects", "検挙人員") }
    var source: String { pick("Source", "出典") }
    var fromRecords: String { pick("case-level records", "事案単位の記録") }
    var fromHistory: String { pick("published totals", "公表値") }
    var empty: String { pick("No records yet. Import a dataset bundle with `ctip import DIR`.", "記録はまだありません。`ctip import DIR` でデータを取り込んでください。") }
    var reportLink: String { pick("Report trafficking anonymously", "匿名で通報する（匿名通報ダイヤル）") }
    var internetReportLink: String { pick("Report illegal information on the internet", "インターネット上の違法情報を通報する") }
    var helpLink: String { pick("Find help: who can help, in your language, open now", "相談窓口をさがす（あなたの言語で、今つながる窓口）") }
    var reportsLink: String { pick("The annual report's statistics (section 2), year by year", "年次報告の統計（第2章）") }
    var footer: String { pick("Aggregates only: no page here shows a person.", "集計値のみを表示しています。個人を特定する情報は表示しません。") }
}
