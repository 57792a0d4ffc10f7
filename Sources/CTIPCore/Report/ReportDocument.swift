/// Section 2 laid out for reading, in one language: headings, paragraphs of sentences, tables and figures.
/// Built from an `AnnualReport` only (`ReportDocument.init(report:)`); the text, Markdown and HTML
/// renderers draw this same document.
public struct ReportDocument: Sendable, Equatable {
    public var language: Language
    public var title: String
    public var blocks: [Block]

    public enum Block: Sendable, Equatable {
        case heading(level: Int, text: String)
        /// A notice to the reader about the data (missing years, cut-off).
        case notice(String)
        /// A bulleted paragraph; each line holds one or more sentences.
        case item([String])
        case paragraph(String)
        case table(Table)
        case figure(Figure)
    }

    public struct Table: Sendable, Equatable {
        public var number: Int
        public var caption: String
        public var columns: [String]
        public var rows: [[String]]
    }

    public struct Figure: Sendable, Equatable {
        public enum Chart: Sendable, Equatable {
            /// A value per year, one or more series (bars for the first, lines for the others).
            case trend(years: [Int], series: [Series])
            /// Parts of a whole, largest first.
            case parts([(label: String, value: Int)])

            public static func == (lhs: Chart, rhs: Chart) -> Bool {
                switch (lhs, rhs) {
                case let (.trend(a, b), .trend(c, d)): return a == c && b == d
                case let (.parts(a), .parts(b)): return a.elementsEqual(b) { $0.label == $1.label && $0.value == $1.value }
                default: return false
                }
            }
        }
        public struct Series: Sendable, Equatable {
            public var name: String
            public var values: [Int?]
        }
        public var number: Int
        public var caption: String
        public var chart: Chart
        /// Column headings of the figure's data table (for screen readers and print).
        public var dataColumns: [String]

        /// The figure's numbers as table rows.
        public var dataRows: [[String]] {
            switch chart {
            case .trend(let years, let series):
                return years.indices.map { index in [String(years[index])] + series.map { $0.values[index].map(String.init) ?? "—" } }
            case .parts(let parts):
                return parts.map { [$0.label, String($0.value)] }
            }
        }
    }
}

extension ReportDocument {
    public init(report: AnnualReport) {
        let language = Language(rawValue: report.language) ?? .en
        let words = reportPhrases(language)
        self.language = language
        title = words.title(report)
        var blocks: [Block] = [.heading(level: 2, text: words.sectionHeading), .heading(level: 3, text: words.incidenceHeading)]
        blocks += report.notices.map { .notice($0.text) }
        if report.hasRecords {
            blocks.append(.heading(level: 4, text: words.victimsHeading))
            blocks += words.victimItems(report).map { .item($0) }
        }
        blocks += [.figure(words.victimTrendFigure(report))]
        if report.hasRecords {
            blocks += [.figure(words.victimNationalityFigure(report)), .figure(words.residenceStatusFigure(report))]
            blocks.append(.heading(level: 4, text: words.suspectsHeading))
            let suspectItems = words.suspectItems(report)
            blocks += suspectItems.dropLast().map { .item($0) }
            blocks += report.carryOver.enumerated().map { .paragraph(words.carryOver($1, position: $0, report: report)) }
            if let last = suspectItems.last { blocks.append(.item(last)) }
        }
        blocks.append(.figure(words.clearanceTrendFigure(report)))
        if report.hasRecords {
            blocks.append(.figure(words.suspectNationalityFigure(report)))
            for table in report.tables {
                blocks.append(.table(Table(number: table.number, caption: words.tableCaption(table, report: report),
                                           columns: ["", words.offenseColumn, words.resultColumn],
                                           rows: table.rows.map { [String($0.number), $0.offenses, $0.result] })))
            }
        }
        self.blocks = blocks
    }
}
