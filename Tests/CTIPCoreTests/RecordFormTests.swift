import CTIPCore
import Testing

@Suite("Records read from forms: every problem names its field, in English and in Japanese")
struct RecordFormTests {
    static let context = ValidationContext(codeLists: .shipped, offenseCodes: Set(CodeLists.shipped.offenseOrder))

    static func problems<Record: BundleRecord>(_ type: Record.Type, _ fields: [String: String], fixed: [String: String]) -> [FieldError] {
        switch RecordForm.read(type, fields, fixed: fixed, context: context) {
        case .success: return []
        case .failure(let errors): return errors.errors
        }
    }

    @Test("a suspect with every kind of mistake")
    func suspect() {
        let errors = Self.problems(SuspectRecord.self, [
            "arrested_on": "2024-02-30", "sex": "x", "nationality": "XXX", "broker": "maybe", "disposition": "not_prosecuted",
            "disposition_on": "", "deportation_ordered_on": "soon",
        ], fixed: ["suspect_id": "S 1"])
        #expect(Set(errors.map(\.field)) == ["suspect_id", "arrested_on", "sex", "nationality", "broker", "deportation_ordered_on", "disposition_on"])
        for error in errors {
            #expect(error.message(.en) == error.message)
            let japanese = error.message(.ja)
            #expect(japanese != error.message && japanese.unicodeScalars.contains { $0.value >= 0x3040 }, "\(error.field): \(japanese)")
        }
        #expect(errors.first { $0.field == "arrested_on" }?.message(.ja) == "「2024-02-30」は日付ではありません。実在する日を YYYY-MM-DD の形で入力してください")
    }

    @Test("a victim: the rules that tie fields together are told in Japanese too")
    func victim() {
        let errors = Self.problems(VictimRecord.self, ["protected_on": "2026-04-01", "sex": "female", "nationality": "JPN",
                                                       "residence_status": "temporary_visitor", "exploitation": "sexual", "age": "-1"],
                                   fixed: ["victim_id": "V1", "case_ids": ""])
        #expect(errors.map(\.field).sorted() == ["age", "residence_status"])
        #expect(errors.first { $0.field == "residence_status" }?.message(.ja) == "日本国籍（JPN）の場合は空欄にしてください")
    }

    @Test("a field error is the same problem whatever its translation")
    func equality() {
        #expect(FieldError(field: "age", message: "too old", japanese: "高すぎます") == FieldError(field: "age", message: "too old"))
        #expect(FieldError(field: "age", message: "too old") != FieldError(field: "sex", message: "too old"))
    }
}
