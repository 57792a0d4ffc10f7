/// The kind of organisation an agency is. The bundle's `protected_by` and `agency` columns use the
/// coarse kinds (`bundleCode`); case work needs the agency itself (which prefecture's police, which centre).
public enum AgencyKind: String, CaseIterable, Codable, Sendable {
    case ministry
    case police
    case coastGuard = "coast_guard"
    case immigration
    case labourInspection = "labour_inspection"
    case womenSupportCenter = "women_support_center"
    case otit
    case houterasu
    case humanRightsBureau = "moj_human_rights"
    case iom
    case ngo
    case hotline
    case other

    /// The value this kind takes in the bundle's `protected_by` / `agency` columns.
    public var bundleCode: String {
        switch self {
        case .police, .coastGuard, .immigration, .labourInspection, .womenSupportCenter, .ngo: rawValue
        default: "other"
        }
    }

    /// Agencies that clear cases and send suspects to prosecutors: they record suspects and trials.
    public var investigates: Bool { self == .police || self == .coastGuard }

    /// Agencies that take part in a victim's protection: they may protect the person, take a step of
    /// the timeline or receive a referral. The hot lines pass reports to the police instead.
    public var protectsVictims: Bool { self != .hotline }

    /// The heading agencies of this kind are listed under.
    public func name(_ language: Language) -> String {
        let (en, ja): (String, String) = switch self {
        case .ministry: ("Ministries and agencies", "府省庁")
        case .police: ("Prefectural police", "都道府県警察")
        case .coastGuard: ("Japan Coast Guard", "海上保安庁")
        case .immigration: ("Immigration Services", "出入国在留管理")
        case .labourInspection: ("Labour Bureaus", "労働局")
        case .womenSupportCenter: ("Women's Counseling and Support Centers", "女性相談支援センター")
        case .otit: ("Organization for Technical Intern Training", "外国人技能実習機構")
        case .houterasu: ("Japan Legal Support Center", "法テラス")
        case .humanRightsBureau: ("Human rights organs of the Ministry of Justice", "法務省の人権擁護機関")
        case .iom: ("International Organization for Migration", "国際移住機関")
        case .ngo: ("NGOs", "NGO")
        case .hotline: ("Hot lines", "通報窓口")
        case .other: ("Other", "その他")
        }
        return language == .ja ? ja : en
    }
}

/// An organisation whose staff use CTIP.
public struct Agency: Sendable, Hashable, Codable {
    public let code: String
    public let kind: AgencyKind
    /// ISO 3166-2:JP for prefectural bodies; nil for national ones.
    public let prefecture: String?
    public let nameEN: String
    public let nameJA: String

    public init(code: String, kind: AgencyKind, prefecture: String?, nameEN: String, nameJA: String) {
        self.code = code; self.kind = kind; self.prefecture = prefecture; self.nameEN = nameEN; self.nameJA = nameJA
    }

    public func name(_ language: Language) -> String { language == .ja ? nameJA : nameEN }
}

/// The agencies CTIP knows from the start: the ministries and agencies of the seed's Figure 41, then for
/// each prefecture its police, Women's Counseling and Support Center and Labour Bureau (whose Labour
/// Standards Inspection Offices inspect workplaces), the eight Regional Immigration Services Bureaus,
/// the OTIT, Houterasu, the human rights organs of the Ministry of Justice and IOM. NGOs are added by
/// administrators as they join.
public enum StandardAgencies {
    public static func all(_ codeLists: CodeLists = .shipped) -> [Agency] {
        var agencies = national
        for code in codeLists.prefectureOrder {
            let prefecture = codeLists.prefectures[code]!
            let number = code.replacingOccurrences(of: "JP-", with: "")
            let policeEN = code == "JP-13" ? "Tokyo Metropolitan Police Department" : "\(prefecture.en) Prefectural Police"
            let policeJA = code == "JP-13" ? "警視庁" : "\(prefecture.ja)警察"
            agencies.append(Agency(code: "police-\(number)", kind: .police, prefecture: code, nameEN: policeEN, nameJA: policeJA))
            agencies.append(Agency(code: "wcsc-\(number)", kind: .womenSupportCenter, prefecture: code,
                                   nameEN: "\(prefecture.en) Women's Counseling and Support Center", nameJA: "\(prefecture.ja)女性相談支援センター"))
            agencies.append(Agency(code: "labour-\(number)", kind: .labourInspection, prefecture: code,
                                   nameEN: "\(prefecture.en) Labour Bureau (Labour Standards Inspection Offices)",
                                   nameJA: "\(shortName(prefecture.ja))労働局（労働基準監督署）"))
        }
        agencies += immigrationBureaus
        return agencies
    }

