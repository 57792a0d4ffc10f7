import CTIPCore
import FluentKit
import Foundation
import SQLKit

/// The year's work on the whole report (`ContributionWorkflow`): the secretariat's requests with their
/// deadlines, the ministries' edits and submissions, returns, acceptances and comments. Every step is a
/// new version in the contribution's history (who, when, the text after it) and an audit entry; a refused
/// step is audited too. Each runs in one write transaction and checks the version the form was opened at,
/// so two people working on one contribution never overwrite each other unknowingly.
extension WholeReportStore {
    /// What is held of each contribution before a whole edition is saved over it.
    struct HeldText: Sendable {
        var textEN: String
        var textJA: String
        var deadline: String?
    }

    func heldTexts(year: Int) async throws -> [String: HeldText] {
        var held: [String: HeldText] = [:]
        for row in try await database.sql.select().columns("contribution_id", "text_en", "text_ja", "deadline").from("report_contributions")
            .where("year", .equal, SQLBind(Int64(year))).all() {
            held[try row.decode(column: "contribution_id", as: String.self)] = HeldText(
                textEN: try row.decode(column: "text_en", as: String.self), textJA: try row.decode(column: "text_ja", as: String.self),
                deadline: try row.decode(column: "deadline", as: String?.self))
        }
        return held
    }

    /// The last version in each contribution's history (a contribution removed and read again goes on
    /// counting where it was).
    func lastRevisions(year: Int) async throws -> [String: Int] {
        var last: [String: Int] = [:]
        for row in try await database.sql.raw("""
            SELECT contribution_id, MAX(revision) AS revision FROM report_contribution_events WHERE year = \(bind: Int64(year)) GROUP BY contribution_id
            """).all() {
            last[try row.decode(column: "contribution_id", as: String.self)] = Int(try row.decode(column: "revision", as: Int64.self))
        }
        return last
    }

    /// After a whole edition is saved: a new version for each contribution whose text is new or changed,
    /// the deadlines and versions of the others as they were.
    func recordVersions(of edition: WholeEdition, before: [String: HeldText], action: ContributionAction, actor: String, agency: String,
                        at now: Date) async throws {
        let sql = database.sql
        let year = Int64(edition.year)
        let last = try await lastRevisions(year: edition.year)
        let at = ReportEdition.timestamp(now)
        var events: [[SQLBind]] = []
        for contribution in edition.contributions {
            let held = before[contribution.id]
            let revision: Int
            if let held, held.textEN == contribution.textEN, held.textJA == contribution.textJA, let kept = last[contribution.id] {
                revision = kept
            } else {
                revision = (last[contribution.id] ?? 0) + 1
                events.append([SQLBind(year), SQLBind(contribution.id), SQLBind(Int64(revision)), SQLBind(at), SQLBind(actor), SQLBind(agency),
                               SQLBind(action.rawValue), SQLBind(contribution.state.rawValue), SQLBind(contribution.textEN),
                               SQLBind(contribution.textJA), SQLBind(String?.none)])
            }
            if revision != 1 || held?.deadline != nil {
                try await sql.update("report_contributions").set("revision", to: SQLBind(Int64(revision))).set("deadline", to: SQLBind(held?.deadline))
                    .where("year", .equal, SQLBind(year)).where("contribution_id", .equal, SQLBind(contribution.id)).run()
            }
        }
        var start = 0
        while start < events.count {
            var insert = sql.insert(into: "report_contribution_events")
                .columns("year", "contribution_id", "revision", "at", "actor", "agency", "action", "state", "text_en", "text_ja", "comment")
            for event in events[start..<min(start + 100, events.count)] { insert = insert.values(event) }
            try await insert.run()
            start += 100
        }
    }

    /// The deadline and version of each contribution of the year.
    public func work(year: Int) async throws -> [String: ContributionWork] {
        var work: [String: ContributionWork] = [:]
        for row in try await database.sql.select().columns("contribution_id", "deadline", "revision").from("report_contributions")
            .where("year", .equal, SQLBind(Int64(year))).all() {
            work[try row.decode(column: "contribution_id", as: String.self)] = ContributionWork(
                deadline: try row.decode(column: "deadline", as: String?.self).flatMap { Day(iso: $0) },
                revision: Int(try row.decode(column: "revision", as: Int64.self)))
        }
        return work
    }

