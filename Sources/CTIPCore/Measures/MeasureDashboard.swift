/// One headline number of a register over the years, ready to be drawn as bars and written as a table:
/// what it counts (in both languages), in which unit or currency, and a value per calendar or fiscal year.
/// Nothing is added across currencies, units or series: each of those is a chart of its own.
public struct MeasureChart: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        public let period: MeasurePeriod
        public let value: Int

        public init(period: MeasurePeriod, value: Int) { self.period = period; self.value = value }

        /// "2024", "FY2024"; 「2024年」「2024年度」.
        public func label(_ language: Language) -> String { period.reportPeriod.text(language) }
    }

    /// Unique on a page: the register's name, with the currency, unit or series where it has several charts.
    public let id: String
    /// The register the numbers come from; nil for the section-2 series (victims, cleared cases).
    public let register: MeasureFile?
    public let titleEN: String
    public let titleJA: String
    public let unit: ReportFigure.Unit?
    public let currency: ReportFigure.Currency?
    /// Oldest first.
    public let points: [Point]

    public init(id: String, register: MeasureFile?, titleEN: String, titleJA: String, unit: ReportFigure.Unit? = nil,
                currency: ReportFigure.Currency? = nil, points: [Point]) {
        self.id = id; self.register = register; self.titleEN = titleEN; self.titleJA = titleJA
        self.unit = unit; self.currency = currency; self.points = points
    }

    public func title(_ language: Language) -> String { language == .ja ? titleJA : titleEN }

    /// What the numbers count: "copies" / 「部」, or the currency: "JPY" / 「円」.
    public func unitLabel(_ language: Language) -> String {
        if let currency { return language == .ja ? currency.japaneseUnit : currency.rawValue }
        guard let unit else { return "" }
        return language == .ja ? unit.japaneseCounter : unit.plural
    }

    /// A value as the tables write it: grouped digits ("46,000"), the unit in the column's heading.
    public static func number(_ value: Int) -> String { Numerals.grouped(value) }
}

/// The registers' headline numbers by year (`/staff/measures`, `/measures`), computed from the rows
/// alone: copies printed and places reached by fiscal year, campaigns and engagements by year, attendees,
/// contributions per currency, agreements in force at each year's end, mutual legal assistance requests,
/// persons counted for related offences, consultations per unit and the series kept from before CTIP.
public enum MeasureDashboard {
    /// Every register's charts, in register order. `lastYear` carries the agreements in force up to it
    /// (the current year), so the count stands to today.
    public static func charts(_ rows: [MeasureRow], through lastYear: Int? = nil) -> [MeasureChart] {
        MeasureFile.allCases.flatMap { charts(for: $0, rows, through: lastYear) }
    }

