import CTIPCore
import Testing

/// The counting rules of `ctip oversight stats` (shared/spec/oversight.md) on a scenario built to sit on
/// their edges.
@Suite("Programme oversight: what is counted, and in which period")
struct OversightStatisticsTests {
    static func day(_ text: String) -> Day { Day(iso: text)! }

    static let organisations: [OrganisationRecord] = [
        .init(id: "S1", kind: .supervising, licenceType: .general, licensedOn: day("2020-04-01")),
        .init(id: "S2", kind: .supervising, licenceType: .specified, licensedOn: day("2021-04-01")),  // revoked in the period
        .init(id: "S3", kind: .supervising, licensedOn: day("2022-04-01")),  // revoked after the period: still licensed on its last day
        .init(id: "S4", kind: .supervising, licensedOn: day("2025-04-01")),  // licensed only after the period
        .init(id: "I1", kind: .implementing, supervisedBy: "S1"),
        .init(id: "I2", kind: .implementing, supervisedBy: "S1"),
        .init(id: "I3", kind: .implementing, supervisedBy: "S2"),
        .init(id: "R1", kind: .registeredSupport),
        .init(id: "X1", kind: .sending, country: "VNM"),
        .init(id: "X2", kind: .sending, country: "PHL"),
    ]

    static let inspections: [InspectionRecord] = [
        // I1 inspected twice by the OTIT in FY2024: one organisation.
        .init(id: "N1", organisationID: "I1", inspector: .otit, inspectedOn: day("2024-05-10")),
        .init(id: "N2", organisationID: "I1", inspector: .otit, inspectedOn: day("2025-01-20")),
        // March 31 belongs to FY2024, April 1 to FY2025.
        .init(id: "N3", organisationID: "I2", inspector: .otit, inspectedOn: day("2025-03-31")),
        .init(id: "N4", organisationID: "I3", inspector: .otit, inspectedOn: day("2025-04-01")),
        .init(id: "N5", organisationID: "S1", inspector: .otit, inspectedOn: day("2024-04-01")),
        .init(id: "N6", organisationID: "I1", inspector: .labourInspection, inspectedOn: day("2024-03-01"), violationFound: true,
              findings: [.unpaidWages]),
        .init(id: "N7", organisationID: "I2", inspector: .labourInspection, inspectedOn: day("2024-06-01"), violationFound: false),
        .init(id: "N8", organisationID: "I2", inspector: .joint, inspectedOn: day("2024-07-01"), violationFound: true,
              findings: [.passportRetained]),
    ]

    static let actions: [OversightActionRecord] = [
        .init(id: "A1", organisationID: "S2", kind: .licenceRevoked, by: .mhlw, on: day("2024-10-01"), published: true),
        .init(id: "A2", organisationID: "S3", kind: .licenceRevoked, by: .mhlw, on: day("2025-06-01")),
        .init(id: "A3", organisationID: "I3", kind: .accreditationRevoked, by: .otit, on: day("2024-11-01")),
        .init(id: "A4", organisationID: "I3", kind: .accreditationRevoked, by: .otit, on: day("2024-11-01")),  // a second plan
        .init(id: "A5", organisationID: "X1", kind: .reportedToGovernment, by: .otit, on: day("2024-08-01")),
        .init(id: "A6", organisationID: "X1", kind: .reportedToGovernment, by: .otit, on: day("2025-02-01")),  // reported twice
        .init(id: "A7", organisationID: "X2", kind: .acceptanceSuspended, by: .otit, on: day("2024-09-01"), until: day("2025-09-01")),
        .init(id: "A8", organisationID: "I2", kind: .recommendation, by: .joint, on: day("2024-07-15"), inspectionID: "N8"),
        .init(id: "A9", organisationID: "I2", kind: .correctionOrder, by: .joint, on: day("2024-08-01"), inspectionID: "N8",
              dueOn: day("2024-09-01")),
        .init(id: "A10", organisationID: "I1", kind: .referredToProsecutors, by: .labourInspection, on: day("2024-04-20")),
        .init(id: "A11", organisationID: "R1", kind: .registrationCancelled, by: .isa, on: day("2024-12-01")),
        .init(id: "A12", organisationID: "R1", kind: .improvementOrder, by: .isa, on: day("2024-11-01")),
    ]

