import CTIPCore
import FluentKit
import Foundation
import SQLKit

/// One line of the case list: the bundle's fields and who holds the file. Never identity, contact or
/// whereabouts.
public struct VictimFileSummary: Sendable, Codable, Equatable {
    public var id: String
    public var protectedOn: String
    public var sex: String
    public var age: Int?
    public var nationality: String
    public var residenceStatus: String?
    public var exploitation: String
    public var owningAgency: String
    public var protectingAgency: String?
}

/// A victim's file as one member of staff may see it: only the sections they need to know.
public struct VictimFileView: Sendable, Codable, Equatable {
    public var summary: VictimFileSummary
    public var sections: [VictimFileSection]
    public var identity: VictimIdentity?
    public var contact: VictimContact?
    public var whereabouts: Whereabouts?
    public var timeline: [TimelineEntry]?
    public var referrals: [Referral]?
    /// Article 3 screenings, oldest first; for those whose sections include `.screening`.
    public var screenings: [StoredScreening]?
    /// Whether this person may change the file (timeline, whereabouts, referrals).
    public var mayChange: Bool
}

/// A screening attached to a victim's file: the answers, CTIP's answer then, who and when.
public struct StoredScreening: Sendable, Codable, Equatable {
    public var id: String
    public var victimID: String
    public var answers: ScreeningAnswers
    public var result: ScreeningResult
    public var agency: String
    public var screenedBy: String
    public var screenedAt: Date
}

public struct VictimFileFilter: Sendable, Equatable {
    public var idPrefix: String?
    public var nationality: String?
    public var exploitation: String?
    public var year: Int?
    public var minorsOnly: Bool
    public var limit: Int
    /// Only files after this one in the list's order (newest protection first, then file number).
    public var after: PageCursor?
    public init(idPrefix: String? = nil, nationality: String? = nil, exploitation: String? = nil, year: Int? = nil,
                minorsOnly: Bool = false, limit: Int = 200, after: PageCursor? = nil) {
        self.idPrefix = idPrefix; self.nationality = nationality; self.exploitation = exploitation; self.year = year
        self.minorsOnly = minorsOnly; self.limit = limit; self.after = after
    }

    /// The cursor of the page after `summary`.
    public static func cursor(after summary: VictimFileSummary) -> [String] { [summary.protectedOn, summary.id] }
}

/// Victim files: the bundle's row in `victims` (so the report counts it) and the sealed personal
/// details in `victim_files`. Every read and change of personal data, and every refusal, leaves an
/// entry in the audit trail, written in the same transaction as the change.
public struct VictimFileStore: Sendable {
    public let database: any Database
    public let cipher: FieldCipher?
    public let now: @Sendable () -> Date

    public init(database: any Database, cipher: FieldCipher?, now: @escaping @Sendable () -> Date = Date.init) {
        self.database = database; self.cipher = cipher; self.now = now
    }

    static func record(_ id: String) -> String { "victim:\(id)" }

    // MARK: Creating

    public func create(_ file: NewVictimFile, by staff: StaffIdentity, purpose: String = "open a victim file") async throws -> String {
        guard AccessPolicy.allows(staff, .createVictimFile) else {
            try await audit(staff, .denied, record: "victim:new", fields: [], purpose: purpose)
            throw CaseWorkError.forbidden("open a victim file")
        }
        var record = file.record
        let accounts = AccountStore(database: database)
        var protecting: Agency?
        if let code = file.protectingAgency {
            let agency = try await protectionAgency(code, field: "protecting_agency", in: accounts)
            protecting = agency
            if record.protectedBy == nil { record.protectedBy = ProtectingAgency(rawValue: agency.kind.bundleCode) }
        }
        let needsCipher = file.identity != nil || file.contact != nil || file.whereabouts != nil
        if needsCipher && cipher == nil { throw CaseWorkError.noDataKey }
        let id = record.id
        let key = Self.record(id)
        let sealedIdentity = try file.identity.map { try seal($0, record: key) }
        let sealedContact = try file.contact.map { try seal($0, record: key) }
        let sealedWhereabouts = try file.whereabouts.map { try seal($0, record: key) }
        let stamp = AccountStore.seconds(now())
        let row = record
        let protectingCode = protecting?.code
        try await database.writeTransaction { transaction in
            let sql = transaction.sql
            try await sql.insert(into: "victims")
                .columns("victim_id", "protected_on", "sex", "age", "nationality", "residence_status", "exploitation", "protected_by")
                .values(SQLBind(id), SQLBind(row.protectedOn.description), SQLBind(row.sex.rawValue), SQLBind(row.age),
                        SQLBind(row.nationality), SQLBind(row.residenceStatus), SQLBind(row.exploitation.rawValue),
                        SQLBind(row.protectedBy?.rawValue))
                .run()
            try await sql.insert(into: "victim_files")
                .columns("victim_id", "owning_agency", "protecting_agency", "identity_sealed", "contact_sealed", "whereabouts_sealed",
                         "created_by", "created_at", "updated_at")
                .values(SQLBind(id), SQLBind(staff.agency.code), SQLBind(protectingCode), SQLBind(sealedIdentity), SQLBind(sealedContact),
                        SQLBind(sealedWhereabouts), SQLBind(staff.auditActor), SQLBind(stamp), SQLBind(stamp))
                .run()
            var fields = ["basic"]
            if file.identity != nil { fields.append("identity") }
            if file.contact != nil { fields.append("contact") }
            if file.whereabouts != nil { fields.append("whereabouts") }
            try await AuditLog(database: transaction).append(event(staff, .create, record: key, fields: fields, purpose: purpose))
        }
        return id
    }

