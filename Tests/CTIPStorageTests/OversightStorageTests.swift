import CTIPCore
import CTIPStorage
import Foundation
import Testing

/// The oversight files (shared/spec/oversight.md) on both engines: imported all or nothing with located
/// errors, exported byte-identically, and counted by SQL exactly as the rules in CTIPCore count them.
@Suite("Programme oversight: files, rules across rows, statistics in SQL")
struct OversightStorageTests {
    static func day(_ text: String) -> Day { Day(iso: text)! }

    /// Organisations on the edges of the counting rules: inspected twice, on March 31 and April 1, a licence
    /// revoked after the period, two plans of one organisation revoked, a sending organisation reported twice,
    /// an MOC ended.
    static let organisations: [OrganisationRecord] = [
        .init(id: "S1", kind: .supervising, name: "Sakura Cooperative", prefecture: "JP-13", licenceNumber: "許1300000001", licenceType: .general,
              licensedOn: day("2020-04-01")),
        .init(id: "S2", kind: .supervising, licenceNumber: "許1300000002", licenceType: .specified, licensedOn: day("2021-04-01")),
        .init(id: "S3", kind: .supervising, licensedOn: day("2022-04-01")),
        .init(id: "I1", kind: .implementing, prefecture: "JP-23", supervisedBy: "S1", industry: "construction"),
        .init(id: "I2", kind: .implementing, supervisedBy: "S1", industry: "agriculture"),
        .init(id: "I3", kind: .implementing, supervisedBy: "S2"),
        .init(id: "R1", kind: .registeredSupport),
        .init(id: "X1", kind: .sending, country: "VNM"),
        .init(id: "X2", kind: .sending, country: "PHL"),
    ]
    static let inspections: [InspectionRecord] = [
        .init(id: "N1", organisationID: "I1", inspector: .otit, inspectedOn: day("2024-05-10"), kind: .regular),
        .init(id: "N2", organisationID: "I1", inspector: .otit, inspectedOn: day("2025-01-20"), kind: .adHoc),
        .init(id: "N3", organisationID: "I2", inspector: .otit, inspectedOn: day("2025-03-31")),
        .init(id: "N4", organisationID: "I3", inspector: .otit, inspectedOn: day("2025-04-01")),
        .init(id: "N5", organisationID: "S1", inspector: .otit, inspectedOn: day("2024-04-01")),
        .init(id: "N6", organisationID: "I1", inspector: .labourInspection, inspectedOn: day("2024-03-01"), violationFound: true,
              findings: [.unpaidWages, .illegalOvertime]),
        .init(id: "N7", organisationID: "I2", inspector: .labourInspection, inspectedOn: day("2024-06-01"), violationFound: false),
        .init(id: "N8", organisationID: "I2", inspector: .joint, inspectedOn: day("2024-07-01"), violationFound: true, findings: [.passportRetained]),
    ]
    static let actions: [OversightActionRecord] = [
        .init(id: "A1", organisationID: "S2", kind: .licenceRevoked, by: .mhlw, on: day("2024-10-01"), published: true),
        .init(id: "A2", organisationID: "S3", kind: .licenceRevoked, by: .mhlw, on: day("2025-06-01")),
        .init(id: "A3", organisationID: "I3", kind: .accreditationRevoked, by: .otit, on: day("2024-11-01")),
        .init(id: "A4", organisationID: "I3", kind: .accreditationRevoked, by: .otit, on: day("2024-11-01")),
        .init(id: "A5", organisationID: "X1", kind: .reportedToGovernment, by: .otit, on: day("2024-08-01")),
        .init(id: "A6", organisationID: "X1", kind: .reportedToGovernment, by: .otit, on: day("2025-02-01")),
        .init(id: "A7", organisationID: "X2", kind: .acceptanceSuspended, by: .otit, on: day("2024-09-01"), until: day("2025-09-01")),
        .init(id: "A8", organisationID: "I2", kind: .recommendation, by: .joint, on: day("2024-07-15"), inspectionID: "N8"),
        .init(id: "A9", organisationID: "I2", kind: .correctionOrder, by: .joint, on: day("2024-08-01"), inspectionID: "N8",
              dueOn: day("2024-09-01"), closedOn: day("2024-08-25")),
        .init(id: "A10", organisationID: "I1", kind: .referredToProsecutors, by: .labourInspection, on: day("2024-04-20")),
        .init(id: "A11", organisationID: "R1", kind: .improvementOrder, by: .isa, on: day("2024-11-01")),
        .init(id: "A12", organisationID: "R1", kind: .registrationCancelled, by: .isa, on: day("2024-12-01")),
    ]
    static let agreements: [AgreementRecord] = [
        .init(id: "M1", country: "VNM", scheme: .titp, signedOn: day("2017-06-06")),
        .init(id: "M2", country: "PHL", scheme: .titp, signedOn: day("2017-06-21"), endedOn: day("2025-01-01")),
        .init(id: "M3", country: "VNM", scheme: .ssw, signedOn: day("2019-07-01")),
    ]

