/// The programme-oversight records of the reference data: no case-level record of the OTIT, the ISA or
/// the labour inspection offices is published, so these are generated — deterministically, the same on
/// every run — from the totals the seed states (sections 3 (3) i)–v) and 5 (1) vi)–vii)), so that
/// `ctip oversight stats` reproduces them. Names are synthetic; the countries of the MOCs are the seed's,
/// their signing dates are not in the seed and are placeholders (see the reference bundle's README).
public enum OversightReference {
    /// The seed's figures, as `ctip oversight stats` must give them back.
    public enum Seed {
        /// "3,755 organizations have received permits (as of March 31, 2025)".
        public static let supervisingLicensed = 3_755
        /// "on-site inspections of 4,457 supervising organizations … and of 21,242 implementing organizations … in FY2024".
        public static let otitInspectedSupervising = 4_457
        public static let otitInspectedImplementing = 21_242
        /// "In 2024, … inspection and guidance on 11,356 implementing organizations … 8,311 … in violation … eight cases … sent to public prosecutors".
        public static let labourInspectedImplementing = 11_356
        public static let labourViolationsImplementing = 8_311
        public static let labourReferredToProsecutors = 8
        /// "joint inspections or investigation on 34 implementing organizations … 31 cases … 23 cases" (2024).
        public static let jointInspectedImplementing = 34
        public static let jointRecommendations = 31
        public static let jointCorrectionOrders = 23
        /// "In FY2024, government revoked the authorization of six supervising organizations and the accreditation … by 55 implementing organizations".
        public static let supervisingLicencesRevoked = 6
        public static let implementingAccreditationsRevoked = 55
        /// "In FY2024, 16 sending organizations were reported to each government" (section 3 (3) iv); section 7 repeats it as 15).
        public static let sendingReported = 16
        /// The MOCs in force on March 31, 2025: 16 countries sending technical intern trainees, 17 for Specified Skilled Workers.
        public static let mocCountriesTitp = ["VNM", "KHM", "IND", "PHL", "LAO", "MNG", "BGD", "LKA", "MMR", "BTN", "UZB", "PAK", "THA", "IDN", "NPL", "TLS"]
        public static let mocCountriesSsw = ["PHL", "KHM", "NPL", "MMR", "MNG", "LKA", "IDN", "VNM", "BGD", "UZB", "PAK", "THA", "IND", "MYS", "LAO", "KGZ", "TJK"]
    }

    public struct Records: Sendable {
        public var organisations: [OrganisationRecord] = []
        public var inspections: [InspectionRecord] = []
        public var actions: [OversightActionRecord] = []
        public var agreements: [AgreementRecord] = []
    }

    /// Implementing organisations in all (more than any one year inspects: the OTIT visits each about once in three years).
    static let implementingTotal = 25_000
    static let prefectures = (1...47).map { String(format: "JP-%02d", $0) }
    static let industries = ["construction", "food_manufacturing", "agriculture", "machinery", "textiles", "care", "fisheries", "other"]

