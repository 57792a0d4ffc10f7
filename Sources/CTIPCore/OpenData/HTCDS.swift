/// The IOM Human Trafficking Case Data Standard (HTCDS) 2.0 export (`ctip open-data htcds`): CTIP's
/// records under the standard's field names and code lists, for exchange with IOM and other agencies.
///
/// The mapping lives here as data (`fields`) and as functions (the code mappings and the row builders),
/// and `docs/htcds-mapping.md` is `markdownTable()` of the same data, so the documentation cannot drift
/// from what the export writes. Facts: `docs/open-data.md` §1 (prefixes and code lists §1.1–1.2, CTIP's
/// methods of control §1.3, the fields CTIP fills §1.4 and does not §1.5).
///
/// The export is personal data: it is for staff with the `exportCaseData` permission, and audited. What
/// identifies or locates a person (names, dates of birth, document numbers, contact details,
/// whereabouts, free text, exact dates, CTIP's record identifiers, staff identities) is never exported:
/// `OpenDataVictim` has no place for it, and no column here carries it. Rows are linked by a fresh random
/// key per export (`keyColumn`), never a CTIP identifier.
public enum HTCDS {
    /// One field the standard defines, and what CTIP does with it.
    public struct Field: Sendable, Equatable {
        public enum Status: String, Sendable, CaseIterable {
            /// A column of the export, with `source` and the transformation `rule`.
            case filled
            /// Not collected by CTIP (or deprecated, or a different entity): `rule` says why.
            case notFilled = "not_filled"
            /// CTIP has (or could have) the data, but it identifies or locates a person: never exported.
            case neverExported = "never_exported"

            /// As the mapping table prints it.
            public var label: String {
                switch self {
                case .filled: return "yes"
                case .notFilled: return "no"
                case .neverExported: return "**never exported**"
                }
            }
        }

        /// The field name including its prefix, as the `.ods` field list spells it (`vic_MethodsOfControl`).
        public let name: String
        /// The entity's prefix (`prs_`, `vic_`, `per_`, `org_`, `cas_`, `cco_`, `hte_`, `spl_`, `con_`).
        public let entity: String
        public let status: Status
        /// Where the value comes from in CTIP (empty: nowhere).
        public let source: String
        /// How the value is derived, or why it is not exported.
        public let rule: String

        public init(name: String, entity: String, status: Status, source: String, rule: String) {
            self.name = name; self.entity = entity; self.status = status; self.source = source; self.rule = rule
        }
    }

    private static func field(_ name: String, _ status: Field.Status, _ source: String, _ rule: String) -> Field {
        let entity = name.split(separator: "_", maxSplits: 1).first.map { String($0) + "_" } ?? ""
        return Field(name: name, entity: entity, status: status, source: source, rule: rule)
    }

