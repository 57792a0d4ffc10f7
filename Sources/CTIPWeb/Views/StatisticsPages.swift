import CTIPCore
import Plot

/// The public statistics pages, in English and Japanese on the one frame: the hot lines' figures of a
/// fiscal year, every table protected by the small-cell rule (`PublicHotlineStatistics`), and the rule
/// itself with a worked example computed by the same code. Aggregates only.
enum StatisticsPages {
    typealias Body = Node<HTML.BodyContext>

    // MARK: The hot lines' figures

    static func hotline(_ figures: PublicHotlineStatistics, language: CTIPCore.Language, latest: Int, countedOn: Day) -> String {
        let t = PublicText(language: language.rawValue)
        let year = figures.fiscalYear
        let title = t.statistics("hotline.title", ["year": String(year)])
        return frame(t, title: title, path: "/statistics/hotline?fiscal_year=\(year)", [
            .p(.class("lead"), .text(t.statistics("hotline.lead", ["year": String(year), "next": String(year + 1)]))),
            .p(.text(t.statistics("hotline.counted", ["day": countedOn.written(in: language)]))),
            yearLinks(t, year: year, latest: latest),
            .forEach(figures.sections) { section in
                .section(.attribute(named: "aria-labelledby", value: section.id),
                         .h2(.id(section.id), .text(section.heading)),
                         .forEach(section.tables) { table in
                             .group(figureTable(table, columns: figures.columns, corner: t.statistics("hotline.month")),
                                    note(t, figures.rule))
                         })
            },
            .p(.text(t.statistics("hotline.exact"))),
        ])
    }

    /// A fiscal year that has not ended: nothing of it is published yet.
    static func notEnded(year: Int, latest: Int, language: CTIPCore.Language) -> String {
        let t = PublicText(language: language.rawValue)
        let title = t.statistics("hotline.notEnded.title", ["year": String(year)])
        return frame(t, title: title, path: "/statistics/hotline?fiscal_year=\(year)", [
            .p(.text(t.statistics("hotline.notEnded", ["year": String(year), "next": String(year + 1)]))),
            .p(.a(.href("/statistics/hotline?fiscal_year=\(latest)&lang=\(t.language)"), .text(t.statistics("hotline.latest", ["year": String(latest)])))),
        ])
    }

    /// Under every protected table: what `<5` means, and where the rule is explained.
    static func note(_ t: PublicText, _ rule: SmallCellRule) -> Body {
        .p(.class("note"),
           .text(t.statistics("hotline.note", ["mark": rule.mark, "max": String(rule.threshold - 1), "threshold": String(rule.threshold)]) + " "),
           .a(.href("/statistics/small-cells?lang=\(t.language)"), .text(t.statistics("hotline.noteLink"))))
    }

    static func yearLinks(_ t: PublicText, year: Int, latest: Int) -> Body {
        let years = [year - 1] + (year + 1 <= latest ? [year + 1] : [])
        return .p(.text(t.statistics("hotline.otherYears") + " "),
                  .forEach(years.indices) { index in
                      .group(.if(index > 0, .text(" · ")),
                             .a(.href("/statistics/hotline?fiscal_year=\(years[index])&lang=\(t.language)"),
                                .text(t.language == "ja" ? "\(years[index])年度" : "FY\(years[index])")))
                  })
    }

    /// A table of figures: months across, the fiscal year last; the label column heads each row. On a phone
    /// it scrolls sideways inside its own region, reachable by keyboard.
    static func figureTable(_ table: PublicHotlineStatistics.Table, columns: [String], corner: String) -> Body {
        let captionID = "\(table.id)-caption"
        return .div(.class("scroll"), .attribute(named: "tabindex", value: "0"), .attribute(named: "role", value: "region"),
                    .attribute(named: "aria-labelledby", value: captionID),
                    .table(.class("figures"), .id(table.id),
                           .caption(.id(captionID), .text(table.caption)),
                           .thead(.tr(.th(.attribute(named: "scope", value: "col"), .text(corner)),
                                      .forEach(columns) { .th(.attribute(named: "scope", value: "col"), .text($0)) })),
                           .tbody(.forEach(table.rows) { row in
                               .tr(.attribute(named: "class", value: rowClass(row.kind)),
                                   .th(.attribute(named: "scope", value: "row"), .text(row.label)),
                                   .forEach(row.cells) { .td(.text($0)) })
                           })))
    }

    /// Parts are indented under their total (the stylesheet's `.figures tr.part`).
    static func rowClass(_ kind: PublicHotlineStatistics.Row.Kind) -> String {
        switch kind {
        case .total: "total"
        case .part: "part"
        case .single: ""
        case .derived: "derived"
        }
    }