    static let agreements: [AgreementRecord] = [
        .init(id: "M1", country: "VNM", scheme: .titp, signedOn: day("2017-06-06")),
        .init(id: "M2", country: "PHL", scheme: .titp, signedOn: day("2017-06-21"), endedOn: day("2025-01-01")),  // ended
        .init(id: "M3", country: "VNM", scheme: .ssw, signedOn: day("2019-07-01")),
        .init(id: "M4", country: "VNM", scheme: .titp, signedOn: day("2023-01-01")),  // a second MOC with one country: one country
    ]

    static func figures(_ period: OversightPeriod) -> OversightFigures {
        OversightStatistics.figures(organisations: organisations, inspections: inspections, actions: actions, agreements: agreements, period: period)
    }

    @Test("FY2024: April 1, 2024 to March 31, 2025, each key counted as the spec says")
    func fiscalYear() throws {
        let figures = Self.figures(try #require(OversightPeriod.fiscalYear(2024)))
        #expect(figures.from == "2024-04-01" && figures.to == "2025-03-31")
        #expect(figures.supervisingLicensed == 2, "S1 and S3 (revoked only after the period); not S2 (revoked), not S4 (later)")
        #expect(figures.otitInspectedSupervising == 1)
        #expect(figures.otitInspectedImplementing == 2, "I1 twice counts once; I2 on March 31 counts; I3 on April 1 does not")
        #expect(figures.supervisingLicencesRevoked == 1)
        #expect(figures.implementingAccreditationsRevoked == 1, "two plans of one organisation: one organisation")
        #expect(figures.sendingReported == 1, "one sending organisation reported twice")
        #expect(figures.sendingAcceptanceSuspended == 1)
        #expect(figures.jointInspectedImplementing == 1 && figures.jointRecommendations == 1 && figures.jointCorrectionOrders == 1)
        #expect(figures.sswImprovementOrders == 1 && figures.supportRegistrationsCancelled == 1)
        #expect(figures.mocCountriesTitp == 1, "the Philippines' MOC ended; Viet Nam's two count once")
        #expect(figures.mocCountriesSsw == 1)
    }

    @Test("calendar year 2024: labour inspection as the seed counts it")
    func calendarYear() throws {
        let figures = Self.figures(try #require(OversightPeriod.year(2024)))
        #expect(figures.labourInspectedImplementing == 2)
        #expect(figures.labourViolationsImplementing == 1, "I1 had a violation; I2's inspection found none")
        #expect(figures.labourReferredToProsecutors == 1)
        #expect(figures.mocCountriesTitp == 2, "on December 31, 2024 the Philippines' MOC was still in force")
        #expect(figures.supervisingLicensed == 2, "S1 and S3 (S2's licence ended on October 1)")
        #expect(OversightPeriod(from: Self.day("2024-02-01"), to: Self.day("2024-01-01")) == nil, "a period cannot end before it starts")
    }

    @Test("findings that may be trafficking are mapped to HTCDS methods of control")
    func indicators() {
        #expect(InspectionFinding.passportRetained.isTraffickingIndicator && InspectionFinding.passportRetained.controlMethod == .withholdsDocuments)
        #expect(InspectionFinding.depositOrPenaltyContract.controlMethod == .debtBondage)
        #expect(InspectionFinding.restrictedMovement.controlMethod == .restrictsMovement)
        #expect(!InspectionFinding.unpaidOvertimePremium.isTraffickingIndicator)
        #expect(InspectionFinding.allCases.filter(\.isTraffickingIndicator).allSatisfy { $0.controlMethod != nil })
    }

    @Test("the inspection plan: due a year (supervising) or three years (implementing) after the last inspection, 90 days after a finding that may be trafficking; overdue first, then by risk")
    func inspectionPlan() {
        let today = Self.day("2025-04-15")
        func facts(_ id: String, _ kind: OrganisationKind, last: String?, violations: Int = 0, indicators: Int = 0, indicatorOn: String? = nil,
                   open: Int = 0, late: Int = 0) -> InspectionPlan.Facts {
            .init(organisationID: id, name: nil, kind: kind, prefecture: nil, licensedOn: Self.day("2020-04-01"), lastInspection: last.map(Self.day),
                  recentViolations: violations, indicatorFindings: indicators, lastIndicatorFinding: indicatorOn.map(Self.day), openOrders: open, lateReports: late)
        }
        let plan = InspectionPlan.plan([
            facts("S-recent", .supervising, last: "2024-09-01"),                    // due 2025-09-01: not listed
            facts("S-due-soon", .supervising, last: "2024-04-30"),                  // due 2025-04-30: within 30 days, not overdue
            facts("S-overdue", .supervising, last: "2024-01-10"),                   // overdue 96 days
            facts("I-regular", .implementing, last: "2023-01-01"),                  // due 2026: not listed
            facts("I-indicator", .implementing, last: "2024-12-01", indicators: 1, indicatorOn: "2024-12-01"),  // follow-up due 2025-03-01: overdue
            facts("I-never", .implementing, last: nil, open: 1, late: 1),
            facts("X-sending", .sending, last: nil),                                // the OTIT does not inspect sending organisations
        ], on: today)
        #expect(plan.map(\.facts.organisationID) == ["I-indicator", "I-never", "S-overdue", "S-due-soon"])
        #expect(plan[0].reasons.contains(.traffickingIndicators(1)) && plan[0].overdue)
        #expect(plan[1].reasons == [.neverInspected, .overdue(days: Self.day("2025-04-15").daysSinceEpoch - Self.day("2020-04-01").daysSinceEpoch),
                                    .openOrders(1), .lateReports(1)])
        #expect(!plan[3].overdue && plan[3].reasons.isEmpty)
    }