    // MARK: Reading

    public func list(for staff: StaffIdentity, filter: VictimFileFilter = .init(), purpose: String = "case list") async throws -> [VictimFileSummary] {
        guard AccessPolicy.allows(staff, .viewCases) else {
            try await audit(staff, .denied, record: "victim:list", fields: [], purpose: purpose)
            throw CaseWorkError.forbidden("see victim files")
        }
        let agency = staff.agency.code
        var query = summaryQuery()
            .where { group in
                group.where(SQLColumn("owning_agency", table: "victim_files"), .equal, SQLBind(agency))
                    .orWhere(SQLColumn("protecting_agency", table: "victim_files"), .equal, SQLBind(agency))
                    .orWhere(SQLColumn("victim_id", table: "victim_files"), .in, SQLRaw("""
                        (SELECT victim_id FROM referrals WHERE to_agency = '\(agency.replacingOccurrences(of: "'", with: "''"))' AND status = 'accepted' AND sections LIKE '%basic%')
                        """))
            }
        if let prefix = filter.idPrefix, !prefix.isEmpty {
            query = query.where(SQLColumn("victim_id", table: "victims"), .like, SQLBind(prefix.replacingOccurrences(of: "%", with: "") + "%"))
        }
        if let nationality = filter.nationality, !nationality.isEmpty { query = query.where(SQLColumn("nationality", table: "victims"), .equal, SQLBind(nationality)) }
        if let exploitation = filter.exploitation, !exploitation.isEmpty { query = query.where(SQLColumn("exploitation", table: "victims"), .equal, SQLBind(exploitation)) }
        if let year = filter.year {
            query = query.where(SQLColumn("protected_on", table: "victims"), .greaterThanOrEqual, SQLBind("\(year)-01-01"))
                .where(SQLColumn("protected_on", table: "victims"), .lessThanOrEqual, SQLBind("\(year)-12-31"))
        }
        if filter.minorsOnly { query = query.where(SQLColumn("age", table: "victims"), .lessThan, SQLBind(18)) }
        if let after = filter.after {
            let protectedOn = SQLColumn("protected_on", table: "victims"), id = SQLColumn("victim_id", table: "victims")
            query = query.where { group in
                group.where(protectedOn, .lessThan, SQLBind(after.keys[0]))
                    .orWhere { tie in tie.where(protectedOn, .equal, SQLBind(after.keys[0])).where(id, .greaterThan, SQLBind(after.keys[1])) }
            }
        }
        let rows = try await query.orderBy(SQLOrderBy(expression: SQLColumn("protected_on", table: "victims"), direction: SQLDirection.descending))
            .orderBy(SQLOrderBy(expression: SQLColumn("victim_id", table: "victims"), direction: SQLDirection.ascending)).limit(max(1, min(filter.limit, Paging.maximumLimit + 1))).all()
        // Which agency protects someone is for the agencies that hold or protect the file, not for those a file was referred to.
        let summaries = try rows.map(Self.summary(from:)).map { summary in
            var summary = summary
            if summary.owningAgency != agency && summary.protectingAgency != agency { summary.protectingAgency = nil }
            return summary
        }
        try await audit(staff, .read, record: "victim:list", fields: ["basic"], purpose: "\(purpose) (\(summaries.count) files)")
        return summaries
    }