    /// Every field of HTCDS 2.0 (`HTCDS Field Standards 2.0.ods`), entity by entity in the standard's order.
    /// One entry per line: `docs/htcds-mapping.md` is rendered from these by `markdownTable()`.
    public static let fields: [Field] = [
        field("org_Name", .neverExported, "", "never for shelters (Women's Counseling and Support Centers, private shelters, MOJ accommodation): a name locates protected persons; not needed beside `org_Type`"),
        field("org_ShippingCity", .neverExported, "", "an address locates protected persons (shelters)"),
        field("org_ShippingCountry", .neverExported, "", "an address locates protected persons (shelters)"),
        field("org_ShippingState", .neverExported, "", "an address locates protected persons (shelters)"),
        field("org_ShippingStreet", .neverExported, "", "an address locates protected persons (shelters)"),
        field("org_ShippingPostalCode", .neverExported, "", "an address locates protected persons (shelters)"),
        field("org_ShippingLongitude", .neverExported, "", "a position locates protected persons (shelters)"),
        field("org_ShippingLatitude", .neverExported, "", "a position locates protected persons (shelters)"),
        field("org_Phone", .neverExported, "", "a shelter's contact details locate protected persons"),
        field("org_Type", .filled, "`victims.protected_by`", "the type of the agency that put the person under protection: `police`, `coast_guard`→`LawEnforcement`; `immigration`→`ImmigrationService`; `labour_inspection`→`CentralGovernmentOrganisation`; `women_support_center`→`LocalGovernmentOrganisation`; `ngo`→`NGO`; `other` or empty→empty (CTIP decision); a type only, never a name"),
        field("prs_Salutation", .neverExported, "`VictimIdentity.name` (sealed)", "identifying"),
        field("prs_FirstName", .neverExported, "`VictimIdentity.name` (sealed)", "identifying"),
        field("prs_MiddleName", .neverExported, "`VictimIdentity.name` (sealed)", "identifying"),
        field("prs_SecondName", .neverExported, "`VictimIdentity.name` (sealed)", "identifying"),
        field("prs_Birthdate", .neverExported, "`VictimIdentity.dateOfBirth` (sealed)", "identifying; exact dates are never exported"),
        field("prs_Gender", .filled, "`victims.sex`, `suspects.sex`", "`female`→`Feminine`, `male`→`Masculine`, `other`→`NonConforming`, `unknown`→`NonSpecifiedUnknown` (CTIP decision: CTIP records sex, HTCDS gender; `other`→`NonConforming` is lossy)"),
        field("prs_Deceased", .notFilled, "", "not collected"),
        field("prs_MaritalStatus", .notFilled, "", "not collected"),
        field("prs_NumberOfChildren", .notFilled, "", "not collected"),
        field("prs_PrimaryLanguage", .neverExported, "`VictimContact.language` (sealed)", "identifying for small language groups"),
        field("prs_SecondaryLanguage", .notFilled, "", "not collected"),
        field("prs_HighestLevelOfEducation", .notFilled, "", "not collected"),
        field("prs_Citizenship", .filled, "`victims.nationality`, `suspects.nationality` (ISO 3166-1 alpha-3)", "alpha-3 → alpha-2 by column `alpha2` of `countries.csv` (`JPN`→`JP`, `TWN`→`TW`, `HKG`→`HK`); `UNK`→empty; one value"),
        field("prs_IdentityNumber", .neverExported, "`VictimIdentity.document` (sealed)", "identifying"),
        field("prs_Title", .neverExported, "", "staff only; staff identities are never exported"),
        field("prs_Email", .neverExported, "`VictimContact` (sealed)", "identifying"),
        field("prs_HomePhone", .neverExported, "`VictimContact` (sealed)", "identifying"),
        field("prs_MobilePhone", .neverExported, "`VictimContact` (sealed)", "identifying"),
        field("prs_MailingCity", .neverExported, "`Whereabouts` (sealed)", "locates a protected person"),
        field("prs_MailingCountry", .neverExported, "`Whereabouts` (sealed)", "locates a protected person"),
        field("prs_MailingState", .neverExported, "`Whereabouts` (sealed)", "locates a protected person"),
        field("prs_MailingStreet", .neverExported, "`Whereabouts` (sealed)", "locates a protected person"),
        field("prs_MailingPostalCode", .neverExported, "`Whereabouts` (sealed)", "locates a protected person"),
        field("prs_MailingLongitude", .neverExported, "`Whereabouts` (sealed)", "locates a protected person"),
        field("prs_MailingLatitude", .neverExported, "`Whereabouts` (sealed)", "locates a protected person"),
        field("vic_AgreementToManagePersonalData", .notFilled, "", "deprecated in 2.0"),
        field("vic_TraffickingStatus", .filled, "every `victims.csv` row", "constant `ActualVictimOfTrafficking`: every exported victim was put under protection (CTIP decision; a screening could give `PossibleVictimOfTrafficking`, but screenings are sealed)"),
        field("vic_TraffickingStatusDecisionMakingOrg", .filled, "`victims.protected_by`", "`police`, `coast_guard`→`Police`; `immigration`, `labour_inspection`, `women_support_center`→`NonPoliceGovernmentalOrganization`; `ngo`→`NGO`; `other`→`Other`; empty→empty (CTIP decision)"),
        field("vic_RelationshipToTrafficker", .notFilled, "", "not collected"),
        field("vic_AgeWhenTrafficked", .notFilled, "", "not collected: CTIP's `victims.age` is the age when put under protection, a different quantity"),
        field("vic_RecruitmentWebsitesAndApps", .notFilled, "", "not collected"),
        field("vic_MethodOfRecruitment", .notFilled, "", "not collected"),
        field("vic_LocationOfRecruitment", .notFilled, "", "not collected; a named place would identify"),
        field("vic_MethodsOfControl", .filled, "`StoredScreening.answers.controlMethods` (sealed)", "empty unless the export is given the screening's coded methods (the team's decision; never reasons or free text); 12 codes verbatim, `ThreatsToFamily`→`ThreatensChildrenFamily`, `ThreatOfLawEnforcement`→`ThreatsLawEnforcement`, `PsychoactiveSubstances`→`PsychoactiveSubstance`; no 2.0 code: `WithholdsWages`→`TakesEarnings` (nearest), `RestrictsMovement`→`Other`, `AbusesVulnerability`→`Other` (none dropped); de-duplicated, in the standard's order, `;`-joined"),
        field("vic_TypeOfExploitation", .filled, "`victims.exploitation`", "`sexual`→`SexualExploitation`; `hostess`, `labour`→`ForcedLabour`; `organ`→`OrganRemoval`; `other`→`Other` (CTIP decision: hostess as forced labour, as Japan's GLOTIP figures add up); one value"),
        field("vic_ForcedLabourIndustry", .notFilled, "", "not collected (for `hostess`, `I_` or `R_` would be a guess)"),
        field("vic_TypeOfSexExploitation", .notFilled, "", "not collected per victim (charges belong to suspects)"),
        field("vic_LocationOfExploitation", .notFilled, "", "not collected; a named place would identify"),
        field("vic_ExploitationWebsitesAndApps", .notFilled, "", "not collected"),
        field("vic_Vulnerabilities", .notFilled, "", "deprecated in 2.0"),
        field("vic_DetailsOfVulnerabilities", .notFilled, "", "deprecated in 2.0"),
        field("per_RoleInProcess", .filled, "`suspects.broker`", "`true`→`RecruiterOrIntermediary`; `false`→empty (CTIP decision; `BrokerTravelAgent` was the alternative)"),
        field("per_RoleDetails", .neverExported, "", "free text"),
        field("per_Organisation", .notFilled, "", "not collected as a named organisation (`suspects.organized_crime` is yes or no); a name would identify"),
        field("cas_Status", .neverExported, "", "an HTCDS case is a support case, not CTIP's cleared criminal case (`cases.csv`); case work is not exported"),
        field("cas_ReasonForCaseClosure", .neverExported, "", "an HTCDS case is a support case, not CTIP's cleared criminal case (`cases.csv`); case work is not exported"),
        field("cas_CaseOwner", .neverExported, "", "a staff identity"),
        field("cas_ReferringOrganisation", .neverExported, "case work referrals", "who referred whom and when can locate a protected person"),
        field("cas_IncomingReferralDate", .neverExported, "case work referrals", "who referred whom and when can locate a protected person; exact dates are never exported"),
        field("cas_ReferringPrimaryCaseWorker", .neverExported, "", "a staff identity"),
        field("cas_ReasonForIncomingReferral", .neverExported, "case work referrals", "who referred whom and when can locate a protected person"),
        field("cas_IncomingReferralDetails", .neverExported, "case work referrals", "free text"),
        field("cas_ReferredOrganisation", .neverExported, "case work referrals", "who referred whom and when can locate a protected person"),
        field("cas_ReferredPrimaryCaseWorker", .neverExported, "", "a staff identity"),
        field("cas_ReasonForOutgoingReferral", .neverExported, "case work referrals", "who referred whom and when can locate a protected person"),
        field("cas_OutgoingReferralDate", .neverExported, "case work referrals", "who referred whom and when can locate a protected person; exact dates are never exported"),
        field("cas_OutgoingReferralDetails", .neverExported, "case work referrals", "free text"),
        field("cco_CaseComment", .neverExported, "", "free text"),
        field("hte_Longitude", .neverExported, "", "a location"),
        field("hte_Latitude", .neverExported, "", "a location"),
        field("hte_City", .neverExported, "", "a location"),
        field("hte_Country", .filled, "implicit: victims recognised in Japan", "constant `JP` (CTIP decision: the bundle has no country of exploitation, so this is an assumption for every record)"),
        field("hte_State", .neverExported, "", "a location"),
        field("hte_Street", .neverExported, "", "a location"),
        field("hte_PostalCode", .neverExported, "", "a location"),
        field("hte_Date", .neverExported, "", "exact dates are never exported, and the field is a full date: no year-only value fits"),
        field("hte_Type", .filled, "implicit: victims recognised in Japan", "constant `Exploitation`: one event per victim, the exploitation in Japan"),
        field("hte_Description", .neverExported, "", "free text"),
        field("spl_Objectives", .neverExported, "", "free text"),
        field("spl_ActionPlan", .neverExported, "", "free text"),
        field("spl_PlannedEndDate", .notFilled, "", "not collected (a support event has one date)"),
        field("spl_ActualEndDate", .notFilled, "", "not collected (a support event has one date)"),
        field("spl_Type", .filled, "`support.event`", "one row per event: `legal_aid`, `residence_status_change_permitted`, `period_of_stay_extended`, `special_permission_to_stay`→`Legal`; `wcsc_temporary_protection`, `private_shelter`, `moj_temporary_accommodation`→`SocialCare`; `iom_reintegration_support`→`Livelihood`; `isa_protection`, `iom_voluntary_return`→no row (no value in the list) (CTIP decision)"),
        field("con_Consent", .notFilled, "", "not collected (CTIP records consent to referral, not to the use of data)"),
    ]

