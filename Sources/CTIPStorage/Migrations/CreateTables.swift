import FluentKit
import SQLKit

// Dates are stored as ISO `YYYY-MM-DD` text: identical on SQLite and PostgreSQL, sortable, and
// year ranges (`>= '2024-01-01' AND < '2025-01-01'`) use the indexes on both.

struct CreateOffenses: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("offenses")
            .field("code", .string, .identifier(auto: false))
            .field("label_en", .string, .required)
            .field("label_ja", .string, .required)
            .field("law", .string)
            .create()
    }
    func revert(on database: any Database) async throws { try await database.schema("offenses").delete() }
}

struct CreateCases: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("cases")
            .field("case_id", .string, .identifier(auto: false))
            .field("cleared_on", .string, .required)
            .field("prefecture", .string)
            .field("agency", .string)
            .field("summary", .string)
            .create()
        try await database.sql.create(index: "cases_cleared_on").on("cases").column("cleared_on").run()
    }
    func revert(on database: any Database) async throws { try await database.schema("cases").delete() }
}

struct CreateVictims: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("victims")
            .field("victim_id", .string, .identifier(auto: false))
            .field("protected_on", .string, .required)
            .field("sex", .string, .required)
            .field("age", .int)
            .field("nationality", .string, .required)
            .field("residence_status", .string)
            .field("exploitation", .string, .required)
            .field("protected_by", .string)
            .create()
        try await database.sql.create(index: "victims_protected_on").on("victims").column("protected_on").run()
        try await database.schema("victim_cases")
            .field("victim_id", .string, .required, .references("victims", "victim_id", onDelete: .cascade))
            .field("case_id", .string, .required, .references("cases", "case_id"))
            .compositeIdentifier(over: "victim_id", "case_id")
            .create()
        try await database.sql.create(index: "victim_cases_case_id").on("victim_cases").column("case_id").run()
    }
    func revert(on database: any Database) async throws {
        try await database.schema("victim_cases").delete()
        try await database.schema("victims").delete()
    }
}

struct CreateSuspects: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("suspects")
            .field("suspect_id", .string, .identifier(auto: false))
            .field("arrested_on", .string, .required)
            .field("sex", .string, .required)
            .field("nationality", .string, .required)
            .field("broker", .bool, .required)
            .field("organized_crime", .bool, .required)
            .field("disposition", .string)
            .field("disposition_on", .string)
            .field("not_prosecuted_reason", .string)
            .field("deportation_ordered_on", .string)
            .create()
        try await database.sql.create(index: "suspects_arrested_on").on("suspects").column("arrested_on").run()
        try await database.schema("suspect_cases")
            .field("suspect_id", .string, .required, .references("suspects", "suspect_id", onDelete: .cascade))
            .field("case_id", .string, .required, .references("cases", "case_id"))
            .compositeIdentifier(over: "suspect_id", "case_id")
            .create()
        try await database.sql.create(index: "suspect_cases_case_id").on("suspect_cases").column("case_id").run()
    }
    func revert(on database: any Database) async throws {
        try await database.schema("suspect_cases").delete()
        try await database.schema("suspects").delete()
    }
}

struct CreateCharges: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("charges")
            .field("suspect_id", .string, .required, .references("suspects", "suspect_id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("offense", .string, .required)
            .field("detail", .string)
            .compositeIdentifier(over: "suspect_id", "position")
            .create()
    }
    func revert(on database: any Database) async throws { try await database.schema("charges").delete() }
}

struct CreateTrials: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("trials")
            .field("suspect_id", .string, .identifier(auto: false), .references("suspects", "suspect_id", onDelete: .cascade))
            .field("verdict", .string, .required)
            .field("decided_on", .string)
            .field("imprisonment_months", .int)
            .field("suspension_months", .int)
            .field("fine_yen", .int64)
            .create()
    }
    func revert(on database: any Database) async throws { try await database.schema("trials").delete() }
}

struct CreateSupportEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("support_events")
            .field("victim_id", .string, .required, .references("victims", "victim_id", onDelete: .cascade))
            .field("event", .string, .required)
            .field("on_date", .string, .required)
            .field("agency", .string)
            .field("note", .string)
            .compositeIdentifier(over: "victim_id", "event", "on_date")
            .create()
        try await database.sql.create(index: "support_events_on_date").on("support_events").column("on_date").run()
    }
    func revert(on database: any Database) async throws { try await database.schema("support_events").delete() }
}

struct CreateHistory: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("history")
            .field("year", .int, .identifier(auto: false))
            .field("victims", .int)
            .field("cleared_cases", .int)
            .field("cleared_suspects", .int)
            .create()
    }
    func revert(on database: any Database) async throws { try await database.schema("history").delete() }
}