    /// Opens one file with the sections this person needs to know. A file they may not see is
    /// `notFound`, audited as a refusal.
    public func open(_ id: String, for staff: StaffIdentity, purpose: String = "view a victim file") async throws -> VictimFileView {
        guard let (summary, sealed) = try await load(id) else {
            try await audit(staff, .denied, record: Self.record(id), fields: [], purpose: purpose)
            throw CaseWorkError.notFound
        }
        let access = try await access(for: summary)
        let sections = access.sections(for: staff)
        guard !sections.isEmpty else {
            try await audit(staff, .denied, record: Self.record(id), fields: [], purpose: purpose)
            throw CaseWorkError.notFound
        }
        let key = Self.record(id)
        var view = VictimFileView(summary: summary, sections: sections.sorted(), mayChange: access.mayChange(staff))
        if staff.agency.code != summary.owningAgency && staff.agency.code != summary.protectingAgency { view.summary.protectingAgency = nil }
        if sections.contains(.identity), let value = sealed.identity { view.identity = try open(value, as: VictimIdentity.self, record: key) }
        if sections.contains(.contact), let value = sealed.contact { view.contact = try open(value, as: VictimContact.self, record: key) }
        if sections.contains(.whereabouts), let value = sealed.whereabouts { view.whereabouts = try open(value, as: Whereabouts.self, record: key) }
        if sections.contains(.timeline) { view.timeline = try await timelineEntries(id) }
        if sections.contains(.basic), view.mayChange { view.referrals = try await referrals(victim: id) }
        if sections.contains(.screening) { view.screenings = try await screenings(victim: id) }
        if !sections.contains(.basic) {
            view.summary = VictimFileSummary(id: id, protectedOn: "", sex: "", age: nil, nationality: "", residenceStatus: nil,
                                             exploitation: "", owningAgency: summary.owningAgency, protectingAgency: nil)
        }
        try await audit(staff, .read, record: key, fields: view.sections.map(\.rawValue), purpose: purpose)
        return view
    }

    // MARK: Changing

    /// Moves the person: new whereabouts and, with them, the agency protecting them now.
    public func setWhereabouts(_ id: String, to whereabouts: Whereabouts?, protectingAgency: String?, by staff: StaffIdentity,
                               purpose: String = "record whereabouts") async throws {
        let (summary, _) = try await requireChangeable(id, by: staff, purpose: purpose)
        if whereabouts != nil && protectingAgency == nil {
            throw CaseWorkError.invalid([FieldError.whereaboutsNeedAProtectingAgency])
        }
        if let code = protectingAgency { _ = try await protectionAgency(code, field: "protecting_agency", in: AccountStore(database: database)) }
        if whereabouts != nil && cipher == nil { throw CaseWorkError.noDataKey }
        let sealed = try whereabouts.map { try seal($0, record: Self.record(summary.id)) }
        try await database.writeTransaction { transaction in
            try await transaction.sql.update("victim_files")
                .set("whereabouts_sealed", to: SQLBind(sealed)).set("protecting_agency", to: SQLBind(protectingAgency))
                .set("updated_at", to: SQLBind(AccountStore.seconds(now())))
                .where("victim_id", .equal, id).run()
            try await AuditLog(database: transaction).append(event(staff, .update, record: Self.record(id), fields: ["whereabouts", "protecting_agency"], purpose: purpose))
        }
    }

    /// Adds a step to the protection timeline if the rules allow it, and re-derives the victim's
    /// support events for the report from the whole timeline.
    public func recordStep(_ id: String, step: ProtectionStep, on day: Day, agency code: String, by staff: StaffIdentity,
                           purpose: String = "record a protection step") async throws {
        let (summary, _) = try await requireChangeable(id, by: staff, purpose: purpose)
        let agency = try await protectionAgency(code, field: "agency", in: AccountStore(database: database))
        try await database.writeTransaction { transaction in
            let sql = transaction.sql
            // The file's row first: two steps recorded at once on one file then wait for each other, and
            // each is checked against the timeline the other left (PostgreSQL locks the row, SQLite the
            // database). Checked outside, both could pass: two identifications.
            try await sql.update("victim_files").set("updated_at", to: SQLBind(AccountStore.seconds(now()))).where("victim_id", .equal, id).run()
            var timeline = ProtectionTimeline(foreignNational: summary.nationality != "JPN")
            var agencyKinds: [String: AgencyKind] = [code: agency.kind]
            for entry in try await Self.timelineEntries(id, in: sql) {
                if agencyKinds[entry.agency] == nil { agencyKinds[entry.agency] = try await AccountStore(database: transaction).agency(code: entry.agency)?.kind ?? .other }
                try timeline.add(TimelineEntry(step: entry.step, on: entry.on, agency: agencyKinds[entry.agency]!.rawValue))
            }
            do {
                try timeline.add(TimelineEntry(step: step, on: day, agency: agency.kind.rawValue))
            } catch let violation as TimelineViolation {
                throw CaseWorkError.conflict([FieldError(field: violation.field, message: violation.explanation(.en), japanese: violation.explanation(.ja))])
            }
            let supportEvents = timeline.supportEvents
            try await sql.insert(into: "protection_steps").columns("victim_id", "step", "on_date", "agency", "recorded_by", "recorded_at")
                .values(SQLBind(id), SQLBind(step.rawValue), SQLBind(day.description), SQLBind(code), SQLBind(staff.auditActor),
                        SQLBind(AccountStore.seconds(now())))
                .run()
            try await sql.delete(from: "support_events").where("victim_id", .equal, id).run()
            var seen = Set<String>()
            for event in supportEvents where seen.insert("\(event.event)|\(event.on)").inserted {
                let kind = AgencyKind(rawValue: event.agency) ?? .other
                try await sql.insert(into: "support_events").columns("victim_id", "event", "on_date", "agency", "note")
                    .values(SQLBind(id), SQLBind(event.event), SQLBind(event.on.description), SQLBind(kind.bundleCode), SQLBind(String?.none))
                    .run()
            }
            try await AuditLog(database: transaction).append(event(staff, .update, record: Self.record(id), fields: ["timeline"], purpose: purpose))
        }
    }

