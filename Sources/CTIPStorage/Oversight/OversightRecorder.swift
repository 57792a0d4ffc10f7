import CTIPCore
import FluentKit
import Foundation
import SQLKit

/// The oversight bodies' own entries — inspections, findings, orders and the acceptance of improvement
/// reports, the police told of findings that may be trafficking, joint-inspection requests, signs — each
/// checked by the rules an import applies to the same rows, written with its audit entry in one
/// transaction under the write lock, or not at all. Who may record what is `OversightRole`'s.
public struct OversightRecorder: Sendable {
    public let database: any Database
    public let now: @Sendable () -> Date

    public init(database: any Database, now: @escaping @Sendable () -> Date = Date.init) { self.database = database; self.now = now }

    public var today: Day { JapanTime(secondsSinceEpoch: Int(now().timeIntervalSince1970)).day }

    /// The rules of a form's row: those of an import, with today as the latest day a record may carry.
    public var context: ValidationContext { ValidationContext(codeLists: .shipped, offenseCodes: [], today: today) }

    // MARK: Inspections and actions

    public func recordInspection(_ inspection: InspectionRecord, by staff: StaffIdentity) async throws {
        try await require(staff, record: "inspection:\(inspection.id)")
        guard OversightRole.inspectors(for: staff.agency.kind).contains(inspection.inspector) else {
            throw CaseWorkError.forbidden("record a `\(inspection.inspector.rawValue)` inspection")
        }
        try await database.writeTransaction { transaction in
            let sql = transaction.sql
            _ = try await Self.organisation(inspection.organisationID, sql)
            try await Self.requireNew("inspections", key: "inspection_id", inspection.id, sql)
            try await Self.insert(inspection, sql)
            try await AuditLog(database: transaction).append(event(staff, .create, "inspection:\(inspection.id)", ["inspection"],
                                                                   "record an inspection of \(inspection.organisationID)"))
        }
    }

    public func recordAction(_ action: OversightActionRecord, by staff: StaffIdentity) async throws {
        try await require(staff, record: "oversight_action:\(action.id)")
        guard OversightRole.authorities(for: staff.agency.kind).contains(action.by) else {
            throw CaseWorkError.forbidden("record an action by `\(action.by.rawValue)`")
        }
        try await database.writeTransaction { transaction in
            let sql = transaction.sql
            let kind = try await Self.organisation(action.organisationID, sql)
            try await Self.requireNew("oversight_actions", key: "action_id", action.id, sql)
            if let inspection = action.inspectionID {
                let owner = try await sql.select().column("org_id").from("inspections").where("inspection_id", .equal, inspection).first()?
                    .decode(column: "org_id", as: String.self)
                guard owner == action.organisationID else {
                    throw CaseWorkError.conflict([FieldError(field: "inspection_id", message: "`\(inspection.prefix(64))` is not an inspection of \(action.organisationID)",
                                                             japanese: "「\(inspection.prefix(64))」は \(action.organisationID) の検査ではありません")])
                }
            }
            if action.kind == .reportedToGovernment, kind != .sending {
                throw CaseWorkError.conflict([FieldError(field: "kind", message: "only a sending organisation is reported to its government",
                                                         japanese: "政府へ通報するのは送出機関についてだけです")])
            }
            // As an import reads it: an order may be dated the day the licence ends, not after; a licence ends once.
            if action.kind.needsLicence || action.kind.endsLicence, let ended = try await Self.licenceEnd(action.organisationID, sql),
               action.kind.endsLicence ? ended <= action.on : ended < action.on {
                throw CaseWorkError.conflict([FieldError(field: "on", message: "\(action.organisationID)'s licence ended on \(ended): no `\(action.kind.rawValue)` can follow",
                                                         japanese: "\(action.organisationID) の許可は \(ended) に終了しています。その後に \(action.kind.rawValue) は記録できません")])
            }
            try await Self.insert(action, sql)
            try await AuditLog(database: transaction).append(event(staff, .create, "oversight_action:\(action.id)", ["action"],
                                                                   "record `\(action.kind.rawValue)` against \(action.organisationID)"))
        }
    }