    /// The field named `name`, if the standard defines it.
    public static func field(named name: String) -> Field? { fields.first { $0.name == name } }

    // MARK: - The standard's code lists (value names, `docs/open-data.md` §1.2)

    public static let genderCodes = ["Feminine", "Masculine", "TransgenderFeminine", "TransgenderMasculine", "NonConforming", "NonSpecifiedUnknown"]
    public static let traffickingStatusCodes = ["PossibleVictimOfTrafficking", "ActualVictimOfTrafficking", "NotAVictimOfTrafficking"]
    public static let decisionMakingOrgCodes = ["Police", "NGO", "CourtOrProsecution", "NonPoliceGovernmentalOrganization", "Other"]
    /// The 16 methods of control of the 2.0 picklist, in the standard's order (the order of `vic_MethodsOfControl` values).
    public static let methodsOfControlCodes = [
        "PhysicalThreats", "ThreatsLawEnforcement", "ThreatensChildrenFamily", "DebtBondage", "FalsePromises", "PhysicalAbuse",
        "SexualAbuse", "TakesEarnings", "RestrictsFinancialAccess", "RestrictsMedicalCare", "WithholdsNecessities",
        "PsychologicalAbuse", "PsychoactiveSubstance", "ExcessiveWorkingHours", "WithholdsDocuments", "Other",
    ]
    /// The 11 types of exploitation of 2.0.
    public static let typeOfExploitationCodes = [
        "ForcedLabour", "SexualExploitation", "ChildLabour", "ForcedMarriage", "Servitude", "ForcedMilitaryByNonStateActors",
        "OrganRemoval", "ForcedBegging", "ForcedAdoption", "Surrogacy", "Other",
    ]
    public static let roleInProcessCodes = [
        "TravellingPartner", "Transporter", "RecruiterOrIntermediary", "BrokerTravelAgent", "TransferredIndividual",
        "HarbouredIndividual", "SoldIndividual", "BoughtIndividual", "ReceivedIndividual", "ControlledIndividual", "Smuggler",
        "Abuser", "Kidnapper", "Exploiter", "Other",
    ]
    public static let organisationTypeCodes = [
        "NGO", "LawEnforcement", "HealthServiceOrganisation", "CentralGovernmentOrganisation", "LocalGovernmentOrganisation",
        "ImmigrationService", "LegalService", "CorporateBusiness", "SchoolOrCollege",
    ]
    public static let historicEventTypeCodes = ["Recruitment", "Transit", "Exploitation"]
    public static let supportTypeCodes = [
        "Education", "Financial", "Health", "LabourExploitationRehabilitation", "Legal", "Livelihood", "RightsBasedTraining",
        "SexualExploitationRehabilitation", "SocialCare",
    ]

