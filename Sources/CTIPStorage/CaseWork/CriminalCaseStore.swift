import CTIPCore
import FluentKit
import Foundation
import SQLKit

/// A cleared case as case work shows it: the case, its suspects with their charges and trial.
public struct CriminalCaseView: Sendable, Codable, Equatable {
    public struct Suspect: Sendable, Codable, Equatable {
        public var record: SuspectRecordJSON
        public var charges: [String]
        public var trial: TrialRecordJSON?
    }
    public var id: String
    public var clearedOn: String
    public var prefecture: String?
    public var agency: String?
    public var summary: String?
    public var owningAgency: String?
    public var suspects: [Suspect]
}

/// The suspect's bundle fields, as JSON.
public struct SuspectRecordJSON: Sendable, Codable, Equatable {
    public var id: String
    public var arrestedOn: String
    public var sex: String
    public var nationality: String
    public var broker: Bool
    public var organizedCrime: Bool
    public var disposition: String?
    public var dispositionOn: String?
    public var notProsecutedReason: String?
    public var deportationOrderedOn: String?
}

public struct TrialRecordJSON: Sendable, Codable, Equatable {
    public var verdict: String
    public var decidedOn: String?
    public var imprisonmentMonths: Int?
    public var suspensionMonths: Int?
    public var fineYen: Int?
}

/// Cleared cases, suspects, prosecutions and trials entered by the police and the prosecutors' liaison
/// staff (the Ministry of Justice), straight into the tables the annual report counts. The police agency
/// that records a case keeps it; the Ministry of Justice records dispositions and trials for any case.
/// Suspects carry no names: the statistics do not need them. Every change is audited.
public struct CriminalCaseStore: Sendable {
    public let database: any Database
    public let now: @Sendable () -> Date

    public init(database: any Database, now: @escaping @Sendable () -> Date = Date.init) { self.database = database; self.now = now }

    static let prosecutorsLiaison = "moj"

    public func openCase(_ record: CaseRecord, by staff: StaffIdentity) async throws {
        try await require(staff, .recordSuspectsAndTrials, record: "case:\(record.id)")
        guard staff.agency.kind.investigates else { throw CaseWorkError.forbidden("only the police and the coast guard clear cases") }
        try await database.writeTransaction { transaction in
            let sql = transaction.sql
            // Checked under the write lock: two clerks entering one case at once get one case and one refusal.
            if try await sql.select().column("case_id").from("cases").where("case_id", .equal, record.id).first() != nil {
                throw CaseWorkError.conflict([FieldError(field: "case_id", message: "a case \(record.id) already exists", japanese: "事件 \(record.id) は既に登録されています")])
            }
            try await sql.insert(into: "cases").columns("case_id", "cleared_on", "prefecture", "agency", "summary")
                .values(SQLBind(record.id), SQLBind(record.clearedOn.description), SQLBind(record.prefecture ?? staff.agency.prefecture),
                        SQLBind(record.agency?.rawValue ?? ClearingAgency(rawValue: staff.agency.kind.bundleCode)?.rawValue), SQLBind(record.summary))
                .run()
            try await sql.insert(into: "case_owners").columns("case_id", "agency", "created_by", "created_at")
                .values(SQLBind(record.id), SQLBind(staff.agency.code), SQLBind(staff.auditActor), SQLBind(AccountStore.seconds(now()))).run()
            try await AuditLog(database: transaction).append(event(staff, .create, "case:\(record.id)", ["case"], "open a cleared case"))
        }
    }

