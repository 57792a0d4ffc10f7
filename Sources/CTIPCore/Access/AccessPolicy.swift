/// Who is acting: the member of staff behind a session or an API token.
public struct StaffIdentity: Sendable, Hashable, Codable {
    public let userID: String
    public let email: String
    public let agency: Agency
    public let role: StaffRole

    public init(userID: String, email: String, agency: Agency, role: StaffRole) {
        self.userID = userID; self.email = email; self.agency = agency; self.role = role
    }

    /// How the audit trail names this actor: never the person's name, only their account.
    public var auditActor: String { "user:\(userID)" }
}

/// What a role may do, written down once. Deny by default: a permission a role is not listed for is
/// refused. Which *files* a person may open is decided separately, by `VictimFileAccess`.
public enum Permission: String, CaseIterable, Sendable {
    case viewCases, createVictimFile, screen, recordProtection, refer, overrideConsent, answerReferrals
    case recordSuspectsAndTrials
    case viewStatistics
    case viewAudit
    case manageAccounts, manageDirectory
    /// The hot lines: type in a caller's report; read, classify, merge and forward reports and judge
    /// internet content; decide and pay rewards.
    case takeHotlineReports, triageHotlineReports, decideRewards
    /// The prefectural police: the hot-line reports forwarded to their prefecture.
    case answerForwardedReports
    /// The National Police Agency, which entrusts the Internet Hotline Center: the internet content the
    /// hot line judged illegal and reported to the police.
    case receiveInternetReports
    /// Programme oversight: the registry, the inspection plan, inspections, findings and actions.
    case viewOversight, recordOversight
    /// The HTCDS 2.0 exchange with IOM and other agencies: case-level records without identifying
    /// fields, but personal data all the same.
    case exportCaseData
    /// The registers of the measures: aggregates only, nothing about a person. A contributor records
    /// their own ministry's rows (`MeasureAccess`); analysts and supervisors read every register.
    case viewMeasures, recordMeasures
    /// The whole annual report's year: contributors write their own ministry's contributions
    /// (`ReportWorkAccess`); the Council's secretariat requests, reviews, returns or accepts them, keeps
    /// the outline, records the approval and publishes. Both see the year's status board.
    case contributeToReport, manageReport

    public var roles: Set<StaffRole> {
        switch self {
        case .viewCases, .createVictimFile, .screen, .takeHotlineReports, .answerForwardedReports, .receiveInternetReports:
            [.intake, .caseWorker, .supervisor]
        case .recordProtection, .refer, .answerReferrals, .recordSuspectsAndTrials, .triageHotlineReports: [.caseWorker, .supervisor]
        case .overrideConsent, .decideRewards: [.supervisor]
        case .viewStatistics: [.analyst, .supervisor]
        case .viewAudit: [.auditor]
        case .manageAccounts: [.administrator]
        case .manageDirectory: [.administrator, .supervisor]
        case .viewOversight: [.intake, .caseWorker, .supervisor, .analyst]
        case .recordOversight: [.caseWorker, .supervisor]
        case .exportCaseData: [.supervisor]
        case .viewMeasures: [.contributor, .analyst, .supervisor]
        case .recordMeasures: [.contributor]
        case .contributeToReport: [.contributor]
        case .manageReport: [.secretariat]
        }
    }
}

public enum AccessPolicy {
    public static func allows(_ staff: StaffIdentity, _ permission: Permission) -> Bool {
        guard permission.roles.contains(staff.role) else { return false }
        switch permission {
        case .recordSuspectsAndTrials: return staff.agency.kind.investigates || staff.agency.code == "moj"
        case .takeHotlineReports, .triageHotlineReports, .decideRewards: return staff.agency.kind == .hotline
        case .answerForwardedReports: return staff.agency.kind == .police && staff.agency.prefecture != nil
        case .receiveInternetReports: return staff.agency.kind == .police && staff.agency.prefecture == nil
        // The OTIT, the Immigration Services Agency and the labour inspection offices hold the oversight
        // records together; the MHLW and the MOJ, which license and revoke, read them.
        case .viewOversight: return [.otit, .immigration, .labourInspection].contains(staff.agency.kind) || ["mhlw", "moj"].contains(staff.agency.code)
        case .recordOversight: return [.otit, .immigration, .labourInspection].contains(staff.agency.kind)
        // The agencies that protect victims exchange with IOM, and IOM with them; not the hot lines.
        case .exportCaseData: return staff.agency.kind.protectsVictims
        // The Council's secretariat sits in the Cabinet Secretariat; a ministry's contributor writes for a ministry.
        case .manageReport: return staff.agency.code == "cas"
        default: return true
        }
    }
}