    /// Every step of a contribution, oldest first.
    public func history(year: Int, contribution id: String) async throws -> [ContributionEvent] {
        try await database.sql.select()
            .columns("revision", "at", "actor", "agency", "action", "state", "text_en", "text_ja", "comment")
            .from("report_contribution_events").where("year", .equal, SQLBind(Int64(year))).where("contribution_id", .equal, SQLBind(id))
            .orderBy("revision").all().map { row in
                let action = try row.decode(column: "action", as: String.self), state = try row.decode(column: "state", as: String.self)
                guard let knownAction = ContributionAction(rawValue: action) else { throw StorageError.corruptValue(column: "action", value: action) }
                guard let knownState = ContributionState(rawValue: state) else { throw StorageError.corruptValue(column: "state", value: state) }
                return ContributionEvent(revision: Int(try row.decode(column: "revision", as: Int64.self)), at: try row.decode(column: "at", as: String.self),
                                         actor: try row.decode(column: "actor", as: String.self), agency: try row.decode(column: "agency", as: String.self),
                                         action: knownAction, state: knownState, textEN: try row.decode(column: "text_en", as: String?.self),
                                         textJA: try row.decode(column: "text_ja", as: String?.self), comment: try row.decode(column: "comment", as: String?.self))
            }
    }

    /// The text for a contribution step: what the ministry writes (edit), or nothing (the other steps).
    public struct Writing: Sendable {
        public var textEN: String
        public var textJA: String
        /// Whether the Japanese text is the ministry's original or a translation (ignored when empty: missing).
        public var japaneseIsTranslation: Bool
        /// The figures the text declares (`{number:KEY}`, entered), replacing those it declared before; nil
        /// leaves them as they are.
        public var figures: [TextFigure]?

        public init(textEN: String, textJA: String, japaneseIsTranslation: Bool = false, figures: [TextFigure]? = nil) {
            self.textEN = textEN; self.textJA = textJA; self.japaneseIsTranslation = japaneseIsTranslation; self.figures = figures
        }

        /// What each language's text is: missing when empty; the Japanese the original unless marked a
        /// translation, the English then a translation of it.
        var statuses: (english: TextStatus, japanese: TextStatus) {
            let japanese: TextStatus = textJA.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? .missing
                : japaneseIsTranslation ? .translation : .original
            let english: TextStatus = textEN.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? .missing
                : japanese == .original ? .translation : .original
            return (english, japanese)
        }
    }

    /// One step on a contribution by `staff`: edit (with `writing`), submit, return, accept or comment.
    /// `openedAt`: the version the form showed (nil from the command line). Returns the recorded step.
    @discardableResult
    public func act(_ action: ContributionAction, year: Int, contribution id: String, openedAt: Int?, by staff: StaffIdentity,
                    writing: Writing? = nil, comment: String = "", now: Date) async throws -> ContributionEvent {
        do {
            return try await database.writeTransaction { transaction in
                try await WholeReportStore(database: transaction).actInTransaction(action, year: year, id: id, openedAt: openedAt, by: staff,
                                                                                  writing: writing, comment: comment, now: now)
            }
        } catch ContributionWorkflowError.denied(let refused) {
            try await AuditLog(database: database).append(AuditEvent(at: now, by: staff, action: .denied, record: "report_contribution:\(year)/\(id)",
                                                                     fields: [refused.rawValue], purpose: "annual report"))
            throw ContributionWorkflowError.denied(action: refused)
        }
    }