    /// The organisation's improvement report was accepted on `day`: the order is resolved.
    public func acceptImprovementReport(action actionID: String, on day: Day, by staff: StaffIdentity) async throws -> OversightActionRecord {
        try await require(staff, record: "oversight_action:\(actionID)")
        return try await database.writeTransaction { transaction in
            let sql = transaction.sql
            guard let row = try await sql.select().columns(BundleTable.of(.actions).columns.map { SQLColumn($0) }).from("oversight_actions")
                .where("action_id", .equal, actionID).first() else { throw CaseWorkError.notFound }
            var action = try OversightActionRecord(row: row, caseIDs: [])
            guard OversightRole.authorities(for: staff.agency.kind).contains(action.by) else {
                throw CaseWorkError.forbidden("accept an improvement report on an action by `\(action.by.rawValue)`")
            }
            guard action.dueOn != nil else {
                throw CaseWorkError.conflict([FieldError(field: "action", message: "`\(action.kind.rawValue)` asked for no improvement report",
                                                         japanese: "この措置（\(action.kind.rawValue)）は改善報告を求めていません")])
            }
            if let closed = action.closedOn {
                throw CaseWorkError.conflict([FieldError(field: "closed_on", message: "the improvement report was already accepted on \(closed)",
                                                         japanese: "改善報告は \(closed) に受理済みです")])
            }
            if day < action.on || day > today {
                throw CaseWorkError.conflict([FieldError(field: "closed_on", message: "\(day) is not between the order (\(action.on)) and today (\(today))",
                                                        japanese: "\(day) は命令の日（\(action.on)）から今日（\(today)）までの日付ではありません")])
            }
            action.closedOn = day
            try await sql.update("oversight_actions").set("closed_on", to: day.description).where("action_id", .equal, actionID).run()
            try await AuditLog(database: transaction).append(event(staff, .update, "oversight_action:\(actionID)", ["closed_on"],
                                                                   "accept the improvement report of \(action.organisationID)"))
            return action
        }
    }

    // MARK: Follow-up

    /// The police were told of the inspection's findings that may be trafficking (seed 3 (3) i), 5 (1)
    /// vii)). Only what the inspection found goes to them through CTIP; the trainees' identities go, if at
    /// all, through the screening and the victim file, with consent.
    public func informPolice(inspection inspectionID: String, police: Agency, on day: Day, by staff: StaffIdentity) async throws -> PoliceReferral {
        try await require(staff, record: "inspection:\(inspectionID)")
        guard police.kind == .police else {
            throw CaseWorkError.conflict([FieldError(field: "police", message: "`\(police.code)` is not a police agency", japanese: "「\(police.code)」は警察ではありません")])
        }
        let referral = PoliceReferral(id: RecordForm.newID(prefix: "POL", year: today.year), inspectionID: inspectionID, police: police.code,
                                      informedOn: day.description, agency: staff.agency.code)
        try await database.writeTransaction { transaction in
            let sql = transaction.sql
            guard let row = try await sql.select().columns(BundleFile.inspections.columnNames.map { SQLColumn($0) }).from("inspections")
                .where("inspection_id", .equal, inspectionID).first() else { throw CaseWorkError.notFound }
            let inspection = try InspectionRecord(row: row, caseIDs: [])
            if TraffickingIndicatorPrompt.indicators(inspection.findings).isEmpty {
                throw CaseWorkError.conflict([FieldError(field: "inspection", message: "the inspection found nothing that may be trafficking",
                                                         japanese: "この検査には人身取引が疑われる指摘事項がありません")])
            }
            if day < inspection.inspectedOn || day > today {
                throw CaseWorkError.conflict([FieldError(field: "informed_on", message: "\(day) is not between the inspection (\(inspection.inspectedOn)) and today (\(today))",
                                                        japanese: "\(day) は検査の日（\(inspection.inspectedOn)）から今日（\(today)）までの日付ではありません")])
            }
            try await sql.insert(into: "police_referrals").columns("referral_id", "inspection_id", "police", "informed_on", "informed_by", "agency")
                .values(SQLBind(referral.id), SQLBind(inspectionID), SQLBind(police.code), SQLBind(referral.informedOn), SQLBind(staff.auditActor),
                        SQLBind(staff.agency.code)).run()
            try await AuditLog(database: transaction).append(event(staff, .export, "inspection:\(inspectionID)", ["findings"],
                                                                   "inform \(police.code) of findings that may be trafficking at \(inspection.organisationID)"))
        }
        return referral
    }

    /// A labour bureau asks the OTIT to inspect the organisation with it; the request stays open until a
    /// joint inspection of the organisation is recorded on or after its day.
    public func requestJointInspection(of organisationID: String, findings: [InspectionFinding], by staff: StaffIdentity) async throws -> String {
        try await require(staff, record: "organisation:\(organisationID)")
        guard OversightRole.mayRequestJointInspection(staff.agency.kind) else {
            throw CaseWorkError.forbidden("request a joint inspection (the labour bureaus ask the OTIT)")
        }
        let id = RecordForm.newID(prefix: "JIR", year: today.year)
        try await database.writeTransaction { transaction in
            let sql = transaction.sql
            _ = try await Self.organisation(organisationID, sql)
            try await sql.insert(into: "joint_inspection_requests").columns("request_id", "org_id", "agency", "requested_by", "requested_on", "findings")
                .values(SQLBind(id), SQLBind(organisationID), SQLBind(staff.agency.code), SQLBind(staff.auditActor), SQLBind(today.description),
                        SQLBind(findings.isEmpty ? nil : findings.map(\.rawValue).joined(separator: ";"))).run()
            try await AuditLog(database: transaction).append(event(staff, .create, "joint_inspection_request:\(id)", ["request"],
                                                                   "ask the OTIT to inspect \(organisationID) jointly"))
        }
        return id
    }

