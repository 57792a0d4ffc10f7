@testable import CTIPCore
import Testing

/// The generator of the programme-oversight scale benchmark (benchmarks/oversight.sh): deterministic,
/// of the size asked, and a bundle the import accepts (references resolve, no order after a licence
/// ended, no date in the future, every row valid on its own).
@Suite("Synthetic oversight records")
struct SyntheticOversightTests {
    static let latest = Day(year: 2026, month: 12, day: 6)!

    struct Generated: Sendable {
        var lines: [String] = []
        var organisations: [OrganisationRecord] = []
        var inspections: [InspectionRecord] = []
        var actions: [OversightActionRecord] = []
        var agreements: [AgreementRecord] = []
    }

    static func generated(_ generator: SyntheticOversight) -> Generated {
        var result = Generated()
        generator.generate { file, record in
            #expect(type(of: record).file == file)
            result.lines.append(file.rawValue + ":" + CSVWriter.line(record.cells))
            switch record {
            case let organisation as OrganisationRecord: result.organisations.append(organisation)
            case let inspection as InspectionRecord: result.inspections.append(inspection)
            case let action as OversightActionRecord: result.actions.append(action)
            case let agreement as AgreementRecord: result.agreements.append(agreement)
            default: Issue.record("unexpected record in \(file.fileName)")
            }
        }
        return result
    }

    static let generator = SyntheticOversight(organisations: 2_000, inspectionsPerYear: 3_000, years: 2023...2025, seed: 5)
    static let small = generated(generator)

    @Test("the same parameters give the same rows; another seed gives others")
    func deterministic() {
        #expect(Self.generated(Self.generator).lines == Self.small.lines)
        var other = Self.generator
        other.seed = 6
        #expect(Self.generated(other).lines != Self.small.lines)
    }

    @Test("as many organisations as asked, in the shares of each kind, and as many inspections in every year")
    func sizes() {
        let records = Self.small
        #expect(records.organisations.count == 2_000)
        let kinds = Dictionary(grouping: records.organisations, by: \.kind).mapValues(\.count)
        let expected: [OrganisationKind: Int] = [.supervising: 160, .implementing: 1_700, .sswAccepting: 80, .registeredSupport: 40, .sending: 20]
        #expect(kinds == expected)
        let perYear = Dictionary(grouping: records.inspections, by: \.inspectedOn.year).mapValues(\.count)
        #expect(perYear == [2023: 3_000, 2024: 3_000, 2025: 3_000] as [Int: Int])
        #expect(Set(records.agreements.filter { $0.scheme == .titp }.map(\.country)).count == OversightReference.Seed.mocCountriesTitp.count)
        #expect(Set(records.agreements.filter { $0.scheme == .ssw }.map(\.country)).count == OversightReference.Seed.mocCountriesSsw.count)
    }

