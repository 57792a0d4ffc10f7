import Foundation

/// CTIP's one rule for small counts in whatever it publishes: the open-data exports, the public
/// statistics pages and the public hot-line statistics (`docs/small-cells.md`). The annual report is not
/// under it: it keeps the figures the Council approves and publishes. Staff pages show exact counts.
///
/// **Primary suppression.** A count from 1 to `threshold − 1` is not shown. `standard` uses 5, so 1–4 are
/// hidden (`docs/open-data.md` §5):
/// - 5 is GLOTIP's own mark (`<5`), the series Japan's figures already go to, and the level of many
///   national statistics offices; 3 would leave 3s and 4s, which in tables of a few dozen victims a year
///   (one nationality, one prefecture, one month) still point at people.
/// - 10 or 11 (US CMS, CTDC's k = 11) would hide nearly every cell of tables this small: CTIP's yearly
///   tables would publish little but their totals. CTDC's k = 11 is for record-level releases, a
///   different product (`KAnonymiser`).
///
/// **Zero is shown.** A zero counts nobody, so no one can be found in it, and "none" is itself a figure
/// the public needs (no victim of a kind this year). CMS shows zeros for the same reason. What a zero can
/// disclose is an attribute of a whole group (every one of a row in one cell — the SDC handbook's group
/// disclosure): that row's other counts are then zeros and its total is the one count, so when that
/// count is 1–4 the total is hidden too.
///
/// **Secondary suppression.** Hiding one count of a row whose total is shown hides nothing: subtraction
/// gives it back (GLOTIP's `<5` has no secondary suppression, §4.2). So, after the primary cells, any row
/// or column — with the row of column totals and the column of row totals, when they are published — that
/// has exactly one hidden cell gets a second: its smallest non-zero shown cell, the total included (the
/// first of equals), until no row or column has exactly one. Zeros are not used for this: the hidden
/// cells of a line add up to what subtraction gives, and with a zero beside a count of 1–4 that sum *is*
/// the count — it is merely not said which of the two cells holds it. A non-zero second cell is 5 or more
/// (every count of 1–4 is already hidden), so the hidden sum is at least 6 and the small count could be
/// anything from 0 to 4.
///
/// "None or at least two hidden cells in every row and column" is not enough on its own: two separate
/// groups of hidden cells joined by a single hidden cell let that cell be worked out by adding up the
/// rows and columns of one group (`SmallCellRuleTests.joinedGroups`). So, last, any hidden cell that can
/// still be worked out gets a partner linking its two groups — the smallest non-zero such cell — until
/// no hidden cell can be. (A hidden cell is determined exactly when it is a bridge of the graph whose
/// nodes are the published rows and columns and whose edges are the hidden cells.)
///
/// This protects against exact recovery by subtraction from the table's own totals. It does not narrow
/// what a reader can bound from the sums (interval disclosure), nor protect against differencing two
/// overlapping tables or two releases of the same table: tables are to be published so that no equation
/// links two of them (`PublicHotlineStatistics`), and figures of a period that is over. Where a layout not
/// of CTIP's making links its tables (GLOTIP's), they are protected as one, with the counts published
/// elsewhere as they are kept: `protect(_:same:kept:)`.
public struct SmallCellRule: Sendable, Hashable {
    /// Counts from 1 to `threshold − 1` are hidden.
    public let threshold: Int

    public init(threshold: Int) {
        precondition(threshold >= 1, "SmallCellRule: a threshold of at least 1")
        self.threshold = threshold
    }

    /// Threshold 5: counts of 1–4 are not shown.
    public static let standard = SmallCellRule(threshold: 5)

    /// How every hidden cell is written, whether small itself or hidden to protect a small one: `<5`.
    public var mark: String { "<\(threshold)" }

    /// Whether a count is hidden for itself (primary).
    public func isSmall(_ count: Int) -> Bool { count >= 1 && count < threshold }

    /// A cell as every page and file writes it: the count with thousands separated, or the mark.
    public func text(_ cell: ProtectedTable.Cell) -> String {
        switch cell {
        case .value(let count): Numerals.grouped(count)
        case .suppressed: mark
        }
    }

