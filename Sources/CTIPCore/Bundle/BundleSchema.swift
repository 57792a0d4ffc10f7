/// The files of a dataset bundle (shared/spec/bundle.md and oversight.md, version 1) and their columns, in
/// export order.
public enum BundleFile: String, Sendable, CaseIterable, Comparable {
    // Import order: a file's references point only to files before it.
    case offenses, cases, victims, suspects, charges, trials, support, history
    // Programme oversight (shared/spec/oversight.md).
    case organisations, inspections, actions, agreements

    public var fileName: String { rawValue + ".csv" }

    /// The programme-oversight files (oversight.md): exported only when they hold rows, so that a bundle
    /// of case-level statistics exports as it did before them.
    public var isOversight: Bool { [.organisations, .inspections, .actions, .agreements].contains(self) }

    public struct Column: Sendable {
        public let name: String
        public let required: Bool
    }

    public var columns: [Column] {
        func c(_ name: String, _ required: Bool = false) -> Column { Column(name: name, required: required) }
        switch self {
        case .offenses: return [c("code", true), c("label_en", true), c("label_ja", true), c("law")]
        case .cases: return [c("case_id", true), c("cleared_on", true), c("prefecture"), c("agency"), c("summary")]
        case .victims:
            return [c("victim_id", true), c("protected_on", true), c("sex", true), c("age"), c("nationality", true),
                    c("residence_status"), c("exploitation", true), c("protected_by"), c("case_ids")]
        case .suspects:
            return [c("suspect_id", true), c("arrested_on", true), c("sex", true), c("nationality", true), c("broker"),
                    c("organized_crime"), c("disposition"), c("disposition_on"), c("not_prosecuted_reason"),
                    c("deportation_ordered_on"), c("case_ids")]
        case .charges: return [c("suspect_id", true), c("position", true), c("offense", true), c("detail")]
        case .trials:
            return [c("suspect_id", true), c("verdict", true), c("decided_on"), c("imprisonment_months"),
                    c("suspension_months"), c("fine_yen")]
        case .support: return [c("victim_id", true), c("event", true), c("on", true), c("agency"), c("note")]
        case .history: return [c("year", true), c("victims"), c("cleared_cases"), c("cleared_suspects")]
        case .organisations:
            return [c("org_id", true), c("kind", true), c("name"), c("name_ja"), c("prefecture"), c("country"), c("licence_no"),
                    c("licence_type"), c("licensed_on"), c("supervised_by"), c("industry")]
        case .inspections:
            return [c("inspection_id", true), c("org_id", true), c("inspector", true), c("inspected_on", true), c("kind"),
                    c("violation_found"), c("findings")]
        case .actions:
            return [c("action_id", true), c("org_id", true), c("kind", true), c("by", true), c("on", true), c("inspection_id"),
                    c("until"), c("due_on"), c("closed_on"), c("published")]
        case .agreements: return [c("agreement_id", true), c("country", true), c("scheme", true), c("signed_on", true), c("ended_on")]
        }
    }

    public var columnNames: [String] { columns.map(\.name) }

    public static func < (lhs: BundleFile, rhs: BundleFile) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One problem found in a bundle, printed as `FILE:LINE: COLUMN: message`.
public struct BundleIssue: Error, Sendable, Hashable, CustomStringConvertible, Comparable {
    public let file: String
    public let line: Int
    public let column: String?
    public let message: String
    /// The message in Japanese, for the staff pages in Japanese that read a record from a form.
    public let japanese: String?

    public init(file: String, line: Int, column: String?, message: String, japanese: String? = nil) {
        self.file = file; self.line = line; self.column = column; self.message = message; self.japanese = japanese
    }

    /// The same problem at the same place: the English message names it.
    public static func == (lhs: Self, rhs: Self) -> Bool {
        (lhs.file, lhs.line, lhs.column, lhs.message) == (rhs.file, rhs.line, rhs.column, rhs.message)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(file); hasher.combine(line); hasher.combine(column); hasher.combine(message)
    }

    public var description: String {
        if let column { return "\(file):\(line): \(column): \(message)" }
        return "\(file):\(line): \(message)"
    }

    public static func < (lhs: BundleIssue, rhs: BundleIssue) -> Bool {
        (lhs.file, lhs.line, lhs.column ?? "") < (rhs.file, rhs.line, rhs.column ?? "")
    }
}

/// Checks a file's header against its column list: every required column present, no unknown or repeated ones.
/// Returns each known column's index, or nil when the header is unusable.
public func validateHeader(_ header: [String], of file: BundleFile, issues: inout [BundleIssue]) -> [String: Int]? {
    var index: [String: Int] = [:]
    var usable = true
    let known = Set(file.columnNames)
    for (position, name) in header.enumerated() {
        if !known.contains(name) {
            let hint = file.columnNames.first { $0.lowercased() == name.lowercased().trimmingSpaces() }
            issues.append(BundleIssue(file: file.fileName, line: 1, column: name.isEmpty ? "column \(position + 1)" : name,
                                      message: "unknown column" + (hint.map { "; did you mean `\($0)`?" } ?? "; expected one of: " + file.columnNames.joined(separator: ", "))))
            usable = false
        } else if index[name] != nil {
            issues.append(BundleIssue(file: file.fileName, line: 1, column: name, message: "column appears twice"))
            usable = false
        } else {
            index[name] = position
        }
    }
    for column in file.columns where column.required && index[column.name] == nil {
        issues.append(BundleIssue(file: file.fileName, line: 1, column: column.name, message: "required column is missing"))
        usable = false
    }
    return usable ? index : nil
}

extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while scalars.first?.isWhitespace == true { scalars.removeFirst() }
        while scalars.last?.isWhitespace == true { scalars.removeLast() }
        return String(scalars)
    }
}