    private func actInTransaction(_ action: ContributionAction, year: Int, id: String, openedAt: Int?, by staff: StaffIdentity,
                                  writing: Writing?, comment: String, now: Date) async throws -> ContributionEvent {
        let sql = database.sql
        if try await publication(year: year) != nil { throw ContributionWorkflowError.published(year: year) }
        guard let row = try await sql.select().columns("ministries", "state", "text_en", "text_ja", "status_ja", "revision").from("report_contributions")
            .where("year", .equal, SQLBind(Int64(year))).where("contribution_id", .equal, SQLBind(id)).first() else {
            throw ContributionWorkflowError.noSuchContribution(id: id)
        }
        let ministriesText = try row.decode(column: "ministries", as: String.self)
        let ministries = ministriesText.split(separator: ";").map(String.init)
        let stateText = try row.decode(column: "state", as: String.self)
        guard let state = ContributionState(rawValue: stateText) else { throw StorageError.corruptValue(column: "state", value: stateText) }
        let revision = Int(try row.decode(column: "revision", as: Int64.self))
        let actor = ContributionActor.of(staff, ministries: ministries)
        guard actor != .other else { throw ContributionWorkflowError.denied(action: action) }
        if let openedAt, openedAt != revision { throw ContributionWorkflowError.stale(opened: openedAt, current: revision) }
        let textEN = try writing?.textEN ?? row.decode(column: "text_en", as: String.self)
        let textJA = try writing?.textJA ?? row.decode(column: "text_ja", as: String.self)
        let next = try ContributionWorkflow.next(after: action, by: actor, from: state, comment: comment, text: textEN + textJA).get()
        let trimmedComment = comment.trimmingCharacters(in: .whitespacesAndNewlines)
        let event = ContributionEvent(revision: revision + 1, at: ReportEdition.timestamp(now), actor: staff.auditActor, agency: staff.agency.code,
                                      action: action, state: next, textEN: writing == nil ? nil : textEN, textJA: writing == nil ? nil : textJA,
                                      comment: trimmedComment.isEmpty ? nil : trimmedComment)
        var update = sql.update("report_contributions").set("state", to: SQLBind(next.rawValue)).set("revision", to: SQLBind(Int64(revision + 1)))
        if let writing {
            let statuses = writing.statuses
            update = update.set("text_en", to: SQLBind(textEN)).set("text_ja", to: SQLBind(textJA))
                .set("status_en", to: SQLBind(statuses.english.rawValue)).set("status_ja", to: SQLBind(statuses.japanese.rawValue))
        }
        // The ministry has looked at what was carried forward: it is this year's text now.
        if actor == .ownMinistry && (action == .edit || action == .submit) { update = update.set("carried_from", to: SQLBind(Int64?.none)) }
        try await update.where("year", .equal, SQLBind(Int64(year))).where("contribution_id", .equal, SQLBind(id))
            .where("revision", .equal, SQLBind(Int64(revision))).run()
        if let figures = writing?.figures { try await replaceFigures(figures, year: year, contribution: id) }
        try await insert(event, year: year, contribution: id)
        try await AuditLog(database: database).append(AuditEvent(at: now, by: staff, action: .update, record: "report_contribution:\(year)/\(id)",
                                                                 fields: [action.rawValue, "state=\(next.rawValue)"], purpose: "annual report"))
        return event
    }

    /// The contribution's entered figures become `figures` (a key another contribution declares is refused).
    private func replaceFigures(_ figures: [TextFigure], year: Int, contribution id: String) async throws {
        let sql = database.sql, bound = SQLBind(Int64(year))
        for row in try await sql.select().columns("figure_key", "contribution_id").from("report_figures").where("year", .equal, bound).all() {
            let key = try row.decode(column: "figure_key", as: String.self), owner = try row.decode(column: "contribution_id", as: String?.self)
            if owner != id, figures.contains(where: { $0.key == key }) { throw ContributionWorkflowError.figureKeyTaken(key: key, by: owner ?? "-") }
        }
        try await sql.delete(from: "report_figures").where("year", .equal, bound).where("contribution_id", .equal, SQLBind(id)).run()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for figure in figures {
            var owned = figure
            owned.contributionID = id
            try await sql.insert(into: "report_figures").columns("year", "figure_key", "contribution_id", "figure")
                .values(bound, SQLBind(owned.key), SQLBind(id), SQLBind(String(decoding: try encoder.encode(owned), as: UTF8.self))).run()
        }
    }

    private func insert(_ event: ContributionEvent, year: Int, contribution id: String) async throws {
        try await database.sql.insert(into: "report_contribution_events")
            .columns("year", "contribution_id", "revision", "at", "actor", "agency", "action", "state", "text_en", "text_ja", "comment")
            .values(SQLBind(Int64(year)), SQLBind(id), SQLBind(Int64(event.revision)), SQLBind(event.at), SQLBind(event.actor), SQLBind(event.agency),
                    SQLBind(event.action.rawValue), SQLBind(event.state.rawValue), SQLBind(event.textEN), SQLBind(event.textJA), SQLBind(event.comment))
            .run()
    }

