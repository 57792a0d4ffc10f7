import CTIPCore
import Foundation
import Testing

/// A cell of a protected table, its margins included: a row total is at column `columns`, a column total at
/// row `rows`, the grand total at both.
private struct CellAt: Hashable, Comparable, CustomStringConvertible {
    let row: Int
    let column: Int
    static func < (left: CellAt, right: CellAt) -> Bool { (left.row, left.column) < (right.row, right.column) }
    var description: String { "(\(row), \(column))" }
}

private extension ProtectedTable {
    /// The cell at a place, nil where the table publishes nothing.
    func cell(_ at: CellAt) -> Cell? {
        let rows = rowLabels.count, columns = columnLabels.count
        switch (at.row == rows, at.column == columns) {
        case (false, false): return cells[at.row][at.column]
        case (false, true): return rowTotals?[at.row]
        case (true, false): return columnTotals?[at.column]
        case (true, true): return grandTotal
        }
    }

    /// Every equation a reader can write from what is published: each row and each column with its total
    /// (last), the row and the column of totals with the grand total when both margins are published.
    var equations: [[CellAt]] {
        Self.publishedEquations(rows: rowLabels.count, columns: columnLabels.count, rowTotals: rowTotals != nil, columnTotals: columnTotals != nil)
    }

    static func publishedEquations(rows: Int, columns: Int, rowTotals: Bool, columnTotals: Bool) -> [[CellAt]] {
        var result: [[CellAt]] = []
        if rowTotals {
            for row in 0..<rows { result.append((0...columns).map { CellAt(row: row, column: $0) }) }
            if columnTotals { result.append((0...columns).map { CellAt(row: rows, column: $0) }) }
        }
        if columnTotals {
            for column in 0..<columns { result.append((0...rows).map { CellAt(row: $0, column: column) }) }
            if rowTotals { result.append((0...rows).map { CellAt(row: $0, column: columns) }) }
        }
        return result
    }

    var hidden: Set<CellAt> { Set(equations.flatMap { $0 }.filter { cell($0) == .suppressed }) }

    /// The texts of a row, its total last.
    func texts(_ row: Int) -> [String] { self.row(row).map(text) }
}

/// The rank of a matrix, by Gaussian elimination with partial pivoting (the equations' coefficients are
/// 0, 1 and −1, and the tables small, so doubles are exact enough).
private func rank(_ matrix: [[Double]]) -> Int {
    var rows = matrix
    var rank = 0
    let width = rows.first?.count ?? 0
    for column in 0..<width where rank < rows.count {
        guard let pivot = (rank..<rows.count).max(by: { abs(rows[$0][column]) < abs(rows[$1][column]) }),
              abs(rows[pivot][column]) > 1e-9 else { continue }
        rows.swapAt(rank, pivot)
        for other in rows.indices where other != rank {
            let factor = rows[other][column] / rows[rank][column]
            if factor != 0 { for index in column..<width { rows[other][index] -= factor * rows[rank][index] } }
        }
        rank += 1
    }
    return rank
}

/// The hidden cells that the published equations determine: a hidden cell can be worked out exactly when
/// its unit vector lies in the row space of the equations over the hidden cells (whatever the values,
/// which only move the right-hand sides). Independent of how `SmallCellRule` finds them.
private func recoverable(_ hidden: Set<CellAt>, equations: [[CellAt]]) -> [CellAt] {
    let unknowns = hidden.sorted()
    let index = Dictionary(uniqueKeysWithValues: unknowns.enumerated().map { ($1, $0) })
    let matrix: [[Double]] = equations.compactMap { equation in
        var coefficients = Array(repeating: 0.0, count: unknowns.count)
        for (position, at) in equation.enumerated() {
            if let column = index[at] { coefficients[column] = position == equation.count - 1 ? -1 : 1 }
        }
        return coefficients.contains { $0 != 0 } ? coefficients : nil
    }
    let base = rank(matrix)
    return unknowns.indices.filter { column in
        var unit = Array(repeating: 0.0, count: unknowns.count)
        unit[column] = 1
        return rank(matrix + [unit]) == base
    }.map { unknowns[$0] }
}

private func recoverable(_ table: ProtectedTable) -> [CellAt] { recoverable(table.hidden, equations: table.equations) }

/// How many cells of each equation are hidden.
private func hiddenPerEquation(_ table: ProtectedTable) -> [Int] {
    table.equations.map { equation in equation.filter { table.cell($0) == .suppressed }.count }
}

