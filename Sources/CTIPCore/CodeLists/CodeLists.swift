import Foundation

/// A code with its English and Japanese labels.
public struct CodeLabel: Sendable, Hashable {
    public let code: String
    public let en: String
    public let ja: String
    public func label(_ language: Language) -> String { language == .ja ? ja : en }
}

public enum Language: String, Sendable, CaseIterable { case en, ja }

public struct Country: Sendable, Hashable {
    public enum Kind: String, Sendable { case country, region, unknown }
    public let code: String
    public let alpha2: String
    public let kind: Kind
    public let en: String
    public let ja: String
    /// The adjective before "national(s)": "Philippine", "Japanese".
    public let nationalityEN: String
    public func label(_ language: Language) -> String { language == .ja ? ja : en }
}

/// A country's UN M49 region and sub-region in English (`CodeLists/Data/country_regions.csv`): "Asia",
/// "South-eastern Asia". Used to generalise rare citizenships in the open-data exports. Every code of
/// `countries.csv` has one except `UNK` and `ATA` (Antarctica, in no M49 region). Taiwan, which M49 does not
/// list separately, is placed in Asia / Eastern Asia (CTIP decision).
public struct CountryRegion: Sendable, Hashable {
    public let code: String
    /// Africa, Americas, Asia, Europe, Oceania.
    public let region: String
    /// The M49 sub-region: "Eastern Asia", "Sub-Saharan Africa", "Latin America and the Caribbean"…
    public let subregion: String
    public init(code: String, region: String, subregion: String) {
        self.code = code; self.region = region; self.subregion = subregion
    }
}

public struct Prefecture: Sendable, Hashable {
    public let code: String
    public let en: String
    public let ja: String
    /// The name in "violation of the {X} Ordinance of Juvenile Protection".
    public let ordinanceEN: String
    public func label(_ language: Language) -> String { language == .ja ? ja : en }
}

public struct Offense: Sendable, Hashable {
    public let code: String
    public let en: String
    public let ja: String
    public let law: String
    public init(code: String, en: String, ja: String, law: String) {
        self.code = code; self.en = en; self.ja = ja; self.law = law
    }
}

/// The code lists shipped with CTIP (`CodeLists/Data/*.csv`), read once.
public struct CodeLists: Sendable {
    public let countries: [String: Country]
    public let countryOrder: [String]
    /// UN M49 region and sub-region by alpha-3 code (`country_regions.csv`).
    public let countryRegions: [String: CountryRegion]
    public let prefectures: [String: Prefecture]
    public let prefectureOrder: [String]
    public let residenceStatuses: [String: CodeLabel]
    public let residenceStatusOrder: [String]
    public let offenses: [String: Offense]
    public let offenseOrder: [String]
    /// Small enumerations of the bundle (`sex`, `exploitation`, `verdict`…) by list name, then code.
    public let enumerations: [String: [String: CodeLabel]]

    public static let shipped: CodeLists = {
        do { return try CodeLists(loadingFrom: Bundle.module.resourceURL!.appendingPathComponent("Data")) }
        catch { fatalError("CTIP's shipped code lists are unreadable: \(error)") }
    }()

    public init(loadingFrom directory: URL) throws {
        func rows(_ name: String) throws -> [[String: String]] {
            let data = try Data(contentsOf: directory.appendingPathComponent(name))
            var reader = CSVReader(bytes: Array(data))
            guard let header = try reader.next() else { return [] }
            var result: [[String: String]] = []
            while let record = try reader.next() {
                result.append(Dictionary(uniqueKeysWithValues: zip(header.fields, record.fields)))
            }
            return result
        }
        let countryRows = try rows("countries.csv")
        countries = Dictionary(uniqueKeysWithValues: countryRows.map {
            ($0["code"]!, Country(code: $0["code"]!, alpha2: $0["alpha2"] ?? "", kind: Country.Kind(rawValue: $0["kind"]!) ?? .country,
                                  en: $0["label_en"]!, ja: $0["label_ja"]!, nationalityEN: $0["nationality_en"]!))
        })
        countryOrder = countryRows.map { $0["code"]! }
        let regionRows = try rows("country_regions.csv")
        countryRegions = Dictionary(uniqueKeysWithValues: regionRows.map {
            ($0["code"]!, CountryRegion(code: $0["code"]!, region: $0["region"]!, subregion: $0["subregion"]!))
        })
        let prefectureRows = try rows("prefectures.csv")
        prefectures = Dictionary(uniqueKeysWithValues: prefectureRows.map {
            ($0["code"]!, Prefecture(code: $0["code"]!, en: $0["label_en"]!, ja: $0["label_ja"]!, ordinanceEN: $0["ordinance_en"]!))
        })
        prefectureOrder = prefectureRows.map { $0["code"]! }
        let statusRows = try rows("residence_statuses.csv")
        residenceStatuses = Dictionary(uniqueKeysWithValues: statusRows.map {
            ($0["code"]!, CodeLabel(code: $0["code"]!, en: $0["label_en"]!, ja: $0["label_ja"]!))
        })
        residenceStatusOrder = statusRows.map { $0["code"]! }
        let offenseRows = try rows("offenses.csv")
        offenses = Dictionary(uniqueKeysWithValues: offenseRows.map {
            ($0["code"]!, Offense(code: $0["code"]!, en: $0["label_en"]!, ja: $0["label_ja"]!, law: $0["law"] ?? ""))
        })
        offenseOrder = offenseRows.map { $0["code"]! }
        var enumerations: [String: [String: CodeLabel]] = [:]
        for row in try rows("codes.csv") {
            enumerations[row["list"]!, default: [:]][row["code"]!] = CodeLabel(code: row["code"]!, en: row["label_en"]!, ja: row["label_ja"]!)
        }
        self.enumerations = enumerations
    }

    public func label<Value: CodedValue>(_ value: Value) -> CodeLabel {
        enumerations[Value.listName]?[value.rawValue] ?? CodeLabel(code: value.rawValue, en: value.rawValue, ja: value.rawValue)
    }
}
