@testable import CTIPCore
import Foundation
import Testing

/// `ctip oversight report`: the seed's oversight sentences, each figure computed.
@Suite("Programme oversight: the annual report's sentences")
struct OversightReportTests {
    typealias Seed = OversightReference.Seed

    /// The figures the seed states: FY2024 for the OTIT, revocations, sending organisations and MOCs;
    /// calendar 2024 for labour and joint inspections.
    static func seedReport() throws -> OversightReport {
        let periods = try #require(OversightReport.periods(fiscalYear: 2024))
        var fiscal = OversightFigures(period: periods.fiscal)
        fiscal.supervisingLicensed = Seed.supervisingLicensed
        fiscal.otitInspectedSupervising = Seed.otitInspectedSupervising
        fiscal.otitInspectedImplementing = Seed.otitInspectedImplementing
        fiscal.supervisingLicencesRevoked = Seed.supervisingLicencesRevoked
        fiscal.implementingAccreditationsRevoked = Seed.implementingAccreditationsRevoked
        fiscal.sendingReported = Seed.sendingReported
        fiscal.mocCountriesTitp = Seed.mocCountriesTitp.count
        fiscal.mocCountriesSsw = Seed.mocCountriesSsw.count
        var calendar = OversightFigures(period: periods.calendar)
        calendar.labourInspectedImplementing = Seed.labourInspectedImplementing
        calendar.labourViolationsImplementing = Seed.labourViolationsImplementing
        calendar.labourReferredToProsecutors = Seed.labourReferredToProsecutors
        calendar.jointInspectedImplementing = Seed.jointInspectedImplementing
        calendar.jointRecommendations = Seed.jointRecommendations
        calendar.jointCorrectionOrders = Seed.jointCorrectionOrders
        return OversightReport(fiscalYear: 2024, fiscal: fiscal, calendar: calendar)
    }

    static func zeroReport() throws -> OversightReport {
        let periods = try #require(OversightReport.periods(fiscalYear: 2024))
        return OversightReport(fiscalYear: 2024, fiscal: OversightFigures(period: periods.fiscal), calendar: OversightFigures(period: periods.calendar))
    }

    /// The texts of the paragraphs of one section (the seed's reference), in order.
    static func texts(_ report: OversightReport, _ section: String, _ language: Language = .en) -> [String] {
        report.paragraphs(language).filter { $0.section == section }.map(\.text)
    }