    @Test("identifiers and licence numbers are unique; every reference resolves to a row of the right kind")
    func references() {
        let records = Self.small
        let kinds = Dictionary(uniqueKeysWithValues: records.organisations.map { ($0.id, $0.kind) })
        #expect(kinds.count == records.organisations.count)
        #expect(Set(records.inspections.map(\.id)).count == records.inspections.count)
        #expect(Set(records.actions.map(\.id)).count == records.actions.count)
        #expect(Set(records.agreements.map(\.id)).count == records.agreements.count)
        let licences = records.organisations.compactMap(\.licenceNumber)
        #expect(Set(licences).count == licences.count)
        #expect(records.organisations.filter { $0.kind == .supervising }.allSatisfy { $0.licenceNumber != nil && $0.licensedOn != nil })

        for organisation in records.organisations {
            if organisation.kind == .implementing {
                #expect(organisation.supervisedBy.flatMap { kinds[$0] } == OrganisationKind.supervising, "\(organisation.id)")
            } else {
                #expect(organisation.supervisedBy == nil)
            }
            #expect((organisation.kind == .sending) == (organisation.country != nil), "\(organisation.id)")
        }
        let inspectionIDs = Set(records.inspections.map(\.id))
        for inspection in records.inspections { #expect(kinds[inspection.organisationID] != nil, "\(inspection.id)") }
        for action in records.actions {
            #expect(kinds[action.organisationID] != nil, "\(action.id)")
            if let inspection = action.inspectionID { #expect(inspectionIDs.contains(inspection), "\(action.id)") }
            if action.kind == .reportedToGovernment || action.kind == .acceptanceSuspended {
                #expect(kinds[action.organisationID] == OrganisationKind.sending, "\(action.id)")
            }
        }
    }

    @Test("no order that needs a licence follows the end of its organisation's licence")
    func licences() {
        let records = Self.small
        var ends: [String: Day] = [:]
        for action in records.actions where action.kind.endsLicence {
            ends[action.organisationID] = min(ends[action.organisationID] ?? action.on, action.on)
        }
        #expect(!ends.isEmpty)
        for action in records.actions where action.kind.needsLicence {
            if let end = ends[action.organisationID] { #expect(action.on <= end, "\(action.id) on \(action.on) after \(end)") }
        }
    }

    @Test("no date is after 2026-12-06; inspections fall in the years asked")
    func dates() {
        let records = Self.small
        #expect(SyntheticOversight.latestDay == Self.latest)
        var days: [Day] = []
        for organisation in records.organisations { days += [organisation.licensedOn].compactMap { $0 } }
        for inspection in records.inspections {
            days.append(inspection.inspectedOn)
            #expect((2023...2025).contains(inspection.inspectedOn.year))
        }
        for action in records.actions { days += [action.on, action.until, action.dueOn, action.closedOn].compactMap { $0 } }
        for agreement in records.agreements { days += [agreement.signedOn, agreement.endedOn].compactMap { $0 } }
        #expect(days.allSatisfy { $0 <= Self.latest })

        // A year past the latest day is left out; the one it falls in stops at it.
        let late = Self.generated(SyntheticOversight(organisations: 300, inspectionsPerYear: 400, years: 2026...2027, seed: 2))
        #expect(late.inspections.count == 400)
        #expect(late.inspections.allSatisfy { $0.inspectedOn <= Self.latest })
        #expect(late.actions.allSatisfy { action in [action.on, action.until, action.dueOn, action.closedOn].compactMap { $0 }.allSatisfy { $0 <= Self.latest } })
    }

    @Test("inspections find violations, a few trafficking indicators, and orders follow some of them")
    func shape() {
        let records = Self.small
        let judged = records.inspections.filter { $0.violationFound != nil }
        let violations = judged.filter { $0.violationFound == true }
        #expect(violations.count * 100 > judged.count * 30 && violations.count * 100 < judged.count * 50)
        #expect(records.inspections.allSatisfy { $0.violationFound == true || $0.findings.isEmpty })
        let indicators = violations.filter { $0.findings.contains(where: \.isTraffickingIndicator) }
        #expect(!indicators.isEmpty && indicators.count * 100 < violations.count * 10)
        let byInspector = Dictionary(grouping: records.inspections, by: \.inspector).mapValues(\.count)
        #expect((byInspector[.otit] ?? 0) > (byInspector[.labourInspection] ?? 0))
        #expect((byInspector[.joint] ?? 0) > 0 && (byInspector[.isa] ?? 0) > 0)

        let orders = records.actions.filter { [.recommendation, .correctionOrder, .improvementOrder].contains($0.kind) }
        #expect(orders.contains { $0.kind == .correctionOrder } && orders.contains { $0.kind == .recommendation })
        #expect(orders.allSatisfy { $0.inspectionID != nil && $0.dueOn != nil })
        #expect(orders.filter { $0.closedOn != nil }.count * 100 > orders.count * 70)
        #expect(records.actions.filter { $0.kind == .licenceRevoked || $0.kind == .accreditationRevoked }.allSatisfy { $0.published == true })

        let figures = OversightStatistics.figures(organisations: records.organisations, inspections: records.inspections, actions: records.actions,
                                                  agreements: records.agreements, period: OversightPeriod.fiscalYear(2024)!)
        #expect(figures.supervisingLicensed > 100 && figures.supervisingLicensed <= 160)
        #expect(figures.otitInspectedImplementing > 500 && figures.otitInspectedSupervising > 50)
        #expect(figures.labourInspectedImplementing > 200 && figures.labourViolationsImplementing > 100)
        #expect(figures.labourViolationsImplementing < figures.labourInspectedImplementing)
        #expect(figures.mocCountriesTitp == 16 && figures.mocCountriesSsw == 17 && figures.mocCountriesEsd == 0)
    }

    @Test("every row passes the bundle's own validation and decodes back to itself")
    func roundTrip() {
        let context = ValidationContext(codeLists: .shipped, offenseCodes: [], today: Self.latest)
        let records = Self.small
        for organisation in records.organisations { Self.expectRoundTrip(organisation, context) }
        for inspection in records.inspections { Self.expectRoundTrip(inspection, context) }
        for action in records.actions { Self.expectRoundTrip(action, context) }
        for agreement in records.agreements { Self.expectRoundTrip(agreement, context) }
    }

    static func expectRoundTrip<Record: BundleRecord & Equatable>(_ record: Record, _ context: ValidationContext) {
        let index = Dictionary(uniqueKeysWithValues: Record.file.columnNames.enumerated().map { ($1, $0) })
        var row = RowDecoder(file: Record.file, record: CSVRecord(line: 2, fields: record.cells), columnIndex: index)
        let decoded = Record(decoding: &row, context: context)
        #expect(decoded == record && row.issues.isEmpty, "\(Record.file.fileName) \(record.key): \(row.issues)")
    }
}
