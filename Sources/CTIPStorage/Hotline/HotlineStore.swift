import CTIPCore
import Crypto
import FluentKit
import Foundation
import SQLKit

/// What a reporter is handed once: the receipt and the passcode. The passcode exists in clear only in
/// this value, on its way to the reporter.
public struct HotlineCredentialsIssued: Sendable, Equatable {
    public let receipt: String
    public let passcode: String
}

/// A report as its reporter sees it through `/report/status`: never more than they wrote and what the
/// staff chose to tell them.
public struct ReporterView: Sendable, Equatable {
    public enum Kind: String, Sendable { case tip, internet }
    public struct Message: Sendable, Equatable {
        public let author: String
        public let text: String
        public let at: Int
    }
    public let kind: Kind
    public let receipt: String
    public let category: String
    /// Month received, not the instant: what the reporter needs to recognise it, nothing to correlate.
    public let month: String
    /// `tips.status`, or for internet reports the item's judgement.
    public let status: String
    public let deletion: DeletionState?
    public let messages: [Message]
    public let reward: RewardState
    public let rewardAmount: Int
}

/// Why the hot line refused an operation, naming the record; never a passcode, never a reporter's text.
public enum HotlineStoreError: Error, Equatable, CustomStringConvertible {
    /// Unknown receipt or wrong passcode — deliberately the same answer.
    case noSuchReport
    case notFound(String)
    case notForwardedToYou(receipt: String, prefecture: String)
    case notAllowed(HotlineRefusal)
    case invalid(HotlineRefusal)

    public var description: String {
        switch self {
        case .noSuchReport: return "no report has this receipt number and passcode"
        case .notFound(let record): return "\(record) does not exist"
        case .notForwardedToYou(let receipt, let prefecture): return "tip \(receipt) was not forwarded to the police of \(prefecture)"
        case .notAllowed(let reason), .invalid(let reason): return reason.english
        }
    }
}

/// Why a rule of the hot lines refuses something, in both languages of the staff pages (the command
/// line and the logs use the English). Names records, never a reporter's text.
public struct HotlineRefusal: Sendable, Equatable {
    public let english: String
    public let japanese: String
    public init(_ english: String, japanese: String) { self.english = english; self.japanese = japanese }
    public func text(_ language: Language) -> String { language == .ja ? japanese : english }
}

/// The public side of both hot lines: taking reports, and letting their reporters follow them.
public struct HotlineStore: Sendable {
    public let database: any Database
    public let hasher: PasscodeHasher
    /// Commits concurrent tips together (the web server's); nil writes each tip on its own.
    public let writer: TipBatchWriter?
    /// The clock, for tests.
    public let now: @Sendable () -> Int

    public init(database: any Database, hasher: PasscodeHasher, writer: TipBatchWriter? = nil,
                now: @escaping @Sendable () -> Int = { Int(Date().timeIntervalSince1970) }) {
        self.database = database; self.hasher = hasher; self.writer = writer; self.now = now
    }

    /// The same with the web application's clock (`Date`s; the store keeps whole seconds).
    public init(database: any Database, hasher: PasscodeHasher, writer: TipBatchWriter? = nil, clock: @escaping @Sendable () -> Date) {
        self.init(database: database, hasher: hasher, writer: writer, now: { Int(clock().timeIntervalSince1970) })
    }

    var sql: any SQLDatabase { database.sql }

    /// Stores a tip and returns its receipt and passcode; once this returns, the tip is committed.
    public func submit(_ tip: TipSubmission, channel: ReportChannel = .web) async throws -> HotlineCredentialsIssued {
        let at = now()
        return try await issuing { receipt, passcodeHash in
            let row = TipRow(receipt: receipt, passcodeHash: passcodeHash, channel: channel, tip: tip, receivedAt: at)
            if let writer { try await writer.insert(row) } else { try await Self.insert([row], into: sql) }
        }
    }

    /// One new tip's columns.
    struct TipRow: Sendable {
        let receipt: String
        let passcodeHash: String
        let channel: ReportChannel
        let tip: TipSubmission
        let receivedAt: Int
    }

    static let tipInsertColumns = ["receipt", "passcode_hash", "channel", "language", "category", "prefecture", "description", "urgency",
                                   "status", "received_at", "month", "reward_state", "reward_amount"]

