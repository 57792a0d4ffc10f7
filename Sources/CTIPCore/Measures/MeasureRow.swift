/// One row of a measures register, as its file and its table hold it: the cells by column name, checked
/// by `MeasureRules` before anything keeps them. Figures read the typed values back (`integer`, `date`,
/// `period`), so the file, the table, the form and the API share one representation and a round trip
/// through any of them changes nothing.
public struct MeasureRow: Sendable, Hashable {
    public let file: MeasureFile
    /// Non-empty cells only.
    public let cells: [String: String]

    public init(file: MeasureFile, cells: [String: String]) {
        self.file = file
        self.cells = cells.filter { !$0.value.isEmpty }
    }

    public subscript(_ column: String) -> String? { cells[column] }

    /// The row's cells in the file's column order, empty where there is no value.
    public var orderedCells: [String] { file.columnNames.map { cells[$0] ?? "" } }

    /// The values that identify the row (`MeasureFile.keyColumns`).
    public var key: [String] { file.keyColumns.map { cells[$0] ?? "" } }
    public var keyText: String { key.joined(separator: "/") }

    /// The agency whose register holds the row.
    public var ministry: String { cells["ministry"] ?? "" }

    public func integer(_ column: String) -> Int? { cells[column].flatMap { Int($0) } }
    public func flag(_ column: String) -> Bool { cells[column] == "true" }
    public func date(_ column: String) -> MeasureDate? { cells[column].flatMap { MeasureDate($0) } }
    public func day(_ column: String) -> Day? { cells[column].flatMap { Day(iso: $0) } }
    public func period(_ column: String = "period") -> MeasurePeriod? { cells[column].flatMap { MeasurePeriod($0) } }
    public func list(_ column: String) -> [String] {
        (cells[column] ?? "").split(separator: ";").map { String($0) }
    }

    /// The English or Japanese name of the row's subject: its title, name, course or project; the
    /// Japanese falls back to English where no translation is held.
    public func name(_ language: Language) -> String {
        for base in ["title", "name", "course", "project"] {
            if let english = cells[base + "_en"] { return language == .ja ? cells[base + "_ja"] ?? english : english }
        }
        return keyText
    }

    /// The periods of each kind this row's figures belong to: a fiscal-year print run belongs to that
    /// fiscal year; a training held in June 2024 to 2024 and to FY2024.
    public func belongs(to period: MeasurePeriod) -> Bool {
        switch file {
        case .materials, .distributions, .funding:
            if case .fiscalYear(let year) = period { return integer("fiscal_year") == year }
            return false
        case .campaigns:
            if let day = day("starts_on") { return period.sameKind(containing: day) == period }
            if case .year(let year) = period { return integer("year") == year }
            return false
        case .trainings:
            if let held = date("held"), held.month != nil { return period.sameKind(containing: held.firstDay) == period }
            switch period {
            case .year(let year): return integer("year") == year || (integer("year") == nil && date("held")?.year == year)
            case .fiscalYear(let year): return integer("fiscal_year") == year
            }
        case .engagements:
            guard let starts = date("starts") else { return false }
            if starts.month == nil { if case .year(let year) = period { return starts.year == year } else { return false } }
            return period.sameKind(containing: starts.firstDay) == period
        case .agreements:
            // In force at the period's end.
            guard let inForce = date("in_force") else { return false }
            return inForce.lastDay <= period.lastDay
        case .legalAssistance, .enforcement:
            if case .year(let year) = period { return integer("year") == year }
            return false
        case .consultations, .series:
            return self.period() == period
        }
    }
}

/// What validation needs to know beyond the row: the agencies, the help directory's services and the
/// days they began, the code lists and today.
public struct MeasureContext: Sendable {
    public let codeLists: CodeLists
    public let agencies: Set<String>
    /// Each service of the help directory, with the day it began where the directory knows it.
    public let services: [String: MeasureDate?]
    public let offenseCodes: Set<String>
    public let today: Day?

    public init(codeLists: CodeLists = .shipped, agencies: Set<String>, services: [String: MeasureDate?], offenseCodes: Set<String>? = nil,
                today: Day? = nil) {
        self.codeLists = codeLists; self.agencies = agencies; self.services = services
        self.offenseCodes = offenseCodes ?? Set(codeLists.offenseOrder); self.today = today
    }

    /// The shipped agency list and help directory.
    public static func shipped(today: Day? = nil) -> MeasureContext {
        let directory = HelpDirectory.shipped
        return MeasureContext(agencies: Set(StandardAgencies.all().map(\.code)),
                              services: Dictionary(directory.services.map { ($0.id, $0.since) }, uniquingKeysWith: { first, _ in first }),
                              today: today)
    }
}
