/// The statistics the Cabinet Office's poster prints (the seed's Figure 14: "approximately 80%" of the
/// victims were Japanese, 61 % under 18, 79 % sexually exploited, 15 % forced to work as hostesses),
/// computed from one year's section-2 records rather than typed. The FY2024 poster quotes 2023, the
/// last whole year when it went to print: `posterYear(forFiscalYear:)`.
public struct PosterStatistics: Sendable, Equatable {
    public let year: Int
    public let victims: Int
    public let japanese: Int
    public let minors: Int
    public let sexualExploitation: Int
    public let hostess: Int

    public init(year: Int, facts: ReportFacts.Year) {
        func count(_ include: (ReportFacts.VictimGroup) -> Bool) -> Int { facts.victims.filter { include($0.key) }.reduce(0) { $0 + $1.value } }
        self.year = year
        victims = count { _ in true }
        japanese = count { $0.nationality == "JPN" }
        minors = count { $0.minor == true }
        sexualExploitation = count { $0.exploitation == Exploitation.sexual.rawValue }
        hostess = count { $0.exploitation == Exploitation.hostess.rawValue }
    }

    public static func posterYear(forFiscalYear fiscalYear: Int) -> Int { fiscalYear - 1 }

    /// The shares as figures of the report (computed by CTIP, for the calendar year).
    public var figures: [MeasureFigure] {
        func share(_ what: String, _ part: Int, en: String, ja: String) -> MeasureFigure {
            MeasureFigure(key: "poster/\(year)/\(what)", register: .materials, ministry: "cao", labelEN: en, labelJA: ja,
                          figure: ReportFigure(.share(part, of: victims), period: .year(year), source: "ctip"))
        }
        return [share("japanese", japanese, en: "Victims who were Japanese", ja: "日本人の被害者"),
                share("minors", minors, en: "Victims under 18", ja: "18歳未満の被害者"),
                share("sexual", sexualExploitation, en: "Victims sexually exploited", ja: "性的搾取の被害者"),
                share("hostess", hostess, en: "Victims forced to work as a hostess", ja: "ホステス等として稼働させられた被害者")]
    }

    /// The poster's rounding: "approximately 80%" is the share rounded to the nearest ten.
    public static func approximately(_ part: Int, of whole: Int) -> Int {
        let percent = ReportFigure.Value.percent(part, of: whole)
        return (percent + 5) / 10 * 10
    }
}
