import CTIPCore
import SQLKit

/// How a bundle file maps onto its table: columns stored, the key, and the values of one record.
struct BundleTable {
    let name: String
    let columns: [String]
    let keyColumns: [String]
    /// For victims and suspects: the link table holding `case_ids`.
    let linkTable: String?

    static func of(_ file: BundleFile) -> BundleTable {
        switch file {
        case .offenses: return BundleTable(name: "offenses", columns: ["code", "label_en", "label_ja", "law"], keyColumns: ["code"], linkTable: nil)
        case .cases: return BundleTable(name: "cases", columns: file.columnNames, keyColumns: ["case_id"], linkTable: nil)
        case .victims:
            return BundleTable(name: "victims", columns: file.columnNames.filter { $0 != "case_ids" }, keyColumns: ["victim_id"], linkTable: "victim_cases")
        case .suspects:
            return BundleTable(name: "suspects", columns: file.columnNames.filter { $0 != "case_ids" }, keyColumns: ["suspect_id"], linkTable: "suspect_cases")
        case .charges: return BundleTable(name: "charges", columns: file.columnNames, keyColumns: ["suspect_id", "position"], linkTable: nil)
        case .trials: return BundleTable(name: "trials", columns: file.columnNames, keyColumns: ["suspect_id"], linkTable: nil)
        case .support:
            return BundleTable(name: "support_events", columns: ["victim_id", "event", "on_date", "agency", "note"],
                               keyColumns: ["victim_id", "event", "on_date"], linkTable: nil)
        case .history: return BundleTable(name: "history", columns: file.columnNames, keyColumns: ["year"], linkTable: nil)
        case .organisations: return BundleTable(name: "organisations", columns: file.columnNames, keyColumns: ["org_id"], linkTable: nil)
        case .inspections: return BundleTable(name: "inspections", columns: file.columnNames, keyColumns: ["inspection_id"], linkTable: nil)
        case .actions:
            return BundleTable(name: "oversight_actions", columns: file.columnNames.map { $0 == "on" ? "on_date" : $0 }, keyColumns: ["action_id"],
                               linkTable: nil)
        case .agreements: return BundleTable(name: "agreements", columns: file.columnNames, keyColumns: ["agreement_id"], linkTable: nil)
        }
    }
}

/// Receives a record's database values in `BundleTable.columns` order, typed as the columns store them.
/// The bulk loaders write them straight into their wire format: no boxing, no encoder, per value.
protocol CellWriter {
    mutating func text(_ value: String?)
    mutating func integer(_ value: Int?)
    mutating func boolean(_ value: Bool)
    /// Dates are stored as ISO `YYYY-MM-DD` text.
    mutating func day(_ value: Day?)
}

extension CellWriter {
    mutating func day(_ value: Day?) { text(value?.description) }
    mutating func code<Value: CodedValue>(_ value: Value?) { text(value?.rawValue) }
}

/// A record as its table stores it.
protocol StoredRecord: BundleRecord {
    /// Hands the record's values to `writer` in `BundleTable.columns` order.
    func writeCells(to writer: inout some CellWriter)
    /// For victims and suspects: the record's key and the cases it belongs to (the link table's rows).
    var caseLinks: (owner: String, caseIDs: [String])? { get }
    /// Builds the record back from a row read in `BundleTable.columns` order (plus its case links).
    init(row: any SQLRow, caseIDs: [String]) throws
}

extension StoredRecord {
    var caseLinks: (owner: String, caseIDs: [String])? { nil }
}

