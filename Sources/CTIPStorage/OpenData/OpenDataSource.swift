import CTIPCore
import FluentKit
import SQLKit

/// The records the open-data exports read, a page at a time in identifier order (keyset paging: each
/// page starts after the last key of the one before, so reading a million victims costs what reading
/// them once does, and memory holds one page). Identifiers stay here: what leaves is `OpenDataVictim`,
/// which has no place for them.
public struct OpenDataSource: Sendable {
    public let sql: any SQLDatabase
    public var pageSize = 5_000

    public init(sql: any SQLDatabase) { self.sql = sql }

    /// Victims protected in `years` (every year when nil), with their support events when `support`, and
    /// the coded methods of control of those in `controlMethods` (by victim identifier, for the HTCDS
    /// exchange only).
    public func victims(in years: ClosedRange<Int>? = nil, support: Bool = false, controlMethods: [String: [ControlMethod]] = [:],
                        _ body: ([OpenDataVictim]) async throws -> Void) async throws {
        var after = ""
        while true {
            var query = sql.select().columns("victim_id", "protected_on", "sex", "age", "nationality", "exploitation", "protected_by").from("victims")
                .where("victim_id", .greaterThan, after)
            if let years {
                query = query.where("protected_on", .greaterThanOrEqual, "\(Self.year(years.lowerBound))-01-01")
                    .where("protected_on", .lessThanOrEqual, "\(Self.year(years.upperBound))-12-31")
            }
            let rows = try await query.orderBy("victim_id").limit(pageSize).all()
            guard let last = rows.last else { return }
            after = try last.decode(column: "victim_id", as: String.self)
            var page: [(id: String, victim: OpenDataVictim)] = []
            page.reserveCapacity(rows.count)
            for row in rows {
                let id = try row.decode(column: "victim_id", as: String.self)
                guard let day = Day(iso: try row.decode(column: "protected_on", as: String.self)),
                      let sex = Sex(rawValue: try row.decode(column: "sex", as: String.self)),
                      let exploitation = Exploitation(rawValue: try row.decode(column: "exploitation", as: String.self)) else {
                    throw StorageError.corruptValue(column: "victims", value: id)
                }
                page.append((id, OpenDataVictim(year: day.year, sex: sex, age: try row.decode(column: "age", as: Int?.self),
                                                nationality: try row.decode(column: "nationality", as: String.self), exploitation: exploitation,
                                                protectedBy: try row.decode(column: "protected_by", as: String?.self).flatMap(ProtectingAgency.init(rawValue:)),
                                                controlMethods: controlMethods[id])))
            }
            if support {
                var events: [String: [SupportEvent]] = [:]
                for row in try await sql.select().columns("victim_id", "event").from("support_events")
                    .where("victim_id", .in, page.map(\.id)).orderBy("victim_id").orderBy("on_date").orderBy("event").all() {
                    if let event = SupportEvent(rawValue: try row.decode(column: "event", as: String.self)) {
                        events[try row.decode(column: "victim_id", as: String.self), default: []].append(event)
                    }
                }
                for index in page.indices { page[index].victim.support = events[page[index].id] ?? [] }
            }
            try await body(page.map(\.victim))
        }
    }

    /// A suspect as the HTCDS exchange may know them: sex, nationality, whether a broker.
    public struct Suspect: Sendable, Equatable {
        public let sex: Sex
        public let nationality: String
        public let broker: Bool
    }

    public func suspects(_ body: ([Suspect]) async throws -> Void) async throws {
        var after = ""
        while true {
            let rows = try await sql.select().columns("suspect_id", "sex", "nationality", "broker").from("suspects")
                .where("suspect_id", .greaterThan, after).orderBy("suspect_id").limit(pageSize).all()
            guard let last = rows.last else { return }
            after = try last.decode(column: "suspect_id", as: String.self)
            try await body(try rows.map { row in
                Suspect(sex: Sex(rawValue: try row.decode(column: "sex", as: String.self)) ?? .unknown,
                        nationality: try row.decode(column: "nationality", as: String.self),
                        broker: try row.decode(column: "broker", as: Bool?.self) ?? false)
            })
        }
    }

    /// A year as the dates are stored (four digits).
    static func year(_ year: Int) -> String { String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year) }
}
