import FluentKit
import SQLKit

/// Corrections of a published whole report: each a revision (2, 3, …) with who made it, when and why,
/// the contributions it corrected, and every file frozen again with its hash. The first publication's
/// files stay as they were (`whole_report_files`).
struct AddRevisionsToWholeReport: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("whole_report_revisions")
            .field("year", .int64, .required)
            .field("revision", .int64, .required)
            .field("at", .string, .required)
            .field("actor", .string, .required)
            .field("agency", .string, .required)
            .field("reason", .string, .required)
            .field("corrected", .string, .required)
            .field("section2_changes", .int64, .required)
            .field("content_hash", .string, .required)
            .unique(on: "year", "revision")
            .create()
        try await database.schema("whole_report_revision_files")
            .field("year", .int64, .required)
            .field("revision", .int64, .required)
            .field("format", .string, .required)
            .field("language", .string, .required)
            .field("content", .string, .required)
            .unique(on: "year", "revision", "format", "language")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("whole_report_revision_files").delete()
        try await database.schema("whole_report_revisions").delete()
    }
}
