import FluentKit
import SQLKit

/// The open-data files frozen with a published edition of the annual report (`ctip report publish`):
/// each with what it is, the privacy parameters it was made with, its rows and its SHA-256, and the
/// content exactly as published.
struct CreateOpenDataFiles: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("open_data_files")
            .field("year", .int, .required)
            .field("name", .string, .required)
            .field("position", .int, .required)
            .field("media_type", .string, .required)
            .field("parameters", .string, .required)
            .field("rows", .int, .required)
            .field("bytes", .int, .required)
            .field("sha256", .string, .required)
            .field("content", .string, .required)
            .compositeIdentifier(over: "year", "name")
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema("open_data_files").delete() }
}