private func table(_ counts: [[Int]], rowTotals: Bool = true, columnTotals: Bool = true) -> CountTable {
    CountTable(rowLabels: counts.indices.map { "r\($0)" }, columnLabels: (counts.first ?? []).indices.map { "c\($0)" }, counts: counts,
               rowTotals: rowTotals, columnTotals: columnTotals)
}

@Suite("Open data: one small-cell rule for everything published")
struct SmallCellRuleTests {
    let rule = SmallCellRule.standard

    @Test("threshold 5: 1 to 4 are hidden and written <5, zero and 5 are shown; one function writes every cell")
    func primary() {
        #expect(rule.threshold == 5 && rule.mark == "<5")
        #expect(!rule.isSmall(0) && rule.isSmall(1) && rule.isSmall(4) && !rule.isSmall(5))
        #expect(rule.text(.suppressed) == "<5" && rule.text(.value(0)) == "0" && rule.text(.value(1234)) == "1,234")
        #expect(SmallCellRule(threshold: 3).mark == "<3")
        let protected = rule.protect(.list(columns: ["a", "b", "c"], counts: [0, 5, 40], total: true))
        #expect(protected.texts(0) == ["0", "5", "40", "45"])
        #expect(protected.suppressedCount == 0)
    }

    @Test("GLOTIP's <5 alone is undone by subtraction (Total 18, Female 15, Male <5: Male is 3); the rule hides a second cell")
    func subtractionUndoesPrimaryAlone() {
        let sexes = CountTable.list("victims", columns: ["Female", "Male"], counts: [15, 3])
        let protected = rule.protect(sexes)
        // Only the primary cell hidden, the row would give it back.
        #expect(recoverable([CellAt(row: 0, column: 1)], equations: protected.equations) == [CellAt(row: 0, column: 1)])
        // The rule hides the smallest other non-zero cell, 15 (not the total, 18), and publishes the total.
        #expect(protected.texts(0) == ["<5", "<5", "18"])
        #expect(recoverable(protected).isEmpty)
    }

    @Test("the worked example of docs/small-cells.md: 3 hides 6, which hides 5, which hides 7 — never the 0")
    func workedExample() {
        let counts = [[6, 3, 9, 14], [5, 7, 0, 11], [9, 10, 12, 8]]
        let protected = rule.protect(table(counts))
        #expect(protected.texts(0) == ["<5", "<5", "9", "14", "32"])
        #expect(protected.texts(1) == ["<5", "<5", "0", "11", "23"])
        #expect(protected.texts(2) == ["9", "10", "12", "8", "39"])
        #expect((protected.totalsRow ?? []).map(protected.text) == ["20", "20", "21", "33", "94"])
        #expect(hiddenPerEquation(protected).allSatisfy { $0 == 0 || $0 >= 2 })
        #expect(recoverable(protected).isEmpty)
    }

    @Test("a row or column with one hidden cell takes its smallest non-zero neighbour, the total when nothing else is left")
    func secondaryChoosesTheSmallest() {
        // Ties: the first. Zeros are passed over.
        #expect(rule.protect(.list(columns: ["a", "b", "c", "d"], counts: [0, 7, 2, 7])).texts(0) == ["0", "<5", "<5", "7", "16"])
        // The 2 hides the 6 below it, which hides the 9 beside it; in the 9's column nothing else is
        // non-zero but the total, so the total is hidden.
        let lone = rule.protect(table([[0, 2, 0], [0, 6, 9]]))
        #expect(lone.texts(0) == ["0", "<5", "0", "<5"])
        #expect(lone.texts(1) == ["0", "<5", "<5", "<5"])
        #expect(lone.columnTotals?[2] == ProtectedTable.Cell.suppressed && lone.columnTotals?[0] == ProtectedTable.Cell.value(0))
        #expect(hiddenPerEquation(lone).allSatisfy { $0 == 0 || $0 >= 2 })
        #expect(recoverable(lone).isEmpty)
    }

