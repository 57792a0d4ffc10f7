import FluentKit
import SQLKit

/// What the oversight bodies record between imports (not files of the bundle): the signs pointing at an
/// organisation, the labour bureaus' requests for joint inspections, and the police told of an
/// inspection's findings that may be trafficking. No column holds a trainee's identity or free text.
struct CreateOversightFollowUp: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("oversight_signals")
            .field("signal_id", .string, .identifier(auto: false))
            .field("org_id", .string, .required, .references("organisations", "org_id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("noted_on", .string, .required)
            .field("count", .int, .required)
            .field("recorded_by", .string, .required)
            .field("agency", .string, .required)
            .create()
        try await database.sql.create(index: "oversight_signals_org").on("oversight_signals").column("org_id").column("noted_on").run()
        try await database.schema("joint_inspection_requests")
            .field("request_id", .string, .identifier(auto: false))
            .field("org_id", .string, .required, .references("organisations", "org_id", onDelete: .cascade))
            .field("agency", .string, .required)
            .field("requested_by", .string, .required)
            .field("requested_on", .string, .required)
            .field("findings", .string)
            .create()
        try await database.sql.create(index: "joint_inspection_requests_org").on("joint_inspection_requests").column("org_id").column("requested_on").run()
        try await database.schema("police_referrals")
            .field("referral_id", .string, .identifier(auto: false))
            .field("inspection_id", .string, .required, .references("inspections", "inspection_id", onDelete: .cascade))
            .field("police", .string, .required)
            .field("informed_on", .string, .required)
            .field("informed_by", .string, .required)
            .field("agency", .string, .required)
            .create()
        try await database.sql.create(index: "police_referrals_inspection").on("police_referrals").column("inspection_id").run()
    }

    func revert(on database: any Database) async throws {
        for table in ["police_referrals", "joint_inspection_requests", "oversight_signals"] { try await database.schema(table).delete() }
    }
}
