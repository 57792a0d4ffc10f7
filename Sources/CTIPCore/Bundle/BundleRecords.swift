/// A row of a bundle file, decoded and checked on its own (references to other rows are checked by the importer).
public protocol BundleRecord: Sendable {
    static var file: BundleFile { get }
    /// The row's key within its file: duplicates are an error.
    var key: String { get }
    /// The cells in `file.columnNames` order, as export writes them.
    var cells: [String] { get }
    init?(decoding row: inout RowDecoder, context: ValidationContext)
}

/// What row validation needs to know beyond the row: the code lists, the offense codes in force, and
/// today (the dates of what has happened — an inspection, an action — cannot be after it).
public struct ValidationContext: Sendable {
    public let codeLists: CodeLists
    public let offenseCodes: Set<String>
    public let today: Day?
    public init(codeLists: CodeLists, offenseCodes: Set<String>, today: Day? = nil) {
        self.codeLists = codeLists
        self.offenseCodes = offenseCodes
        self.today = today
    }
}

private func cell(_ value: String?) -> String { value ?? "" }
private func cell(_ value: Int?) -> String { value.map(String.init) ?? "" }
private func cell(_ value: Day?) -> String { value?.description ?? "" }
private func cell<Value: CodedValue>(_ value: Value?) -> String { value?.rawValue ?? "" }

extension RowDecoder {
    mutating func nationality(_ column: String, context: ValidationContext) -> String? {
        guard let value = required(column) else { return nil }
        guard context.codeLists.countries[value] != nil else {
            fail(column, "unknown nationality `\(value.prefix(40))`; expected an ISO 3166-1 alpha-3 code such as `JPN`, `PHL`, or `UNK`",
                 japanese: "「\(value.prefix(40))」は国籍のコードではありません。ISO 3166-1 の3文字コード（JPN、PHL、不明は UNK など）を入力してください")
            return nil
        }
        return value
    }

    mutating func prefecture(_ column: String, context: ValidationContext) -> String? {
        guard let value = raw(column) else { return nil }
        guard context.codeLists.prefectures[value] != nil else {
            fail(column, "unknown prefecture `\(value.prefix(40))`; expected an ISO 3166-2:JP code `JP-01`…`JP-47`",
                 japanese: "「\(value.prefix(40))」は都道府県のコードではありません。JP-01〜JP-47 を入力してください")
            return nil
        }
        return value
    }
}

public struct OffenseRecord: BundleRecord, Equatable {
    public static let file = BundleFile.offenses
    public var code: String
    public var labelEN: String
    public var labelJA: String
    public var law: String?
    public var key: String { code }
    public var cells: [String] { [code, labelEN, labelJA, cell(law)] }
    public init(code: String, labelEN: String, labelJA: String, law: String?) {
        self.code = code; self.labelEN = labelEN; self.labelJA = labelJA; self.law = law
    }
    public init?(decoding row: inout RowDecoder, context: ValidationContext) {
        let code = row.identifier("code")
        let en = row.required("label_en").flatMap { _ in row.text("label_en") }
        let ja = row.required("label_ja").flatMap { _ in row.text("label_ja") }
        let law = row.text("law")
        guard let code, let en, let ja, row.issues.isEmpty else { return nil }
        self.init(code: code, labelEN: en, labelJA: ja, law: law)
    }
}

public struct CaseRecord: BundleRecord, Equatable {
    public static let file = BundleFile.cases
    public var id: String
    public var clearedOn: Day
    public var prefecture: String?
    public var agency: ClearingAgency?
    public var summary: String?
    public var key: String { id }
    public var cells: [String] { [id, clearedOn.description, cell(prefecture), cell(agency), cell(summary)] }
    public init(id: String, clearedOn: Day, prefecture: String? = nil, agency: ClearingAgency? = nil, summary: String? = nil) {
        self.id = id; self.clearedOn = clearedOn; self.prefecture = prefecture; self.agency = agency; self.summary = summary
    }
    public init?(decoding row: inout RowDecoder, context: ValidationContext) {
        let id = row.identifier("case_id")
        let clearedOn = row.day("cleared_on", required: true)
        let prefecture = row.prefecture("prefecture", context: context)
        let agency = row.code("agency", as: ClearingAgency.self)
        let summary = row.text("summary", maximumLength: 2000)
        guard let id, let clearedOn, row.issues.isEmpty else { return nil }
        self.init(id: id, clearedOn: clearedOn, prefecture: prefecture, agency: agency, summary: summary)
    }
}

