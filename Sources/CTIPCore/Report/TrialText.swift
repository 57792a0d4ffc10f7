/// How the report's tables print a person's charges and the result of their trial.
struct TrialText {
    let language: Language
    let codeLists: CodeLists
    let offenses: [String: Offense]

    /// "Violation of the Child Welfare Act, violation of the Hokkaido Prefectural Ordinance of Juvenile Protection, assault".
    func offenses(_ charges: [ReportFacts.Charge]) -> String {
        let labels = charges.map(label)
        switch language {
        case .ja: return labels.joined(separator: "、")
        case .en: return capitalizingFirstLetter(labels.joined(separator: ", "))
        }
    }

    private func label(_ charge: ReportFacts.Charge) -> String {
        let offense = offenses[charge.offense] ?? codeLists.offenses[charge.offense]
        let prefecture = charge.detail.flatMap { codeLists.prefectures[$0] }
        switch language {
        case .en:
            let text = offense?.en ?? charge.offense
            // Only the prefectural ordinances have the placeholder: the rest need no search (Foundation's
            // `replacingOccurrences` took a fifth of a large report's time).
            guard text.utf8.contains(UInt8(ascii: "{")) else { return text }
            return text.replacing("{prefecture}", with: prefecture?.ordinanceEN ?? "Prefectural")
        case .ja:
            return (prefecture?.ja ?? "") + (offense?.ja ?? charge.offense)
        }
    }

    /// "1 year 6 months imprisonment, suspension of 3 years, 200,000 yen fine", or "Pending trial".
    func result(_ person: ReportFacts.PersonTrial) -> String {
        switch person.verdict {
        case .pending: return language == .ja ? "公判中" : "Pending trial"
        case .notGuilty: return language == .ja ? "無罪" : "Not guilty"
        case .dismissed: return language == .ja ? "公訴棄却" : "Dismissed"
        case .protectiveMeasure: return language == .ja ? "保護処分" : "Protective measure"
        case .guilty: break
        }
        var parts: [String] = []
        switch language {
        case .en:
            if let months = person.imprisonmentMonths { parts.append("\(duration(months)) imprisonment") }
            if let months = person.suspensionMonths { parts.append("suspension of \(duration(months))") }
            if let yen = person.fineYen { parts.append("\(Numerals.grouped(yen)) yen fine") }
            return parts.isEmpty ? "Guilty" : parts.joined(separator: ", ")
        case .ja:
            if let months = person.imprisonmentMonths { parts.append("懲役\(durationJA(months))") }
            if let months = person.suspensionMonths { parts.append("執行猶予\(durationJA(months))") }
            if let yen = person.fineYen { parts.append("罰金\(yen % 10_000 == 0 && yen > 0 ? "\(Numerals.grouped(yen / 10_000))万" : Numerals.grouped(yen))円") }
            return parts.isEmpty ? "有罪" : parts.joined(separator: "、")
        }
    }

    private func duration(_ months: Int) -> String {
        let years = months / 12, rest = months % 12
        var words: [String] = []
        if years > 0 { words.append("\(years) \(years == 1 ? "year" : "years")") }
        if rest > 0 || years == 0 { words.append("\(rest) \(rest == 1 ? "month" : "months")") }
        return words.joined(separator: " ")
    }

    private func durationJA(_ months: Int) -> String {
        let years = months / 12, rest = months % 12
        return (years > 0 ? "\(years)年" : "") + (rest > 0 || years == 0 ? "\(rest)月" : "")
    }

    private func capitalizingFirstLetter(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}

/// Numbers as the report writes them.
public enum Numerals {
    /// 1234567 → "1,234,567".
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return (value < 0 ? "-" : "") + result
    }

    private static let words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]

    /// One to ten (and zero) in words, larger numbers in digits: "nine", "97", "1,234".
    public static func english(_ value: Int) -> String {
        (0...10).contains(value) ? words[value] : grouped(value)
    }
}