    @Test("every row and column with no or at least two hidden cells is not enough: two hidden groups joined by one cell give it back; the rule joins them again")
    func joinedGroups() {
        let counts = [[0, 0, 2], [3, 0, 4], [12, 4, 20]]
        let protected = rule.protect(table(counts))
        // What secondary suppression by rows and columns alone hides: every row and column has 0 or ≥ 2 hidden
        // cells, yet the 3 at (1, 0) is the sum of the equations of one group (45 − 26 = 19 in the first two
        // columns' totals, 36 − 20 = 16 in the last row's first two cells, and the middle column is that row's 4).
        let byLinesOnly: Set<CellAt> = [CellAt(row: 0, column: 2), CellAt(row: 0, column: 3), CellAt(row: 1, column: 0), CellAt(row: 1, column: 2),
                                        CellAt(row: 1, column: 3), CellAt(row: 2, column: 0), CellAt(row: 2, column: 1), CellAt(row: 3, column: 0),
                                        CellAt(row: 3, column: 1)]
        let equations = protected.equations
        #expect(equations.allSatisfy { equation in [0, 2, 3].contains(equation.filter(byLinesOnly.contains).count) })
        #expect(recoverable(byLinesOnly, equations: equations) == [CellAt(row: 1, column: 0)])
        // The rule hides those and the smallest cell joining the two groups again, the 20.
        #expect(protected.hidden == byLinesOnly.union([CellAt(row: 2, column: 2)]))
        #expect(protected.texts(2) == ["<5", "<5", "<5", "36"])
        #expect(recoverable(protected).isEmpty)
    }

    @Test("two blocks of small counts joined by a third: the joining count is protected too")
    func dumbbell() {
        let counts = [[1, 2, 3, 20], [2, 1, 10, 30], [10, 20, 1, 2], [30, 10, 2, 1]]
        // The small counts alone: every row and column has none or at least two, but the 3 at (0, 2) joins the blocks.
        let small = Set(counts.indices.flatMap { row in counts[row].indices.filter { rule.isSmall(counts[row][$0]) }.map { CellAt(row: row, column: $0) } })
        let equations = ProtectedTable.publishedEquations(rows: 4, columns: 4, rowTotals: true, columnTotals: true)
        #expect(equations.allSatisfy { equation in equation.filter(small.contains).count != 1 })
        #expect(recoverable(small, equations: equations) == [CellAt(row: 0, column: 2)])
        let protected = rule.protect(table(counts))
        #expect(protected.cells[1][2] == .suppressed, "the 10 joining the blocks, the smallest that does")
        #expect(recoverable(protected).isEmpty)
    }

    @Test("lists: one row and its total")
    func lists() {
        #expect(rule.protect(.list(columns: ["a", "b", "c", "d"], counts: [0, 7, 2, 9])).texts(0) == ["0", "<5", "<5", "9", "18"])
        // A small total is itself hidden, and is the second cell.
        #expect(rule.protect(.list(columns: ["a", "b", "c"], counts: [0, 3, 0])).texts(0) == ["0", "<5", "0", "<5"])
        // Without its total, nothing can be subtracted: only the small count is hidden.
        #expect(rule.protect(.list(columns: ["a", "b"], counts: [2, 9], total: false)).texts(0) == ["<5", "9"])
        #expect(rule.protect(.list(columns: [], counts: [])).texts(0) == ["0"])
    }

    @Test("a table whose counts are all 0 or 5 and more is published unchanged, margins and all")
    func unchanged() {
        let counts = [[0, 5, 12], [7, 0, 0], [30, 6, 5]]
        for (rowTotals, columnTotals) in [(true, true), (true, false), (false, true), (false, false)] {
            let protected = rule.protect(table(counts, rowTotals: rowTotals, columnTotals: columnTotals))
            #expect(protected.suppressedCount == 0)
            #expect(protected.cells == counts.map { $0.map(ProtectedTable.Cell.value) })
            #expect(protected.rowTotals == (rowTotals ? [17, 7, 41].map(ProtectedTable.Cell.value) : nil))
            #expect(protected.columnTotals == (columnTotals ? [37, 11, 17].map(ProtectedTable.Cell.value) : nil))
            #expect(protected.grandTotal == (rowTotals && columnTotals ? ProtectedTable.Cell.value(65) : nil))
        }
    }

    @Test("the margins: a small total is hidden like a cell, and its row of totals gets its second cell")
    func margins() {
        let protected = rule.protect(table([[10, 2], [8, 1]]))
        #expect(protected.columnTotals?[1] == ProtectedTable.Cell.suppressed, "the column's total, 3")
        #expect(protected.texts(0) == ["<5", "<5", "12"])
        #expect(protected.texts(1) == ["<5", "<5", "9"])
        #expect((protected.totalsRow ?? []).map(protected.text) == ["<5", "<5", "21"])
        #expect(recoverable(protected).isEmpty)
        // Column totals only: each column is an equation, the rows are not.
        let columns = rule.protect(table([[10, 2], [8, 9]], rowTotals: false))
        #expect(columns.rowTotals == nil && columns.grandTotal == nil)
        #expect(columns.cells == [[ProtectedTable.Cell.value(10), .suppressed], [.value(8), .suppressed]])
        #expect(columns.columnTotals == [ProtectedTable.Cell.value(18), .value(11)])
    }

