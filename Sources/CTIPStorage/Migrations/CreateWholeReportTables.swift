import FluentKit
import SQLKit

/// The whole annual report (issue 16): per year, its outline, the ministries' contributions, where each
/// is placed (the first placement is its home, the others repeats) and the tables and figures.
struct CreateWholeReportTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("whole_report_editions")
            .field("year", .int64, .identifier(auto: false))
            .field("approved_on", .string)
            .field("printed_contents", .string, .required)
            .field("source", .string, .required)
            .create()
        try await database.schema("report_outline")
            .field("year", .int64, .required)
            .field("number", .string, .required)
            .field("position", .int64, .required)
            .field("title_en", .string, .required)
            .field("title_ja", .string, .required)
            .field("title_ja_own", .bool, .required)
            .field("action_plan_item", .string, .required)
            .unique(on: "year", "number")
            .create()
        try await database.schema("report_contributions")
            .field("year", .int64, .required)
            .field("contribution_id", .string, .required)
            .field("ministries", .string, .required)
            .field("text_en", .string, .required)
            .field("text_ja", .string, .required)
            .field("status_en", .string, .required)
            .field("status_ja", .string, .required)
            .field("home", .string, .required)
            .field("source_line", .int64)
            .unique(on: "year", "contribution_id")
            .create()
        try await database.schema("report_placements")
            .field("year", .int64, .required)
            .field("contribution_id", .string, .required)
            .field("item", .string, .required)
            .field("position", .int64, .required)
            .field("is_repeat", .bool, .required)
            .field("printed_marker", .string)
            .field("printed_text", .string)
            .field("source_line", .int64)
            .unique(on: "year", "item", "position")
            .create()
        try await database.schema("report_exhibits")
            .field("year", .int64, .required)
            .field("exhibit_id", .string, .required)
            .field("kind", .string, .required)
            .field("printed_number", .int64)
            .field("caption_en", .string, .required)
            .field("caption_ja", .string, .required)
            .field("credit", .string)
            .field("item", .string, .required)
            .field("computed", .bool, .required)
            .field("source_line", .int64)
            .unique(on: "year", "exhibit_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        for table in ["report_exhibits", "report_placements", "report_contributions", "report_outline", "whole_report_editions"] {
            try await database.schema(table).delete()
        }
    }
}