    public static func records() -> Records {
        var records = Records()
        let fiscalStart = Day(year: 2024, month: 4, day: 1)!
        let yearStart = Day(year: 2024, month: 1, day: 1)!
        func id(_ prefix: String, _ number: Int, width: Int) -> String { prefix + String(format: "%0\(width)d", number) }

        // Supervising organisations: those licensed on March 31, 2025, and those whose licence ended in
        // FY2024 after their inspection (six revoked, the others expired) — 4,457 inspected in all.
        let supervising = Seed.otitInspectedSupervising
        for number in 1...supervising {
            let org = id("SUP-", number, width: 5)
            records.organisations.append(OrganisationRecord(
                id: org, kind: .supervising, name: "Supervising organisation \(number) (synthetic)", prefecture: prefectures[number % 47],
                licenceNumber: id("許", 1_000_000 + number, width: 7), licenceType: number % 3 == 0 ? .general : .specified,
                licensedOn: Day(year: 2017 + number % 7, month: 1 + number % 12, day: 1)!))
            let inspected = fiscalStart.adding(days: number % 300)
            records.inspections.append(InspectionRecord(id: id("OTIT-S-", number, width: 5), organisationID: org, inspector: .otit,
                                                        inspectedOn: inspected, kind: .regular, violationFound: false))
            if number > Seed.supervisingLicensed {
                let ending = number - Seed.supervisingLicensed
                records.actions.append(OversightActionRecord(
                    id: id("END-", ending, width: 4), organisationID: org,
                    kind: ending <= Seed.supervisingLicencesRevoked ? .licenceRevoked : .licenceExpired,
                    by: ending <= Seed.supervisingLicencesRevoked ? .mhlw : .otit, on: inspected.adding(days: 30),
                    published: ending <= Seed.supervisingLicencesRevoked ? true : nil))
            }
        }

        // Implementing organisations, each supervised by a licensed supervising organisation.
        for number in 1...implementingTotal {
            records.organisations.append(OrganisationRecord(
                id: id("IMP-", number, width: 5), kind: .implementing, name: "Implementing organisation \(number) (synthetic)",
                prefecture: prefectures[(number * 7) % 47], supervisedBy: id("SUP-", 1 + number % Seed.supervisingLicensed, width: 5),
                industry: industries[number % industries.count]))
        }
        // The OTIT in FY2024: the first 21,242, one inspection each.
        for number in 1...Seed.otitInspectedImplementing {
            records.inspections.append(InspectionRecord(id: id("OTIT-I-", number, width: 5), organisationID: id("IMP-", number, width: 5),
                                                        inspector: .otit, inspectedOn: fiscalStart.adding(days: number % 364), kind: .regular,
                                                        violationFound: number % 10 == 0, findings: number % 10 == 0 ? [.planNotFollowed] : []))
        }
        // Labour inspection in 2024: 11,356 organisations from the 3,001st on; the first 8,311 of them in violation.
        for offset in 0..<Seed.labourInspectedImplementing {
            let number = 3_001 + offset
            let violation = offset < Seed.labourViolationsImplementing
            records.inspections.append(InspectionRecord(
                id: id("LAB-", offset + 1, width: 5), organisationID: id("IMP-", number, width: 5), inspector: .labourInspection,
                inspectedOn: yearStart.adding(days: offset % 365), violationFound: violation,
                findings: violation ? [[.illegalOvertime], [.unpaidOvertimePremium], [.unpaidWages], [.safetyHealth]][offset % 4] : []))
            if offset < Seed.labourReferredToProsecutors {
                records.actions.append(OversightActionRecord(id: id("PROS-", offset + 1, width: 2), organisationID: id("IMP-", number, width: 5),
                                                             kind: .referredToProsecutors, by: .labourInspection,
                                                             on: yearStart.adding(days: offset % 365 + 40)))
            }
        }
        // Joint inspections in 2024 of 34 organisations; recommendations and correction orders follow them.
        for offset in 0..<Seed.jointInspectedImplementing {
            let org = id("IMP-", 24_001 + offset, width: 5)
            let inspection = id("JOINT-", offset + 1, width: 2)
            let day = yearStart.adding(days: 60 + offset * 7)
            records.inspections.append(InspectionRecord(id: inspection, organisationID: org, inspector: .joint, inspectedOn: day, kind: .adHoc,
                                                        violationFound: true, findings: offset % 5 == 0 ? [.passportRetained, .unpaidWages] : [.illegalOvertime]))
            if offset < Seed.jointRecommendations {
                records.actions.append(OversightActionRecord(id: id("JREC-", offset + 1, width: 2), organisationID: org, kind: .recommendation,
                                                             by: .labourInspection, on: day.adding(days: 14), inspectionID: inspection))
            }
            if offset < Seed.jointCorrectionOrders {
                records.actions.append(OversightActionRecord(id: id("JORD-", offset + 1, width: 2), organisationID: org, kind: .correctionOrder,
                                                             by: .otit, on: day.adding(days: 21), inspectionID: inspection,
                                                             dueOn: day.adding(days: 51), closedOn: offset % 2 == 0 ? day.adding(days: 45) : nil))
            }
        }
        // FY2024: 55 implementing organisations' plans revoked — five of them two plans each.
        for offset in 0..<Seed.implementingAccreditationsRevoked {
            let org = id("IMP-", 22_001 + offset, width: 5)
            let day = fiscalStart.adding(days: 20 + offset * 6)
            for plan in 1...(offset < 5 ? 2 : 1) {
                records.actions.append(OversightActionRecord(id: id("PLAN-", offset * 2 + plan, width: 3), organisationID: org,
                                                             kind: .accreditationRevoked, by: .otit, on: day, published: true))
            }
        }

        // Sending organisations of the MOC countries; 16 reported to their governments in FY2024 (one of them twice).
        for country in Seed.mocCountriesTitp {
            records.organisations.append(OrganisationRecord(id: "SEND-\(country)", kind: .sending, name: "Sending organisation in \(country) (synthetic)",
                                                            country: country))
        }
        for (index, country) in Seed.mocCountriesTitp.prefix(Seed.sendingReported).enumerated() {
            records.actions.append(OversightActionRecord(id: id("REP-", index + 1, width: 2), organisationID: "SEND-\(country)", kind: .reportedToGovernment,
                                                         by: .otit, on: fiscalStart.adding(days: 10 + index * 20)))
        }
        records.actions.append(OversightActionRecord(id: "REP-17", organisationID: "SEND-\(Seed.mocCountriesTitp[0])", kind: .reportedToGovernment,
                                                     by: .otit, on: fiscalStart.adding(days: 340)))

        // The Memorandums of Cooperation in force on March 31, 2025 (signing dates: placeholders).
        for (index, country) in Seed.mocCountriesTitp.enumerated() {
            records.agreements.append(AgreementRecord(id: "MOC-TITP-\(country)", country: country, scheme: .titp,
                                                      signedOn: Day(year: 2017 + index / 6, month: 1 + index % 12, day: 1)!))
        }
        for (index, country) in Seed.mocCountriesSsw.enumerated() {
            records.agreements.append(AgreementRecord(id: "MOC-SSW-\(country)", country: country, scheme: .ssw,
                                                      signedOn: Day(year: 2019 + index / 9, month: 1 + index % 12, day: 1)!))
        }
        return records
    }

    /// The four files as CSV text, by file name.
    public static func files() -> [String: String] {
        let records = records()
        func csv<Record: BundleRecord>(_ rows: [Record]) -> String {
            var text = CSVWriter.line(Record.file.columnNames)
            for row in rows { text += CSVWriter.line(row.cells) }
            return text
        }
        return [BundleFile.organisations.fileName: csv(records.organisations), BundleFile.inspections.fileName: csv(records.inspections),
                BundleFile.actions.fileName: csv(records.actions), BundleFile.agreements.fileName: csv(records.agreements)]
    }
}
