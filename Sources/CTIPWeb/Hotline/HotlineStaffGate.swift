import CTIPStorage
import Vapor

/// What a member of staff may do on the hot lines. Which roles grant which is the gate's business.
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

/// Who is asking, and the form token their session needs on every POST.
struct HotlineStaffContext: Sendable {
    let actor: HotlineActor
    let csrfToken: String
}

/// Answers who the staff member is and whether they may do something; throws 401/403 otherwise.
protocol HotlineStaffGate: Sendable {
    func context(_ request: Request, for capability: HotlineCapability) async throws -> HotlineStaffContext
}

/// Deny by default: with no staff accounts configured, no staff page opens.
struct ClosedHotlineStaffGate: HotlineStaffGate {
    func context(_ request: Request, for capability: HotlineCapability) async throws -> HotlineStaffContext {
        throw Abort(.unauthorized, reason: "Staff pages need a staff account.")
    }
}
