/// The code lists of the programme-oversight files (shared/spec/oversight.md): who the organisations of
/// the Technical Intern Training Program, the Specified Skilled Worker system and (from April 2027) the
/// Employment for Skill Development Program are, who inspects them, what was found and what was done.

public enum OrganisationKind: String, CodedValue {
    /// 監理団体 (under ESD 監理支援機関): licensed by the OTIT's ministries, supervises implementing organisations.
    case supervising
    /// 実習実施者 / 育成就労実施者: where trainees work, accredited plan by plan.
    case implementing
    /// 特定技能所属機関: employs Specified Skilled Workers.
    case sswAccepting = "ssw_accepting"
    /// 登録支援機関: registered to support Specified Skilled Workers.
    case registeredSupport = "registered_support"
    /// 送出機関: recruits abroad and sends trainees; reported to its government under an MOC.
    case sending
    public static let listName = "organisation_kind"

    public var label: (en: String, ja: String) {
        switch self {
        case .supervising: ("supervising organisation", "監理団体")
        case .implementing: ("implementing organisation", "実習実施者")
        case .sswAccepting: ("SSW accepting organisation", "特定技能所属機関")
        case .registeredSupport: ("registered support organisation", "登録支援機関")
        case .sending: ("sending organisation", "送出機関")
        }
    }
}

public enum LicenceType: String, CodedValue {
    case general, specified
    public static let listName = "licence_type"
}

public enum Inspector: String, CodedValue {
    case otit
    /// Labour Bureaus and Labour Standards Inspection Offices.
    case labourInspection = "labour_inspection"
    case isa
    /// Labour inspection and the OTIT together.
    case joint
    public static let listName = "inspector"
}

public enum InspectionKind: String, CodedValue {
    case regular
    case adHoc = "ad_hoc"
    public static let listName = "inspection_kind"
}

/// What an inspection found. Some are indicators of trafficking (forced labour): see `controlMethod`.
public enum InspectionFinding: String, CodedValue {
    case unpaidWages = "unpaid_wages"
    case illegalOvertime = "illegal_overtime"
    case unpaidOvertimePremium = "unpaid_overtime_premium"
    case safetyHealth = "safety_health"
    case passportRetained = "passport_retained"
    case residenceCardRetained = "residence_card_retained"
    case forcedSavings = "forced_savings"
    case depositOrPenaltyContract = "deposit_or_penalty_contract"
    case restrictedMovement = "restricted_movement"
    case violenceOrThreats = "violence_or_threats"
    case sexualHarassment = "sexual_harassment"
    case falseDocuments = "false_documents"
    case planNotFollowed = "plan_not_followed"
    case other
    public static let listName = "inspection_finding"

    /// A finding that may be trafficking (forced labour: documents, savings or deposits held, movement
    /// restricted, violence): recording one prompts the inspector to screen the trainees concerned and to
    /// inform the police (seed 3 (3) i), 5 (1) vii)).
    public var isTraffickingIndicator: Bool {
        [.passportRetained, .residenceCardRetained, .forcedSavings, .depositOrPenaltyContract, .restrictedMovement, .violenceOrThreats]
            .contains(self)
    }

    /// The IOM HTCDS 2.0 method of control this finding is evidence of, when it is one (the screening is
    /// prefilled with it).
    public var controlMethod: ControlMethod? {
        switch self {
        case .passportRetained, .residenceCardRetained: .withholdsDocuments
        case .forcedSavings: .restrictsFinancialAccess
        case .depositOrPenaltyContract: .debtBondage
        case .restrictedMovement: .restrictsMovement
        case .violenceOrThreats: .physicalThreats
        case .sexualHarassment: .sexualAbuse
        case .unpaidWages: .withholdsWages
        case .illegalOvertime: .excessiveWorkingHours
        case .unpaidOvertimePremium, .safetyHealth, .falseDocuments, .planNotFollowed, .other: nil
        }
    }
}

public enum OversightActionKind: String, CodedValue {
    case guidance
    case recommendation
    /// 改善命令 under the Technical Intern Training Act.
    case correctionOrder = "correction_order"
    /// 改善命令 of the ISA under the Immigration Control Act (SSW).
    case improvementOrder = "improvement_order"
    case businessSuspension = "business_suspension"
    case licenceRevoked = "licence_revoked"
    /// One row per training plan whose accreditation was revoked.
    case accreditationRevoked = "accreditation_revoked"
    case registrationCancelled = "registration_cancelled"
    case licenceExpired = "licence_expired"
    case referredToProsecutors = "referred_to_prosecutors"
    case acceptanceSuspended = "acceptance_suspended"
    case reportedToGovernment = "reported_to_government"
    public static let listName = "oversight_action"

    /// Ends the organisation's licence or registration on its date.
    public var endsLicence: Bool { [.licenceRevoked, .registrationCancelled, .licenceExpired].contains(self) }

    /// An order to the organisation, which cannot follow the end of its licence.
    public var needsLicence: Bool { [.guidance, .recommendation, .correctionOrder, .improvementOrder, .businessSuspension, .accreditationRevoked].contains(self) }
}

public enum OversightAuthority: String, CodedValue {
    case otit, isa, moj, mhlw
    case labourInspection = "labour_inspection"
    case joint
    public static let listName = "oversight_authority"
}

public enum OversightScheme: String, CodedValue {
    /// The Technical Intern Training Program.
    case titp
    /// Specified Skilled Workers.
    case ssw
    /// Employment for Skill Development (育成就労), from April 1, 2027.
    case esd
    public static let listName = "oversight_scheme"
}