    /// The charts of one register (rows of other registers are ignored); none when nothing can be drawn.
    public static func charts(for file: MeasureFile, _ all: [MeasureRow], through lastYear: Int? = nil) -> [MeasureChart] {
        let rows = all.filter { $0.file == file }
        guard !rows.isEmpty else { return [] }
        let id = file.rawValue
        switch file {
        case .materials:
            var copies: [MeasurePeriod: Int] = [:]
            for row in rows {
                if let year = row.integer("fiscal_year"), let count = row.integer("copies") { copies[.fiscalYear(year), default: 0] += count }
            }
            return [chart(id, file, en: "Copies printed, by fiscal year", ja: "作成部数（年度別）", unit: .copies, copies)].compactMap { $0 }
        case .distributions:
            var places: [MeasurePeriod: Int] = [:]
            for row in rows {
                if let year = row.integer("fiscal_year"), let count = row.integer("places") { places[.fiscalYear(year), default: 0] += count }
            }
            return [chart(id, file, en: "Places distributed to, by fiscal year", ja: "配布先の数（年度別）", unit: .places, places)].compactMap { $0 }
        case .campaigns:
            var campaigns: [MeasurePeriod: Int] = [:]
            for row in rows { if let year = row.integer("year") { campaigns[.year(year), default: 0] += 1 } }
            return [chart(id, file, en: "Campaigns, by year", ja: "キャンペーンの数（年別）", unit: .campaigns, campaigns)].compactMap { $0 }
        case .trainings:
            var attendees: [MeasurePeriod: Int] = [:]
            for row in rows {
                let counts = row.list("attendees").compactMap { $0.split(separator: "=").last.flatMap { Int($0) } }
                guard !counts.isEmpty, let period = trainingPeriod(row) else { continue }
                attendees[period, default: 0] += counts.reduce(0, +)
            }
            let (years, fiscalYears) = split(attendees)
            return [chart(id + "-fy", file, en: "Attendees, by fiscal year", ja: "参加者数（年度別）", unit: .persons, fiscalYears),
                    chart(id + "-year", file, en: "Attendees, by year", ja: "参加者数（年別）", unit: .persons, years)].compactMap { $0 }
        case .funding:
            return fundingCharts(rows)
        case .agreements:
            let years = rows.compactMap { $0.date("in_force")?.year }
            guard let first = years.min(), let latest = years.max() else { return [] }
            let last = max(latest, lastYear ?? latest)
            var inForce: [MeasurePeriod: Int] = [:]
            for year in max(first, last - 59)...last {
                inForce[.year(year)] = rows.filter { $0.belongs(to: .year(year)) }.count
            }
            return [chart(id, file, en: "Agreements in force at the end of each year", ja: "各年末に発効している条約・協定等の数",
                          unit: .agreements, inForce)].compactMap { $0 }
        case .engagements:
            var engagements: [MeasurePeriod: Int] = [:]
            for row in rows { if let starts = row.date("starts") { engagements[.year(starts.year), default: 0] += 1 } }
            return [chart(id, file, en: "International engagements, by the year they began", ja: "国際会議・協力の数（開始年別）",
                          unit: .meetings, engagements)].compactMap { $0 }
        case .legalAssistance:
            var requests: [MeasurePeriod: Int] = [:]
            for row in rows {
                if let year = row.integer("year"), let count = row.integer("requests") { requests[.year(year), default: 0] += count }
            }
            return [chart(id, file, en: "Mutual legal assistance requests, by year", ja: "共助要請の件数（年別）", unit: .requests, requests)]
                .compactMap { $0 }
        case .enforcement:
            var persons: [MeasurePeriod: Int] = [:]
            for row in rows {
                if let year = row.integer("year"), let count = row.integer("persons") { persons[.year(year), default: 0] += count }
            }
            return [chart(id, file, en: "Persons counted for related offences, by year", ja: "関連犯罪の人員（年別）", unit: .persons, persons)]
                .compactMap { $0 }
        case .consultations:
            return consultationCharts(rows)
        case .series:
            return seriesCharts(rows)
        }
    }

    /// The public page's series from the registers: consultations (per unit: consultations, hot-line
    /// reports, cases of information provision), the IOM returns, and funding per currency, over every ministry.
    public static func publicCharts(_ rows: [MeasureRow]) -> [MeasureChart] {
        consultationCharts(rows.filter { $0.file == .consultations })
            + seriesCharts(rows.filter { $0.file == .series && $0["series_id"] == "iom_returns" })
            + fundingCharts(rows.filter { $0.file == .funding })
    }

    /// Section 2's long series (Figures 3 and 6): victims and cleared cases per year, for the years that
    /// have ended before `currentYear` — a year still running is not a figure yet, and its few first
    /// records would stand out.
    public static func yearlyTotals(_ totals: [AnnualTotals], before currentYear: Int) -> [MeasureChart] {
        var victims: [MeasurePeriod: Int] = [:], cases: [MeasurePeriod: Int] = [:]
        for year in totals where year.year < currentYear {
            if let count = year.victims { victims[.year(year.year)] = count }
            if let count = year.clearedCases { cases[.year(year.year)] = count }
        }
        return [chart("victims", nil, en: "Victims of trafficking in persons identified, by year", ja: "人身取引の被害者数（年別）",
                      unit: .victims, victims),
                chart("cleared-cases", nil, en: "Trafficking cases cleared, by year", ja: "人身取引事犯の検挙件数（年別）",
                      unit: .cases, cases)].compactMap { $0 }
    }

    // MARK: Parts

    /// The period a training's attendees count in: its fiscal year, else its year, else the year it was held.
    static func trainingPeriod(_ row: MeasureRow) -> MeasurePeriod? {
        if let year = row.integer("fiscal_year") { return .fiscalYear(year) }
        if let year = row.integer("year") { return .year(year) }
        if let held = row.date("held") { return .year(held.year) }
        return nil
    }

    /// Contributions per fiscal year, one chart per currency: amounts are never converted or added across currencies.
    static func fundingCharts(_ rows: [MeasureRow]) -> [MeasureChart] {
        var byCurrency: [ReportFigure.Currency: [MeasurePeriod: Int]] = [:]
        for row in rows where row.file == .funding {
            guard let amount = row.integer("amount"), let currency = row["currency"].flatMap(ReportFigure.Currency.init(rawValue:)),
                  let year = row.integer("fiscal_year") else { continue }
            byCurrency[currency, default: [:]][.fiscalYear(year), default: 0] += amount
        }
        return ReportFigure.Currency.allCases.compactMap { currency in
            byCurrency[currency].flatMap { values in
                chart("funding-\(currency.rawValue)", .funding, en: "Contributions in \(currency.rawValue), by fiscal year",
                      ja: "拠出額（\(currency.japaneseUnit)、年度別）", currency: currency, values)
            }
        }
    }

