import CTIPCore
import FluentKit
import Foundation
import SQLKit

/// The secretariat keeps the year's outline (`OutlineEditing`): each change in one write transaction,
/// refused once the year is published, audited.
extension WholeReportStore {
    /// Only the Council's secretariat shapes the report; anyone else is refused, and the refusal audited.
    func requireSecretariat(_ staff: StaffIdentity, record: String, change: String, now: Date) async throws {
        guard AccessPolicy.allows(staff, .manageReport) else {
            try await AuditLog(database: database).append(AuditEvent(at: now, by: staff, action: .denied, record: record, fields: [change],
                                                                     purpose: "annual report outline"))
            throw ContributionWorkflowError.denied(action: .request)
        }
    }

    public enum OutlineChange: Sendable, Equatable {
        case retitle(OutlineNumber, titleEN: String, titleJA: String)
        /// Under `parent` (nil: a new chapter), after its last sub-item.
        case add(under: OutlineNumber?, titleEN: String, titleJA: String)
        case remove(OutlineNumber)
    }

    /// Applies `change` for the secretariat; returns the item's number (the new one for `add`).
    @discardableResult
    public func changeOutline(year: Int, _ change: OutlineChange, by staff: StaffIdentity, now: Date) async throws -> OutlineNumber {
        try await requireSecretariat(staff, record: "whole_report:\(year)", change: "outline", now: now)
        return try await database.writeTransaction { transaction in
            let store = WholeReportStore(database: transaction)
            let sql = transaction.sql
            let bound = SQLBind(Int64(year))
            if try await store.publication(year: year) != nil { throw ContributionWorkflowError.published(year: year) }
            guard let edition = try await store.load(year: year) else { throw OutlineEditing.Refusal.noSuchItem(String(year)) }
            func titles(_ en: String, _ ja: String) throws -> (String, String) {
                let english = en.trimmingCharacters(in: .whitespacesAndNewlines), japanese = ja.trimmingCharacters(in: .whitespacesAndNewlines)
                if english.isEmpty { throw OutlineEditing.Refusal.titleRequired(field: "title_en") }
                if japanese.isEmpty { throw OutlineEditing.Refusal.titleRequired(field: "title_ja") }
                return (english, japanese)
            }
            let number: OutlineNumber, fields: [String]
            switch change {
            case .retitle(let item, let en, let ja):
                guard edition.outline.contains(where: { $0.number == item }) else { throw OutlineEditing.Refusal.noSuchItem(item.description) }
                if OutlineEditing.isComputed(item) { throw OutlineEditing.Refusal.computedChapter(item.description) }
                let (english, japanese) = try titles(en, ja)
                // The secretariat's Japanese title is the original, no longer CTIP's translation.
                try await sql.update("report_outline").set("title_en", to: SQLBind(english)).set("title_ja", to: SQLBind(japanese))
                    .set("title_ja_own", to: SQLBind(false)).where("year", .equal, bound).where("number", .equal, SQLBind(item.description)).run()
                number = item; fields = ["retitle", "item=\(item)"]
            case .add(let parent, let en, let ja):
                if let parent, OutlineEditing.isComputed(parent) { throw OutlineEditing.Refusal.computedChapter(parent.description) }
                let (english, japanese) = try titles(en, ja)
                number = try OutlineEditing.nextNumber(under: parent, in: edition.outline).get()
                let index = OutlineEditing.insertionIndex(under: parent, in: edition.outline)
                try await sql.raw("UPDATE report_outline SET position = position + 1 WHERE year = \(bind: Int64(year)) AND position >= \(bind: Int64(index))").run()
                try await sql.insert(into: "report_outline").columns("year", "number", "position", "title_en", "title_ja", "title_ja_own", "action_plan_item")
                    .values(bound, SQLBind(number.description), SQLBind(Int64(index)), SQLBind(english), SQLBind(japanese), SQLBind(false),
                            SQLBind(number.description)).run()
                fields = ["add", "item=\(number)"]
            case .remove(let item):
                guard edition.outline.contains(where: { $0.number == item }) else { throw OutlineEditing.Refusal.noSuchItem(item.description) }
                if OutlineEditing.isComputed(item) { throw OutlineEditing.Refusal.computedChapter(item.description) }
                let holds = edition.placements.contains { $0.item == item } || edition.exhibits.contains { $0.item == item }
                    || edition.contributions.contains { $0.home == item } || edition.outline.contains { $0.number.parent == item }
                if holds { throw OutlineEditing.Refusal.notEmpty(item.description) }
                try await sql.delete(from: "report_outline").where("year", .equal, bound).where("number", .equal, SQLBind(item.description)).run()
                number = item; fields = ["remove", "item=\(item)"]
            }
            try await AuditLog(database: transaction).append(AuditEvent(at: now, by: staff, action: .update, record: "whole_report:\(year)",
                                                                        fields: fields, purpose: "annual report outline"))
            return number
        }
    }
}

