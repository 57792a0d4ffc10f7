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
        }
    }
}

/// The database values of a record, in `BundleTable.columns` order.
protocol StoredRecord: BundleRecord {
    var values: [any Encodable & Sendable] { get }
    /// Builds the record back from a row read in `BundleTable.columns` order (plus its case links).
    init(row: any SQLRow, caseIDs: [String]) throws
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
    var values: [any Encodable & Sendable] { [code, labelEN, labelJA, law] }
    init(row: any SQLRow, caseIDs: [String]) throws {
        self.init(code: try row.requiredText("code"), labelEN: try row.requiredText("label_en"), labelJA: try row.requiredText("label_ja"),
                  law: try row.text("law"))
    }
}

extension CaseRecord: StoredRecord {
    var values: [any Encodable & Sendable] { [id, clearedOn.description, prefecture, agency?.rawValue, summary] }
    init(row: any SQLRow, caseIDs: [String]) throws {
        self.init(id: try row.requiredText("case_id"), clearedOn: try row.requiredDay("cleared_on"), prefecture: try row.text("prefecture"),
                  agency: try row.code("agency", as: ClearingAgency.self), summary: try row.text("summary"))
    }
}

extension VictimRecord: StoredRecord {
    var values: [any Encodable & Sendable] {
        [id, protectedOn.description, sex.rawValue, age, nationality, residenceStatus, exploitation.rawValue, protectedBy?.rawValue]
    }
    init(row: any SQLRow, caseIDs: [String]) throws {
        self.init(id: try row.requiredText("victim_id"), protectedOn: try row.requiredDay("protected_on"),
                  sex: try row.requiredCode("sex", as: Sex.self), age: try row.int("age"), nationality: try row.requiredText("nationality"),
                  residenceStatus: try row.text("residence_status"), exploitation: try row.requiredCode("exploitation", as: Exploitation.self),
                  protectedBy: try row.code("protected_by", as: ProtectingAgency.self), caseIDs: caseIDs)
    }
}

extension SuspectRecord: StoredRecord {
    var values: [any Encodable & Sendable] {
        [id, arrestedOn.description, sex.rawValue, nationality, broker, organizedCrime, disposition?.rawValue,
         dispositionOn?.description, notProsecutedReason?.rawValue, deportationOrderedOn?.description]
    }
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
    var values: [any Encodable & Sendable] { [suspectID, position, offense, detail] }
    init(row: any SQLRow, caseIDs: [String]) throws {
        self.init(suspectID: try row.requiredText("suspect_id"), position: try row.decode(column: "position", as: Int.self),
                  offense: try row.requiredText("offense"), detail: try row.text("detail"))
    }
}

extension TrialRecord: StoredRecord {
    var values: [any Encodable & Sendable] {
        [suspectID, verdict.rawValue, decidedOn?.description, imprisonmentMonths, suspensionMonths, fineYen.map(Int64.init)]
    }
    init(row: any SQLRow, caseIDs: [String]) throws {
        self.init(suspectID: try row.requiredText("suspect_id"), verdict: try row.requiredCode("verdict", as: Verdict.self),
                  decidedOn: try row.day("decided_on"), imprisonmentMonths: try row.int("imprisonment_months"),
                  suspensionMonths: try row.int("suspension_months"), fineYen: try row.decode(column: "fine_yen", as: Int64?.self).map(Int.init))
    }
}

extension SupportRecord: StoredRecord {
    var values: [any Encodable & Sendable] { [victimID, event.rawValue, on.description, agency?.rawValue, note] }
    init(row: any SQLRow, caseIDs: [String]) throws {
        self.init(victimID: try row.requiredText("victim_id"), event: try row.requiredCode("event", as: SupportEvent.self),
                  on: try row.requiredDay("on_date"), agency: try row.code("agency", as: ProtectingAgency.self), note: try row.text("note"))
    }
}

extension HistoryRecord: StoredRecord {
    var values: [any Encodable & Sendable] { [year, victims, clearedCases, clearedSuspects] }
    init(row: any SQLRow, caseIDs: [String]) throws {
        self.init(year: try row.decode(column: "year", as: Int.self), victims: try row.int("victims"),
                  clearedCases: try row.int("cleared_cases"), clearedSuspects: try row.int("cleared_suspects"))
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
        }
    }
}

/// Typed storage failures, each with what it concerns.
public enum StorageError: Error, CustomStringConvertible {
    case corruptValue(column: String, value: String)
    case notADirectory(String)
    case cannotRead(path: String, reason: String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .corruptValue(let column, let value): return "the database holds an unreadable value in column `\(column)`: `\(value.prefix(40))`"
        case .notADirectory(let path): return "\(path): no such directory"
        case .cannotRead(let path, let reason): return "\(path): cannot be read: \(reason)"
        case .cannotWrite(let path, let reason): return "\(path): cannot be written: \(reason)"
        }
    }
}