    /// The table with its small counts hidden, and as many others as it takes that none can be worked out
    /// from what is shown.
    public func protect(_ table: CountTable) -> ProtectedTable {
        let grid = SmallCellGrid(table)
        let primary = grid.value.indices.map { grid.present[$0] && isSmall(grid.value[$0]) }
        return ProtectedTable(rule: self, table: table, grid: grid, hidden: grid.protect(from: primary))
    }

    /// Amounts (yen paid, say) that add up what the counts of `contributors` count: an amount is hidden
    /// wherever its number of contributors is (so one person's amount is never shown), then the same
    /// secondary suppression runs over the amounts. The two tables have the same rows, columns and margins.
    public func protect(_ amounts: CountTable, contributors: CountTable) -> ProtectedTable {
        precondition(amounts.rowLabels.count == contributors.rowLabels.count && amounts.columnLabels.count == contributors.columnLabels.count
                     && amounts.publishesRowTotals == contributors.publishesRowTotals
                     && amounts.publishesColumnTotals == contributors.publishesColumnTotals,
                     "SmallCellRule: amounts and their contributors have the same shape")
        let counted = SmallCellGrid(contributors)
        let hiddenCounts = counted.protect(from: counted.value.indices.map { counted.present[$0] && isSmall(counted.value[$0]) })
        let grid = SmallCellGrid(amounts)
        return ProtectedTable(rule: self, table: amounts, grid: grid, hidden: grid.protect(from: hiddenCounts))
    }
}

/// A table of counts to publish: rows × columns of non-negative counts, with the margins it publishes
/// (row totals, column totals, and the grand total when both are). The totals are always the sums of the
/// cells, so a table cannot publish a total that disagrees with its cells.
public struct CountTable: Sendable, Equatable {
    public var rowLabels: [String]
    public var columnLabels: [String]
    /// One array per row, one count per column.
    public var counts: [[Int]]
    /// Each row's total is published (a column of totals).
    public var publishesRowTotals: Bool
    /// Each column's total is published (a row of totals).
    public var publishesColumnTotals: Bool

    public init(rowLabels: [String], columnLabels: [String], counts: [[Int]], rowTotals: Bool = true, columnTotals: Bool = true) {
        precondition(counts.count == rowLabels.count && counts.allSatisfy { $0.count == columnLabels.count },
                     "CountTable: one count per row and column")
        precondition(counts.allSatisfy { $0.allSatisfy { $0 >= 0 } }, "CountTable: counts are never negative")
        self.rowLabels = rowLabels; self.columnLabels = columnLabels; self.counts = counts
        publishesRowTotals = rowTotals; publishesColumnTotals = columnTotals
    }

    /// A list: one row of counts and, when `total`, its total.
    public static func list(_ label: String = "", columns: [String], counts: [Int], total: Bool = true) -> CountTable {
        CountTable(rowLabels: [label], columnLabels: columns, counts: [counts], rowTotals: total, columnTotals: false)
    }

    public var rowTotals: [Int] { counts.map { $0.reduce(0, +) } }
    public var columnTotals: [Int] { columnLabels.indices.map { column in counts.reduce(0) { $0 + $1[column] } } }
    public var grandTotal: Int { rowTotals.reduce(0, +) }
}

/// A `CountTable` as it may be published: each cell, and each published total, a count or hidden.
public struct ProtectedTable: Sendable, Equatable {
    public enum Cell: Sendable, Hashable {
        case value(Int)
        case suppressed
    }

    public let rule: SmallCellRule
    public let rowLabels: [String]
    public let columnLabels: [String]
    /// One array per row, one cell per column.
    public let cells: [[Cell]]
    /// Each row's total; nil when the table does not publish them.
    public let rowTotals: [Cell]?
    /// Each column's total; nil when the table does not publish them.
    public let columnTotals: [Cell]?
    /// Published when both margins are.
    public let grandTotal: Cell?

    init(rule: SmallCellRule, table: CountTable, grid: SmallCellGrid, hidden: [Bool]) {
        func cell(_ slot: Int) -> Cell { hidden[slot] ? .suppressed : .value(grid.value[slot]) }
        let rows = grid.rows, columns = grid.columns
        self.rule = rule
        rowLabels = table.rowLabels
        columnLabels = table.columnLabels
        cells = (0..<rows).map { row in (0..<columns).map { column in cell(grid.slot(row, column)) } }
        rowTotals = table.publishesRowTotals ? (0..<rows).map { cell(grid.slot($0, columns)) } : nil
        columnTotals = table.publishesColumnTotals ? (0..<columns).map { cell(grid.slot(rows, $0)) } : nil
        grandTotal = table.publishesRowTotals && table.publishesColumnTotals ? cell(grid.slot(rows, columns)) : nil
    }

