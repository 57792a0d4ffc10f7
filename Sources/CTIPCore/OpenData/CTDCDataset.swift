/// The quasi-identifiers of one published CTDC row, as the strings written to the file: exact
/// (`2023`, `24--26`, `PH`) or generalised by a `KAnonymityPlan` (`2020--2024`, `18+`, `South-eastern Asia`,
/// `all`). Two rows with equal identifiers are in the same equivalence class. The sensitive attribute
/// (the form of exploitation) is deliberately not part of it.
public struct CTDCQuasiIdentifiers: Hashable, Sendable {
    /// `yearOfRegistration`: `2023`, a five-year span `2020--2024`, or `all`.
    public var year: String
    /// `gender`: `Female`, `Male`, `Transgender/NonConforming`, or missing (never generalised).
    public var gender: String
    /// `ageBroad`: a CTDC band (`24--26`), `0--17` / `18+`, `all`, or missing.
    public var ageBroad: String
    /// `citizenship`: ISO 3166-1 alpha-2 (`PH`), an M49 sub-region or region name, `all`, or missing.
    public var citizenship: String
    /// `CountryOfExploitation`: always `JP` (never generalised).
    public var countryOfExploitation: String

    public init(year: String, gender: String, ageBroad: String, citizenship: String, countryOfExploitation: String) {
        self.year = year; self.gender = gender; self.ageBroad = ageBroad; self.citizenship = citizenship
        self.countryOfExploitation = countryOfExploitation
    }
}

/// CTDC's k-anonymised global dataset (docs/open-data.md §2): the 63 columns of the 2020/2021 releases in
/// their order, and the row CTIP writes for one victim.
///
/// Value conventions:
/// - **missing is an empty cell** (`CTDCDataset.missing`). CTDC's 2018–2020 files wrote `-99`; what later
///   files use is unverified (§2.2). An empty cell is what CSV readers treat as missing without being told
///   (pandas reads `-99` as a number), and it cannot be mistaken for a value; a reader expecting `-99` maps
///   empty cells to it. CTIP decision.
/// - flags are `1` / `0`; a flag CTIP has no source for is missing, not `0`.
/// - `…Concatenated` columns join the labels of the flags set to 1 with `;`, in column order; missing
///   when every flag of the group is missing.
/// - a generalised-away quasi-identifier is `all` (`CTDCDataset.all`), distinct from missing.
///
/// Nothing identifying can appear: a row is built from `OpenDataVictim` (no name, date, document, contact,
/// whereabouts, free text or record identifier) and from the quasi-identifiers a plan published.
public enum CTDCDataset {
    /// The 63 columns, in the order of CTDC's 2020 and 2021 k-anonymised releases (§2.2).
    public static let columns: [String] = [
        "yearOfRegistration", "Datasource", "gender", "ageBroad", "majorityStatus", "majorityStatusAtExploit",
        "majorityEntry", "citizenship",
        "meansOfControlDebtBondage", "meansOfControlTakesEarnings", "meansOfControlRestrictsFinancialAccess",
        "meansOfControlThreats", "meansOfControlPsychologicalAbuse", "meansOfControlPhysicalAbuse",
        "meansOfControlSexualAbuse", "meansOfControlFalsePromises", "meansOfControlPsychoactiveSubstances",
        "meansOfControlRestrictsMovement", "meansOfControlRestrictsMedicalCare", "meansOfControlExcessiveWorkingHours",
        "meansOfControlUsesChildren", "meansOfControlThreatOfLawEnforcement", "meansOfControlWithholdsNecessities",
        "meansOfControlWithholdsDocuments", "meansOfControlOther", "meansOfControlNotSpecified",
        "meansOfControlConcatenated",
        "isForcedLabour", "isSexualExploit", "isOtherExploit", "isSexAndLabour", "isForcedMarriage", "isForcedMilitary",
        "isOrganRemoval", "isSlaveryAndPractices", "typeOfExploitConcatenated",
        "typeOfLabourAgriculture", "typeOfLabourAquafarming", "typeOfLabourBegging", "typeOfLabourConstruction",
        "typeOfLabourDomesticWork", "typeOfLabourHospitality", "typeOfLabourIllicitActivities", "typeOfLabourManufacturing",
        "typeOfLabourMiningOrDrilling", "typeOfLabourPeddling", "typeOfLabourTransportation", "typeOfLabourOther",
        "typeOfLabourNotSpecified", "typeOfLabourConcatenated",
        "typeOfSexProstitution", "typeOfSexPornography", "typeOfSexRemoteInteractiveServices",
        "typeOfSexPrivateSexualServices", "typeOfSexConcatenated",
        "isAbduction", "RecruiterRelationship", "CountryOfExploitation",
        "recruiterRelationIntimatePartner", "recruiterRelationFriend", "recruiterRelationFamily",
        "recruiterRelationOther", "recruiterRelationUnknown",
    ]