    @Test("the same table is protected the same way every time, whatever its labels")
    func deterministic() {
        let counts = [[3, 9, 0, 14, 2], [5, 1, 8, 0, 6], [0, 11, 4, 7, 9]]
        let first = rule.protect(table(counts))
        #expect(rule.protect(table(counts)) == first)
        let renamed = rule.protect(CountTable(rowLabels: ["x", "y", "z"], columnLabels: ["1", "2", "3", "4", "5"], counts: counts))
        #expect(renamed.cells == first.cells && renamed.rowTotals == first.rowTotals && renamed.totalsRow == first.totalsRow)
    }

    @Test("amounts are hidden wherever their number of payments is")
    func amounts() {
        let payments = CountTable.list("paid", columns: ["a", "b", "c", "d"], counts: [0, 2, 6, 0])
        let yen = CountTable.list("yen", columns: ["a", "b", "c", "d"], counts: [0, 100_000, 450_000, 0])
        let protected = rule.protect(yen, contributors: payments)
        #expect(protected.texts(0) == ["0", "<5", "<5", "0", "550,000"])
        #expect(rule.protect(payments).texts(0) == ["0", "<5", "<5", "0", "8"])
    }

    @Test("tables published together are protected as one: a total of one that is a cell of the other is hidden with it")
    func together() {
        let minors = CountTable.list("minors", columns: ["girls", "boys"], counts: [3, 20])
        let boys = CountTable.list("boys", columns: ["labour", "sexual"], counts: [12, 8])
        // Apart, the boys' own list shows their total, 20, and 23 − 20 gives the girls back.
        #expect(rule.protect(minors).texts(0) == ["<5", "<5", "23"])
        #expect(rule.protect(boys).texts(0) == ["12", "8", "20"])
        let together = rule.protect([minors, boys], same: [[TableSlot(table: 0, row: 0, column: 1), TableSlot(table: 1, row: 0, column: 2)]])
        #expect(together[0].texts(0) == ["<5", "<5", "23"])
        #expect(together[1].texts(0) == ["12", "<5", "<5"])
    }

    @Test("a kept count is never hidden and is taken as known: a kept total of 3 over one count hides a zero beside it, no other count being left")
    func kept() {
        let list = CountTable.list(columns: ["a", "b", "c"], counts: [3, 0, 0])
        #expect(rule.protect(list).texts(0) == ["<5", "0", "0", "<5"])
        let kept = rule.protect([list], kept: [TableSlot(table: 0, row: 0, column: 3)])
        #expect(kept[0].texts(0) == ["<5", "<5", "0", "3"])
        // Kept and large: nothing changes.
        let large = CountTable(rowLabels: ["r0", "r1"], columnLabels: ["c0", "c1"], counts: [[3, 30], [20, 25]])
        #expect(rule.protect([large], kept: [TableSlot(table: 0, row: 2, column: 2)]) == [rule.protect(large)])
    }

    @Test("in 200 random tables, one table protected on its own through protect(_:same:kept:) is protected as by protect(_:)")
    func togetherAlone() {
        var generator = SeededGenerator(state: 23)
        let choices = [0, 0, 0, 1, 2, 3, 4, 5, 6, 8, 12, 20, 40]
        for _ in 0..<200 {
            let rows = 1 + Int(generator.next() % 5), columns = 1 + Int(generator.next() % 6), margins = generator.next() % 4
            let counts = (0..<rows).map { _ in (0..<columns).map { _ in choices[Int(generator.next() % UInt64(choices.count))] } }
            let counted = table(counts, rowTotals: margins == 0 || margins == 1, columnTotals: margins == 0 || margins == 2)
            #expect(rule.protect([counted]) == [rule.protect(counted)], "\(counts)")
        }
    }

