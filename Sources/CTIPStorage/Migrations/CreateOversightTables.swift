import FluentKit
import SQLKit

/// The programme-oversight files of the bundle (shared/spec/oversight.md): organisations, their
/// inspections and the actions taken against them, and the Memorandums of Cooperation. Booleans that may
/// be unknown (`violation_found`, `published`) are 1, 0 or NULL.
struct CreateOversightTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("organisations")
            .field("org_id", .string, .identifier(auto: false))
            .field("kind", .string, .required)
            .field("name", .string)
            .field("name_ja", .string)
            .field("prefecture", .string)
            .field("country", .string)
            .field("licence_no", .string)
            .field("licence_type", .string)
            .field("licensed_on", .string)
            .field("supervised_by", .string)
            .field("industry", .string)
            .create()
        try await database.sql.create(index: "organisations_kind").on("organisations").column("kind").run()
        try await database.sql.create(index: "organisations_supervised_by").on("organisations").column("supervised_by").run()
        try await database.sql.create(index: "organisations_licence_no").on("organisations").column("licence_no").run()
        try await database.schema("inspections")
            .field("inspection_id", .string, .identifier(auto: false))
            .field("org_id", .string, .required, .references("organisations", "org_id", onDelete: .cascade))
            .field("inspector", .string, .required)
            .field("inspected_on", .string, .required)
            .field("kind", .string)
            .field("violation_found", .int)
            .field("findings", .string)
            .create()
        // The statistics count organisations by inspector within a period: (inspector, inspected_on, org_id) answers them from the index.
        try await database.sql.create(index: "inspections_by_inspector").on("inspections").column("inspector").column("inspected_on").column("org_id").run()
        try await database.sql.create(index: "inspections_org").on("inspections").column("org_id").column("inspected_on").run()
        try await database.schema("oversight_actions")
            .field("action_id", .string, .identifier(auto: false))
            .field("org_id", .string, .required, .references("organisations", "org_id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("by", .string, .required)
            .field("on_date", .string, .required)
            .field("inspection_id", .string)
            .field("until", .string)
            .field("due_on", .string)
            .field("closed_on", .string)
            .field("published", .int)
            .create()
        try await database.sql.create(index: "oversight_actions_by_kind").on("oversight_actions").column("kind").column("on_date").column("org_id").run()
        try await database.sql.create(index: "oversight_actions_org").on("oversight_actions").column("org_id").column("on_date").run()
        try await database.schema("agreements")
            .field("agreement_id", .string, .identifier(auto: false))
            .field("country", .string, .required)
            .field("scheme", .string, .required)
            .field("signed_on", .string, .required)
            .field("ended_on", .string)
            .create()
    }

    func revert(on database: any Database) async throws {
        for table in ["agreements", "oversight_actions", "inspections", "organisations"] { try await database.schema(table).delete() }
    }
}