    /// Adds a suspect to a case with the charges, in order (offense codes of the code list).
    public func addSuspect(_ record: SuspectRecord, charges: [String], toCase caseID: String, by staff: StaffIdentity) async throws {
        try await requireCase(caseID, by: staff, changingCharges: true)
        if charges.isEmpty { throw CaseWorkError.invalid([FieldError(field: "charges", message: "name at least one offense", japanese: "罪名を一つ以上入力してください")]) }
        let known = Set(CodeLists.shipped.offenses.keys)
            .union(try await database.sql.select().column("code").from("offenses").all().map { try $0.decode(column: "code", as: String.self) })
        if let unknown = charges.first(where: { !known.contains($0) }) {
            throw CaseWorkError.conflict([FieldError(field: "charges", message: "unknown offense code `\(unknown.prefix(40))`",
                                                                 japanese: "「\(unknown.prefix(40))」は罪名のコードではありません")])
        }
        try await database.writeTransaction { transaction in
            let sql = transaction.sql
            if try await sql.select().column("suspect_id").from("suspects").where("suspect_id", .equal, record.id).first() != nil {
                throw CaseWorkError.conflict([FieldError(field: "suspect_id", message: "a suspect \(record.id) already exists", japanese: "被疑者 \(record.id) は既に登録されています")])
            }
            try await sql.insert(into: "suspects")
                .columns("suspect_id", "arrested_on", "sex", "nationality", "broker", "organized_crime", "disposition", "disposition_on",
                         "not_prosecuted_reason", "deportation_ordered_on")
                .values(SQLBind(record.id), SQLBind(record.arrestedOn.description), SQLBind(record.sex.rawValue), SQLBind(record.nationality),
                        SQLBind(record.broker), SQLBind(record.organizedCrime), SQLBind(record.disposition?.rawValue),
                        SQLBind(record.dispositionOn?.description), SQLBind(record.notProsecutedReason?.rawValue),
                        SQLBind(record.deportationOrderedOn?.description))
                .run()
            try await sql.insert(into: "suspect_cases").columns("suspect_id", "case_id").values(SQLBind(record.id), SQLBind(caseID)).run()
            for (position, offense) in charges.enumerated() {
                try await sql.insert(into: "charges").columns("suspect_id", "position", "offense", "detail")
                    .values(SQLBind(record.id), SQLBind(position + 1), SQLBind(offense), SQLBind(String?.none)).run()
            }
            if record.disposition?.countsAsProsecuted == true { try await Self.ensurePendingTrial(record.id, sql) }
            try await AuditLog(database: transaction).append(event(staff, .create, "suspect:\(record.id)", ["suspect", "charges"], "add a suspect to case \(caseID)"))
        }
    }

    /// Records the prosecutors' decision; a prosecuted suspect gets a pending trial until it is decided.
    public func recordDisposition(suspect suspectID: String, _ disposition: Disposition, on day: Day, reason: NotProsecutedReason?,
                                  deportationOrderedOn: Day?, by staff: StaffIdentity) async throws {
        let caseID = try await caseOf(suspect: suspectID, staff: staff)
        try await requireCase(caseID, by: staff, changingCharges: false)
        if reason != nil && disposition != .notProsecuted {
            throw CaseWorkError.conflict([FieldError(field: "not_prosecuted_reason", message: "only for a suspect not prosecuted", japanese: "不起訴の被疑者についてだけ入力します")])
        }
        try await database.writeTransaction { transaction in
            try await transaction.sql.update("suspects").set("disposition", to: disposition.rawValue).set("disposition_on", to: day.description)
                .set("not_prosecuted_reason", to: SQLBind(reason?.rawValue)).set("deportation_ordered_on", to: SQLBind(deportationOrderedOn?.description))
                .where("suspect_id", .equal, suspectID).run()
            if disposition.countsAsProsecuted { try await Self.ensurePendingTrial(suspectID, transaction.sql) }
            else { try await transaction.sql.delete(from: "trials").where("suspect_id", .equal, suspectID).run() }
            try await AuditLog(database: transaction).append(event(staff, .update, "suspect:\(suspectID)", ["disposition"], "record the prosecutors' decision"))
        }
    }

    public func recordTrial(_ trial: TrialRecord, by staff: StaffIdentity) async throws {
        let caseID = try await caseOf(suspect: trial.suspectID, staff: staff)
        try await requireCase(caseID, by: staff, changingCharges: false)
        let disposition = try await database.sql.select().column("disposition").from("suspects").where("suspect_id", .equal, trial.suspectID).first()?
            .decode(column: "disposition", as: String?.self)
        guard let disposition, Disposition(rawValue: disposition)?.countsAsProsecuted == true else {
            throw CaseWorkError.conflict([FieldError(field: "verdict", message: "record the prosecution before the trial", japanese: "公判の前に起訴を記録してください")])
        }
        try await database.writeTransaction { transaction in
            let sql = transaction.sql
            try await sql.delete(from: "trials").where("suspect_id", .equal, trial.suspectID).run()
            try await sql.insert(into: "trials").columns("suspect_id", "verdict", "decided_on", "imprisonment_months", "suspension_months", "fine_yen")
                .values(SQLBind(trial.suspectID), SQLBind(trial.verdict.rawValue), SQLBind(trial.decidedOn?.description), SQLBind(trial.imprisonmentMonths),
                        SQLBind(trial.suspensionMonths), SQLBind(trial.fineYen.map(Int64.init)))
                .run()
            try await AuditLog(database: transaction).append(event(staff, .update, "suspect:\(trial.suspectID)", ["trial"], "record a trial result"))
        }
    }