    // MARK: Screenings

    /// Attaches a screening to a file: for those who may screen, at the agency holding the file or
    /// protecting the person. Someone with no business with the file gets `notFound`, audited.
    public func attachScreening(_ id: String, answers: ScreeningAnswers, result: ScreeningResult, by staff: StaffIdentity,
                                purpose: String = "record an Article 3 screening") async throws -> StoredScreening {
        guard let (summary, _) = try await load(id) else {
            try await audit(staff, .denied, record: Self.record(id), fields: [], purpose: purpose)
            throw CaseWorkError.notFound
        }
        let sections = try await access(for: summary).sections(for: staff)
        guard AccessPolicy.allows(staff, .screen), sections.contains(.screening),
              staff.agency.code == summary.owningAgency || staff.agency.code == summary.protectingAgency else {
            try await audit(staff, .denied, record: Self.record(id), fields: [], purpose: purpose)
            if sections.isEmpty { throw CaseWorkError.notFound }
            throw CaseWorkError.forbidden("record a screening on this file")
        }
        let screening = StoredScreening(id: "S-" + AccountStore.newSecret().prefix(12), victimID: id, answers: answers, result: result,
                                        agency: staff.agency.code, screenedBy: staff.auditActor,
                                        screenedAt: Date(timeIntervalSince1970: TimeInterval(AccountStore.seconds(now()))))
        // What the person told (how they were recruited, controlled, exploited) and CTIP's reasons from it.
        let record = Self.screeningRecord(victim: id, screening: screening.id)
        let answersSealed = try seal(answers, record: record), resultSealed = try seal(result, record: record)
        try await database.writeTransaction { transaction in
            try await transaction.sql.insert(into: "screenings")
                .columns("screening_id", "victim_id", "outcome", "answers", "result", "agency", "screened_by", "screened_at")
                .values(SQLBind(screening.id), SQLBind(id), SQLBind(result.outcome.rawValue), SQLBind(answersSealed), SQLBind(resultSealed),
                        SQLBind(screening.agency), SQLBind(screening.screenedBy), SQLBind(AccountStore.seconds(screening.screenedAt)))
                .run()
            try await AuditLog(database: transaction).append(event(staff, .create, record: Self.record(id),
                                                                   fields: ["screening:\(screening.id)"], purpose: purpose))
        }
        return screening
    }

    func screenings(victim id: String) async throws -> [StoredScreening] {
        try await database.sql.select().columns("screening_id", "answers", "result", "agency", "screened_by", "screened_at").from("screenings")
            .where("victim_id", .equal, id).orderBy("screened_at").orderBy("screening_id").all().map { row in
                let screeningID = try row.decode(column: "screening_id", as: String.self)
                let record = Self.screeningRecord(victim: id, screening: screeningID)
                return StoredScreening(id: screeningID, victimID: id,
                                       answers: try openScreening(try row.decode(column: "answers", as: String.self), as: ScreeningAnswers.self, record: record),
                                       result: try openScreening(try row.decode(column: "result", as: String.self), as: ScreeningResult.self, record: record),
                                       agency: try row.decode(column: "agency", as: String.self),
                                       screenedBy: try row.decode(column: "screened_by", as: String.self),
                                       screenedAt: Date(timeIntervalSince1970: TimeInterval(try row.decode(column: "screened_at", as: Int64.self))))
            }
    }

    /// The coded methods of control of the latest screening of every file whose screening `staff`'s
    /// agency may see, for the HTCDS exchange (`exportCaseData`): only the codes leave, never the answers'
    /// other parts or the reasons; each file read is audited as exported.
    public func controlMethodsForExport(by staff: StaffIdentity, purpose: String = "HTCDS exchange") async throws -> [String: [ControlMethod]] {
        guard AccessPolicy.allows(staff, .exportCaseData) else {
            try await audit(staff, .denied, record: "export:htcds", fields: [], purpose: purpose)
            throw CaseWorkError.forbidden("export case data")
        }
        var methods: [String: [ControlMethod]] = [:]
        let ids = try await database.sql.select().distinct().column("victim_id").from("screenings").orderBy("victim_id").all()
            .map { try $0.decode(column: "victim_id", as: String.self) }
        for id in ids {
            guard let (summary, _) = try await load(id), try await access(for: summary).sections(for: staff).contains(.screening),
                  let latest = try await screenings(victim: id).last else { continue }
            methods[id] = ControlMethod.allCases.filter(latest.answers.controlMethods.contains)
            try await audit(staff, .export, record: Self.record(id), fields: ["screening:\(latest.id):control_methods"], purpose: purpose)
        }
        return methods
    }