    static func csv<Record: BundleRecord>(_ records: [Record]) -> String {
        CSVWriter.line(Record.file.columnNames) + records.map { CSVWriter.line($0.cells) }.joined()
    }

    static var files: [String: String] {
        ["organisations.csv": csv(organisations), "inspections.csv": csv(inspections), "actions.csv": csv(actions), "agreements.csv": csv(agreements)]
    }

    @Test("imported, counted by SQL as CTIPCore counts, exported byte-identically", arguments: Engine.available)
    func statistics(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            let folder = try writeBundle(Self.files)
            defer { try? FileManager.default.removeItem(at: folder) }
            _ = try await BundleImporter(database: storage.database).importBundle(at: folder)
            let query = OversightStatisticsQuery(sql: storage.database.sql)
            let periods = [OversightPeriod.fiscalYear(2024)!, OversightPeriod.year(2024)!, OversightPeriod.fiscalYear(2025)!,
                           OversightPeriod(from: Self.day("2025-03-31"), to: Self.day("2025-04-01"))!]
            for period in periods {
                let counted = try await query.figures(period)
                let expected = OversightStatistics.figures(organisations: Self.organisations, inspections: Self.inspections,
                                                           actions: Self.actions, agreements: Self.agreements, period: period)
                #expect(counted == expected, "\(period.from)…\(period.to)")
            }
            let fiscal = try await query.figures(OversightPeriod.fiscalYear(2024)!)
            #expect(fiscal.otitInspectedImplementing == 2 && fiscal.implementingAccreditationsRevoked == 1 && fiscal.sendingReported == 1)
            #expect(fiscal.supervisingLicensed == 2 && fiscal.mocCountriesTitp == 1)

            let first = try await exportedBytes(storage)
            #expect(Set(first.keys).isSuperset(of: Self.files.keys))
            #expect(String(decoding: first["inspections.csv"]!, as: UTF8.self).contains("N6,I1,labour_inspection,2024-03-01,,true,unpaid_wages;illegal_overtime"))
            try await withFreshDatabase(engine) { other in
                let again = try writeBundle(first.mapValues { String(decoding: $0, as: UTF8.self) })
                defer { try? FileManager.default.removeItem(at: again) }
                _ = try await BundleImporter(database: other.database).importBundle(at: again)
                #expect(try await exportedBytes(other) == first, "export → import → export gives the same bytes")
            }
        }
    }

    @Test("bad input is a located error and nothing is written", arguments: Engine.available)
    func refusals(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            let good = try writeBundle(Self.files)
            defer { try? FileManager.default.removeItem(at: good) }
            _ = try await BundleImporter(database: storage.database).importBundle(at: good)
            let before = try await exportedBytes(storage)
            func issues(_ files: [String: String]) async throws -> [String] {
                let folder = try writeBundle(files)
                defer { try? FileManager.default.removeItem(at: folder) }
                let error = await #expect(throws: BundleRejected.self) { try await BundleImporter(database: storage.database).importBundle(at: folder) }
                #expect(try await exportedBytes(storage) == before, "nothing written")
                return error?.issues.map(\.description) ?? []
            }
            let inspectionsHeader = CSVWriter.line(BundleFile.inspections.columnNames)
            let actionsHeader = CSVWriter.line(BundleFile.actions.columnNames)
            let organisationsHeader = CSVWriter.line(BundleFile.organisations.columnNames)
            #expect(try await issues(["inspections.csv": inspectionsHeader + "N9,NOBODY,otit,2024-05-01,,,\n"])
                    == ["inspections.csv:2: org_id: `NOBODY` is neither in organisations.csv nor in the database"])
            #expect(try await issues(["actions.csv": actionsHeader + "A20,S9,licence_revoked,mhlw,2024-05-01,,,,,\nA21,S9,guidance,otit,2024-06-01,,,,,\n",
                                      "organisations.csv": organisationsHeader + "S9,supervising,,,,,,,2020-01-01,,\n"])
                    == ["actions.csv:3: on: `guidance` on 2024-06-01 follows the end of `S9`'s licence on 2024-05-01"])
            #expect(try await issues(["organisations.csv": organisationsHeader + "S8,supervising,,,,,L-1,,,,\nS9,supervising,,,,,L-1,,,,\n"])
                    == ["organisations.csv:3: licence_no: licence number `L-1` is already `S8`'s"])
            #expect(try await issues(["inspections.csv": inspectionsHeader + "N9,I1,otit,2999-05-01,,,\n"]).first?
                        .hasPrefix("inspections.csv:2: inspected_on: 2999-05-01 is in the future") == true)
            #expect(try await issues(["organisations.csv": organisationsHeader + "I9,implementing,,,,,,,,X1,\n"])
                    == ["organisations.csv:2: supervised_by: `X1` is neither a supervising row of organisations.csv nor in the database"])
            #expect(try await issues(["organisations.csv": organisationsHeader + "X9,sending,,,,VNM,,,,,\nI9,implementing,,,,,,,,X9,\n"])
                    == ["organisations.csv:3: supervised_by: `X9` is a `sending` organisation, not a supervising one: `I9` cannot be supervised by it"])
            #expect(try await issues(["organisations.csv": organisationsHeader + "X9,sending,,,,,,,,,\n"])
                    == ["organisations.csv:2: country: required value is empty"])
        }
    }

    @Test("the reference data gives back the seed's figures: FY2024 for the OTIT, 2024 for labour inspection", arguments: Engine.available)
    func seedFigures(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            let folder = try ReferenceBundle.writeOversightFiles()
            defer { try? FileManager.default.removeItem(at: folder) }
            _ = try await BundleImporter(database: storage.database).importBundle(at: folder)
            typealias Seed = OversightReference.Seed
            let query = OversightStatisticsQuery(sql: storage.database.sql)
            let fiscal = try await query.figures(OversightPeriod.fiscalYear(2024)!)
            #expect(fiscal.supervisingLicensed == Seed.supervisingLicensed)
            #expect(fiscal.otitInspectedSupervising == Seed.otitInspectedSupervising)
            #expect(fiscal.otitInspectedImplementing == Seed.otitInspectedImplementing)
            #expect(fiscal.supervisingLicencesRevoked == Seed.supervisingLicencesRevoked)
            #expect(fiscal.implementingAccreditationsRevoked == Seed.implementingAccreditationsRevoked)
            #expect(fiscal.sendingReported == Seed.sendingReported)
            #expect(fiscal.mocCountriesTitp == 16 && fiscal.mocCountriesSsw == 17)
            let calendar = try await query.figures(OversightPeriod.year(2024)!)
            #expect(calendar.labourInspectedImplementing == Seed.labourInspectedImplementing)
            #expect(calendar.labourViolationsImplementing == Seed.labourViolationsImplementing)
            #expect(calendar.labourReferredToProsecutors == Seed.labourReferredToProsecutors)
            #expect(calendar.jointInspectedImplementing == Seed.jointInspectedImplementing)
            #expect(calendar.jointRecommendations == Seed.jointRecommendations && calendar.jointCorrectionOrders == Seed.jointCorrectionOrders)
            // The numbers the seed states, written out once more: the generator is held to the seed's text, not to itself.
            let stated: [Int] = [3_755, 4_457, 21_242, 11_356, 8_311, 8, 34, 31, 23, 6, 55, 16]
            let counted: [Int] = [fiscal.supervisingLicensed, fiscal.otitInspectedSupervising, fiscal.otitInspectedImplementing,
                                  calendar.labourInspectedImplementing, calendar.labourViolationsImplementing, calendar.labourReferredToProsecutors,
                                  calendar.jointInspectedImplementing, calendar.jointRecommendations, calendar.jointCorrectionOrders,
                                  fiscal.supervisingLicencesRevoked, fiscal.implementingAccreditationsRevoked, fiscal.sendingReported]
            #expect(counted == stated)
            let records = OversightReference.records()
            #expect(OversightStatistics.figures(organisations: records.organisations, inspections: records.inspections, actions: records.actions,
                                                agreements: records.agreements, period: OversightPeriod.fiscalYear(2024)!) == fiscal)
        }
    }
}
