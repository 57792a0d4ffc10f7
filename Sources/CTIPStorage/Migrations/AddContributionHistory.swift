import FluentKit
import SQLKit

/// The ministries' work on the whole report: each contribution's deadline and version (a form carries
/// the version it was opened at, so a stale form is refused rather than overwriting), and the history of
/// every step — who, when, what state, the text after each edit, the comments; and the figures of the
/// text held as data.
struct AddContributionHistory: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("report_contributions").field("deadline", .string).update()
        try await database.schema("report_contributions")
            .field("revision", .int64, .required, .sql(.default(1)))
            .update()
        try await database.schema("report_contribution_events")
            .field("year", .int64, .required)
            .field("contribution_id", .string, .required)
            .field("revision", .int64, .required)
            .field("at", .string, .required)
            .field("actor", .string, .required)
            .field("agency", .string, .required)
            .field("action", .string, .required)
            .field("state", .string, .required)
            .field("text_en", .string)
            .field("text_ja", .string)
            .field("comment", .string)
            .unique(on: "year", "contribution_id", "revision")
            .create()
        // The figures of the text held as data (`TextFigure`): each as its JSON, by key.
        try await database.schema("report_figures")
            .field("year", .int64, .required)
            .field("figure_key", .string, .required)
            .field("contribution_id", .string)
            .field("figure", .string, .required)
            .unique(on: "year", "figure_key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("report_figures").delete()
        try await database.schema("report_contribution_events").delete()
        try await database.schema("report_contributions").deleteField("revision").update()
        try await database.schema("report_contributions").deleteField("deadline").update()
    }
}