    // MARK: Referrals

    public func refer(_ id: String, to agencyCode: String, sections: Set<VictimFileSection>, basis: Referral.Basis, overrideReason: String?,
                      by staff: StaffIdentity, purpose: String = "refer to another agency") async throws -> Referral {
        _ = try await requireChangeable(id, by: staff, purpose: purpose)
        guard AccessPolicy.allows(staff, .refer) else { throw CaseWorkError.forbidden("refer a file") }
        // What was asked is checked first (the sections, a reason); then who asks (only a supervisor
        // overrides consent); then whether the directory and the file allow it (the receiving agency).
        let problems = Referral.validate(sections: sections, basis: basis, overrideReason: overrideReason, from: staff.agency.code,
                                         to: agencyCode, by: staff)
        var conflicts = problems.filter { $0.field == "to_agency" }
        do { _ = try await protectionAgency(agencyCode, field: "to_agency", in: AccountStore(database: database)) }
        catch CaseWorkError.conflict(let found) { conflicts += found }
        let invalid = problems.filter { $0.field != "to_agency" && $0.field != "basis" }
        if !invalid.isEmpty { throw CaseWorkError.invalid(invalid + conflicts) }
        if let refusal = problems.first(where: { $0.field == "basis" }) { throw CaseWorkError.forbidden(refusal.message) }
        if !conflicts.isEmpty { throw CaseWorkError.conflict(conflicts) }
        let referral = Referral(id: "R-" + AccountStore.newSecret().prefix(12), victimID: id, fromAgency: staff.agency.code,
                                toAgency: agencyCode, sections: sections, basis: basis,
                                overrideReason: basis == .override ? overrideReason : nil, status: .pending)
        try await database.writeTransaction { transaction in
            try await transaction.sql.insert(into: "referrals")
                .columns("referral_id", "victim_id", "from_agency", "to_agency", "sections", "basis", "override_reason", "status",
                         "created_by", "created_at", "answered_by", "answered_at")
                .values(SQLBind(referral.id), SQLBind(id), SQLBind(referral.fromAgency), SQLBind(agencyCode),
                        SQLBind(sections.sorted().map(\.rawValue).joined(separator: ";")), SQLBind(basis.rawValue),
                        SQLBind(referral.overrideReason), SQLBind(Referral.Status.pending.rawValue), SQLBind(staff.auditActor),
                        SQLBind(AccountStore.seconds(now())), SQLBind(String?.none), SQLBind(Int64?.none))
                .run()
            let why = basis == .override ? "\(purpose); consent overridden by a supervisor" : purpose
            try await AuditLog(database: transaction).append(event(staff, .update, record: Self.record(id),
                                                                   fields: ["referral:\(referral.id)"] + sections.sorted().map(\.rawValue), purpose: why))
        }
        return referral
    }

    /// The steps the files this agency holds or protects are waiting for, oldest first: the staff
    /// home's queue. Identifiers and step kinds only; read as the timelines of those files, audited.
    public func awaitedSteps(for staff: StaffIdentity, purpose: String = "work queue") async throws -> [(victimID: String, step: AwaitedStep)] {
        guard AccessPolicy.allows(staff, .recordProtection) else { throw CaseWorkError.forbidden("record protection steps") }
        let agency = staff.agency.code
        let rows = try await database.sql.select().columns(SQLColumn("victim_id", table: "protection_steps"), SQLColumn("step"), SQLColumn("on_date"),
                                                           SQLColumn("agency", table: "protection_steps"))
            .from("protection_steps")
            .join("victim_files", on: SQLColumn("victim_id", table: "victim_files"), .equal, SQLColumn("victim_id", table: "protection_steps"))
            .where { group in
                group.where(SQLColumn("owning_agency", table: "victim_files"), .equal, SQLBind(agency))
                    .orWhere(SQLColumn("protecting_agency", table: "victim_files"), .equal, SQLBind(agency))
            }
            .all()
        var timelines: [String: [TimelineEntry]] = [:]
        for row in rows {
            guard let step = ProtectionStep(rawValue: try row.decode(column: "step", as: String.self)),
                  let day = Day(iso: try row.decode(column: "on_date", as: String.self)) else { continue }
            timelines[try row.decode(column: "victim_id", as: String.self), default: []]
                .append(TimelineEntry(step: step, on: day, agency: try row.decode(column: "agency", as: String.self)))
        }
        let awaited = timelines.flatMap { id, entries in AwaitedStep.awaited(by: entries).map { (victimID: id, step: $0) } }
            .sorted { ($0.step.since, $0.victimID) < ($1.step.since, $1.victimID) }
        try await audit(staff, .read, record: "victim:list", fields: ["timeline"], purpose: "\(purpose): awaited steps (\(timelines.count) files)")
        return awaited
    }

