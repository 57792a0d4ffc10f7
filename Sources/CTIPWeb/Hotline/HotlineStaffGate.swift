import CTIPCore
import CTIPStorage
import Vapor

/// What a member of staff may do on the hot lines.
enum HotlineCapability: String, Sendable {
    /// Phone operators: type in a caller's report.
    case intake
    /// Analysts: read reports, triage, ask, merge, forward, judge internet content, request deletion.
    case triage
    /// Supervisors: decide and pay rewards.
    case rewards
    /// Prefectural police: their prefecture's queue, acknowledge, outcome.
    case police
    /// Figures only, no report text.
    case statistics
}

/// Who is asking, and the form token their session needs on every POST ("" for API tokens).
struct HotlineStaffContext: Sendable {
    let actor: HotlineActor
    let csrfToken: String
}

/// Answers who the staff member is and whether they may do something; throws otherwise.
protocol HotlineStaffGate: Sendable {
    func context(_ request: Request, for capability: HotlineCapability) async throws -> HotlineStaffContext
}

/// The hot lines over CTIP's staff accounts (`requireStaff`). Deny by default:
/// - the hot lines' own staff (an agency of kind `hotline`): intake for intake, case workers and
///   supervisors; triage for case workers and supervisors; rewards for supervisors;
/// - the prefectural police (an agency of kind `police` with a prefecture): their prefecture's queue;
/// - statistics for whoever may see statistics (`Permission.viewStatistics`): they hold no report text.
/// A refusal is written to the audit trail.
struct AccountHotlineStaffGate: HotlineStaffGate {
    func context(_ request: Request, for capability: HotlineCapability) async throws -> HotlineStaffContext {
        let staff = try await request.requireStaff()
        guard Self.allows(staff, capability) else {
            try await AuditLog(database: request.db).append(AuditEvent(at: Date(), actor: staff.auditActor, agency: staff.agency.code, action: .denied,
                                                                       record: "route:\(request.url.path)", fields: [], purpose: "hotline \(capability.rawValue)"))
            throw Abort(.forbidden, reason: "your role (\(staff.role.rawValue)) at \(staff.agency.code) does not allow this on the hot lines")
        }
        let police = capability == .police ? staff.agency.prefecture : nil
        return HotlineStaffContext(actor: HotlineActor(user: staff.auditActor, agency: staff.agency.code, policePrefecture: police),
                                   csrfToken: request.csrfToken ?? "")
    }

    static func allows(_ staff: StaffIdentity, _ capability: HotlineCapability) -> Bool {
        let hotline = staff.agency.kind == .hotline
        switch capability {
        case .intake: return hotline && [.intake, .caseWorker, .supervisor].contains(staff.role)
        case .triage: return hotline && [.caseWorker, .supervisor].contains(staff.role)
        case .rewards: return hotline && staff.role == .supervisor
        case .police: return staff.agency.kind == .police && staff.agency.prefecture != nil && [.intake, .caseWorker, .supervisor].contains(staff.role)
        case .statistics: return AccessPolicy.allows(staff, .viewStatistics)
        }
    }
}