private extension SQLRow {
    func text(_ column: String) throws -> String? { try decode(column: column, as: String?.self) }
    func requiredText(_ column: String) throws -> String { try decode(column: column, as: String.self) }
    func int(_ column: String) throws -> Int? { try decode(column: column, as: Int?.self) }
    func day(_ column: String) throws -> Day? {
        guard let text = try text(column) else { return nil }
        guard let day = Day(iso: text) else { throw StorageError.corruptValue(column: column, value: text) }
        return day
    }
    func requiredDay(_ column: String) throws -> Day {
        guard let day = try day(column) else { throw StorageError.corruptValue(column: column, value: "NULL") }
        return day
    }
    func code<Value: CodedValue>(_ column: String, as type: Value.Type) throws -> Value? {
        guard let text = try text(column) else { return nil }
        guard let value = Value(rawValue: text) else { throw StorageError.corruptValue(column: column, value: text) }
        return value
    }
    func requiredCode<Value: CodedValue>(_ column: String, as type: Value.Type) throws -> Value {
        guard let value = try code(column, as: type) else { throw StorageError.corruptValue(column: column, value: "NULL") }
        return value
    }
}

extension OffenseRecord: StoredRecord {
    func writeCells(to writer: inout some CellWriter) {
        writer.text(code); writer.text(labelEN); writer.text(labelJA); writer.text(law)
    }
    init(row: any SQLRow, caseIDs: [String]) throws {
        self.init(code: try row.requiredText("code"), labelEN: try row.requiredText("label_en"), labelJA: try row.requiredText("label_ja"),
                  law: try row.text("law"))
    }
}

extension CaseRecord: StoredRecord {
    func writeCells(to writer: inout some CellWriter) {
        writer.text(id); writer.day(clearedOn); writer.text(prefecture); writer.code(agency); writer.text(summary)
    }
    init(row: any SQLRow, caseIDs: [String]) throws {
        self.init(id: try row.requiredText("case_id"), clearedOn: try row.requiredDay("cleared_on"), prefecture: try row.text("prefecture"),
                  agency: try row.code("agency", as: ClearingAgency.self), summary: try row.text("summary"))
    }
}

extension VictimRecord: StoredRecord {
    func writeCells(to writer: inout some CellWriter) {
        writer.text(id); writer.day(protectedOn); writer.code(sex); writer.integer(age); writer.text(nationality)
        writer.text(residenceStatus); writer.code(exploitation); writer.code(protectedBy)
    }
    var caseLinks: (owner: String, caseIDs: [String])? { (id, caseIDs) }
    init(row: any SQLRow, caseIDs: [String]) throws {
        self.init(id: try row.requiredText("victim_id"), protectedOn: try row.requiredDay("protected_on"),
                  sex: try row.requiredCode("sex", as: Sex.self), age: try row.int("age"), nationality: try row.requiredText("nationality"),
                  residenceStatus: try row.text("residence_status"), exploitation: try row.requiredCode("exploitation", as: Exploitation.self),
                  protectedBy: try row.code("protected_by", as: ProtectingAgency.self), caseIDs: caseIDs)
    }
}

extension SuspectRecord: StoredRecord {
    func writeCells(to writer: inout some CellWriter) {
        writer.text(id); writer.day(arrestedOn); writer.code(sex); writer.text(nationality); writer.boolean(broker)
        writer.boolean(organizedCrime); writer.code(disposition); writer.day(dispositionOn); writer.code(notProsecutedReason)
        writer.day(deportationOrderedOn)
    }
    var caseLinks: (owner: String, caseIDs: [String])? { (id, caseIDs) }
    init(row: any SQLRow, caseIDs: [String]) throws {
        self.init(id: try row.requiredText("suspect_id"), arrestedOn: try row.requiredDay("arrested_on"),
                  sex: try row.requiredCode("sex", as: Sex.self), nationality: try row.requiredText("nationality"),
                  broker: try row.decode(column: "broker", as: Bool.self), organizedCrime: try row.decode(column: "organized_crime", as: Bool.self),
                  disposition: try row.code("disposition", as: Disposition.self), dispositionOn: try row.day("disposition_on"),
                  notProsecutedReason: try row.code("not_prosecuted_reason", as: NotProsecutedReason.self),
                  deportationOrderedOn: try row.day("deportation_ordered_on"), caseIDs: caseIDs)
    }
}