public struct VictimRecord: BundleRecord, Equatable {
    public static let file = BundleFile.victims
    public var id: String
    public var protectedOn: Day
    public var sex: Sex
    public var age: Int?
    public var nationality: String
    public var residenceStatus: String?
    public var exploitation: Exploitation
    public var protectedBy: ProtectingAgency?
    public var caseIDs: [String]
    public var key: String { id }
    public var isMinor: Bool { (age ?? 18) < 18 }
    public var cells: [String] {
        [id, protectedOn.description, sex.rawValue, cell(age), nationality, cell(residenceStatus), exploitation.rawValue,
         cell(protectedBy), caseIDs.joined(separator: ";")]
    }
    public init(id: String, protectedOn: Day, sex: Sex, age: Int?, nationality: String, residenceStatus: String?,
                exploitation: Exploitation, protectedBy: ProtectingAgency?, caseIDs: [String]) {
        self.id = id; self.protectedOn = protectedOn; self.sex = sex; self.age = age; self.nationality = nationality
        self.residenceStatus = residenceStatus; self.exploitation = exploitation; self.protectedBy = protectedBy; self.caseIDs = caseIDs
    }
    public init?(decoding row: inout RowDecoder, context: ValidationContext) {
        let id = row.identifier("victim_id")
        let protectedOn = row.day("protected_on", required: true)
        let sex = row.code("sex", as: Sex.self, required: true)
        let age = row.integer("age", in: 0...120)
        let nationality = row.nationality("nationality", context: context)
        var residenceStatus = row.raw("residence_status")
        if let status = residenceStatus, context.codeLists.residenceStatuses[status] == nil {
            row.fail("residence_status", "unknown status of residence `\(status.prefix(40))`; expected one of \(context.codeLists.residenceStatusOrder.map { "`\($0)`" }.joined(separator: ", "))",
                     japanese: "「\(status.prefix(40))」は在留資格のコードではありません")
            residenceStatus = nil
        } else if let nationality {
            if nationality == "JPN", residenceStatus != nil {
                row.fail("residence_status", "must be empty for a Japanese national (`JPN`)", japanese: "日本国籍（JPN）の場合は空欄にしてください")
            } else if nationality != "JPN", residenceStatus == nil {
                row.fail("residence_status", "required for a non-Japanese victim (use `no_status` for illegal stay or overstay)",
                         japanese: "外国籍の被害者には必要です（不法滞在・不法残留の場合は no_status）")
            }
        }
        let exploitation = row.code("exploitation", as: Exploitation.self, required: true)
        let protectedBy = row.code("protected_by", as: ProtectingAgency.self)
        let caseIDs = row.identifierList("case_ids")
        guard let id, let protectedOn, let sex, let nationality, let exploitation, row.issues.isEmpty else { return nil }
        self.init(id: id, protectedOn: protectedOn, sex: sex, age: age, nationality: nationality, residenceStatus: residenceStatus,
                  exploitation: exploitation, protectedBy: protectedBy, caseIDs: caseIDs)
    }
}

