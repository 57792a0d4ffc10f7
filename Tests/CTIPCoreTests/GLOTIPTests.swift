import CTIPCore
import Testing

/// The rank of a matrix, by Gaussian elimination with partial pivoting (coefficients 0, 1 and −1 in small
/// tables: doubles are exact enough).
private func rank(_ matrix: [[Double]]) -> Int {
    var rows = matrix
    var rank = 0
    let width = rows.first?.count ?? 0
    for column in 0..<width where rank < rows.count {
        guard let pivot = (rank..<rows.count).max(by: { abs(rows[$0][column]) < abs(rows[$1][column]) }),
              abs(rows[pivot][column]) > 1e-9 else { continue }
        rows.swapAt(rank, pivot)
        for other in rows.indices where other != rank {
            let factor = rows[other][column] / rows[rank][column]
            if factor != 0 { for index in column..<width { rows[other][index] -= factor * rows[rank][index] } }
        }
        rank += 1
    }
    return rank
}

/// GLOTIP rows from hand-made report facts: the header, Japan's constants, the grand totals the report's,
/// small counts hidden under CTIP's rule with whatever would give them back.
@Suite("GLOTIP rows")
struct GLOTIPTests {
    private let indicator = GLOTIP.columns.firstIndex(of: "Indicator")!
    private let dimension = GLOTIP.columns.firstIndex(of: "Dimension")!
    private let category = GLOTIP.columns.firstIndex(of: "Category")!
    private let sex = GLOTIP.columns.firstIndex(of: "Sex")!
    private let age = GLOTIP.columns.firstIndex(of: "Age")!
    private let value = GLOTIP.columns.firstIndex(of: "txtVALUE")!

    /// Data year 2024: 52 victims (35 female, 17 male; 8 minors; sexual 31, labour 19, hostess 2; 28 Japanese,
    /// 24 Filipino), 8 suspects (7 male, 1 female), 6 prosecuted, 5 convicted, 6 cleared cases. The one small
    /// count of the victims is the 2 girls in hostess work (forced labour, female, 0–17); the girls are 8 in
    /// all, 6 of them in sexual exploitation. 2023: 3 victims.
    private func facts() -> ReportFacts {
        var current = ReportFacts.Year(), previous = ReportFacts.Year()
        current.victims = [
            ReportFacts.VictimGroup(sex: "female", nationality: "JPN", residenceStatus: nil, exploitation: "sexual", minor: false): 20,
            ReportFacts.VictimGroup(sex: "female", nationality: "JPN", residenceStatus: nil, exploitation: "sexual", minor: true): 6,
            ReportFacts.VictimGroup(sex: "male", nationality: "PHL", residenceStatus: "entertainer", exploitation: "sexual", minor: false): 5,
            ReportFacts.VictimGroup(sex: "female", nationality: "PHL", residenceStatus: "entertainer", exploitation: "labour", minor: false): 7,
            ReportFacts.VictimGroup(sex: "male", nationality: "PHL", residenceStatus: "entertainer", exploitation: "labour", minor: false): 12,
            ReportFacts.VictimGroup(sex: "female", nationality: "JPN", residenceStatus: nil, exploitation: "hostess", minor: true): 2,
        ]
        current.suspects = [
            ReportFacts.SuspectGroup(sex: "male", nationality: "JPN", broker: false, organizedCrime: false, disposition: .prosecuted,
                                     notProsecutedReason: nil, verdict: .guilty): 5,
            ReportFacts.SuspectGroup(sex: "male", nationality: "JPN", broker: false, organizedCrime: false, disposition: .notProsecuted,
                                     notProsecutedReason: .evidence, verdict: nil): 2,
            ReportFacts.SuspectGroup(sex: "female", nationality: "PHL", broker: true, organizedCrime: false, disposition: .familyCourt,
                                     notProsecutedReason: nil, verdict: .pending): 1,
        ]
        current.clearedCases = 6
        previous.victims = [ReportFacts.VictimGroup(sex: "female", nationality: "JPN", residenceStatus: nil, exploitation: "sexual", minor: false): 3]
        previous.clearedCases = 2
        let series = [AnnualTotals(year: 2023, victims: 3, clearedCases: 2, clearedSuspects: 0, source: .records, differsFromHistory: false),
                      AnnualTotals(year: 2024, victims: 52, clearedCases: 6, clearedSuspects: 8, source: .records, differsFromHistory: false)]
        return ReportFacts(year: 2024, asOf: Day.reportCutOff(forDataYear: 2024), current: current, previous: previous,
                           prosecuted: [], awaitingInPreviousReport: [], previousReportIsPublished: false, carriedOver: [],
                           series: series, offenses: [:])
    }

