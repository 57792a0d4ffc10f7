import FluentKit
import SQLKit

/// Article 3 screenings attached to a victim's file (`VictimFileStore.attachScreening`): what the worker
/// recorded and what CTIP answered then, kept as shown even if the rules change later.
struct CreateScreenings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("screenings")
            .field("screening_id", .string, .identifier(auto: false))
            .field("victim_id", .string, .required, .references("victim_files", "victim_id", onDelete: .cascade))
            .field("outcome", .string, .required)
            .field("answers", .string, .required)
            .field("result", .string, .required)
            .field("agency", .string, .required, .references("agencies", "code"))
            .field("screened_by", .string, .required)
            .field("screened_at", .int64, .required)
            .create()
        try await database.sql.create(index: "screenings_victim").on("screenings").column("victim_id").run()
    }
    func revert(on database: any Database) async throws { try await database.schema("screenings").delete() }
}
