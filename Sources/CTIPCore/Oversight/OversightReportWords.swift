/// The oversight paragraphs in words, for one language; which paragraphs there are, and where they are
/// repeated, is `OversightReport`'s. Each speaks of none without printing a zero: a year without
/// revocations says so rather than "revoked the authorization of zero supervising organizations".
protocol OversightReportWords: Sendable {
    /// 3 (3) i): supervising organisations licensed, the OTIT's on-site inspections.
    func licencesAndInspections(_ figures: OversightFigures) -> String
    /// 3 (3) i), repeated in 5 (1) vii): licences and plan accreditations revoked.
    func revocations(_ figures: OversightFigures) -> String
    /// 3 (3) iii), repeated in 5 (1) vi): labour inspection of implementing organisations (calendar year).
    func labourInspection(_ figures: OversightFigures) -> String
    /// 3 (3) iii), repeated in 5 (1) vi): joint inspections and what followed them (calendar year).
    func jointInspections(_ figures: OversightFigures) -> String
    /// 3 (3) iv), repeated in 7 (1) ii) c): MOCs with sending countries, sending organisations reported.
    func sendingCountries(_ figures: OversightFigures) -> String
    /// 3 (3) v): the Specified Skilled Worker MOCs.
    func specifiedSkilledWorkerAgreements(_ figures: OversightFigures) -> String
    /// The seed's mark after a repeated paragraph, to append to it.
    func repeated(from label: String) -> String
}

/// The seed's English: one to ten in words ("six supervising organizations", "eight cases"), larger
/// numbers in digits ("3,755"), as `Numerals.english` writes them for section 2.
struct EnglishOversightWords: OversightReportWords {
    let fiscalYear: Int

    private var fiscal: String { "FY\(fiscalYear)" }
    /// Labour and joint inspections are counted over the calendar year the fiscal year starts in.
    private var year: Int { fiscalYear }
    /// Licences and MOCs as they stand on the fiscal year's last day.
    private var asOf: String { "March 31, \(fiscalYear + 1)" }
    private var labourOffices: String { "Prefectural Labor Bureaus and Labor Standards Inspection Offices" }

    func licencesAndInspections(_ figures: OversightFigures) -> String {
        let licensed = figures.supervisingLicensed
        var sentences = ["Regarding the supervising organizations, \(counted(licensed, "organization")) \(licensed == 1 ? "has received a permit" : "have received permits") (as of \(asOf))."]
        sentences.append("The OTIT conducts on-site inspections of supervising organizations about once a year, and of implementing organizations about once every three years.")
        let inspected = [(figures.otitInspectedSupervising, "supervising organization"), (figures.otitInspectedImplementing, "implementing organization")]
        let done = inspected.filter { $0.0 > 0 }
        if done.isEmpty {
            sentences.append("The OTIT conducted no on-site inspections of supervising or implementing organizations in \(fiscal).")
        } else {
            sentences.append("The OTIT conducted on-site inspections of \(done.map { counted($0.0, $0.1) }.joined(separator: " and of ")) in \(fiscal).")
            for (_, kind) in inspected where !done.contains(where: { $0.1 == kind }) {
                sentences.append("It conducted no on-site inspections of \(kind)s.")
            }
        }
        return sentences.joined(separator: " ")
    }

    func revocations(_ figures: OversightFigures) -> String {
        let licences = figures.supervisingLicencesRevoked, plans = figures.implementingAccreditationsRevoked
        let licenceClause = "the authorization of \(counted(licences, "supervising organization"))"
        let planClause = "the accreditation of technical intern training plans made by \(counted(plans, "implementing organization"))"
        switch (licences, plans) {
        case (0, 0):
            return "In \(fiscal), government revoked neither the authorization of any supervising organization nor the accreditation of any technical intern training plan."
        case (_, 0):
            return "In \(fiscal), government revoked \(licenceClause). No implementing organization had the accreditation of its technical intern training plans revoked."
        case (0, _):
            return "In \(fiscal), government revoked \(planClause). No supervising organization had its authorization revoked."
        default:
            return "In \(fiscal), government revoked \(licenceClause) and \(planClause)."
        }
    }

