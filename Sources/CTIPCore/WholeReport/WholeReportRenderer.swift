import Foundation

/// The whole annual report (issue 16) laid out for reading in one language: the edition's outline with
/// the contributions under their items, section 2 computed from the records in its place, section 8
/// restating section 2 (`SectionEight`), and the tables and figures numbered in order of first appearance.
///
/// - A repeat always renders the text of the contribution's home placement, followed by the marker
///   ("[Repeated from 3 (3) i)]", 「［3 (3) i) から再掲］」): what a copy printed in an imported edition
///   (`Placement.printedText`) is never shown; `WholeReportCheck` reports where it drifted.
/// - The Japanese edition shows a contribution that has no Japanese text in English, marked
///   「（英語原文・和訳なし）」; it is never hidden.
/// - Cross-references in a contribution's text render the current numbers: `{item:3 (7) i)}` → "3 (7) i)",
///   `{figure:figure-14}` → "Figure 7" / 「図7」, `{table:…}` → "Table 1" / 「表1」. A reference that does
///   not resolve stays visible as written, and the check reports it.
/// - Numbers in a contribution's text are data: `{number:KEY}` renders the edition's figure of that key, or
///   the figure CTIP computes for the year (`TextFigures`), in the report's style ("8,311 implementing
///   organizations (preliminary figures)", 「8,311機関（速報値）」), the same wherever it is used.
/// - Chapter 2: the items that section 2's headings stand for (matched by number: "(1)", "i)" or 「ア」) are
///   replaced by `section2`'s blocks, and the edition's `computed` exhibits of chapter 2 by section 2's own
///   tables and figures. With no `section2`, a notice says that section 2 has no records.
/// - Chapter 8: `section8`'s paragraphs replace the placements of item 8 itself (the Council's copy may state
///   numbers that contradict section 2; CTIP restates them from the facts); its sub-items render as usual.
public struct WholeReport: Sendable {
    /// One heading of the report, as the contents list it.
    public struct ContentsEntry: Sendable, Hashable {
        /// The item's number as the report prints it ("3 (7) i)"); empty for a heading of section 2 that
        /// stands for no outline number.
        public let number: String
        public let title: String
        /// 1 for a chapter "N", 2 for "(n)", 3 for "i)", 4 for "a)".
        public let level: Int
        /// What the contents and the heading print: "3 Prevention of …", "(7) Efforts to …", "i) Raising …".
        public let label: String
        /// The heading's id in HTML.
        public let anchor: String
    }

    /// A table or figure as rendered, with its number in this rendering.
    public struct ExhibitEntry: Sendable, Hashable {
        public let kind: Exhibit.Kind
        public let number: Int
        public let caption: String
        public let credit: String?
        /// The outline item it stands under ("2" for section 2's own).
        public let item: String
        /// The edition's exhibit id; nil for a table or figure of section 2 that the edition holds no entry for.
        public let exhibitID: String?
        /// True for section 2's tables and figures, drawn from the records.
        public let computed: Bool
        /// "[Figure 7] Poster … (Cabinet Office)", 「［図7］…（Cabinet Office）」.
        public let label: String
        public let anchor: String
    }

    public let edition: WholeEdition
    public let section2: ReportDocument?
    public let section8: [String]
    public let language: Language
    public let title: String
    /// Notes at the top: "Provisional translation"; in Japanese, that headings are CTIP's translation.
    public let notes: [String]
    /// Every heading in the order rendered.
    public let contents: [ContentsEntry]
    /// Tables and figures in order of first appearance: their numbers are 1, 2, 3, ….
    public let tables: [ExhibitEntry]
    public let figures: [ExhibitEntry]
    /// The figures CTIP computed for the year, by key, that `{number:KEY}` may name.
    public let computedFigures: [String: ReportFigure]

    let blocks: [Block]
    let outlineNumbers: Set<OutlineNumber>
    let figureNumbers: [String: Int]
    let tableNumbers: [String: Int]
    let textFigures: TextFigures

    public init(edition: WholeEdition, section2: ReportDocument?, section8: [String], language: Language,
                computedFigures: [String: ReportFigure] = [:]) {
        self.edition = edition
        self.section2 = section2
        self.section8 = section8
        self.language = language
        self.computedFigures = computedFigures
        textFigures = TextFigures(edition.figures, computed: computedFigures)
        var layout = WholeReportLayout(edition: edition, section2: section2, section8: section8, language: language)
        layout.build()
        blocks = layout.blocks
        contents = layout.contents
        tables = layout.tables
        figures = layout.figures
        figureNumbers = layout.figureNumbers
        tableNumbers = layout.tableNumbers
        outlineNumbers = Set(edition.outline.map(\.number))
        title = language == .ja ? "人身取引対策に関する取組について（年次報告）" : "Measures to Combat Trafficking in Persons (Annual Report)"
        var notes: [String] = []
        switch language {
        case .en:
            notes.append("Provisional translation")
            if edition.contributions.contains(where: { $0.statusEN == .missing && !$0.textJA.isEmpty }) {
                notes.append("Where no English text is held, the Japanese original is shown, marked \(WholeReport.untranslatedMark(.en)).")
            }
        case .ja:
            let own = edition.outline.filter(\.titleJAIsOwnTranslation).count
            if own > 0 && own == edition.outline.count {
                notes.append("見出しの和文は、CTIPによる仮訳である。")
            } else if own > 0 {
                notes.append("見出しの和文の一部は、CTIPによる仮訳である。")
            }
            if edition.exhibits.contains(where: { !$0.captionJA.isEmpty && ExhibitCaptions.japanese["\($0.kind.rawValue)-\($0.printedNumber ?? 0)"] == $0.captionJA }) {
                notes.append("図表の題名の和文は、CTIPによる仮訳である。")
            }
            if edition.contributions.contains(where: { $0.statusJA == .missing }) {
                notes.append("和訳のない記述は英語原文のまま示し、「\(WholeReport.untranslatedMark(.ja))」と付記した。")
            }
        }
        self.notes = notes
    }

