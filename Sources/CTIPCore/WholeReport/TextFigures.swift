import Foundation

// Issue 16: "figures in the text are data". A number in a contribution's text is written `{number:KEY}`
// and rendered from the figure the edition holds under KEY — entered by its ministry, or computed by CTIP
// from its records — so that it reads the same wherever it is used, in both languages, and a draft started
// from last year's edition knows which of its numbers are still last year's.

/// A number a contribution's text names by its key: `{number:otit-implementing-organizations}` renders
/// "8,311 implementing organizations (preliminary figures)", 「8,311機関（速報値）」.
public struct TextFigure: Sendable, Hashable, Codable {
    /// Where the number comes from.
    public enum Origin: Sendable, Hashable {
        /// Stated by a ministry: the value as it gave it, with its unit, period and source.
        case entered(EnteredFigure)
        /// Computed by CTIP from its records (`ComputedFigures`): the key of that figure. It is computed anew
        /// for the year of the edition being rendered, so a draft rebinds it to its own year.
        case computed(String)
    }

    /// What the text writes between `{number:` and `}`: 1–64 characters of A-Z a-z 0-9 . _ -.
    public var key: String
    public var origin: Origin
    /// False for an entered figure carried forward from the last edition until its ministry confirms it: its
    /// value is still last year's. A computed figure has nothing to confirm and is always confirmed.
    public var confirmed: Bool
    /// The contribution that declares it: its ministry answers for it, and the check reports it at that
    /// contribution's home. Nil for a figure the secretariat holds for the whole edition.
    public var contributionID: String?

    public init(key: String, entered: EnteredFigure, confirmed: Bool = true, contributionID: String? = nil) {
        self.key = key; self.origin = .entered(entered); self.confirmed = confirmed; self.contributionID = contributionID
    }

    public init(key: String, computed: String, contributionID: String? = nil) {
        self.key = key; self.origin = .computed(computed); self.confirmed = true; self.contributionID = contributionID
    }

    /// The figure as entered; nil for a computed one.
    public var entered: EnteredFigure? {
        if case .entered(let figure) = origin { return figure }
        return nil
    }

    /// The key of the computed figure it stands for; nil for an entered one.
    public var computedKey: String? {
        if case .computed(let key) = origin { return key }
        return nil
    }

    // Flat keys: `{"key": …, "entered": {…}}` or `{"key": …, "computed": "victims"}`.
    enum CodingKeys: String, CodingKey {
        case key, entered, computed, confirmed, contributionID = "contribution_id"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        key = try container.decode(String.self, forKey: .key)
        if let entered = try container.decodeIfPresent(EnteredFigure.self, forKey: .entered) {
            origin = .entered(entered)
        } else if let computed = try container.decodeIfPresent(String.self, forKey: .computed) {
            origin = .computed(computed)
        } else {
            throw DecodingError.dataCorruptedError(forKey: .entered, in: container,
                                                   debugDescription: "figure `\(key.prefix(64))` is neither entered nor computed")
        }
        confirmed = try container.decodeIfPresent(Bool.self, forKey: .confirmed) ?? true
        contributionID = try container.decodeIfPresent(String.self, forKey: .contributionID)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key, forKey: .key)
        switch origin {
        case .entered(let figure): try container.encode(figure, forKey: .entered)
        case .computed(let key): try container.encode(key, forKey: .computed)
        }
        try container.encode(confirmed, forKey: .confirmed)
        try container.encodeIfPresent(contributionID, forKey: .contributionID)
    }
}

/// A figure as a ministry states it for the text. Unlike `ReportFigure` it may still lack its unit, period
/// or source — a contribution is written before it is complete —, and `WholeReportCheck` lists what is
/// missing; it renders exactly as the complete `ReportFigure` would.
public struct EnteredFigure: Sendable, Hashable, Codable {
    public var value: ReportFigure.Value
    /// What is counted; nil when not given. An amount needs none (its currency is its unit), nor does a share.
    public var unit: ReportFigure.Unit?
    /// A calendar year, a fiscal year, a state "as of" a day, or a span; nil when not given.
    public var period: ReportFigure.Period?
    public var preliminary: Bool
    /// "About 46,000 copies".
    public var approximate: Bool
    /// Who states it: an agency code of CTIP's directory (`mhlw`); nil when not given.
    public var source: String?

    public init(_ value: ReportFigure.Value, unit: ReportFigure.Unit? = nil, period: ReportFigure.Period?, preliminary: Bool = false,
                source: String?, approximate: Bool = false) {
        self.value = value; self.unit = unit; self.period = period; self.preliminary = preliminary; self.approximate = approximate
        let trimmed = source?.trimmingCharacters(in: .whitespaces) ?? ""
        self.source = trimmed.isEmpty ? nil : trimmed
    }