    /// Referrals addressed to this person's agency, newest first; a page of them after `after`.
    public func inbox(for staff: StaffIdentity, after: PageCursor? = nil, limit: Int? = nil) async throws -> Page<Referral> {
        guard AccessPolicy.allows(staff, .answerReferrals) else { throw CaseWorkError.forbidden("see referrals") }
        var query = referralQuery().column("created_at").where("to_agency", .equal, staff.agency.code)
        if let after, let seconds = Int64(after.keys[0]) {
            query = query.where { group in
                group.where("created_at", .lessThan, seconds)
                    .orWhere { tie in tie.where("created_at", .equal, seconds).where("referral_id", .greaterThan, after.keys[1]) }
            }
        }
        query = query.orderBy("created_at", .descending).orderBy("referral_id", .ascending)
        if let limit { query = query.limit(limit + 1) }
        let rows = try await query.all().map { (try Self.referral(from: $0), try $0.decode(column: "created_at", as: Int64.self)) }
        let created = Dictionary(rows.map { ($0.0.id, $0.1) }, uniquingKeysWith: { first, _ in first })
        return Page(reading: rows.map(\.0), limit: limit ?? rows.count) { [String(created[$0.id] ?? 0), $0.id] }
    }

    public func answer(referral referralID: String, _ answer: Referral.Answer, by staff: StaffIdentity,
                       purpose: String = "answer a referral") async throws -> Referral {
        guard AccessPolicy.allows(staff, .answerReferrals),
              var referral = try await referralQuery().where("referral_id", .equal, referralID).first().map(Self.referral(from:)),
              referral.toAgency == staff.agency.code || referral.fromAgency == staff.agency.code else {
            try await audit(staff, .denied, record: "referral:\(referralID)", fields: [], purpose: purpose)
            throw CaseWorkError.notFound
        }
        guard let status = referral.status(after: answer, byAgency: staff.agency.code) else {
            throw CaseWorkError.conflict([FieldError(field: "answer", message: "cannot \(answer.rawValue) a referral that is \(referral.status.rawValue)",
                                                    japanese: "状態が \(referral.status.rawValue) の照会には \(answer.rawValue) できません")])
        }
        referral.status = status
        let victimID = referral.victimID
        try await database.writeTransaction { transaction in
            try await transaction.sql.update("referrals").set("status", to: status.rawValue).set("answered_by", to: staff.auditActor)
                .set("answered_at", to: AccountStore.seconds(now())).where("referral_id", .equal, referralID).run()
            try await AuditLog(database: transaction).append(event(staff, .update, record: Self.record(victimID),
                                                                   fields: ["referral:\(referralID)"], purpose: "\(purpose): \(status.rawValue)"))
        }
        return referral
    }

    /// The victim withdrew consent: every referral that relied on it stops sharing at once.
    public func withdrawConsent(_ id: String, by staff: StaffIdentity, purpose: String = "consent withdrawn") async throws -> Int {
        _ = try await requireChangeable(id, by: staff, purpose: purpose)
        return try await database.writeTransaction { transaction in
            let affected = try await transaction.sql.select().column("referral_id").from("referrals").where("victim_id", .equal, id)
                .where("basis", .equal, Referral.Basis.consent.rawValue)
                .where("status", .in, [Referral.Status.pending.rawValue, Referral.Status.accepted.rawValue]).all().count
            try await transaction.sql.update("referrals").set("status", to: Referral.Status.consentWithdrawn.rawValue)
                .set("answered_by", to: staff.auditActor).set("answered_at", to: AccountStore.seconds(now()))
                .where("victim_id", .equal, id).where("basis", .equal, Referral.Basis.consent.rawValue)
                .where("status", .in, [Referral.Status.pending.rawValue, Referral.Status.accepted.rawValue]).run()
            try await AuditLog(database: transaction).append(event(staff, .update, record: Self.record(id), fields: ["consent"], purpose: purpose))
            return affected
        }
    }

    // MARK: Keys

