/// A number of the registers, ready for the annual report: what it counts (in both languages), whose
/// register it comes from, and the figure itself (value, unit, period, preliminary, source).
public struct MeasureFigure: Sendable, Equatable {
    /// Stable across years and edits: `register/row key/what` ("materials/cao-poster-victims-fy2024/copies").
    public let key: String
    public let register: MeasureFile
    public let ministry: String
    public let labelEN: String
    public let labelJA: String
    public let figure: ReportFigure

    public func label(_ language: Language) -> String { language == .ja ? labelJA : labelEN }
}

extension ReportFigure.Unit {
    public static let victims = Self(singular: "victim", plural: "victims", japaneseCounter: "人")
    public static let reports = Self(singular: "report", plural: "reports", japaneseCounter: "件")
    public static let campaigns = Self(singular: "campaign", plural: "campaigns", japaneseCounter: "件")
    public static let meetings = Self(singular: "meeting", plural: "meetings", japaneseCounter: "件")
    public static let agreements = Self(singular: "agreement", plural: "agreements", japaneseCounter: "件")
    public static let requests = Self(singular: "request", plural: "requests", japaneseCounter: "件")
    public static let consultations = Self(singular: "consultation", plural: "consultations", japaneseCounter: "件")
    public static let informationCases = Self(singular: "case of information provision", plural: "cases of information provision", japaneseCounter: "件")
    public static let workplaces = Self(singular: "workplace", plural: "workplaces", japaneseCounter: "事業所")

    /// The unit a register's `unit` code names.
    static func named(_ code: String?) -> Self {
        switch code {
        case "victims": .victims
        case "persons": .persons
        case "reports": .reports
        case "cases": .cases
        case "meetings": .meetings
        case "information_cases": .informationCases
        case "workplaces": .workplaces
        case nil, "consultations": .consultations
        case let other?:
            Self(singular: other.hasSuffix("s") ? String(other.dropLast()) : other, plural: other, japaneseCounter: "件")
        }
    }
}

