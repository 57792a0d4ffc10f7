/// The whole annual report (issue 16) as data: its outline (chapters `N`, items `(n)`, sub-items `i)`,
/// `a)`), the ministries' contributions placed under the items — written once, every other placement
/// rendered as a repeat — and the tables and figures with their captions and credits. Section 2 is not
/// held here: it is computed from the records (`AnnualReportBuilder`) and rendered in its place.

/// The number of an outline item as the report prints it: "3", "3 (7)", "3 (7) i)", "3 (3) i) a)".
/// Its parts are the chapter, then the item, sub-item and sub-sub-item as printed ("(7)", "i)", "a)").
public struct OutlineNumber: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public let parts: [String]

    public init(parts: [String]) { self.parts = parts }

    /// Reads "3 (7) i)", "3(7)i)", "3 (7) i" (the seed writes the last bracket off at times).
    public init?(_ text: some StringProtocol) {
        var parts: [String] = []
        var rest = Substring(text).drop(while: \.isWhitespace)
        guard let chapterEnd = rest.firstIndex(where: { !$0.isNumber }) ?? (rest.isEmpty ? nil : rest.endIndex),
              chapterEnd > rest.startIndex else { return nil }
        parts.append(String(rest[..<chapterEnd]))
        rest = rest[chapterEnd...].drop(while: \.isWhitespace)
        while !rest.isEmpty {
            if rest.first == "(" {
                guard let close = rest.firstIndex(of: ")"), rest[rest.index(after: rest.startIndex)..<close].allSatisfy(\.isNumber),
                      close > rest.index(after: rest.startIndex) else { return nil }
                parts.append(String(rest[...close]))
                rest = rest[rest.index(after: close)...]
            } else {
                let letters = rest.prefix(while: { $0.isLetter && $0.isASCII && $0.isLowercase })
                guard !letters.isEmpty, letters.count <= 5 else { return nil }
                rest = rest.dropFirst(letters.count)
                if rest.first == ")" { rest = rest.dropFirst() }
                parts.append(letters + ")")
            }
            rest = rest.drop(while: \.isWhitespace)
        }
        self.parts = parts
    }

    public var level: Int { parts.count }
    public var parent: OutlineNumber? { parts.count > 1 ? OutlineNumber(parts: Array(parts.dropLast())) : nil }
    public var chapter: Int { Int(parts[0]) ?? 0 }
    public var description: String { parts.joined(separator: " ") }

    public static func < (lhs: OutlineNumber, rhs: OutlineNumber) -> Bool { lhs.description < rhs.description }
}

/// One heading of the report.
public struct OutlineItem: Sendable, Hashable, Codable {
    public var number: OutlineNumber
    public var titleEN: String
    public var titleJA: String
    /// True when CTIP holds no Japanese original of the title and `titleJA` is its own translation.
    public var titleJAIsOwnTranslation: Bool
    /// The 2022 Action Plan item it reports on (the report follows the Action Plan's items: the same number).
    public var actionPlanItem: String

    public init(number: OutlineNumber, titleEN: String, titleJA: String, titleJAIsOwnTranslation: Bool = true, actionPlanItem: String? = nil) {
        self.number = number; self.titleEN = titleEN; self.titleJA = titleJA
        self.titleJAIsOwnTranslation = titleJAIsOwnTranslation; self.actionPlanItem = actionPlanItem ?? number.description
    }

    public func title(_ language: Language) -> String { language == .ja ? titleJA : titleEN }
}

/// What a contribution's text is in one language.
public enum TextStatus: String, Sendable, Codable, CaseIterable {
    /// Written in this language by the ministry.
    case original
    /// Translated from the other language.
    case translation
    /// Not held: the other language is shown, marked.
    case missing
}

/// Where a contribution stands in the year's workflow: the secretariat requests it, the ministry drafts
/// and submits it, the secretariat returns or accepts it. An imported published edition is all accepted.
public enum ContributionState: String, Sendable, Codable, CaseIterable {
    case requested, drafted, submitted, returned, accepted
}