    /// Data year 2025 with a planted small cell: 3 girls (sexual exploitation) beside 20 boys (forced labour)
    /// among the 23 minors, whose total is published; 30 women, 25 men. GLOTIP's `<5` alone would write the
    /// boys' 20 and give the girls back: 23 − 20 = 3.
    private func plantedFacts() -> ReportFacts {
        var current = ReportFacts.Year()
        current.victims = [
            ReportFacts.VictimGroup(sex: "female", nationality: "JPN", residenceStatus: nil, exploitation: "sexual", minor: true): 3,
            ReportFacts.VictimGroup(sex: "male", nationality: "JPN", residenceStatus: nil, exploitation: "labour", minor: true): 20,
            ReportFacts.VictimGroup(sex: "female", nationality: "JPN", residenceStatus: nil, exploitation: "sexual", minor: false): 30,
            ReportFacts.VictimGroup(sex: "male", nationality: "PHL", residenceStatus: "entertainer", exploitation: "labour", minor: false): 25,
        ]
        let series = [AnnualTotals(year: 2025, victims: 78, clearedCases: 0, clearedSuspects: 0, source: .records, differsFromHistory: false)]
        return ReportFacts(year: 2025, asOf: Day.reportCutOff(forDataYear: 2025), current: current, previous: ReportFacts.Year(),
                           prosecuted: [], awaitingInPreviousReport: [], previousReportIsPublished: false, carriedOver: [],
                           series: series, offenses: [:])
    }

    /// Every equation a reader can write from the rows: the sexes of a row group add up to its `Sex`
    /// `Total`, the age groups to its `Age` `Total`, the victims' forms to the `Dimension` `Total` row of the
    /// same sex and age, and a citizenship list to its indicator's total. Each equation lists row indices,
    /// the total last.
    private func equations(_ rows: [[String]]) -> [[Int]] {
        var index: [[String]: Int] = [:]
        for (position, row) in rows.enumerated() { index[[row[indicator], row[dimension], row[category], row[sex], row[age]]] = position }
        let sexParts = Array(GLOTIP.sexes.dropFirst()), ageParts = Array(GLOTIP.ageGroups.dropFirst())
        var result: [[Int]] = []
        for (position, row) in rows.enumerated() {
            if row[sex] == GLOTIP.total {
                let parts = sexParts.compactMap { index[[row[indicator], row[dimension], row[category], $0, row[age]]] }
                if parts.count == sexParts.count { result.append(parts + [position]) }
            }
            if row[age] == GLOTIP.total {
                let parts = ageParts.compactMap { index[[row[indicator], row[dimension], row[category], row[sex], $0]] }
                if parts.count == ageParts.count { result.append(parts + [position]) }
            }
            guard row[dimension] == GLOTIP.Dimension.total.rawValue else { continue }
            let forms = GLOTIP.forms.compactMap { index[[row[indicator], GLOTIP.Dimension.formOfExploitation.rawValue, $0, row[sex], row[age]]] }
            if forms.count == GLOTIP.forms.count { result.append(forms + [position]) }
            if row[sex] == GLOTIP.total && row[age] == GLOTIP.total {
                let citizenship = rows.indices.filter {
                    rows[$0][indicator] == row[indicator] && rows[$0][dimension] == GLOTIP.Dimension.citizenship.rawValue
                }
                if !citizenship.isEmpty { result.append(citizenship + [position]) }
            }
        }
        return result
    }

