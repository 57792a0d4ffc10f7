/// A number the annual report states, as data rather than as typed text (issues 16 and 18: "figures in
/// the text are data"): its value, what it counts, over which period, whether it is preliminary and who
/// says so — rendered the same way wherever it is used, in English and in Japanese. An amount keeps the
/// currency it was given in: yen and dollars are never added or converted silently.
public struct ReportFigure: Sendable, Equatable, Hashable {
    public enum Value: Sendable, Equatable, Hashable {
        case count(Int)
        /// Minor units are not used: the report states whole yen, dollars and euros.
        case amount(Int, Currency)
        /// A part of a whole, shown as a percentage rounded to the nearest whole per cent.
        case share(Int, of: Int)

        /// The share in whole per cent, rounded half up (37 of 61 → 61).
        public static func percent(_ part: Int, of whole: Int) -> Int { whole == 0 ? 0 : (part * 200 + whole) / (2 * whole) }
    }

    public enum Currency: String, Sendable, CaseIterable, Hashable {
        case jpy = "JPY", usd = "USD", eur = "EUR"

        /// How the report prefixes an amount: "¥14,096,000", "US$5,900,000", "€260,000".
        public var symbol: String {
            switch self {
            case .jpy: "¥"
            case .usd: "US$"
            case .eur: "€"
            }
        }

        /// Japanese writes the unit after the number: 14,096,000円, 5,900,000米ドル, 260,000ユーロ.
        public var japaneseUnit: String {
            switch self {
            case .jpy: "円"
            case .usd: "米ドル"
            case .eur: "ユーロ"
            }
        }
    }

    /// What is counted, in both languages: the English noun in the singular and the plural, the Japanese
    /// counter written after the number (「8,311機関」「381人」「413件」).
    public struct Unit: Sendable, Equatable, Hashable {
        public let singular: String
        public let plural: String
        public let japaneseCounter: String

        public init(singular: String, plural: String, japaneseCounter: String) {
            self.singular = singular; self.plural = plural; self.japaneseCounter = japaneseCounter
        }

        public static let persons = Unit(singular: "person", plural: "persons", japaneseCounter: "人")
        public static let cases = Unit(singular: "case", plural: "cases", japaneseCounter: "件")
        public static let copies = Unit(singular: "copy", plural: "copies", japaneseCounter: "部")
        public static let places = Unit(singular: "place", plural: "places", japaneseCounter: "か所")
        public static let organisations = Unit(singular: "organization", plural: "organizations", japaneseCounter: "機関")
        public static let countries = Unit(singular: "country", plural: "countries", japaneseCounter: "か国")
    }

    /// The period a figure covers: a calendar year, a fiscal year (April to March), a state on a day, or
    /// any span of days.
    public enum Period: Sendable, Equatable, Hashable {
        case year(Int)
        case fiscalYear(Int)
        case asOf(Day)
        case span(Day, Day)

        public func text(_ language: Language) -> String {
            switch (self, language) {
            case (.year(let year), .ja): "\(year)年"
            case (.year(let year), _): "\(year)"
            case (.fiscalYear(let year), .ja): "\(year)年度"
            case (.fiscalYear(let year), _): "FY\(year)"
            case (.asOf(let day), .ja): "\(day.written(in: .ja))現在"
            case (.asOf(let day), _): "as of \(day.written(in: .en))"
            case (.span(let from, let to), .ja): "\(from.written(in: .ja))から\(to.written(in: .ja))まで"
            case (.span(let from, let to), _): "from \(from.written(in: .en)) to \(to.written(in: .en))"
            }
        }
    }

    public let value: Value
    /// nil for an amount (its currency is its unit).
    public let unit: Unit?
    public let period: Period
    public let preliminary: Bool
    /// "About 46,000 copies": the source gives the number as an approximation.
    public let approximate: Bool
    /// Who states it: a ministry's code of the agency directory, or "ctip" for a figure CTIP computes.
    public let source: String

    public init(_ value: Value, unit: Unit? = nil, period: Period, preliminary: Bool = false, source: String, approximate: Bool = false) {
        self.value = value; self.unit = unit; self.period = period; self.preliminary = preliminary; self.source = source
        self.approximate = approximate
    }

    /// The figure as the report writes it in running text: "8,311 implementing organizations
    /// (preliminary figures)", 「8,311機関（速報値）」, "¥14,096,000", 「14,096,000円」. The English noun
    /// agrees with the number; small counts stay in digits (the report's tables and totals do; words for
    /// one to ten are the sentence writer's choice, `Numerals.english`).
    public func text(_ language: Language, qualifier: String? = nil) -> String {
        Self.text(value, unit: unit, preliminary: preliminary, approximate: approximate, language: language, qualifier: qualifier)
    }

    /// The running-text form of a value with its unit and marks, whether or not the figure states its period
    /// and source: a figure of a contribution's text still being completed (`EnteredFigure`) is written
    /// exactly as a complete one.
    static func text(_ value: Value, unit: Unit?, preliminary: Bool, approximate: Bool, language: Language, qualifier: String? = nil) -> String {
        var text: String
        switch (value, language) {
        case (.count(let count), .ja):
            text = Numerals.grouped(count) + (unit?.japaneseCounter ?? "")
        case (.count(let count), _):
            let noun = unit.map { count == 1 ? $0.singular : $0.plural }
            text = Numerals.grouped(count) + (noun.map { " " + (qualifier.map { "\($0) " } ?? "") + $0 } ?? "")
        case (.amount(let amount, let currency), .ja):
            text = Numerals.grouped(amount) + currency.japaneseUnit
        case (.amount(let amount, let currency), _):
            text = currency.symbol + Numerals.grouped(amount)
        case (.share(let part, let whole), _):
            text = "\(Value.percent(part, of: whole))%"
        }
        if approximate { text = language == .ja ? "約" + text : "about " + text }
        if preliminary { text += language == .ja ? "（速報値）" : " (preliminary figures)" }
        return text
    }

    /// Figures add up only when they count the same thing over the same period, in the same currency:
    /// nil otherwise, never a silent conversion.
    public static func sum(_ figures: [ReportFigure]) -> ReportFigure? {
        guard let first = figures.first,
              figures.allSatisfy({ $0.unit == first.unit && $0.period == first.period && $0.source == first.source }) else { return nil }
        switch first.value {
        case .count:
            var total = 0
            for figure in figures { guard case .count(let count) = figure.value else { return nil }; total += count }
            return ReportFigure(.count(total), unit: first.unit, period: first.period, preliminary: figures.contains(where: \.preliminary), source: first.source,
                                approximate: figures.contains(where: \.approximate))
        case .amount(_, let currency):
            var total = 0
            for figure in figures {
                guard case .amount(let amount, let other) = figure.value, other == currency else { return nil }
                total += amount
            }
            return ReportFigure(.amount(total, currency), period: first.period, preliminary: figures.contains(where: \.preliminary), source: first.source,
                                approximate: figures.contains(where: \.approximate))
        case .share:
            return nil
        }
    }
}