    /// The cases this agency keeps (all entered cases for the prosecutors' liaison), newest first.
    /// The cases the caller keeps (all, for the prosecutors' liaison), most recently cleared first, then
    /// by case id; only those after `after` (a page's cursor: `[cleared_on, case_id]`).
    public func cases(for staff: StaffIdentity, limit: Int = 200, after: PageCursor? = nil) async throws -> [CriminalCaseView] {
        try await require(staff, .recordSuspectsAndTrials, record: "case:list")
        let clearedOn = SQLColumn("cleared_on", table: "cases"), caseID = SQLColumn("case_id", table: "cases")
        var query = database.sql.select().columns(caseID).from("cases")
            .join("case_owners", on: SQLColumn("case_id", table: "case_owners"), .equal, caseID)
        if staff.agency.code != Self.prosecutorsLiaison { query = query.where(SQLColumn("agency", table: "case_owners"), .equal, SQLBind(staff.agency.code)) }
        if let after {
            query = query.where { group in
                group.where(clearedOn, .lessThan, SQLBind(after.keys[0]))
                    .orWhere { tie in tie.where(clearedOn, .equal, SQLBind(after.keys[0])).where(caseID, .greaterThan, SQLBind(after.keys[1])) }
            }
        }
        let ids = try await query.orderBy(SQLOrderBy(expression: clearedOn, direction: SQLDirection.descending))
            .orderBy(SQLOrderBy(expression: caseID, direction: SQLDirection.ascending))
            .limit(limit).all().map { try $0.decode(column: "case_id", as: String.self) }
        let views = try await load(ids)
        return ids.compactMap { views[$0] }
    }

    public func view(_ caseID: String, by staff: StaffIdentity) async throws -> CriminalCaseView {
        try await requireCase(caseID, by: staff, changingCharges: false)
        guard let view = try await load([caseID])[caseID] else { throw CaseWorkError.notFound }
        try await AuditLog(database: database).append(event(staff, .read, "case:\(caseID)", ["case", "suspects"], "view a cleared case"))
        return view
    }

    public func caseID(ofSuspect suspectID: String) async throws -> String? {
        try await database.sql.select().column("case_id").from("suspect_cases").where("suspect_id", .equal, suspectID).first()?
            .decode(column: "case_id", as: String.self)
    }

    // MARK: Internals

    static func ensurePendingTrial(_ suspectID: String, _ sql: any SQLDatabase) async throws {
        if try await sql.select().column("suspect_id").from("trials").where("suspect_id", .equal, suspectID).first() == nil {
            try await sql.insert(into: "trials").columns("suspect_id", "verdict", "decided_on", "imprisonment_months", "suspension_months", "fine_yen")
                .values(SQLBind(suspectID), SQLBind(Verdict.pending.rawValue), SQLBind(String?.none), SQLBind(Int?.none), SQLBind(Int?.none), SQLBind(Int64?.none))
                .run()
        }
    }

    private func require(_ staff: StaffIdentity, _ permission: Permission, record: String) async throws {
        guard AccessPolicy.allows(staff, permission) else {
            try await AuditLog(database: database).append(event(staff, .denied, record, [], permission.rawValue))
            throw CaseWorkError.forbidden("record suspects and trials")
        }
    }

    /// The keeping agency may do everything; the prosecutors' liaison may read and record decisions and trials.
    private func requireCase(_ caseID: String, by staff: StaffIdentity, changingCharges: Bool) async throws {
        try await require(staff, .recordSuspectsAndTrials, record: "case:\(caseID)")
        let owner = try await database.sql.select().column("agency").from("case_owners").where("case_id", .equal, caseID).first()?
            .decode(column: "agency", as: String.self)
        let liaison = staff.agency.code == Self.prosecutorsLiaison && !changingCharges
        guard let owner, owner == staff.agency.code || liaison else {
            try await AuditLog(database: database).append(event(staff, .denied, "case:\(caseID)", [], "case work on a case of another agency"))
            throw CaseWorkError.notFound
        }
    }

    private func caseOf(suspect suspectID: String, staff: StaffIdentity) async throws -> String {
        guard let row = try await database.sql.select().column("case_id").from("suspect_cases").where("suspect_id", .equal, suspectID).first() else {
            try await AuditLog(database: database).append(event(staff, .denied, "suspect:\(suspectID)", [], "no such suspect"))
            throw CaseWorkError.notFound
        }
        return try row.decode(column: "case_id", as: String.self)
    }