    /// Re-encrypts every sealed value under the newest key, and seals screenings recorded before they
    /// were sealed, in one transaction; returns how many values changed.
    public func rotateKeys() async throws -> Int {
        guard let cipher else { throw CaseWorkError.noDataKey }
        return try await database.writeTransaction { transaction in
            let screenings = try await Self.reseal("screenings", key: "screening_id", alsoReading: ["victim_id"], columns: ["answers", "result"],
                                                   sealingClearText: true, cipher: cipher, on: transaction.sql) { row in
                Self.screeningRecord(victim: try row.decode(column: "victim_id", as: String.self),
                                     screening: try row.decode(column: "screening_id", as: String.self))
            }
            let files = try await Self.reseal("victim_files", key: "victim_id", columns: ["identity_sealed", "contact_sealed", "whereabouts_sealed"],
                                              cipher: cipher, on: transaction.sql) { row in
                Self.record(try row.decode(column: "victim_id", as: String.self))
            }
            return screenings + files
        }
    }

    /// Seals the values of `columns` in every row of `table` under the newest key, bound to the record
    /// `record` names for the row; values already under it stay. With `sealingClearText`, text stored
    /// before the column was sealed is sealed too; otherwise it fails to open, as any value that is not
    /// sealed. Returns how many values changed.
    private static func reseal(_ table: String, key: String, alsoReading: [String] = [], columns: [String], sealingClearText: Bool = false,
                               cipher: FieldCipher, on sql: any SQLDatabase, record: (any SQLRow) throws -> String) async throws -> Int {
        var changed = 0
        for row in try await sql.select().columns([key] + alsoReading + columns).from(table).all() {
            let record = try record(row)
            var update = sql.update(table)
            var touched = false
            for column in columns {
                guard let stored = try row.decode(column: column, as: String?.self) else { continue }
                let plain: String
                if sealingClearText && !FieldCipher.isSealed(stored) {
                    plain = stored
                } else {
                    guard cipher.needsRotation(stored) else { continue }
                    plain = try cipher.open(stored, record: record)
                }
                update = update.set(SQLIdentifier(column), to: SQLBind(try cipher.seal(plain, record: record)))
                touched = true; changed += 1
            }
            if touched { try await update.where(SQLIdentifier(key), .equal, SQLBind(try row.decode(column: key, as: String.self))).run() }
        }
        return changed
    }

    // MARK: Internals

    struct Sealed { var identity, contact, whereabouts: String? }

    private func summaryQuery() -> SQLSelectBuilder {
        database.sql.select()
            .columns(["victim_id", "protected_on", "sex", "age", "nationality", "residence_status", "exploitation"].map { SQLColumn($0, table: "victims") })
            .columns(["owning_agency", "protecting_agency"].map { SQLColumn($0, table: "victim_files") })
            .from("victim_files")
            .join("victims", on: SQLColumn("victim_id", table: "victims"), .equal, SQLColumn("victim_id", table: "victim_files"))
    }

    static func summary(from row: any SQLRow) throws -> VictimFileSummary {
        VictimFileSummary(id: try row.decode(column: "victim_id", as: String.self), protectedOn: try row.decode(column: "protected_on", as: String.self),
                          sex: try row.decode(column: "sex", as: String.self), age: try row.decode(column: "age", as: Int?.self),
                          nationality: try row.decode(column: "nationality", as: String.self),
                          residenceStatus: try row.decode(column: "residence_status", as: String?.self),
                          exploitation: try row.decode(column: "exploitation", as: String.self),
                          owningAgency: try row.decode(column: "owning_agency", as: String.self),
                          protectingAgency: try row.decode(column: "protecting_agency", as: String?.self))
    }

    private func load(_ id: String) async throws -> (VictimFileSummary, Sealed)? {
        guard RowDecoder.isIdentifier(id),
              let row = try await summaryQuery()
                .columns(["identity_sealed", "contact_sealed", "whereabouts_sealed"].map { SQLColumn($0, table: "victim_files") })
                .where(SQLColumn("victim_id", table: "victim_files"), .equal, SQLBind(id)).first() else { return nil }
        return (try Self.summary(from: row), Sealed(identity: try row.decode(column: "identity_sealed", as: String?.self),
                                                   contact: try row.decode(column: "contact_sealed", as: String?.self),
                                                   whereabouts: try row.decode(column: "whereabouts_sealed", as: String?.self)))
    }

    private func access(for summary: VictimFileSummary) async throws -> VictimFileAccess {
        var shared: [String: Set<VictimFileSection>] = [:]
        for referral in try await referrals(victim: summary.id) where referral.status.shares {
            shared[referral.toAgency, default: []].formUnion(referral.sections)
        }
        return VictimFileAccess(owningAgency: summary.owningAgency, protectingAgency: summary.protectingAgency, sharedWith: shared)
    }

    private func requireChangeable(_ id: String, by staff: StaffIdentity, purpose: String) async throws -> (VictimFileSummary, Sealed) {
        guard let loaded = try await load(id) else {
            try await audit(staff, .denied, record: Self.record(id), fields: [], purpose: purpose)
            throw CaseWorkError.notFound
        }
        let access = try await access(for: loaded.0)
        guard access.mayChange(staff) else {
            try await audit(staff, .denied, record: Self.record(id), fields: [], purpose: purpose)
            if access.sections(for: staff).isEmpty { throw CaseWorkError.notFound }
            throw CaseWorkError.forbidden(purpose)
        }
        return loaded
    }