public struct SuspectRecord: BundleRecord, Equatable {
    public static let file = BundleFile.suspects
    public var id: String
    public var arrestedOn: Day
    public var sex: Sex
    public var nationality: String
    public var broker: Bool
    public var organizedCrime: Bool
    public var disposition: Disposition?
    public var dispositionOn: Day?
    public var notProsecutedReason: NotProsecutedReason?
    public var deportationOrderedOn: Day?
    public var caseIDs: [String]
    public var key: String { id }
    public var cells: [String] {
        [id, arrestedOn.description, sex.rawValue, nationality, String(broker), String(organizedCrime), cell(disposition),
         cell(dispositionOn), cell(notProsecutedReason), cell(deportationOrderedOn), caseIDs.joined(separator: ";")]
    }
    public init(id: String, arrestedOn: Day, sex: Sex, nationality: String, broker: Bool = false, organizedCrime: Bool = false,
                disposition: Disposition? = nil, dispositionOn: Day? = nil, notProsecutedReason: NotProsecutedReason? = nil,
                deportationOrderedOn: Day? = nil, caseIDs: [String] = []) {
        self.id = id; self.arrestedOn = arrestedOn; self.sex = sex; self.nationality = nationality; self.broker = broker
        self.organizedCrime = organizedCrime; self.disposition = disposition; self.dispositionOn = dispositionOn
        self.notProsecutedReason = notProsecutedReason; self.deportationOrderedOn = deportationOrderedOn; self.caseIDs = caseIDs
    }
    public init?(decoding row: inout RowDecoder, context: ValidationContext) {
        let id = row.identifier("suspect_id")
        let arrestedOn = row.day("arrested_on", required: true)
        let sex = row.code("sex", as: Sex.self, required: true)
        let nationality = row.nationality("nationality", context: context)
        let broker = row.boolean("broker") ?? false
        let organizedCrime = row.boolean("organized_crime") ?? false
        let disposition = row.code("disposition", as: Disposition.self)
        let dispositionOn = row.day("disposition_on")
        if disposition != nil, dispositionOn == nil, row.raw("disposition_on") == nil {
            row.fail("disposition_on", "required when `disposition` is given", japanese: "処分を入力した場合は処分日も必要です")
        }
        if disposition == nil, row.raw("disposition") == nil, dispositionOn != nil {
            row.fail("disposition_on", "given without a `disposition`", japanese: "処分がないのに処分日が入力されています")
        }
        let reason = row.code("not_prosecuted_reason", as: NotProsecutedReason.self)
        if reason != nil, let disposition, disposition != .notProsecuted {
            row.fail("not_prosecuted_reason", "only for `disposition` `not_prosecuted`, not `\(disposition.rawValue)`",
                     japanese: "不起訴の理由は処分が not_prosecuted の場合だけ入力します（現在は \(disposition.rawValue)）")
        }
        let deportation = row.day("deportation_ordered_on")
        if let arrestedOn, let dispositionOn, dispositionOn < arrestedOn {
            row.fail("disposition_on", "\(dispositionOn) is before `arrested_on` \(arrestedOn)",
                     japanese: "処分日 \(dispositionOn) が検挙日 \(arrestedOn) より前です")
        }
        let caseIDs = row.identifierList("case_ids")
        guard let id, let arrestedOn, let sex, let nationality, row.issues.isEmpty else { return nil }
        self.init(id: id, arrestedOn: arrestedOn, sex: sex, nationality: nationality, broker: broker, organizedCrime: organizedCrime,
                  disposition: disposition, dispositionOn: dispositionOn, notProsecutedReason: reason,
                  deportationOrderedOn: deportation, caseIDs: caseIDs)
    }
}

public struct ChargeRecord: BundleRecord, Equatable {
    public static let file = BundleFile.charges
    public var suspectID: String
    public var position: Int
    public var offense: String
    public var detail: String?
    public var key: String { "\(suspectID) position \(position)" }
    public var cells: [String] { [suspectID, String(position), offense, cell(detail)] }
    public init(suspectID: String, position: Int, offense: String, detail: String? = nil) {
        self.suspectID = suspectID; self.position = position; self.offense = offense; self.detail = detail
    }
    public init?(decoding row: inout RowDecoder, context: ValidationContext) {
        let suspectID = row.identifier("suspect_id")
        let position = row.integer("position", in: 1...999, required: true)
        var offense = row.required("offense")
        if let code = offense, !context.offenseCodes.contains(code) {
            row.fail("offense", "unknown offense code `\(code.prefix(40))`; see offenses.csv", japanese: "「\(code.prefix(40))」は罪名のコードではありません")
            offense = nil
        }
        let detail = row.text("detail", maximumLength: 200)
        if offense == "juvenile_protection_ordinance", let detail, context.codeLists.prefectures[detail] == nil {
            row.fail("detail", "`\(detail.prefix(40))` is not a prefecture: an ordinance's detail is its prefecture `JP-01`…`JP-47`",
                     japanese: "「\(detail.prefix(40))」は都道府県ではありません。条例の場合はその都道府県（JP-01〜JP-47）を入力してください")
        }
        guard let suspectID, let position, let offense, row.issues.isEmpty else { return nil }
        self.init(suspectID: suspectID, position: position, offense: offense, detail: detail)
    }
}