extension ChargeRecord: StoredRecord {
    func writeCells(to writer: inout some CellWriter) {
        writer.text(suspectID); writer.integer(position); writer.text(offense); writer.text(detail)
    }
    init(row: any SQLRow, caseIDs: [String]) throws {
        self.init(suspectID: try row.requiredText("suspect_id"), position: try row.decode(column: "position", as: Int.self),
                  offense: try row.requiredText("offense"), detail: try row.text("detail"))
    }
}

extension TrialRecord: StoredRecord {
    func writeCells(to writer: inout some CellWriter) {
        writer.text(suspectID); writer.code(verdict); writer.day(decidedOn); writer.integer(imprisonmentMonths)
        writer.integer(suspensionMonths); writer.integer(fineYen)
    }
    init(row: any SQLRow, caseIDs: [String]) throws {
        self.init(suspectID: try row.requiredText("suspect_id"), verdict: try row.requiredCode("verdict", as: Verdict.self),
                  decidedOn: try row.day("decided_on"), imprisonmentMonths: try row.int("imprisonment_months"),
                  suspensionMonths: try row.int("suspension_months"), fineYen: try row.decode(column: "fine_yen", as: Int64?.self).map(Int.init))
    }
}

extension SupportRecord: StoredRecord {
    func writeCells(to writer: inout some CellWriter) {
        writer.text(victimID); writer.code(event); writer.day(on); writer.code(agency); writer.text(note)
    }
    init(row: any SQLRow, caseIDs: [String]) throws {
        self.init(victimID: try row.requiredText("victim_id"), event: try row.requiredCode("event", as: SupportEvent.self),
                  on: try row.requiredDay("on_date"), agency: try row.code("agency", as: ProtectingAgency.self), note: try row.text("note"))
    }
}

extension HistoryRecord: StoredRecord {
    func writeCells(to writer: inout some CellWriter) {
        writer.integer(year); writer.integer(victims); writer.integer(clearedCases); writer.integer(clearedSuspects)
    }
    init(row: any SQLRow, caseIDs: [String]) throws {
        self.init(year: try row.decode(column: "year", as: Int.self), victims: try row.int("victims"),
                  clearedCases: try row.int("cleared_cases"), clearedSuspects: try row.int("cleared_suspects"))
    }
}

private extension CellWriter {
    /// A boolean that may be unknown: 1, 0 or NULL.
    mutating func flag(_ value: Bool?) { integer(value.map { $0 ? 1 : 0 }) }
}

private extension SQLRow {
    func flag(_ column: String) throws -> Bool? { try decode(column: column, as: Int?.self).map { $0 != 0 } }
    func codes<Value: CodedValue>(_ column: String, as type: Value.Type) throws -> [Value] {
        guard let text = try decode(column: column, as: String?.self), !text.isEmpty else { return [] }
        return try text.split(separator: ";").map { part in
            guard let value = Value(rawValue: String(part)) else { throw StorageError.corruptValue(column: column, value: String(part)) }
            return value
        }
    }
}

extension OrganisationRecord: StoredRecord {
    func writeCells(to writer: inout some CellWriter) {
        writer.text(id); writer.code(kind); writer.text(name); writer.text(nameJA); writer.text(prefecture); writer.text(country)
        writer.text(licenceNumber); writer.code(licenceType); writer.day(licensedOn); writer.text(supervisedBy); writer.text(industry)
    }
    init(row: any SQLRow, caseIDs: [String]) throws {
        self.init(id: try row.requiredText("org_id"), kind: try row.requiredCode("kind", as: OrganisationKind.self), name: try row.text("name"),
                  nameJA: try row.text("name_ja"), prefecture: try row.text("prefecture"), country: try row.text("country"),
                  licenceNumber: try row.text("licence_no"), licenceType: try row.code("licence_type", as: LicenceType.self),
                  licensedOn: try row.day("licensed_on"), supervisedBy: try row.text("supervised_by"), industry: try row.text("industry"))
    }
}

