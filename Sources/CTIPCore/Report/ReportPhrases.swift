/// Everything the report says in words, for one language. The order of the sentences is the seed's and
/// lives in `ReportDocument`; the words live here.
protocol ReportPhrases: Sendable {
    func title(_ report: AnnualReport) -> String
    var sectionHeading: String { get }
    var incidenceHeading: String { get }
    var victimsHeading: String { get }
    var suspectsHeading: String { get }
    var offenseColumn: String { get }
    var resultColumn: String { get }
    var yearColumn: String { get }
    var countColumn: String { get }
    var nationalityColumn: String { get }
    var statusColumn: String { get }
    var victimsSeries: String { get }
    var casesSeries: String { get }
    var suspectsSeries: String { get }

    /// Bulleted items of i), each a list of lines.
    func victimItems(_ report: AnnualReport) -> [[String]]
    /// Bulleted items of ii); the last one (deportation orders) comes after the carry-over paragraphs.
    func suspectItems(_ report: AnnualReport) -> [[String]]
    func carryOver(_ group: AnnualReport.CarryOverGroup, position: Int, report: AnnualReport) -> String

    func tableCaption(_ table: AnnualReport.TrialTable, report: AnnualReport) -> String
    func victimTrendCaption(_ years: ClosedRange<Int>) -> String
    func clearanceTrendCaption(_ years: ClosedRange<Int>) -> String
    func victimNationalityCaption(_ count: Int) -> String
    func residenceStatusCaption(_ count: Int) -> String
    func suspectNationalityCaption(_ count: Int) -> String

    func noRecords(_ year: Int) -> String
    func noPreviousYear(_ year: Int) -> String
    func previousFromHistory(_ year: Int) -> String
    func cutOffBeforeYearEnd(_ asOf: Day, _ year: Int) -> String
    func historyDiffers(_ year: Int) -> String
    func undecided(_ count: Int, _ asOf: Day) -> String
    func unknownAges(_ count: Int) -> String
}

func reportPhrases(_ language: Language) -> any ReportPhrases {
    switch language {
    case .en: return EnglishReportPhrases()
    case .ja: return JapaneseReportPhrases()
    }
}

/// The figures are the same in every language; only their captions and labels differ.
extension ReportPhrases {
    func victimTrendFigure(_ report: AnnualReport) -> ReportDocument.Figure {
        let series = report.series.filter { $0.year <= report.year }
        let years = series.map(\.year)
        return .init(number: 3, caption: victimTrendCaption((years.first ?? report.year)...(years.last ?? report.year)),
                     chart: .trend(years: years, series: [.init(name: victimsSeries, values: series.map(\.victims))]),
                     dataColumns: [yearColumn, victimsSeries])
    }

    func clearanceTrendFigure(_ report: AnnualReport) -> ReportDocument.Figure {
        let series = report.series.filter { $0.year <= report.year }
        let years = series.map(\.year)
        return .init(number: 6, caption: clearanceTrendCaption((years.first ?? report.year)...(years.last ?? report.year)),
                     chart: .trend(years: years, series: [.init(name: casesSeries, values: series.map(\.clearedCases)),
                                                         .init(name: suspectsSeries, values: series.map(\.clearedSuspects))]),
                     dataColumns: [yearColumn, casesSeries, suspectsSeries])
    }

    func victimNationalityFigure(_ report: AnnualReport) -> ReportDocument.Figure {
        .init(number: 4, caption: victimNationalityCaption(report.victims.total.count),
              chart: .parts(report.victims.byNationality.map { ($0.label, $0.count) }), dataColumns: [nationalityColumn, countColumn])
    }

    func residenceStatusFigure(_ report: AnnualReport) -> ReportDocument.Figure {
        .init(number: 5, caption: residenceStatusCaption(report.victims.foreign.count),
              chart: .parts(report.victims.foreignByResidenceStatus.map { ($0.label, $0.count) }), dataColumns: [statusColumn, countColumn])
    }

    func suspectNationalityFigure(_ report: AnnualReport) -> ReportDocument.Figure {
        .init(number: 7, caption: suspectNationalityCaption(report.suspects.arrested.count),
              chart: .parts(report.suspects.byNationality.map { ($0.label, $0.count) }), dataColumns: [nationalityColumn, countColumn])
    }
}
