import CTIPCore
import FluentKit
import Foundation
import SQLKit

/// A published whole report never changes; a correction makes a revision (2, 3, …). The secretariat
/// corrects a contribution's text and says why; the contribution's history keeps the step; every file of
/// the edition is rendered and frozen again, with its hash, section 2 computed from the records as they
/// are on the day (how many of its numbers differ from the publication is recorded, as section 2's own
/// revisions say). The first publication's files stay exactly as they were frozen.
public struct WholeReportRevision: Sendable, Hashable {
    public let year: Int
    public let number: Int
    /// ISO 8601, UTC.
    public let at: String
    public let actor: String
    public let agency: String
    public let reason: String
    /// The contributions whose text the revision corrected.
    public let corrected: [String]
    /// How many of section 2's numbers and verdicts differ from the first publication's.
    public let section2Changes: Int
    public let contentHash: String
}

extension WholeReportStore {
    /// Corrects a contribution of the published edition of `year` and freezes the revision; returns it.
    @discardableResult
    public func correct(year: Int, contribution id: String, writing: Writing, reason: String, by staff: StaffIdentity,
                        now: Date) async throws -> WholeReportRevision {
        do {
            return try await database.writeTransaction { transaction in
                try await WholeReportStore(database: transaction).correctInTransaction(year: year, id: id, writing: writing, reason: reason,
                                                                                      by: staff, now: now)
            }
        } catch ContributionWorkflowError.denied(let refused) {
            try await AuditLog(database: database).append(AuditEvent(at: now, by: staff, action: .denied, record: "report_contribution:\(year)/\(id)",
                                                                     fields: [refused.rawValue], purpose: "annual report correction"))
            throw ContributionWorkflowError.denied(action: refused)
        }
    }

    private func correctInTransaction(year: Int, id: String, writing: Writing, reason: String, by staff: StaffIdentity,
                                      now: Date) async throws -> WholeReportRevision {
        let sql = database.sql
        let bound = SQLBind(Int64(year))
        guard try await publication(year: year) != nil else {
            throw ContributionWorkflowError.notNow(action: .correct, state: .accepted)
        }
        guard let row = try await sql.select().columns("ministries", "state", "revision").from("report_contributions")
            .where("year", .equal, bound).where("contribution_id", .equal, SQLBind(id)).first() else {
            throw ContributionWorkflowError.noSuchContribution(id: id)
        }
        let ministries = try row.decode(column: "ministries", as: String.self).split(separator: ";").map(String.init)
        let stateText = try row.decode(column: "state", as: String.self)
        guard let state = ContributionState(rawValue: stateText) else { throw StorageError.corruptValue(column: "state", value: stateText) }
        let actor = ContributionActor.of(staff, ministries: ministries)
        let text = writing.textEN + writing.textJA
        _ = try ContributionWorkflow.next(after: .correct, by: actor, from: state, comment: reason, text: text).get()
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw ContributionWorkflowError.textRequired }
        let trimmedReason = reason.trimmingCharacters(in: .whitespacesAndNewlines)

        // The text, and the step in the contribution's history.
        let version = Int(try row.decode(column: "revision", as: Int64.self)) + 1
        let statuses = writing.statuses
        try await sql.update("report_contributions").set("text_en", to: SQLBind(writing.textEN)).set("text_ja", to: SQLBind(writing.textJA))
            .set("status_en", to: SQLBind(statuses.english.rawValue)).set("status_ja", to: SQLBind(statuses.japanese.rawValue))
            .set("revision", to: SQLBind(Int64(version))).where("year", .equal, bound).where("contribution_id", .equal, SQLBind(id)).run()
        try await sql.insert(into: "report_contribution_events")
            .columns("year", "contribution_id", "revision", "at", "actor", "agency", "action", "state", "text_en", "text_ja", "comment")
            .values(bound, SQLBind(id), SQLBind(Int64(version)), SQLBind(ReportEdition.timestamp(now)), SQLBind(staff.auditActor), SQLBind(staff.agency.code),
                    SQLBind(ContributionAction.correct.rawValue), SQLBind(ContributionState.accepted.rawValue), SQLBind(writing.textEN),
                    SQLBind(writing.textJA), SQLBind(trimmedReason)).run()

