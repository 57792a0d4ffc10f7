/// Section 8 "Future efforts" as far as it restates section 2: generated from the same facts, never typed,
/// so it cannot say "96 cases of arrest" where section 2 counts 97. In the register of the published
/// section 8 ("the number of victims of trafficking in persons recognized in 2024 increased compared to that
/// in 2023. By nationality, the number of Japanese victims was 58."), followed by a closing sentence on the
/// 2022 Action Plan. The rest of the published section 8 is the Council's own text and is not written here.
public enum SectionEight {
    /// The paragraphs: the year's figures, then the closing sentence.
    public static func paragraphs(facts: ReportFacts, language: Language) -> [String] {
        // The same rules as section 2 (the previous year from records, or from published totals).
        let report = AnnualReportBuilder(language: language).build(from: facts)
        let year = report.year, previousYear = report.previousYear
        switch language {
        case .en:
            var sentences: [String] = []
            if report.hasRecords {
                let cleared = report.suspects.clearedCases.count
                sentences.append("In \(year), the arrest and punishment of suspects pertaining to trafficking in persons continued to be carried out, "
                                 + "and the number of cases of arrest was \(Numerals.english(cleared)).")
                let victims = report.victims.total
                let recognized = "The number of victims of trafficking in persons recognized in \(year)"
                if let previous = victims.previous, previous != victims.count {
                    let direction = victims.count > previous ? "increased" : "decreased"
                    sentences.append("\(recognized) \(direction) compared to that in \(previousYear), from \(Numerals.english(previous)) "
                                     + "to \(Numerals.english(victims.count)).")
                } else if victims.previous != nil {
                    sentences.append("\(recognized) was \(Numerals.english(victims.count)), the same as that in \(previousYear).")
                } else {
                    sentences.append("\(recognized) was \(Numerals.english(victims.count)).")
                }
                if victims.count > 0 {
                    sentences.append("By nationality, the number of Japanese victims was \(Numerals.english(report.victims.japanese.count)).")
                }
            } else {
                sentences.append("As CTIP holds no case-level records of \(year), the numbers of victims and of cases of arrest in that year "
                                 + "cannot be restated here.")
            }
            return [sentences.joined(separator: " "),
                    "The Government will continue to steadily promote measures to combat trafficking in persons based on the 2022 Action Plan."]
        case .ja:
            var sentences: [String] = []
            if report.hasRecords {
                let cleared = report.suspects.clearedCases.count
                sentences.append("\(year)年も、人身取引事犯の被疑者の検挙・処罰が引き続き行われ、検挙件数は\(Numerals.grouped(cleared))件であった。")
                let victims = report.victims.total
                let recognized = "\(year)年に認知した人身取引被害者数は\(Numerals.grouped(victims.count))人で"
                if let previous = victims.previous, previous != victims.count {
                    sentences.append("\(recognized)、\(previousYear)年（\(Numerals.grouped(previous))人）と比べ\(victims.count > previous ? "増加" : "減少")した。")
                } else if victims.previous != nil {
                    sentences.append("\(recognized)、\(previousYear)年と同数であった。")
                } else {
                    sentences.append("\(recognized)あった。")
                }
                if victims.count > 0 {
                    sentences.append("国籍別では、日本人被害者数は\(Numerals.grouped(report.victims.japanese.count))人であった。")
                }
            } else {
                sentences.append("CTIPには\(year)年の事案単位の記録がないため、同年の被害者数及び検挙件数はここに記載できない。")
            }
            return [sentences.joined(),
                    "政府は、引き続き、「人身取引対策行動計画2022」に基づき、人身取引対策を着実に推進していく。"]
        }
    }
}