    /// The secretariat asks `ministry` for its contribution: with `item`, a new contribution to that item;
    /// without, the deadline for every contribution of the ministry that still awaits its text. Returns the
    /// contributions the request concerns.
    @discardableResult
    public func request(year: Int, item: OutlineNumber?, ministry: String, deadline: Day, today: Day, by staff: StaffIdentity,
                        now: Date) async throws -> [String] {
        guard AccessPolicy.allows(staff, .manageReport) else {
            try await AuditLog(database: database).append(AuditEvent(at: now, by: staff, action: .denied, record: "whole_report:\(year)",
                                                                     fields: ["request"], purpose: "annual report"))
            throw ContributionWorkflowError.denied(action: .request)
        }
        guard deadline >= today else { throw ContributionWorkflowError.deadlinePassed(deadline: deadline) }
        return try await database.writeTransaction { transaction in
            let store = WholeReportStore(database: transaction)
            let sql = transaction.sql
            let bound = SQLBind(Int64(year))
            if try await store.publication(year: year) != nil { throw ContributionWorkflowError.published(year: year) }
            guard let item else {
                var concerned: [String] = []
                for row in try await sql.select().columns("contribution_id", "ministries", "state").from("report_contributions")
                    .where("year", .equal, bound).all() {
                    let ministries = try row.decode(column: "ministries", as: String.self).split(separator: ";").map(String.init)
                    let awaiting = ContributionState(rawValue: try row.decode(column: "state", as: String.self))?.awaitsMinistry ?? false
                    if awaiting && ministries.contains(ministry) { concerned.append(try row.decode(column: "contribution_id", as: String.self)) }
                }
                for id in concerned {
                    try await sql.update("report_contributions").set("deadline", to: SQLBind(deadline.description))
                        .where("year", .equal, bound).where("contribution_id", .equal, SQLBind(id)).run()
                }
                try await AuditLog(database: transaction).append(AuditEvent(at: now, by: staff, action: .update, record: "whole_report:\(year)",
                                                                            fields: ["deadline", "ministry=\(ministry)", "contributions=\(concerned.count)"],
                                                                            purpose: "annual report"))
                return concerned.sorted()
            }
            let items = try await sql.select().column("number").from("report_outline").where("year", .equal, bound).all()
                .map { try $0.decode(column: "number", as: String.self) }
            // Chapters 2 and 8 are written from the records: nobody is asked for them.
            guard items.contains(item.description), !OutlineEditing.isComputed(item) else {
                throw ContributionWorkflowError.noSuchItem(number: item.description)
            }
            let existing = try await sql.select().column("contribution_id").from("report_contributions").where("year", .equal, bound).all()
                .map { try $0.decode(column: "contribution_id", as: String.self) }
            let requested = existing.filter { $0.hasPrefix("C\(year)-R") }.compactMap { Int($0.dropFirst("C\(year)-R".count)) }
            let id = "C\(year)-R" + String(format: "%03d", (requested.max() ?? 0) + 1)
            try await sql.insert(into: "report_contributions")
                .columns("year", "contribution_id", "ministries", "text_en", "text_ja", "status_en", "status_ja", "home", "state", "deadline", "revision")
                .values(bound, SQLBind(id), SQLBind(ministry), SQLBind(""), SQLBind(""), SQLBind(TextStatus.missing.rawValue),
                        SQLBind(TextStatus.missing.rawValue), SQLBind(item.description), SQLBind(ContributionState.requested.rawValue),
                        SQLBind(deadline.description), SQLBind(Int64(1))).run()
            let positions = try await sql.select().column("position").from("report_placements").where("year", .equal, bound)
                .where("item", .equal, SQLBind(item.description)).all().map { try $0.decode(column: "position", as: Int64.self) }
            try await sql.insert(into: "report_placements").columns("year", "contribution_id", "item", "position", "is_repeat")
                .values(bound, SQLBind(id), SQLBind(item.description), SQLBind((positions.max() ?? -1) + 1), SQLBind(false)).run()
            try await store.insert(ContributionEvent(revision: 1, at: ReportEdition.timestamp(now), actor: staff.auditActor, agency: staff.agency.code,
                                                     action: .request, state: .requested, comment: "deadline \(deadline)"), year: year, contribution: id)
            try await AuditLog(database: transaction).append(AuditEvent(at: now, by: staff, action: .create, record: "report_contribution:\(year)/\(id)",
                                                                        fields: ["request", "ministry=\(ministry)", "item=\(item)"], purpose: "annual report"))
            return [id]
        }
    }

    /// The text of the same contribution in the year before (a draft's contributions keep their number:
    /// C2025-0042 was C2024-0042), for "what changed since last year".
    public func lastYearsText(year: Int, contribution id: String) async throws -> Contribution? {
        let prefix = "C\(year)-"
        guard id.hasPrefix(prefix), let last = try await load(year: year - 1) else { return nil }
        let lastID = "C\(year - 1)-" + id.dropFirst(prefix.count)
        return last.contributions.first { $0.id == lastID }
    }
}