    /// The hidden rows (`<5`) that the rows' own equations give back: those whose unit vector lies in the
    /// row space of the equations over the hidden rows. Independent of how `SmallCellRule` chose them.
    private func recoverable(_ rows: [[String]]) -> [[String]] {
        let unknowns = rows.indices.filter { rows[$0][value] == "<5" }
        let column = Dictionary(uniqueKeysWithValues: unknowns.enumerated().map { ($1, $0) })
        let matrix: [[Double]] = equations(rows).compactMap { equation in
            var coefficients = Array(repeating: 0.0, count: unknowns.count)
            for (position, row) in equation.enumerated() {
                if let index = column[row] { coefficients[index] += position == equation.count - 1 ? -1 : 1 }
            }
            return coefficients.contains { $0 != 0 } ? coefficients : nil
        }
        let base = rank(matrix)
        return unknowns.indices.filter { index in
            var unit = Array(repeating: 0.0, count: unknowns.count)
            unit[index] = 1
            return rank(matrix + [unit]) == base
        }.map { rows[unknowns[$0]] }
    }

    /// The `txtVALUE` of the one row with these labels.
    private func cell(_ rows: [[String]], _ indicatorName: GLOTIP.Indicator, _ dimensionName: GLOTIP.Dimension = .total,
                      category categoryName: String = "Total", sex sexName: String = "Total", age ageName: String = "Total") -> String? {
        let matching = rows.filter {
            $0[indicator] == indicatorName.rawValue && $0[dimension] == dimensionName.rawValue && $0[category] == categoryName
                && $0[sex] == sexName && $0[age] == ageName
        }
        #expect(matching.count == 1, "\(indicatorName.rawValue) / \(categoryName) / \(sexName) / \(ageName): \(matching.count) rows")
        return matching.first?[value]
    }