    @Test("Employment for Skill Development (from April 2027) needs no new schema: its supervision and support organisations, MOCs and employer changes are the same records")
    func employmentForSkillDevelopment() throws {
        // Read as a form would read them on a day in FY2027: the same columns, the same rules.
        let context = ValidationContext(codeLists: .shipped, offenseCodes: [], today: Self.day("2027-06-01"))
        func read<Record: BundleRecord>(_ type: Record.Type, _ fields: [String: String]) throws -> Record {
            try RecordForm.read(type, fields, context: context).get()
        }
        let supervision = try read(OrganisationRecord.self, ["org_id": "ESD-S1", "kind": "supervising", "name_ja": "監理支援機関（例）",
                                                             "licence_no": "育1300000001", "licensed_on": "2027-04-01"])
        let employer = try read(OrganisationRecord.self, ["org_id": "ESD-I1", "kind": "implementing", "supervised_by": "ESD-S1"])
        let support = try read(OrganisationRecord.self, ["org_id": "ESD-R1", "kind": "registered_support", "licensed_on": "2027-04-01"])
        let inspection = try read(InspectionRecord.self, ["inspection_id": "ESD-N1", "org_id": "ESD-I1", "inspector": "otit", "inspected_on": "2027-05-10"])
        let moc = try read(AgreementRecord.self, ["agreement_id": "ESD-M1", "country": "VNM", "scheme": "esd", "signed_on": "2027-04-01"])
        let figures = OversightStatistics.figures(organisations: [supervision, employer, support], inspections: [inspection], actions: [],
                                                  agreements: [moc], period: OversightPeriod.fiscalYear(2027)!)
        #expect(figures.supervisingLicensed == 1 && figures.otitInspectedImplementing == 1 && figures.mocCountriesEsd == 1 && figures.mocCountriesTitp == 0)
        // Workers who changed employer at their own will — the new programme's right — are a sign the plan weighs.
        let facts = InspectionPlan.Facts(organisationID: "ESD-I1", name: nil, kind: .implementing, prefecture: nil, licensedOn: nil,
                                         lastInspection: Self.day("2027-05-10"), recentViolations: 0, indicatorFindings: 0, openOrders: 0, lateReports: 0,
                                         signals: [.employerChange: 4])
        let entry = try #require(InspectionPlan.plan([facts], on: Self.day("2030-06-01")).first)
        #expect(entry.reasons.contains(.signals(.employerChange, 4)))
    }
}
