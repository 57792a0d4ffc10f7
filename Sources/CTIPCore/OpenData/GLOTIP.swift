/// Rows in the layout of UNODC's GLOTIP data (`data_glotip.xlsx` on dataUNODC; `docs/open-data.md` §4):
/// long format, one count per row, in GLOTIP's 13 columns and vocabularies, for `ctip open-data glotip`.
///
/// The rows are computed from `ReportFacts`, the value the annual report is computed from, with the
/// report's own counting rules, so every count written equals the report's for the year by construction
/// (small ones hidden, below):
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
/// Small cells: CTIP's rule (`SmallCellRule.standard`, `docs/small-cells.md`), not GLOTIP's bare marking.
/// GLOTIP writes a count of 1 to 4 as `<5` and nothing more, and its own margins give such a count back
/// (§4.2: Japan 2019 publishes a total of 19 and a female count of 19 beside a male `<5`, so the male count
/// is 0 by subtraction). Here each group of rows that add up is laid out as a `CountTable` with the margins
/// it publishes and protected, so a count of 1 to 4 is hidden together with the counts that would give it
/// back: the detected victims by sex × age (`Dimension` `Total`) and by form × sex × age — one table of
/// three dimensions, since the `Total` rows are the sums of the forms' rows, protected as one set of
/// equations (`SmallCellRule.protect(_:same:kept:)`) — with their citizenship list; each indicator of
/// persons by sex; the persons convicted by sex with their citizenship list. Every hidden cell is written
/// `<5` (`SmallCellRule.text`), GLOTIP's own mark, so the file stays in GLOTIP's vocabulary — but a `<5`
/// here may stand for a count of 5 or more hidden to protect a smaller one. 0 is written `0`; larger counts
/// with thousands separated by a comma (`1,757`).
///
/// The grand totals — the victims, the offences, the persons brought into formal contact, prosecuted and
/// convicted — are kept exact, equal to the annual report's, which publishes them as they are (the report
/// is not under the rule: `docs/small-cells.md`); the rule takes them as known when it chooses what else
/// to hide. In a year whose total is itself below 5, what the total gives back cannot be hidden by
/// anything in these rows (a single citizenship then equals the total).
///
/// A questionnaire reply to UNODC goes unmasked; these rows are what CTIP publishes.
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

    /// The rule the rows are protected by.
    public static let rule = SmallCellRule.standard

    // MARK: - Rows

    /// The rows of the report's data year (`facts.year`, `facts.current`), in a fixed order: victims by
    /// sex × age, by form × sex × age, by citizenship; offences; persons brought into formal contact,
    /// prosecuted and convicted by sex; convicted by citizenship.
    public static func rows(from facts: ReportFacts, codeLists: CodeLists = .shipped) -> [[String]] {
        rows(from: facts.current, year: facts.year, codeLists: codeLists)
    }

    /// The rows of one year's counts, labelled `year`, protected by `rule` (see above).
    public static func rows(from counts: ReportFacts.Year, year: Int, codeLists: CodeLists = .shipped) -> [[String]] {
        func row(_ indicator: Indicator, _ dimension: Dimension, _ category: String, _ sex: String, _ age: String,
                 _ cell: ProtectedTable.Cell) -> [String] {
            [iso3Code, country, region, subregion, indicator.rawValue, dimension.rawValue, category, sex, age, String(year),
             unitOfMeasurement, rule.text(cell), source]
        }
        var result: [[String]] = []
        // The parts, without `Total`; in every table below, the index one past the parts is the margin.
        let sexParts = Array(sexes.dropFirst()), ageParts = Array(ageGroups.dropFirst())
        func sexIndex(_ code: String) -> Int { sexParts.firstIndex(of: sex(code)) ?? sexParts.count - 1 }
        func place(_ label: String, in parts: [String]) -> Int { parts.firstIndex(of: label) ?? parts.count }

        // Victims: form × sex × age, a full grid (every cell is written, 0 as `0`) with every margin.
        var cube = Array(repeating: Array(repeating: Array(repeating: 0, count: ageParts.count), count: sexParts.count), count: forms.count)
        for (group, n) in counts.victims {
            let f = forms.firstIndex(of: form(Exploitation(rawValue: group.exploitation) ?? .other)) ?? forms.count - 1
            let a = ageParts.firstIndex(of: ageGroup(minor: group.minor)) ?? ageParts.count - 1
            cube[f][sexIndex(group.sex)][a] += n
        }
        let victimCitizenship = byCitizenship(counts.victims.map { ($0.key.nationality, $0.value) }, codeLists: codeLists)
        // Tables 0 (`Total`) and 1… (each form): sex × age, as written. Then, for the equations across the
        // forms (each `Total` count is the sum of the forms' counts), form × sex for each age group and for
        // all ages, every place of them one of the sex × age tables'. Last, the citizenship list, whose total
        // is the victims' total.
        func sexByAge(_ counts: [[Int]]) -> CountTable { CountTable(rowLabels: sexParts, columnLabels: ageParts, counts: counts) }
        var tables = [sexByAge(sexParts.indices.map { s in ageParts.indices.map { a in forms.indices.reduce(0) { $0 + cube[$1][s][a] } } })]
        tables += forms.indices.map { sexByAge(cube[$0]) }
        var same: [[TableSlot]] = []
        for a in 0...ageParts.count {
            let table = tables.count
            tables.append(CountTable(rowLabels: forms, columnLabels: sexParts, counts: forms.indices.map { f in
                sexParts.indices.map { s in a < ageParts.count ? cube[f][s][a] : cube[f][s].reduce(0, +) }
            }))
            for s in 0...sexParts.count {
                for f in forms.indices {
                    same.append([TableSlot(table: table, row: f, column: s), TableSlot(table: 1 + f, row: s, column: a)])
                }
                same.append([TableSlot(table: table, row: forms.count, column: s), TableSlot(table: 0, row: s, column: a)])
            }
        }
        let citizenshipTable = tables.count
        tables.append(.list(columns: victimCitizenship.map { $0.category }, counts: victimCitizenship.map { $0.count }))
        let victimsTotal = TableSlot(table: 0, row: sexParts.count, column: ageParts.count)
        same.append([TableSlot(table: citizenshipTable, row: 0, column: victimCitizenship.count), victimsTotal])
        let victims = rule.protect(tables, same: same, kept: [victimsTotal])

        func sexByAgeRows(_ table: ProtectedTable, _ dimension: Dimension, _ category: String) {
            for s in sexes {
                for a in ageGroups {
                    result.append(row(.detectedVictims, dimension, category, s, a, cell(table, place(s, in: sexParts), place(a, in: ageParts))))
                }
            }
        }
        sexByAgeRows(victims[0], .total, total)
        for (f, category) in forms.enumerated() { sexByAgeRows(victims[1 + f], .formOfExploitation, category) }
        for (c, entry) in victimCitizenship.enumerated() {
            result.append(row(.detectedVictims, .citizenship, entry.category, total, total, victims[citizenshipTable].cells[0][c]))
        }

        // Offences: one count, the report's.
        result.append(row(.offences, .total, total, total, total, .value(counts.clearedCases)))

        // Persons: by sex, `Age` `Total` (CTIP records no suspect's age); each indicator's total the report's.
        func bySex(where include: (ReportFacts.SuspectGroup) -> Bool) -> CountTable {
            var cells = Array(repeating: 0, count: sexParts.count)
            for (group, n) in counts.suspects where include(group) { cells[sexIndex(group.sex)] += n }
            return .list(columns: sexParts, counts: cells)
        }
        func bySexRows(_ indicator: Indicator, _ table: ProtectedTable) {
            for s in sexes { result.append(row(indicator, .total, total, s, total, cell(table, 0, place(s, in: sexParts)))) }
        }
        let listTotal = TableSlot(table: 0, row: 0, column: sexParts.count)
        let prosecuted: (ReportFacts.SuspectGroup) -> Bool = { $0.disposition?.countsAsProsecuted == true }
        let convicted: (ReportFacts.SuspectGroup) -> Bool = { prosecuted($0) && $0.verdict == .guilty }
        bySexRows(.formalContact, rule.protect([bySex { _ in true }], kept: [listTotal])[0])
        bySexRows(.prosecuted, rule.protect([bySex(where: prosecuted)], kept: [listTotal])[0])
        // The convicted by sex and by citizenship share their total.
        let convictedCitizenship = byCitizenship(counts.suspects.filter { convicted($0.key) }.map { ($0.key.nationality, $0.value) },
                                                 codeLists: codeLists)
        let convictedTables = rule.protect(
            [bySex(where: convicted), .list(columns: convictedCitizenship.map { $0.category }, counts: convictedCitizenship.map { $0.count })],
            same: [[listTotal, TableSlot(table: 1, row: 0, column: convictedCitizenship.count)]], kept: [listTotal])
        bySexRows(.convicted, convictedTables[0])
        for (c, entry) in convictedCitizenship.enumerated() {
            result.append(row(.convicted, .citizenship, entry.category, total, total, convictedTables[1].cells[0][c]))
        }
        return result
    }

    /// The cell of a protected table at `row`, `column`, a margin where the index is one past the labels
    /// (as `TableSlot` places them).
    static func cell(_ table: ProtectedTable, _ row: Int, _ column: Int) -> ProtectedTable.Cell {
        switch (row == table.rowLabels.count, column == table.columnLabels.count) {
        case (false, false): table.cells[row][column]
        case (false, true): table.rowTotals?[row] ?? .suppressed
        case (true, false): table.columnTotals?[column] ?? .suppressed
        case (true, true): table.grandTotal ?? .suppressed
        }
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