    @Test("the seed's figures give the seed's sentences, in its sections")
    func seedSentences() throws {
        let report = try Self.seedReport()
        #expect(report.paragraphs(.en).map(\.section)
                == ["3 (3) i)", "3 (3) i)", "3 (3) iii)", "3 (3) iii)", "3 (3) iv)", "3 (3) v)", "5 (1) vi)", "5 (1) vi)", "5 (1) vii)", "7 (1) ii) c)"])
        let titp = Self.texts(report, "3 (3) i)")
        #expect(titp[0].contains("Regarding the supervising organizations, 3,755 organizations have received permits (as of March 31, 2025)."))
        #expect(titp[0].contains("The OTIT conducted on-site inspections of 4,457 supervising organizations and of 21,242 implementing organizations in FY2024."))
        #expect(titp[1] == "In FY2024, government revoked the authorization of six supervising organizations and the accreditation of technical intern training plans made by 55 implementing organizations.")
        let labour = Self.texts(report, "3 (3) iii)")
        #expect(labour[0].hasPrefix("In 2024, Prefectural Labor Bureaus and Labor Standards Inspection Offices conducted inspection and guidance on 11,356 implementing organizations."))
        #expect(labour[0].contains("As a result, 8,311 implementing organizations were found to be in violation of labor standards-related laws and regulations and were issued corrective recommendations."))
        #expect(labour[0].contains("Among these cases, eight cases were sent to public prosecutors."))
        #expect(labour[1].contains("carried out joint inspections or investigation on 34 implementing organizations."))
        #expect(labour[1].contains("issued corrective recommendations to 31 cases"))
        #expect(labour[1].contains("In addition, the OTIT issued correction orders to 23 cases"))
        let sending = try #require(Self.texts(report, "3 (3) iv)").first)
        #expect(sending.contains("Japan has created the Memorandums of Cooperation (MOCs) with 16 countries that are sending technical intern trainees (as of March 31, 2025)."))
        #expect(sending.contains("In FY2024, 16 sending organizations were reported to each government."))
        #expect(try #require(Self.texts(report, "3 (3) v)").first).contains("with 17 countries (as of March 31, 2025)."))
        #expect(!report.text(.en).contains("preliminary"), "counts of the records, not the ministries' preliminary totals")
    }

    @Test("a repeat is its original, marked as the seed marks it")
    func repeats() throws {
        let report = try Self.seedReport()
        let labour = Self.texts(report, "3 (3) iii)")
        #expect(Self.texts(report, "5 (1) vi)") == labour.map { $0 + " [Repeated from 3 (3) iii)]" })
        #expect(Self.texts(report, "5 (1) vii)") == [Self.texts(report, "3 (3) i)")[1] + " [Repeated from 3 (3) i)]"])
        #expect(Self.texts(report, "7 (1) ii) c)") == Self.texts(report, "3 (3) iv)").map { $0 + " [Repeated from 3 (3) iv)]" })
        let text = report.text(.en)
        #expect(text.hasPrefix("3 (3) i)  Regarding the supervising organizations, 3,755"))
        #expect(text.contains("\n\n5 (1) vii)  In FY2024, government revoked the authorization of six supervising organizations"))
    }

    @Test("one fact, one number: both sending-organisation sentences print the computed count (the seed prints 16, then 15)")
    func oneNumberPerFact() throws {
        var report = try Self.seedReport()
        var fiscal = report.fiscal
        fiscal.sendingReported = 15
        report = OversightReport(fiscalYear: 2024, fiscal: fiscal, calendar: report.calendar)
        for section in ["3 (3) iv)", "7 (1) ii) c)"] {
            let sentence = try #require(Self.texts(report, section).first)
            #expect(sentence.contains("In FY2024, 15 sending organizations were reported to each government."), "\(section)")
            #expect(!sentence.contains("16 sending organizations"), "\(section)")
            #expect(sentence.contains("with 16 countries"), "the MOCs are another fact")
            let japanese = try #require(Self.texts(report, section, .ja).first)
            #expect(japanese.contains("送出機関15機関を各国政府に通報した"), "\(section)")
        }
    }

    @Test("in Japanese: the figures grouped by thousands, with their counters, and the sections numbered ア, イ, ウ")
    func japanese() throws {
        let report = try Self.seedReport()
        let paragraphs = report.paragraphs(.ja)
        #expect(paragraphs.map(\.section) == report.paragraphs(.en).map(\.section), "the seed's reference is the key in every language")
        #expect(paragraphs.map(\.label)
                == ["3 (3) ア", "3 (3) ア", "3 (3) ウ", "3 (3) ウ", "3 (3) エ", "3 (3) オ", "5 (1) カ", "5 (1) カ", "5 (1) キ", "7 (1) イ (ウ)"])
        let text = report.text(.ja)
        for phrase in ["3,755団体が許可を受けている（2025年3月31日現在）", "監理団体4,457団体及び実習実施者21,242者に対して実地検査を行った",
                       "2024年度においては、監理団体6団体の許可及び実習実施者55者の技能実習計画の認定を取り消した。",
                       "実習実施者11,356者に対して監督指導を実施した", "8,311者で労働基準関係法令違反が認められ", "このうち8件を送検した。",
                       "実習実施者34者に対して合同監督・調査を実施した", "31件について是正勧告を行った", "23件について改善命令を行った",
                       "送出国16か国との間で協力覚書（MOC）", "送出機関16機関を各国政府に通報した", "17か国との間で二国間の政府間文書",
                       "（3 (3) ウの再掲）", "（3 (3) エの再掲）"] {
            #expect(text.contains(phrase), "\(phrase)")
        }
        #expect(text.hasPrefix("3 (3) ア  監理団体については、3,755団体"))
    }

    @Test("none said in words: no zero counted, no sentence left hanging")
    func zeroFigures() throws {
        let report = try Self.zeroReport()
        let english = report.text(.en)
        for phrase in ["no organizations have received permits (as of March 31, 2025)",
                       "The OTIT conducted no on-site inspections of supervising or implementing organizations in FY2024.",
                       "In FY2024, government revoked neither the authorization of any supervising organization nor the accreditation of any technical intern training plan.",
                       "did not conduct inspection and guidance on any implementing organization. No cases were sent to public prosecutors.",
                       "carried out no joint inspections or investigation of implementing organizations.",
                       "Japan has created no Memorandums of Cooperation (MOCs)", "In FY2024, no sending organizations were reported to their governments."] {
            #expect(english.contains(phrase), "\(phrase)")
        }
        for oddity in [" 0 ", "zero", "Among these cases", "As a result", "following them", "based on the MOC"] {
            #expect(!english.contains(oddity), "\(oddity)")
        }
        let japanese = report.text(.ja)
        #expect(japanese.contains("許可を受けている団体はない"))
        #expect(japanese.contains("2024年度においては、監理団体の許可及び技能実習計画の認定の取消しはなかった。"))
        #expect(japanese.contains("各国政府に通報した送出機関はなかった"))
        #expect(!japanese.contains("0団体") && !japanese.contains("0者") && !japanese.contains("0件") && !japanese.contains("0か国"))
    }

    @Test("one of each: singular nouns and verbs")
    func ones() throws {
        var report = try Self.zeroReport()
        var fiscal = report.fiscal, calendar = report.calendar
        fiscal.supervisingLicensed = 1; fiscal.otitInspectedImplementing = 1; fiscal.supervisingLicencesRevoked = 1; fiscal.sendingReported = 1
        fiscal.mocCountriesTitp = 1
        calendar.labourInspectedImplementing = 1; calendar.labourViolationsImplementing = 1; calendar.labourReferredToProsecutors = 1
        report = OversightReport(fiscalYear: 2024, fiscal: fiscal, calendar: calendar)
        let english = report.text(.en)
        for phrase in ["one organization has received a permit", "The OTIT conducted on-site inspections of one implementing organization in FY2024. It conducted no on-site inspections of supervising organizations.",
                       "In FY2024, government revoked the authorization of one supervising organization. No implementing organization had the accreditation of its technical intern training plans revoked.",
                       "As a result, one implementing organization was found to be in violation", "Among these cases, one case was sent to public prosecutors.",
                       "a Memorandum of Cooperation (MOC) with one country that is sending", "In FY2024, one sending organization was reported to its government."] {
            #expect(english.contains(phrase), "\(phrase)")
        }
    }

    @Test("the JSON: fiscal_year, language, the paragraphs with their sections, and both sets of figures with the keys of `oversight stats`")
    func json() throws {
        let report = try Self.seedReport()
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys]
        let object = try #require(try JSONSerialization.jsonObject(with: encoder.encode(report.json(.ja))) as? [String: Any])
        #expect(object["fiscal_year"] as? Int == 2024 && object["language"] as? String == "ja")
        let paragraphs = try #require(object["paragraphs"] as? [[String: Any]])
        #expect(paragraphs.count == 10 && paragraphs.first?["section"] as? String == "3 (3) i)" && paragraphs.first?["label"] as? String == "3 (3) ア")
        #expect((object["fiscal"] as? [String: Any])?["supervising_licensed"] as? Int == 3_755)
        #expect((object["calendar"] as? [String: Any])?["labour_inspected_implementing"] as? Int == 11_356)
        #expect((object["calendar"] as? [String: Any])?["from"] as? String == "2024-01-01")
    }

    @Test("the reference records, counted, give the seed's sentences")
    func referenceRecords() throws {
        let records = OversightReference.records()
        let periods = try #require(OversightReport.periods(fiscalYear: 2024))
        func figures(_ period: OversightPeriod) -> OversightFigures {
            OversightStatistics.figures(organisations: records.organisations, inspections: records.inspections, actions: records.actions,
                                        agreements: records.agreements, period: period)
        }
        let report = OversightReport(fiscalYear: 2024, fiscal: figures(periods.fiscal), calendar: figures(periods.calendar))
        let stated = try Self.seedReport()
        #expect(report.paragraphs(.en) == stated.paragraphs(.en))
        #expect(report.paragraphs(.ja) == stated.paragraphs(.ja))
    }
}