    func labourInspection(_ figures: OversightFigures) -> String {
        let inspected = figures.labourInspectedImplementing, violations = figures.labourViolationsImplementing
        let referred = figures.labourReferredToProsecutors
        var sentences: [String] = []
        if inspected > 0 {
            sentences.append("In \(year), \(labourOffices) conducted inspection and guidance on \(counted(inspected, "implementing organization")).")
        } else {
            sentences.append("In \(year), \(labourOffices) did not conduct inspection and guidance on any implementing organization.")
        }
        if violations > 0 {
            sentences.append("As a result, \(counted(violations, "implementing organization")) \(be(violations)) found to be in violation of labor standards-related laws and regulations and \(be(violations)) issued corrective recommendations.")
        } else if inspected > 0 {
            sentences.append("As a result, no implementing organizations were found to be in violation of labor standards-related laws and regulations.")
        }
        let prosecutors = "\(counted(referred, "case")) \(be(referred)) sent to public prosecutors."
        sentences.append(violations > 0 ? "Among these cases, \(prosecutors)" : capitalized(prosecutors))
        return sentences.joined(separator: " ")
    }

    func jointInspections(_ figures: OversightFigures) -> String {
        let inspected = figures.jointInspectedImplementing, recommendations = figures.jointRecommendations
        let orders = figures.jointCorrectionOrders
        // The notification the seed cites dates from 2021; a year before it cannot have been based on it.
        let cooperation = year >= 2021 ? " strengthened their cooperation based on the notification released in 2021 and" : ""
        var sentences: [String] = []
        if inspected > 0 {
            sentences.append("In \(year), Prefectural Labor Bureaus, Labor Standards Inspection Offices, and the OTIT\(cooperation) carried out joint inspections or investigation on \(counted(inspected, "implementing organization")).")
        } else {
            sentences.append("In \(year), Prefectural Labor Bureaus, Labor Standards Inspection Offices, and the OTIT carried out no joint inspections or investigation of implementing organizations.")
        }
        if recommendations > 0 {
            sentences.append("\(inspected > 0 ? "As a result, " : "")\(labourOffices) issued corrective recommendations to \(counted(recommendations, "case")) where violations of labor standards-related laws and regulations were identified.")
        } else if inspected > 0 {
            sentences.append("\(labourOffices) issued no corrective recommendations following them.")
        }
        if orders > 0 {
            sentences.append("\(recommendations > 0 ? "In addition, the" : "The") OTIT issued correction orders to \(counted(orders, "case")) where violations of the Technical Intern Training Act were identified.")
        } else if inspected > 0 {
            sentences.append("The OTIT issued no correction orders following them.")
        }
        return sentences.joined(separator: " ")
    }

    func sendingCountries(_ figures: OversightFigures) -> String {
        let countries = figures.mocCountriesTitp, reported = figures.sendingReported
        let objectives = "With the objectives of eliminating improper sending organizations as well as collaborating to carry out technical intern training properly and smoothly"
        var sentences: [String] = []
        switch countries {
        case 0:
            sentences.append("Japan has created no Memorandums of Cooperation (MOCs) with countries that are sending technical intern trainees (as of \(asOf)).")
        case 1:
            sentences.append("\(objectives), Japan has created a Memorandum of Cooperation (MOC) with one country that is sending technical intern trainees (as of \(asOf)).")
        default:
            sentences.append("\(objectives), Japan has created the Memorandums of Cooperation (MOCs) with \(counted(countries, "country", "countries")) that are sending technical intern trainees (as of \(asOf)).")
        }
        if countries > 0 {
            sentences.append("If a sending organization is recognized as improper, based on the MOC, the relevant government will be informed and requested to investigate, and if needed, the relevant government will be requested to supervise the organization or revoke its authorization.")
        }
        switch reported {
        case 0: sentences.append("In \(fiscal), no sending organizations were reported to their governments.")
        case 1: sentences.append("In \(fiscal), one sending organization was reported to its government.")
        default: sentences.append("In \(fiscal), \(counted(reported, "sending organization")) were reported to each government.")
        }
        return sentences.joined(separator: " ")
    }