    public init(_ figure: ReportFigure) {
        self.init(figure.value, unit: figure.unit, period: figure.period, preliminary: figure.preliminary, source: figure.source,
                  approximate: figure.approximate)
    }

    /// What a figure of the text must state and this one does not, in that order: "unit" (a count's),
    /// "period", "source".
    public var missingParts: [String] {
        var missing: [String] = []
        if case .count = value, unit == nil { missing.append("unit") }
        if period == nil { missing.append("period") }
        if source == nil { missing.append("source") }
        return missing
    }

    /// The complete figure; nil while a part is missing.
    public var figure: ReportFigure? {
        guard missingParts.isEmpty, let period, let source else { return nil }
        return ReportFigure(value, unit: unit, period: period, preliminary: preliminary, source: source, approximate: approximate)
    }

    /// As the report writes it in running text: "8,311 implementing organizations (preliminary figures)", 「8,311機関（速報値）」.
    public func text(_ language: Language) -> String {
        ReportFigure.text(value, unit: unit, preliminary: preliminary, approximate: approximate, language: language)
    }

    // Stored in the notation of contribution files: `{"value": "8,311", "unit": "persons", "period": "FY2024", …}`.
    enum CodingKeys: String, CodingKey { case value, unit, period, preliminary, approximate, source }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let valueText = try container.decode(String.self, forKey: .value)
        guard let value = ReportFigure.Value(notation: valueText) else {
            throw DecodingError.dataCorruptedError(forKey: .value, in: container, debugDescription: "`\(valueText.prefix(40))` is not a figure's value")
        }
        var unit: ReportFigure.Unit?
        if let text = try container.decodeIfPresent(String.self, forKey: .unit) {
            guard let read = ReportFigure.Unit(notation: text) else {
                throw DecodingError.dataCorruptedError(forKey: .unit, in: container, debugDescription: "`\(text.prefix(40))` is not a unit")
            }
            unit = read
        }
        var period: ReportFigure.Period?
        if let text = try container.decodeIfPresent(String.self, forKey: .period) {
            guard let read = ReportFigure.Period(notation: text) else {
                throw DecodingError.dataCorruptedError(forKey: .period, in: container, debugDescription: "`\(text.prefix(40))` is not a period")
            }
            period = read
        }
        let preliminary = try container.decodeIfPresent(Bool.self, forKey: .preliminary) ?? false
        let approximate = try container.decodeIfPresent(Bool.self, forKey: .approximate) ?? false
        let source = try container.decodeIfPresent(String.self, forKey: .source)
        self.init(value, unit: unit, period: period, preliminary: preliminary, source: source, approximate: approximate)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(value.notation, forKey: .value)
        try container.encodeIfPresent(unit?.notation, forKey: .unit)
        try container.encodeIfPresent(period?.notation, forKey: .period)
        try container.encode(preliminary, forKey: .preliminary)
        try container.encode(approximate, forKey: .approximate)
        try container.encodeIfPresent(source, forKey: .source)
    }
}

// MARK: - Notation

// How contribution files (docs/contributions.md) and stored editions write a figure's parts: one notation,
// read and written here only.

extension ReportFigure.Value {
    /// "8,311" (a count), "14,096,000 JPY" (an amount in yen, dollars or euros: JPY, USD, EUR), "37 of 61" (a share).
    public var notation: String {
        switch self {
        case .count(let count): Numerals.grouped(count)
        case .amount(let amount, let currency): "\(Numerals.grouped(amount)) \(currency.rawValue)"
        case .share(let part, let whole): "\(Numerals.grouped(part)) of \(Numerals.grouped(whole))"
        }
    }

    /// Reads `notation`; digits may be grouped by commas ("8,311") or not ("8311").
    public init?(notation text: some StringProtocol) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let count = Self.wholeNumber(Substring(trimmed)) {
            self = .count(count)
            return
        }
        let words = trimmed.split(separator: " ", omittingEmptySubsequences: true)
        if words.count == 2, let amount = Self.wholeNumber(words[0]), let currency = ReportFigure.Currency(rawValue: words[1].uppercased()) {
            self = .amount(amount, currency)
            return
        }
        if words.count == 3, words[1].lowercased() == "of", let part = Self.wholeNumber(words[0]), let whole = Self.wholeNumber(words[2]),
           whole > 0, part <= whole {
            self = .share(part, of: whole)
            return
        }
        return nil
    }

    /// "8311" or "8,311" (groups of three after the first): a whole number of at most 15 digits.
    static func wholeNumber(_ text: Substring) -> Int? {
        let groups = text.split(separator: ",", omittingEmptySubsequences: false)
        guard let first = groups.first, !first.isEmpty, first.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        if groups.count > 1 {
            guard first.count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        }
        let digits = groups.joined()
        guard digits.count <= 15 else { return nil }
        return Int(digits)
    }
}