    /// The whole report from a year's facts: section 2 built by `AnnualReportBuilder`, section 8 by
    /// `SectionEight`, the text's computed figures by `ComputedFigures` (with the registers' `measures`);
    /// nil facts (no records) → section 2's notice and the edition's own text of item 8.
    public init(edition: WholeEdition, facts: ReportFacts?, language: Language, measures: [MeasureFigure] = []) {
        let computed = ComputedFigures.figures(from: facts, measures: measures)
        if let facts {
            self.init(edition: edition, section2: ReportDocument(report: AnnualReportBuilder(language: language).build(from: facts)),
                      section8: SectionEight.paragraphs(facts: facts, language: language), language: language, computedFigures: computed)
        } else {
            self.init(edition: edition, section2: nil, section8: [], language: language, computedFigures: computed)
        }
    }

    public func rendered(as format: ReportFormat) throws -> String {
        switch format {
        case .text: return renderText()
        case .markdown: return renderMarkdown()
        case .html: return renderHTML()
        case .json: return try renderJSON()
        }
    }

    // MARK: - Words

    static func untranslatedMark(_ language: Language) -> String {
        language == .ja ? "（英語原文・和訳なし）" : "(Japanese original; no English translation)"
    }

    static func repeatMarker(_ home: OutlineNumber, _ language: Language) -> String {
        language == .ja ? "［\(home) から再掲］" : "[Repeated from \(home)]"
    }

    static func exhibitLabel(_ kind: Exhibit.Kind, number: Int, caption: String, credit: String?, language: Language) -> String {
        switch language {
        case .ja: return "［\(kind == .figure ? "図" : "表")\(number)］\(caption)" + (credit.map { "（\($0)）" } ?? "")
        case .en: return "[\(kind == .figure ? "Figure" : "Table") \(number)] \(caption)" + (credit.map { " (\($0))" } ?? "")
        }
    }

    private var ja: Bool { language == .ja }
    private var contentsHeading: String { ja ? "目次" : "Contents" }
    private var tablesHeading: String { ja ? "表目次" : "List of tables" }
    private var figuresHeading: String { ja ? "図目次" : "List of figures" }
    private var council: String { ja ? "人身取引対策推進会議" : "Council for the Promotion of Measures to Combat Trafficking in Persons" }
    private var noteLabel: String { ja ? "注：" : "Note: " }

    private var approvedText: String? {
        guard let day = edition.approvedOn else { return nil }
        return ja ? day.written(in: .ja) : "\(Day.englishMonths[day.month - 1]) \(day.day), \(day.year)"
    }



    // MARK: - Cross-references

    /// The text with its `{item:…}`, `{figure:…}`, `{table:…}` references and `{number:…}` figures rendered in
    /// the text's language ("Figure 7", "66 victims" in an English paragraph of the Japanese edition);
    /// unresolved ones stay as written.
    func resolved(_ text: String, in textLanguage: Language? = nil) -> String {
        let ja = (textLanguage ?? language) == .ja
        return WholeReportText.replacingReferences(in: text) { reference in
            switch reference.kind {
            case .item:
                guard let number = OutlineNumber(reference.target), outlineNumbers.contains(number) else { return nil }
                return number.description
            case .figure:
                guard let number = figureNumbers[reference.target] else { return nil }
                return ja ? "図\(number)" : "Figure \(number)"
            case .table:
                guard let number = tableNumbers[reference.target] else { return nil }
                return ja ? "表\(number)" : "Table \(number)"
            case .number:
                return textFigures.text(reference.target, ja ? .ja : .en)
            }
        }
    }

    /// A placed contribution's lines: its text in the language shown, references resolved, as one bullet.
    func placedLines(_ placed: Placed) -> [WholeReportText.Line] {
        WholeReportText.contributionLines(of: resolved(placed.text, in: placed.textLanguage))
    }

    /// What follows a placed contribution's text: the untranslated mark, the repeat marker.
    func trailer(_ placed: Placed) -> [String] {
        var result: [String] = []
        if placed.untranslated { result.append(Self.untranslatedMark(language)) }
        if let home = placed.repeatOf { result.append(Self.repeatMarker(home, language)) }
        return result
    }

    // MARK: - Text

