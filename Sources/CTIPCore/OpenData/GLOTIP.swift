/// Rows in the layout of UNODC's GLOTIP data (`data_glotip.xlsx` on dataUNODC; `docs/open-data.md` §4):
/// long format, one count per row, in GLOTIP's 13 columns and vocabularies, for `ctip open-data glotip`.
///
/// The rows are computed from `ReportFacts`, the value the annual report is computed from, with the
/// report's own counting rules, so every total equals the report's for the year by construction:
///
/// - `Detected trafficking victims`: the victims put under protection in the year (the report's victim
///   total), by sex × age group (`Dimension` `Total`), by form of exploitation × sex × age group, and by
///   citizenship (`Sex`, `Age` `Total`).
/// - `Offences of trafficking in persons`: the cases cleared in the year.
/// - `Persons brought into formal contact`: the suspects arrested (cleared) in the year, by sex.
/// - `Persons prosecuted`: of them, those prosecuted by the cut-off (sending to the family court counts, as
///   in the report), by sex.
/// - `Persons convicted`: of the prosecuted, those found guilty by the cut-off, by sex and by citizenship.
///   Prosecuted and convicted are counted for the persons arrested in the year, as the report counts them
///   (CTIP decision: the year basis Japan used for its own GLOTIP replies is unverified, §4.4).
///
/// Forms of exploitation (`docs/open-data.md` §4.3–4.4): `sexual` → `Sexual exploitation`; `hostess` and
/// `labour` → `Forced labour` (CTIP decision: in 2019–2021 Japan's GLOTIP rows show only these two forms
/// and they add up to the total, so hostess victims are inside forced labour); `organ`, `other` →
/// `Other forms of exploitation`. Persons convicted by form of exploitation (§4.4) is not written: the
/// report's facts do not link suspects to their victims' forms.
///
/// Small cells: a count from 1 to 4 is written `<5`, as GLOTIP marks small counts; 0 is written `0`;
/// larger counts with thousands separated by a comma (`1,757`). This is GLOTIP's own marking, nothing
/// more: GLOTIP applies no secondary suppression (§4.2: Japan 2019 publishes a total of 19 and a female
/// count of 19 beside a male `<5`, so the male count is 0 by subtraction), and neither do these rows,
/// whose margins are all published. A questionnaire reply to UNODC goes unmasked; CTIP's own small-cell
/// rule for what it publishes (§5) is applied where CTIP publishes, not here.
///
/// No preamble rows (UNODC's export has two, naming UNODC and the export date): the header comes first.
public enum GLOTIP {
    /// GLOTIP's header, exactly (`Unit of measurement`, not `Unit`).
    public static let columns = [
        "Iso3_code", "Country", "Region", "Subregion", "Indicator", "Dimension", "Category", "Sex", "Age", "Year",
        "Unit of measurement", "txtVALUE", "Source",
    ]

    // Japan's constants (§4.2, §4.4).
    public static let iso3Code = "JPN"
    public static let country = "Japan"
    public static let region = "Asia"
    public static let subregion = "Eastern Asia"
    public static let unitOfMeasurement = "Counts"
    public static let source = "GLOTIP"

    public enum Indicator: String, Sendable, CaseIterable {
        case detectedVictims = "Detected trafficking victims"
        case offences = "Offences of trafficking in persons"
        case formalContact = "Persons brought into formal contact"
        case prosecuted = "Persons prosecuted"
        case convicted = "Persons convicted"
    }

    public enum Dimension: String, Sendable, CaseIterable {
        case total = "Total"
        case formOfExploitation = "by form of exploitation"
        case citizenship = "by citizenship"
    }

    public static let total = "Total"
    public static let unknown = "Unknown"
    /// `Sex` values, `Total` first.
    public static let sexes = ["Total", "Female", "Male", "Other", "Unknown"]
    /// `Age` values, `Total` first.
    public static let ageGroups = ["Total", "0 to 17 years", "18 years or over", "Unknown"]
    /// `Category` values of `by form of exploitation`.
    public static let forms = ["Sexual exploitation", "Forced labour", "Other forms of exploitation"]
    /// `Category` of the country's own nationals under `by citizenship` (Japan's usage since 2018).
    public static let nationals = "Nationals"

    // MARK: - Vocabularies

    /// `Sex` of a CTIP sex code (`female`, `male`, `other`, `unknown`); anything else is `Unknown`.
    public static func sex(_ code: String) -> String {
        switch Sex(rawValue: code) {
        case .female?: return "Female"
        case .male?: return "Male"
        case .other?: return "Other"
        case .unknown?, nil: return unknown
        }
    }

    /// `Age` of a victim: under 18, 18 or over, or not known.
    public static func ageGroup(minor: Bool?) -> String {
        guard let minor else { return unknown }
        return minor ? "0 to 17 years" : "18 years or over"
    }

    /// `Category` of a form of exploitation (hostess work is forced labour: CTIP decision, see above).
    public static func form(_ exploitation: Exploitation) -> String {
        switch exploitation {
        case .sexual: return "Sexual exploitation"
        case .hostess, .labour: return "Forced labour"
        case .organ, .other: return "Other forms of exploitation"
        }
    }