    /// Consultations per period, one chart per unit and kind of period. A service's tallies of one period
    /// either state its whole (`all` language, topic and channel) or break it down: never both added.
    static func consultationCharts(_ rows: [MeasureRow]) -> [MeasureChart] {
        let tallies = rows.filter { $0.file == .consultations && $0.period() != nil }
        let groups = Dictionary(grouping: tallies) { [$0["service_id"] ?? "", $0["period"] ?? "", $0["unit"] ?? ConsultationUnit.consultations.rawValue] }
        var byUnit: [String: [MeasurePeriod: Int]] = [:]
        for (key, group) in groups {
            guard let period = group[0].period() else { continue }
            let whole = group.filter { $0["language"] == "all" && $0["topic"] == "all" && $0["channel"] == "all" }
            let counted = whole.isEmpty ? group : whole
            byUnit[key[2], default: [:]][period, default: 0] += counted.reduce(0) { $0 + ($1.integer("count") ?? 0) }
        }
        var charts: [MeasureChart] = []
        let known = ConsultationUnit.allCases.map(\.rawValue)
        for unit in known + byUnit.keys.filter({ !known.contains($0) }).sorted() {
            guard let values = byUnit[unit] else { continue }
            let (en, ja): (String, String) = switch unit {
            case ConsultationUnit.consultations.rawValue: ("Consultations", "相談件数")
            case ConsultationUnit.reports.rawValue: ("Reports received by the hot lines", "ホットラインへの通報件数")
            case ConsultationUnit.informationCases.rawValue: ("Cases of information provision", "情報提供件数")
            default: (unit, unit)
            }
            let (years, fiscalYears) = split(values)
            charts += [chart("consultations-\(unit)-fy", .consultations, en: en + ", by fiscal year", ja: ja + "（年度別）",
                             unit: ReportFigure.Unit.named(unit), fiscalYears),
                       chart("consultations-\(unit)-year", .consultations, en: en + ", by year", ja: ja + "（年別）",
                             unit: ReportFigure.Unit.named(unit), years)].compactMap { $0 }
        }
        return charts
    }

    /// One chart per series: different series count different things and are never added.
    static func seriesCharts(_ rows: [MeasureRow]) -> [MeasureChart] {
        let series = Dictionary(grouping: rows.filter { $0.file == .series && $0.period() != nil }) { $0["series_id"] ?? "" }
        return series.keys.sorted().compactMap { (id: String) -> MeasureChart? in
            let rows = series[id] ?? []
            guard !rows.isEmpty else { return nil }
            var values: [MeasurePeriod: Int] = [:]
            for row in rows { if let period = row.period() { values[period] = row.integer("value") ?? 0 } }
            var (en, ja) = seriesNames[id] ?? (id, id)
            if rows.contains(where: { $0.flag("cumulative") }) {
                let since = rows.compactMap { $0["since"] }.first
                en += since.map { " (cumulative since \($0))" } ?? " (cumulative)"
                ja += since.map { "（\($0)からの累計）" } ?? "（累計）"
            }
            return chart("series-\(id)", .series, en: en, ja: ja, unit: ReportFigure.Unit.named(rows[0]["unit"]), values)
        }
    }

    /// The names of the series the reference registers hold; another series is shown by its identifier.
    static let seriesNames: [String: (String, String)] = [
        "iom_returns": ("Victims who returned home with the help of IOM", "IOMの支援により帰国した被害者"),
        "council_meetings": ("Meetings of the Council for the Promotion of Measures to Combat Trafficking in Persons", "人身取引対策推進会議の開催回数"),
    ]

    static func split(_ values: [MeasurePeriod: Int]) -> (years: [MeasurePeriod: Int], fiscalYears: [MeasurePeriod: Int]) {
        var years: [MeasurePeriod: Int] = [:], fiscalYears: [MeasurePeriod: Int] = [:]
        for (period, value) in values {
            switch period {
            case .year: years[period] = value
            case .fiscalYear: fiscalYears[period] = value
            }
        }
        return (years, fiscalYears)
    }

    static func chart(_ id: String, _ register: MeasureFile?, en: String, ja: String, unit: ReportFigure.Unit? = nil,
                      currency: ReportFigure.Currency? = nil, _ values: [MeasurePeriod: Int]) -> MeasureChart? {
        guard !values.isEmpty else { return nil }
        return MeasureChart(id: id, register: register, titleEN: en, titleJA: ja, unit: unit, currency: currency,
                            points: values.sorted { $0.key < $1.key }.map { MeasureChart.Point(period: $0.key, value: $0.value) })
    }
}