    /// One multi-row INSERT: the same statement on both engines.
    static func insert(_ rows: [TipRow], into sql: any SQLDatabase) async throws {
        var insert = sql.insert(into: "tips").columns(tipInsertColumns)
        for row in rows {
            let values: [any Encodable & Sendable] = [
                row.receipt, row.passcodeHash, row.channel.rawValue, row.tip.language, row.tip.category.rawValue, row.tip.prefecture,
                row.tip.description, (row.tip.dangerNow ? TipUrgency.dangerToLife : .normal).rawValue, TipStatus.received.rawValue,
                row.receivedAt, HotlineMonth(JapanTime(secondsSinceEpoch: row.receivedAt)).description, RewardState.none.rawValue, 0,
            ]
            insert = insert.values(values.map { SQLBind($0) })
        }
        try await insert.run()
    }

    /// Stores an internet report: the content's item gains one report (or is created), in one transaction.
    public func submit(_ report: InternetReportSubmission) async throws -> HotlineCredentialsIssued {
        let at = now()
        let month = HotlineMonth(JapanTime(secondsSinceEpoch: at)).description
        let item = Self.itemID(report.url)
        return try await issuing { receipt, passcodeHash in
            try await database.writeTransaction { transaction in
                // A report of content that had been deleted means it is back.
                try await transaction.sql.raw("""
                    INSERT INTO internet_items (id, url, host, category, judgement, report_count, first_reported_at, last_reported_at, month, deletion_state)
                    VALUES (\(bind: item), \(bind: report.url.url), \(bind: report.url.host), \(bind: report.category.rawValue),
                            \(bind: InternetJudgement.pending.rawValue), 1, \(bind: at), \(bind: at), \(bind: month), \(bind: DeletionState.none.rawValue))
                    ON CONFLICT (id) DO UPDATE SET report_count = internet_items.report_count + 1, last_reported_at = excluded.last_reported_at,
                        deletion_state = CASE WHEN internet_items.deletion_state = 'deleted' THEN 'reappeared' ELSE internet_items.deletion_state END,
                        reappeared_at = CASE WHEN internet_items.deletion_state = 'deleted' THEN excluded.last_reported_at ELSE internet_items.reappeared_at END
                    """).run()
                try await transaction.sql.raw("""
                    INSERT INTO internet_reports (receipt, passcode_hash, item_id, language, category, description, received_at, month)
                    VALUES (\(bind: receipt), \(bind: passcodeHash), \(bind: item), \(bind: report.language), \(bind: report.category.rawValue),
                            \(bind: report.description.isEmpty ? nil : report.description), \(bind: at), \(bind: month))
                    """).run()
            }
        }
    }

    /// The item of a URL: the SHA-256 of its normalised key, so any length of URL fits a primary key.
    public static func itemID(_ url: NormalisedURL) -> String {
        SHA256.hash(data: Data(url.key.utf8)).prefix(16).map { String(format: "%02x", $0) }.joined()
    }

    /// Draws a receipt and a passcode and runs `insert`; a receipt already taken (about one chance in
    /// 10^15 per pair of reports) is drawn again.
    func issuing(_ insert: (_ receipt: String, _ passcodeHash: String) async throws -> Void) async throws -> HotlineCredentialsIssued {
        var lastError: (any Error)?
        for _ in 0..<3 {
            let receipt = HotlineCredentials.newReceipt()
            let passcode = HotlineCredentials.newPasscode()
            do {
                try await insert(receipt, hasher.hash(receipt: receipt, passcode: passcode))
                return HotlineCredentialsIssued(receipt: receipt, passcode: passcode)
            } catch {
                lastError = error
                guard try await receiptTaken(receipt) else { throw error }
            }
        }
        throw lastError!
    }

    func receiptTaken(_ receipt: String) async throws -> Bool {
        try await sql.raw("""
            SELECT receipt FROM tips WHERE receipt = \(bind: receipt) UNION ALL SELECT receipt FROM internet_reports WHERE receipt = \(bind: receipt)
            """).first() != nil
    }

    /// The receipt's kind, when the passcode is right; `noSuchReport` otherwise.
    func authenticate(receipt typedReceipt: String, passcode typedPasscode: String) async throws -> (String, ReporterView.Kind) {
        guard let receipt = HotlineCredentials.canonicalReceipt(typedReceipt),
              let passcode = HotlineCredentials.canonicalPasscode(typedPasscode) else { throw HotlineStoreError.noSuchReport }
        for (table, kind) in [("tips", ReporterView.Kind.tip), ("internet_reports", .internet)] {
            if let row = try await sql.raw("SELECT passcode_hash FROM \(ident: table) WHERE receipt = \(bind: receipt)").first() {
                guard hasher.matches(receipt: receipt, passcode: passcode, stored: try row.decode(column: "passcode_hash", as: String.self)) else { break }
                return (receipt, kind)
            }
        }
        throw HotlineStoreError.noSuchReport
    }

