import FluentKit
import SQLKit

/// Published editions of the annual report: frozen numbers, rendered files and awaiting-trial lists.
/// No foreign keys to the records: an edition must survive any later change of them.
struct CreateReportEditions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("report_editions")
            .field("year", .int, .identifier(auto: false))
            .field("as_of", .string, .required)
            .field("published_at", .string, .required)
            .field("content_hash", .string, .required)
            .field("report_json", .string, .required)
            .create()
        try await database.schema("report_edition_files")
            .field("year", .int, .required, .references("report_editions", "year"))
            .field("format", .string, .required)
            .field("language", .string, .required)
            .field("content", .string, .required)
            .compositeIdentifier(over: "year", "format", "language")
            .create()
        try await database.schema("report_edition_awaiting")
            .field("year", .int, .required, .references("report_editions", "year"))
            .field("suspect_id", .string, .required)
            .field("first_reported_in", .int, .required)
            .compositeIdentifier(over: "year", "suspect_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("report_edition_awaiting").delete()
        try await database.schema("report_edition_files").delete()
        try await database.schema("report_editions").delete()
    }
}