/// Which register rows a member of staff may write: their own ministry's, as a contributor.
public enum MeasureAccess {
    public static func mayRecord(_ staff: StaffIdentity, ministry: String) -> Bool {
        AccessPolicy.allows(staff, .recordMeasures) && staff.agency.code == ministry
    }
}

/// Who may work on which contribution of the annual report: a contributor only on their own ministry's
/// (a joint contribution is each of its ministries'); the secretariat reviews every one but writes none.
public enum ReportWorkAccess {
    public static func mayWrite(_ staff: StaffIdentity, ministries: [String]) -> Bool {
        AccessPolicy.allows(staff, .contributeToReport) && ministries.contains(staff.agency.code)
    }

    /// The board and the contributions: the secretariat sees every ministry's, a contributor their own.
    public static func mayRead(_ staff: StaffIdentity, ministries: [String]) -> Bool {
        AccessPolicy.allows(staff, .manageReport) || mayWrite(staff, ministries: ministries)
    }

    /// Whether `staff` may open the year's board at all.
    public static func mayOpenBoard(_ staff: StaffIdentity) -> Bool {
        AccessPolicy.allows(staff, .manageReport) || AccessPolicy.allows(staff, .contributeToReport)
    }
}

/// The parts of a victim's file, each shown or withheld as a whole.
public enum VictimFileSection: String, CaseIterable, Codable, Sendable, Comparable {
    /// The bundle's fields: dates, sex, age, nationality, status of residence, exploitation.
    case basic
    case identity
    case contact
    case screening
    case timeline
    /// Where the person is now. Never shared by a referral, never in a list, export, log or error.
    case whereabouts

    /// What a referral may carry to another agency.
    public static let shareable: [VictimFileSection] = [.basic, .identity, .contact, .screening, .timeline]

    public static func < (lhs: Self, rhs: Self) -> Bool { allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)! }
}

/// Need to know: which sections of one victim's file a member of staff may see.
public struct VictimFileAccess: Sendable {
    /// The agency that opened the file.
    public var owningAgency: String
    /// The agency protecting the person now; only it learns where they are.
    public var protectingAgency: String?
    /// Referrals accepted by other agencies and not revoked, with what each shares.
    public var sharedWith: [String: Set<VictimFileSection>]

    public init(owningAgency: String, protectingAgency: String?, sharedWith: [String: Set<VictimFileSection>] = [:]) {
        self.owningAgency = owningAgency; self.protectingAgency = protectingAgency; self.sharedWith = sharedWith
    }

    /// Empty means the file does not exist for this person (the web answers 404, not 403).
    public func sections(for staff: StaffIdentity) -> Set<VictimFileSection> {
        guard AccessPolicy.allows(staff, .viewCases) else { return [] }
        let agency = staff.agency.code
        var sections: Set<VictimFileSection> = []
        if agency == owningAgency || agency == protectingAgency {
            sections = Set(VictimFileSection.shareable)
        }
        if let shared = sharedWith[agency] { sections.formUnion(shared.subtracting([.whereabouts])) }
        if agency == protectingAgency, staff.role == .caseWorker || staff.role == .supervisor {
            sections.insert(.whereabouts)
        }
        return sections
    }

    /// Changing a file (timeline, referrals, whereabouts) is for case workers of the owning or protecting agency.
    public func mayChange(_ staff: StaffIdentity) -> Bool {
        AccessPolicy.allows(staff, .recordProtection)
            && (staff.agency.code == owningAgency || staff.agency.code == protectingAgency)
    }
}