    /// `Category` under `by citizenship`: `Nationals` for Japanese, `Unknown` for `UNK`, otherwise the
    /// English name of `countries.csv` (CTIP's names, e.g. `Taiwan`, where UNODC writes
    /// `China, Taiwan Province of China`).
    public static func citizenship(_ alpha3: String, codeLists: CodeLists = .shipped) -> String {
        if alpha3 == iso3Code { return nationals }
        if alpha3 == "UNK" { return unknown }
        return codeLists.countries[alpha3]?.en ?? alpha3
    }

    /// `txtVALUE`: `0`; `<5` for 1 to 4; otherwise the count with thousands separated by a comma.
    public static func value(_ count: Int) -> String {
        (1...4).contains(count) ? "<5" : Numerals.grouped(count)
    }

    // MARK: - Rows

    /// The rows of the report's data year (`facts.year`, `facts.current`), in a fixed order: victims by
    /// sex × age, by form × sex × age, by citizenship; offences; persons brought into formal contact,
    /// prosecuted and convicted by sex; convicted by citizenship.
    public static func rows(from facts: ReportFacts, codeLists: CodeLists = .shipped) -> [[String]] {
        rows(from: facts.current, year: facts.year, codeLists: codeLists)
    }

    /// The rows of one year's counts, labelled `year`.
    public static func rows(from counts: ReportFacts.Year, year: Int, codeLists: CodeLists = .shipped) -> [[String]] {
        func row(_ indicator: Indicator, _ dimension: Dimension, _ category: String, _ sex: String, _ age: String, _ count: Int) -> [String] {
            [iso3Code, country, region, subregion, indicator.rawValue, dimension.rawValue, category, sex, age, String(year),
             unitOfMeasurement, value(count), source]
        }
        var result: [[String]] = []

        // Victims: a full grid of sex × age group, margins included, so every cell is written (0 as `0`).
        func victimGrid(_ dimension: Dimension, _ category: String, where include: (ReportFacts.VictimGroup) -> Bool) {
            var cells: [String: Int] = [:]
            for (group, n) in counts.victims where include(group) {
                for s in [total, sex(group.sex)] {
                    for a in [total, ageGroup(minor: group.minor)] { cells[s + "/" + a, default: 0] += n }
                }
            }
            for s in sexes {
                for a in ageGroups { result.append(row(.detectedVictims, dimension, category, s, a, cells[s + "/" + a] ?? 0)) }
            }
        }
        victimGrid(.total, total) { _ in true }
        for category in forms {
            victimGrid(.formOfExploitation, category) { group in
                form(Exploitation(rawValue: group.exploitation) ?? .other) == category
            }
        }
        result += byCitizenship(counts.victims.map { ($0.key.nationality, $0.value) }, codeLists: codeLists).map {
            row(.detectedVictims, .citizenship, $0.category, total, total, $0.count)
        }

        result.append(row(.offences, .total, total, total, total, counts.clearedCases))

        // Persons: by sex, `Age` `Total` (CTIP records no suspect's age).
        func bySex(_ indicator: Indicator, where include: (ReportFacts.SuspectGroup) -> Bool) {
            var cells: [String: Int] = [:]
            for (group, n) in counts.suspects where include(group) {
                cells[total, default: 0] += n
                cells[sex(group.sex), default: 0] += n
            }
            for s in sexes { result.append(row(indicator, .total, total, s, total, cells[s] ?? 0)) }
        }
        let prosecuted: (ReportFacts.SuspectGroup) -> Bool = { $0.disposition?.countsAsProsecuted == true }
        let convicted: (ReportFacts.SuspectGroup) -> Bool = { prosecuted($0) && $0.verdict == .guilty }
        bySex(.formalContact) { _ in true }
        bySex(.prosecuted, where: prosecuted)
        bySex(.convicted, where: convicted)
        result += byCitizenship(counts.suspects.filter { convicted($0.key) }.map { ($0.key.nationality, $0.value) },
                                codeLists: codeLists).map {
            row(.convicted, .citizenship, $0.category, total, total, $0.count)
        }
        return result
    }

    /// Counts by `Category` of citizenship, present ones only: `Nationals` first, then the code list's
    /// order, `Unknown` last.
    private static func byCitizenship(_ counts: [(String, Int)], codeLists: CodeLists) -> [(category: String, count: Int)] {
        var byCode: [String: Int] = [:]
        for (code, n) in counts { byCode[code, default: 0] += n }
        let rank = Dictionary(codeLists.countryOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        func key(_ code: String) -> (Int, Int, String) {
            if code == iso3Code { return (0, 0, code) }
            if code == "UNK" { return (2, 0, code) }
            return (1, rank[code] ?? Int.max, code)
        }
        return byCode.filter { $0.value > 0 }.keys.sorted { key($0) < key($1) }.map { code in
            (category: citizenship(code, codeLists: codeLists), count: byCode[code] ?? 0)
        }
    }

    /// The header and rows as CSV (RFC 4180; `1,757` is quoted).
    public static func csv(_ rows: [[String]]) -> String {
        rows.reduce(CSVWriter.line(columns)) { $0 + CSVWriter.line($1) }
    }
}
