import Foundation

/// What changed between a published edition and the report recomputed from today's records: every
/// number and verdict that differs, by its place in the JSON (`victims.total.count`,
/// `tables[2].rows[S2024-014].verdict`). Labels and rendered text are not compared: they follow the numbers.
public struct ReportRevision: Sendable, Equatable {
    public struct Change: Sendable, Equatable, Codable {
        public var path: String
        public var published: String?
        public var current: String?
        /// For counts: current − published.
        public var difference: Int?
    }

    public var changes: [Change]
    public var isEmpty: Bool { changes.isEmpty }

    public init(published: AnnualReport, current: AnnualReport) throws {
        let before = try Self.flatten(published), after = try Self.flatten(current)
        changes = Set(before.keys).union(after.keys).sorted().compactMap { path in
            let old = before[path], new = after[path]
            guard old != new else { return nil }
            let difference = Int(new ?? "0").flatMap { n in Int(old ?? "0").map { n - $0 } }
            return Change(path: path, published: old, current: new, difference: difference)
        }
    }

    private static let ignoredKeys: Set<String> = ["label", "text", "result", "offenses", "language", "schema", "notices", "series"]

    /// Leaves of the report's JSON by path; list elements by their `code` or `suspect_id` when they have one.
    static func flatten(_ report: AnnualReport) throws -> [String: String] {
        let object = try JSONSerialization.jsonObject(with: try report.jsonData())
        var leaves: [String: String] = [:]
        func walk(_ value: Any, _ path: String) {
            switch value {
            case let dictionary as [String: Any]:
                for (key, child) in dictionary where !ignoredKeys.contains(key) { walk(child, path.isEmpty ? key : "\(path).\(key)") }
            case let array as [Any]:
                for (index, element) in array.enumerated() {
                    let dictionary = element as? [String: Any]
                    let key = (dictionary?["code"] ?? dictionary?["suspect_id"] ?? dictionary?["first_reported_in"] ?? dictionary?["number"]).map { "\($0)" } ?? String(index)
                    walk(element, "\(path)[\(key)]")
                }
            case is NSNull: break
            case let number as NSNumber: leaves[path] = number.stringValue
            default: leaves[path] = "\(value)"
            }
        }
        walk(object, "")
        return leaves
    }
}
