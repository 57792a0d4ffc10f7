import CTIPCore
import FluentKit
import SQLKit

/// The agencies whose staff use CTIP, seeded with `StandardAgencies`.
struct CreateAgencies: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("agencies")
            .field("code", .string, .identifier(auto: false))
            .field("kind", .string, .required)
            .field("prefecture", .string)
            .field("name_en", .string, .required)
            .field("name_ja", .string, .required)
            .create()
        try await AccountStore.insert(StandardAgencies.all(), into: database.sql)
    }
    func revert(on database: any Database) async throws { try await database.schema("agencies").delete() }
}

/// Staff accounts, their sessions and their API tokens. Sessions and tokens are stored only as SHA-256
/// hashes of the secret the client holds, so a copy of the database lets nobody in. Everything lives in
/// the database, so several `ctip serve` processes share sessions and lock-outs.
struct CreateStaffAccounts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("staff_accounts")
            .field("user_id", .string, .identifier(auto: false))
            .field("email", .string, .required)
            .field("password_hash", .string, .required)
            .field("agency", .string, .required, .references("agencies", "code"))
            .field("role", .string, .required)
            .field("failed_logins", .int, .required)
            .field("locked_until", .int64)
            .field("disabled", .bool, .required)
            .field("created_at", .int64, .required)
            .unique(on: "email")
            .create()
        try await database.schema("staff_sessions")
            .field("token_hash", .string, .identifier(auto: false))
            .field("user_id", .string, .required, .references("staff_accounts", "user_id", onDelete: .cascade))
            .field("created_at", .int64, .required)
            .field("expires_at", .int64, .required)
            .create()
        try await database.schema("api_tokens")
            .field("token_hash", .string, .identifier(auto: false))
            .field("user_id", .string, .required, .references("staff_accounts", "user_id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("created_at", .int64, .required)
            .field("revoked_at", .int64)
            .create()
    }
    func revert(on database: any Database) async throws {
        try await database.schema("api_tokens").delete()
        try await database.schema("staff_sessions").delete()
        try await database.schema("staff_accounts").delete()
    }
}
