/// A request from one agency to another to take part in a victim's protection, sharing chosen
/// sections of the file. Allowed only on the victim's recorded consent, or on a supervisor's override
/// where the law requires it (a child in danger), with the reason written down.
public struct Referral: Sendable, Equatable, Codable {
    public enum Basis: String, Sendable, Codable, CaseIterable { case consent, override }

    public enum Status: String, Sendable, Codable, CaseIterable {
        case pending, accepted, declined, revoked
        /// The victim withdrew the consent the referral relied on: sharing ended at once.
        case consentWithdrawn = "consent_withdrawn"

        /// Only an accepted referral shares anything.
        public var shares: Bool { self == .accepted }
    }

    public enum Answer: String, Sendable, Codable, CaseIterable { case accept, decline, revoke }

    public var id: String
    public var victimID: String
    public var fromAgency: String
    public var toAgency: String
    public var sections: Set<VictimFileSection>
    public var basis: Basis
    public var overrideReason: String?
    public var status: Status

    public init(id: String, victimID: String, fromAgency: String, toAgency: String, sections: Set<VictimFileSection>,
                basis: Basis, overrideReason: String?, status: Status) {
        self.id = id; self.victimID = victimID; self.fromAgency = fromAgency; self.toAgency = toAgency
        self.sections = sections; self.basis = basis; self.overrideReason = overrideReason; self.status = status
    }

    /// Checks a new referral; every problem names its field.
    public static func validate(sections: Set<VictimFileSection>, basis: Basis, overrideReason: String?, from: String, to: String,
                                by staff: StaffIdentity) -> [FieldError] {
        var errors: [FieldError] = []
        if sections.isEmpty { errors.append(FieldError(field: "sections", message: "choose at least one section to share", japanese: "共有する項目を一つ以上選んでください")) }
        if sections.contains(.whereabouts) {
            errors.append(FieldError(field: "sections", message: "whereabouts are never shared by a referral", japanese: "所在は照会で共有できません"))
        }
        if from == to { errors.append(FieldError(field: "to_agency", message: "a file cannot be referred to the agency that holds it",
                                                                   japanese: "記録を保有している機関には照会できません")) }
        if basis == .override {
            if !AccessPolicy.allows(staff, .overrideConsent) {
                errors.append(FieldError(field: "basis", message: "only a supervisor may refer without the victim's consent",
                                         japanese: "被害者の同意なしに照会できるのは責任者だけです"))
            }
            if (overrideReason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).count < 10 {
                errors.append(FieldError(field: "override_reason", message: "say why the law requires referring without consent",
                                         japanese: "同意なしの照会が法律上必要な理由を記入してください"))
            }
        }
        return errors
    }

    /// The status after an answer, or nil when that answer is not allowed now or not by that agency.
    public func status(after answer: Answer, byAgency agency: String) -> Status? {
        switch (answer, status) {
        case (.accept, .pending) where agency == toAgency: .accepted
        case (.decline, .pending) where agency == toAgency: .declined
        case (.revoke, .pending), (.revoke, .accepted): agency == fromAgency ? .revoked : nil
        default: nil
        }
    }
}