    @Test("the header is exactly GLOTIP's")
    func header() {
        #expect(GLOTIP.columns == ["Iso3_code", "Country", "Region", "Subregion", "Indicator", "Dimension", "Category", "Sex", "Age",
                                   "Year", "Unit of measurement", "txtVALUE", "Source"])
        #expect(GLOTIP.csv([]) == "Iso3_code,Country,Region,Subregion,Indicator,Dimension,Category,Sex,Age,Year,Unit of measurement,txtVALUE,Source\n")
    }

    @Test("every row: Japan's constants, the year, one cell per column")
    func constants() {
        let rows = GLOTIP.rows(from: facts())
        #expect(!rows.isEmpty)
        for row in rows {
            #expect(row.count == GLOTIP.columns.count)
            #expect(Array(row[0..<4]) == ["JPN", "Japan", "Asia", "Eastern Asia"])
            #expect(row[9] == "2024" && row[10] == "Counts" && row[12] == "GLOTIP")
        }
        // A year of 3 victims: the total is the report's, published as it is; what is under it is hidden.
        let earlier = GLOTIP.rows(from: facts().previous, year: 2023)
        #expect(earlier.allSatisfy { $0[9] == "2023" })
        #expect(cell(earlier, .detectedVictims) == "3")
        #expect(cell(earlier, .detectedVictims, sex: "Female") == "<5")
        #expect(cell(earlier, .detectedVictims, age: "18 years or over") == "<5")
        #expect(cell(earlier, .detectedVictims, .formOfExploitation, category: "Sexual exploitation") == "<5")
    }

    @Test("the grand totals are the annual report's, and every count shown is the report's")
    func totalsEqualTheReport() {
        let facts = facts()
        let report = AnnualReportBuilder(language: .en).build(from: facts)
        let rows = GLOTIP.rows(from: facts)
        // The grand totals, exact whatever the rule would hide (the report publishes them).
        #expect(cell(rows, .detectedVictims) == String(report.victims.total.count))
        #expect(report.victims.total.count == 52)
        #expect(cell(rows, .offences) == String(report.suspects.clearedCases.count))
        #expect(cell(rows, .formalContact) == String(report.suspects.arrested.count))
        #expect(cell(rows, .prosecuted) == String(report.suspects.prosecuted))
        #expect(report.suspects.prosecuted == 6)
        #expect(cell(rows, .convicted) == String(report.suspects.outcomes.guilty))
        #expect(report.suspects.outcomes.guilty == 5)
        // The counts under them, where shown (none of these is small or hidden).
        for part in report.victims.bySex {
            #expect(cell(rows, .detectedVictims, sex: GLOTIP.sex(part.code)) == String(part.count))
        }
        #expect(cell(rows, .detectedVictims, age: "0 to 17 years") == String(report.victims.minors.count))
        // Forms: hostess victims are inside forced labour.
        let byCode = Dictionary(uniqueKeysWithValues: report.victims.byExploitation.map { ($0.code, $0.count) })
        #expect(cell(rows, .detectedVictims, .formOfExploitation, category: "Sexual exploitation") == String(byCode["sexual"] ?? 0))
        #expect(cell(rows, .detectedVictims, .formOfExploitation, category: "Forced labour")
                == String((byCode["hostess"] ?? 0) + (byCode["labour"] ?? 0)))
        #expect(cell(rows, .detectedVictims, .formOfExploitation, category: "Other forms of exploitation") == "0")
        // Citizenship: Japanese as `Nationals`, first.
        let citizenship = rows.filter { $0[indicator] == GLOTIP.Indicator.detectedVictims.rawValue && $0[dimension] == "by citizenship" }
        #expect(citizenship.map { [$0[category], $0[value]] } == [["Nationals", "28"], ["Philippines", "24"]])
        let convicted = rows.filter { $0[indicator] == GLOTIP.Indicator.convicted.rawValue && $0[dimension] == "by citizenship" }
        #expect(convicted.map { [$0[category], $0[value]] } == [["Nationals", "5"]])
    }

    @Test("female + male = total where no cell is masked")
    func femalePlusMale() {
        let rows = GLOTIP.rows(from: facts())
        #expect(cell(rows, .detectedVictims, sex: "Female") == "35")
        #expect(cell(rows, .detectedVictims, sex: "Male") == "17")
        #expect(cell(rows, .detectedVictims, age: "18 years or over") == "44")
        #expect(cell(rows, .detectedVictims, sex: "Female", age: "18 years or over") == "27")
        #expect(cell(rows, .detectedVictims, sex: "Male", age: "18 years or over") == "17")
        // Every group of rows differing only in `Sex`: where nothing is masked, the sexes add up to `Total`.
        let groups = Dictionary(grouping: rows) { [$0[indicator], $0[dimension], $0[category], $0[age]] }
        var checked = 0
        for (labels, group) in groups where group.count == GLOTIP.sexes.count {
            let values = Dictionary(uniqueKeysWithValues: group.map { ($0[sex], $0[value]) })
            if values.values.contains("<5") { continue }
            let parts = GLOTIP.sexes.dropFirst().map { Int(values[$0] ?? "") ?? -1 }
            #expect(parts.reduce(0, +) == Int(values["Total"] ?? "") ?? -2, "\(labels)")
            checked += 1
        }
        #expect(checked >= 5)
    }

    @Test("a count of 1 to 4 is written <5, and so is every count that would give it back; 0 as 0; thousands grouped")
    func smallCells() {
        let rule = GLOTIP.rule
        #expect(rule == .standard)
        #expect(rule.text(.value(0)) == "0" && rule.text(.value(5)) == "5" && rule.text(.value(1757)) == "1,757")
        #expect(rule.text(.suppressed) == "<5")
        let rows = GLOTIP.rows(from: facts())
        // The 2 girls in hostess work (forced labour), hidden…
        #expect(cell(rows, .detectedVictims, .formOfExploitation, category: "Forced labour", sex: "Female", age: "0 to 17 years") == "<5")
        #expect(cell(rows, .detectedVictims, .formOfExploitation, category: "Forced labour", age: "0 to 17 years") == "<5")
        // …with the women in forced labour (else 9 − 7 = 2) and the girls in sexual exploitation (else 8 − 6 − 0 = 2).
        #expect(cell(rows, .detectedVictims, .formOfExploitation, category: "Forced labour", sex: "Female") == "9")
        #expect(cell(rows, .detectedVictims, .formOfExploitation, category: "Forced labour", sex: "Female", age: "18 years or over") == "<5")
        #expect(cell(rows, .detectedVictims, sex: "Female", age: "0 to 17 years") == "8")
        #expect(cell(rows, .detectedVictims, .formOfExploitation, category: "Sexual exploitation", sex: "Female", age: "0 to 17 years") == "<5")
        #expect(cell(rows, .detectedVictims, .formOfExploitation, category: "Other forms of exploitation", sex: "Female", age: "0 to 17 years") == "0")
        #expect(cell(rows, .detectedVictims, sex: "Male", age: "0 to 17 years") == "0")
        #expect(cell(rows, .detectedVictims, sex: "Other") == "0")
        // Persons: 1 woman of 8 arrested hides the 7 men too (8 − 7 = 1); of 6 prosecuted, the 5 men.
        #expect(cell(rows, .formalContact, sex: "Female") == "<5" && cell(rows, .formalContact, sex: "Male") == "<5")
        #expect(cell(rows, .formalContact) == "8")
        #expect(cell(rows, .prosecuted, sex: "Female") == "<5" && cell(rows, .prosecuted, sex: "Male") == "<5")
        #expect(cell(rows, .convicted, sex: "Female") == "0" && cell(rows, .convicted, sex: "Male") == "5")
        // Nothing hidden can be worked out from what is written.
        #expect(recoverable(rows).isEmpty, "\(recoverable(rows))")
        #expect(GLOTIP.csv([["JPN", "Japan", "Asia", "Eastern Asia", "Detected trafficking victims", "Total", "Total", "Total", "Total",
                             "2024", "Counts", rule.text(.value(1757)), "GLOTIP"]]).hasSuffix("2024,Counts,\"1,757\",GLOTIP\n"))
    }

    @Test("a planted small cell whose row would give it back by subtraction: a second cell is hidden, and no hidden cell is the total less the cells shown")
    func plantedSmallCell() {
        let rows = GLOTIP.rows(from: plantedFacts())
        #expect(cell(rows, .detectedVictims) == "78")
        // Girls 3, boys 20, minors 23 (published): the 3 is hidden, and so are the 20.
        #expect(cell(rows, .detectedVictims, age: "0 to 17 years") == "23")
        #expect(cell(rows, .detectedVictims, sex: "Female", age: "0 to 17 years") == "<5")
        #expect(cell(rows, .detectedVictims, sex: "Male", age: "0 to 17 years") == "<5")
        // Every equation with a hidden cell has at least two: no hidden cell is its total less the cells shown.
        var lines = 0
        for equation in equations(rows) {
            let hidden = equation.filter { rows[$0][value] == "<5" }
            if hidden.isEmpty { continue }
            #expect(hidden.count >= 2, "\(equation.map { rows[$0] })")
            lines += 1
        }
        #expect(lines >= 4)
        // Nor can one be worked out by combining equations (rows, columns, forms, citizenship).
        #expect(recoverable(rows).isEmpty, "\(recoverable(rows))")
        // GLOTIP's own marking alone would have given the girls back.
        let minors = rows.filter {
            $0[indicator] == GLOTIP.Indicator.detectedVictims.rawValue && $0[dimension] == GLOTIP.Dimension.total.rawValue && $0[age] == "0 to 17 years"
        }
        let shown = minors.filter { $0[sex] != GLOTIP.total }.compactMap { Int($0[value]) }.reduce(0, +)
        #expect(23 - shown != 3, "the girls would be 23 less the other minors shown")
    }

    @Test("forms of exploitation and sexes as GLOTIP names them")
    func vocabularies() {
        #expect(GLOTIP.form(.sexual) == "Sexual exploitation")
        #expect(GLOTIP.form(.hostess) == "Forced labour" && GLOTIP.form(.labour) == "Forced labour")
        #expect(GLOTIP.form(.organ) == "Other forms of exploitation" && GLOTIP.form(.other) == "Other forms of exploitation")
        #expect(Sex.allCases.map { GLOTIP.sex($0.rawValue) } == ["Female", "Male", "Other", "Unknown"])
        #expect(GLOTIP.ageGroup(minor: true) == "0 to 17 years" && GLOTIP.ageGroup(minor: false) == "18 years or over")
        #expect(GLOTIP.ageGroup(minor: nil) == "Unknown")
        #expect(GLOTIP.citizenship("JPN") == "Nationals" && GLOTIP.citizenship("UNK") == "Unknown" && GLOTIP.citizenship("PHL") == "Philippines")
    }
}