    /// A row's cells, then its total when published.
    public func row(_ index: Int) -> [Cell] { cells[index] + (rowTotals.map { [$0[index]] } ?? []) }

    /// The column totals, then the grand total when published; nil when column totals are not published.
    public var totalsRow: [Cell]? { columnTotals.map { $0 + (grandTotal.map { [$0] } ?? []) } }

    /// How many cells and totals are hidden.
    public var suppressedCount: Int {
        let all = cells.flatMap { $0 } + (rowTotals ?? []) + (columnTotals ?? []) + (grandTotal.map { [$0] } ?? [])
        return all.filter { $0 == .suppressed }.count
    }

    /// The one way a cell is written (`SmallCellRule.text`).
    public func text(_ cell: Cell) -> String { rule.text(cell) }
}

/// A table and its margins as one grid of (rows + 1) × (columns + 1) slots, the last row holding the
/// column totals and the last column the row totals; the published equations are its lines (a row or a
/// column with its total last).
struct SmallCellGrid {
    let rows: Int
    let columns: Int
    /// Whether a slot is published at all (margins may not be).
    private(set) var present: [Bool]
    private(set) var value: [Int]
    /// Each published equation: the slots of a row or column, its total last.
    private(set) var lines: [[Int]] = []
    /// The lines each slot is in: none (no margins), one or two.
    private(set) var linesOf: [[Int]]
    /// The slots in fewer than two lines: in the graph they end at `ground`, a node with no equation.
    private(set) var groundSlots: [Int] = []

    func slot(_ row: Int, _ column: Int) -> Int { row * (columns + 1) + column }

    init(_ table: CountTable) {
        rows = table.rowLabels.count
        columns = table.columnLabels.count
        let count = (rows + 1) * (columns + 1)
        present = Array(repeating: false, count: count)
        value = Array(repeating: 0, count: count)
        linesOf = Array(repeating: [], count: count)
        let byRow = table.publishesRowTotals, byColumn = table.publishesColumnTotals
        let rowTotals = table.rowTotals, columnTotals = table.columnTotals
        for row in 0..<rows {
            for column in 0..<columns {
                present[slot(row, column)] = true
                value[slot(row, column)] = table.counts[row][column]
            }
        }
        if byRow {
            for row in 0..<rows { present[slot(row, columns)] = true; value[slot(row, columns)] = rowTotals[row] }
        }
        if byColumn {
            for column in 0..<columns { present[slot(rows, column)] = true; value[slot(rows, column)] = columnTotals[column] }
        }
        if byRow && byColumn { present[slot(rows, columns)] = true; value[slot(rows, columns)] = table.grandTotal }
        var lines: [[Int]] = []
        if byRow {
            for row in 0..<rows { lines.append((0...columns).map { slot(row, $0) }) }
            if byColumn { lines.append((0...columns).map { slot(rows, $0) }) }
        }
        if byColumn {
            for column in 0..<columns { lines.append((0...rows).map { slot($0, column) }) }
            if byRow { lines.append((0...rows).map { slot($0, columns) }) }
        }
        self.lines = lines
        for (index, line) in lines.enumerated() {
            for member in line { linesOf[member].append(index) }
        }
        groundSlots = present.indices.filter { present[$0] && linesOf[$0].count < 2 }
    }

    /// The hidden slots: `primary`, then secondary suppression until no line has exactly one hidden slot
    /// and no hidden slot can be worked out; everything, should no slot be found to complete a line.
    func protect(from primary: [Bool]) -> [Bool] {
        var hidden = zip(primary, present).map { $0 && $1 }
        // Each pass hides one more slot, so this ends.
        while true {
            if let line = lines.first(where: { candidate in candidate.filter { hidden[$0] }.count == 1 }) {
                guard let partner = smallest(among: line, hidden) else { return present }
                hidden[partner] = true
                continue
            }
            if let bridge = firstBridge(hidden) {
                let candidates = present.indices.filter { slot in
                    let (a, b) = ends(slot)
                    return (bridge.near[a] && bridge.far[b]) || (bridge.far[a] && bridge.near[b])
                }
                guard let partner = smallest(among: candidates, hidden) else { return present }
                hidden[partner] = true
                continue
            }
            return hidden
        }
    }

