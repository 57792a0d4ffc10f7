import CTIPCore
import FluentKit
import Foundation
import SQLKit

/// The whole annual report of each year in the database (`CreateWholeReportTables`): saved as one whole
/// in a write transaction (readers see the old edition or the new one, never a mix), with its audit entry.
public struct WholeReportStore: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    /// Replaces the year's edition with `edition`. A published edition never changes.
    /// Every contribution whose text is new or changed gets a new version in its history (`action`: read
    /// from a file, or carried forward into a draft); deadlines and versions of the others are kept.
    public func save(_ edition: WholeEdition, source: String, actor: String = "cli", agency: String = "-",
                     action: ContributionAction = .import, now: Date = Date()) async throws {
        try await database.writeTransaction { transaction in
            let sql = transaction.sql
            let year = Int64(edition.year)
            if let published = try await WholeReportStore(database: transaction).publication(year: edition.year) {
                throw WholeReportError.published(year: edition.year, at: published.publishedAt)
            }
            let before = try await WholeReportStore(database: transaction).heldTexts(year: edition.year)
            for table in ["report_figures", "report_exhibits", "report_placements", "report_contributions", "report_outline", "whole_report_editions"] {
                try await sql.delete(from: table).where("year", .equal, SQLBind(year)).run()
            }
            let contents = String(decoding: try JSONEncoder().encode(edition.printedContents), as: UTF8.self)
            try await sql.insert(into: "whole_report_editions").columns("year", "approved_on", "printed_contents", "source")
                .values(SQLBind(year), SQLBind(edition.approvedOn?.description), SQLBind(contents), SQLBind(source)).run()
            try await Self.insert(sql, "report_outline", ["year", "number", "position", "title_en", "title_ja", "title_ja_own", "action_plan_item"],
                                  edition.outline.enumerated().map { position, item in
                [SQLBind(year), SQLBind(item.number.description), SQLBind(Int64(position)), SQLBind(item.titleEN), SQLBind(item.titleJA),
                 SQLBind(item.titleJAIsOwnTranslation), SQLBind(item.actionPlanItem)]
            })
            try await Self.insert(sql, "report_contributions", ["year", "contribution_id", "ministries", "text_en", "text_ja", "status_en",
                                                                "status_ja", "home", "source_line", "state", "carried_from"], edition.contributions.map { c in
                [SQLBind(year), SQLBind(c.id), SQLBind(c.ministries.joined(separator: ";")), SQLBind(c.textEN), SQLBind(c.textJA),
                 SQLBind(c.statusEN.rawValue), SQLBind(c.statusJA.rawValue), SQLBind(c.home.description), SQLBind(c.sourceLine.map(Int64.init)),
                 SQLBind(c.state.rawValue), SQLBind(c.carriedFrom.map(Int64.init))]
            })
            try await Self.insert(sql, "report_placements", ["year", "contribution_id", "item", "position", "is_repeat", "printed_marker",
                                                             "printed_text", "source_line"], edition.placements.map { p in
                [SQLBind(year), SQLBind(p.contributionID), SQLBind(p.item.description), SQLBind(Int64(p.position)), SQLBind(p.isRepeat),
                 SQLBind(p.printedMarker), SQLBind(p.printedText), SQLBind(p.sourceLine.map(Int64.init))]
            })
            try await Self.insert(sql, "report_exhibits", ["year", "exhibit_id", "kind", "printed_number", "caption_en", "caption_ja", "credit",
                                                           "item", "computed", "source_line"], edition.exhibits.map { e in
                [SQLBind(year), SQLBind(e.id), SQLBind(e.kind.rawValue), SQLBind(e.printedNumber.map(Int64.init)), SQLBind(e.captionEN),
                 SQLBind(e.captionJA), SQLBind(e.credit), SQLBind(e.item.description), SQLBind(e.computed), SQLBind(e.sourceLine.map(Int64.init))]
            })
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            try await Self.insert(sql, "report_figures", ["year", "figure_key", "contribution_id", "figure"], try edition.figures.map { figure in
                [SQLBind(year), SQLBind(figure.key), SQLBind(figure.contributionID), SQLBind(String(decoding: try encoder.encode(figure), as: UTF8.self))]
            })
            try await WholeReportStore(database: transaction).recordVersions(of: edition, before: before, action: action, actor: actor, agency: agency, at: now)
            try await AuditLog(database: transaction).append(AuditEvent(
                at: now, actor: actor, agency: agency, action: .create, record: "whole_report:\(edition.year)",
                fields: ["outline=\(edition.outline.count)", "contributions=\(edition.contributions.count)", "placements=\(edition.placements.count)",
                         "exhibits=\(edition.exhibits.count)", "figures=\(edition.figures.count)"], purpose: "annual report edition"))
        }
    }

    /// Rows in batches: one statement each, under both engines' limits on bound values.
    private static func insert(_ sql: any SQLDatabase, _ table: String, _ columns: [String], _ rows: [[SQLBind]]) async throws {
        var start = 0
        while start < rows.count {
            let batch = rows[start..<min(start + 200, rows.count)]
            var insert = sql.insert(into: table).columns(columns)
            for row in batch { insert = insert.values(row) }
            try await insert.run()
            start += batch.count
        }
    }

    /// When the year's whole edition was frozen, and its content hash; nil while it is a draft.
    public func publication(year: Int) async throws -> (publishedAt: String, contentHash: String)? {
        guard let row = try await database.sql.select().columns("published_at", "content_hash").from("whole_report_editions")
            .where("year", .equal, SQLBind(Int64(year))).first(),
              let at = try row.decode(column: "published_at", as: String?.self), let hash = try row.decode(column: "content_hash", as: String?.self)
        else { return nil }
        return (at, hash)
    }

    /// Records the day the Council approved the year's edition.
    public func approve(year: Int, on day: Day, actor: String = "cli", agency: String = "-", now: Date = Date()) async throws {
        try await database.writeTransaction { transaction in
            if let published = try await WholeReportStore(database: transaction).publication(year: year) {
                throw WholeReportError.published(year: year, at: published.publishedAt)
            }
            try await transaction.sql.update("whole_report_editions").set("approved_on", to: SQLBind(day.description))
                .where("year", .equal, SQLBind(Int64(year))).run()
            try await AuditLog(database: transaction).append(AuditEvent(at: now, actor: actor, agency: agency, action: .update,
                                                                        record: "whole_report:\(year)", fields: ["approved_on"], purpose: "annual report approval"))
        }
    }

    /// Freezes the rendered files of the year's whole edition (inside the caller's transaction: `ctip
    /// report publish` freezes section 2 and the whole report together).
    static func freeze(year: Int, files: [(format: String, language: String, content: String)], hash: String, at: String,
                       in sql: any SQLDatabase) async throws {
        for file in files {
            try await sql.insert(into: "whole_report_files").columns("year", "format", "language", "content")
                .values(SQLBind(Int64(year)), SQLBind(file.format), SQLBind(file.language), SQLBind(file.content)).run()
        }
        try await sql.update("whole_report_editions").set("published_at", to: SQLBind(at)).set("content_hash", to: SQLBind(hash))
            .where("year", .equal, SQLBind(Int64(year))).run()
    }

    /// A frozen file of the published whole edition, exactly as it was frozen.
    public func publishedFile(year: Int, format: ReportFormat, language: Language) async throws -> String? {
        try await database.sql.select().column("content").from("whole_report_files").where("year", .equal, SQLBind(Int64(year)))
            .where("format", .equal, SQLBind(format.rawValue)).where("language", .equal, SQLBind(language.rawValue)).first()?
            .decode(column: "content", as: String.self)
    }

    /// The file the year's edition was read from.
    public func source(year: Int) async throws -> String? {
        try await database.sql.select().column("source").from("whole_report_editions").where("year", .equal, SQLBind(Int64(year))).first()?
            .decode(column: "source", as: String.self)
    }

    /// The years that have a whole edition.
    public func years() async throws -> [Int] {
        try await database.sql.select().column("year").from("whole_report_editions").orderBy("year").all()
            .map { Int(try $0.decode(column: "year", as: Int64.self)) }
    }

    public func load(year: Int) async throws -> WholeEdition? {
        let sql = database.sql, bound = SQLBind(Int64(year))
        guard let head = try await sql.select().columns("approved_on", "printed_contents").from("whole_report_editions")
            .where("year", .equal, bound).first() else { return nil }
        func number(_ text: String, _ column: String) throws -> OutlineNumber {
            guard let number = OutlineNumber(text) else { throw StorageError.corruptValue(column: column, value: text) }
            return number
        }
        var edition = WholeEdition(year: year)
        edition.approvedOn = try head.decode(column: "approved_on", as: String?.self).flatMap { Day(iso: $0) }
        edition.printedContents = try JSONDecoder().decode([String].self, from: Data(try head.decode(column: "printed_contents", as: String.self).utf8))
        edition.outline = try await sql.select().columns("number", "title_en", "title_ja", "title_ja_own", "action_plan_item").from("report_outline")
            .where("year", .equal, bound).orderBy("position").all().map { row in
                OutlineItem(number: try number(try row.decode(column: "number", as: String.self), "number"),
                            titleEN: try row.decode(column: "title_en", as: String.self), titleJA: try row.decode(column: "title_ja", as: String.self),
                            titleJAIsOwnTranslation: try row.decode(column: "title_ja_own", as: Bool.self),
                            actionPlanItem: try row.decode(column: "action_plan_item", as: String.self))
            }
        edition.contributions = try await sql.select().columns("contribution_id", "ministries", "text_en", "text_ja", "status_en", "status_ja", "home",
                                                              "source_line", "state", "carried_from")
            .from("report_contributions").where("year", .equal, bound).orderBy("contribution_id").all().map { row in
                func status(_ column: String) throws -> TextStatus {
                    let text = try row.decode(column: column, as: String.self)
                    guard let status = TextStatus(rawValue: text) else { throw StorageError.corruptValue(column: column, value: text) }
                    return status
                }
                let ministries = try row.decode(column: "ministries", as: String.self)
                return Contribution(id: try row.decode(column: "contribution_id", as: String.self), year: year,
                                    ministries: ministries.isEmpty ? [] : ministries.split(separator: ";").map(String.init),
                                    textEN: try row.decode(column: "text_en", as: String.self), textJA: try row.decode(column: "text_ja", as: String.self),
                                    statusEN: try status("status_en"), statusJA: try status("status_ja"),
                                    home: try number(try row.decode(column: "home", as: String.self), "home"),
                                    sourceLine: try row.decode(column: "source_line", as: Int64?.self).map(Int.init),
                                    state: try ContributionState(rawValue: try row.decode(column: "state", as: String.self))
                                        .orThrow(StorageError.corruptValue(column: "state", value: "?")),
                                    carriedFrom: try row.decode(column: "carried_from", as: Int64?.self).map(Int.init))
            }
        let order = Dictionary(edition.outline.enumerated().map { ($1.number.description, $0) }, uniquingKeysWith: { first, _ in first })
        edition.placements = try await sql.select().columns("contribution_id", "item", "position", "is_repeat", "printed_marker", "printed_text", "source_line")
            .from("report_placements").where("year", .equal, bound).all().map { row in
                Placement(contributionID: try row.decode(column: "contribution_id", as: String.self),
                          item: try number(try row.decode(column: "item", as: String.self), "item"),
                          position: Int(try row.decode(column: "position", as: Int64.self)), isRepeat: try row.decode(column: "is_repeat", as: Bool.self),
                          printedMarker: try row.decode(column: "printed_marker", as: String?.self),
                          printedText: try row.decode(column: "printed_text", as: String?.self),
                          sourceLine: try row.decode(column: "source_line", as: Int64?.self).map(Int.init))
            }.sorted { (order[$0.item.description] ?? .max, $0.position) < (order[$1.item.description] ?? .max, $1.position) }
        edition.exhibits = try await sql.select().columns("exhibit_id", "kind", "printed_number", "caption_en", "caption_ja", "credit", "item", "computed",
                                                          "source_line")
            .from("report_exhibits").where("year", .equal, bound).all().map { row in
                let kind = try row.decode(column: "kind", as: String.self)
                return Exhibit(id: try row.decode(column: "exhibit_id", as: String.self),
                               kind: try Exhibit.Kind(rawValue: kind).orThrow(StorageError.corruptValue(column: "kind", value: kind)),
                               printedNumber: try row.decode(column: "printed_number", as: Int64?.self).map(Int.init),
                               captionEN: try row.decode(column: "caption_en", as: String.self), captionJA: try row.decode(column: "caption_ja", as: String.self),
                               credit: try row.decode(column: "credit", as: String?.self), item: try number(try row.decode(column: "item", as: String.self), "item"),
                               computed: try row.decode(column: "computed", as: Bool.self),
                               sourceLine: try row.decode(column: "source_line", as: Int64?.self).map(Int.init))
            }.sorted { ($0.sourceLine ?? .max, $0.id) < ($1.sourceLine ?? .max, $1.id) }
        edition.figures = try await sql.select().column("figure").from("report_figures").where("year", .equal, bound).orderBy("figure_key").all()
            .map { row in try JSONDecoder().decode(TextFigure.self, from: Data(try row.decode(column: "figure", as: String.self).utf8)) }
        return edition
    }
}

public enum WholeReportError: Error, CustomStringConvertible {
    case published(year: Int, at: String)
    case notApproved(year: Int)

    public var description: String {
        switch self {
        case .published(let year, let at):
            return "the whole report of \(year) was published on \(at); a published edition never changes (a correction is a revision)"
        case .notApproved(let year):
            return "the Council's approval of the \(year) report is not recorded: `ctip report approve --year \(year) --on YYYY-MM-DD`"
        }
    }
}

private extension Optional {
    func orThrow(_ error: @autoclosure () -> any Error) throws -> Wrapped {
        guard let value = self else { throw error() }
        return value
    }
}
