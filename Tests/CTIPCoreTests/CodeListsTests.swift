import CTIPCore
import Testing

@Suite("Code lists shipped with CTIP")
struct CodeListsTests {
    let lists = CodeLists.shipped

    @Test("every ISO 3166-1 country and region, with Japanese names, plus UNK")
    func countries() {
        #expect(lists.countries.count == 250)
        #expect(lists.countries["PHL"]?.nationalityEN == "Philippine")
        #expect(lists.countries["JPN"]?.ja == "日本")
        #expect(lists.countries["TWN"]?.kind == .region)
        #expect(lists.countries["UNK"]?.kind == .unknown)
    }

    @Test("the 47 prefectures in ISO 3166-2:JP order")
    func prefectures() {
        #expect(lists.prefectureOrder == (1...47).map { $0 < 10 ? "JP-0\($0)" : "JP-\($0)" })
        #expect(lists.prefectures["JP-13"]?.ordinanceEN == "Tokyo Metropolitan")
        #expect(lists.prefectures["JP-01"]?.ordinanceEN == "Hokkaido Prefectural")
    }

    @Test("offenses match the specification's list")
    func offenses() {
        #expect(lists.offenses.count == 40)
        #expect(lists.offenses["child_welfare_act"]?.en == "violation of the Child Welfare Act")
    }

    @Test("every code of every enumeration has English and Japanese labels, and nothing more")
    func enumerations() {
        func check<Value: CodedValue>(_ type: Value.Type) {
            let listed = Set(lists.enumerations[Value.listName]?.keys.map { $0 } ?? [])
            #expect(listed == Set(Value.allCases.map(\.rawValue)), "codes.csv list \(Value.listName)")
            for value in Value.allCases {
                #expect(!lists.label(value).en.isEmpty && !lists.label(value).ja.isEmpty)
            }
        }
        check(Sex.self); check(Exploitation.self); check(ClearingAgency.self); check(ProtectingAgency.self)
        check(Disposition.self); check(NotProsecutedReason.self); check(Verdict.self); check(SupportEvent.self)
        #expect(lists.residenceStatusOrder.count == 16)
        #expect(lists.residenceStatuses["entertainer"]?.ja == "興行")
    }
}