    // MARK: - Code mappings

    /// `prs_Gender`. CTIP records sex, HTCDS gender expression: `other`→`NonConforming` is lossy (CTIP decision).
    public static func gender(_ sex: Sex) -> String {
        switch sex {
        case .female: return "Feminine"
        case .male: return "Masculine"
        case .other: return "NonConforming"
        case .unknown: return "NonSpecifiedUnknown"
        }
    }

    /// `prs_Citizenship`: ISO 3166-1 alpha-3 → alpha-2 by the shipped `countries.csv`; `UNK` (or a code
    /// not in the list) → empty.
    public static func citizenship(_ alpha3: String, codeLists: CodeLists = .shipped) -> String {
        guard alpha3 != "UNK", let country = codeLists.countries[alpha3] else { return "" }
        return country.alpha2
    }

    /// `vic_TraffickingStatus` of every exported victim: each was put under protection as a victim.
    public static let traffickingStatus = "ActualVictimOfTrafficking"

    /// `vic_TraffickingStatusDecisionMakingOrg`, from the agency that put the person under protection.
    public static func decisionMakingOrganisation(_ agency: ProtectingAgency) -> String {
        switch agency {
        case .police, .coastGuard: return "Police"
        case .immigration, .labourInspection, .womenSupportCenter: return "NonPoliceGovernmentalOrganization"
        case .ngo: return "NGO"
        case .other: return "Other"
        }
    }

