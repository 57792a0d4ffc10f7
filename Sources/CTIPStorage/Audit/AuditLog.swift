import CTIPCore
import Crypto
import FluentKit
import Foundation
import SQLKit

/// One access to personal data: who, from which agency, when, which record, which fields, why.
/// Never the data itself.
public struct AuditEvent: Sendable, Equatable {
    public enum Action: String, Sendable { case read, create, update, delete, export, denied }
    public var at: Date
    public var actor: String
    public var agency: String
    public var action: Action
    /// The record's kind and identifier, e.g. `victim:V2024-001`.
    public var record: String
    public var fields: [String]
    public var purpose: String

    public init(at: Date, actor: String, agency: String, action: Action, record: String, fields: [String], purpose: String) {
        self.at = at; self.actor = actor; self.agency = agency; self.action = action
        self.record = record; self.fields = fields; self.purpose = purpose
    }

    /// What a member of staff did: the trail names their account and agency, never the person.
    public init(at: Date, by staff: StaffIdentity, action: Action, record: String, fields: [String] = [], purpose: String) {
        self.init(at: at, actor: staff.auditActor, agency: staff.agency.code, action: action, record: record, fields: fields, purpose: purpose)
    }
}

/// The append-only audit trail. Each entry carries the SHA-256 of the entry before it and of its own
/// content, so changing, removing or reordering any entry breaks the chain (`verify`). Appenders take
/// the write lock first (`Database.writeTransaction`); the unique constraint on `previous_hash` stays
/// as a second guard: a chain can never fork, even through a writer that bypassed the lock.
public struct AuditLog: Sendable {
    public static let genesis = String(repeating: "0", count: 64)
    public let database: any Database

    public init(database: any Database) { self.database = database }

    /// Appends one entry. In a caller's transaction the entry commits or rolls back with the caller's
    /// writes; alone it is its own transaction. Either way it first takes the write lock
    /// (`writeTransaction`), so the head it reads is the head it extends: appenders in several
    /// processes queue instead of racing, and the chain stays linear.
    @discardableResult
    public func append(_ event: AuditEvent) async throws -> String {
        try await database.writeTransaction { transaction in
            let sql = transaction.sql
            let head = try await sql.raw("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").first()
            let sequence = (try head?.decode(column: "seq", as: Int.self) ?? 0) + 1
            let previous = try head?.decode(column: "hash", as: String.self) ?? Self.genesis
            let hash = Self.hash(sequence: sequence, previous: previous, event: event)
            try await sql.raw("""
                INSERT INTO audit_log (seq, at, actor, agency, action, record, fields, purpose, previous_hash, hash)
                VALUES (\(bind: sequence), \(bind: Self.timestamp(event.at)), \(bind: event.actor), \(bind: event.agency),
                        \(bind: event.action.rawValue), \(bind: event.record), \(bind: event.fields.joined(separator: ";")),
                        \(bind: event.purpose), \(bind: previous), \(bind: hash))
                """).run()
            return hash
        }
    }

    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var sequence: Int
        public var reason: String
        public var description: String { "audit entry \(sequence): \(reason)" }
    }

    /// Recomputes the chain from the first entry; every break is reported by its sequence number.
    public func verify() async throws -> [Problem] {
        var problems: [Problem] = []
        var previous = Self.genesis
        var expected = 1
        for row in try await database.sql.raw("""
            SELECT seq, at, actor, agency, action, record, fields, purpose, previous_hash, hash FROM audit_log ORDER BY seq
            """).all() {
            let sequence = try row.decode(column: "seq", as: Int.self)
            if sequence != expected { problems.append(.init(sequence: sequence, reason: "entry \(expected) is missing")) }
            expected = sequence + 1
            let stored = try row.decode(column: "hash", as: String.self)
            if try row.decode(column: "previous_hash", as: String.self) != previous {
                problems.append(.init(sequence: sequence, reason: "does not follow the entry before it"))
            }
            let fields = try row.decode(column: "fields", as: String.self)
            let event = AuditEvent(at: Self.date(try row.decode(column: "at", as: String.self)) ?? .distantPast,
                                   actor: try row.decode(column: "actor", as: String.self), agency: try row.decode(column: "agency", as: String.self),
                                   action: AuditEvent.Action(rawValue: try row.decode(column: "action", as: String.self)) ?? .read,
                                   record: try row.decode(column: "record", as: String.self),
                                   fields: fields.isEmpty ? [] : fields.components(separatedBy: ";"),
                                   purpose: try row.decode(column: "purpose", as: String.self))
            if Self.hash(sequence: sequence, previous: previous, event: event) != stored {
                problems.append(.init(sequence: sequence, reason: "its content was changed after it was written"))
            }
            previous = stored
        }
        return problems
    }

    /// One stored entry, as the auditors' view and export show it.
    public struct Entry: Sendable, Codable, Equatable {
        public var sequence: Int
        public var at: String
        public var actor: String
        public var agency: String
        public var action: String
        public var record: String
        public var fields: String
        public var purpose: String
        public var hash: String
    }

    /// Entries newest first, optionally only those about one record, actor or agency, and only those
    /// older than `before` (a page's cursor: the last sequence number seen).
    public func entries(record: String? = nil, actor: String? = nil, agency: String? = nil, before: Int? = nil, limit: Int = 500) async throws -> [Entry] {
        var query = database.sql.select().columns("seq", "at", "actor", "agency", "action", "record", "fields", "purpose", "hash").from("audit_log")
        if let before { query = query.where("seq", .lessThan, before) }
        if let record, !record.isEmpty { query = query.where("record", .equal, record) }
        if let actor, !actor.isEmpty { query = query.where("actor", .equal, actor) }
        if let agency, !agency.isEmpty { query = query.where("agency", .equal, agency) }
        return try await query.orderBy("seq", .descending).limit(max(1, min(limit, 100_000))).all().map { row in
            Entry(sequence: try row.decode(column: "seq", as: Int.self), at: try row.decode(column: "at", as: String.self),
                  actor: try row.decode(column: "actor", as: String.self), agency: try row.decode(column: "agency", as: String.self),
                  action: try row.decode(column: "action", as: String.self), record: try row.decode(column: "record", as: String.self),
                  fields: try row.decode(column: "fields", as: String.self), purpose: try row.decode(column: "purpose", as: String.self),
                  hash: try row.decode(column: "hash", as: String.self))
        }
    }

    static func hash(sequence: Int, previous: String, event: AuditEvent) -> String {
        // Fields joined by a separator that cannot occur in them unescaped: the hash is of one canonical text.
        let canonical = [String(sequence), previous, timestamp(event.at), event.actor, event.agency, event.action.rawValue, event.record,
                         event.fields.joined(separator: ";"), event.purpose]
            .map { $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n") }
            .joined(separator: "\n")
        return SHA256.hash(data: Data(canonical.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}