    // MARK: The rule

    /// The worked example of `docs/small-cells.md`: tips by kind and quarter.
    static let exampleCounts = [[6, 3, 9, 14], [5, 7, 0, 11], [9, 10, 12, 8]]
    static let exampleKinds: [TipCategory] = [.trafficking, .childWelfare, .other]

    static func smallCells(language: CTIPCore.Language, rule: SmallCellRule = .standard) -> String {
        let t = PublicText(language: language.rawValue)
        let title = t.statistics("smallCells.title")
        let values = ["mark": rule.mark, "max": String(rule.threshold - 1), "threshold": String(rule.threshold)]
        let quarters = ["q1", "q2", "q3", "q4"].map { t.statistics("example.\($0)") }
        let kinds = exampleKinds.map { PublicHotlineStatistics.sentence($0.label.label(language)) }
        let example = CountTable(rowLabels: kinds, columnLabels: quarters, counts: exampleCounts)
        let counted = example.counts.indices.map { row in example.counts[row] + [example.rowTotals[row]] }.map { $0.map(Numerals.grouped) }
        let countedTotals = (example.columnTotals + [example.grandTotal]).map(Numerals.grouped)
        let published = rule.protect(example)
        let header = quarters + [t.statistics("example.total")]
        return frame(t, title: title, path: "/statistics/small-cells", [
            .p(.class("lead"), .text(t.statistics("smallCells.lead"))),
            .h2(.text(t.statistics("smallCells.ruleHeading"))),
            .ol(.forEach(1...6) { .li(.text(t.statistics("smallCells.rule\($0)", values))) }),
            .h2(.text(t.statistics("smallCells.whereHeading"))),
            .ul(.li(.text(t.statistics("smallCells.where1"))),
                .li(.a(.href("/statistics/hotline?lang=\(t.language)"), .text(t.statistics("smallCells.where2"))))),
            .h2(.text(t.statistics("smallCells.notHeading"))),
            .ul(.li(.a(.href("/reports?lang=\(t.language)"), .text(t.statistics("smallCells.not1")))),
                .li(.text(t.statistics("smallCells.not2")))),
            .h2(.text(t.statistics("smallCells.exampleHeading"))),
            exampleTable("example-counted", t.statistics("smallCells.exampleBefore"), corner: t.statistics("example.kind"), header: header,
                         rows: zip(kinds, counted).map { ($0, $1) }, totals: (t.statistics("example.total"), countedTotals)),
            exampleTable("example-published", t.statistics("smallCells.exampleAfter"), corner: t.statistics("example.kind"), header: header,
                         rows: kinds.indices.map { (kinds[$0], published.row($0).map(published.text)) },
                         totals: (t.statistics("example.total"), (published.totalsRow ?? []).map(published.text))),
            .p(.text(t.statistics("smallCells.exampleExplain"))),
            .h2(.text(t.statistics("smallCells.limitsHeading"))),
            .p(.text(t.statistics("smallCells.limits"))),
        ])
    }

    static func exampleTable(_ id: String, _ caption: String, corner: String, header: [String], rows: [(String, [String])],
                             totals: (String, [String])) -> Body {
        let captionID = "\(id)-caption"
        return .div(.class("scroll"), .attribute(named: "tabindex", value: "0"), .attribute(named: "role", value: "region"),
                    .attribute(named: "aria-labelledby", value: captionID),
                    .table(.class("figures"), .id(id),
                           .caption(.id(captionID), .text(caption)),
                           .thead(.tr(.th(.attribute(named: "scope", value: "col"), .text(corner)),
                                      .forEach(header) { .th(.attribute(named: "scope", value: "col"), .text($0)) })),
                           .tbody(.forEach(rows) { row in
                               .tr(.th(.attribute(named: "scope", value: "row"), .text(row.0)), .forEach(row.1) { .td(.text($0)) })
                           },
                           .tr(.class("total"), .th(.attribute(named: "scope", value: "row"), .text(totals.0)),
                               .forEach(totals.1) { .td(.text($0)) }))))
    }

    // MARK: Parts

    /// The public frame in English or Japanese, with the way home.
    static func frame(_ t: PublicText, title: String, path: String, _ content: [Body]) -> String {
        PageFrame(language: t.language, title: title, heading: title, languagePath: path,
                  breadcrumbs: [.init(label: t["home"], href: "/?lang=\(t.language)"), .init(label: title, href: nil)]).render(content)
    }
}
