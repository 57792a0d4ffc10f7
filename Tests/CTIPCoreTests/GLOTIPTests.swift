import CTIPCore
import Testing

/// GLOTIP rows from hand-made report facts: the header, Japan's constants, totals equal to the report's, `<5`.
@Suite("GLOTIP rows")
struct GLOTIPTests {
    private let indicator = GLOTIP.columns.firstIndex(of: "Indicator")!
    private let dimension = GLOTIP.columns.firstIndex(of: "Dimension")!
    private let category = GLOTIP.columns.firstIndex(of: "Category")!
    private let sex = GLOTIP.columns.firstIndex(of: "Sex")!
    private let age = GLOTIP.columns.firstIndex(of: "Age")!
    private let value = GLOTIP.columns.firstIndex(of: "txtVALUE")!

    /// Data year 2024: 13 victims (8 female, 5 male; 2 minors; sexual 6, labour 5, hostess 2), 8 suspects
    /// (7 male, 1 female), 6 prosecuted, 5 convicted, 6 cleared cases.
    private func facts() -> ReportFacts {
        var current = ReportFacts.Year(), previous = ReportFacts.Year()
        current.victims = [
            ReportFacts.VictimGroup(sex: "female", nationality: "JPN", residenceStatus: nil, exploitation: "sexual", minor: false): 6,
            ReportFacts.VictimGroup(sex: "male", nationality: "PHL", residenceStatus: "entertainer", exploitation: "labour", minor: false): 5,
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
                      AnnualTotals(year: 2024, victims: 13, clearedCases: 6, clearedSuspects: 8, source: .records, differsFromHistory: false)]
        return ReportFacts(year: 2024, asOf: Day.reportCutOff(forDataYear: 2024), current: current, previous: previous,
                           prosecuted: [], awaitingInPreviousReport: [], previousReportIsPublished: false, carriedOver: [],
                           series: series, offenses: [:])
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
        let earlier = GLOTIP.rows(from: facts().previous, year: 2023)
        #expect(earlier.allSatisfy { $0[9] == "2023" })
        #expect(cell(earlier, .detectedVictims) == "<5")
    }

    @Test("the totals are the annual report's")
    func totalsEqualTheReport() {
        let facts = facts()
        let report = AnnualReportBuilder(language: .en).build(from: facts)
        let rows = GLOTIP.rows(from: facts)
        #expect(cell(rows, .detectedVictims) == String(report.victims.total.count))
        #expect(report.victims.total.count == 13)
        for part in report.victims.bySex {
            #expect(cell(rows, .detectedVictims, sex: GLOTIP.sex(part.code)) == GLOTIP.value(part.count))
        }
        #expect(cell(rows, .detectedVictims, age: "0 to 17 years") == GLOTIP.value(report.victims.minors.count))
        #expect(cell(rows, .offences) == String(report.suspects.clearedCases.count))
        #expect(cell(rows, .formalContact) == String(report.suspects.arrested.count))
        #expect(cell(rows, .prosecuted) == String(report.suspects.prosecuted))
        #expect(report.suspects.prosecuted == 6)
        #expect(cell(rows, .convicted) == String(report.suspects.outcomes.guilty))
        #expect(report.suspects.outcomes.guilty == 5)
        // Forms: hostess victims are inside forced labour.
        let byCode = Dictionary(uniqueKeysWithValues: report.victims.byExploitation.map { ($0.code, $0.count) })
        #expect(cell(rows, .detectedVictims, .formOfExploitation, category: "Sexual exploitation") == String(byCode["sexual"] ?? 0))
        #expect(cell(rows, .detectedVictims, .formOfExploitation, category: "Forced labour")
                == String((byCode["hostess"] ?? 0) + (byCode["labour"] ?? 0)))
        #expect(cell(rows, .detectedVictims, .formOfExploitation, category: "Other forms of exploitation") == "0")
        // Citizenship: Japanese as `Nationals`, first.
        let citizenship = rows.filter { $0[indicator] == GLOTIP.Indicator.detectedVictims.rawValue && $0[dimension] == "by citizenship" }
        #expect(citizenship.map { [$0[category], $0[value]] } == [["Nationals", "8"], ["Philippines", "5"]])
        let convicted = rows.filter { $0[indicator] == GLOTIP.Indicator.convicted.rawValue && $0[dimension] == "by citizenship" }
        #expect(convicted.map { [$0[category], $0[value]] } == [["Nationals", "5"]])
    }

    @Test("female + male = total where no cell is masked")
    func femalePlusMale() {
        let rows = GLOTIP.rows(from: facts())
        #expect(cell(rows, .detectedVictims, sex: "Female") == "8")
        #expect(cell(rows, .detectedVictims, sex: "Male") == "5")
        #expect(cell(rows, .detectedVictims, age: "18 years or over") == "11")
        #expect(cell(rows, .detectedVictims, sex: "Female", age: "18 years or over") == "6")
        #expect(cell(rows, .detectedVictims, sex: "Male", age: "18 years or over") == "5")
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

    @Test("counts from 1 to 4 are written <5; 0 as 0; thousands grouped")
    func smallCells() {
        #expect(GLOTIP.value(0) == "0")
        #expect((1...4).allSatisfy { GLOTIP.value($0) == "<5" })
        #expect(GLOTIP.value(5) == "5")
        #expect(GLOTIP.value(1757) == "1,757")
        let rows = GLOTIP.rows(from: facts())
        #expect(cell(rows, .detectedVictims, sex: "Female", age: "0 to 17 years") == "<5")
        #expect(cell(rows, .detectedVictims, age: "0 to 17 years") == "<5")
        #expect(cell(rows, .detectedVictims, sex: "Male", age: "0 to 17 years") == "0")
        #expect(cell(rows, .detectedVictims, sex: "Other") == "0")
        #expect(cell(rows, .formalContact, sex: "Female") == "<5")
        #expect(cell(rows, .prosecuted, sex: "Female") == "<5")
        #expect(cell(rows, .convicted, sex: "Female") == "0")
        #expect(GLOTIP.csv([["JPN", "Japan", "Asia", "Eastern Asia", "Detected trafficking victims", "Total", "Total", "Total", "Total",
                             "2024", "Counts", GLOTIP.value(1757), "GLOTIP"]]).hasSuffix("2024,Counts,\"1,757\",GLOTIP\n"))
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