extension ReportFigure.Unit {
    /// The units a file may name by their English plural alone ("persons", "cases", "organizations").
    public static let known: [ReportFigure.Unit] = [.persons, .victims, .cases, .copies, .places, .organisations, .countries, .reports,
                                                    .campaigns, .meetings, .agreements, .requests, .consultations, .workplaces]

    /// A known unit by its plural ("persons"), any other as "singular/plural/counter":
    /// "implementing organization/implementing organizations/機関".
    public var notation: String {
        Self.known.contains(self) ? plural : "\(singular)/\(plural)/\(japaneseCounter)"
    }

    /// Reads `notation`: three non-empty parts separated by `/`, or the plural of a known unit.
    public init?(notation text: some StringProtocol) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.contains("/") {
            let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty }) else { return nil }
            self = ReportFigure.Unit(singular: parts[0], plural: parts[1], japaneseCounter: parts[2])
            return
        }
        guard let unit = Self.known.first(where: { $0.plural == trimmed.lowercased() }) else { return nil }
        self = unit
    }
}

extension ReportFigure.Period {
    /// "2024" (a calendar year), "FY2024" (April 2024 to March 2025), "as of 2025-03-31", "2024-04-01 to 2025-03-31".
    public var notation: String {
        switch self {
        case .year(let year): "\(year)"
        case .fiscalYear(let year): "FY\(year)"
        case .asOf(let day): "as of \(day)"
        case .span(let from, let to): "\(from) to \(to)"
        }
    }

    /// Reads `notation` (case-insensitive: "fy2024", "As of 2025-03-31"); a year is 1900–2200.
    public init?(notation text: some StringProtocol) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        func readYear(_ digits: Substring) -> Int? {
            guard digits.count == 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(digits), (1900...2200).contains(value) else { return nil }
            return value
        }
        if let value = readYear(Substring(trimmed)) {
            self = .year(value)
        } else if trimmed.lowercased().hasPrefix("fy"), let value = readYear(trimmed.dropFirst(2)) {
            self = .fiscalYear(value)
        } else if trimmed.lowercased().hasPrefix("as of ") {
            guard let day = Day(iso: trimmed.dropFirst("as of ".count).trimmingCharacters(in: .whitespaces)) else { return nil }
            self = .asOf(day)
        } else if let to = trimmed.range(of: " to ", options: .caseInsensitive) {
            guard let from = Day(iso: trimmed[..<to.lowerBound].trimmingCharacters(in: .whitespaces)),
                  let until = Day(iso: trimmed[to.upperBound...].trimmingCharacters(in: .whitespaces)), from <= until else { return nil }
            self = .span(from, until)
        } else {
            return nil
        }
    }
}

// MARK: - Resolving a key

/// What the `{number:KEY}` of a report's text name: the edition's own figures (entered, or standing for a
/// computed one) and the figures CTIP computes for the year. The renderer and the check both ask here, so
/// they agree on what a key names, and a figure renders the same wherever it is used.
///
/// An edition's figure comes before a computed figure of the same key (the check reports where an entered
/// value contradicts the records); of two edition figures with one key, the first counts.
public struct TextFigures: Sendable {
    /// A key resolved to its number.
    public enum Resolved: Sendable, Hashable {
        case entered(EnteredFigure)
        case computed(ReportFigure)

        public func text(_ language: Language) -> String {
            switch self {
            case .entered(let figure): figure.text(language)
            case .computed(let figure): figure.text(language)
            }
        }
    }

    public let declared: [String: TextFigure]
    public let computed: [String: ReportFigure]

    public init(_ figures: [TextFigure], computed: [String: ReportFigure]) {
        var declared: [String: TextFigure] = [:]
        for figure in figures where declared[figure.key] == nil { declared[figure.key] = figure }
        self.declared = declared
        self.computed = computed
    }

    /// The number `{number:key}` stands for; nil when the key names nothing, or a computed figure CTIP has no
    /// records to compute.
    public func resolved(_ key: String) -> Resolved? {
        if let figure = declared[key] {
            switch figure.origin {
            case .entered(let entered): return .entered(entered)
            case .computed(let computedKey): return computed[computedKey].map(Resolved.computed)
            }
        }
        return computed[key].map(Resolved.computed)
    }

