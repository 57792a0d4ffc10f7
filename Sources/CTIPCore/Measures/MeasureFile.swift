/// The registers of the measures (issue 18): what each ministry did outside the case records — the
/// materials it printed and where they went, its campaigns and trainings, what Japan paid whom, the
/// agreements it holds, its meetings abroad, mutual legal assistance, the published arrest figures for
/// the offences next to trafficking, and the anonymous tallies of consultations. One CSV file per
/// register, documented in `docs/measures.md`; every row names the ministry (agency code) it belongs to,
/// and nothing in any of them is about a person.
public enum MeasureFile: String, Sendable, CaseIterable, Comparable, Codable {
    // Import order: a file's references point only to files before it (a distribution to its material).
    case materials, distributions, campaigns, trainings, funding, agreements, engagements
    case legalAssistance = "legal-assistance"
    case enforcement, consultations, series

    public var fileName: String { rawValue + ".csv" }

    public struct Column: Sendable, Hashable {
        public let name: String
        public let required: Bool
        /// Stored as an integer, so that figures add up in SQL as well as in Swift.
        public let integer: Bool
    }

    public var columns: [Column] {
        func c(_ name: String, _ required: Bool = false) -> Column { Column(name: name, required: required, integer: false) }
        func n(_ name: String, _ required: Bool = false) -> Column { Column(name: name, required: required, integer: true) }
        switch self {
        case .materials:
            return [c("material_id", true), c("ministry", true), c("kind", true), c("title_en", true), c("title_ja"), c("audience"),
                    c("languages"), n("copies"), c("approximate"), n("fiscal_year"), c("since"), c("report_figure"), c("source")]
        case .distributions:
            return [c("distribution_id", true), c("material_id", true), c("ministry", true), n("fiscal_year"), n("copies"), n("places"),
                    c("approximate"), c("recipients"), c("source")]
        case .campaigns:
            return [c("campaign_id", true), c("ministry", true), c("name_en", true), c("name_ja"), n("year", true), c("starts_on"),
                    c("ends_on"), c("recurring"), c("channels"), n("reach"), c("source")]
        case .trainings:
            return [c("training_id", true), c("ministry", true), c("kind", true), c("course_en", true), c("course_ja"), n("year"),
                    n("fiscal_year"), c("held"), c("until"), c("attendees"), c("countries"), c("mode"), c("implementer"), c("source")]
        case .funding:
            return [c("funding_id", true), c("ministry", true), c("recipient", true), c("project_en", true), c("project_ja"),
                    n("fiscal_year"), n("amount"), c("currency"), c("approximate"), c("countries"), c("region"), c("starts"), c("ends"),
                    c("source")]
        case .agreements:
            return [c("agreement_id", true), c("ministry", true), c("kind", true), c("subject", true), c("counterpart", true),
                    c("title_en"), c("title_ja"), c("diet_approved"), c("signed"), c("in_force"), c("source")]
        case .engagements:
            return [c("engagement_id", true), c("ministry", true), c("kind", true), c("name_en", true), c("name_ja"), c("series"),
                    n("ordinal"), c("starts", true), c("ends"), c("place"), c("online"), n("participants"), c("countries"), c("partner"),
                    c("source")]
        case .legalAssistance:
            return [c("ministry", true), n("year", true), c("direction", true), c("country", true), c("status", true),
                    n("requests", true), c("source")]
        case .enforcement:
            return [c("aggregate_id", true), c("ministry", true), n("year", true), c("offence_group", true), c("counted", true),
                    n("persons"), n("cases"), n("units"), c("unit"), c("starts_on"), c("ends_on"), c("countries"), n("persons_in_japan"),
                    c("preliminary"), c("source")]
        case .consultations:
            return [c("service_id", true), c("ministry", true), c("period", true), c("language", true), c("topic", true),
                    c("channel", true), n("count", true), c("unit"), c("as_of"), c("source")]
        case .series:
            return [c("series_id", true), c("ministry", true), c("period", true), n("value", true), c("unit", true), c("since"),
                    c("as_of"), c("cumulative"), c("source")]
        }
    }

    public var columnNames: [String] { columns.map(\.name) }

    /// The columns that identify a row: importing a row with the same key replaces it.
    public var keyColumns: [String] {
        switch self {
        case .legalAssistance: ["year", "direction", "country", "status"]
        case .consultations: ["service_id", "period", "language", "topic", "channel"]
        case .series: ["series_id", "period"]
        default: [columns[0].name]
        }
    }

    /// The table that stores the register.
    public var tableName: String { "measure_" + rawValue.replacingOccurrences(of: "-", with: "_") }

    /// The register's name on pages, in both languages.
    public func title(_ language: Language) -> String {
        let (en, ja): (String, String) = switch self {
        case .materials: ("Materials", "啓発資料")
        case .distributions: ("Distributions", "配布")
        case .campaigns: ("Campaigns", "キャンペーン")
        case .trainings: ("Trainings and meetings", "研修・会議")
        case .funding: ("Funding", "拠出")
        case .agreements: ("Agreements", "条約・協定・協力覚書")
        case .engagements: ("International engagements", "国際会議・協力")
        case .legalAssistance: ("Mutual legal assistance", "国際捜査共助")
        case .enforcement: ("Enforcement of related offences", "関連犯罪の取締り")
        case .consultations: ("Consultations", "相談件数")
        case .series: ("Figures before CTIP", "過去の数値")
        }
        return language == .ja ? ja : en
    }

    public static func < (lhs: MeasureFile, rhs: MeasureFile) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    public init?(fileName: String) {
        guard fileName.hasSuffix(".csv"), let file = MeasureFile(rawValue: String(fileName.dropLast(4))) else { return nil }
        self = file
    }
}