    /// `org_Type` of an agency; `nil` for `other` (no type fits). A type only: never a shelter's name or address.
    public static func organisationType(_ agency: ProtectingAgency) -> String? {
        switch agency {
        case .police, .coastGuard: return "LawEnforcement"
        case .immigration: return "ImmigrationService"
        case .labourInspection: return "CentralGovernmentOrganisation"
        case .womenSupportCenter: return "LocalGovernmentOrganisation"
        case .ngo: return "NGO"
        case .other: return nil
        }
    }

    /// `vic_TypeOfExploitation`, one of the standard's 11 codes. Hostess work counts as forced labour (CTIP
    /// decision: that is how Japan's GLOTIP figures add up, `docs/open-data.md` §4.3).
    public static func typeOfExploitation(_ exploitation: Exploitation) -> String {
        switch exploitation {
        case .sexual: return "SexualExploitation"
        case .hostess, .labour: return "ForcedLabour"
        case .organ: return "OrganRemoval"
        case .other: return "Other"
        }
    }

    /// `vic_MethodsOfControl`, per `docs/open-data.md` §1.3. CTIP's codes differ from HTCDS 2.0 in six
    /// places: three are spelled differently (`ThreatsToFamily`, `ThreatOfLawEnforcement`,
    /// `PsychoactiveSubstances`) and three have no 2.0 code. Of those, `WithholdsWages` maps to the nearest
    /// code, `TakesEarnings`; `RestrictsMovement` and `AbusesVulnerability` map to `Other`. None is dropped.
    public static func methodOfControl(_ method: ControlMethod) -> String {
        switch method {
        case .physicalThreats: return "PhysicalThreats"
        case .physicalAbuse: return "PhysicalAbuse"
        case .sexualAbuse: return "SexualAbuse"
        case .psychologicalAbuse: return "PsychologicalAbuse"
        case .threatsToFamily: return "ThreatensChildrenFamily"
        case .threatOfLawEnforcement: return "ThreatsLawEnforcement"
        case .debtBondage: return "DebtBondage"
        case .takesEarnings: return "TakesEarnings"
        case .withholdsWages: return "TakesEarnings"
        case .restrictsFinancialAccess: return "RestrictsFinancialAccess"
        case .withholdsDocuments: return "WithholdsDocuments"
        case .restrictsMovement: return "Other"
        case .falsePromises: return "FalsePromises"
        case .abusesVulnerability: return "Other"
        case .psychoactiveSubstances: return "PsychoactiveSubstance"
        case .withholdsNecessities: return "WithholdsNecessities"
        case .excessiveWorkingHours: return "ExcessiveWorkingHours"
        case .restrictsMedicalCare: return "RestrictsMedicalCare"
        }
    }

    /// The `vic_MethodsOfControl` cell: mapped, de-duplicated, in the standard's order, `;`-joined; empty
    /// when the export was not given the methods (`nil`) or there are none.
    public static func methodsOfControl(_ methods: [ControlMethod]?) -> String {
        guard let methods else { return "" }
        let codes = Set(methods.map { methodOfControl($0) })
        return methodsOfControlCodes.filter { codes.contains($0) }.joined(separator: ";")
    }

