import FluentKit
import SQLKit

/// The case-work side of a victim: which agency holds the file, which protects the person, and the
/// sealed identity, contact and whereabouts (`FieldCipher`). The bundle's fields stay in `victims`, so
/// the report counts case work without anyone re-typing it.
struct CreateVictimFiles: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("victim_files")
            .field("victim_id", .string, .identifier(auto: false), .references("victims", "victim_id", onDelete: .cascade))
            .field("owning_agency", .string, .required, .references("agencies", "code"))
            .field("protecting_agency", .string, .references("agencies", "code"))
            .field("identity_sealed", .string)
            .field("contact_sealed", .string)
            .field("whereabouts_sealed", .string)
            .field("created_by", .string, .required)
            .field("created_at", .int64, .required)
            .field("updated_at", .int64, .required)
            .create()
        try await database.sql.create(index: "victim_files_owning").on("victim_files").column("owning_agency").run()
        try await database.sql.create(index: "victim_files_protecting").on("victim_files").column("protecting_agency").run()
    }
    func revert(on database: any Database) async throws { try await database.schema("victim_files").delete() }
}

/// Referrals of a victim's file between agencies, with the consent that allows them.
struct CreateReferrals: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("referrals")
            .field("referral_id", .string, .identifier(auto: false))
            .field("victim_id", .string, .required, .references("victim_files", "victim_id", onDelete: .cascade))
            .field("from_agency", .string, .required, .references("agencies", "code"))
            .field("to_agency", .string, .required, .references("agencies", "code"))
            .field("sections", .string, .required)
            .field("basis", .string, .required)
            .field("override_reason", .string)
            .field("status", .string, .required)
            .field("created_by", .string, .required)
            .field("created_at", .int64, .required)
            .field("answered_by", .string)
            .field("answered_at", .int64)
            .create()
        try await database.sql.create(index: "referrals_to").on("referrals").column("to_agency").column("status").run()
        try await database.sql.create(index: "referrals_victim").on("referrals").column("victim_id").run()
    }
    func revert(on database: any Database) async throws { try await database.schema("referrals").delete() }
}

/// The protection timeline of each victim file (`ProtectionTimeline`); the report's support events of
/// that victim are derived from it.
struct CreateProtectionSteps: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("protection_steps")
            .field("victim_id", .string, .required, .references("victim_files", "victim_id", onDelete: .cascade))
            .field("step", .string, .required)
            .field("on_date", .string, .required)
            .field("agency", .string, .required, .references("agencies", "code"))
            .field("recorded_by", .string, .required)
            .field("recorded_at", .int64, .required)
            .create()
        try await database.sql.create(index: "protection_steps_victim").on("protection_steps").column("victim_id").run()
    }
    func revert(on database: any Database) async throws { try await database.schema("protection_steps").delete() }
}

/// Which agency recorded each criminal case entered through case work (imported cases have none):
/// its staff keep the case's suspects up to date.
struct CreateCaseOwners: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("case_owners")
            .field("case_id", .string, .identifier(auto: false), .references("cases", "case_id", onDelete: .cascade))
            .field("agency", .string, .required, .references("agencies", "code"))
            .field("created_by", .string, .required)
            .field("created_at", .int64, .required)
            .create()
        try await database.sql.create(index: "case_owners_agency").on("case_owners").column("agency").run()
    }
    func revert(on database: any Database) async throws { try await database.schema("case_owners").delete() }
}
