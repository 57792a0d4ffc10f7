import CTIPCore
import Testing

@Suite("Synthetic bundles")
struct SyntheticBundleTests {
    private func rows(_ bundle: SyntheticBundle) -> [String] {
        var lines: [String] = []
        bundle.generate { file, record in lines.append(file.rawValue + ":" + CSVWriter.line(record.cells)) }
        return lines
    }

    @Test("the same parameters give the same rows; another seed gives others")
    func deterministic() {
        let bundle = SyntheticBundle(victims: 300, suspects: 200, years: 2010...2024, seed: 42)
        #expect(rows(bundle) == rows(bundle))
        var other = bundle
        other.seed = 43
        #expect(rows(bundle) != rows(other))
    }

    @Test("every generated row passes the bundle's own validation, within the years asked")
    func valid() {
        let context = ValidationContext(codeLists: .shipped, offenseCodes: Set(CodeLists.shipped.offenseOrder))
        var counts: [BundleFile: Int] = [:]
        var minors = 0
        SyntheticBundle(victims: 2000, suspects: 1500, years: 2001...2024, seed: 3).generate { file, record in
            counts[file, default: 0] += 1
            let index = Dictionary(uniqueKeysWithValues: file.columnNames.enumerated().map { ($1, $0) })
            var row = RowDecoder(file: file, record: CSVRecord(line: 2, fields: record.cells), columnIndex: index)
            let decoded = type(of: record).init(decoding: &row, context: context)
            #expect(decoded != nil && row.issues.isEmpty, "\(row.issues)")
            if let victim = record as? VictimRecord {
                #expect((2001...2025).contains(victim.protectedOn.year))
                if victim.isMinor { minors += 1 }
            }
        }
        #expect(counts[.victims] == 2000 && counts[.suspects] == 1500 && counts[.cases] == 1500)
        #expect((counts[.charges] ?? 0) > 1000 && (counts[.trials] ?? 0) > 1000)
        #expect(minors > 500 && minors < 1500)
    }
}

@Suite("Yearly series")
struct AnnualSeriesTests {
    @Test("records win where a year has victims; history stays where a year has only carried-over persons")
    func merge() {
        let history = [HistoryRecord(year: 2020, victims: 38, clearedCases: 55, clearedSuspects: 58),
                       HistoryRecord(year: 2023, victims: 60, clearedCases: nil, clearedSuspects: nil)]
        let series = annualSeries(history: history, records: [2020: RecordCounts(cases: 1, suspects: 1),
                                                              2023: RecordCounts(victims: 61, cases: 115, suspects: 56),
                                                              2024: RecordCounts(victims: 66, cases: 97, suspects: 58)])
        #expect(series.map(\.year) == [2020, 2023, 2024])
        #expect(series[0].source == .history && series[0].victims == 38)
        #expect(series[1].source == .records && series[1].victims == 61 && series[1].differsFromHistory)
        #expect(series[2].source == .records && !series[2].differsFromHistory)
    }
}