        // The whole edition frozen again: section 2 as the records stand, and how far it is from the publication.
        guard let whole = try await load(year: year) else { throw ContributionWorkflowError.noSuchContribution(id: id) }
        let reports = AnnualReports(database: database)
        let published = try await reports.edition(year: year)
        let facts = try await reports.facts(year: year, asOf: published?.asOf ?? Day.reportCutOff(forDataYear: year))
        let section2Changes = try published.map { try ReportRevision(published: $0.report, current: AnnualReportBuilder(language: .en).build(from: facts)).changes.count } ?? 0
        let files = try AnnualReports.wholeReportFiles(whole, facts: facts)
        let hash = ReportEdition.hash(files)
        let number = (try await revisions(year: year).map(\.number).max() ?? 1) + 1
        let revision = WholeReportRevision(year: year, number: number, at: ReportEdition.timestamp(now), actor: staff.auditActor, agency: staff.agency.code,
                                           reason: trimmedReason, corrected: [id], section2Changes: section2Changes, contentHash: hash)
        try await sql.insert(into: "whole_report_revisions")
            .columns("year", "revision", "at", "actor", "agency", "reason", "corrected", "section2_changes", "content_hash")
            .values(bound, SQLBind(Int64(number)), SQLBind(revision.at), SQLBind(revision.actor), SQLBind(revision.agency), SQLBind(revision.reason),
                    SQLBind(id), SQLBind(Int64(section2Changes)), SQLBind(hash)).run()
        for file in files {
            try await sql.insert(into: "whole_report_revision_files").columns("year", "revision", "format", "language", "content")
                .values(bound, SQLBind(Int64(number)), SQLBind(file.format.rawValue), SQLBind(file.language.rawValue), SQLBind(file.content)).run()
        }
        try await AuditLog(database: database).append(AuditEvent(at: now, by: staff, action: .update, record: "report_contribution:\(year)/\(id)",
                                                                 fields: ["correct", "revision=\(number)"], purpose: "annual report correction"))
        return revision
    }

    /// The revisions of the year's published edition, oldest first (none: as first published).
    public func revisions(year: Int) async throws -> [WholeReportRevision] {
        try await database.sql.select()
            .columns("revision", "at", "actor", "agency", "reason", "corrected", "section2_changes", "content_hash")
            .from("whole_report_revisions").where("year", .equal, SQLBind(Int64(year))).orderBy("revision").all().map { row in
                WholeReportRevision(year: year, number: Int(try row.decode(column: "revision", as: Int64.self)), at: try row.decode(column: "at", as: String.self),
                                    actor: try row.decode(column: "actor", as: String.self), agency: try row.decode(column: "agency", as: String.self),
                                    reason: try row.decode(column: "reason", as: String.self),
                                    corrected: try row.decode(column: "corrected", as: String.self).split(separator: ";").map(String.init),
                                    section2Changes: Int(try row.decode(column: "section2_changes", as: Int64.self)),
                                    contentHash: try row.decode(column: "content_hash", as: String.self))
            }
    }

    /// A frozen file of a revision (2, 3, …), exactly as it was frozen.
    public func revisionFile(year: Int, revision: Int, format: ReportFormat, language: Language) async throws -> String? {
        try await database.sql.select().column("content").from("whole_report_revision_files").where("year", .equal, SQLBind(Int64(year)))
            .where("revision", .equal, SQLBind(Int64(revision))).where("format", .equal, SQLBind(format.rawValue))
            .where("language", .equal, SQLBind(language.rawValue)).first()?.decode(column: "content", as: String.self)
    }
}