    /// 東京都 → 東京, 京都府 → 京都, 北海道 stays: the labour bureaus are named without the suffix.
    static func shortName(_ japanese: String) -> String {
        guard let last = japanese.last, "都府県".contains(last) else { return japanese }
        return String(japanese.dropLast())
    }

    static let national: [Agency] = [
        Agency(code: "cas", kind: .ministry, prefecture: nil, nameEN: "Cabinet Secretariat", nameJA: "内閣官房"),
        Agency(code: "cao", kind: .ministry, prefecture: nil, nameEN: "Cabinet Office", nameJA: "内閣府"),
        Agency(code: "npa", kind: .police, prefecture: nil, nameEN: "National Police Agency", nameJA: "警察庁"),
        Agency(code: "caa", kind: .ministry, prefecture: nil, nameEN: "Consumer Affairs Agency", nameJA: "消費者庁"),
        Agency(code: "cfa", kind: .ministry, prefecture: nil, nameEN: "Children and Families Agency", nameJA: "こども家庭庁"),
        Agency(code: "moj", kind: .ministry, prefecture: nil, nameEN: "Ministry of Justice", nameJA: "法務省"),
        Agency(code: "moj_human_rights", kind: .humanRightsBureau, prefecture: nil,
               nameEN: "Human Rights Bureau, Ministry of Justice", nameJA: "法務省人権擁護局"),
        Agency(code: "isa", kind: .immigration, prefecture: nil, nameEN: "Immigration Services Agency", nameJA: "出入国在留管理庁"),
        Agency(code: "mofa", kind: .ministry, prefecture: nil, nameEN: "Ministry of Foreign Affairs", nameJA: "外務省"),
        Agency(code: "mext", kind: .ministry, prefecture: nil, nameEN: "Ministry of Education, Culture, Sports, Science and Technology", nameJA: "文部科学省"),
        Agency(code: "mhlw", kind: .ministry, prefecture: nil, nameEN: "Ministry of Health, Labour and Welfare", nameJA: "厚生労働省"),
        Agency(code: "maff", kind: .ministry, prefecture: nil, nameEN: "Ministry of Agriculture, Forestry and Fisheries", nameJA: "農林水産省"),
        Agency(code: "meti", kind: .ministry, prefecture: nil, nameEN: "Ministry of Economy, Trade and Industry", nameJA: "経済産業省"),
        Agency(code: "mlit", kind: .ministry, prefecture: nil, nameEN: "Ministry of Land, Infrastructure, Transport and Tourism", nameJA: "国土交通省"),
        Agency(code: "jica", kind: .ministry, prefecture: nil, nameEN: "Japan International Cooperation Agency (JICA)", nameJA: "独立行政法人国際協力機構（JICA）"),
        Agency(code: "jcg", kind: .coastGuard, prefecture: nil, nameEN: "Japan Coast Guard", nameJA: "海上保安庁"),
        Agency(code: "otit", kind: .otit, prefecture: nil, nameEN: "Organization for Technical Intern Training", nameJA: "外国人技能実習機構"),
        Agency(code: "houterasu", kind: .houterasu, prefecture: nil, nameEN: "Japan Legal Support Center (Houterasu)", nameJA: "日本司法支援センター（法テラス）"),
        Agency(code: "iom", kind: .iom, prefecture: nil, nameEN: "International Organization for Migration (IOM)", nameJA: "国際移住機関（IOM）"),
    ]

    static let immigrationBureaus: [Agency] = [
        ("sapporo", "JP-01", "Sapporo", "札幌"), ("sendai", "JP-04", "Sendai", "仙台"), ("tokyo", "JP-13", "Tokyo", "東京"),
        ("nagoya", "JP-23", "Nagoya", "名古屋"), ("osaka", "JP-27", "Osaka", "大阪"), ("hiroshima", "JP-34", "Hiroshima", "広島"),
        ("takamatsu", "JP-37", "Takamatsu", "高松"), ("fukuoka", "JP-40", "Fukuoka", "福岡"),
    ].map { code, prefecture, en, ja in
        Agency(code: "isa-\(code)", kind: .immigration, prefecture: prefecture,
               nameEN: "\(en) Regional Immigration Services Bureau", nameJA: "\(ja)出入国在留管理局")
    }
}