    /// The smallest non-zero published slot of `slots` not hidden yet, the first of equals; a zero only
    /// when no non-zero one is left (for a line this cannot happen: every hidden slot is non-zero, so
    /// the rest of a line with one hidden slot holds a non-zero count, its total if nothing else).
    func smallest(among slots: [Int], _ hidden: [Bool]) -> Int? {
        var best: Int?
        var firstZero: Int?
        for slot in slots where present[slot] && !hidden[slot] {
            if value[slot] == 0 {
                if firstZero == nil { firstZero = slot }
            } else if best.map({ value[slot] < value[$0] }) ?? true {
                best = slot
            }
        }
        return best ?? firstZero
    }

    /// The node standing for "no equation".
    var ground: Int { lines.count }

    /// The two lines a slot joins; `ground` for a missing one.
    func ends(_ slot: Int) -> (Int, Int) {
        let ofSlot = linesOf[slot]
        switch ofSlot.count {
        case 0: return (ground, ground)
        case 1: return (ofSlot[0], ground)
        default: return (ofSlot[0], ofSlot[1])
        }
    }

    /// The nodes reached from `start` along hidden slots other than `skipping`.
    func reach(from start: Int, _ hidden: [Bool], skipping: Int) -> [Bool] {
        var seen = Array(repeating: false, count: lines.count + 1)
        seen[start] = true
        var waiting = [start]
        while let node = waiting.popLast() {
            for slot in (node == ground ? groundSlots : lines[node]) where hidden[slot] && slot != skipping {
                let (a, b) = ends(slot)
                let other = a == node ? b : a
                if !seen[other] { seen[other] = true; waiting.append(other) }
            }
        }
        return seen
    }

    /// The first hidden slot that the published equations determine — a bridge of the graph of lines
    /// joined by hidden slots: adding up the equations on one side of it, with signs, leaves it alone —
    /// and the nodes on each side of it.
    func firstBridge(_ hidden: [Bool]) -> (slot: Int, near: [Bool], far: [Bool])? {
        for slot in hidden.indices where hidden[slot] {
            let (a, b) = ends(slot)
            if a == b { continue }
            let near = reach(from: a, hidden, skipping: slot)
            if !near[b] { return (slot, near, reach(from: b, hidden, skipping: slot)) }
        }
        return nil
    }
}

// MARK: - Tables published together

/// A place in one of several tables published together: a cell, or a total — `row` equal to the table's
/// number of rows for its row of column totals, `column` equal to its number of columns for its column of
/// row totals (both for the grand total).
public struct TableSlot: Sendable, Hashable, CustomStringConvertible {
    public var table: Int
    public var row: Int
    public var column: Int

    public init(table: Int, row: Int, column: Int) {
        self.table = table
        self.row = row
        self.column = column
    }

    public var description: String { "table \(table) (\(row), \(column))" }
}

extension SmallCellRule {
    /// Tables published together whose equations reach across them, protected as one: `same` lists the
    /// places that publish one and the same count (a cell of one table that is a total of another), so
    /// every equation of every table is an equation over the same counts; `kept` lists counts that are
    /// published exactly whatever this rule would say, because they are published elsewhere as they are
    /// (the annual report's totals) — they are never hidden, and are taken as known when the other cells
    /// are chosen.
    ///
    /// The steps are the rule's: the counts of 1 to `threshold − 1` hidden (kept ones aside); a line with
    /// exactly one hidden count gets its smallest non-zero shown count as a second; then any hidden count
    /// the equations still give back (by linear algebra over all the tables' equations, where a single
    /// table's graph of hidden cells no longer suffices) gets a partner — the smallest non-zero count
    /// whose hiding leaves it undetermined — until none can be given back. Where kept counts leave no
    /// non-zero count to hide beside a hidden one (a kept total of 3 over a single count), a zero is hidden
    /// with it, so that which of them holds the count is not said; where nothing at all is left, it cannot
    /// be protected (what is kept gives it back) and is written hidden all the same. A single table with
    /// nothing kept is protected as by `protect(_:)`.
    public func protect(_ tables: [CountTable], same: [[TableSlot]] = [], kept: Set<TableSlot> = []) -> [ProtectedTable] {
        let linked = LinkedSmallCellGrids(tables, same: same, kept: kept)
        let hidden = linked.protect(from: linked.value.indices.map { !linked.kept[$0] && isSmall(linked.value[$0]) })
        return tables.indices.map { index in
            let grid = linked.grids[index], places = linked.global[index]
            let local = grid.present.indices.map { grid.present[$0] && hidden[places[$0]] }
            return ProtectedTable(rule: self, table: tables[index], grid: grid, hidden: local)
        }
    }
}

