import Foundation

/// A number CTIP knows from its records or registers, for checking the text of an edition against it:
/// e.g. the 97 cleared cases of 2024, the 66 victims, the 58 Japanese victims, the 16 sending organisations
/// reported in FY2024, the 7 mutual legal assistance treaties in force.
public struct CheckedFigure: Sendable, Hashable {
    /// A stable name: "cleared_cases", "victims", "sending_organisations_reported".
    public var key: String
    public var value: Int
    /// The words a number of it stands next to in the text: "cases of arrest", "cleared cases"; in Japanese
    /// "検挙件数". Matched case-insensitively: "96 cases of arrest", "the number of cases of arrest was 96",
    /// 「検挙件数は96件」.
    public var unitWords: [String]
    /// The (calendar or fiscal) year the value counts.
    public var year: Int
    /// What the message says CTIP counts: "cleared cases".
    public var label: String

    public init(key: String, value: Int, unitWords: [String], year: Int, label: String) {
        self.key = key; self.value = value; self.unitWords = unitWords; self.year = year; self.label = label
    }

    /// The figures of section 2 that other sections restate: cleared cases, victims, Japanese victims.
    /// Empty for a year without case-level records (nothing to hold the text against).
    public static func records(_ facts: ReportFacts) -> [CheckedFigure] {
        guard facts.current.hasRecords else { return [] }
        // Counted once, by `ComputedFigures`: the text's `{number:…}` and the check agree.
        let figures = ComputedFigures.figures(from: facts)
        func count(_ key: String) -> Int {
            if case .count(let value)? = figures[key]?.value { return value }
            return 0
        }
        return [
            CheckedFigure(key: "cleared_cases", value: count("cleared_cases"),
                          unitWords: ["cases of arrest", "cleared cases", "cases were cleared", "検挙件数"], year: facts.year, label: "cleared cases"),
            CheckedFigure(key: "victims", value: count("victims"), unitWords: ["victims", "被害者数"], year: facts.year, label: "victims"),
            CheckedFigure(key: "japanese_victims", value: count("japanese_victims"), unitWords: ["Japanese victims", "日本人被害者数", "日本人被害者"],
                          year: facts.year, label: "Japanese victims"),
        ]
    }
}

/// One thing `check` found in an edition, at its place: `seed:1698: 8: contradicts the records: …`.
public struct CheckFinding: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// `{item:…}`, `{figure:…}`, `{table:…}`, `{number:…}`, "see 3 (7) i)", "(see (2))" or "[Repeated from X]" naming nothing.
        case unresolvedReference = "unresolved_reference"
        /// A number next to a figure's words, or an entered figure of a computed figure's key, that is not
        /// what the records count for that year.
        case contradictsRecords = "contradicts_records"
        /// An entered figure of the text (`TextFigure`) that does not say what it counts (a count's unit),
        /// over which period, or who states it.
        case figureWithoutUnitPeriodOrSource = "figure_without_unit_period_or_source"
        /// An entered figure carried forward from the last edition that its ministry has not confirmed: its
        /// value is still last year's.
        case figureNotConfirmed = "figure_not_confirmed"
        case missingLanguage = "missing_language"
        /// A copy printed as a repeat whose text is not its source's.
        case repeatDiffersFromSource = "repeat_differs_from_source"
        /// Printed "[Repeated from X]" where X holds no such text.
        case repeatOfNothing = "repeat_of_nothing"
        case notAccepted = "not_accepted"
        case exhibitNeverReferenced = "exhibit_never_referenced"
    }

    public let kind: Kind
    /// The outline number the finding is about ("3 (7) i)"); empty for a finding about the whole edition.
    public let item: String
    /// The line of the edition's file, for an imported edition.
    public let line: Int?
    public let message: String
    /// The file the line is in ("seed" for the imported published edition).
    public let file: String

    public init(kind: Kind, item: String, line: Int?, message: String, file: String = "seed") {
        self.kind = kind; self.item = item; self.line = line; self.message = message; self.file = file
    }

    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        return item.isEmpty ? "\(place): \(message)" : "\(place): \(item): \(message)"
    }
}