extension InspectionRecord: StoredRecord {
    func writeCells(to writer: inout some CellWriter) {
        writer.text(id); writer.text(organisationID); writer.code(inspector); writer.day(inspectedOn); writer.code(kind)
        writer.flag(violationFound); writer.text(findings.isEmpty ? nil : findings.map(\.rawValue).joined(separator: ";"))
    }
    init(row: any SQLRow, caseIDs: [String]) throws {
        self.init(id: try row.requiredText("inspection_id"), organisationID: try row.requiredText("org_id"),
                  inspector: try row.requiredCode("inspector", as: Inspector.self), inspectedOn: try row.requiredDay("inspected_on"),
                  kind: try row.code("kind", as: InspectionKind.self), violationFound: try row.flag("violation_found"),
                  findings: try row.codes("findings", as: InspectionFinding.self))
    }
}

extension OversightActionRecord: StoredRecord {
    func writeCells(to writer: inout some CellWriter) {
        writer.text(id); writer.text(organisationID); writer.code(kind); writer.code(by); writer.day(on); writer.text(inspectionID)
        writer.day(until); writer.day(dueOn); writer.day(closedOn); writer.flag(published)
    }
    init(row: any SQLRow, caseIDs: [String]) throws {
        self.init(id: try row.requiredText("action_id"), organisationID: try row.requiredText("org_id"),
                  kind: try row.requiredCode("kind", as: OversightActionKind.self), by: try row.requiredCode("by", as: OversightAuthority.self),
                  on: try row.requiredDay("on_date"), inspectionID: try row.text("inspection_id"), until: try row.day("until"),
                  dueOn: try row.day("due_on"), closedOn: try row.day("closed_on"), published: try row.flag("published"))
    }
}

extension AgreementRecord: StoredRecord {
    func writeCells(to writer: inout some CellWriter) {
        writer.text(id); writer.text(country); writer.code(scheme); writer.day(signedOn); writer.day(endedOn)
    }
    init(row: any SQLRow, caseIDs: [String]) throws {
        self.init(id: try row.requiredText("agreement_id"), country: try row.requiredText("country"),
                  scheme: try row.requiredCode("scheme", as: OversightScheme.self), signedOn: try row.requiredDay("signed_on"),
                  endedOn: try row.day("ended_on"))
    }
}

extension BundleFile {
    var recordType: any StoredRecord.Type {
        switch self {
        case .offenses: return OffenseRecord.self
        case .cases: return CaseRecord.self
        case .victims: return VictimRecord.self
        case .suspects: return SuspectRecord.self
        case .charges: return ChargeRecord.self
        case .trials: return TrialRecord.self
        case .support: return SupportRecord.self
        case .history: return HistoryRecord.self
        case .organisations: return OrganisationRecord.self
        case .inspections: return InspectionRecord.self
        case .actions: return OversightActionRecord.self
        case .agreements: return AgreementRecord.self
        }
    }
}

/// Typed storage failures, each with what it concerns.
public enum StorageError: Error, CustomStringConvertible {
    case corruptValue(column: String, value: String)
    case notADirectory(String)
    case cannotRead(path: String, reason: String)
    case cannotWrite(path: String, reason: String)
    case unsupportedDatabase(String)
    case bulkWriteFailed(statement: String, reason: String)
    /// A statement's parameter of a type PostgreSQL cannot be sent directly (a programming error).
    case unsupportedBind(String)

    public var description: String {
        switch self {
        case .corruptValue(let column, let value): return "the database holds an unreadable value in column `\(column)`: `\(value.prefix(40))`"
        case .notADirectory(let path): return "\(path): no such directory"
        case .cannotRead(let path, let reason): return "\(path): cannot be read: \(reason)"
        case .cannotWrite(let path, let reason): return "\(path): cannot be written: \(reason)"
        case .unsupportedDatabase(let kind): return "bundle import supports SQLite and PostgreSQL, not \(kind)"
        case .bulkWriteFailed(let statement, let reason): return "the database refused the import's rows (\(statement)…): \(reason)"
        case .unsupportedBind(let kind): return "a statement was given a parameter PostgreSQL cannot take: \(kind)"
        }
    }
}