    /// What the reporter may see of their report.
    public func reporterView(receipt: String, passcode: String) async throws -> ReporterView {
        let (receipt, kind) = try await authenticate(receipt: receipt, passcode: passcode)
        switch kind {
        case .tip:
            let row = try await sql.raw("SELECT category, month, status, reward_state, reward_amount FROM tips WHERE receipt = \(bind: receipt)").first()!
            return ReporterView(kind: .tip, receipt: receipt, category: try row.decode(column: "category", as: String.self),
                                month: try row.decode(column: "month", as: String.self), status: try row.decode(column: "status", as: String.self),
                                deletion: nil, messages: try await messages(receipt),
                                reward: RewardState(rawValue: try row.decode(column: "reward_state", as: String.self)) ?? .none,
                                rewardAmount: try row.decode(column: "reward_amount", as: Int.self))
        case .internet:
            let row = try await sql.raw("""
                SELECT r.category, r.month, i.judgement, i.deletion_state FROM internet_reports r JOIN internet_items i ON i.id = r.item_id
                WHERE r.receipt = \(bind: receipt)
                """).first()!
            return ReporterView(kind: .internet, receipt: receipt, category: try row.decode(column: "category", as: String.self),
                                month: try row.decode(column: "month", as: String.self), status: try row.decode(column: "judgement", as: String.self),
                                deletion: DeletionState(rawValue: try row.decode(column: "deletion_state", as: String.self)),
                                messages: [], reward: .none, rewardAmount: 0)
        }
    }

    func messages(_ receipt: String) async throws -> [ReporterView.Message] {
        try await sql.raw("SELECT author, text, at FROM tip_messages WHERE receipt = \(bind: receipt) ORDER BY position").all().map { row in
            ReporterView.Message(author: try row.decode(column: "author", as: String.self),
                                 text: try row.decode(column: "text", as: String?.self) ?? "",
                                 at: try row.decode(column: "at", as: Int.self))
        }
    }

    /// The reporter answers the analyst's questions.
    public func answer(receipt: String, passcode: String, text: String) async throws {
        let (receipt, kind) = try await authenticate(receipt: receipt, passcode: passcode)
        guard kind == .tip else { throw HotlineStoreError.notAllowed(.init("internet reports take no answers", japanese: "インターネット上の情報の通報には回答できません")) }
        let checked = try HotlineFields.text(text, field: "answer", limit: HotlineLimits.answerCharacters)
        try await appendMessage(receipt: receipt, author: "reporter", text: checked, on: database)
    }

    /// The reporter claims a reward a supervisor decided.
    public func claimReward(receipt: String, passcode: String) async throws {
        let (receipt, kind) = try await authenticate(receipt: receipt, passcode: passcode)
        guard kind == .tip else { throw HotlineStoreError.notAllowed(.init("internet reports carry no reward", japanese: "インターネット上の情報の通報に報奨金はありません")) }
        let rows = try await sql.raw("""
            UPDATE tips SET reward_state = \(bind: RewardState.claimed.rawValue) WHERE receipt = \(bind: receipt) AND reward_state = \(bind: RewardState.decided.rawValue)
            RETURNING receipt
            """).all()
        guard !rows.isEmpty else { throw HotlineStoreError.notAllowed(.init("there is no decided reward to claim for this report", japanese: "この通報に請求できる報奨金はありません")) }
    }

    func appendMessage(receipt: String, author: String, text: String, on database: any Database) async throws {
        try await database.writeTransaction { transaction in
            let next = try await transaction.sql.raw("SELECT COALESCE(MAX(position), 0) + 1 AS next FROM tip_messages WHERE receipt = \(bind: receipt)")
                .first()!.decode(column: "next", as: Int.self)
            try await transaction.sql.raw("""
                INSERT INTO tip_messages (receipt, position, author, text, at) VALUES (\(bind: receipt), \(bind: next), \(bind: author), \(bind: text), \(bind: now()))
                """).run()
        }
    }
}
