/// What the oversight bodies record between imports, beside the four files of the spec: the signs that
/// point at an organisation (a hot-line tip, a consultation, trainees who disappeared, workers leaving at
/// their own will), a labour bureau's request for a joint inspection, and the police told of findings
/// that may be trafficking. None of them names a trainee: identities belong in the screening and the
/// victim file, never in the oversight records.

/// A sign pointing at an organisation, weighed by the inspection plan.
public enum OversightSignalKind: String, CodedValue {
    /// A hot-line tip naming the organisation, forwarded to the oversight bodies.
    case hotlineTip = "hotline_tip"
    /// A consultation (the OTIT's mother-tongue desks and its SOS desk, a labour bureau) about it.
    case consultation
    /// Trainees or workers who disappeared from it: the OTIT suspends acceptance from those at fault
    /// (seed 3 (3) i)).
    case disappearance
    /// Workers who changed employer at their own will: possible from April 2027 under Employment for
    /// Skill Development, and many leaving one employer is a sign of how it treats them.
    case employerChange = "employer_change"
    public static let listName = "oversight_signal"

    public var label: (en: String, ja: String) {
        switch self {
        case .hotlineTip: ("hot-line tip", "ホットラインへの通報")
        case .consultation: ("consultation", "相談")
        case .disappearance: ("disappearance", "失踪")
        case .employerChange: ("employer change at the worker's will", "本人の意向による転籍")
        }
    }

    /// How much one sign adds to the inspection plan's risk; a disappearance weighs most, as the seed's
    /// measures against organisations at fault for them say.
    public var weight: Int {
        switch self {
        case .hotlineTip: 4
        case .consultation: 3
        case .disappearance: 5
        case .employerChange: 1
        }
    }
}

/// Which body may record what: each records its own inspections and the actions of the authorities it
/// acts for (the OTIT carries out the ministers' revocations of licences and accreditations; the labour
/// bureaus the MHLW's), and both sides of a joint inspection may record it.
public enum OversightRole {
    public static func inspectors(for agency: AgencyKind) -> [Inspector] {
        switch agency {
        case .otit: [.otit, .joint]
        case .labourInspection: [.labourInspection, .joint]
        case .immigration: [.isa]
        default: []
        }
    }

    public static func authorities(for agency: AgencyKind) -> [OversightAuthority] {
        switch agency {
        case .otit: [.otit, .mhlw, .moj, .joint]
        case .labourInspection: [.labourInspection, .mhlw, .joint]
        case .immigration: [.isa, .moj]
        default: []
        }
    }

    /// A labour bureau's TIP official asks the OTIT to inspect jointly (seed 3 (3) i)).
    public static func mayRequestJointInspection(_ agency: AgencyKind) -> Bool { agency == .labourInspection }
}

/// The prompt that follows a finding that may be trafficking: screen the trainees concerned against
/// Article 3 — the act (they were recruited and are harboured by the organisation), the means the
/// findings are evidence of, and forced labour as the purpose — and tell the police.
public enum TraffickingIndicatorPrompt {
    /// The indicator findings among `findings`, in the code list's order.
    public static func indicators(_ findings: [InspectionFinding]) -> [InspectionFinding] {
        InspectionFinding.allCases.filter { findings.contains($0) && $0.isTraffickingIndicator }
    }

    /// The screening form's boxes to tick (`/staff/screening?…`): the link carries no one's identity.
    public static func screeningBoxes(_ findings: [InspectionFinding]) -> [String] {
        let indicators = indicators(findings)
        guard !indicators.isEmpty else { return [] }
        var means: [Article3.Means] = [.abuseOfVulnerability]
        if indicators.contains(.violenceOrThreats) { means.append(.threatOrUseOfForce) }
        if indicators.contains(where: { [.passportRetained, .residenceCardRetained, .restrictedMovement].contains($0) }) { means.append(.coercion) }
        if indicators.contains(.depositOrPenaltyContract) { means.append(.paymentToPersonInControl) }
        let methods = ControlMethod.allCases.filter { method in indicators.contains { $0.controlMethod == method } }
        return ["act_recruitment", "act_harbouring"] + means.map { "means_\($0.rawValue)" }
            + methods.map { "control_\($0.rawValue)" } + ["purpose_\(Article3.Purpose.forcedLabourOrServices.rawValue)"]
    }
}