    /// What `{number:key}` renders in `language`; nil when it names nothing (the token then stays as written).
    public func text(_ key: String, _ language: Language) -> String? { resolved(key)?.text(language) }
}

// MARK: - Computed figures

/// The figures CTIP computes from its records for the text of a year's report: section 2's counts (cleared
/// cases, arrested and prosecuted persons, brokers, victims by nationality and age) and the protection steps
/// of the year (IOM returns and the other support events, as distinct victims), each for the calendar year
/// of the facts, stated by CTIP; and, when given, the registers' figures (`MeasureFigures`) under their keys.
/// A draft's text names them by key and gets the new year's numbers when rendered.
public enum ComputedFigures {
    /// The source of a figure CTIP computes from its records (`ReportFigure.source`).
    public static let source = "ctip"

    private struct Definition: Sendable {
        let key: String
        let unit: ReportFigure.Unit
        let count: @Sendable (ReportFacts.Year) -> Int
    }

    private static func persons(_ year: ReportFacts.Year, where include: (ReportFacts.SuspectGroup) -> Bool) -> Int {
        year.suspects.reduce(0) { $0 + (include($1.key) ? $1.value : 0) }
    }

    private static func victims(_ year: ReportFacts.Year, where include: (ReportFacts.VictimGroup) -> Bool) -> Int {
        year.victims.reduce(0) { $0 + (include($1.key) ? $1.value : 0) }
    }

    private static func noun(_ singular: String, _ plural: String, _ counter: String) -> ReportFigure.Unit {
        ReportFigure.Unit(singular: singular, plural: plural, japaneseCounter: counter)
    }

    /// Section 2's counts, in its order.
    private static let factDefinitions: [Definition] = [
        Definition(key: "cleared_cases", unit: ComputedFigures.noun("cleared case", "cleared cases", "件"),
                   count: { year in year.clearedCases }),
        Definition(key: "arrested_persons", unit: ComputedFigures.noun("arrested person", "arrested persons", "人"),
                   count: { year in ComputedFigures.persons(year, where: { _ in true }) }),
        Definition(key: "prosecuted_persons", unit: ComputedFigures.noun("prosecuted person", "prosecuted persons", "人"),
                   count: { year in ComputedFigures.persons(year, where: { group in group.disposition?.countsAsProsecuted == true }) }),
        Definition(key: "brokers", unit: ComputedFigures.noun("broker", "brokers", "人"),
                   count: { year in ComputedFigures.persons(year, where: { group in group.broker }) }),
        Definition(key: "victims", unit: ReportFigure.Unit.victims,
                   count: { year in ComputedFigures.victims(year, where: { _ in true }) }),
        Definition(key: "japanese_victims", unit: ComputedFigures.noun("Japanese victim", "Japanese victims", "人"),
                   count: { year in ComputedFigures.victims(year, where: { group in group.nationality == "JPN" }) }),
        Definition(key: "foreign_victims", unit: ComputedFigures.noun("foreign victim", "foreign victims", "人"),
                   count: { year in ComputedFigures.victims(year, where: { group in group.nationality != "JPN" }) }),
        Definition(key: "minor_victims", unit: ComputedFigures.noun("minor victim", "minor victims", "人"),
                   count: { year in ComputedFigures.victims(year, where: { group in group.minor == true }) }),
    ]

    /// The protection steps of the year, as distinct victims: `support_<event code>` (`support_iom_voluntary_return`).
    private static let supportDefinitions: [Definition] = SupportEvent.allCases.map { event in
        Definition(key: "support_\(event.rawValue)", unit: ReportFigure.Unit.victims, count: { year in year.supportEvents[event] ?? 0 })
    }

    private static let definitions: [Definition] = factDefinitions + supportDefinitions

    /// Every key the facts give (not the registers' keys), whether or not a year has records.
    public static let keys: [String] = definitions.map(\.key)

    /// The year's figures by key: empty for the facts of a year without case-level records (nil facts, or
    /// none held), as section 2 then states nothing; the registers' figures are added under their own keys.
    public static func figures(from facts: ReportFacts?, measures: [MeasureFigure] = []) -> [String: ReportFigure] {
        var result: [String: ReportFigure] = [:]
        if let facts, facts.current.hasRecords {
            for definition in definitions {
                result[definition.key] = ReportFigure(.count(definition.count(facts.current)), unit: definition.unit, period: .year(facts.year),
                                                      source: source)
            }
        }
        for measure in measures where result[measure.key] == nil { result[measure.key] = measure.figure }
        return result
    }
}
