/// The annual report's sentences on programme oversight — seed sections 3 (3) i), iii), iv) and v), and
/// their repeats in 5 (1) vi), 5 (1) vii) and 7 (1) ii) c) — written as the seed writes them, with every
/// figure computed from the records (`ctip oversight report`).
///
/// Two sets of figures, because the seed counts two ways: the OTIT's inspections, the revocations and
/// the sending organisations reported over fiscal year N, licences and MOCs as they stand on its last day
/// (March 31 of N+1); labour inspection and joint inspections over calendar year N.
///
/// One fact, one number: where the seed repeats a paragraph it sometimes changes it (section 7 reports
/// 15 sending organisations where 3 (3) iv) reports 16; 5 (1) vi) calls the 31 corrective
/// recommendations "correction orders"). A repeat here is the original paragraph, word for word, marked
/// as the seed marks it. The seed's "(preliminary figures)" is the ministries' caveat on their own totals
/// and is left out: these are counts of the records as they stand. Figures the seed gives that no record
/// holds (the 2,161,773 training plans accredited, the names of the MOC countries) are left out too.
public struct OversightReport: Sendable, Equatable {
    public let fiscalYear: Int
    /// Counted over FY `fiscalYear` (`OversightPeriod.fiscalYear`).
    public let fiscal: OversightFigures
    /// Counted over calendar year `fiscalYear` (`OversightPeriod.year`).
    public let calendar: OversightFigures

    public init(fiscalYear: Int, fiscal: OversightFigures, calendar: OversightFigures) {
        self.fiscalYear = fiscalYear
        self.fiscal = fiscal
        self.calendar = calendar
    }

    /// The two periods the report of FY N counts over, as the seed's report for FY N does: FY N and
    /// calendar year N.
    public static func periods(fiscalYear: Int) -> (fiscal: OversightPeriod, calendar: OversightPeriod)? {
        guard let fiscal = OversightPeriod.fiscalYear(fiscalYear), let calendar = OversightPeriod.year(fiscalYear) else { return nil }
        return (fiscal, calendar)
    }

    public struct Paragraph: Sendable, Equatable, Codable {
        /// The seed's reference, "3 (3) iv)": the same in every language, so that readers of the JSON can key on it.
        public let section: String
        /// The reference as the report in this language numbers its sections: "3 (3) iv)", 「3 (3) エ」.
        public let label: String
        public let text: String
    }

    /// The paragraphs in the seed's order. Languages other than Japanese are written in English, the
    /// seed's language.
    public func paragraphs(_ language: Language) -> [Paragraph] {
        let words = Self.words(language, fiscalYear: fiscalYear)
        func paragraph(_ section: Section, _ text: String, repeating original: Section? = nil) -> Paragraph {
            let marked = original.map { text + words.repeated(from: $0.label(language)) } ?? text
            return Paragraph(section: section.label(.en), label: section.label(language), text: marked)
        }
        let inspections = words.licencesAndInspections(fiscal), revocations = words.revocations(fiscal)
        let labour = words.labourInspection(calendar), joint = words.jointInspections(calendar)
        let sending = words.sendingCountries(fiscal)
        return [
            paragraph(.technicalInternTraining, inspections),
            paragraph(.technicalInternTraining, revocations),
            paragraph(.labourStandards, labour),
            paragraph(.labourStandards, joint),
            paragraph(.sendingCountries, sending),
            paragraph(.specifiedSkilledWorkers, words.specifiedSkilledWorkerAgreements(fiscal)),
            paragraph(.viciousEmployers, labour, repeating: .labourStandards),
            paragraph(.viciousEmployers, joint, repeating: .labourStandards),
            paragraph(.labourExploitation, revocations, repeating: .technicalInternTraining),
            paragraph(.workingWithSendingCountries, sending, repeating: .sendingCountries),
        ]
    }

    /// Each paragraph as "REF  text", a blank line between them.
    public func text(_ language: Language) -> String {
        paragraphs(language).map { "\($0.label)  \($0.text)" }.joined(separator: "\n\n")
    }

    /// What `ctip oversight report --json` prints: the paragraphs and the figures they were written from
    /// (the figures' keys are those of `ctip oversight stats --json`).
    public struct JSONDocument: Sendable, Equatable, Codable {
        public let fiscalYear: Int
        /// The language the paragraphs are written in.
        public let language: String
        public let paragraphs: [Paragraph]
        public let fiscal: OversightFigures
        public let calendar: OversightFigures
    }

    public func json(_ language: Language) -> JSONDocument {
        JSONDocument(fiscalYear: fiscalYear, language: language == .ja ? Language.ja.rawValue : Language.en.rawValue,
                     paragraphs: paragraphs(language), fiscal: fiscal, calendar: calendar)
    }

    static func words(_ language: Language, fiscalYear: Int) -> any OversightReportWords {
        if language == .ja { return JapaneseOversightWords(fiscalYear: fiscalYear) }
        return EnglishOversightWords(fiscalYear: fiscalYear)
    }

    /// A section of the seed, numbered as the English report numbers it ("7 (1) ii) c)") and as the
    /// Japanese one does (「7 (1) イ (ウ)」, as `JapaneseReportPhrases` numbers section 2).
    struct Section: Sendable {
        let chapter: Int
        let part: Int
        let item: Int
        var letter: Int? = nil

        static let technicalInternTraining = Section(chapter: 3, part: 3, item: 1)
        static let labourStandards = Section(chapter: 3, part: 3, item: 3)
        static let sendingCountries = Section(chapter: 3, part: 3, item: 4)
        static let specifiedSkilledWorkers = Section(chapter: 3, part: 3, item: 5)
        static let viciousEmployers = Section(chapter: 5, part: 1, item: 6)
        static let labourExploitation = Section(chapter: 5, part: 1, item: 7)
        static let workingWithSendingCountries = Section(chapter: 7, part: 1, item: 2, letter: 3)

        private static let roman = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]
        private static let kana = ["ア", "イ", "ウ", "エ", "オ", "カ", "キ", "ク", "ケ", "コ"]
        private static let letters = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]

        func label(_ language: Language) -> String {
            let head = "\(chapter) (\(part)) "
            if language == .ja {
                return head + Self.kana[item - 1] + (letter.map { " (" + Self.kana[$0 - 1] + ")" } ?? "")
            }
            return head + Self.roman[item - 1] + ")" + (letter.map { " " + Self.letters[$0 - 1] + ")" } ?? "")
        }
    }
}