extension WholeReportStore {
    /// The secretariat places a contribution under another item as well (a repeat, rendered from the one
    /// text with "[Repeated from …]"), or takes such a repeat away; the contribution's home stays.
    public func placeRepeat(year: Int, contribution id: String, under item: OutlineNumber, remove: Bool = false, by staff: StaffIdentity,
                            now: Date) async throws {
        try await requireSecretariat(staff, record: "report_contribution:\(year)/\(id)", change: "placement", now: now)
        try await database.writeTransaction { transaction in
            let store = WholeReportStore(database: transaction)
            let sql = transaction.sql, bound = SQLBind(Int64(year))
            if try await store.publication(year: year) != nil { throw ContributionWorkflowError.published(year: year) }
            guard let edition = try await store.load(year: year) else { throw ContributionWorkflowError.noSuchContribution(id: id) }
            guard let contribution = edition.contributions.first(where: { $0.id == id }) else { throw ContributionWorkflowError.noSuchContribution(id: id) }
            guard edition.outline.contains(where: { $0.number == item }), !OutlineEditing.isComputed(item) else {
                throw ContributionWorkflowError.noSuchItem(number: item.description)
            }
            let placed = edition.placements.filter { $0.contributionID == id && $0.item == item }
            if remove {
                guard placed.contains(where: \.isRepeat) else { throw ContributionWorkflowError.noSuchItem(number: item.description) }
                try await sql.delete(from: "report_placements").where("year", .equal, bound).where("contribution_id", .equal, SQLBind(id))
                    .where("item", .equal, SQLBind(item.description)).where("is_repeat", .equal, SQLBind(true)).run()
            } else {
                // Placed there already (its home or a repeat): nothing to add.
                guard placed.isEmpty, item != contribution.home else { return }
                let last = edition.placements.filter { $0.item == item }.map(\.position).max() ?? -1
                try await sql.insert(into: "report_placements").columns("year", "contribution_id", "item", "position", "is_repeat")
                    .values(bound, SQLBind(id), SQLBind(item.description), SQLBind(Int64(last + 1)), SQLBind(true)).run()
            }
            try await AuditLog(database: transaction).append(AuditEvent(at: now, by: staff, action: .update, record: "report_contribution:\(year)/\(id)",
                                                                        fields: [remove ? "unplace" : "place", "item=\(item)"], purpose: "annual report outline"))
        }
    }
}

extension WholeReportStore {
    public enum ExhibitChange: Sendable, Equatable {
        /// A table or figure under an item, numbered where it first appears when the report is rendered.
        case add(Exhibit)
        case remove(id: String)
    }

    /// The secretariat adds a table or figure of the report (caption in both languages, the credit), or
    /// removes one; section 2's own, drawn from the records, are not touched.
    public func changeExhibits(year: Int, _ change: ExhibitChange, by staff: StaffIdentity, now: Date) async throws {
        try await requireSecretariat(staff, record: "whole_report:\(year)", change: "exhibit", now: now)
        try await database.writeTransaction { transaction in
            let store = WholeReportStore(database: transaction)
            let sql = transaction.sql, bound = SQLBind(Int64(year))
            if try await store.publication(year: year) != nil { throw ContributionWorkflowError.published(year: year) }
            guard let edition = try await store.load(year: year) else { throw OutlineEditing.Refusal.noSuchItem(String(year)) }
            let field: String
            switch change {
            case .add(let exhibit):
                guard RowDecoder.isIdentifier(exhibit.id) else { throw OutlineEditing.Refusal.badIdentifier(exhibit.id) }
                guard !edition.exhibits.contains(where: { $0.id == exhibit.id }) else { throw OutlineEditing.Refusal.identifierTaken(exhibit.id) }
                guard edition.outline.contains(where: { $0.number == exhibit.item }) else { throw OutlineEditing.Refusal.noSuchItem(exhibit.item.description) }
                if OutlineEditing.isComputed(exhibit.item) { throw OutlineEditing.Refusal.computedChapter(exhibit.item.description) }
                let english = exhibit.captionEN.trimmingCharacters(in: .whitespacesAndNewlines)
                let japanese = exhibit.captionJA.trimmingCharacters(in: .whitespacesAndNewlines)
                if english.isEmpty { throw OutlineEditing.Refusal.titleRequired(field: "caption_en") }
                if japanese.isEmpty { throw OutlineEditing.Refusal.titleRequired(field: "caption_ja") }
                let credit = exhibit.credit?.trimmingCharacters(in: .whitespacesAndNewlines)
                try await sql.insert(into: "report_exhibits").columns("year", "exhibit_id", "kind", "printed_number", "caption_en", "caption_ja", "credit",
                                                                      "item", "computed", "source_line")
                    .values(bound, SQLBind(exhibit.id), SQLBind(exhibit.kind.rawValue), SQLBind(Int64?.none), SQLBind(english), SQLBind(japanese),
                            SQLBind(credit?.isEmpty == false ? credit : nil), SQLBind(exhibit.item.description), SQLBind(false), SQLBind(Int64?.none)).run()
                field = "add=\(exhibit.id)"
            case .remove(let id):
                guard let held = edition.exhibits.first(where: { $0.id == id }), !held.computed else { throw OutlineEditing.Refusal.noSuchItem(id) }
                try await sql.delete(from: "report_exhibits").where("year", .equal, bound).where("exhibit_id", .equal, SQLBind(id)).run()
                field = "remove=\(id)"
            }
            try await AuditLog(database: transaction).append(AuditEvent(at: now, by: staff, action: .update, record: "whole_report:\(year)",
                                                                        fields: ["exhibit", field], purpose: "annual report outline"))
        }
    }
}