/// One ministry's (or several ministries' jointly) text for one item and one year, written once.
public struct Contribution: Sendable, Hashable, Codable {
    public var id: String
    public var year: Int
    /// Agency codes of CTIP's agency directory; empty when the text names none.
    public var ministries: [String]
    /// Markdown-light text: paragraphs, `- ` bullets.
    public var textEN: String
    public var textJA: String
    public var statusEN: TextStatus
    public var statusJA: TextStatus
    /// The item it is written for (its first placement).
    public var home: OutlineNumber
    /// Where it was read from, for an imported edition (1-based line of the file).
    public var sourceLine: Int?
    public var state: ContributionState
    /// The year whose edition it was carried forward from, until its ministry confirms it: its entered
    /// figures are still that year's.
    public var carriedFrom: Int?

    public init(id: String, year: Int, ministries: [String], textEN: String, textJA: String = "", statusEN: TextStatus = .original,
                statusJA: TextStatus = .missing, home: OutlineNumber, sourceLine: Int? = nil, state: ContributionState = .accepted,
                carriedFrom: Int? = nil) {
        self.id = id; self.year = year; self.ministries = ministries; self.textEN = textEN; self.textJA = textJA
        self.statusEN = statusEN; self.statusJA = statusJA; self.home = home; self.sourceLine = sourceLine
        self.state = state; self.carriedFrom = carriedFrom
    }

    public func text(_ language: Language) -> String { language == .ja && statusJA != .missing ? textJA : textEN }
}

/// A contribution under an item. The first placement is the contribution's home; every other one
/// renders as "[Repeated from …]" with the home's text, so a repeat can never differ from its source.
public struct Placement: Sendable, Hashable, Codable {
    public var contributionID: String
    public var item: OutlineNumber
    /// Order under the item.
    public var position: Int
    public var isRepeat: Bool
    /// For an imported edition where repeats were copies: the marker and the text as printed there,
    /// so that `check` can show where a copy drifted from its source. Nil for placements made in CTIP.
    public var printedMarker: String?
    public var printedText: String?
    public var sourceLine: Int?

    public init(contributionID: String, item: OutlineNumber, position: Int, isRepeat: Bool, printedMarker: String? = nil,
                printedText: String? = nil, sourceLine: Int? = nil) {
        self.contributionID = contributionID; self.item = item; self.position = position; self.isRepeat = isRepeat
        self.printedMarker = printedMarker; self.printedText = printedText; self.sourceLine = sourceLine
    }
}

/// A table or a figure of the report: numbered in order of first appearance when rendered.
public struct Exhibit: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable { case table, figure }
    /// Stable identifier for cross-references ("see Figure {id}"): e.g. `figure-poster-cao`.
    public var id: String
    public var kind: Kind
    /// The number printed in an imported edition; CTIP renumbers on rendering.
    public var printedNumber: Int?
    public var captionEN: String
    public var captionJA: String
    /// "(Ministry of Justice)", as printed, without the brackets.
    public var credit: String?
    public var item: OutlineNumber
    /// Section 2's tables and figures are drawn by CTIP from the facts.
    public var computed: Bool
    public var sourceLine: Int?

    public init(id: String, kind: Kind, printedNumber: Int?, captionEN: String, captionJA: String = "", credit: String? = nil,
                item: OutlineNumber, computed: Bool = false, sourceLine: Int? = nil) {
        self.id = id; self.kind = kind; self.printedNumber = printedNumber; self.captionEN = captionEN; self.captionJA = captionJA
        self.credit = credit; self.item = item; self.computed = computed; self.sourceLine = sourceLine
    }
}

