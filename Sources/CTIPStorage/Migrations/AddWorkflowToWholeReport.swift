import FluentKit
import SQLKit

/// The whole report's year: where each contribution stands (requested … accepted; an imported edition is
/// accepted), the year a draft was carried forward from, and the publication — when it was frozen, its
/// hash and every frozen file.
struct AddWorkflowToWholeReport: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("report_contributions")
            .field("state", .string, .required, .sql(.default("accepted")))
            .update()
        try await database.schema("report_contributions").field("carried_from", .int64).update()
        try await database.schema("whole_report_editions").field("published_at", .string).update()
        try await database.schema("whole_report_editions").field("content_hash", .string).update()
        try await database.schema("whole_report_files")
            .field("year", .int64, .required)
            .field("format", .string, .required)
            .field("language", .string, .required)
            .field("content", .string, .required)
            .unique(on: "year", "format", "language")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("whole_report_files").delete()
        try await database.schema("whole_report_editions").deleteField("content_hash").update()
        try await database.schema("whole_report_editions").deleteField("published_at").update()
        try await database.schema("report_contributions").deleteField("carried_from").update()
        try await database.schema("report_contributions").deleteField("state").update()
    }
}
