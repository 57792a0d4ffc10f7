import CTIPCore
import Foundation
import Testing

/// The HTCDS 2.0 export's mapping: the columns, the code lists, the documentation generated from the same data.
@Suite("HTCDS 2.0 export")
struct HTCDSTests {
    private var allColumns: [String] { HTCDS.victimColumns + HTCDS.supportColumns + HTCDS.perpetratorColumns }

    @Test("every column but the row key is a field of the standard that CTIP fills")
    func columnsAreFilledFields() {
        for column in allColumns where column != HTCDS.keyColumn {
            let field = HTCDS.field(named: column)
            #expect(field != nil, "\(column) is not a field of the mapping")
            #expect(field?.status == .filled, "\(column) is a column but not marked filled")
        }
        #expect(HTCDS.victimColumns.first == HTCDS.keyColumn)
        #expect(HTCDS.supportColumns.first == HTCDS.keyColumn)
        #expect(HTCDS.perpetratorColumns.first == HTCDS.keyColumn)
    }

    @Test("every filled field is a column; no never-exported or not-filled field is")
    func filledFieldsAreColumns() {
        let columns = Set(allColumns)
        for field in HTCDS.fields {
            switch field.status {
            case .filled: #expect(columns.contains(field.name), "\(field.name) is marked filled but no row builder writes it")
            case .notFilled, .neverExported: #expect(!columns.contains(field.name), "\(field.name) is a column")
            }
        }
        #expect(HTCDS.fields.contains { $0.status == .neverExported })
    }

    @Test("the fields: unique names, each under its entity's prefix, reasons given, the identifying ones never exported")
    func fieldList() {
        let names = HTCDS.fields.map(\.name)
        #expect(Set(names).count == names.count)
        let prefixes: Set<String> = ["org_", "prs_", "vic_", "per_", "cas_", "cco_", "hte_", "spl_", "con_"]
        for field in HTCDS.fields {
            #expect(prefixes.contains(field.entity), "\(field.name): entity \(field.entity)")
            #expect(field.name.hasPrefix(field.entity))
            #expect(!field.rule.isEmpty, "\(field.name) has no rule or reason")
            if field.status == .filled { #expect(!field.source.isEmpty, "\(field.name) is filled from nowhere") }
        }
        // Per entity, the number of fields the 2.0 `.ods` defines (docs/open-data.md §1.1).
        let perEntity = Dictionary(grouping: HTCDS.fields, by: \.entity).mapValues(\.count)
        #expect(perEntity == ["org_": 10, "prs_": 25, "vic_": 16, "per_": 3, "cas_": 13, "cco_": 1, "hte_": 10, "spl_": 5, "con_": 1])
        let identifying = ["prs_FirstName", "prs_MiddleName", "prs_SecondName", "prs_Salutation", "prs_Birthdate", "prs_IdentityNumber",
                           "prs_Email", "prs_HomePhone", "prs_MobilePhone", "prs_MailingStreet", "prs_MailingCity", "prs_MailingPostalCode",
                           "prs_PrimaryLanguage", "org_Name", "org_ShippingStreet", "org_Phone", "hte_City", "hte_Date", "hte_Description",
                           "cas_CaseOwner", "cco_CaseComment", "per_RoleDetails"]
        for name in identifying { #expect(HTCDS.field(named: name)?.status == .neverExported, "\(name)") }
    }

    @Test("every code of CTIP's lists maps to a value of the standard's code list, or is documented as giving none")
    func codeMappings() throws {
        for sex in Sex.allCases { #expect(HTCDS.genderCodes.contains(HTCDS.gender(sex)), "\(sex)") }
        for exploitation in Exploitation.allCases {
            #expect(HTCDS.typeOfExploitationCodes.contains(HTCDS.typeOfExploitation(exploitation)), "\(exploitation)")
        }
        #expect(HTCDS.typeOfExploitation(.hostess) == "ForcedLabour")
        for agency in ProtectingAgency.allCases {
            #expect(HTCDS.decisionMakingOrgCodes.contains(HTCDS.decisionMakingOrganisation(agency)), "\(agency)")
            if let type = HTCDS.organisationType(agency) {
                #expect(HTCDS.organisationTypeCodes.contains(type), "\(agency)")
            } else {
                #expect(agency == .other)
            }
        }
        for method in ControlMethod.allCases {
            #expect(HTCDS.methodsOfControlCodes.contains(HTCDS.methodOfControl(method)), "\(method)")
        }
        let rules = try #require(HTCDS.field(named: "spl_Type")).rule
        for event in SupportEvent.allCases {
            if let type = HTCDS.supportType(event) {
                #expect(HTCDS.supportTypeCodes.contains(type), "\(event)")
            } else {
                #expect([SupportEvent.isaProtection, .iomVoluntaryReturn].contains(event))
            }
            #expect(rules.contains("`\(event.rawValue)`"), "the spl_Type rule does not say what \(event.rawValue) gives")
        }
        #expect(HTCDS.traffickingStatusCodes.contains(HTCDS.traffickingStatus))
        #expect(HTCDS.historicEventTypeCodes.contains(HTCDS.historicEventType))
        #expect(HTCDS.roleInProcessCodes.contains(HTCDS.roleInProcess(broker: true)))
        #expect(HTCDS.roleInProcess(broker: false) == "")
    }

    @Test("methods of control: 12 verbatim, six differ and are documented, every 2.0 code has a source")
    func methodsOfControl() throws {
        let verbatim = ControlMethod.allCases.filter { HTCDS.methodOfControl($0) == $0.rawValue }
        #expect(verbatim.count == 12)
        let differing = ControlMethod.allCases.filter { HTCDS.methodOfControl($0) != $0.rawValue }
        #expect(Set(differing) == [.threatsToFamily, .threatOfLawEnforcement, .psychoactiveSubstances,
                                    .withholdsWages, .restrictsMovement, .abusesVulnerability])
        let rule = try #require(HTCDS.field(named: "vic_MethodsOfControl")).rule
        for method in differing {
            #expect(rule.contains("`\(method.rawValue)`→`\(HTCDS.methodOfControl(method))`"), "\(method.rawValue) is not documented")
        }
        #expect(Set(ControlMethod.allCases.map { HTCDS.methodOfControl($0) }) == Set(HTCDS.methodsOfControlCodes))
        #expect(HTCDS.methodsOfControl(nil) == "")
        #expect(HTCDS.methodsOfControl([]) == "")
        #expect(HTCDS.methodsOfControl([.abusesVulnerability, .restrictsMovement, .physicalThreats]) == "PhysicalThreats;Other")
    }

    @Test("citizenship: alpha-3 to alpha-2, unknown to empty")
    func citizenship() {
        #expect(HTCDS.citizenship("JPN") == "JP")
        #expect(HTCDS.citizenship("TWN") == "TW")
        #expect(HTCDS.citizenship("PHL") == "PH")
        #expect(HTCDS.citizenship("UNK") == "")
        #expect(HTCDS.citizenship("XXX") == "")
    }

    @Test("a victim's row, support rows and a suspect's row")
    func rows() {
        let victim = OpenDataVictim(year: 2024, sex: .female, age: 17, nationality: "PHL", exploitation: .hostess,
                                    protectedBy: .womenSupportCenter,
                                    controlMethods: [.withholdsDocuments, .threatsToFamily, .withholdsWages, .takesEarnings, .abusesVulnerability],
                                    support: [.isaProtection, .legalAid, .privateShelter, .iomVoluntaryReturn])
        let row = HTCDS.victimRow(victim, key: "k1")
        #expect(row.count == HTCDS.victimColumns.count)
        #expect(row == ["k1", "Feminine", "PH", "ActualVictimOfTrafficking", "NonPoliceGovernmentalOrganization",
                        "ThreatensChildrenFamily;TakesEarnings;WithholdsDocuments;Other", "ForcedLabour", "Exploitation", "JP",
                        "LocalGovernmentOrganisation"])
        #expect(!row.contains("17") && !row.contains("2024"))
        #expect(HTCDS.supportRows(victim, key: "k1") == [["k1", "Legal"], ["k1", "SocialCare"]])