    /// A sign pointing at the organisation (`count` of them on `day`), for the inspection plan.
    public func recordSignal(_ kind: OversightSignalKind, about organisationID: String, on day: Day, count: Int, by staff: StaffIdentity) async throws -> String {
        try await require(staff, record: "organisation:\(organisationID)")
        if !(1...10_000).contains(count) {
            throw CaseWorkError.invalid([FieldError(field: "count", message: "expected a number from 1 to 10000", japanese: "1から10000までの数を入力してください")])
        }
        if day > today {
            throw CaseWorkError.conflict([FieldError(field: "noted_on", message: "\(day) is in the future (today is \(today))", japanese: "\(day) は未来の日付です")])
        }
        let id = RecordForm.newID(prefix: "SIG", year: today.year)
        try await database.writeTransaction { transaction in
            let sql = transaction.sql
            _ = try await Self.organisation(organisationID, sql)
            try await sql.insert(into: "oversight_signals").columns("signal_id", "org_id", "kind", "noted_on", "count", "recorded_by", "agency")
                .values(SQLBind(id), SQLBind(organisationID), SQLBind(kind.rawValue), SQLBind(day.description), SQLBind(count),
                        SQLBind(staff.auditActor), SQLBind(staff.agency.code)).run()
            try await AuditLog(database: transaction).append(event(staff, .create, "oversight_signal:\(id)", ["signal"],
                                                                   "note \(kind.rawValue) about \(organisationID)"))
        }
        return id
    }

    // MARK: Rules

    private func require(_ staff: StaffIdentity, record: String) async throws {
        guard AccessPolicy.allows(staff, .recordOversight) else {
            try await AuditLog(database: database).append(event(staff, .denied, record, [], Permission.recordOversight.rawValue))
            throw CaseWorkError.forbidden("record programme oversight")
        }
    }

    /// The organisation's kind; an unknown one is a conflict named by `org_id`.
    static func organisation(_ id: String, _ sql: any SQLDatabase) async throws -> OrganisationKind {
        guard let kind = try await sql.select().column("kind").from("organisations").where("org_id", .equal, id).first()?
            .decode(column: "kind", as: String.self) else {
            throw CaseWorkError.conflict([FieldError(field: "org_id", message: "no organisation `\(id.prefix(64))`", japanese: "機関「\(id.prefix(64))」はありません")])
        }
        return OrganisationKind(rawValue: kind) ?? .implementing
    }

    static func requireNew(_ table: String, key: String, _ id: String, _ sql: any SQLDatabase) async throws {
        if try await sql.select().column(key).from(table).where(key, .equal, id).first() != nil {
            throw CaseWorkError.conflict([FieldError(field: key, message: "`\(id)` already exists", japanese: "「\(id)」は既にあります")])
        }
    }

    /// The day the organisation's licence or registration ended, if it has.
    static func licenceEnd(_ id: String, _ sql: any SQLDatabase) async throws -> Day? {
        let ends = OversightActionKind.allCases.filter(\.endsLicence).map { SQLBind($0.rawValue) }
        return try await sql.select().column(SQLFunction("MIN", args: SQLColumn("on_date")), as: "ended").from("oversight_actions")
            .where("org_id", .equal, id).where("kind", .in, SQLGroupExpression(ends)).first()?
            .decode(column: "ended", as: String?.self).flatMap { Day(iso: $0) }
    }

    static func insert<Record: StoredRecord>(_ record: Record, _ sql: any SQLDatabase) async throws {
        let table = BundleTable.of(Record.file)
        var cells = SQLBindCells()
        record.writeCells(to: &cells)
        try await sql.insert(into: table.name).columns(table.columns).values(cells.binds).run()
    }

    private func event(_ staff: StaffIdentity, _ action: AuditEvent.Action, _ record: String, _ fields: [String], _ purpose: String) -> AuditEvent {
        AuditEvent(at: now(), by: staff, action: action, record: record, fields: fields, purpose: purpose)
    }
}

/// A record's values as bound parameters, for a single-row insert.
struct SQLBindCells: CellWriter {
    var binds: [any SQLExpression] = []
    mutating func text(_ value: String?) { binds.append(SQLBind(value)) }
    mutating func integer(_ value: Int?) { binds.append(SQLBind(value)) }
    mutating func boolean(_ value: Bool) { binds.append(SQLBind(value)) }
}