    @Test("in 300 random tables: every 1–4 hidden, every equation with none or at least two hidden cells, no hidden cell recoverable, no zero hidden, every shown count true")
    func randomTables() {
        var generator = SeededGenerator(state: 19)
        let choices = [0, 0, 0, 1, 2, 3, 4, 5, 6, 8, 12, 20, 40]
        for _ in 0..<300 {
            let rows = 1 + Int(generator.next() % 5), columns = 1 + Int(generator.next() % 6), margins = generator.next() % 4
            let counts = (0..<rows).map { _ in (0..<columns).map { _ in choices[Int(generator.next() % UInt64(choices.count))] } }
            let counted = table(counts, rowTotals: margins == 0 || margins == 1, columnTotals: margins == 0 || margins == 2)
            let protected = rule.protect(counted)
            let truth: (CellAt) -> Int = { at in
                switch (at.row == rows, at.column == columns) {
                case (false, false): counts[at.row][at.column]
                case (false, true): counted.rowTotals[at.row]
                case (true, false): counted.columnTotals[at.column]
                case (true, true): counted.grandTotal
                }
            }
            for row in 0...rows {
                for column in 0...columns {
                    let at = CellAt(row: row, column: column)
                    switch protected.cell(at) {
                    case nil: break
                    case .value(let shown)?:
                        #expect(shown == truth(at), "\(counts) \(at)")
                        #expect(!rule.isSmall(shown), "\(counts) \(at)")
                    case .suppressed?:
                        #expect(truth(at) != 0, "\(counts): a zero hidden at \(at)")
                    }
                }
            }
            #expect(hiddenPerEquation(protected).allSatisfy { $0 != 1 }, "\(counts)")
            #expect(recoverable(protected).isEmpty, "\(counts)")
        }
    }

    @Test("the hot lines' public tables: a small count hidden with a second cell of its row, totals kept, nothing recoverable, rates only from shown counts")
    func hotlineTables() throws {
        let june = HotlineMonth(year: 2024, month: 6), july = HotlineMonth(year: 2024, month: 7)
        func tips(_ count: Int, _ month: HotlineMonth, _ category: TipCategory) -> [TipFact] {
            Array(repeating: TipFact(month: month, category: category, forwarded: false, outcome: nil, reward: .none, rewardAmount: 0), count: count)
        }
        let facts = tips(7, june, .trafficking) + tips(2, june, .childAbuse) + tips(6, july, .trafficking) + tips(6, july, .childAbuse) + tips(5, july, .other)
        let deletions = [InternetItemFact(month: june, reports: 3, category: .csam, judgement: .illegal, deletionRequested: true, secondsToDeletion: 7200)]
        let statistics = HotlineStatistics(fiscalYear: FiscalYear(2024), tips: facts, internetItems: deletions)
        let english = PublicHotlineStatistics(statistics, language: .en)
        #expect(english.columns.first == "Apr 2024" && english.columns.last == "FY2024" && english.columns.count == 13)
        let tables = english.sections.flatMap(\.tables)
        let byKind = try #require(tables.first { $0.id == "tips-by-kind" })
        let childAbuse = try #require(byKind.rows.first { $0.label == "Child abuse" })
        // June (2) and July (6, its partner) hidden; the year's 8 shown.
        #expect(childAbuse.cells[2] == "<5" && childAbuse.cells[3] == "<5" && childAbuse.cells[12] == "8")
        #expect(childAbuse.cells.filter { $0 == "<5" }.count == 2)
        #expect(byKind.rows[0].kind == .total && byKind.rows[0].cells[2] == "9" && byKind.rows[0].cells[12] == "26")
        for table in tables {
            for protected in table.protected {
                #expect(hiddenPerEquation(protected).allSatisfy { $0 != 1 }, "\(table.id)")
                #expect(recoverable(protected).isEmpty, "\(table.id)")
            }
        }
        // One deletion requested and done in June: hidden, and so are its rate and its median.
        let deletion = try #require(tables.first { $0.id == "deletion" })
        #expect(deletion.rows.map(\.kind) == [.total, .part, .part, .derived, .derived])
        #expect(deletion.rows[0].cells[2] == "<5" && deletion.rows[3].cells[2] == "–" && deletion.rows[4].cells[2] == "–")
        #expect(deletion.rows[3].cells[12] == "–", "the year's rate would give the hidden counts back")
        // Japanese: the same cells hidden, in Japanese words.
        let japanese = PublicHotlineStatistics(statistics, language: .ja)
        #expect(japanese.columns.first == "2024年4月" && japanese.columns.last == "2024年度")
        let japaneseRows = japanese.sections.flatMap(\.tables).first { $0.id == "tips-by-kind" }?.rows ?? []
        #expect(japaneseRows.map(\.cells) == byKind.rows.map(\.cells))
        #expect(japaneseRows.contains { $0.label == "児童虐待" })
    }
}
