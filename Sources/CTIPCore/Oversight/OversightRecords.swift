/// The rows of the programme-oversight files (shared/spec/oversight.md), each checked on its own; what
/// one row says of another (an inspection's organisation exists, an implementing organisation's
/// supervisor is a supervising organisation, nothing is ordered after a licence ended) is checked when
/// the bundle is imported.

private func cell(_ value: String?) -> String { value ?? "" }
private func cell(_ value: Day?) -> String { value?.description ?? "" }
private func cell(_ value: Bool?) -> String { value.map { $0 ? "true" : "false" } ?? "" }
private func cell<Value: CodedValue>(_ value: Value?) -> String { value?.rawValue ?? "" }

extension RowDecoder {
    /// A day that has happened: an inspection, an action, a licence cannot be dated after today.
    mutating func pastDay(_ column: String, required isRequired: Bool = false, context: ValidationContext) -> Day? {
        guard let day = day(column, required: isRequired) else { return nil }
        if let today = context.today, day > today {
            fail(column, "\(day) is in the future (today is \(today))", japanese: "\(day) は未来の日付です（今日は \(today)）")
            return nil
        }
        return day
    }

    /// A day that cannot be before `start` (a suspension's end, a report's due date).
    mutating func day(_ column: String, notBefore start: Day?, startColumn: String) -> Day? {
        guard let day = day(column) else { return nil }
        if let start, day < start {
            fail(column, "\(day) is before `\(startColumn)` \(start)", japanese: "\(day) は \(startColumn)（\(start)）より前です")
            return nil
        }
        return day
    }

    mutating func country(_ column: String, required isRequired: Bool, context: ValidationContext) -> String? {
        guard let value = isRequired ? required(column) : raw(column) else { return nil }
        guard context.codeLists.countries[value] != nil else {
            fail(column, "unknown country `\(value.prefix(40))`; expected an ISO 3166-1 alpha-3 code such as `VNM`",
                 japanese: "「\(value.prefix(40))」は国のコードではありません。ISO 3166-1 の3文字コード（VNM など）を入力してください")
            return nil
        }
        return value
    }

    mutating func codeList<Value: CodedValue>(_ column: String, as type: Value.Type) -> [Value] {
        guard let value = raw(column) else { return [] }
        var codes: [Value] = []
        for part in value.split(separator: ";", omittingEmptySubsequences: false) {
            guard let code = Value(rawValue: String(part)) else {
                fail(column, "unknown code `\(part.prefix(40))`; expected `;`-separated codes of \(Value.allowedCodes)",
                     japanese: "「\(part.prefix(40))」は使えないコードです。「;」で区切って次のコードを入力してください：\(Value.allowedCodes)")
                return []
            }
            if !codes.contains(code) { codes.append(code) }
        }
        return codes
    }
}

public struct OrganisationRecord: BundleRecord, Equatable {
    public static let file = BundleFile.organisations
    public var id: String
    public var kind: OrganisationKind
    public var name: String?
    public var nameJA: String?
    public var prefecture: String?
    public var country: String?
    public var licenceNumber: String?
    public var licenceType: LicenceType?
    public var licensedOn: Day?
    public var supervisedBy: String?
    public var industry: String?

    public var key: String { id }
    public var cells: [String] {
        [id, kind.rawValue, cell(name), cell(nameJA), cell(prefecture), cell(country), cell(licenceNumber), cell(licenceType),
         cell(licensedOn), cell(supervisedBy), cell(industry)]
    }

    public init(id: String, kind: OrganisationKind, name: String? = nil, nameJA: String? = nil, prefecture: String? = nil, country: String? = nil,
                licenceNumber: String? = nil, licenceType: LicenceType? = nil, licensedOn: Day? = nil, supervisedBy: String? = nil,
                industry: String? = nil) {
        self.id = id; self.kind = kind; self.name = name; self.nameJA = nameJA; self.prefecture = prefecture; self.country = country
        self.licenceNumber = licenceNumber; self.licenceType = licenceType; self.licensedOn = licensedOn; self.supervisedBy = supervisedBy
        self.industry = industry
    }

    public init?(decoding row: inout RowDecoder, context: ValidationContext) {
        let id = row.identifier("org_id")
        let kind = row.code("kind", as: OrganisationKind.self, required: true)
        let name = row.text("name", maximumLength: 300)
        let nameJA = row.text("name_ja", maximumLength: 300)
        let prefecture = row.prefecture("prefecture", context: context)
        let country = row.country("country", required: kind == .sending, context: context)
        let licenceNumber = row.text("licence_no", maximumLength: 64)
        let licenceType = row.code("licence_type", as: LicenceType.self)
        if licenceType != nil, let kind, kind != .supervising {
            row.fail("licence_type", "only a supervising organisation has a licence type, not a `\(kind.rawValue)` one",
                     japanese: "許可の種類（一般・特定）は監理団体だけのものです")
        }
        let licensedOn = row.pastDay("licensed_on", context: context)
        var supervisedBy: String?
        if row.raw("supervised_by") != nil {
            supervisedBy = row.identifier("supervised_by")
            if let kind, kind != .implementing {
                row.fail("supervised_by", "only an implementing organisation is supervised, not a `\(kind.rawValue)` one",
                         japanese: "監理を受けるのは実習実施者だけです")
            }
            if let id, supervisedBy == id { row.fail("supervised_by", "an organisation cannot supervise itself", japanese: "自らを監理することはできません") }
        }
        let industry = row.raw("industry").flatMap { _ in row.identifier("industry") }
        guard let id, let kind, row.issues.isEmpty else { return nil }
        self.init(id: id, kind: kind, name: name, nameJA: nameJA, prefecture: prefecture, country: country, licenceNumber: licenceNumber,
                  licenceType: licenceType, licensedOn: licensedOn, supervisedBy: supervisedBy, industry: industry)
    }
}