    func timelineEntries(_ id: String) async throws -> [TimelineEntry] {
        try await Self.timelineEntries(id, in: database.sql)
    }

    /// The timeline in the order its rules read it: by day, and within a day each step after the steps it
    /// requires (identification before counselling on the same day) — the database keeps no order among
    /// rows of one day, and PostgreSQL returned a same-day counselling first (a 500 schemathesis found).
    private static func timelineEntries(_ id: String, in sql: any SQLDatabase) async throws -> [TimelineEntry] {
        try await sql.select().columns("step", "on_date", "agency").from("protection_steps").where("victim_id", .equal, id)
            .all().compactMap { row in
                guard let step = ProtectionStep(rawValue: try row.decode(column: "step", as: String.self)),
                      let day = Day(iso: try row.decode(column: "on_date", as: String.self)) else { return nil }
                return TimelineEntry(step: step, on: day, agency: try row.decode(column: "agency", as: String.self))
            }
            .sorted { ($0.on, $0.step.order) < ($1.on, $1.step.order) }
    }

    private func referralQuery() -> SQLSelectBuilder {
        database.sql.select().columns("referral_id", "victim_id", "from_agency", "to_agency", "sections", "basis", "override_reason", "status")
            .from("referrals")
    }

    func referrals(victim id: String) async throws -> [Referral] {
        try await referralQuery().where("victim_id", .equal, id).orderBy("created_at").all().map(Self.referral(from:))
    }

    static func referral(from row: any SQLRow) throws -> Referral {
        Referral(id: try row.decode(column: "referral_id", as: String.self), victimID: try row.decode(column: "victim_id", as: String.self),
                 fromAgency: try row.decode(column: "from_agency", as: String.self), toAgency: try row.decode(column: "to_agency", as: String.self),
                 sections: Set(try row.decode(column: "sections", as: String.self).split(separator: ";").compactMap { VictimFileSection(rawValue: String($0)) }),
                 basis: Referral.Basis(rawValue: try row.decode(column: "basis", as: String.self)) ?? .consent,
                 overrideReason: try row.decode(column: "override_reason", as: String?.self),
                 status: Referral.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .revoked)
    }

    private func seal<Value: Encodable>(_ value: Value, record: String) throws -> String {
        guard let cipher else { throw CaseWorkError.noDataKey }
        return try cipher.seal(String(decoding: try JSONEncoder().encode(value), as: UTF8.self), record: record)
    }

    private func open<Value: Decodable>(_ sealed: String, as type: Value.Type, record: String) throws -> Value {
        guard let cipher else { throw CaseWorkError.noDataKey }
        return try JSONDecoder().decode(type, from: Data(try cipher.open(sealed, record: record).utf8))
    }

    /// Screenings recorded before they were sealed hold their JSON in the clear until `rotateKeys`.
    private func openScreening<Value: Decodable>(_ stored: String, as type: Value.Type, record: String) throws -> Value {
        guard FieldCipher.isSealed(stored) else { return try JSONDecoder().decode(type, from: Data(stored.utf8)) }
        return try open(stored, as: type, record: record)
    }

    /// What a screening's sealed values are bound to: the file and the screening.
    static func screeningRecord(victim: String, screening: String) -> String { "screening:\(victim):\(screening)" }

    /// An agency that may protect a person, take a step of the timeline or receive a referral (not a
    /// hot line); otherwise the field's error.
    private func protectionAgency(_ code: String, field: String, in accounts: AccountStore) async throws -> Agency {
        guard let agency = try await accounts.agency(code: code) else {
            throw CaseWorkError.conflict([FieldError(field: field, message: "no agency has the code \(code)", japanese: "機関コード \(code) の機関はありません")])
        }
        guard agency.kind.protectsVictims else {
            throw CaseWorkError.conflict([FieldError(field: field, message: "\(code) is a hot line: it passes reports to the police and takes no part in a victim's protection",
                                                    japanese: "\(code) は通報窓口です。通報を警察に送付する機関で、被害者の保護には加わりません")])
        }
        return agency
    }

    private func event(_ staff: StaffIdentity, _ action: AuditEvent.Action, record: String, fields: [String], purpose: String) -> AuditEvent {
        AuditEvent(at: now(), by: staff, action: action, record: record, fields: fields, purpose: purpose)
    }

    private func audit(_ staff: StaffIdentity, _ action: AuditEvent.Action, record: String, fields: [String], purpose: String) async throws {
        try await AuditLog(database: database).append(event(staff, action, record: record, fields: fields, purpose: purpose))
    }
}
