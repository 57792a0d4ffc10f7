import Plot

/// A printable A4 page: headings, tables, SVG figures inline with their numbers as a table beside them
/// (for screen readers, and in print), and a print stylesheet. Built with Plot, so the markup is checked
/// when CTIP is compiled.
enum HTMLReportRenderer {
    static func render(_ document: ReportDocument, banner: [String], links: [ReportLink] = []) -> String {
        let ja = document.language == .ja
        let html = HTML(
            .lang(ja ? Plot.Language.japanese : Plot.Language.english),
            .head(
                .encoding(.utf8),
                .title(document.title),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .style(style)
            ),
            .body(
                .if(!links.isEmpty, .nav(.class("report-links"), .attribute(named: "aria-label", value: ja ? "関連リンク" : "Related links"),
                                         .forEach(links) { link in
                    .a(.href(link.href), .unwrap(link.hreflang) { .attribute(named: "hreflang", value: $0) }, .text(link.label))
                })),
                .main(
                    .h1(.text(document.title)),
                    .if(!banner.isEmpty, .div(.class("banner"), .attribute(named: "role", value: "status"),
                                              .forEach(banner) { .p(.text($0)) })),
                    .forEach(document.blocks.enumerated()) { index, block in node(block, index: index, language: document.language) }
                )
            )
        )
        return html.render(indentedBy: .spaces(1)) + "\n"
    }

    private static func node(_ block: ReportDocument.Block, index: Int, language: Language) -> Node<HTML.BodyContext> {
        switch block {
        case .heading(let level, let text):
            switch level {
            case 2: return .h2(.text(text))
            case 3: return .h3(.text(text))
            default: return .h4(.text(text))
            }
        case .notice(let text):
            return .p(.class("notice"), .strong(.text(language == .ja ? "注：" : "Note: ")), .text(text))
        case .item(let lines):
            return .ul(.class("item"), .li(.forEach(lines) { .p(.text($0)) }))
        case .paragraph(let text):
            return .p(.text(text))
        case .table(let table):
            return .table(
                .id("table-\(table.number)"),
                .caption(.text("[Table \(table.number)] \(table.caption)".localizedLabel(language))),
                .thead(.tr(.forEach(table.columns) { .th(.attribute(named: "scope", value: "col"), .text($0)) })),
                .tbody(.forEach(table.rows) { row in
                    .tr(.th(.attribute(named: "scope", value: "row"), .text(row.first ?? "")),
                        .forEach(row.dropFirst()) { .td(.text($0)) })
                })
            )
        case .figure(let figure):
            let id = "figure-\(figure.number)"
            return .element(named: "figure", nodes: [
                .id(id),
                .element(named: "figcaption", text: "[Figure \(figure.number)] \(figure.caption)".localizedLabel(language)),
                .div(.class("chart"), .attribute(named: "aria-hidden", value: "true"), .raw(SVGChart.render(figure, id: "\(id)-svg"))),
                .element(named: "details", nodes: [
                    .element(named: "summary", text: language == .ja ? "図の数値" : "Numbers of this figure"),
                    .table(
                        .class("figure-data"),
                        .thead(.tr(.forEach(figure.dataColumns) { .th(.attribute(named: "scope", value: "col"), .text($0)) })),
                        .tbody(.forEach(figure.dataRows) { row in
                            .tr(.th(.attribute(named: "scope", value: "row"), .text(row.first ?? "")),
                                .forEach(row.dropFirst()) { .td(.class("number"), .text($0)) })
                        })
                    ),
                ]),
            ])
        }
    }

    static let style = """
    body{font-family:"Times New Roman","Noto Serif CJK JP",serif;color:#111;margin:0 auto;max-width:50rem;padding:1rem;line-height:1.5}
    h1{font-size:1.4rem}h2{font-size:1.25rem;margin-top:2rem}h3{font-size:1.1rem}h4{font-size:1rem}
    ul.item{padding-left:1.2rem}ul.item p{margin:.2rem 0}
    .notice{background:#fff4d6;border-left:4px solid #7a5c00;padding:.4rem .6rem}
    nav.report-links{display:flex;gap:1rem;flex-wrap:wrap;font-family:system-ui,sans-serif;font-size:.9rem}nav.report-links a{color:#1f4e79}
    .banner{border:1px solid #1f4e79;background:#eef4fa;padding:.2rem .8rem;margin:1rem 0}
    table{border-collapse:collapse;width:100%;margin:1rem 0;font-size:.92rem}
    caption{text-align:left;font-weight:700;padding:.3rem 0}
    th,td{border:1px solid #888;padding:.25rem .45rem;vertical-align:top;text-align:left}
    td.number{text-align:right;font-variant-numeric:tabular-nums}
    figure{margin:1.5rem 0;break-inside:avoid}figcaption{font-weight:700;margin-bottom:.4rem}
    .chart svg{width:100%;height:auto}
    details summary{cursor:pointer;color:#1f4e79}
    @page{size:A4;margin:18mm 16mm}
    @media print{nav.report-links{display:none}body{max-width:none;padding:0;font-size:10.5pt}.banner{border-color:#000}details{display:block}
    details>summary{display:none}table,figure{break-inside:avoid}thead{display:table-header-group}tr{break-inside:avoid}}
    """
}
