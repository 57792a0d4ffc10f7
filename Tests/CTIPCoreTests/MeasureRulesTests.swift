import CTIPCore
import Foundation
import Testing

/// The registers of the measures, read as their files and forms are read: every bad cell a located
/// problem in both languages, nothing kept from a file with any problem, figures computed from rows.
@Suite("Measures registers: rules, files and figures")
struct MeasureRulesTests {
    static let context = MeasureContext.shipped()

    static func read(_ file: MeasureFile, _ text: String) -> (rows: [(row: MeasureRow, line: Int)], issues: [BundleIssue]) {
        MeasureFiles.read(file, bytes: Array(text.utf8), context: context)
    }

    static func problems(_ file: MeasureFile, _ text: String) -> [String] { read(file, text).issues.map(\.description) }

    @Test("an amount without a currency is refused at its place, and nothing of the file is kept")
    func amountWithoutCurrency() {
        let text = """
        funding_id,ministry,recipient,project_en,fiscal_year,amount,currency
        ok,mofa,unodc,Criminal justice in Southeast Asia,2024,120000,USD
        bad,mofa,iom,Return and reintegration,2024,14096000,
        """
        let read = Self.read(.funding, text)
        #expect(read.issues.map(\.description) == ["funding.csv:3: currency: an amount needs its currency (`JPY`, `USD` or `EUR`): amounts are kept as given, never converted"])
        #expect(read.issues[0].japanese?.contains("通貨") == true)
        #expect(read.rows.isEmpty, "all or nothing: the good row is not kept either")
    }