    /// The quasi-identifier columns, the columns k-anonymity is checked over.
    public static let quasiIdentifierColumns: [String] = ["yearOfRegistration", "gender", "ageBroad", "citizenship", "CountryOfExploitation"]
    /// The sensitive attribute (l-diversity): the form of exploitation.
    public static let sensitiveColumn = "typeOfExploitConcatenated"

    /// A missing value: an empty cell (see the type's documentation).
    public static let missing = ""
    /// A quasi-identifier generalised to its top level (every record the same value).
    public static let all = "all"
    /// `Datasource`. CTDC's exact values are unverified (§2.2: case management vs hotline); every CTIP row
    /// comes from case records, so CTIP writes this constant. CTIP decision.
    public static let datasource = "Case Management"
    /// `CountryOfExploitation`: the bundle records victims recognised in Japan and has no country of
    /// exploitation, so CTIP assumes Japan for every record (as for HTCDS `hte_Country`). CTIP decision.
    public static let countryOfExploitation = "JP"

    // MARK: Quasi-identifiers at the finest level

    /// CTDC's `ageBroad` bands (third-party, §2.2), in order.
    public static let ageBands: [String] = ["0--8", "9--17", "18--20", "21--23", "24--26", "27--29", "30--38", "39--47", "48+"]
    /// The bands of minors (below 18); the others are adults.
    static let minorBands: Set<String> = ["0--8", "9--17", "0--17"]
    static let adultBands: Set<String> = ["18--20", "21--23", "24--26", "27--29", "30--38", "39--47", "48+", "18+"]

    /// The index in `ageBands` of an age at registration; nil when the age is unknown or negative.
    static func ageBandIndex(_ age: Int?) -> Int? {
        guard let age, age >= 0 else { return nil }
        switch age {
        case 0...8: return 0
        case 9...17: return 1
        case 18...20: return 2
        case 21...23: return 3
        case 24...26: return 4
        case 27...29: return 5
        case 30...38: return 6
        case 39...47: return 7
        default: return 8
        }
    }

    /// `ageBroad` for an age at registration (`victims.age`); missing when not known.
    public static func ageBroad(_ age: Int?) -> String {
        ageBandIndex(age).map { ageBands[$0] } ?? missing
    }

    /// `gender`: `female`→`Female`, `male`→`Male`, `other`→`Transgender/NonConforming` (CTIP decision: CTIP
    /// records sex, CTDC gender), `unknown`→missing.
    public static func gender(_ sex: Sex) -> String {
        switch sex {
        case .female: return "Female"
        case .male: return "Male"
        case .other: return "Transgender/NonConforming"
        case .unknown: return missing
        }
    }

    /// `citizenship`: the alpha-2 code of `countries.csv` for an alpha-3 nationality; `UNK` (or a code not in
    /// the list) → missing. CTDC wrote `00` for unknown; CTIP writes missing like every other unknown.
    public static func citizenship(_ nationality: String, codeLists: CodeLists = .shipped) -> String {
        guard let country = codeLists.countries[nationality], country.kind != .unknown, !country.alpha2.isEmpty else { return missing }
        return country.alpha2
    }

    /// The quasi-identifiers of a victim at the finest level (nothing generalised): what k = 1 publishes.
    public static func identifiers(_ victim: OpenDataVictim, codeLists: CodeLists = .shipped) -> CTDCQuasiIdentifiers {
        CTDCQuasiIdentifiers(year: String(victim.year), gender: gender(victim.sex), ageBroad: ageBroad(victim.age),
                             citizenship: citizenship(victim.nationality, codeLists: codeLists),
                             countryOfExploitation: countryOfExploitation)
    }

    /// `majorityStatus` from the published `ageBroad` (not from the exact age, which would undo a
    /// generalisation): `Minor` below 18, `Adult` from 18, missing when `ageBroad` is missing or `all`.
    public static func majorityStatus(ageBroad: String) -> String {
        if minorBands.contains(ageBroad) { return "Minor" }
        if adultBands.contains(ageBroad) { return "Adult" }
        return missing
    }