/// The check of an edition: what in it cannot be published as it is.
///
/// - (a) references that name nothing: `{item:…}`, `{figure:…}`, `{table:…}` tokens, "see 3 (7) i)", a relative
///   "(see (2))" read in the chapter of each placement (also where a repeat makes it name another item than
///   where it was written), "[Repeated from X]" markers; placements and exhibits under items not in the outline.
/// - (b) a number directly before a `CheckedFigure`'s words ("96 cases of arrest"), or after them in "the number
///   of cases of arrest was 96" (Japanese 「検挙件数は96件」), in a contribution's text or a printed copy, that
///   differs from the figure's value for the year the sentence is about: the nearest year written before the
///   number in the sentence, else one after it that is not a comparison ("than in 2023"), else the contribution's.
///   When two figures' words overlap ("Japanese victims" and "victims"), the longer words decide.
/// - (c) English text missing: one finding per contribution; Japanese text missing: ONE summary finding (an
///   imported English edition has no Japanese text at all).
/// - (d) a printed copy of a repeat whose words (letters and digits, lowercased) are not its source's, with both
///   lines and the first words that differ; a printed "[Repeated from …]" on a placement that is no repeat.
/// - (e) an exhibit (not computed) nothing refers to (`{figure:id}`, "Figure 14", "[Table 1]", 「図14」 by its
///   printed number) is reported only when its item holds no text either: the published report places its
///   figures beside the text they illustrate rather than citing them, so "never cited" alone would flag most of
///   them. Chapters 2 and 8, whose text CTIP writes, always hold text.
/// - (f) contributions not in `accepted` (nil: an imported edition, all accepted).
/// - (g) the text's figures (`TextFigures`): a `{number:KEY}` that names neither a figure of the edition nor
///   one of `computedFigures` (the figures CTIP computes for the year, `ComputedFigures`) is an unresolved
///   reference; an entered figure without a unit (a count's), a period or a source; an entered figure not
///   yet confirmed (carried forward: still last year's); an entered figure under a computed figure's key
///   whose value is not the computed one contradicts the records. Each at its contribution's home and line.
///
/// Findings come in outline order, then by line; the summary of missing Japanese text comes last.
public enum WholeReportCheck {
    public static func findings(edition: WholeEdition, computed: [CheckedFigure], computedFigures: [String: ReportFigure] = [:],
                                accepted: Set<String>? = nil, file: String = "seed") -> [CheckFinding] {
        var findings: [CheckFinding] = []
        func add(_ kind: CheckFinding.Kind, _ item: OutlineNumber?, _ line: Int?, _ message: String) {
            findings.append(CheckFinding(kind: kind, item: item?.description ?? "", line: line, message: message, file: file))
        }
        let numbers = Set(edition.outline.map(\.number))
        var contributions: [String: Contribution] = [:]
        for contribution in edition.contributions where contributions[contribution.id] == nil { contributions[contribution.id] = contribution }
        var homePlacement: [String: Placement] = [:]
        for placement in edition.placements where !placement.isRepeat && homePlacement[placement.contributionID] == nil {
            homePlacement[placement.contributionID] = placement
        }
        func home(_ contribution: Contribution) -> OutlineNumber { homePlacement[contribution.id]?.item ?? contribution.home }
        func homeLine(_ contribution: Contribution) -> Int? { contribution.sourceLine ?? homePlacement[contribution.id]?.sourceLine }
        let exhibitsByID = Dictionary(edition.exhibits.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let textFigures = TextFigures(edition.figures, computed: computedFigures)

        // (a) {kind:target} tokens, once per contribution.
        for contribution in edition.contributions {
            var texts: [String] = []
            if contribution.statusEN != .missing || !contribution.textEN.isEmpty { texts.append(contribution.textEN) }
            if contribution.statusJA != .missing { texts.append(contribution.textJA) }
            for reference in texts.flatMap(WholeReportText.references(in:)) {
                let resolves: Bool
                switch reference.kind {
                case .item: resolves = OutlineNumber(reference.target).map { numbers.contains($0) } ?? false
                case .figure: resolves = exhibitsByID[reference.target]?.kind == .figure
                case .table: resolves = exhibitsByID[reference.target]?.kind == .table
                case .number: resolves = textFigures.resolved(reference.target) != nil
                }
                if !resolves {
                    let what: String
                    switch reference.kind {
                    case .item: what = "there is no item \(OutlineNumber(reference.target)?.description ?? reference.target)"
                    case .figure: what = "there is no figure \"\(reference.target)\""
                    case .table: what = "there is no table \"\(reference.target)\""
                    case .number: what = unresolvedNumber(reference.target, figures: textFigures, year: edition.year)
                    }
                    add(.unresolvedReference, home(contribution), homeLine(contribution), "unresolved reference \(reference.written): \(what)")
                }
            }
        }

        // (a) placements: their contribution and item; references in words, read where each placement stands.
        for placement in edition.placements {
            guard let contribution = contributions[placement.contributionID] else {
                add(.unresolvedReference, placement.item, placement.sourceLine, "placement of contribution \"\(placement.contributionID)\", which does not exist")
                continue
            }
            if !numbers.contains(placement.item) {
                add(.unresolvedReference, placement.item, placement.sourceLine ?? homeLine(contribution),
                    "contribution \"\(contribution.id)\" is placed under \(placement.item), which is not in the outline")
            }
            let homeItem = home(contribution)
            let text = contribution.statusEN == .missing && contribution.textEN.isEmpty ? "" : contribution.textEN
            for reference in WholeReportText.wordReferences(in: text) {
                let here = reference.resolved(at: placement.item)
                let phrase = reference.kind == .see ? "\"see \(reference.written)\"" : "\"Repeated from \(reference.written)\""
                if reference.isAbsolute {
                    if !numbers.contains(here) {
                        add(.unresolvedReference, homeItem, homeLine(contribution), "\(phrase) names \(here), which is not in the outline")
                    }
                    continue
                }
                let line = placement.isRepeat ? (placement.sourceLine ?? homeLine(contribution)) : homeLine(contribution)
                if !numbers.contains(here) {
                    add(.unresolvedReference, placement.item, line, "\(phrase) read under \(placement.item) names \(here), which is not in the outline")
                } else if placement.isRepeat {
                    let written = reference.resolved(at: homeItem)
                    if written != here {
                        add(.unresolvedReference, placement.item, line,
                            "\(phrase) names \(here) in this repeat, but \(written) where it was written (\(homeItem))")
                    }
                }
            }
            // (a), (d) the marker printed on the placement.
            if let marker = placement.printedMarker {
                let targets = WholeReportText.wordReferences(in: marker).filter { $0.kind == .repeatedFrom }
                if let target = targets.first?.resolved(at: placement.item), !numbers.contains(target) {
                    add(.unresolvedReference, placement.item, placement.sourceLine, "\"\(marker)\" names \(target), which is not in the outline")
                } else if !placement.isRepeat {
                    let target = targets.first.map { $0.resolved(at: placement.item).description } ?? "its source"
                    add(.repeatOfNothing, placement.item, placement.sourceLine, "printed \"\(marker)\" but \(target) holds no such text")
                }
            }
            // (d) the copy printed for a repeat.
            if placement.isRepeat, let printed = placement.printedText {
                let words = Self.words(printed)
                let sources = [contribution.textEN, contribution.textJA].filter { !$0.isEmpty }.map(Self.words)
                if !sources.contains(words), let source = sources.first {
                    let index = zip(words, source).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(words.count, source.count)
                    let here = index < words.count ? "\"\(words[index])\"" : "nothing more"
                    let there = index < source.count ? "\"\(source[index])\"" : "nothing more"
                    let sourceLine = homeLine(contribution).map { " (line \($0))" } ?? ""
                    add(.repeatDiffersFromSource, placement.item, placement.sourceLine,
                        "the copy printed here differs from its source at \(homeItem)\(sourceLine): \(here) here, \(there) there (word \(index + 1))")
                }
            }
        }

        // (b) numbers that contradict the records.
        if !computed.isEmpty {
            for contribution in edition.contributions {
                var texts: [String] = []
                if contribution.statusEN != .missing { texts.append(contribution.textEN) }
                if contribution.statusJA != .missing { texts.append(contribution.textJA) }
                for text in texts {
                    for contradiction in contradictions(in: text, year: contribution.year, figures: computed) {
                        add(.contradictsRecords, home(contribution), homeLine(contribution), contradiction)
                    }
                }
            }
            for placement in edition.placements where placement.isRepeat {
                guard let printed = placement.printedText, let contribution = contributions[placement.contributionID] else { continue }
                for contradiction in contradictions(in: printed, year: contribution.year, figures: computed) {
                    add(.contradictsRecords, placement.item, placement.sourceLine, contradiction)
                }
            }
        }

        // (c) languages.
        var missingJapanese = 0
        for contribution in edition.contributions {
            if contribution.statusEN == .missing {
                add(.missingLanguage, home(contribution), homeLine(contribution),
                    "contribution \"\(contribution.id)\" has no English text (the Japanese original is shown)")
            }
            if contribution.statusJA == .missing { missingJapanese += 1 }
        }

        // (e) exhibits.
        let allTexts = edition.contributions.flatMap { [$0.textEN, $0.textJA] } + edition.placements.compactMap(\.printedText)
        let tokenTargets = Set(allTexts.flatMap(WholeReportText.references(in:)).filter { $0.kind == .figure || $0.kind == .table }.map(\.target))
        let itemsWithText = Set(edition.placements.filter { contributions[$0.contributionID] != nil }.map(\.item))
        for exhibit in edition.exhibits where !exhibit.computed {
            let label = "[\(exhibit.kind == .figure ? "Figure" : "Table") \(exhibit.printedNumber.map { String($0) } ?? "–")] \(exhibit.captionEN)"
            guard numbers.contains(exhibit.item) else {
                add(.unresolvedReference, exhibit.item, exhibit.sourceLine, "\(label) is placed under \(exhibit.item), which is not in the outline")
                continue
            }
            if tokenTargets.contains(exhibit.id) { continue }
            if let printed = exhibit.printedNumber, allTexts.contains(where: { Self.cites($0, kind: exhibit.kind, number: printed) }) { continue }
            let chapter = exhibit.item.chapter
            if chapter == 2 || chapter == 8 || itemsWithText.contains(exhibit.item) { continue }
            add(.exhibitNeverReferenced, exhibit.item, exhibit.sourceLine, "\(label) stands under \(exhibit.item), which holds no text, and nothing refers to it")
        }

        // (f) acceptance.
        if let accepted {
            for contribution in edition.contributions where !accepted.contains(contribution.id) {
                let by = contribution.ministries.isEmpty ? "" : " (\(contribution.ministries.joined(separator: ", ")))"
                add(.notAccepted, home(contribution), homeLine(contribution), "contribution \"\(contribution.id)\"\(by) is not accepted")
            }
        }

        // (g) the text's entered figures: complete, confirmed, and agreeing with the records.
        for figure in edition.figures {
            guard let entered = figure.entered else { continue }
            let owner = figure.contributionID.flatMap { contributions[$0] }
            let item = owner.map(home), line = owner.flatMap(homeLine)
            let period = entered.period.map { ", \($0.text(.en))" } ?? ""
            let label = "figure \"\(figure.key)\" (\(entered.text(.en))\(period))"
            let missing = entered.missingParts
            if !missing.isEmpty {
                let lacks = Self.list(missing.map { "no " + $0 })
                add(.figureWithoutUnitPeriodOrSource, item, line,
                    "\(label) has \(lacks): a figure of the text states what it counts, over which period and who says so")
            }
            if !figure.confirmed {
                let from = owner?.carriedFrom ?? edition.year - 1
                add(.figureNotConfirmed, item, line,
                    "\(label) is still the \(from) edition's: carried forward, it is last year's figure until its ministry confirms or replaces it")
            }
            if let recorded = computedFigures[figure.key], recorded.value != entered.value {
                let enteredPeriod = entered.period.map { " (\($0.text(.en)))" } ?? ""
                add(.contradictsRecords, item, line,
                    "contradicts the records: figure \"\(figure.key)\" is entered as \(entered.text(.en))\(enteredPeriod) "
                        + "but CTIP counts \(recorded.text(.en)) in \(recorded.period.text(.en))")
            }
        }

        // In outline order, then by line; each finding once.
        var order: [OutlineNumber: Int] = [:]
        for (index, item) in edition.outline.enumerated() where order[item.number] == nil { order[item.number] = index }
        func position(_ item: String) -> (Int, Int) {
            guard var number = OutlineNumber(item) else { return (Int.max, 0) }
            if let index = order[number] { return (index, 0) }
            while let parent = number.parent {
                if let index = order[parent] { return (index, 1) }
                number = parent
            }
            return (Int.max - 1, 0)
        }
        let kinds = CheckFinding.Kind.allCases
        var seen: Set<CheckFinding> = []
        var unique = findings.filter { seen.insert($0).inserted }
        unique = unique.enumerated().sorted { left, right in
            let a = position(left.element.item), b = position(right.element.item)
            if a != b { return a < b }
            let lineA = left.element.line ?? Int.max, lineB = right.element.line ?? Int.max
            if lineA != lineB { return lineA < lineB }
            let kindA = kinds.firstIndex(of: left.element.kind) ?? 0, kindB = kinds.firstIndex(of: right.element.kind) ?? 0
            if kindA != kindB { return kindA < kindB }
            return left.offset < right.offset
        }.map { $0.element }
        if missingJapanese > 0 {
            unique.append(CheckFinding(kind: .missingLanguage, item: "", line: nil,
                                       message: missingJapanese == 1 ? "1 contribution has no Japanese text (shown in English, marked)"
                                           : "\(missingJapanese) contributions have no Japanese text (shown in English, marked)",
                                       file: file))
        }
        return unique
    }

    // MARK: - Figures of the text

    /// Why `{number:key}` names nothing: no such figure, or a computed one that the year's records cannot give.
    static func unresolvedNumber(_ key: String, figures: TextFigures, year: Int) -> String {
        let standsFor = figures.declared[key]?.computedKey
        let computedKey = standsFor ?? key
        let prefix = standsFor.map { "figure \"\(key)\" stands for \"\($0)\", " } ?? ""
        if ComputedFigures.keys.contains(computedKey) {
            return prefix + (standsFor == nil ? "" : "and ") + "CTIP holds no records of \(year) to compute it"
        }
        if standsFor != nil { return prefix + "which CTIP does not compute for \(year)" }
        return "there is no figure \"\(key)\": the edition enters none of that key, and CTIP computes none"
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }

    // MARK: - Words of a text

    /// Letters and digits, lowercased, as words: what a copy is compared by.
    static func words(_ text: String) -> [String] {
        text.split { !($0.isLetter || $0.isNumber) }.map { $0.lowercased() }
    }

    /// "Figure 14", "[Figure 14]", 「図14」, "Table 1", 「表1」 (not "Figure 141").
    static func cites(_ text: String, kind: Exhibit.Kind, number: Int) -> Bool {
        let prefixes = kind == .figure ? ["Figure ", "図"] : ["Table ", "表"]
        for prefix in prefixes {
            var start = text.startIndex
            while let found = text.range(of: "\(prefix)\(number)", options: .caseInsensitive, range: start..<text.endIndex) {
                start = found.upperBound
                if found.upperBound == text.endIndex || !text[found.upperBound].isNumber { return true }
            }
        }
        return false
    }

    // MARK: - Numbers against the records

    private static let numberWords = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                                      "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
    private static let connectors = ["was", "were", "is", "are", "stood at", "totaled", "totalled", "reached", "came to"]

    private struct Mention {
        var figure: CheckedFigure
        var value: Int
        /// "96 cases of arrest", 「検挙件数は96」.
        var written: String
        var unit: Range<String.Index>
        var numberStart: String.Index
    }

    /// The messages for the numbers in `text` that contradict `figures`.
    static func contradictions(in text: String, year: Int, figures: [CheckedFigure]) -> [String] {
        var result: [String] = []
        for sentence in sentences(text) {
            var mentions: [Mention] = []
            for figure in figures {
                for unit in figure.unitWords where !unit.isEmpty {
                    mentions += self.mentions(of: unit, figure: figure, in: sentence)
                }
            }
            // The longer words decide: "Japanese victims was 58" is no count of all victims.
            let kept = mentions.filter { mention in
                !mentions.contains { other in
                    other.unit != mention.unit && other.unit.lowerBound <= mention.unit.lowerBound && other.unit.upperBound >= mention.unit.upperBound
                }
            }
            let years = self.years(in: sentence)
            for mention in kept {
                let about = governingYear(years, at: mention.numberStart) ?? year
                guard about == mention.figure.year, mention.value != mention.figure.value else { continue }
                result.append("contradicts the records: \"\(mention.written)\" but CTIP counts \(Numerals.grouped(mention.figure.value)) "
                              + "\(mention.figure.label) in \(mention.figure.year)")
            }
        }
        return result
    }

    /// Sentences: up to "。", a line break, or ". " / "; ".
    static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            current.append(character)
            let next: Character? = index + 1 < characters.count ? characters[index + 1] : nil
            let closes = character == "。" || character.isNewline
            let period = character == "." || character == ";"
            let followedBySpace = next.map { $0.isWhitespace } ?? true
            if closes || (period && followedBySpace) {
                if !current.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { result.append(current) }
                current = ""
            }
        }
        if !current.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { result.append(current) }
        return result
    }

    private static func mentions(of unit: String, figure: CheckedFigure, in sentence: String) -> [Mention] {
        var result: [Mention] = []
        let english = unit.first?.isASCII ?? true
        var searchStart = sentence.startIndex
        while let found = sentence.range(of: unit, options: .caseInsensitive, range: searchStart..<sentence.endIndex) {
            searchStart = found.upperBound
            if english {
                if found.upperBound < sentence.endIndex, sentence[found.upperBound].isLetter || sentence[found.upperBound].isNumber { continue }
                if found.lowerBound > sentence.startIndex {
                    let before = sentence[sentence.index(before: found.lowerBound)]
                    if before.isLetter || before.isNumber { continue }
                }
            }
            let unitText = String(sentence[found])
            // The number directly before: "96 cases of arrest", 「96件」.
            var before = sentence[..<found.lowerBound]
            let spaces = before.reversed().prefix { $0 == " " }.count
            if !english || spaces > 0 {
                before = before.dropLast(spaces)
                if let number = trailingNumber(before) {
                    result.append(Mention(figure: figure, value: number.value, written: english ? "\(number.written) \(unitText)" : number.written + unitText,
                                          unit: found, numberStart: number.start))
                    continue
                }
            }
            // The number after: "the number of cases of arrest was 96", 「検挙件数は96件」.
            var after = sentence[found.upperBound...].drop { $0 == " " }
            if english {
                guard sentence[..<found.lowerBound].lowercased().hasSuffix("number of ") else { continue }
                let lowered = after.lowercased()
                guard let connector = connectors.first(where: { lowered.hasPrefix($0 + " ") }) else { continue }
                after = after.dropFirst(connector.count).drop { $0 == " " }
            } else if after.first == "は" || after.first == "が" {
                after = after.dropFirst().drop { $0 == " " }
            }
            if let number = leadingNumber(after) {
                let written = english ? "\(number.written) \(unitText)" : String(sentence[found.lowerBound..<number.end])
                result.append(Mention(figure: figure, value: number.value, written: written, unit: found, numberStart: number.start))
            }
        }
        return result
    }

    /// "96", "1,234" or "sixteen" at the end of the text, as a whole word.
    private static func trailingNumber(_ text: Substring) -> (value: Int, written: String, start: String.Index)? {
        let digits = text.reversed().prefix { ($0.isASCII && $0.isNumber) || $0 == "," }.count
        if digits > 0 {
            var start = text.index(text.endIndex, offsetBy: -digits)
            while start < text.endIndex && text[start] == "," { start = text.index(after: start) }
            let written = text[start...]
            guard !written.isEmpty, !written.hasSuffix(","), let value = Int(written.replacingOccurrences(of: ",", with: "")) else { return nil }
            if start > text.startIndex {
                let before = text[text.index(before: start)]
                if before.isLetter || before == "." { return nil }
            }
            return (value, String(written), start)
        }
        let letters = text.reversed().prefix { $0.isLetter }.count
        guard letters > 0 else { return nil }
        let start = text.index(text.endIndex, offsetBy: -letters)
        let word = text[start...]
        guard let index = numberWords.firstIndex(of: word.lowercased()) else { return nil }
        return (index + 1, String(word), start)
    }

    /// "96", "1,234" or "sixteen" at the start of the text, as a whole word (not "96%").
    private static func leadingNumber(_ text: Substring) -> (value: Int, written: String, start: String.Index, end: String.Index)? {
        func isDigit(_ index: String.Index) -> Bool { index < text.endIndex && text[index].isASCII && text[index].isNumber }
        var end = text.startIndex
        while end < text.endIndex {
            let character = text[end]
            let groupComma = character == "," && end > text.startIndex && isDigit(text.index(after: end))
            guard isDigit(end) || groupComma else { break }
            end = text.index(after: end)
        }
        if end > text.startIndex {
            if end < text.endIndex {
                let next = text[end]
                let decimal = next == "." && isDigit(text.index(after: end))
                if (next.isLetter && next.isASCII) || next == "%" || decimal { return nil }
            }
            let written = text[text.startIndex..<end]
            guard let value = Int(written.replacingOccurrences(of: ",", with: "")) else { return nil }
            return (value, String(written), text.startIndex, end)
        }
        let word = text.prefix { $0.isLetter }
        guard !word.isEmpty, let index = numberWords.firstIndex(of: word.lowercased()) else { return nil }
        return (index + 1, String(word), text.startIndex, word.endIndex)
    }

    private struct YearMention {
        var position: String.Index
        var year: Int
        /// "than in 2023", "as in 2023", "compared to that in 2023": a comparison, not what the sentence is about.
        var comparison: Bool
    }

    /// The years written in a sentence: four digits from 1900 to 2100, "FY2024", 「2024年」.
    private static func years(in sentence: String) -> [YearMention] {
        var result: [YearMention] = []
        var index = sentence.startIndex
        while index < sentence.endIndex {
            guard sentence[index].isASCII && sentence[index].isNumber else { index = sentence.index(after: index); continue }
            var end = index
            while end < sentence.endIndex, sentence[end].isASCII && sentence[end].isNumber { end = sentence.index(after: end) }
            let run = sentence[index..<end]
            let precededByComma = index > sentence.startIndex && sentence[sentence.index(before: index)] == ","
            if run.count == 4, !precededByComma, let year = Int(run), (1900...2100).contains(year) {
                let before = sentence[..<index].lowercased()
                let comparison = [" than in ", " as in ", " that in ", " compared to ", " compared with ", " from "].contains { before.hasSuffix($0) }
                result.append(YearMention(position: index, year: year, comparison: comparison))
            }
            index = end
        }
        return result
    }

    /// The year a number at `position` is about: the nearest year before it, else the first after it that is
    /// no comparison; nil when the sentence names none.
    private static func governingYear(_ years: [YearMention], at position: String.Index) -> Int? {
        if let before = years.last(where: { $0.position < position }) { return before.year }
        return years.first { $0.position > position && !$0.comparison }?.year
    }
}