    func specifiedSkilledWorkerAgreements(_ figures: OversightFigures) -> String {
        let countries = figures.mocCountriesSsw
        let basis = "Based on the “Comprehensive Measures for Acceptance and Coexistence of Foreign Nationals” (decided by the Ministerial Conference on Acceptance and Coexistence of Foreign Nationals on December 25, 2018), the Ministry of Justice, the Ministry of Foreign Affairs, the Ministry of Health, Labour and Welfare, and the National Police Agency"
        if countries == 0 {
            return "\(basis) have created no bilateral intergovernmental documents (Memorandums of Cooperation (MOCs)) for sharing information with the aim of eliminating malicious intermediary organizations (as of \(asOf))."
        }
        return "\(basis) have created bilateral intergovernmental documents (Memorandums of Cooperation (MOCs)) to establish a framework for sharing information with the aim of eliminating malicious intermediary organizations, with \(counted(countries, "country", "countries")) (as of \(asOf))."
    }

    func repeated(from label: String) -> String { " [Repeated from \(label)]" }

    /// "six supervising organizations", "one case", "3,755 organizations", "no cases".
    private func counted(_ value: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(value == 0 ? "no" : Numerals.english(value)) \(value == 1 ? singular : plural ?? singular + "s")"
    }
    private func be(_ value: Int) -> String { value == 1 ? "was" : "were" }
    private func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
}

/// The Japanese of government statistics, as `JapaneseReportPhrases` writes section 2: digits grouped
/// by thousands with their counters (「監理団体6団体」「実習実施者55者」「8件」).
struct JapaneseOversightWords: OversightReportWords {
    let fiscalYear: Int

    private var fiscal: String { "\(fiscalYear)年度" }
    /// Labour and joint inspections are counted over the calendar year the fiscal year starts in.
    private var year: String { "\(fiscalYear)年" }
    private var asOf: String { "（\(fiscalYear + 1)年3月31日現在）" }
    private var labourOffices: String { "都道府県労働局及び労働基準監督署" }
    private var otit: String { "外国人技能実習機構" }

    func licencesAndInspections(_ figures: OversightFigures) -> String {
        let licensed = figures.supervisingLicensed
        var text = licensed > 0 ? "監理団体については、\(n(licensed))団体が許可を受けている\(asOf)。"
                                : "監理団体については、許可を受けている団体はない\(asOf)。"
        text += "\(otit)は、監理団体に対してはおおむね1年に1回、実習実施者に対してはおおむね3年に1回の頻度で実地検査を行っている。"
        let inspected = [(figures.otitInspectedSupervising, "監理団体", "団体"), (figures.otitInspectedImplementing, "実習実施者", "者")]
        let done = inspected.filter { $0.0 > 0 }
        if done.isEmpty {
            text += "\(fiscal)においては、監理団体及び実習実施者のいずれに対しても実地検査は行われなかった。"
        } else {
            text += "\(fiscal)においては、\(done.map { "\($0.1)\(n($0.0))\($0.2)" }.joined(separator: "及び"))に対して実地検査を行った。"
            for (_, kind, _) in inspected where !done.contains(where: { $0.1 == kind }) {
                text += "\(kind)に対する実地検査は行われなかった。"
            }
        }
        return text
    }

    func revocations(_ figures: OversightFigures) -> String {
        let licences = figures.supervisingLicencesRevoked, plans = figures.implementingAccreditationsRevoked
        switch (licences, plans) {
        case (0, 0):
            return "\(fiscal)においては、監理団体の許可及び技能実習計画の認定の取消しはなかった。"
        case (_, 0):
            return "\(fiscal)においては、監理団体\(n(licences))団体の許可を取り消した。技能実習計画の認定の取消しはなかった。"
        case (0, _):
            return "\(fiscal)においては、実習実施者\(n(plans))者の技能実習計画の認定を取り消した。監理団体の許可の取消しはなかった。"
        default:
            return "\(fiscal)においては、監理団体\(n(licences))団体の許可及び実習実施者\(n(plans))者の技能実習計画の認定を取り消した。"
        }
    }

