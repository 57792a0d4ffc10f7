import CTIPCore
import Testing

/// The secretariat's outline: a new item takes the next number in the report's style at its level, and
/// goes after its parent's last sub-item.
@Suite("Whole report: keeping the outline")
struct OutlineEditingTests {
    static func outline(_ numbers: [String]) -> [OutlineItem] {
        numbers.map { OutlineItem(number: OutlineNumber($0)!, titleEN: "Title \($0)", titleJA: "見出し\($0)") }
    }

    static let sample = outline(["1", "3", "3 (1)", "3 (3)", "3 (3) i)", "3 (3) iv)", "3 (3) iv) a)", "3 (3) iv) b)", "3 (4)", "4"])

    @Test("the next number under each level: a chapter, (n), Roman i), a)", arguments: [
        (nil, "5"), ("3", "3 (5)"), ("3 (3)", "3 (3) v)"), ("3 (3) iv)", "3 (3) iv) c)"), ("3 (4)", "3 (4) i)"), ("3 (3) i)", "3 (3) i) a)"),
    ] as [(String?, String)])
    func nextNumber(parent: String?, expected: String) throws {
        let number = try OutlineEditing.nextNumber(under: parent.flatMap { OutlineNumber($0) }, in: Self.sample).get()
        #expect(number.description == expected)
    }

    @Test("nothing under a) or an item that is not there; a new item goes after its parent's last descendant")
    func refusalsAndPlace() {
        #expect(OutlineEditing.nextNumber(under: OutlineNumber("3 (3) iv) a)"), in: Self.sample) == .failure(.tooDeep("3 (3) iv) a)")))
        #expect(OutlineEditing.nextNumber(under: OutlineNumber("6"), in: Self.sample) == .failure(.noSuchItem("6")))
        #expect(OutlineEditing.insertionIndex(under: OutlineNumber("3 (3)"), in: Self.sample) == 8)
        #expect(OutlineEditing.insertionIndex(under: OutlineNumber("3"), in: Self.sample) == 9)
        #expect(OutlineEditing.insertionIndex(under: nil, in: Self.sample) == Self.sample.count)
        #expect(OutlineEditing.isComputed(OutlineNumber("2 (1)")!) && OutlineEditing.isComputed(OutlineNumber("8")!))
        #expect(OutlineEditing.Refusal.notEmpty("3 (3)").message(.ja).contains("削除できません"))
    }

    /// The sub-item after the (value − 1)th is numbered `text`; the previous one is written by an independent count.
    @Test("Roman numerals, as the report numbers its sub-items", arguments: [(1, "i"), (4, "iv"), (9, "ix"), (14, "xiv"), (19, "xix")])
    func romanNumerals(value: Int, text: String) throws {
        let subs = Self.outline(["4", "4 (1)"] + (value > 1 ? ["4 (1) \(OutlineEditingTests.roman(value - 1)))"] : []))
        #expect(try OutlineEditing.nextNumber(under: OutlineNumber("4 (1)"), in: subs).get().parts.last == text + ")")
    }

    static func roman(_ value: Int) -> String {
        var rest = value, text = ""
        for (amount, digits) in [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")] { while rest >= amount { text += digits; rest -= amount } }
        return text
    }
}
