import CTIPCore
import Testing

private let context = ValidationContext(codeLists: .shipped, offenseCodes: Set(CodeLists.shipped.offenseOrder))

private func decode<R: BundleRecord>(_ type: R.Type, _ cells: [String: String]) -> (R?, [String]) {
    let names = R.file.columnNames
    let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
    var row = RowDecoder(file: R.file, record: CSVRecord(line: 7, fields: names.map { cells[$0] ?? "" }), columnIndex: index)
    let record = R(decoding: &row, context: context)
    return (record, row.issues.map(\.description))
}

@Suite("Bundle rows")
struct BundleRecordTests {
    @Test("a header needs its required columns and nothing unknown")
    func headers() {
        var issues: [BundleIssue] = []
        #expect(validateHeader(["trial", "verdict", "verdict"], of: .trials, issues: &issues) == nil)
        #expect(issues.map(\.description) == [
            "trials.csv:1: trial: unknown column; expected one of: suspect_id, verdict, decided_on, imprisonment_months, suspension_months, fine_yen",
            "trials.csv:1: verdict: column appears twice",
            "trials.csv:1: suspect_id: required column is missing",
        ])
        issues = []
        #expect(validateHeader(["Verdict ", "suspect_id"], of: .trials, issues: &issues) == nil)
        #expect(issues.first?.message == "unknown column; did you mean `verdict`?")
        issues = []
        #expect(validateHeader(["verdict", "suspect_id"], of: .trials, issues: &issues) == ["verdict": 0, "suspect_id": 1])
    }

    @Test("a victim's status of residence: empty for Japanese, required for others")
    func residenceStatus() {
        let base = ["victim_id": "V1", "protected_on": "2024-05-01", "sex": "female", "exploitation": "sexual"]
        #expect(decode(VictimRecord.self, base.merging(["nationality": "JPN", "residence_status": "student"]) { $1 }).1
                == ["victims.csv:7: residence_status: must be empty for a Japanese national (`JPN`)"])
        #expect(decode(VictimRecord.self, base.merging(["nationality": "PHL"]) { $1 }).1.count == 1)
        let (victim, issues) = decode(VictimRecord.self, base.merging(["nationality": "PHL", "residence_status": "entertainer", "age": "17", "case_ids": "C1;C2"]) { $1 })
        #expect(issues.isEmpty)
        #expect(victim?.isMinor == true && victim?.caseIDs == ["C1", "C2"])
    }

    @Test("a disposition needs its date; a reason only for not prosecuted")
    func dispositions() {
        let base = ["suspect_id": "S1", "arrested_on": "2024-05-01", "sex": "male", "nationality": "JPN"]
        #expect(decode(SuspectRecord.self, base.merging(["disposition": "prosecuted"]) { $1 }).1
                == ["suspects.csv:7: disposition_on: required when `disposition` is given"])
        #expect(decode(SuspectRecord.self, base.merging(["disposition": "prosecuted", "disposition_on": "2024-04-01"]) { $1 }).1
                == ["suspects.csv:7: disposition_on: 2024-04-01 is before `arrested_on` 2024-05-01"])
        #expect(decode(SuspectRecord.self, base.merging(["disposition": "family_court", "disposition_on": "2024-06-01", "not_prosecuted_reason": "evidence"]) { $1 }).1
                == ["suspects.csv:7: not_prosecuted_reason: only for `disposition` `not_prosecuted`, not `family_court`"])
        #expect(decode(SuspectRecord.self, base.merging(["broker": "yes"]) { $1 }).1
                == ["suspects.csv:7: broker: `yes` is not a boolean: expected `true` or `false`"])
        #expect(Disposition.familyCourt.countsAsProsecuted && !Disposition.notProsecuted.countsAsProsecuted)
    }

    @Test("a trial is pending until its decision date, as of any cut-off")
    func trialsAsOf() {
        #expect(decode(TrialRecord.self, ["suspect_id": "S1", "verdict": "guilty"]).1 == ["trials.csv:7: decided_on: required unless the verdict is `pending`"])
        #expect(decode(TrialRecord.self, ["suspect_id": "S1", "verdict": "pending", "decided_on": "2024-01-01"]).1 == ["trials.csv:7: decided_on: a pending trial has no decision date"])
        let trial = decode(TrialRecord.self, ["suspect_id": "S1", "verdict": "guilty", "decided_on": "2024-06-14", "imprisonment_months": "30"]).0!
        #expect(trial.verdict(asOf: Day(iso: "2024-03-31")!) == .pending)
        #expect(trial.verdict(asOf: Day(iso: "2024-06-14")!) == .guilty)
    }

    @Test("an ordinance charge names its prefecture")
    func ordinanceDetail() {
        #expect(decode(ChargeRecord.self, ["suspect_id": "S1", "position": "1", "offense": "juvenile_protection_ordinance", "detail": "Tokyo"]).1
                == ["charges.csv:7: detail: `Tokyo` is not a prefecture: an ordinance's detail is its prefecture `JP-01`…`JP-47`"])
        #expect(decode(ChargeRecord.self, ["suspect_id": "S1", "position": "0", "offense": "theft"]).1
                == ["charges.csv:7: position: `0` is not a whole number from 1 to 999"])
    }
}