    func labourInspection(_ figures: OversightFigures) -> String {
        let inspected = figures.labourInspectedImplementing, violations = figures.labourViolationsImplementing
        let referred = figures.labourReferredToProsecutors
        var text = inspected > 0 ? "\(year)には、\(labourOffices)が実習実施者\(n(inspected))者に対して監督指導を実施した。"
                                 : "\(year)には、\(labourOffices)による実習実施者に対する監督指導は行われなかった。"
        if violations > 0 {
            text += "その結果、\(n(violations))者で労働基準関係法令違反が認められ、是正勧告を行った。"
        } else if inspected > 0 {
            text += "その結果、労働基準関係法令違反が認められた実習実施者はなかった。"
        }
        switch (violations > 0, referred > 0) {
        case (true, true): text += "このうち\(n(referred))件を送検した。"
        case (true, false): text += "このうち送検したものはなかった。"
        case (false, true): text += "\(n(referred))件を送検した。"
        case (false, false): text += "送検したものはなかった。"
        }
        return text
    }

    func jointInspections(_ figures: OversightFigures) -> String {
        let inspected = figures.jointInspectedImplementing, recommendations = figures.jointRecommendations
        let orders = figures.jointCorrectionOrders
        // The notification the seed cites dates from 2021; a year before it cannot have been based on it.
        let cooperation = fiscalYear >= 2021 ? "2021年に発出された通知に基づき連携を強化し、" : ""
        let bodies = "都道府県労働局、労働基準監督署及び\(otit)"
        var text = inspected > 0 ? "\(year)には、\(bodies)が\(cooperation)実習実施者\(n(inspected))者に対して合同監督・調査を実施した。"
                                 : "\(year)には、\(bodies)による実習実施者に対する合同監督・調査は行われなかった。"
        if recommendations > 0 {
            text += "\(inspected > 0 ? "その結果、" : "")\(labourOffices)は、労働基準関係法令違反が認められた\(n(recommendations))件について是正勧告を行った。"
        } else if inspected > 0 {
            text += "その結果、\(labourOffices)による是正勧告はなかった。"
        }
        if orders > 0 {
            text += "\(recommendations > 0 ? "また、" : "")\(otit)は、技能実習法違反が認められた\(n(orders))件について改善命令を行った。"
        } else if inspected > 0 {
            text += "\(otit)による改善命令はなかった。"
        }
        return text
    }

    func sendingCountries(_ figures: OversightFigures) -> String {
        let countries = figures.mocCountriesTitp, reported = figures.sendingReported
        var text: String
        if countries > 0 {
            text = "不適正な送出機関の排除及び技能実習の適正かつ円滑な実施に向けた協力を目的として、我が国は、技能実習生の送出国\(n(countries))か国との間で協力覚書（MOC）を作成している\(asOf)。"
            text += "不適正な送出機関が認められた場合には、MOCに基づき相手国政府に通報して調査を求め、必要に応じて当該送出機関に対する指導又は認定の取消しを求めることとしている。"
        } else {
            text = "我が国は、技能実習生の送出国との間で協力覚書（MOC）を作成していない\(asOf)。"
        }
        text += reported > 0 ? "\(fiscal)においては、送出機関\(n(reported))機関を各国政府に通報した。"
                             : "\(fiscal)においては、各国政府に通報した送出機関はなかった。"
        return text
    }

    func specifiedSkilledWorkerAgreements(_ figures: OversightFigures) -> String {
        let countries = figures.mocCountriesSsw
        let basis = "「外国人材の受入れ・共生のための総合的対応策」（2018年12月25日外国人材の受入れ・共生に関する関係閣僚会議決定）に基づき、法務省、外務省、厚生労働省及び警察庁は、"
        if countries == 0 {
            return basis + "悪質な仲介事業者の排除を目的とした情報共有の枠組みとなる二国間の政府間文書（協力覚書（MOC））を、いずれの国とも作成していない\(asOf)。"
        }
        return basis + "悪質な仲介事業者の排除を目的とした情報共有の枠組みを構築するため、\(n(countries))か国との間で二国間の政府間文書（協力覚書（MOC））を作成している\(asOf)。"
    }

    func repeated(from label: String) -> String { "（\(label)の再掲）" }

    private func n(_ value: Int) -> String { Numerals.grouped(value) }
}
