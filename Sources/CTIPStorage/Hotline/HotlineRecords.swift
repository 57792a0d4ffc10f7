import CTIPCore
import FluentKit
import Foundation
import SQLKit

/// The hot lines' statistics and the retention purge: what survives of a report, and what does not.
public struct HotlineRecords: Sendable {
    public let database: any Database
    public init(database: any Database) { self.database = database }

    /// Statistics of one fiscal year, from the columns that survive the purge.
    public func statistics(_ fiscalYear: FiscalYear) async throws -> HotlineStatistics {
        let months = fiscalYear.months.map(\.description)
        let sql = database.sql
        let tips = try await sql.raw("""
            SELECT month, category, forwarded_at, outcome, reward_state, reward_amount FROM tips
            WHERE month IN (\(binds: months)) AND status <> 'merged'
            """).all().map { row in
            TipFact(month: HotlineMonth(try row.decode(column: "month", as: String.self))!,
                    category: TipCategory(rawValue: try row.decode(column: "category", as: String.self)) ?? .other,
                    forwarded: try row.decode(column: "forwarded_at", as: Int?.self) != nil,
                    outcome: try row.decode(column: "outcome", as: String?.self).flatMap(PoliceOutcome.init(rawValue:)),
                    reward: RewardState(rawValue: try row.decode(column: "reward_state", as: String.self)) ?? .none,
                    rewardAmount: try row.decode(column: "reward_amount", as: Int.self))
        }
        let items = try await sql.raw("""
            SELECT month, report_count, category, judged_category, judgement, deletion_requested_at, deleted_at FROM internet_items
            WHERE month IN (\(binds: months))
            """).all().map { row in
            let requested = try row.decode(column: "deletion_requested_at", as: Int?.self)
            let deleted = try row.decode(column: "deleted_at", as: Int?.self)
            let category = try row.decode(column: "judged_category", as: String?.self) ?? row.decode(column: "category", as: String.self)
            return InternetItemFact(month: HotlineMonth(try row.decode(column: "month", as: String.self))!,
                                    reports: try row.decode(column: "report_count", as: Int.self),
                                    category: InternetCategory(rawValue: category) ?? .otherIllegal,
                                    judgement: InternetJudgement(rawValue: try row.decode(column: "judgement", as: String.self)) ?? .pending,
                                    deletionRequested: requested != nil,
                                    secondsToDeletion: requested.flatMap { start in deleted.map { $0 - start } })
        }
        return HotlineStatistics(fiscalYear: fiscalYear, tips: tips, internetItems: items)
    }

    public struct PurgeResult: Sendable, Equatable {
        public var tips = 0
        public var messages = 0
        public var internetReports = 0
        public init(tips: Int = 0, messages: Int = 0, internetReports: Int = 0) {
            self.tips = tips; self.messages = messages; self.internetReports = internetReports
        }
    }

    /// Erases the free text of reports closed more than `retentionDays` ago: tip descriptions, the
    /// questions and answers, internet reports' descriptions. Categories, months, prefectures, outcomes
    /// and rewards stay, so the statistics do not change.
    public func purge(retentionDays: Int, now: Int = Int(Date().timeIntervalSince1970)) async throws -> PurgeResult {
        let cutoff = now - retentionDays * 86_400
        return try await database.writeTransaction { transaction in
            let sql = transaction.sql
            var result = PurgeResult()
            let closed: SQLQueryString = "SELECT receipt FROM tips WHERE closed_at IS NOT NULL AND closed_at < \(bind: cutoff)"
            result.messages = try await sql.raw("UPDATE tip_messages SET text = NULL WHERE text IS NOT NULL AND receipt IN (" + closed + ") RETURNING receipt").all().count
            result.tips = try await sql.raw("""
                UPDATE tips SET description = NULL, purged_at = \(bind: now)
                WHERE description IS NOT NULL AND closed_at IS NOT NULL AND closed_at < \(bind: cutoff) RETURNING receipt
                """).all().count
            result.internetReports = try await sql.raw("""
                UPDATE internet_reports SET description = NULL, purged_at = \(bind: now)
                WHERE description IS NOT NULL AND item_id IN (SELECT id FROM internet_items WHERE closed_at IS NOT NULL AND closed_at < \(bind: cutoff))
                RETURNING receipt
                """).all().count
            return result
        }
    }
}