    // MARK: Sensitive attribute

    /// `typeOfExploitConcatenated` for a form of exploitation: the label of the one flag CTIP sets
    /// (`hostess` and `labour` are both forced labour, §2.2). Labels in CTDC's sentence case (third-party).
    public static func exploitationLabel(_ exploitation: Exploitation) -> String {
        switch exploitation {
        case .sexual: return "Sexual exploitation"
        case .hostess, .labour: return "Forced labour"
        case .organ: return "Organ removal"
        case .other: return "Other"
        }
    }

    // MARK: The row

    private static func flag(_ value: Bool) -> String { value ? "1" : "0" }
    private static let notSpecified = "Not specified"

    /// One CSV row of 63 cells for `victim`, its quasi-identifiers taken from `identifiers` (a plan's
    /// `identifiers(for:)`, or `identifiers(_:)` for the finest level). Column by column (§2.2):
    ///
    /// - 1 `yearOfRegistration`, 3 `gender`, 4 `ageBroad`, 8 `citizenship`, 58 `CountryOfExploitation`: from
    ///   `identifiers`; 5 `majorityStatus` from the published `ageBroad`; 6–7 not collected: missing.
    /// - 2 `Datasource`: `CTDCDataset.datasource`.
    /// - 9–25 methods of control: missing (screenings are sealed and never in this public export);
    ///   26 `meansOfControlNotSpecified` = 1; 27 = `Not specified`.
    /// - 28–35 forms of exploitation: 1/0 from `victim.exploitation` (`hostess`, `labour` → forced labour;
    ///   one form per victim, so `isSexAndLabour` = 0; forced marriage, military, slavery = 0); 36 their label.
    /// - 37–50 type of labour, for forced labour only (else missing): `hostess` → Hospitality, `labour` →
    ///   Not specified (CTIP decision), the other flags 0.
    /// - 51–57: not collected per victim → missing.
    /// - 59–63: recruiter relation not collected → `recruiterRelationUnknown` = 1, the others missing.
    public static func row(_ victim: OpenDataVictim, identifiers: CTDCQuasiIdentifiers) -> [String] {
        var row: [String] = []
        row.reserveCapacity(columns.count)
        // 1–8
        row.append(identifiers.year)
        row.append(datasource)
        row.append(identifiers.gender)
        row.append(identifiers.ageBroad)
        row.append(majorityStatus(ageBroad: identifiers.ageBroad))
        row.append(missing)                                   // majorityStatusAtExploit
        row.append(missing)                                   // majorityEntry
        row.append(identifiers.citizenship)
        // 9–27 means of control: never in the public export.
        row.append(contentsOf: Array(repeating: missing, count: 17))
        row.append("1")                                       // meansOfControlNotSpecified
        row.append(notSpecified)                              // meansOfControlConcatenated
        // 28–36 forms of exploitation
        let exploitation = victim.exploitation
        let forcedLabour = exploitation == .hostess || exploitation == .labour
        row.append(flag(forcedLabour))                        // isForcedLabour
        row.append(flag(exploitation == .sexual))             // isSexualExploit
        row.append(flag(exploitation == .other))              // isOtherExploit
        row.append("0")                                       // isSexAndLabour
        row.append("0")                                       // isForcedMarriage
        row.append("0")                                       // isForcedMilitary
        row.append(flag(exploitation == .organ))              // isOrganRemoval
        row.append("0")                                       // isSlaveryAndPractices
        row.append(exploitationLabel(exploitation))           // typeOfExploitConcatenated
        // 37–50 type of labour (13 flags + label): Agriculture … Hospitality (6th) … NotSpecified (13th).
        if forcedLabour {
            let hospitality = exploitation == .hostess
            var flags = Array(repeating: "0", count: 13)
            flags[hospitality ? 5 : 12] = "1"
            row.append(contentsOf: flags)
            row.append(hospitality ? "Hospitality" : notSpecified)
        } else {
            row.append(contentsOf: Array(repeating: missing, count: 14))
        }
        // 51–57 type of sex exploitation, abduction, recruiter relationship: not collected per victim.
        row.append(contentsOf: Array(repeating: missing, count: 7))
        // 58
        row.append(identifiers.countryOfExploitation)
        // 59–63 recruiter relation: IntimatePartner, Friend, Family, Other missing; Unknown = 1.
        row.append(contentsOf: Array(repeating: missing, count: 4))
        row.append("1")
        assert(row.count == columns.count)
        return row
    }
}