    private func renderText() -> String {
        var out: [String] = []
        out += notes
        if !notes.isEmpty { out.append("") }
        out.append(title)
        if let approvedText { out.append(approvedText) }
        out += [council, "", contentsHeading, ""]
        out += contents.map { String(repeating: "  ", count: max(0, $0.level - 1)) + $0.label }
        if !tables.isEmpty { out += ["", tablesHeading, ""] + tables.map(\.label) }
        if !figures.isEmpty { out += ["", figuresHeading, ""] + figures.map(\.label) }
        out.append("")
        for block in blocks {
            switch block {
            case .heading(let entry):
                if entry.level == 1 { out.append("") }
                out += [entry.label, ""]
            case .notice(let text):
                out += [noteLabel + text, ""]
            case .generated(let lines):
                out += textLines(lines) + [""]
            case .contribution(let placed):
                out += textLines(placedLines(placed)) + trailer(placed) + [""]
            case .exhibit(let entry):
                out += [entry.label, ""]
            case .table(let entry, let table):
                out.append(entry.label)
                out.append(table.columns.joined(separator: "\t"))
                out += table.rows.map { $0.joined(separator: "\t") }
                out.append("")
            case .figure(let entry, let figure):
                out.append(entry.label)
                out.append(figure.dataColumns.joined(separator: "\t"))
                out += figure.dataRows.map { $0.joined(separator: "\t") }
                out.append("")
            }
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    private func textLines(_ lines: [WholeReportText.Line]) -> [String] {
        lines.map { line in
            switch line.kind {
            case .paragraph: return line.text
            case .bullet: return String(repeating: "  ", count: line.depth) + "- " + line.text
            case .continuation: return String(repeating: "  ", count: line.depth + 1) + line.text
            }
        }
    }

    // MARK: - Markdown

    private func renderMarkdown() -> String {
        var out: [String] = []
        if !notes.isEmpty { out += notes.map { "> " + Markdown.escaped($0) } + [""] }
        out += ["# " + Markdown.escaped(title), ""]
        if let approvedText { out += ["**" + Markdown.escaped(approvedText) + "**", ""] }
        out += ["**" + Markdown.escaped(council) + "**", "", "## " + Markdown.escaped(contentsHeading), ""]
        out += contents.map { String(repeating: "  ", count: max(0, $0.level - 1)) + "- " + Markdown.escaped($0.label) }
        if !tables.isEmpty { out += ["", "### " + Markdown.escaped(tablesHeading), ""] + tables.map { "- " + Markdown.escaped($0.label) } }
        if !figures.isEmpty { out += ["", "### " + Markdown.escaped(figuresHeading), ""] + figures.map { "- " + Markdown.escaped($0.label) } }
        out.append("")
        for block in blocks {
            switch block {
            case .heading(let entry):
                out += [String(repeating: "#", count: min(entry.level + 1, 6)) + " " + Markdown.escaped(entry.label), ""]
            case .notice(let text):
                out += ["> **\(Markdown.escaped(ja ? "注" : "Note"))**: \(Markdown.escaped(text))", ""]
            case .generated(let lines):
                out += markdownLines(lines) + [""]
            case .contribution(let placed):
                out += markdownLines(placedLines(placed))
                for line in trailer(placed) { out += ["", "*" + Markdown.escaped(line) + "*"] }
                out.append("")
            case .exhibit(let entry):
                out += ["**" + Markdown.escaped(entry.label) + "**", ""]
            case .table(let entry, let table):
                out += ["**" + Markdown.escaped(entry.label) + "**", ""]
                out += Markdown.pipeTable(columns: table.columns.map { $0.isEmpty ? "No." : $0 }, rows: table.rows) + [""]
            case .figure(let entry, let figure):
                out += ["**" + Markdown.escaped(entry.label) + "**", ""]
                out += Markdown.pipeTable(columns: figure.dataColumns, rows: figure.dataRows) + [""]
            }
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    private func markdownLines(_ lines: [WholeReportText.Line]) -> [String] {
        var out: [String] = []
        var previous: WholeReportText.Line.Kind?
        for line in lines {
            switch line.kind {
            case .paragraph:
                if previous != nil { out.append("") }
                out.append(Markdown.escaped(line.text))
            case .bullet:
                if previous == .paragraph { out.append("") }
                out.append(String(repeating: "  ", count: line.depth) + "- " + Markdown.escaped(line.text))
            case .continuation:
                // A hard line break inside the list item.
                if let last = out.popLast() { out.append(last + "  ") }
                out.append(String(repeating: "  ", count: line.depth + 1) + Markdown.escaped(line.text))
            }
            previous = line.kind
        }
        return out
    }

    // MARK: - HTML

    private func renderHTML() -> String {
        func e(_ text: String) -> String { Markup.escaped(text) }
        let otherLanguage: Language = ja ? .en : .ja
        var html = "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
        let pageTitle = edition.year > 0 ? "\(title) – \(edition.year)" : title
        html += "<title>\(e(pageTitle))</title>\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<style>\n\(Self.style)\n</style>\n</head>\n<body>\n<main>\n"
        // Cover.
        html += "<header class=\"cover\">\n"
        for note in notes { html += "<p class=\"note\">\(e(note))</p>\n" }
        html += "<h1>\(e(title))</h1>\n"
        if let approvedText { html += "<p class=\"approved\">\(e(approvedText))</p>\n" }
        html += "<p class=\"council\">\(e(council))</p>\n</header>\n"
        // Contents, with page numbers where the browser supports CSS paged media.
        html += "<nav class=\"contents\" aria-labelledby=\"contents-heading\">\n<h2 id=\"contents-heading\">\(e(contentsHeading))</h2>\n<ul class=\"toc\">\n"
        for entry in contents {
            html += "<li class=\"toc-level-\(min(entry.level, 4))\"><a href=\"#\(e(entry.anchor))\">\(e(entry.label))</a></li>\n"
        }
        html += "</ul>\n"
        for (heading, entries, id) in [(tablesHeading, tables, "tables-heading"), (figuresHeading, figures, "figures-heading")] where !entries.isEmpty {
            html += "<h3 id=\"\(id)\">\(e(heading))</h3>\n<ul class=\"toc exhibits\">\n"
            for entry in entries { html += "<li><a href=\"#\(e(entry.anchor))\">\(e(entry.label))</a></li>\n" }
            html += "</ul>\n"
        }
        html += "</nav>\n"
        // Body.
        for block in blocks {
            switch block {
            case .heading(let entry):
                let tag = "h\(min(entry.level + 1, 6))"
                html += "<\(tag) id=\"\(e(entry.anchor))\" class=\"level-\(entry.level)\">\(e(entry.label))</\(tag)>\n"
            case .notice(let text):
                html += "<p class=\"notice\"><strong>\(e(noteLabel))</strong>\(e(text))</p>\n"
            case .generated(let lines):
                html += htmlLines(lines, listClass: "item")
            case .contribution(let placed):
                let lang = placed.untranslated ? " lang=\"\(otherLanguage.rawValue)\"" : ""
                let classes = placed.repeatOf == nil ? "contribution" : "contribution repeat"
                html += "<div class=\"\(classes)\" data-contribution=\"\(e(placed.contributionID))\"\(lang)>\n"
                html += htmlLines(placedLines(placed), listClass: "bullets")
                if placed.untranslated { html += "<p class=\"untranslated\" lang=\"\(language.rawValue)\">\(e(Self.untranslatedMark(language)))</p>\n" }
                if let home = placed.repeatOf {
                    html += "<p class=\"repeat-marker\" lang=\"\(language.rawValue)\"><a href=\"#\(e(WholeReportLayout.anchor(for: home)))\">\(e(Self.repeatMarker(home, language)))</a></p>\n"
                }
                html += "</div>\n"
            case .exhibit(let entry):
                html += "<figure id=\"\(e(entry.anchor))\" class=\"exhibit \(entry.kind.rawValue)\"><figcaption>\(e(entry.label))</figcaption></figure>\n"
            case .table(let entry, let table):
                html += "<table id=\"\(e(entry.anchor))\">\n<caption>\(e(entry.label))</caption>\n<thead><tr>"
                html += table.columns.map { "<th scope=\"col\">\(e($0))</th>" }.joined()
                html += "</tr></thead>\n<tbody>\n"
                for row in table.rows {
                    html += "<tr><th scope=\"row\">\(e(row.first ?? ""))</th>" + row.dropFirst().map { "<td>\(e($0))</td>" }.joined() + "</tr>\n"
                }
                html += "</tbody>\n</table>\n"
            case .figure(let entry, let figure):
                html += "<figure id=\"\(e(entry.anchor))\">\n<figcaption>\(e(entry.label))</figcaption>\n"
                html += "<div class=\"chart\" aria-hidden=\"true\">\(SVGChart.render(figure, id: "\(entry.anchor)-svg"))</div>\n"
                html += "<details><summary>\(e(ja ? "図の数値" : "Numbers of this figure"))</summary>\n<table class=\"figure-data\">\n<thead><tr>"
                html += figure.dataColumns.map { "<th scope=\"col\">\(e($0))</th>" }.joined()
                html += "</tr></thead>\n<tbody>\n"
                for row in figure.dataRows {
                    html += "<tr><th scope=\"row\">\(e(row.first ?? ""))</th>" + row.dropFirst().map { "<td class=\"number\">\(e($0))</td>" }.joined() + "</tr>\n"
                }
                html += "</tbody>\n</table>\n</details>\n</figure>\n"
            }
        }
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    /// Paragraphs as `<p>`, bullets as nested `<ul>`, continuation lines as further paragraphs of their bullet.
    private func htmlLines(_ lines: [WholeReportText.Line], listClass: String) -> String {
        var html = ""
        var depth = -1
        func closeAll() {
            while depth >= 0 { html += "</li></ul>\n"; depth -= 1 }
        }
        for line in lines {
            let text = Markup.escaped(line.text)
            switch line.kind {
            case .paragraph:
                closeAll()
                html += "<p>\(text)</p>\n"
            case .bullet:
                let target = min(line.depth, depth + 1)
                if target > depth {
                    html += depth < 0 ? "<ul class=\"\(listClass)\">" : "<ul>"
                    depth += 1
                } else {
                    while depth > target { html += "</li></ul>\n"; depth -= 1 }
                    html += "</li>\n"
                }
                html += "<li><p>\(text)</p>"
            case .continuation:
                html += depth < 0 ? "<p>\(text)</p>\n" : "<p>\(text)</p>"
            }
        }
        closeAll()
        return html
    }

    static let style = """
    @page { size: A4; margin: 20mm; @bottom-center { content: counter(page) } }
    body{font-family:"Times New Roman","Noto Serif CJK JP",serif;color:#111;margin:0 auto;max-width:50rem;padding:1rem;line-height:1.5}
    h1{font-size:1.5rem}h2{font-size:1.3rem;margin-top:2rem}h3{font-size:1.15rem}h4{font-size:1.05rem}h5,h6{font-size:1rem}
    header.cover{text-align:center;margin:2rem 0 3rem}header.cover .note{text-align:right;font-style:italic}
    header.cover .approved,header.cover .council{font-weight:700}
    nav.contents ul.toc{list-style:none;padding-left:0}nav.contents li{margin:.1rem 0}
    nav.contents a{color:#1f4e79;text-decoration:none}
    nav.contents a::after { content: leader('.') target-counter(attr(href), page); }
    .toc-level-1{font-weight:700;margin-top:.4rem}.toc-level-2{padding-left:1.2rem}.toc-level-3{padding-left:2.4rem}.toc-level-4{padding-left:3.6rem}
    ul.bullets,ul.item{padding-left:1.2rem}ul.bullets p,ul.item p{margin:.2rem 0}
    .contribution{margin:.4rem 0}.repeat-marker,.untranslated{font-size:.92rem;margin:.1rem 0 .6rem}.repeat-marker a{color:inherit}
    .untranslated{color:#5a4500}
    .notice{background:#fff4d6;border-left:4px solid #7a5c00;padding:.4rem .6rem}
    table{border-collapse:collapse;width:100%;margin:1rem 0;font-size:.92rem}
    caption{text-align:left;font-weight:700;padding:.3rem 0}
    th,td{border:1px solid #888;padding:.25rem .45rem;vertical-align:top;text-align:left}
    td.number{text-align:right;font-variant-numeric:tabular-nums}
    figure{margin:1.5rem 0;break-inside:avoid}figcaption{font-weight:700;margin-bottom:.4rem}
    figure.exhibit{border:1px dashed #888;padding:.6rem}
    .chart svg{width:100%;height:auto}
    details summary{cursor:pointer;color:#1f4e79}
    @media print{body{max-width:none;padding:0;font-size:10.5pt}nav.contents{break-after:page}header.cover{break-after:page}
    h2.level-1{break-before:page}h2,h3,h4,h5{break-after:avoid}details{display:block}details>summary{display:none}
    table,figure{break-inside:avoid}thead{display:table-header-group}tr{break-inside:avoid}}
    """

    // MARK: - JSON

    /// The JSON form of the whole report (`--format json`): snake_case keys, sorted, indented.
    public struct JSONForm: Codable, Sendable, Equatable {
        public struct Heading: Codable, Sendable, Equatable {
            public var number: String
            public var title: String
            public var level: Int
        }
        public struct ExhibitRef: Codable, Sendable, Equatable {
            public var number: Int
            public var caption: String
            public var credit: String?
            public var item: String
            public var id: String?
            public var computed: Bool
        }
        public struct PlacementForm: Codable, Sendable, Equatable {
            public var contributionID: String
            /// The home item, for a repeat.
            public var repeatOf: String?
            /// The text as rendered (references resolved), in the language shown.
            public var text: String
            public var ministries: [String]
            /// True when the text is shown in the other language (no translation held).
            public var untranslated: Bool?
            enum CodingKeys: String, CodingKey {
                case contributionID = "contribution_id", repeatOf = "repeat_of", text, ministries, untranslated
            }
        }
        public struct BodyItem: Codable, Sendable, Equatable {
            public var number: String
            public var title: String
            public var level: Int
            /// Text CTIP writes: section 2's items and paragraphs, section 8.
            public var paragraphs: [String]
            public var notices: [String]
            public var placements: [PlacementForm]
            /// The numbers of the tables and figures under it.
            public var tables: [Int]
            public var figures: [Int]
        }
        public var year: Int
        public var language: String
        public var approvedOn: String?
        public var title: String
        public var notes: [String]
        public var contents: [Heading]
        public var tables: [ExhibitRef]
        public var figures: [ExhibitRef]
        public var body: [BodyItem]
        enum CodingKeys: String, CodingKey {
            case year, language, approvedOn = "approved_on", title, notes, contents, tables, figures, body
        }
    }

    public var jsonForm: JSONForm {
        func ref(_ entry: ExhibitEntry) -> JSONForm.ExhibitRef {
            .init(number: entry.number, caption: entry.caption, credit: entry.credit, item: entry.item, id: entry.exhibitID, computed: entry.computed)
        }
        var body: [JSONForm.BodyItem] = []
        for block in blocks {
            if case .heading(let entry) = block {
                body.append(.init(number: entry.number, title: entry.title, level: entry.level, paragraphs: [], notices: [], placements: [],
                                  tables: [], figures: []))
                continue
            }
            guard !body.isEmpty else { continue }
            let last = body.count - 1
            switch block {
            case .heading: break
            case .notice(let text): body[last].notices.append(text)
            case .generated(let lines): body[last].paragraphs += lines.map(\.text)
            case .contribution(let placed):
                body[last].placements.append(.init(contributionID: placed.contributionID, repeatOf: placed.repeatOf?.description,
                                                   text: resolved(placed.text, in: placed.textLanguage), ministries: placed.ministries,
                                                   untranslated: placed.untranslated ? true : nil))
            case .exhibit(let entry), .table(let entry, _), .figure(let entry, _):
                if entry.kind == .table { body[last].tables.append(entry.number) } else { body[last].figures.append(entry.number) }
            }
        }
        return JSONForm(year: edition.year, language: language.rawValue, approvedOn: edition.approvedOn?.description, title: title, notes: notes,
                        contents: contents.map { JSONForm.Heading(number: $0.number, title: $0.title, level: $0.level) },
                        tables: tables.map(ref), figures: figures.map(ref), body: body)
    }

    private func renderJSON() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(jsonForm), as: UTF8.self) + "\n"
    }

    // MARK: - Layout

    enum Block: Sendable {
        case heading(ContentsEntry)
        case notice(String)
        /// Text CTIP writes (section 2's items and paragraphs, section 8).
        case generated([WholeReportText.Line])
        case contribution(Placed)
        /// A table or figure of the edition: its caption (the image is not held).
        case exhibit(ExhibitEntry)
        case table(ExhibitEntry, ReportDocument.Table)
        case figure(ExhibitEntry, ReportDocument.Figure)
    }

    /// A contribution under an item, as rendered.
    struct Placed: Sendable {
        var contributionID: String
        var ministries: [String]
        /// The home item, for a repeat.
        var repeatOf: OutlineNumber?
        /// The home contribution's text in the language shown (references not yet resolved).
        var text: String
        /// Shown in the other language: no translation held.
        var untranslated: Bool
        /// The language `text` is in.
        var textLanguage: Language
    }
}

/// Lays the whole report out: headings, text and numbered exhibits in reading order.
struct WholeReportLayout {
    let edition: WholeEdition
    let section2: ReportDocument?
    let section8: [String]
    let language: Language

    var blocks: [WholeReport.Block] = []
    var contents: [WholeReport.ContentsEntry] = []
    var tables: [WholeReport.ExhibitEntry] = []
    var figures: [WholeReport.ExhibitEntry] = []
    var figureNumbers: [String: Int] = [:]
    var tableNumbers: [String: Int] = [:]
    private var usedAnchors: Set<String> = []

    init(edition: WholeEdition, section2: ReportDocument?, section8: [String], language: Language) {
        self.edition = edition; self.section2 = section2; self.section8 = section8; self.language = language
    }

    /// "item-3-7-i" for 3 (7) i).
    static func anchor(for number: OutlineNumber) -> String {
        "item-" + number.parts.map { part in String(part.filter { $0.isLetter || $0.isNumber }) }.joined(separator: "-")
    }

    /// A section 2 heading's number token: "(1)" → "(1)", "ii)" → "ii)", 「イ」 → "ii)".
    static func section2Part(_ text: String) -> (part: String?, title: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let space = trimmed.firstIndex(where: { $0 == " " || $0 == "\u{3000}" }) else { return (nil, trimmed) }
        let token = trimmed[..<space]
        let title = trimmed[space...].trimmingCharacters(in: CharacterSet(charactersIn: " \u{3000}"))
        if token.first == "(", token.last == ")", token.dropFirst().dropLast().allSatisfy({ $0.isASCII && $0.isNumber }), token.count > 2 {
            return (String(token), title)
        }
        if token.last == ")", token.dropLast().allSatisfy({ "ivx".contains($0) }), token.count > 1 {
            return (String(token), title)
        }
        let kana: [Character] = ["ア", "イ", "ウ", "エ", "オ", "カ", "キ", "ク", "ケ", "コ"]
        let romans = ["i)", "ii)", "iii)", "iv)", "v)", "vi)", "vii)", "viii)", "ix)", "x)"]
        if token.count == 1, let first = token.first, let index = kana.firstIndex(of: first) { return (romans[index], title) }
        return (nil, trimmed)
    }

    /// A heading of section 2 in the whole report.
    struct Section2Heading {
        var level: Int
        var number: OutlineNumber?
        var title: String
    }

    /// Section 2's headings (the first, the section's own, is chapter 2's): level in the whole report and number.
    static func section2Headings(_ document: ReportDocument, chapter: String) -> [Int: Section2Heading] {
        var result: [Int: Section2Heading] = [:]
        var path = [chapter]
        for (index, block) in document.blocks.enumerated() {
            guard case .heading(let level, let text) = block else { continue }
            if index == 0 && level <= 2 { continue }
            let wholeLevel = max(2, level - 1)
            let (part, title) = section2Part(text)
            if let part, path.count >= wholeLevel - 1 {
                path = Array(path.prefix(wholeLevel - 1)) + [part]
                result[index] = Section2Heading(level: wholeLevel, number: OutlineNumber(parts: path), title: title)
            } else {
                path = Array(path.prefix(max(1, wholeLevel - 1)))
                result[index] = Section2Heading(level: wholeLevel, number: nil, title: title)
            }
        }
        return result
    }

    private mutating func uniqueAnchor(_ proposed: String) -> String {
        var anchor = proposed
        var counter = 2
        while usedAnchors.contains(anchor) { anchor = "\(proposed)-\(counter)"; counter += 1 }
        usedAnchors.insert(anchor)
        return anchor
    }

    private mutating func heading(number: OutlineNumber?, title: String, level: Int, label: String) {
        let anchor = uniqueAnchor(number.map(Self.anchor(for:)) ?? "heading-\(contents.count + 1)")
        let entry = WholeReport.ContentsEntry(number: number?.description ?? "", title: title, level: level, label: label, anchor: anchor)
        contents.append(entry)
        blocks.append(.heading(entry))
    }

    private mutating func heading(_ item: OutlineItem) {
        var title = item.title(language)
        if title.isEmpty { title = item.titleEN }
        let prefix = item.number.level == 1 ? item.number.parts[0] : (item.number.parts.last ?? "")
        heading(number: item.number, title: title, level: item.number.level, label: title.isEmpty ? prefix : prefix + " " + title)
    }

    private mutating func exhibit(_ exhibit: Exhibit) {
        let number = nextNumber(exhibit.kind)
        var caption = language == .ja ? exhibit.captionJA : exhibit.captionEN
        if caption.isEmpty { caption = exhibit.captionEN }
        let credit = exhibit.credit.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
            .map { language == .ja ? ExhibitCaptions.credits[$0] ?? $0 : $0 }
        let entry = WholeReport.ExhibitEntry(kind: exhibit.kind, number: number, caption: caption, credit: credit, item: exhibit.item.description,
                                             exhibitID: exhibit.id, computed: exhibit.computed,
                                             label: WholeReport.exhibitLabel(exhibit.kind, number: number, caption: caption, credit: credit, language: language),
                                             anchor: uniqueAnchor("\(exhibit.kind.rawValue)-\(number)"))
        record(entry)
        blocks.append(.exhibit(entry))
    }

    private func nextNumber(_ kind: Exhibit.Kind) -> Int { (kind == .table ? tables.count : figures.count) + 1 }

    private mutating func record(_ entry: WholeReport.ExhibitEntry) {
        if entry.kind == .table {
            tables.append(entry)
            if let id = entry.exhibitID { tableNumbers[id] = entry.number }
        } else {
            figures.append(entry)
            if let id = entry.exhibitID { figureNumbers[id] = entry.number }
        }
    }

    mutating func build() {
        let outline = edition.outline
        let numbers = Set(outline.map(\.number))
        var contributions: [String: Contribution] = [:]
        for contribution in edition.contributions where contributions[contribution.id] == nil { contributions[contribution.id] = contribution }
        var homes: [String: OutlineNumber] = [:]
        for placement in edition.placements where !placement.isRepeat && homes[placement.contributionID] == nil {
            homes[placement.contributionID] = placement.item
        }
        let placementsByItem = Dictionary(grouping: edition.placements, by: \.item)
        // An exhibit stands under its item, or under its nearest ancestor in the outline.
        var exhibitsByItem: [OutlineNumber: [Exhibit]] = [:]
        for exhibit in edition.exhibits {
            var target: OutlineNumber? = exhibit.item
            while let candidate = target, !numbers.contains(candidate) { target = candidate.parent }
            if let target { exhibitsByItem[target, default: []].append(exhibit) }
        }

        let chapterTwo = outline.first(where: { $0.number.level == 1 && $0.number.chapter == 2 })?.number.parts[0] ?? "2"
        let headings = section2.map { Self.section2Headings($0, chapter: chapterTwo) } ?? [:]
        let covered = Set(headings.values.compactMap { $0.number }.filter { numbers.contains($0) })
        var section2Done = false, section8Done = false

        for item in outline {
            if item.number.level == 1 && item.number.chapter > 2 && !section2Done {
                emitSection2(headings: headings, covered: covered, exhibitsByItem: exhibitsByItem, withHeading: true)
                section2Done = true
            }
            if covered.contains(item.number) { continue }
            heading(item)
            let isChapter = item.number.level == 1
            if isChapter && item.number.chapter == 2 {
                section2Done = true
                if section2 == nil { blocks.append(.notice(noRecordsNotice)) }
            }
            var placements = (placementsByItem[item.number] ?? []).sorted { $0.position < $1.position }
            if isChapter && item.number.chapter == 8 && !section8.isEmpty {
                placements = []
                blocks.append(.generated(section8.map { WholeReportText.Line(kind: .paragraph, depth: 0, text: $0) }))
                section8Done = true
            }
            // Chapter 2's computed tables and figures are section 2's own (or, with no records, not drawn).
            let exhibits = (exhibitsByItem[item.number] ?? []).filter { !($0.computed && $0.item.chapter == 2) }
            emit(placements: placements, exhibits: exhibits, contributions: contributions, homes: homes)
            if isChapter && item.number.chapter == 2 && section2 != nil {
                emitSection2(headings: headings, covered: covered, exhibitsByItem: exhibitsByItem, withHeading: false)
            }
        }
        if !section2Done { emitSection2(headings: headings, covered: covered, exhibitsByItem: exhibitsByItem, withHeading: true) }
        if !section8Done && !section8.isEmpty {
            let title = language == .ja ? "今後の取組" : "Future efforts"
            heading(number: OutlineNumber(parts: ["8"]), title: title, level: 1, label: "8 " + title)
            blocks.append(.generated(section8.map { WholeReportText.Line(kind: .paragraph, depth: 0, text: $0) }))
        }
    }

    private var noRecordsNotice: String {
        language == .ja
            ? "第2章は記録から作成されるが、CTIPには\(edition.year)年の記録がないため、作成できない。"
            : "Section 2 is computed from the records, and CTIP holds no records of \(edition.year): it cannot be shown."
    }

    /// Placements in position order, with the exhibits between them where the imported file printed them
    /// (by source line); otherwise after them.
    private mutating func emit(placements: [Placement], exhibits: [Exhibit], contributions: [String: Contribution], homes: [String: OutlineNumber]) {
        var pending = exhibits.enumerated().sorted { ($0.element.sourceLine ?? Int.max, $0.offset) < ($1.element.sourceLine ?? Int.max, $1.offset) }
            .map { $0.element }
        for placement in placements {
            if let line = placement.sourceLine {
                while let first = pending.first, let exhibitLine = first.sourceLine, exhibitLine < line {
                    exhibit(first)
                    pending.removeFirst()
                }
            }
            guard let contribution = contributions[placement.contributionID] else { continue }
            blocks.append(.contribution(placed(contribution, placement: placement, homes: homes)))
        }
        for remaining in pending { exhibit(remaining) }
    }

    private func placed(_ contribution: Contribution, placement: Placement, homes: [String: OutlineNumber]) -> WholeReport.Placed {
        let text: String
        let untranslated: Bool
        switch language {
        case .ja:
            untranslated = contribution.statusJA == .missing
            text = untranslated ? contribution.textEN : contribution.textJA
        case .en:
            untranslated = contribution.statusEN == .missing && !contribution.textJA.isEmpty
            text = untranslated ? contribution.textJA : contribution.textEN
        }
        let home = homes[contribution.id] ?? contribution.home
        return WholeReport.Placed(contributionID: contribution.id, ministries: contribution.ministries,
                                  repeatOf: placement.isRepeat ? home : nil, text: text, untranslated: untranslated,
                                  textLanguage: untranslated ? (language == .ja ? .en : .ja) : language)
    }

    /// Section 2 in chapter 2's place: its blocks (its headings as chapter 2's sub-headings), then the
    /// edition's own exhibits of the items it stands for.
    private mutating func emitSection2(headings: [Int: Section2Heading], covered: Set<OutlineNumber>,
                                       exhibitsByItem: [OutlineNumber: [Exhibit]], withHeading: Bool) {
        guard let document = section2 else { return }
        // The edition's computed exhibits of chapter 2, by the number section 2 gives them (the published numbering).
        var computedFigures: [Int: Exhibit] = [:], computedTables: [Int: Exhibit] = [:]
        for exhibit in edition.exhibits where exhibit.computed && exhibit.item.chapter == 2 {
            guard let printed = exhibit.printedNumber else { continue }
            if exhibit.kind == .figure { computedFigures[printed] = computedFigures[printed] ?? exhibit } else { computedTables[printed] = computedTables[printed] ?? exhibit }
        }
        for (index, block) in document.blocks.enumerated() {
            switch block {
            case .heading(let level, let text):
                if index == 0 && level <= 2 {
                    // The section's own heading is chapter 2's: shown only when the outline has no chapter 2.
                    if withHeading {
                        let chapter = String(text.prefix(while: { $0.isASCII && $0.isNumber }))
                        let title = text.dropFirst(chapter.count).trimmingCharacters(in: .whitespaces)
                        heading(number: OutlineNumber(parts: [chapter.isEmpty ? "2" : chapter]), title: title, level: 1, label: text)
                    }
                    continue
                }
                let info = headings[index] ?? Section2Heading(level: max(2, level - 1), number: nil, title: text)
                heading(number: info.number, title: info.title, level: info.level, label: text)
            case .notice(let text):
                blocks.append(.notice(text))
            case .item(let lines):
                guard let first = lines.first else { continue }
                let rest = lines.dropFirst().map { WholeReportText.Line(kind: .continuation, depth: 0, text: $0) }
                blocks.append(.generated([WholeReportText.Line(kind: .bullet, depth: 0, text: first)] + rest))
            case .paragraph(let text):
                blocks.append(.generated([WholeReportText.Line(kind: .paragraph, depth: 0, text: text)]))
            case .table(let table):
                let number = nextNumber(.table)
                let source = computedTables[table.number]
                let entry = WholeReport.ExhibitEntry(kind: .table, number: number, caption: table.caption, credit: nil,
                                                     item: source?.item.description ?? chapterNumber(headings, before: index),
                                                     exhibitID: source?.id, computed: true,
                                                     label: WholeReport.exhibitLabel(.table, number: number, caption: table.caption, credit: nil, language: language),
                                                     anchor: uniqueAnchor("table-\(number)"))
                record(entry)
                blocks.append(.table(entry, table))
            case .figure(let figure):
                let number = nextNumber(.figure)
                let source = computedFigures[figure.number]
                let entry = WholeReport.ExhibitEntry(kind: .figure, number: number, caption: figure.caption, credit: nil,
                                                     item: source?.item.description ?? chapterNumber(headings, before: index),
                                                     exhibitID: source?.id, computed: true,
                                                     label: WholeReport.exhibitLabel(.figure, number: number, caption: figure.caption, credit: nil, language: language),
                                                     anchor: uniqueAnchor("figure-\(number)"))
                record(entry)
                blocks.append(.figure(entry, figure))
            }
        }
        // The edition's own (not computed) exhibits of the items section 2 stands for.
        for item in edition.outline where covered.contains(item.number) {
            for exhibit in exhibitsByItem[item.number] ?? [] where !exhibit.computed { self.exhibit(exhibit) }
        }
    }

    /// The number of the last section 2 heading before a block ("2" when none has a number).
    private func chapterNumber(_ headings: [Int: Section2Heading], before index: Int) -> String {
        var best: (index: Int, number: OutlineNumber)?
        for (key, heading) in headings where key < index {
            guard let number = heading.number else { continue }
            if best == nil || key > best!.index { best = (key, number) }
        }
        return best?.number.description ?? "2"
    }
}

/// The text of contributions: its lines (paragraphs, `- ` bullets), its `{kind:target}` references and the
/// references written in words ("see 3 (7) i)", "(see (2))", "[Repeated from 3 (3) i)]").
enum WholeReportText {
    struct Line: Sendable, Hashable {
        enum Kind: Sendable, Hashable { case paragraph, bullet, continuation }
        var kind: Kind
        /// Nesting of a bullet (0 for the outermost); a continuation's bullet's depth.
        var depth: Int
        var text: String
    }

    /// Markdown-light text as lines: `- ` (or `* `, `• `) starts a bullet, its indentation (two spaces a level)
    /// its depth; a line that follows a bullet continues it; other lines are paragraphs. Blank lines are dropped.
    static func lines(of text: String) -> [Line] {
        var result: [Line] = []
        var bulletDepth: Int?
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            var indent = 0
            for character in raw {
                if character == " " { indent += 1 } else if character == "\t" { indent += 2 } else { break }
            }
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            if let marker = ["- ", "* ", "• "].first(where: { trimmed.hasPrefix($0) }) {
                let depth = min(indent / 2, (bulletDepth ?? -1) + 1)
                let body = trimmed.dropFirst(marker.count).trimmingCharacters(in: .whitespaces)
                result.append(Line(kind: .bullet, depth: max(0, depth), text: body))
                bulletDepth = max(0, depth)
            } else if let depth = bulletDepth {
                result.append(Line(kind: .continuation, depth: depth, text: trimmed))
            } else {
                result.append(Line(kind: .paragraph, depth: 0, text: trimmed))
            }
        }
        return result
    }

    /// A contribution's text as the report prints it: one `- ` bullet per contribution. Its first line is the
    /// bullet (a leading `- ` is optional: the edition parser stores a bullet's text without it); later lines
    /// continue it, and `- ` lines are bullets under it (or beside it, when the text marks its first line
    /// with `- ` too: several bullets written together).
    static func contributionLines(of text: String) -> [Line] {
        let parsed = lines(of: text)
        guard let first = parsed.first else { return [] }
        let firstMarked = first.kind == .bullet
        var result = [Line(kind: .bullet, depth: 0, text: first.text)]
        for line in parsed.dropFirst() {
            switch line.kind {
            case .bullet:
                result.append(Line(kind: .bullet, depth: firstMarked ? line.depth : line.depth + 1, text: line.text))
            case .paragraph, .continuation:
                let depth = result.last(where: { $0.kind == .bullet })?.depth ?? 0
                result.append(Line(kind: .continuation, depth: depth, text: line.text))
            }
        }
        return result
    }

    // MARK: {kind:target}

    struct Reference: Sendable, Hashable {
        /// `number` names a figure of the text (`TextFigures`); the others, parts of the report.
        enum Kind: String, Sendable, Hashable { case item, figure, table, number }
        var kind: Kind
        var target: String
        /// As written, braces included.
        var written: String
    }

    static func references(in text: String) -> [Reference] {
        var result: [Reference] = []
        _ = replacingReferences(in: text) { result.append($0); return nil }
        return result
    }

    /// The text with each `{item:…}`, `{figure:…}`, `{table:…}`, `{number:…}` replaced by what `render` gives (nil: kept as written).
    static func replacingReferences(in text: String, _ render: (Reference) -> String?) -> String {
        guard text.contains("{") else { return text }
        var result = ""
        var index = text.startIndex
        while let open = text[index...].firstIndex(of: "{") {
            result += text[index..<open]
            let afterOpen = text.index(after: open)
            guard let close = text[afterOpen...].firstIndex(of: "}") else {
                index = open
                break
            }
            let inner = text[afterOpen..<close]
            if !inner.contains("{"), let colon = inner.firstIndex(of: ":"),
               let kind = Reference.Kind(rawValue: inner[..<colon].trimmingCharacters(in: .whitespaces).lowercased()) {
                let target = inner[inner.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                let written = String(text[open...close])
                result += render(Reference(kind: kind, target: target, written: written)) ?? written
                index = text.index(after: close)
            } else {
                result.append("{")
                index = afterOpen
            }
        }
        result += text[index...]
        return result
    }

    // MARK: References in words

    struct WordReference: Sendable, Hashable {
        enum Kind: Sendable, Hashable { case see, repeatedFrom }
        var kind: Kind
        /// "3", "(7)", "i)": from the chapter for an absolute reference, from "(n)" for a relative one.
        var parts: [String]
        var isAbsolute: Bool
        /// As written ("3 (7) i)", "(2)").
        var written: String

        /// The item it names, read from a placement under `item`: a relative "(2)" is in the same chapter.
        func resolved(at item: OutlineNumber) -> OutlineNumber {
            isAbsolute ? OutlineNumber(parts: parts) : OutlineNumber(parts: [item.parts[0]] + parts)
        }
    }

    /// "see 3 (7) i)", "(see (2))", "see 1 (1), 7 (1) i)", "[Repeated from 4(5)]" (case-insensitive).
    static func wordReferences(in text: String) -> [WordReference] {
        var result: [WordReference] = []
        let phrases: [(String, WordReference.Kind)] = [("see ", .see), ("repeated from ", .repeatedFrom)]
        for (phrase, kind) in phrases {
            var searchStart = text.startIndex
            while let found = text.range(of: phrase, options: .caseInsensitive, range: searchStart..<text.endIndex) {
                searchStart = found.upperBound
                if found.lowerBound > text.startIndex {
                    let before = text[text.index(before: found.lowerBound)]
                    if before.isLetter || before.isNumber { continue }
                }
                var rest = text[found.upperBound...]
                while let reference = readReference(rest) {
                    if kind == .repeatedFrom && !reference.absolute { break }
                    let written = String(rest[..<reference.rest.startIndex]).trimmingCharacters(in: .whitespaces)
                    result.append(WordReference(kind: kind, parts: reference.parts, isAbsolute: reference.absolute, written: written))
                    rest = reference.rest
                    // "…, 7 (1) i)", "… and 4 (2)", "…; (3)"
                    var next: Substring?
                    for separator in [", and ", ", ", " and ", "; "] where rest.hasPrefix(separator) {
                        let after = rest.dropFirst(separator.count)
                        if let first = after.first, first.isNumber || (first == "(" && after.dropFirst().first?.isNumber == true) { next = after }
                        break
                    }
                    guard let next else { break }
                    rest = next
                }
            }
        }
        return result
    }

    /// Reads one outline number at the start: "3 (7) i)", "5(2) i)", "6 (3) i" (bracket left off), or a
    /// relative "(2)", "(3) iii)". A bare chapter counts only before ")", ".", ",", ";" or the end.
    static func readReference(_ text: Substring) -> (parts: [String], absolute: Bool, rest: Substring)? {
        var rest = text
        var parts: [String] = []
        let chapter = rest.prefix { $0.isASCII && $0.isNumber }
        if !chapter.isEmpty {
            guard chapter.count <= 2 else { return nil }
            parts.append(String(chapter))
            rest = rest.dropFirst(chapter.count)
            if let next = rest.first, next.isLetter || next == "," && rest.dropFirst().first?.isNumber == true { return nil }
        }
        var stage = 0
        while stage < 3 {
            let trimmed = rest.drop { $0 == " " }
            var read: (part: String, rest: Substring)?
            switch stage {
            case 0:
                if trimmed.first == "(" {
                    let digits = trimmed.dropFirst().prefix { $0.isASCII && $0.isNumber }
                    let after = trimmed.dropFirst(1 + digits.count)
                    if (1...2).contains(digits.count), after.first == ")" { read = ("(\(digits))", after.dropFirst()) }
                }
            case 1:
                let roman = trimmed.prefix { "ivx".contains($0) }
                if (1...5).contains(roman.count) {
                    let after = trimmed.dropFirst(roman.count)
                    if after.first == ")" { read = ("\(roman))", after.dropFirst()) }
                    else if let next = after.first, next.isLetter || next.isNumber { read = nil }
                    else { read = ("\(roman))", after) }
                }
            default:
                if let letter = trimmed.first, "abcdefgh".contains(letter), trimmed.dropFirst().first == ")" {
                    read = ("\(letter))", trimmed.dropFirst(2))
                }
            }
            guard let read else { break }
            parts.append(read.part)
            rest = read.rest
            stage += 1
        }
        if parts.isEmpty { return nil }
        if !chapter.isEmpty && parts.count == 1 {
            guard rest.first == nil || [")", ".", ",", ";", "]"].contains(rest.first!) else { return nil }
        }
        return (parts, !chapter.isEmpty, rest)
    }
}
