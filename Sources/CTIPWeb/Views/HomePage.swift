import CTIPCore
import Plot

/// What the home page shows, in the order a person in trouble needs it: the emergency numbers and the
/// way to find help, then the two anonymous report channels, then the statistics. What the instance
/// holds is on `/about`. Aggregates only, never a person.
struct HomePageModel {
    let language: CTIPCore.Language
    /// The directory's emergency services (110, 119…), in the directory's order.
    let emergency: [HelpService]
    let series: [AnnualTotals]
}

/// `/about`: what this instance holds, for the curious and for operators.
struct AboutPageModel {
    let language: CTIPCore.Language
    let engine: String
    let tableSizes: [String: Int]
}

enum HomePage {
    static func render(_ model: HomePageModel) -> String {
        let t = HomeText(language: model.language)
        let lang = model.language.rawValue
        return page(t, model.language, path: "/", .main(
            .section(.class("emergency"), .attribute(named: "aria-labelledby", value: "help-now"),
                     .h2(.id("help-now"), .text(t.helpNowHeading)),
                     .p(.text(t.helpNowLead)),
                     .ul(.forEach(model.emergency) { service in
                         .li(.strong(.text(service.name(japanese: model.language == .ja))), .text(" "),
                             .forEach(service.phones) { phone in .a(.href("tel:\(phone.dialled)"), .class("phone"), .text(phone.number)) })
                     }),
                     .p(.a(.class("button"), .href("/help?lang=\(lang)"), .text(t.helpLink)))),
            .section(.attribute(named: "aria-labelledby", value: "report-heading"),
                     .h2(.id("report-heading"), .text(t.reportHeading)),
                     .ul(.class("channels"),
                         .li(.a(.href("/report?lang=\(lang)"), .text(t.reportLink)), .p(.text(t.reportLead))),
                         .li(.a(.href("/internet-hotline?lang=\(lang)"), .text(t.internetReportLink)), .p(.text(t.internetReportLead))),
                         .li(.a(.href("/report/status?lang=\(lang)"), .text(t.statusLink))))),
            .section(.attribute(named: "aria-labelledby", value: "series"),
                     .h2(.id("series"), .text(t.seriesHeading)),
                     .p(.a(.href("/reports?lang=\(lang)"), .text(t.reportsLink))),
                     .if(model.series.isEmpty,
                         .p(.text(t.empty)),
                         // On a phone the table scrolls sideways inside its own region, reachable by keyboard.
                         else: .div(.class("scroll"), .attribute(named: "tabindex", value: "0"), .attribute(named: "role", value: "region"),
                                    .attribute(named: "aria-labelledby", value: "series"), .table(
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
                         ))))
        ))
    }

    static func renderAbout(_ model: AboutPageModel) -> String {
        let t = HomeText(language: model.language)
        return page(t, model.language, path: "/about", .main(
            .h2(.text(t.holdsHeading)),
            .p(.text(t.engineSentence(model.engine))),
            .ul(.forEach(HomeText.tableOrder) { table in
                .li(.strong(.text(formatted(model.tableSizes[table] ?? 0))), .text(" " + t.tableName(table)))
            }),
            .p(.a(.href("/health"), "health"), .text(" · "), .a(.href("/metrics"), "metrics"), .text(" · "),
               .a(.href("/openapi.json"), "openapi.json"), .text(" · "), .a(.href("/login"), .text(t.staffLink)))
        ))
    }

    /// The frame both pages share: header with the language switch, the page's main part, the footer.
    static func page(_ t: HomeText, _ language: CTIPCore.Language, path: String, _ main: Node<HTML.BodyContext>) -> String {
        HTML(
            .lang(language == .ja ? Plot.Language.japanese : Plot.Language.english),
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
                         .a(.href("\(path)?lang=en"), .attribute(named: "hreflang", value: "en"), "English"),
                         .text(" · "),
                         .a(.href("\(path)?lang=ja"), .attribute(named: "hreflang", value: "ja"), "日本語"))
                ),
                main,
                .footer(.p(.text(t.footer)), .p(.a(.href("/about?lang=\(language.rawValue)"), .text(t.aboutLink))))
            )
        ).render(indentedBy: Indentation.Kind.spaces(1))
    }

    static func formatted(_ number: Int) -> String { Numerals.grouped(number) }

    static let pageStyle = """
    body{font-family:system-ui,"Hiragino Sans","Noto Sans CJK JP",sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#1a1a1a;line-height:1.5}
    h1{margin-bottom:0}.subtitle{margin-top:.25rem;color:#444}nav a{color:#0b4f9c}
    table{border-collapse:collapse;width:100%;margin:1rem 0}caption{text-align:left;font-weight:600;padding:.25rem 0}
    th,td{border-bottom:1px solid #ccc;padding:.3rem .6rem;text-align:left}td.number{text-align:right;font-variant-numeric:tabular-nums}
    footer{margin-top:2rem;color:#555;font-size:.9rem}
    .emergency{background:#fdecea;border:2px solid #a4161a;border-radius:.5rem;padding:.5rem 1rem}
    .emergency h2{color:#8a1116;margin-top:.25rem}.emergency ul{list-style:none;padding:0}
    a.phone{font-size:1.25rem;font-weight:700;margin-right:.75rem;color:#8a1116}
    a.button{display:inline-block;background:#0b4f9c;color:#fff;padding:.6rem 1rem;border-radius:.3rem;text-decoration:none;font-weight:600}
    a:focus,a.button:focus{outline:3px solid #fd0;outline-offset:2px}
    .channels{padding-left:1.2rem}.channels p{margin:.1rem 0 .6rem;color:#333}
    .scroll{overflow-x:auto}.scroll:focus{outline:3px solid #fd0}
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
    var seriesHeading: String { pick("Statistics: victims, cleared cases and suspects per year", "統計：年別の被害者数・検挙件数・検挙人員") }
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
    var helpNowHeading: String { pick("Find help now", "今すぐ助けを求める") }
    var helpNowLead: String { pick("In danger now? Call, free of charge, day and night:", "今、危険な状況にある場合は、無料・24時間、次の番号へ電話してください。") }
    var reportHeading: String { pick("Report anonymously", "匿名で通報する") }
    var reportLead: String { pick("Tell the police about trafficking without giving your name; a reward may be paid.",
                                  "名前を明かさずに人身取引を警察に知らせることができます。情報提供料が支払われることがあります。") }
    var internetReportLead: String { pick("Report an advertisement or page that recruits or sells people.",
                                          "人を勧誘・売買する広告やページを通報できます。") }
    var statusLink: String { pick("Follow a report you made (receipt and passcode)", "通報の状況を確認する（受付番号とパスコード）") }
    var aboutLink: String { pick("About this instance", "このシステムについて") }
    var staffLink: String { pick("Staff sign-in", "職員ログイン") }
    var footer: String { pick("Aggregates only: no page here shows a person.", "集計値のみを表示しています。個人を特定する情報は表示しません。") }
}