    @Test("a training with negative attendees, an unknown language, an unknown service, an unknown ministry: each located")
    func locatedProblems() {
        #expect(Self.problems(.trainings, "training_id,ministry,kind,course_en,fiscal_year,attendees\nt1,mofa,lecture,Consular Basic Training,2024,consular_officers=-51\n")
            == ["trainings.csv:2: attendees: `-51` attendees of `consular_officers`: the number of attendees must be a whole number, 0 or more"])
        #expect(Self.problems(.consultations, "service_id,ministry,period,language,topic,channel,count\nhouterasu-multilingual,houterasu,FY2024,xx,legal,all,5\n")
            == ["consultations.csv:2: language: `xx` is not a language: expected an ISO 639-1 code such as `vi`, or `all`"])
        #expect(Self.problems(.consultations, "service_id,ministry,period,language,topic,channel,count\nno-such-line,houterasu,FY2024,en,legal,all,5\n")
            == ["consultations.csv:2: service_id: unknown service `no-such-line`; expected an `id` of the help directory such as `houterasu-multilingual`"])
        #expect(Self.problems(.campaigns, "campaign_id,ministry,name_en,year\nc1,ministry-of-magic,Month,2024\n")
            == ["campaigns.csv:2: ministry: unknown agency `ministry-of-magic`; expected a code of the agency directory such as `cao`, `npa`, `mofa`"])
    }

    @Test("a consultation tally for a period before its service began is refused (the OTIT's SOS desk opened in April 2021)")
    func serviceDidNotExistThen() {
        let header = "service_id,ministry,period,language,topic,channel,count\n"
        #expect(Self.problems(.consultations, header + "otit-sos-desk,otit,FY2020,vi,labour,phone,12\n")
            == ["consultations.csv:2: period: the service `otit-sos-desk` began in April 2021; it took no consultations in FY2020"])
        #expect(Self.problems(.consultations, header + "otit-sos-desk,otit,FY2021,vi,labour,phone,12\n").isEmpty)
    }

    @Test("a distribution larger than the copies printed, alone or with the others of its material, is refused")
    func distributionLargerThanPrinted() {
        let material = Self.read(.materials, "material_id,ministry,kind,title_en,copies,fiscal_year\nposter,cao,poster,Recognize it!,46000,2024\n").rows[0].row
        let distributions = Self.read(.distributions, """
        distribution_id,material_id,ministry,fiscal_year,copies
        d1,poster,cao,2024,40000
        d2,poster,cao,2024,7000
        d3,poster,cao,2024,50000
        """).rows
        let issues = MeasureRules.across([.distributions: distributions], materials: ["poster": material]).map(\.description)
        #expect(issues == ["distributions.csv:3: copies: the distributions of `poster` come to 47000 copies, more than the 46000 printed",
                           "distributions.csv:4: copies: 50000 copies distributed, but only 46000 of `poster` were printed"])
        #expect(MeasureRules.across([.distributions: Array(distributions.prefix(1))], materials: ["poster": material]).isEmpty)
    }

    @Test("a form names the field of each problem, in Japanese too")
    func formErrors() {
        let result = MeasureFiles.read(.funding, fields: ["funding_id": "f1", "recipient": "iom", "project_en": "Returns", "amount": "-5", "currency": "USD"],
                                       fixed: ["ministry": "mofa"], context: Self.context)
        guard case .failure(let errors) = result else { Issue.record("expected errors"); return }
        #expect(errors.errors.map(\.field) == ["amount"])
        #expect(errors.errors[0].message(.ja).contains("0以上"))
    }

    @Test("a file round-trips: read, written, read again gives the same rows")
    func roundTrip() throws {
        let text = """
        engagement_id,ministry,kind,name_en,series,ordinal,starts,ends,place,online,participants,countries
        mesg-2024-10,mofa,meeting,G7 Migrant Smuggling Experts Group,g7-mesg,,2024-10,,Rome,false,,
        bali-8,mofa,conference,"Eighth Bali Process Regional Ministerial Conference, Adelaide",bali-process,8,2023-02,,Adelaide,false,42,AUS;IDN
        """
        let first = Self.read(.engagements, text)
        #expect(first.issues.isEmpty)
        let written = MeasureFiles.text(.engagements, rows: first.rows.map(\.row))
        let second = Self.read(.engagements, written)
        #expect(second.rows.map(\.row) == first.rows.map(\.row).sorted { $0.keyText < $1.keyText })
        #expect(MeasureFiles.text(.engagements, rows: second.rows.map(\.row)) == written)
    }

    @Test("amounts keep their currency: totals are per currency, never converted or added across")
    func currencyNeverConverted() {
        let rows = Self.read(.funding, """
        funding_id,ministry,recipient,project_en,fiscal_year,amount,currency,approximate
        a,mofa,unodc,Southeast Asia,2024,120000,USD,false
        b,mofa,unodc,Ukraine and Moldova,2024,2340000,USD,false
        c,mofa,iom,Bali Process website,2024,1200000,JPY,true
        d,mofa,osce,Neighbouring countries,2024,260000,EUR,true
        """).rows.map(\.row)
        let totals = MeasureFigures.compute(rows, for: .fiscalYear(2024)).filter { $0.key.hasSuffix("/total") }
        #expect(totals.map { $0.figure.text(.en) } == ["about €260,000", "about ¥1,200,000", "US$2,460,000"])
        #expect(totals.map { $0.figure.text(.ja) } == ["約260,000ユーロ", "約1,200,000円", "2,460,000米ドル"])
        #expect(ReportFigure.sum(totals.map(\.figure)) == nil, "no sum across currencies")
    }

    @Test("the reference rows regenerate the seed's figures of the measures sections")
    func referenceRowsGiveTheSeedFigures() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/CTIPStorage/ReferenceBundle/measures")
        var rows: [MeasureRow] = []
        for file in MeasureFile.allCases {
            let read = Self.read(file, try String(contentsOf: folder.appendingPathComponent(file.fileName), encoding: .utf8))
            #expect(read.issues.isEmpty, "\(read.issues)")
            rows += read.rows.map(\.row)
        }
        func text(_ period: MeasurePeriod, _ key: String) -> String? {
            MeasureFigures.compute(rows, for: period).first { $0.key == key }?.figure.text(.en)
        }
        let fy2024 = MeasurePeriod.fiscalYear(2024), y2024 = MeasurePeriod.year(2024)
        // 3 (7) i), 4 (2), 7 (2) i): about 46,000 copies of each poster, to about 4,500 places.
        #expect(text(fy2024, "materials/cao-poster-perpetrators-fy2024/copies") == "about 46,000 copies")
        #expect(text(fy2024, "materials/cao-poster-victims-fy2024/copies") == "about 46,000 copies")
        #expect(text(fy2024, "distributions/cao-distribution-fy2024/places") == "about 4,500 places")
        // 6 (3) i) e): 51, 16 and 85 officers.
        #expect(text(fy2024, "trainings/mofa-consular-basic-fy2024/attendees") == "51 persons")
        #expect(text(fy2024, "trainings/mofa-consular-mid-career-fy2024/attendees") == "16 persons")
        #expect(text(fy2024, "trainings/mofa-security-officers-fy2024/attendees") == "85 persons")
        // 6 (3) vi): ¥14,096,000 to IOM; 377 returns since 2005.
        #expect(text(fy2024, "funding/iom-return-reintegration-fy2024/amount") == "¥14,096,000")
        #expect(text(fy2024, "series/iom_returns/FY2024/value") == "377 victims")
        // 7 (1) ii) b): US$120,000 (FY2024) and US$200,000 (FY2023) to UNODC.
        #expect(MeasureFigures.compute(rows, for: .fiscalYear(2023)).contains { $0.figure.text(.en) == "US$200,000" && $0.key.hasPrefix("funding/") })
        // 5 (1) iii), v), vi): arrests in 2024.
        let arrests = MeasureFigures.compute(rows, for: y2024).filter { $0.register == .enforcement }.map { $0.figure.text(.en) }
        for expected in ["381 persons", "413 cases", "290 persons", "416 cases", "1,424 persons", "2,783 cases", "326 persons", "278 cases", "160 workplaces"] {
            #expect(arrests.contains(expected), "\(expected) in \(arrests)")
        }
        // 6 (3) v): Houterasu's ten languages, 1,390 in English down to 37 in Indonesian.
        #expect(text(fy2024, "consultations/houterasu-multilingual/FY2024/en/legal/all/count") == "1,390 cases of information provision")
        #expect(text(fy2024, "consultations/houterasu-multilingual/FY2024/id/legal/all/count") == "37 cases of information provision")
        // 4 (1): the hot line's reports over three fiscal years.
        for (year, reports) in [(2021, "127 reports"), (2022, "288 reports"), (2023, "266 reports")] {
            #expect(MeasureFigures.compute(rows, for: .fiscalYear(year)).contains { $0.key.hasPrefix("consultations/anonymous-reporting-hotline") && $0.figure.text(.en) == reports })
        }
        // 5 (2) ii): seven mutual legal assistance treaties and agreements in force.
        #expect(text(y2024, "agreements/mla/in-force") == "7 agreements")
    }

    @Test("Figure 14's poster statistics come from a year's victims: 50, 37, 48 and 9 of 61 in 2023")
    func posterStatistics() {
        var year = ReportFacts.Year()
        func add(_ nationality: String, _ exploitation: Exploitation, minor: Bool, _ count: Int) {
            let group = ReportFacts.VictimGroup(sex: "female", nationality: nationality, residenceStatus: nil, exploitation: exploitation.rawValue, minor: minor)
            year.victims[group, default: 0] += count
        }
        // 61 victims as the seed's 2023 figures count them: 50 Japanese, 37 minors, 48 sexual, 9 hostess, 4 labour.
        add("JPN", .sexual, minor: true, 37); add("JPN", .sexual, minor: false, 4); add("JPN", .hostess, minor: false, 9)
        add("PHL", .sexual, minor: false, 7); add("VNM", .labour, minor: false, 4)
        let poster = PosterStatistics(year: 2023, facts: year)
        #expect(poster.figures.map { $0.figure.text(.en) } == ["82%", "61%", "79%", "15%"])
        #expect(PosterStatistics.approximately(poster.japanese, of: poster.victims) == 80)
        #expect(PosterStatistics.approximately(poster.minors, of: poster.victims) == 60)
        #expect(PosterStatistics.approximately(poster.sexualExploitation, of: poster.victims) == 80)
        #expect(PosterStatistics.posterYear(forFiscalYear: 2024) == 2023)
    }
}