/// Several tables' grids over one set of counts: a count that several tables publish is one slot, and the
/// published equations are every table's lines (each once).
struct LinkedSmallCellGrids {
    let grids: [SmallCellGrid]
    /// For each table, its grid's slot → the slot here (−1 where the grid publishes nothing).
    let global: [[Int]]
    let value: [Int]
    /// Published whatever: never hidden.
    let kept: [Bool]
    /// Each published equation: its slots, the total last.
    let lines: [[Int]]
    /// The lines each slot is in.
    let linesOf: [[Int]]

    init(_ tables: [CountTable], same: [[TableSlot]], kept keptSlots: Set<TableSlot>) {
        let grids = tables.map { SmallCellGrid($0) }
        var offsets: [Int] = []
        var size = 0
        for grid in grids {
            offsets.append(size)
            size += grid.present.count
        }
        func flat(_ place: TableSlot) -> Int {
            precondition(grids.indices.contains(place.table), "SmallCellRule: no table \(place.table)")
            let grid = grids[place.table]
            precondition((0...grid.rows).contains(place.row) && (0...grid.columns).contains(place.column)
                         && grid.present[grid.slot(place.row, place.column)], "SmallCellRule: \(place) is not published")
            return offsets[place.table] + grid.slot(place.row, place.column)
        }
        // The places that are one count, joined (union–find over every table's slots).
        var parent = Array(0..<size)
        func root(_ start: Int) -> Int {
            var node = start
            while parent[node] != node {
                parent[node] = parent[parent[node]]
                node = parent[node]
            }
            return node
        }
        for group in same {
            guard let first = group.first else { continue }
            let head = flat(first)
            for place in group.dropFirst() {
                let (a, b) = (root(head), root(flat(place)))
                if a != b { parent[b] = a }
            }
        }
        // One slot per count, numbered in the order the tables and their grids list them.
        var slotOfRoot: [Int: Int] = [:]
        var global: [[Int]] = []
        var value: [Int] = []
        for (table, grid) in grids.enumerated() {
            var places = Array(repeating: -1, count: grid.present.count)
            for local in grid.present.indices where grid.present[local] {
                let node = root(offsets[table] + local)
                if let slot = slotOfRoot[node] {
                    precondition(value[slot] == grid.value[local], "SmallCellRule: places given as one count hold different counts")
                    places[local] = slot
                } else {
                    slotOfRoot[node] = value.count
                    places[local] = value.count
                    value.append(grid.value[local])
                }
            }
            global.append(places)
        }
        var kept = Array(repeating: false, count: value.count)
        for place in keptSlots {
            if let slot = slotOfRoot[root(flat(place))] { kept[slot] = true }
        }
        var lines: [[Int]] = []
        var seen: Set<[Int]> = []
        for (table, grid) in grids.enumerated() {
            for line in grid.lines {
                let mapped = line.map { global[table][$0] }
                guard let total = mapped.last else { continue }
                if seen.insert(mapped.dropLast().sorted() + [total]).inserted { lines.append(mapped) }
            }
        }
        var linesOf = Array(repeating: [Int](), count: value.count)
        for (index, line) in lines.enumerated() {
            for slot in line { linesOf[slot].append(index) }
        }
        self.grids = grids
        self.global = global
        self.value = value
        self.kept = kept
        self.lines = lines
        self.linesOf = linesOf
    }