        let plain = OpenDataVictim(year: 2024, sex: .unknown, age: nil, nationality: "UNK", exploitation: .sexual)
        #expect(HTCDS.victimRow(plain, key: "k2") == ["k2", "NonSpecifiedUnknown", "", "ActualVictimOfTrafficking", "", "",
                                                      "SexualExploitation", "Exploitation", "JP", ""])
        #expect(HTCDS.supportRows(plain, key: "k2").isEmpty)

        let suspect = HTCDS.perpetratorRow(sex: .male, nationality: "TWN", broker: true, key: "p1")
        #expect(suspect.count == HTCDS.perpetratorColumns.count)
        #expect(suspect == ["p1", "Masculine", "TW", "RecruiterOrIntermediary"])
        #expect(HTCDS.perpetratorRow(sex: .other, nationality: "JPN", broker: false, key: "p2") == ["p2", "NonConforming", "JP", ""])
    }

    @Test("docs/htcds-mapping.md holds exactly the table markdownTable() renders")
    func documentation() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("docs/htcds-mapping.md"), encoding: .utf8)
        let marker = "<!-- generated: HTCDS.markdownTable() -->\n"
        let range = try #require(text.range(of: marker))
        let table = String(text[range.upperBound...])
        #expect(table == HTCDS.markdownTable())
        let rendered = HTCDS.markdownTable()
        #expect(rendered == HTCDS.markdownTable())
        #expect(rendered.split(separator: "\n").count == HTCDS.fields.count + 2)
        #expect(rendered.contains("| `prs_Gender` | `prs_` | yes | `victims.sex`, `suspects.sex` |"))
        #expect(rendered.contains("| `prs_FirstName` | `prs_` | **never exported** |"))
    }
}