    /// `spl_Type` of a support event; `nil` where the standard's list has no value (the Immigration
    /// Services Agency's protection, IOM's voluntary return): such events give no support row.
    public static func supportType(_ event: SupportEvent) -> String? {
        switch event {
        case .legalAid, .residenceStatusChangePermitted, .periodOfStayExtended, .specialPermissionToStay: return "Legal"
        case .wcscTemporaryProtection, .privateShelter, .mojTemporaryAccommodation: return "SocialCare"
        case .iomReintegrationSupport: return "Livelihood"
        case .isaProtection, .iomVoluntaryReturn: return nil
        }
    }

    /// `per_RoleInProcess`: a broker is a recruiter or intermediary (CTIP decision); otherwise empty.
    public static func roleInProcess(broker: Bool) -> String { broker ? "RecruiterOrIntermediary" : "" }

    /// `hte_Type` and `hte_Country` of the one trafficking event exported per victim (CTIP decision: the
    /// bundle has no country of exploitation; victims are recognised in Japan).
    public static let historicEventType = "Exploitation"
    public static let countryOfExploitation = "JP"

    // MARK: - Rows

    /// The first column of every file: a random key the CLI draws per person per export, linking a victim's
    /// support rows to their row. Not an HTCDS field, and never a CTIP identifier.
    public static let keyColumn = "export_key"

    /// One row per victim (`prs_` + `vic_` + the victim's `hte_` event + `org_Type` of the protecting agency).
    public static let victimColumns = [
        keyColumn, "prs_Gender", "prs_Citizenship", "vic_TraffickingStatus", "vic_TraffickingStatusDecisionMakingOrg",
        "vic_MethodsOfControl", "vic_TypeOfExploitation", "hte_Type", "hte_Country", "org_Type",
    ]

    /// `key`: the random per-export key of this person (never a CTIP identifier).
    public static func victimRow(_ victim: OpenDataVictim, key: String, codeLists: CodeLists = .shipped) -> [String] {
        [
            key,
            gender(victim.sex),
            citizenship(victim.nationality, codeLists: codeLists),
            traffickingStatus,
            victim.protectedBy.map { decisionMakingOrganisation($0) } ?? "",
            methodsOfControl(victim.controlMethods),
            typeOfExploitation(victim.exploitation),
            historicEventType,
            countryOfExploitation,
            victim.protectedBy.flatMap { organisationType($0) } ?? "",
        ]
    }

    /// One row per support event with an HTCDS type, linked to the victim's row by the same key.
    public static let supportColumns = [keyColumn, "spl_Type"]

    /// The victim's support events in the order given; events without an `spl_Type` value give no row;
    /// no rows when the export was not given the support (`nil`).
    public static func supportRows(_ victim: OpenDataVictim, key: String) -> [[String]] {
        (victim.support ?? []).compactMap { supportType($0) }.map { [key, $0] }
    }

    /// One row per suspect (`prs_` + `per_`).
    public static let perpetratorColumns = [keyColumn, "prs_Gender", "prs_Citizenship", "per_RoleInProcess"]

    /// `key`: a random per-export key (never `suspect_id`).
    public static func perpetratorRow(sex: Sex, nationality: String, broker: Bool, key: String,
                                      codeLists: CodeLists = .shipped) -> [String] {
        [key, gender(sex), citizenship(nationality, codeLists: codeLists), roleInProcess(broker: broker)]
    }

    /// `perpetratorRow` of a bundle record: only its sex, nationality and broker flag are read.
    public static func perpetratorRow(_ suspect: SuspectRecord, key: String, codeLists: CodeLists = .shipped) -> [String] {
        perpetratorRow(sex: suspect.sex, nationality: suspect.nationality, broker: suspect.broker, key: key, codeLists: codeLists)
    }

    // MARK: - Documentation

    /// The mapping table as Markdown, one row per field of `fields` in order; `docs/htcds-mapping.md`
    /// holds exactly this after its introduction. Deterministic: the same text on every run.
    public static func markdownTable() -> String {
        func cell(_ text: String) -> String { text.isEmpty ? "—" : text.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") }
        var lines = ["| field | entity | CTIP fills? | source | rule / why not |", "|---|---|---|---|---|"]
        for field in fields {
            lines.append("| `\(field.name)` | `\(field.entity)` | \(field.status.label) | \(cell(field.source)) | \(cell(field.rule)) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
