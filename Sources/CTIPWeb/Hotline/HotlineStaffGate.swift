import CTIPCore
import CTIPStorage
import Vapor

/// Who is asking, and the form token their session needs on every POST ("" for API tokens).
struct HotlineStaffContext: Sendable {
    let actor: HotlineActor
    let csrfToken: String
    /// Who is signed in, for the page's header and navigation.
    var staff: StaffIdentity? = nil
}

/// Answers who the staff member is and which of the asked permissions they hold; throws otherwise.
protocol HotlineStaffGate: Sendable {
    /// The first of `permissions` the staff member holds decides how they act (the police act for their
    /// prefecture); holding none is a refusal.
    func context(_ request: Request, forAnyOf permissions: [Permission]) async throws -> HotlineStaffContext
}

extension HotlineStaffGate {
    func context(_ request: Request, for permission: Permission) async throws -> HotlineStaffContext {
        try await context(request, forAnyOf: [permission])
    }
}

/// The hot lines over CTIP's staff accounts (`requireStaff`), by `AccessPolicy` (deny by default).
/// A refusal is written to the audit trail.
struct AccountHotlineStaffGate: HotlineStaffGate {
    func context(_ request: Request, forAnyOf permissions: [Permission]) async throws -> HotlineStaffContext {
        let staff = try await request.requireStaff()
        guard let granted = permissions.first(where: { AccessPolicy.allows(staff, $0) }) else {
            let asked = permissions.map(\.rawValue).joined(separator: " or ")
            try await AuditLog(database: request.db).append(AuditEvent(at: request.application.ctipConfiguration.now(), by: staff, action: .denied,
                                                                       record: "route:\(request.url.path)", purpose: "hotline \(asked)"))
            throw Abort(.forbidden, reason: "your role (\(staff.role.rawValue)) at \(staff.agency.code) does not allow this on the hot lines")
        }
        let police = granted == .answerForwardedReports ? staff.agency.prefecture : nil
        return HotlineStaffContext(actor: HotlineActor(user: staff.auditActor, agency: staff.agency.code, policePrefecture: police),
                                   csrfToken: request.csrfToken ?? "", staff: staff)
    }
}
