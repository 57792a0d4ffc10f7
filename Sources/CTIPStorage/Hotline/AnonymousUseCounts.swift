import FluentKit
import SQLKit

/// How often each anonymous user of the hot lines came in the current window, shared by every `ctip
/// serve` on the database so that several instances hold one limit together. A row is a keyed hash
/// (`bucket`) and a count: the key is derived from the hot-line secret for one window only and is not
/// in the database, so the rows name no address; rows of past windows are deleted as the next window
/// starts (`forget(before:)`).
public struct AnonymousUseCounts: Sendable {
    let database: any Database

    public init(database: any Database) { self.database = database }

    /// Counts one use of `bucket` in `window` and returns the uses so far, this one included. One
    /// statement, so instances counting at once never lose a use.
    public func use(scope: String, window: Int, bucket: String) async throws -> Int {
        let row = try await database.sql.raw("""
            INSERT INTO anonymous_use_counts (scope, time_window, bucket, uses) VALUES (\(bind: scope), \(bind: window), \(bind: bucket), 1)
            ON CONFLICT (scope, time_window, bucket) DO UPDATE SET uses = anonymous_use_counts.uses + 1
            RETURNING uses
            """).first()
        return try row?.decode(column: "uses", as: Int.self) ?? 1
    }

    /// Deletes the counts of every window before `window`.
    public func forget(before window: Int) async throws {
        try await database.sql.raw("DELETE FROM anonymous_use_counts WHERE time_window < \(bind: window)").run()
    }

    /// Distinct users counted in a window (for tests: that nothing survives a window).
    public func buckets(scope: String, window: Int? = nil) async throws -> Int {
        var query = database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("anonymous_use_counts")
            .where("scope", .equal, scope)
        if let window { query = query.where("time_window", .equal, window) }
        return try await query.first()?.decode(column: "n", as: Int.self) ?? 0
    }
}

/// The shared counts behind the hot lines' rate limit (`AnonymousUseCounts`).
struct CreateAnonymousUseCounts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("anonymous_use_counts")
            .field("scope", .string, .required)
            .field("time_window", .int64, .required)
            .field("bucket", .string, .required)
            .field("uses", .int64, .required)
            .compositeIdentifier(over: "scope", "time_window", "bucket")
            .create()
    }
    func revert(on database: any Database) async throws {
        try await database.schema("anonymous_use_counts").delete()
    }
}