    /// The hidden slots: `primary`, then secondary suppression until no line has exactly one hidden slot
    /// and no hidden slot can be worked out — but for those that kept slots give back whatever is hidden.
    func protect(from primary: [Bool]) -> [Bool] {
        var hidden = zip(primary, kept).map { $0 && !$1 }
        var unprotectable = Array(repeating: false, count: value.count)
        // Each pass hides one more slot or gives one up, so this ends.
        while true {
            var alone: (line: [Int], slot: Int)?
            for line in lines {
                let inLine = line.filter { hidden[$0] }
                if inLine.count == 1 && !unprotectable[inLine[0]] {
                    alone = (line, inLine[0])
                    break
                }
            }
            if let alone {
                if let partner = smallest(among: alone.line, hidden) { hidden[partner] = true } else { unprotectable[alone.slot] = true }
                continue
            }
            if let slot = determined(hidden).first(where: { !unprotectable[$0] }) {
                // The smallest non-zero count (the first of equals; a zero only if no other will do) whose
                // hiding leaves `slot` undetermined. Only a count in an equation with a hidden one can.
                func order(_ candidate: Int) -> (Int, Int, Int) { (value[candidate] == 0 ? 1 : 0, value[candidate], candidate) }
                let candidates = value.indices.filter { candidate in
                    !hidden[candidate] && !kept[candidate] && linesOf[candidate].contains { line in lines[line].contains { hidden[$0] } }
                }.sorted { order($0) < order($1) }
                let joining = candidates.first { candidate in
                    var trial = hidden
                    trial[candidate] = true
                    return !determined(trial).contains(slot)
                }
                if let partner = joining ?? smallest(among: linesOf[slot].flatMap { lines[$0] }, hidden) {
                    hidden[partner] = true
                } else {
                    unprotectable[slot] = true
                }
                continue
            }
            return hidden
        }
    }

    /// The smallest non-zero slot of `slots` neither hidden nor kept, the first of equals; a zero only when
    /// no non-zero one is left.
    func smallest(among slots: [Int], _ hidden: [Bool]) -> Int? {
        var best: Int?
        var firstZero: Int?
        for slot in slots where !hidden[slot] && !kept[slot] {
            if value[slot] == 0 {
                if firstZero == nil { firstZero = slot }
            } else if best.map({ value[slot] < value[$0] }) ?? true {
                best = slot
            }
        }
        return best ?? firstZero
    }

    /// The hidden slots the published equations determine, in order: those whose unit vector lies in the
    /// row space of the equations over the hidden slots (Gauss–Jordan elimination; the coefficients are
    /// 0, 1 and −1 and the tables small, so doubles are exact enough).
    func determined(_ hidden: [Bool]) -> [Int] {
        let unknowns = hidden.indices.filter { hidden[$0] }
        guard !unknowns.isEmpty else { return [] }
        var column: [Int: Int] = [:]
        for (index, slot) in unknowns.enumerated() { column[slot] = index }
        let width = unknowns.count
        var matrix: [[Double]] = lines.compactMap { line in
            var coefficients = Array(repeating: 0.0, count: width)
            var touches = false
            for (position, slot) in line.enumerated() {
                if let index = column[slot] {
                    coefficients[index] += position == line.count - 1 ? -1 : 1
                    touches = true
                }
            }
            return touches ? coefficients : nil
        }
        var pivots: [Int] = []
        for index in 0..<width where pivots.count < matrix.count {
            let rank = pivots.count
            var best = rank
            for row in rank..<matrix.count where abs(matrix[row][index]) > abs(matrix[best][index]) { best = row }
            guard abs(matrix[best][index]) > 1e-9 else { continue }
            matrix.swapAt(rank, best)
            let pivot = matrix[rank][index]
            for entry in 0..<width { matrix[rank][entry] /= pivot }
            for row in matrix.indices where row != rank {
                let factor = matrix[row][index]
                if factor != 0 { for entry in 0..<width { matrix[row][entry] -= factor * matrix[rank][entry] } }
            }
            pivots.append(index)
        }
        let isPivot = Set(pivots)
        return pivots.enumerated().compactMap { row, index in
            (0..<width).allSatisfy { isPivot.contains($0) || abs(matrix[row][$0]) < 1e-9 } ? unknowns[index] : nil
        }.sorted()
    }
}
