import CTIPCore
import FluentKit

/// `tips` (the Anonymous-Reporting Hot Line) and `tip_messages` (the analyst's questions and the
/// reporter's answers). Times are seconds since 1970 (UTC); `month` is the month in Japan, for statistics.
/// Nothing here can name the reporter: no address, browser or cookie column exists.
struct CreateTips: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("tips")
            .field("receipt", .string, .identifier(auto: false))
            .field("passcode_hash", .string, .required)
            .field("channel", .string, .required)
            .field("language", .string, .required)
            .field("category", .string, .required)
            .field("prefecture", .string, .required)
            .field("description", .string)
            .field("urgency", .string, .required)
            .field("status", .string, .required)
            .field("received_at", .int64, .required)
            .field("month", .string, .required)
            .field("forwarded_prefecture", .string)
            .field("forwarded_at", .int64)
            .field("acknowledged_at", .int64)
            .field("outcome", .string)
            .field("case_file", .string)
            .field("merged_into", .string)
            .field("closed_at", .int64)
            .field("purged_at", .int64)
            .field("reward_state", .string, .required)
            .field("reward_amount", .int64, .required)
            .field("reward_contribution", .string)
            .field("reward_reason", .string)
            .create()
        try await database.sql.raw("CREATE INDEX tips_month ON tips (month)").run()
        try await database.sql.raw("CREATE INDEX tips_queue ON tips (status, forwarded_prefecture)").run()
        try await database.schema("tip_messages")
            .field("receipt", .string, .required)
            .field("position", .int, .required)
            .field("author", .string, .required)
            .field("text", .string)
            .field("at", .int64, .required)
            .unique(on: "receipt", "position")
            .create()
    }
    func revert(on database: any Database) async throws {
        try await database.schema("tip_messages").delete()
        try await database.schema("tips").delete()
    }
}

/// `internet_items` (one row per content, whatever the number of reports: the key is the SHA-256 of the
/// normalised URL's key) and `internet_reports` (one row per report, with the reporter's receipt).
struct CreateInternetReports: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("internet_items")
            .field("id", .string, .identifier(auto: false))
            .field("url", .string, .required)
            .field("host", .string, .required)
            .field("category", .string, .required)
            .field("judgement", .string, .required)
            .field("judged_category", .string)
            .field("report_count", .int64, .required)
            .field("first_reported_at", .int64, .required)
            .field("last_reported_at", .int64, .required)
            .field("month", .string, .required)
            .field("forwarded_at", .int64)
            .field("deletion_state", .string, .required)
            .field("deletion_language", .string)
            .field("deletion_requested_at", .int64)
            .field("deleted_at", .int64)
            .field("reappeared_at", .int64)
            .field("closed_at", .int64)
            .create()
        try await database.sql.raw("CREATE INDEX internet_items_month ON internet_items (month)").run()
        try await database.schema("internet_reports")
            .field("receipt", .string, .identifier(auto: false))
            .field("passcode_hash", .string, .required)
            .field("item_id", .string, .required)
            .field("language", .string, .required)
            .field("category", .string, .required)
            .field("description", .string)
            .field("received_at", .int64, .required)
            .field("month", .string, .required)
            .field("purged_at", .int64)
            .create()
        try await database.sql.raw("CREATE INDEX internet_reports_item ON internet_reports (item_id)").run()
    }
    func revert(on database: any Database) async throws {
        try await database.schema("internet_reports").delete()
        try await database.schema("internet_items").delete()
    }
}

/// The two hot lines as agencies, so their operators and analysts can have accounts: the
/// Anonymous-Reporting Hot Line and the Internet Hotline Center, both run for the National Police Agency.
struct CreateHotlineAgencies: AsyncMigration {
    static let agencies = [
        Agency(code: "hotline", kind: .hotline, prefecture: nil, nameEN: "Anonymous-Reporting Hot Line", nameJA: "匿名通報ダイヤル"),
        Agency(code: "ihc", kind: .hotline, prefecture: nil, nameEN: "Internet Hotline Center", nameJA: "インターネット・ホットラインセンター"),
    ]
    func prepare(on database: any Database) async throws { try await AccountStore.insert(Self.agencies, into: database.sql) }
    func revert(on database: any Database) async throws {
        try await database.sql.raw("DELETE FROM agencies WHERE code IN ('hotline', 'ihc')").run()
    }
}