public struct InspectionRecord: BundleRecord, Equatable {
    public static let file = BundleFile.inspections
    public var id: String
    public var organisationID: String
    public var inspector: Inspector
    public var inspectedOn: Day
    public var kind: InspectionKind?
    /// nil: not yet judged.
    public var violationFound: Bool?
    public var findings: [InspectionFinding]

    public var key: String { id }
    public var cells: [String] {
        [id, organisationID, inspector.rawValue, inspectedOn.description, cell(kind), cell(violationFound), findings.map(\.rawValue).joined(separator: ";")]
    }

    public init(id: String, organisationID: String, inspector: Inspector, inspectedOn: Day, kind: InspectionKind? = nil,
                violationFound: Bool? = nil, findings: [InspectionFinding] = []) {
        self.id = id; self.organisationID = organisationID; self.inspector = inspector; self.inspectedOn = inspectedOn; self.kind = kind
        self.violationFound = violationFound; self.findings = findings
    }

    public init?(decoding row: inout RowDecoder, context: ValidationContext) {
        let id = row.identifier("inspection_id")
        let organisationID = row.identifier("org_id")
        let inspector = row.code("inspector", as: Inspector.self, required: true)
        let inspectedOn = row.pastDay("inspected_on", required: true, context: context)
        let kind = row.code("kind", as: InspectionKind.self)
        let violationFound = row.boolean("violation_found")
        let findings = row.codeList("findings", as: InspectionFinding.self)
        if violationFound == false, !findings.isEmpty {
            row.fail("findings", "findings are listed, but `violation_found` is false", japanese: "違反なし（false）なのに指摘事項が記載されています")
        }
        guard let id, let organisationID, let inspector, let inspectedOn, row.issues.isEmpty else { return nil }
        self.init(id: id, organisationID: organisationID, inspector: inspector, inspectedOn: inspectedOn, kind: kind,
                  violationFound: violationFound, findings: findings)
    }
}

public struct OversightActionRecord: BundleRecord, Equatable {
    public static let file = BundleFile.actions
    public var id: String
    public var organisationID: String
    public var kind: OversightActionKind
    public var by: OversightAuthority
    public var on: Day
    public var inspectionID: String?
    public var until: Day?
    public var dueOn: Day?
    public var closedOn: Day?
    public var published: Bool?

    public var key: String { id }
    public var cells: [String] {
        [id, organisationID, kind.rawValue, by.rawValue, on.description, cell(inspectionID), cell(until), cell(dueOn), cell(closedOn), cell(published)]
    }

    public init(id: String, organisationID: String, kind: OversightActionKind, by: OversightAuthority, on: Day, inspectionID: String? = nil,
                until: Day? = nil, dueOn: Day? = nil, closedOn: Day? = nil, published: Bool? = nil) {
        self.id = id; self.organisationID = organisationID; self.kind = kind; self.by = by; self.on = on; self.inspectionID = inspectionID
        self.until = until; self.dueOn = dueOn; self.closedOn = closedOn; self.published = published
    }

    public init?(decoding row: inout RowDecoder, context: ValidationContext) {
        let id = row.identifier("action_id")
        let organisationID = row.identifier("org_id")
        let kind = row.code("kind", as: OversightActionKind.self, required: true)
        let by = row.code("by", as: OversightAuthority.self, required: true)
        let on = row.pastDay("on", required: true, context: context)
        let inspectionID = row.raw("inspection_id").flatMap { _ in row.identifier("inspection_id") }
        let until = row.day("until", notBefore: on, startColumn: "on")
        let dueOn = row.day("due_on", notBefore: on, startColumn: "on")
        var closedOn = row.day("closed_on", notBefore: on, startColumn: "on")
        if closedOn != nil, let today = context.today, closedOn! > today {
            row.fail("closed_on", "\(closedOn!) is in the future (today is \(today))", japanese: "\(closedOn!) は未来の日付です")
            closedOn = nil
        }
        let published = row.boolean("published")
        guard let id, let organisationID, let kind, let by, let on, row.issues.isEmpty else { return nil }
        self.init(id: id, organisationID: organisationID, kind: kind, by: by, on: on, inspectionID: inspectionID, until: until,
                  dueOn: dueOn, closedOn: closedOn, published: published)
    }
}

public struct AgreementRecord: BundleRecord, Equatable {
    public static let file = BundleFile.agreements
    public var id: String
    public var country: String
    public var scheme: OversightScheme
    public var signedOn: Day
    public var endedOn: Day?

    public var key: String { id }
    public var cells: [String] { [id, country, scheme.rawValue, signedOn.description, cell(endedOn)] }

    public init(id: String, country: String, scheme: OversightScheme, signedOn: Day, endedOn: Day? = nil) {
        self.id = id; self.country = country; self.scheme = scheme; self.signedOn = signedOn; self.endedOn = endedOn
    }

    /// In force on `day`: signed by then, not yet ended.
    public func inForce(on day: Day) -> Bool { signedOn <= day && (endedOn.map { $0 > day } ?? true) }

    public init?(decoding row: inout RowDecoder, context: ValidationContext) {
        let id = row.identifier("agreement_id")
        let country = row.country("country", required: true, context: context)
        let scheme = row.code("scheme", as: OversightScheme.self, required: true)
        let signedOn = row.pastDay("signed_on", required: true, context: context)
        let endedOn = row.day("ended_on", notBefore: signedOn, startColumn: "signed_on")
        guard let id, let country, let scheme, let signedOn, row.issues.isEmpty else { return nil }
        self.init(id: id, country: country, scheme: scheme, signedOn: signedOn, endedOn: endedOn)
    }
}