    /// The cases with these identifiers, their suspects, charges and trials: three statements for any
    /// number of cases (per `inListChunks`), not one per case and suspect.
    private func load(_ caseIDs: [String]) async throws -> [String: CriminalCaseView] {
        let sql = database.sql
        var views: [String: CriminalCaseView] = [:]
        for slice in caseIDs.inListChunks {
            let chunk = Array(slice)
            for row in try await sql.raw("""
                SELECT cases.case_id, cleared_on, prefecture, cases.agency AS clearing_agency, summary, case_owners.agency AS owner
                FROM cases LEFT JOIN case_owners ON case_owners.case_id = cases.case_id WHERE cases.case_id IN (\(binds: chunk))
                """).all() {
                let id = try row.decode(column: "case_id", as: String.self)
                views[id] = CriminalCaseView(id: id, clearedOn: try row.decode(column: "cleared_on", as: String.self),
                                             prefecture: try row.decode(column: "prefecture", as: String?.self),
                                             agency: try row.decode(column: "clearing_agency", as: String?.self),
                                             summary: try row.decode(column: "summary", as: String?.self),
                                             owningAgency: try row.decode(column: "owner", as: String?.self), suspects: [])
            }
            var suspectsOfCase: [(caseID: String, suspect: CriminalCaseView.Suspect)] = []
            for suspect in try await sql.raw("""
                SELECT sc.case_id, s.suspect_id, arrested_on, sex, nationality, broker, organized_crime, disposition, disposition_on,
                       not_prosecuted_reason, deportation_ordered_on, verdict, decided_on, imprisonment_months, suspension_months, fine_yen
                FROM suspect_cases sc JOIN suspects s ON s.suspect_id = sc.suspect_id LEFT JOIN trials t ON t.suspect_id = s.suspect_id
                WHERE sc.case_id IN (\(binds: chunk)) ORDER BY sc.case_id, s.suspect_id
                """).all() {
                let verdict = try suspect.decode(column: "verdict", as: String?.self)
                suspectsOfCase.append((try suspect.decode(column: "case_id", as: String.self), .init(
                    record: SuspectRecordJSON(id: try suspect.decode(column: "suspect_id", as: String.self),
                                              arrestedOn: try suspect.decode(column: "arrested_on", as: String.self),
                                              sex: try suspect.decode(column: "sex", as: String.self),
                                              nationality: try suspect.decode(column: "nationality", as: String.self),
                                              broker: try suspect.decode(column: "broker", as: Bool.self),
                                              organizedCrime: try suspect.decode(column: "organized_crime", as: Bool.self),
                                              disposition: try suspect.decode(column: "disposition", as: String?.self),
                                              dispositionOn: try suspect.decode(column: "disposition_on", as: String?.self),
                                              notProsecutedReason: try suspect.decode(column: "not_prosecuted_reason", as: String?.self),
                                              deportationOrderedOn: try suspect.decode(column: "deportation_ordered_on", as: String?.self)),
                    charges: [],
                    trial: try verdict.map { verdict in
                        TrialRecordJSON(verdict: verdict, decidedOn: try suspect.decode(column: "decided_on", as: String?.self),
                                        imprisonmentMonths: try suspect.decode(column: "imprisonment_months", as: Int?.self),
                                        suspensionMonths: try suspect.decode(column: "suspension_months", as: Int?.self),
                                        fineYen: try suspect.decode(column: "fine_yen", as: Int64?.self).map(Int.init))
                    })))
            }
            var charges: [String: [String]] = [:]
            let suspectIDs = Array(Set(suspectsOfCase.map(\.suspect.record.id)))
            for suspectChunk in suspectIDs.inListChunks.map(Array.init) {
                for row in try await sql.raw("""
                    SELECT suspect_id, offense FROM charges WHERE suspect_id IN (\(binds: suspectChunk)) ORDER BY suspect_id, position
                    """).all() {
                    charges[try row.decode(column: "suspect_id", as: String.self), default: []].append(try row.decode(column: "offense", as: String.self))
                }
            }
            for (caseID, var suspect) in suspectsOfCase {
                suspect.charges = charges[suspect.record.id] ?? []
                views[caseID]?.suspects.append(suspect)
            }
        }
        return views
    }

    private func event(_ staff: StaffIdentity, _ action: AuditEvent.Action, _ record: String, _ fields: [String], _ purpose: String) -> AuditEvent {
        AuditEvent(at: now(), by: staff, action: action, record: record, fields: fields, purpose: purpose)
    }
}