/// One year's whole report as held: the imported published edition, or a draft.
public struct WholeEdition: Sendable, Hashable, Codable {
    public var year: Int
    /// The day the Council approved it (August 26, 2025 for the report on 2024).
    public var approvedOn: Day?
    public var outline: [OutlineItem]
    public var contributions: [Contribution]
    public var placements: [Placement]
    public var exhibits: [Exhibit]
    /// The contents as the file printed them (headings in order), for an imported edition.
    public var printedContents: [String]
    /// The numbers the contributions' text names as `{number:KEY}`: entered by a ministry, or standing for
    /// one CTIP computes (`TextFigures`). One figure per key.
    public var figures: [TextFigure]

    public init(year: Int, approvedOn: Day? = nil, outline: [OutlineItem] = [], contributions: [Contribution] = [], placements: [Placement] = [],
                exhibits: [Exhibit] = [], printedContents: [String] = [], figures: [TextFigure] = []) {
        self.year = year; self.approvedOn = approvedOn; self.outline = outline; self.contributions = contributions
        self.placements = placements; self.exhibits = exhibits; self.printedContents = printedContents; self.figures = figures
    }

    enum CodingKeys: String, CodingKey {
        case year, approvedOn, outline, contributions, placements, exhibits, printedContents, figures
    }

    /// An edition encoded before it held figures has none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        year = try container.decode(Int.self, forKey: .year)
        approvedOn = try container.decodeIfPresent(Day.self, forKey: .approvedOn)
        outline = try container.decode([OutlineItem].self, forKey: .outline)
        contributions = try container.decode([Contribution].self, forKey: .contributions)
        placements = try container.decode([Placement].self, forKey: .placements)
        exhibits = try container.decode([Exhibit].self, forKey: .exhibits)
        printedContents = try container.decode([String].self, forKey: .printedContents)
        figures = try container.decodeIfPresent([TextFigure].self, forKey: .figures) ?? []
    }
}

extension WholeEdition {
    /// The next year's draft, started from this edition: the outline and the tables and figures as they
    /// are; every contribution carried forward as its ministry's draft (`carriedFrom`: its entered
    /// figures are still this year's until confirmed), under the same items, repeats still repeats.
    /// Section 2 and section 8 are computed from the new year's records when rendered, and so are the text's
    /// computed figures (they are kept as they are: rebound to the new year by being computed for it); the
    /// entered figures are kept with their values and marked not confirmed, for their ministries to confirm
    /// or replace.
    public func draft(forYear next: Int) -> WholeEdition {
        func id(_ old: String) -> String {
            let prefix = "C\(year)-"
            return old.hasPrefix(prefix) ? "C\(next)-" + old.dropFirst(prefix.count) : old
        }
        var draft = WholeEdition(year: next, outline: outline, exhibits: exhibits)
        draft.contributions = contributions.map { contribution in
            var carried = contribution
            carried.id = id(contribution.id); carried.year = next; carried.state = .drafted; carried.carriedFrom = year; carried.sourceLine = nil
            return carried
        }
        draft.placements = placements.map { placement in
            Placement(contributionID: id(placement.contributionID), item: placement.item, position: placement.position, isRepeat: placement.isRepeat)
        }
        draft.exhibits = exhibits.map { exhibit in var kept = exhibit; kept.sourceLine = nil; return kept }
        draft.figures = figures.map { figure in
            var carried = figure
            carried.contributionID = figure.contributionID.map(id)
            if figure.entered != nil { carried.confirmed = false }
            return carried
        }
        return draft
    }
}

/// A problem in an edition's file, at its place: `FILE:LINE: message`.
public struct EditionIssue: Error, Sendable, Hashable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let message: String
    public init(file: String, line: Int, message: String) { self.file = file; self.line = line; self.message = message }
    public var description: String { "\(file):\(line): \(message)" }
}

/// A file that could not be read as an edition: every problem, nothing kept.
public struct EditionRejected: Error, Sendable, CustomStringConvertible {
    public let issues: [EditionIssue]
    public init(issues: [EditionIssue]) { self.issues = issues }
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
