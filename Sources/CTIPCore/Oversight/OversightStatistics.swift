/// A period the oversight statistics count over: both ends included. The seed counts the OTIT's figures
/// by fiscal year (April 1 to March 31) and labour inspection by calendar year.
public struct OversightPeriod: Sendable, Equatable {
    public let from: Day
    public let to: Day

    public init?(from: Day, to: Day) {
        guard from <= to else { return nil }
        self.from = from; self.to = to
    }

    /// FY N: April 1 of N to March 31 of N+1.
    public static func fiscalYear(_ year: Int) -> OversightPeriod? {
        guard let from = Day(year: year, month: 4, day: 1), let to = Day(year: year + 1, month: 3, day: 31) else { return nil }
        return OversightPeriod(from: from, to: to)
    }

    public static func year(_ year: Int) -> OversightPeriod? {
        guard let from = Day(year: year, month: 1, day: 1), let to = Day(year: year, month: 12, day: 31) else { return nil }
        return OversightPeriod(from: from, to: to)
    }

    public func contains(_ day: Day) -> Bool { from <= day && day <= to }
}

/// The figures of `ctip oversight stats` (shared/spec/oversight.md, a contract: the JSON keys are these
/// properties in snake_case). Organisations are counted once however many rows they have in the period;
/// actions once per row; licences and agreements as they stand on the period's last day.
public struct OversightFigures: Sendable, Equatable, Codable {
    public var from: String
    public var to: String
    public var supervisingLicensed = 0
    public var otitInspectedSupervising = 0
    public var otitInspectedImplementing = 0
    public var labourInspectedImplementing = 0
    public var labourViolationsImplementing = 0
    public var labourReferredToProsecutors = 0
    public var jointInspectedImplementing = 0
    public var jointRecommendations = 0
    public var jointCorrectionOrders = 0
    public var supervisingLicencesRevoked = 0
    public var implementingAccreditationsRevoked = 0
    public var sendingReported = 0
    public var sendingAcceptanceSuspended = 0
    public var sswImprovementOrders = 0
    public var supportRegistrationsCancelled = 0
    public var mocCountriesTitp = 0
    public var mocCountriesSsw = 0
    public var mocCountriesEsd = 0

    public init(period: OversightPeriod) { from = period.from.description; to = period.to.description }

    /// The keys in the order the spec lists them, with their values: the text output.
    public var rows: [(key: String, value: Int)] {
        [("supervising_licensed", supervisingLicensed), ("otit_inspected_supervising", otitInspectedSupervising),
         ("otit_inspected_implementing", otitInspectedImplementing), ("labour_inspected_implementing", labourInspectedImplementing),
         ("labour_violations_implementing", labourViolationsImplementing), ("labour_referred_to_prosecutors", labourReferredToProsecutors),
         ("joint_inspected_implementing", jointInspectedImplementing), ("joint_recommendations", jointRecommendations),
         ("joint_correction_orders", jointCorrectionOrders), ("supervising_licences_revoked", supervisingLicencesRevoked),
         ("implementing_accreditations_revoked", implementingAccreditationsRevoked), ("sending_reported", sendingReported),
         ("sending_acceptance_suspended", sendingAcceptanceSuspended), ("ssw_improvement_orders", sswImprovementOrders),
         ("support_registrations_cancelled", supportRegistrationsCancelled), ("moc_countries_titp", mocCountriesTitp),
         ("moc_countries_ssw", mocCountriesSsw), ("moc_countries_esd", mocCountriesEsd)]
    }
}

/// The spec's counting rules over records in memory: the reference the SQL of the storage layer is
/// tested against, and what small bundles are counted with.
public enum OversightStatistics {
    public static func figures(organisations: [OrganisationRecord], inspections: [InspectionRecord], actions: [OversightActionRecord],
                               agreements: [AgreementRecord], period: OversightPeriod) -> OversightFigures {
        var figures = OversightFigures(period: period)
        let kinds = Dictionary(organisations.map { ($0.id, $0.kind) }, uniquingKeysWith: { _, last in last })
        let inspectors = Dictionary(inspections.map { ($0.id, $0.inspector) }, uniquingKeysWith: { _, last in last })
        let inPeriod = inspections.filter { period.contains($0.inspectedOn) }
        let actionsInPeriod = actions.filter { period.contains($0.on) }

        func inspected(by inspector: Inspector, kind: OrganisationKind, violation: Bool = false) -> Int {
            Set(inPeriod.filter { $0.inspector == inspector && kinds[$0.organisationID] == kind && (!violation || $0.violationFound == true) }
                .map(\.organisationID)).count
        }
        func sanctioned(with action: OversightActionKind, kind: OrganisationKind) -> Int {
            Set(actionsInPeriod.filter { $0.kind == action && kinds[$0.organisationID] == kind }.map(\.organisationID)).count
        }
        func actionsAfterJoint(_ action: OversightActionKind) -> Int {
            actionsInPeriod.filter { $0.kind == action && $0.inspectionID.flatMap { inspectors[$0] } == .joint }.count
        }

        let ended = Set(actions.filter { $0.kind.endsLicence && $0.on <= period.to }.map(\.organisationID))
        figures.supervisingLicensed = organisations.filter {
            $0.kind == .supervising && ($0.licensedOn.map { $0 <= period.to } ?? false) && !ended.contains($0.id)
        }.count
        figures.otitInspectedSupervising = inspected(by: .otit, kind: .supervising)
        figures.otitInspectedImplementing = inspected(by: .otit, kind: .implementing)
        figures.labourInspectedImplementing = inspected(by: .labourInspection, kind: .implementing)
        figures.labourViolationsImplementing = inspected(by: .labourInspection, kind: .implementing, violation: true)
        figures.labourReferredToProsecutors = actionsInPeriod.filter { $0.kind == .referredToProsecutors && $0.by == .labourInspection }.count
        figures.jointInspectedImplementing = inspected(by: .joint, kind: .implementing)
        figures.jointRecommendations = actionsAfterJoint(.recommendation)
        figures.jointCorrectionOrders = actionsAfterJoint(.correctionOrder)
        figures.supervisingLicencesRevoked = sanctioned(with: .licenceRevoked, kind: .supervising)
        figures.implementingAccreditationsRevoked = sanctioned(with: .accreditationRevoked, kind: .implementing)
        figures.sendingReported = sanctioned(with: .reportedToGovernment, kind: .sending)
        figures.sendingAcceptanceSuspended = sanctioned(with: .acceptanceSuspended, kind: .sending)
        figures.sswImprovementOrders = actionsInPeriod.filter { $0.kind == .improvementOrder }.count
        figures.supportRegistrationsCancelled = sanctioned(with: .registrationCancelled, kind: .registeredSupport)
        func countries(_ scheme: OversightScheme) -> Int {
            Set(agreements.filter { $0.scheme == scheme && $0.inForce(on: period.to) }.map(\.country)).count
        }
        figures.mocCountriesTitp = countries(.titp)
        figures.mocCountriesSsw = countries(.ssw)
        figures.mocCountriesEsd = countries(.esd)
        return figures
    }
}