public struct TrialRecord: BundleRecord, Equatable {
    public static let file = BundleFile.trials
    public var suspectID: String
    public var verdict: Verdict
    public var decidedOn: Day?
    public var imprisonmentMonths: Int?
    public var suspensionMonths: Int?
    public var fineYen: Int?
    public var key: String { suspectID }
    public var cells: [String] {
        [suspectID, verdict.rawValue, cell(decidedOn), cell(imprisonmentMonths), cell(suspensionMonths), cell(fineYen)]
    }
    public init(suspectID: String, verdict: Verdict, decidedOn: Day? = nil, imprisonmentMonths: Int? = nil,
                suspensionMonths: Int? = nil, fineYen: Int? = nil) {
        self.suspectID = suspectID; self.verdict = verdict; self.decidedOn = decidedOn
        self.imprisonmentMonths = imprisonmentMonths; self.suspensionMonths = suspensionMonths; self.fineYen = fineYen
    }
    public init?(decoding row: inout RowDecoder, context: ValidationContext) {
        let suspectID = row.identifier("suspect_id")
        let verdict = row.code("verdict", as: Verdict.self, required: true)
        let decidedOn = row.day("decided_on")
        if let verdict, verdict != .pending, decidedOn == nil, row.raw("decided_on") == nil {
            row.fail("decided_on", "required unless the verdict is `pending`", japanese: "公判中（pending）でなければ判決日が必要です")
        }
        if verdict == .pending, decidedOn != nil {
            row.fail("decided_on", "a pending trial has no decision date", japanese: "公判中の場合、判決日は入力しません")
        }
        let imprisonment = row.integer("imprisonment_months", in: 0...1200)
        let suspension = row.integer("suspension_months", in: 0...1200)
        let fine = row.integer("fine_yen", in: 0...1_000_000_000_000)
        guard let suspectID, let verdict, row.issues.isEmpty else { return nil }
        self.init(suspectID: suspectID, verdict: verdict, decidedOn: decidedOn, imprisonmentMonths: imprisonment,
                  suspensionMonths: suspension, fineYen: fine)
    }

    /// The trial's state as of a cut-off: a decision after it was still pending then.
    public func verdict(asOf cutOff: Day) -> Verdict {
        guard let decidedOn, decidedOn <= cutOff else { return .pending }
        return verdict
    }
}

public struct SupportRecord: BundleRecord, Equatable {
    public static let file = BundleFile.support
    public var victimID: String
    public var event: SupportEvent
    public var on: Day
    public var agency: ProtectingAgency?
    public var note: String?
    /// One event of a kind per victim per day: what makes re-import idempotent.
    public var key: String { "\(victimID) \(event.rawValue) \(on)" }
    public var cells: [String] { [victimID, event.rawValue, on.description, cell(agency), cell(note)] }
    public init(victimID: String, event: SupportEvent, on: Day, agency: ProtectingAgency? = nil, note: String? = nil) {
        self.victimID = victimID; self.event = event; self.on = on; self.agency = agency; self.note = note
    }
    public init?(decoding row: inout RowDecoder, context: ValidationContext) {
        let victimID = row.identifier("victim_id")
        let event = row.code("event", as: SupportEvent.self, required: true)
        let on = row.day("on", required: true)
        let agency = row.code("agency", as: ProtectingAgency.self)
        let note = row.text("note", maximumLength: 2000)
        guard let victimID, let event, let on, row.issues.isEmpty else { return nil }
        self.init(victimID: victimID, event: event, on: on, agency: agency, note: note)
    }
}

public struct HistoryRecord: BundleRecord, Equatable {
    public static let file = BundleFile.history
    public var year: Int
    public var victims: Int?
    public var clearedCases: Int?
    public var clearedSuspects: Int?
    public var key: String { String(year) }
    public var cells: [String] { [String(year), cell(victims), cell(clearedCases), cell(clearedSuspects)] }
    public init(year: Int, victims: Int?, clearedCases: Int?, clearedSuspects: Int?) {
        self.year = year; self.victims = victims; self.clearedCases = clearedCases; self.clearedSuspects = clearedSuspects
    }
    public init?(decoding row: inout RowDecoder, context: ValidationContext) {
        let year = row.integer("year", in: 1900...2200, required: true)
        let victims = row.integer("victims", in: 0...10_000_000)
        let cases = row.integer("cleared_cases", in: 0...10_000_000)
        let suspects = row.integer("cleared_suspects", in: 0...10_000_000)
        guard let year, row.issues.isEmpty else { return nil }
        self.init(year: year, victims: victims, clearedCases: cases, clearedSuspects: suspects)
    }
}
