import FluentKit
import SQLKit

/// The hash-chained audit trail of every access to personal data (`AuditLog`).
struct CreateAuditLog: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("audit_log")
            .field("seq", .int, .identifier(auto: false))
            .field("at", .string, .required)
            .field("actor", .string, .required)
            .field("agency", .string, .required)
            .field("action", .string, .required)
            .field("record", .string, .required)
            .field("fields", .string, .required)
            .field("purpose", .string, .required)
            .field("previous_hash", .string, .required)
            .field("hash", .string, .required)
            .unique(on: "previous_hash")
            .create()
        try await database.sql.create(index: "audit_log_record").on("audit_log").column("record").run()
    }

    func revert(on database: any Database) async throws { try await database.schema("audit_log").delete() }
}