/// The registers' figures for one calendar or fiscal year, in register order, then by key.
public enum MeasureFigures {
    public static func compute(_ rows: [MeasureRow], for period: MeasurePeriod, agencies: [String: Agency] = [:]) -> [MeasureFigure] {
        let materials = Dictionary(rows.filter { $0.file == .materials }.map { ($0["material_id"] ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        var figures: [MeasureFigure] = []
        func add(_ row: MeasureRow, _ what: String, en: String, ja: String, _ value: ReportFigure.Value, unit: ReportFigure.Unit?,
                 period figurePeriod: ReportFigure.Period? = nil, approximate: Bool = false) {
            figures.append(MeasureFigure(
                key: "\(row.file.rawValue)/\(row.keyText)/\(what)", register: row.file, ministry: row.ministry, labelEN: en, labelJA: ja,
                figure: ReportFigure(value, unit: unit, period: figurePeriod ?? period.reportPeriod, preliminary: row.flag("preliminary"),
                                     source: row.ministry, approximate: approximate)))
        }
        for row in rows.sorted(by: { ($0.file, $0.keyText) < ($1.file, $1.keyText) }) where row.belongs(to: period) {
            let name = (en: row.name(.en), ja: row.name(.ja))
            switch row.file {
            case .materials:
                if let copies = row.integer("copies") {
                    add(row, "copies", en: "Copies of “\(name.en)”", ja: "「\(name.ja)」の作成部数", .count(copies), unit: .copies,
                        approximate: row.flag("approximate"))
                }
            case .distributions:
                let runs = row.list("material_id").map { id in materials[id].map { (en: $0.name(.en), ja: $0.name(.ja)) } ?? (en: id, ja: id) }
                let title = (en: runs.map(\.en).joined(separator: "” and “"), ja: runs.map(\.ja).joined(separator: "」と「"))
                if let places = row.integer("places") {
                    add(row, "places", en: "Places “\(title.en)” was distributed to", ja: "「\(title.ja)」の配布先", .count(places), unit: .places,
                        approximate: row.flag("approximate"))
                }
                if let copies = row.integer("copies") {
                    add(row, "copies", en: "Copies of “\(title.en)” distributed", ja: "「\(title.ja)」の配布部数", .count(copies), unit: .copies,
                        approximate: row.flag("approximate"))
                }
            case .campaigns:
                if let reach = row.integer("reach") {
                    add(row, "reach", en: "Reach of “\(name.en)”", ja: "「\(name.ja)」の到達数", .count(reach), unit: .persons)
                }
            case .trainings:
                let attendees = row.list("attendees").compactMap { $0.split(separator: "=").last.flatMap { Int($0) } }
                if !attendees.isEmpty {
                    add(row, "attendees", en: "Attendees of “\(name.en)”", ja: "「\(name.ja)」の参加者数", .count(attendees.reduce(0, +)), unit: .persons)
                }
                let countries = row.list("countries")
                if !countries.isEmpty {
                    add(row, "countries", en: "Countries of the attendees of “\(name.en)”", ja: "「\(name.ja)」の参加国数", .count(countries.count), unit: .countries)
                }
            case .funding:
                if let amount = row.integer("amount"), let currency = row["currency"].flatMap(ReportFigure.Currency.init(rawValue:)) {
                    add(row, "amount", en: "Contribution to \(row["recipient"]!.uppercased()): \(name.en)", ja: "\(row["recipient"]!.uppercased())への拠出：\(name.ja)",
                        .amount(amount, currency), unit: nil, approximate: row.flag("approximate"))
                }
            case .engagements:
                if let participants = row.integer("participants") {
                    add(row, "participants", en: "Participants of “\(name.en)”", ja: "「\(name.ja)」の参加国・地域・機関", .count(participants), unit: .countries)
                }
            case .enforcement:
                let group = row["offence_group"] ?? ""
                let groupName = EnforcementGroup.groups.first { $0.code == group }
                let en = groupName?.en ?? group, ja = groupName?.ja ?? group
                let counted = row["counted"] ?? "arrests"
                let span: ReportFigure.Period? = row.day("starts_on").flatMap { starts in row.day("ends_on").map { .span(starts, $0) } }
                if let persons = row.integer("persons") {
                    add(row, "persons", en: "Persons (\(counted)): \(en)", ja: "\(ja)（\(counted)）人員", .count(persons), unit: .persons, period: span)
                }
                if let cases = row.integer("cases") {
                    add(row, "cases", en: "Cases (\(counted)): \(en)", ja: "\(ja)（\(counted)）件数", .count(cases), unit: .cases, period: span)
                }
                if let units = row.integer("units") {
                    add(row, "units", en: "\(row["unit"]!.capitalized) (\(counted)): \(en)", ja: "\(ja)（\(counted)）", .count(units),
                        unit: .named(row["unit"]), period: span)
                }
                if let inJapan = row.integer("persons_in_japan") {
                    add(row, "persons_in_japan", en: "Of them in Japan: \(en)", ja: "うち日本国内：\(ja)", .count(inJapan), unit: .persons, period: span)
                }
            case .consultations:
                let language = row["language"] ?? "all"
                let service = row["service_id"] ?? ""
                let asOf: ReportFigure.Period? = nil
                add(row, "count", en: "\(service) (\(language == "all" ? "all languages" : language))",
                    ja: "\(service)（\(language == "all" ? "全言語" : language)）", .count(row.integer("count") ?? 0), unit: .named(row["unit"]), period: asOf)
            case .series:
                var figurePeriod: ReportFigure.Period?
                if row.flag("cumulative"), let since = row["since"].flatMap(MeasurePeriod.init), let asOf = row.day("as_of") {
                    figurePeriod = .span(since.firstDay, asOf)
                }
                add(row, "value", en: row["series_id"] ?? "", ja: row["series_id"] ?? "", .count(row.integer("value") ?? 0),
                    unit: .named(row["unit"]), period: figurePeriod)
            case .agreements, .legalAssistance:
                break
            }
        }
        figures += totals(rows.filter { $0.belongs(to: period) }, period: period)
        return figures
    }

    /// The totals the report states beside the rows: consultations per service over all its tallies,
    /// agreements in force at the period's end, mutual legal assistance per direction, funding per donor
    /// and currency (never across currencies).
    static func totals(_ rows: [MeasureRow], period: MeasurePeriod) -> [MeasureFigure] {
        var figures: [MeasureFigure] = []
        func total(_ key: String, _ register: MeasureFile, ministry: String, en: String, ja: String, _ value: ReportFigure.Value,
                   unit: ReportFigure.Unit?, figurePeriod: ReportFigure.Period? = nil, approximate: Bool = false) {
            figures.append(MeasureFigure(key: key, register: register, ministry: ministry, labelEN: en, labelJA: ja,
                                         figure: ReportFigure(value, unit: unit, period: figurePeriod ?? period.reportPeriod, source: ministry,
                                                              approximate: approximate)))
        }
        let consultations = Dictionary(grouping: rows.filter { $0.file == .consultations }) { $0["service_id"] ?? "" }
        for (service, tallies) in consultations.sorted(by: { $0.key < $1.key }) {
            // A service's tallies either break the whole down or state it: never both added together.
            let whole = tallies.filter { $0["language"] == "all" && $0["topic"] == "all" && $0["channel"] == "all" }
            let parts = whole.isEmpty ? tallies : whole
            total("consultations/\(service)/total", .consultations, ministry: tallies[0].ministry, en: "\(service): total", ja: "\(service)：合計",
                  .count(parts.reduce(0) { $0 + ($1.integer("count") ?? 0) }), unit: .named(tallies[0]["unit"]))
        }
        let inForce = rows.filter { $0.file == .agreements && ($0["kind"] == "mla_treaty" || $0["kind"] == "mla_agreement") }
        if !inForce.isEmpty {
            total("agreements/mla/in-force", .agreements, ministry: "moj", en: "Mutual legal assistance treaties and agreements in force",
                  ja: "発効済みの刑事共助条約・協定", .count(inForce.count), unit: .agreements, figurePeriod: .asOf(period.lastDay))
        }
        for direction in LegalAssistanceDirection.allCases {
            let requests = rows.filter { $0.file == .legalAssistance && $0["direction"] == direction.rawValue }
            guard !requests.isEmpty else { continue }
            total("legal-assistance/\(direction.rawValue)", .legalAssistance, ministry: requests[0].ministry,
                  en: "Mutual legal assistance requests \(direction.rawValue)", ja: direction == .sent ? "共助要請（送付）" : "共助要請（受理）",
                  .count(requests.reduce(0) { $0 + ($1.integer("requests") ?? 0) }), unit: .requests)
        }
        let funding = Dictionary(grouping: rows.filter { $0.file == .funding && $0["amount"] != nil }) { "\($0.ministry)/\($0["currency"] ?? "")" }
        for (key, rows) in funding.sorted(by: { $0.key < $1.key }) {
            guard let currency = rows[0]["currency"].flatMap(ReportFigure.Currency.init(rawValue:)) else { continue }
            total("funding/\(key)/total", .funding, ministry: rows[0].ministry, en: "Contributions in \(currency.rawValue), in all",
                  ja: "拠出額合計（\(currency.rawValue)）", .amount(rows.reduce(0) { $0 + ($1.integer("amount") ?? 0) }, currency), unit: nil,
                  approximate: rows.contains { $0.flag("approximate") })
        }
        return figures
    }
}

/// A figure as the CLI and the API give it in JSON.
public struct MeasureFigureJSON: Codable, Sendable, Equatable {
    public let key: String
    public let register: String
    public let ministry: String
    public let labelEN: String
    public let labelJA: String
    public let value: Int
    /// For a share: the whole it is a part of.
    public let of: Int?
    public let unit: String?
    public let currency: String?
    public let period: String
    public let preliminary: Bool
    public let approximate: Bool
    public let source: String
    public let textEN: String
    public let textJA: String

    enum CodingKeys: String, CodingKey {
        case key, register, ministry, value, of, unit, currency, period, preliminary, approximate, source
        case labelEN = "label_en", labelJA = "label_ja", textEN = "text_en", textJA = "text_ja"
    }

    public init(_ figure: MeasureFigure) {
        key = figure.key; register = figure.register.rawValue; ministry = figure.ministry
        labelEN = figure.labelEN; labelJA = figure.labelJA
        switch figure.figure.value {
        case .count(let count): value = count; of = nil; currency = nil
        case .amount(let amount, let money): value = amount; of = nil; currency = money.rawValue
        case .share(let part, let whole): value = part; of = whole; currency = nil
        }
        unit = figure.figure.unit?.plural
        period = figure.figure.period.text(.en)
        preliminary = figure.figure.preliminary; approximate = figure.figure.approximate; source = figure.figure.source
        textEN = figure.figure.text(.en); textJA = figure.figure.text(.ja)
    }
}
