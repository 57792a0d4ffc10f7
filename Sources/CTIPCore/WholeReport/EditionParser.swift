import Foundation

/// Reads a published edition of the annual report — the seed: a provisional English translation in loose
/// Markdown — into a `WholeEdition` (issue 16), all or nothing.
///
/// - The contents (from `## Contents` to the first heading of the body) give the outline in order: chapters
///   `1`, items `(1)`, sub-items `i)`, each with its page; the list of figures and tables at their end gives the
///   printed captions and credits.
/// - The body is walked line by line. A line is a heading only when it is the *next* heading of the contents
///   (its number as printed, its title loosely alike), so poster text that starts with "(7)" or "1." never is;
///   a heading missing from the body is an issue at its line of the contents and the file is refused.
///   Under 6 (3) i) and 7 (1) ii) the body prints sub-sub-items `a)`, `b)`… the contents do not list: they are
///   read in letter order and join the outline.
/// - Under each heading, a bullet (`- `, `○`) with what continues it — lines under it, indented sub-bullets,
///   paragraphs up to the next bullet, text split by a page break — is one contribution. Paragraphs directly
///   under a heading (the Introduction, section 8, 1 (1), 1 (2)) are one contribution each. Chapter 2 is
///   computed by CTIP: its headings and exhibits are kept, its text is not.
/// - `[Repeated from X]` marks the bullet directly above it (and the ones before it since the last heading,
///   caption or marker, as long as each is found under X) as a repeat of a contribution under X: the same
///   text, or else the most alike (shared words, Jaccard ≥ 0.5). A repeat is a placement of that contribution
///   with the marker and the text as printed; a marker whose text is not found under X leaves the bullet its
///   own contribution, the marker kept in its placement for `check`.
/// - A caption `[Figure N] …` / `[Table N] …` is an exhibit, captioned and credited as the contents' list
///   prints it. What follows a caption is the figure's own text (posters, leaflets, table rows), not the
///   report's, until the next heading, caption or marker, or — in chapters 3–7 — a bullet that names a ministry
///   or agency; in the prose chapters 1 and 8 a paragraph of prose ends a figure too.
public enum EditionParser {
    public static func parse(_ text: String, file: String, year: Int, approvedOn: Day?) throws(EditionRejected) -> WholeEdition {
        let lines = splitLines(text)
        guard let contentsIndex = lines.firstIndex(where: isContentsHeading) else {
            throw EditionRejected(issues: [EditionIssue(file: file, line: 1, message: "no `## Contents` heading: not an edition of the report")])
        }
        var issues: [EditionIssue] = []
        let contents = readContents(lines, heading: contentsIndex, file: file, issues: &issues)
        if contents.entries.isEmpty {
            issues.append(EditionIssue(file: file, line: contentsIndex + 1, message: "the contents list no heading"))
        }
        var walker = BodyWalker(lines: lines, entries: contents.entries, file: file)
        walker.walk(from: contents.bodyStart)
        issues += walker.issues
        guard issues.isEmpty else {
            let ordered = issues.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
            throw EditionRejected(issues: ordered)
        }

        // Repeats, over the whole body: a marker may name an item before or after it.
        let resolution = resolveRepeats(units: walker.units, markers: walker.markers)
        var contributions: [Contribution] = []
        var identifiers: [Int: String] = [:]
        for (index, unit) in walker.units.enumerated() where resolution.repeats[index] == nil {
            let id = "C\(year)-" + zeroPadded(contributions.count + 1, width: 4)
            identifiers[index] = id
            contributions.append(Contribution(id: id, year: year, ministries: ministries(in: unit.text), textEN: unit.text, textJA: "",
                                              statusEN: .original, statusJA: .missing, home: unit.item, sourceLine: unit.line))
        }
        var placements: [Placement] = []
        var positions: [OutlineNumber: Int] = [:]
        for (index, unit) in walker.units.enumerated() {
            let position = (positions[unit.item] ?? 0) + 1
            positions[unit.item] = position
            if let repeated = resolution.repeats[index], let id = identifiers[repeated.source] {
                placements.append(Placement(contributionID: id, item: unit.item, position: position, isRepeat: true,
                                            printedMarker: repeated.marker.printed, printedText: unit.text, sourceLine: unit.line))
            } else if let id = identifiers[index] {
                placements.append(Placement(contributionID: id, item: unit.item, position: position, isRepeat: false,
                                            printedMarker: resolution.unresolved[index]?.printed, sourceLine: unit.line))
            }
        }

        let outline = walker.outline.map { heading in
            OutlineItem(number: heading.number, titleEN: heading.title, titleJA: OutlineTitles.japanese[heading.number.description] ?? heading.title,
                        titleJAIsOwnTranslation: true)
        }
        let firstItem = walker.outline.first?.number ?? OutlineNumber(parts: ["1"])
        let exhibits = makeExhibits(captions: walker.captions, contents: contents, firstItem: firstItem)
        return WholeEdition(year: year, approvedOn: approvedOn, outline: outline, contributions: contributions, placements: placements,
                            exhibits: exhibits, printedContents: contents.entries.map { "\($0.number.description) \($0.title)" })
    }

    // MARK: - What is read

    /// A heading of the contents, with its line and page.
    struct ContentsEntry {
        let number: OutlineNumber
        let title: String
        let line: Int
        let page: Int
        let normalizedTitle: String
    }

    /// A figure or table of the contents' list.
    struct ListedExhibit {
        let kind: Exhibit.Kind
        let number: Int
        let caption: String
        let line: Int
        let page: Int
    }

    struct Contents {
        var entries: [ContentsEntry] = []
        var exhibits: [ListedExhibit] = []
        /// Index (0-based) of the first line after the contents.
        var bodyStart: Int
    }

    /// A bullet with what continues it, or a paragraph of prose: one contribution unless it is a repeat.
    struct TextUnit {
        let item: OutlineNumber
        var text: String
        let line: Int
        let isBullet: Bool
    }

    /// A `[Repeated from X]` line and the units since the last heading, caption or marker.
    struct RepeatMarker {
        let printed: String
        let target: String
        let line: Int
        let units: Range<Int>
    }

    struct BodyCaption {
        let kind: Exhibit.Kind
        let number: Int
        let caption: String
        let item: OutlineNumber?
        let line: Int
    }

    struct ResolvedRepeat {
        let source: Int
        let marker: RepeatMarker
    }

    // MARK: - Contents

    static func isContentsHeading(_ line: String) -> Bool {
        trim(line).hasPrefix("#") && stripMarkup(line) == "Contents"
    }

    static func readContents(_ lines: [String], heading: Int, file: String, issues: inout [EditionIssue]) -> Contents {
        var contents = Contents(bodyStart: lines.count)
        var chapter: OutlineNumber?
        var item: OutlineNumber?
        for index in (heading + 1)..<max(heading + 1, lines.count) {
            let trimmed = trim(lines[index])
            if trimmed.isEmpty { continue }
            guard !trimmed.hasPrefix("#"), let entry = contentsEntry(lines[index]) else {
                contents.bodyStart = index
                break
            }
            let line = index + 1
            if let listed = caption(entry.text) {
                contents.exhibits.append(ListedExhibit(kind: listed.kind, number: listed.number, caption: listed.rest, line: line, page: entry.page))
                continue
            }
            guard let part = outlinePart(entry.text) else {
                issues.append(EditionIssue(file: file, line: line, message: "contents line `\(entry.text)` is neither a heading nor a figure or table"))
                continue
            }
            let number: OutlineNumber
            switch part.level {
            case 1:
                number = OutlineNumber(parts: [part.part])
                chapter = number
                item = nil
            case 2:
                guard let chapter else {
                    issues.append(EditionIssue(file: file, line: line, message: "contents item `\(entry.text)` comes before any chapter"))
                    continue
                }
                number = OutlineNumber(parts: chapter.parts + [part.part])
                item = number
            default:
                guard let item else {
                    issues.append(EditionIssue(file: file, line: line, message: "contents sub-item `\(entry.text)` comes before any item"))
                    continue
                }
                number = OutlineNumber(parts: item.parts + [part.part])
            }
            contents.entries.append(ContentsEntry(number: number, title: part.title, line: line, page: entry.page,
                                                  normalizedTitle: normalized(part.title)))
        }
        return contents
    }

    /// `<b>1</b>\t<b>Introduction</b>\t<b>1</b>`, `4\tPromotion … .....\t41`, `iv) Provision … .....\t65`:
    /// the text without bold, dot leaders and page, and the page.
    static func contentsEntry(_ raw: String) -> (text: String, page: Int)? {
        let text = trim(raw.replacingOccurrences(of: "<b>", with: "").replacingOccurrences(of: "</b>", with: ""))
        let digitCount = text.reversed().prefix(while: { $0.isASCII && $0.isNumber }).count
        guard digitCount > 0, let page = Int(String(text.suffix(digitCount))) else { return nil }
        let beforePage = text.dropLast(digitCount)
        guard let separator = beforePage.last, separator == " " || separator == "\t" else { return nil }
        var title = trim(String(beforePage))
        while true {
            let dots = title.reversed().prefix(while: { $0 == "." }).count
            if dots >= 2 {
                title = trim(String(title.dropLast(dots)))
            } else if dots == 1, title.dropLast().last?.isWhitespace == true {
                title = trim(String(title.dropLast()))
            } else {
                break
            }
        }
        // "etc.....": the leader took the abbreviation's full stop.
        if title.hasSuffix(" etc") || title.hasSuffix(",etc") { title += "." }
        title = title.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !title.isEmpty else { return nil }
        return (title, page)
    }

    /// "4 Promotion…" (chapter), "(1) Thorough control" (item), "iv) Provision…" (sub-item).
    static func outlinePart(_ text: String) -> (level: Int, part: String, title: String)? {
        let digits = text.prefix(while: { $0.isASCII && $0.isNumber })
        if !digits.isEmpty {
            let rest = text.dropFirst(digits.count)
            guard let first = rest.first, first.isWhitespace else { return nil }
            let title = trim(String(rest))
            guard !title.isEmpty else { return nil }
            return (1, String(digits), title)
        }
        if text.hasPrefix("(") {
            let inner = text.dropFirst().prefix(while: { $0.isASCII && $0.isNumber })
            let rest = text.dropFirst(1 + inner.count)
            guard !inner.isEmpty, rest.first == ")" else { return nil }
            let title = trim(String(rest.dropFirst()))
            guard !title.isEmpty else { return nil }
            return (2, "(\(inner))", title)
        }
        let letters = text.prefix(while: { $0.isASCII && $0.isLowercase })
        let rest = text.dropFirst(letters.count)
        guard !letters.isEmpty, letters.count <= 5, rest.first == ")" else { return nil }
        let title = trim(String(rest.dropFirst()))
        guard !title.isEmpty else { return nil }
        return (3, "\(letters))", title)
    }

    // MARK: - Body

    struct BodyWalker {
        let lines: [String]
        let entries: [ContentsEntry]
        let file: String
        var issues: [EditionIssue] = []
        var outline: [(number: OutlineNumber, title: String)] = []
        var units: [TextUnit] = []
        var markers: [RepeatMarker] = []
        var captions: [BodyCaption] = []

        /// The next heading of the contents to look for.
        private var expected = 0
        private var current: OutlineNumber?
        private var subLetter: Character?
        /// The unit that lines continue, if any.
        private var reading: Int?
        /// The first unit since the last heading, caption or marker.
        private var runStart = 0
        /// Inside a figure or table: its text is not the report's.
        private var exhibit: Exhibit.Kind?
        private var previousBlank = true
        private var captioned: Set<String> = []

        init(lines: [String], entries: [ContentsEntry], file: String) {
            self.lines = lines; self.entries = entries; self.file = file
        }

        mutating func walk(from start: Int) {
            for index in start..<max(start, lines.count) { read(index) }
            reportMissing(upTo: entries.count)
        }

        private mutating func reportMissing(upTo end: Int) {
            guard expected < end else { return }
            for entry in entries[expected..<end] {
                let words = entry.title.split(separator: " ")
                let label = entry.number.description + " " + words.prefix(2).joined(separator: " ") + (words.count > 2 ? "…" : "")
                issues.append(EditionIssue(file: file, line: entry.line, message: "heading `\(label)` of the contents not found in the body"))
            }
        }

        private mutating func enter(_ number: OutlineNumber, title: String) {
            outline.append((number: number, title: title))
            current = number
            reading = nil
            exhibit = nil
            runStart = units.count
        }

        private func headingIndex(_ plain: String) -> Int? {
            guard expected < entries.count else { return nil }
            if EditionParser.heading(plain, matches: entries[expected], strict: false) { return expected }
            for later in (expected + 1)..<entries.count where EditionParser.heading(plain, matches: entries[later], strict: true) {
                return later
            }
            return nil
        }

        /// "a) Cabinet Office", "##### **b) National Police Agency**", "- f) Ministry of Health…": the next letter only.
        private func subHeading(_ plain: String) -> (letter: Character, title: String)? {
            var text = Substring(plain)
            if text.hasPrefix("- ") { text = text.dropFirst(2).drop(while: \.isWhitespace) }
            let next: Character
            if let subLetter, let value = subLetter.asciiValue { next = Character(UnicodeScalar(value + 1)) } else { next = "a" }
            guard text.first == next else { return nil }
            let rest = text.dropFirst()
            guard rest.first == ")", let space = rest.dropFirst().first, space.isWhitespace else { return nil }
            let title = EditionParser.trim(String(rest.dropFirst()))
            guard !title.isEmpty, title.count <= 200 else { return nil }
            return (next, title)
        }

        private mutating func read(_ index: Int) {
            let raw = lines[index]
            let line = index + 1
            let text = EditionParser.trim(raw)
            if text.isEmpty {
                previousBlank = true
                return
            }
            let afterBlank = previousBlank
            previousBlank = false
            let plain = EditionParser.stripMarkup(text)

            if let found = headingIndex(plain) {
                reportMissing(upTo: found)
                enter(entries[found].number, title: entries[found].title)
                expected = found + 1
                subLetter = nil
                return
            }
            if let current, current.level >= 3, let sub = subHeading(plain) {
                enter(OutlineNumber(parts: Array(current.parts.prefix(3)) + ["\(sub.letter))"]), title: sub.title)
                subLetter = sub.letter
                return
            }
            if let found = EditionParser.caption(plain) {
                reading = nil
                runStart = units.count
                exhibit = found.kind
                let key = "\(found.kind.rawValue)-\(found.number)"
                if !captioned.contains(key) {
                    captioned.insert(key)
                    var full = found.rest
                    var next = index
                    while lines[next].hasSuffix("  "), next + 1 < lines.count, !EditionParser.trim(lines[next + 1]).isEmpty {
                        next += 1
                        full += " " + EditionParser.stripMarkup(lines[next])
                    }
                    captions.append(BodyCaption(kind: found.kind, number: found.number, caption: EditionParser.trim(full), item: current, line: line))
                }
                return
            }
            if plain.hasPrefix("[Repeated from") {
                var target = EditionParser.trim(String(plain.dropFirst("[Repeated from".count)))
                if target.hasSuffix("]") { target = EditionParser.trim(String(target.dropLast())) }
                if current?.chapter != 2 {
                    markers.append(RepeatMarker(printed: text, target: target, line: line, units: runStart..<units.count))
                }
                reading = nil
                exhibit = nil
                runStart = units.count
                return
            }
            guard let item = current, item.chapter != 2 else { return }

            let indent = raw.prefix(while: \.isWhitespace).count
            let isBullet = text.hasPrefix("- ") || text.hasPrefix("○")
            let bulletText = EditionParser.trim(String(text.hasPrefix("- ") ? text.dropFirst(2) : text.dropFirst()))
            let proseChapter = item.chapter == 1 || item.chapter == 8

            if let kind = exhibit {
                if isBullet && indent == 0 {
                    // The report's own bullets say who acts; a poster's do not.
                    guard text.hasPrefix("○") || !EditionParser.ministries(in: bulletText).isEmpty else { return }
                    exhibit = nil
                } else if proseChapter, kind == .figure, !isBullet, !raw.contains("\t"), !text.hasPrefix("※"), !text.hasPrefix("*"), text.count >= 80 {
                    exhibit = nil
                } else {
                    return
                }
            }
            // A rule before footnotes, and the footnotes (`<sup>1</sup> Contains …`): not the report's text.
            if text.count >= 3, text.allSatisfy({ $0 == "-" }) { return }
            if EditionParser.isFootnote(text) { return }

            if isBullet {
                if indent > 0, let continued = reading {
                    units[continued].text += "\n- " + bulletText
                } else {
                    units.append(TextUnit(item: item, text: bulletText, line: line, isBullet: true))
                    reading = units.count - 1
                }
                return
            }
            let paragraph = text.hasPrefix("#") ? plain : text
            guard let continued = reading, let last = units[continued].text.last else {
                units.append(TextUnit(item: item, text: paragraph, line: line, isBullet: false))
                reading = units.count - 1
                return
            }
            let previous = units[continued].text
            if !afterBlank {
                units[continued].text += "\n" + paragraph
            } else if last == "-", previous.dropLast().last?.isLetter == true {
                // "the “Foreign-" + page break + "Language Human Rights Hotline”"
                units[continued].text += paragraph
            } else if last.isLetter || last.isNumber || last == "," || paragraph.first?.isLowercase == true {
                // A sentence cut by a page break.
                units[continued].text += " " + paragraph
            } else if units[continued].isBullet && !proseChapter {
                units[continued].text += "\n\n" + paragraph
            } else {
                units.append(TextUnit(item: item, text: paragraph, line: line, isBullet: false))
                reading = units.count - 1
            }
        }
    }

    /// Is `plain` (a body line without markup) the heading `entry`? Its number as the body prints it — the
    /// last part: "4", "(7)", "i)" — then its title: loosely (the first 20 letters and digits) for the next
    /// heading, exactly up to the shorter of the two for a later one.
    static func heading(_ plain: String, matches entry: ContentsEntry, strict: Bool) -> Bool {
        guard let last = entry.number.parts.last, plain.hasPrefix(last) else { return false }
        let rest = plain.dropFirst(last.count)
        if entry.number.level == 1 {
            guard let first = rest.first, first.isWhitespace else { return false }
        }
        let title = entry.normalizedTitle
        let printed = normalized(String(rest))
        guard !title.isEmpty, !printed.isEmpty else { return false }
        if strict { return title.hasPrefix(printed) || printed.hasPrefix(title) }
        let common = zip(title, printed).prefix(while: { pair in pair.0 == pair.1 }).count
        return common >= min(20, title.count, printed.count)
    }

    /// `[Figure 8] Outline…`, `[Table 1] Main…`, `[Figure 38 The Protection … (excerpt)]` (the seed's misplaced bracket).
    static func caption(_ plain: String) -> (kind: Exhibit.Kind, number: Int, rest: String)? {
        let kind: Exhibit.Kind
        let prefixLength: Int
        if plain.hasPrefix("[Figure") {
            kind = .figure; prefixLength = 7
        } else if plain.hasPrefix("[Table") {
            kind = .table; prefixLength = 6
        } else {
            return nil
        }
        var rest = plain.dropFirst(prefixLength).drop(while: \.isWhitespace)
        let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty, let number = Int(digits) else { return nil }
        rest = rest.dropFirst(digits.count)
        var closed = false
        if rest.first == "]" {
            closed = true
            rest = rest.dropFirst()
        }
        var text = trim(String(rest))
        if !closed, text.hasSuffix("]") { text = trim(String(text.dropLast())) }
        return (kind, number, text)
    }

    static func isFootnote(_ text: String) -> Bool {
        guard text.hasPrefix("<sup>") else { return false }
        let rest = text.dropFirst(5)
        let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
        return !digits.isEmpty && rest.dropFirst(digits.count).hasPrefix("</sup>")
    }

    // MARK: - Repeats

    static func resolveRepeats(units: [TextUnit], markers: [RepeatMarker]) -> (repeats: [Int: ResolvedRepeat], unresolved: [Int: RepeatMarker]) {
        let markedLast = Set(markers.compactMap { $0.units.last })
        let unitWords = units.map { words($0.text) }
        let unitNorms = units.map { normalized($0.text) }
        var repeats: [Int: ResolvedRepeat] = [:]
        var unresolved: [Int: RepeatMarker] = [:]
        var sources: Set<Int> = []
        for marker in markers {
            guard let last = marker.units.last else { continue }
            var candidates: [Int] = []
            if let target = OutlineNumber(marker.target) {
                candidates = units.indices.filter { index in
                    !markedLast.contains(index) && units[index].item.chapter != 2 && isWithin(units[index].item, target)
                }
            }
            guard let source = bestSource(for: last, among: candidates, excluding: repeats, norms: unitNorms, words: unitWords) else {
                unresolved[last] = marker
                continue
            }
            repeats[last] = ResolvedRepeat(source: source, marker: marker)
            sources.insert(source)
            for earlier in marker.units.dropLast().reversed() {
                guard repeats[earlier] == nil, !sources.contains(earlier),
                      let found = bestSource(for: earlier, among: candidates, excluding: repeats, norms: unitNorms, words: unitWords) else { break }
                repeats[earlier] = ResolvedRepeat(source: found, marker: marker)
                sources.insert(found)
            }
        }
        return (repeats, unresolved)
    }

    /// The same text (letters and digits) under the target, or else the most alike by shared words (Jaccard ≥ 0.5).
    static func bestSource(for unit: Int, among candidates: [Int], excluding repeats: [Int: ResolvedRepeat],
                           norms: [String], words: [Set<String>]) -> Int? {
        let available = candidates.filter { repeats[$0] == nil && $0 != unit }
        if let same = available.first(where: { norms[$0] == norms[unit] }) { return same }
        var best: Int?
        var bestScore = 0.0
        for candidate in available {
            let score = similarity(words[candidate], words[unit])
            if score > bestScore {
                best = candidate
                bestScore = score
            }
        }
        return bestScore >= 0.5 ? best : nil
    }

    static func isWithin(_ item: OutlineNumber, _ target: OutlineNumber) -> Bool {
        item.parts.count >= target.parts.count && Array(item.parts.prefix(target.parts.count)) == target.parts
    }

    static func similarity(_ a: Set<String>, _ b: Set<String>) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        return Double(a.intersection(b).count) / Double(a.union(b).count)
    }

    // MARK: - Exhibits

    static func makeExhibits(captions: [BodyCaption], contents: Contents, firstItem: OutlineNumber) -> [Exhibit] {
        var listed: [String: ListedExhibit] = [:]
        for entry in contents.exhibits where listed["\(entry.kind.rawValue)-\(entry.number)"] == nil {
            listed["\(entry.kind.rawValue)-\(entry.number)"] = entry
        }
        func exhibit(kind: Exhibit.Kind, number: Int, bodyCaption: String?, item: OutlineNumber, line: Int) -> Exhibit {
            let id = "\(kind.rawValue)-\(number)"
            let printed = listed[id]?.caption ?? bodyCaption ?? ""
            let split = splitCredit(printed)
            var credit = split.credit
            if credit == nil, listed[id] != nil, let bodyCaption {
                credit = splitCredit(bodyCaption).credit
            }
            return Exhibit(id: id, kind: kind, printedNumber: number, captionEN: split.caption, captionJA: ExhibitCaptions.japanese[id] ?? "", credit: credit,
                           item: item, computed: item.chapter == 2, sourceLine: line)
        }
        var exhibits: [Exhibit] = []
        var placed: Set<String> = []
        for caption in captions {
            placed.insert("\(caption.kind.rawValue)-\(caption.number)")
            exhibits.append(exhibit(kind: caption.kind, number: caption.number, bodyCaption: caption.caption,
                                    item: caption.item ?? firstItem, line: caption.line))
        }
        // Listed in the contents but not captioned in the body: under the last heading on or before its page.
        for entry in contents.exhibits where !placed.contains("\(entry.kind.rawValue)-\(entry.number)") {
            placed.insert("\(entry.kind.rawValue)-\(entry.number)")
            let item = contents.entries.last(where: { $0.page <= entry.page })?.number ?? firstItem
            exhibits.append(exhibit(kind: entry.kind, number: entry.number, bodyCaption: nil, item: item, line: entry.line))
        }
        return exhibits
    }

    private static let qualifiers: Set<String> = ["excerpt", "in english", "in japanese"]

    /// "For all Foreign Nationals Working in Japan (in English) (Ministry of Health, Labour and Welfare) (excerpt)" →
    /// ("For all Foreign Nationals Working in Japan (in English) (excerpt)", "Ministry of Health, Labour and Welfare"):
    /// the last bracketed part before the qualifiers, when it names a ministry, an agency or an organisation.
    static func splitCredit(_ caption: String) -> (caption: String, credit: String?) {
        var work = Array(trim(caption))
        var kept: [String] = []
        while work.last == ")" {
            var depth = 0
            var opening: Int?
            var index = work.count - 1
            while index >= 0 {
                if work[index] == ")" {
                    depth += 1
                } else if work[index] == "(" {
                    depth -= 1
                    if depth == 0 {
                        opening = index
                        break
                    }
                }
                index -= 1
            }
            guard let start = opening else { break }
            let group = trim(String(work[(start + 1)..<(work.count - 1)]))
            let before = trim(String(work[..<start]))
            if qualifiers.contains(group.lowercased()) {
                kept.insert(String(work[start...]), at: 0)
                work = Array(before)
                continue
            }
            if let first = group.first, first.isUppercase, !ministries(in: group).isEmpty {
                return (trim(([before] + kept).joined(separator: " ")), group)
            }
            break
        }
        return (caption, nil)
    }

    // MARK: - Ministries

    /// Names as the report writes them, to CTIP's agency codes (`Agency.national`).
    private static let agencyNames: [(code: String, names: [String])] = [
        ("cas", ["Cabinet Secretariat"]),
        ("cao", ["Cabinet Office"]),
        ("npa", ["National Police Agency", "NPA", "police", "Metropolitan Police Department"]),
        ("caa", ["Consumer Affairs Agency"]),
        ("cfa", ["Children and Families Agency"]),
        ("moj", ["Ministry of Justice", "MOJ", "Public Prosecutors Office", "Public Prosecutor’s Office", "Public Prosecutor's Office",
                 "Legal Affairs Bureau"]),
        ("isa", ["Immigration Services Agency", "ISA", "Regional Immigration Services Bureau"]),
        ("mofa", ["Ministry of Foreign Affairs", "MOFA"]),
        ("mext", ["Ministry of Education", "MEXT"]),
        ("mhlw", ["Ministry of Health, Labour and Welfare", "Ministry of Health, Labor and Welfare", "MHLW", "Prefectural Labor Bureau",
                  "Labor Standards Inspection Office", "Hello Work"]),
        ("maff", ["Ministry of Agriculture"]),
        ("meti", ["Ministry of Economy, Trade and Industry", "METI"]),
        ("mlit", ["Ministry of Land, Infrastructure", "Japan Tourism Agency"]),
        ("jcg", ["Japan Coast Guard"]),
        ("otit", ["OTIT", "Organization for Technical Intern Training"]),
        ("houterasu", ["Japan Legal Support Center", "Houterasu"]),
        ("jica", ["JICA", "Japan International Cooperation Agency"]),
        ("iom", ["IOM", "International Organization for Migration"]),
    ]

    /// The agencies a text names, in order of first mention, each once. "police" (any case, "prefectural
    /// police" too) is the NPA; abbreviations count as whole words only ("ISA" is not in "visa").
    static func ministries(in text: String) -> [String] {
        var found: [(offset: Int, order: Int, code: String)] = []
        for (order, agency) in agencyNames.enumerated() {
            var first: Int?
            for name in agency.names {
                if let offset = firstWordOccurrence(of: name, in: text, ignoringCase: name == "police"), first.map({ offset < $0 }) ?? true {
                    first = offset
                }
            }
            if let first { found.append((first, order, agency.code)) }
        }
        return found.sorted { ($0.offset, $0.order) < ($1.offset, $1.order) }.map(\.code)
    }

    /// Offset (in characters) of the first occurrence of `name` standing as words (a plural "s" allowed).
    static func firstWordOccurrence(of name: String, in text: String, ignoringCase: Bool) -> Int? {
        let options: String.CompareOptions = ignoringCase ? [.caseInsensitive] : []
        var searchStart = text.startIndex
        while searchStart < text.endIndex, let range = text.range(of: name, options: options, range: searchStart..<text.endIndex) {
            let before: Character = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : " "
            var end = range.upperBound
            if end < text.endIndex, text[end] == "s", name.last?.isLetter == true { end = text.index(after: end) }
            let after: Character = end < text.endIndex ? text[end] : " "
            if !(before.isLetter || before.isNumber) && !(after.isLetter || after.isNumber) {
                return text.distance(from: text.startIndex, to: range.lowerBound)
            }
            searchStart = text.index(after: range.lowerBound)
        }
        return nil
    }

    // MARK: - Text

    static func splitLines(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    static func trim(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A line without its leading `#`s, `**` and `<b>`: "## **1 Introduction**" → "1 Introduction".
    static func stripMarkup(_ line: String) -> String {
        let text = Substring(trim(line)).drop(while: { $0 == "#" })
        return trim(String(text).replacingOccurrences(of: "<b>", with: "").replacingOccurrences(of: "</b>", with: "")
            .replacingOccurrences(of: "**", with: ""))
    }

    /// Letters and digits only, lower-cased: how titles and repeated texts are compared.
    static func normalized(_ text: String) -> String {
        String(text.filter { $0.isLetter || $0.isNumber }).lowercased()
    }

    static func words(_ text: String) -> Set<String> {
        var result: Set<String> = []
        var word = ""
        for character in text {
            if character.isLetter || character.isNumber {
                word += character.lowercased()
            } else if !word.isEmpty {
                result.insert(word)
                word = ""
            }
        }
        if !word.isEmpty { result.insert(word) }
        return result
    }

    static func zeroPadded(_ number: Int, width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension EditionParser {
    /// The day on the title page of a report in the seed's form ("**August 26, 2025**" on a line of its own).
    public static func approvalDay(_ text: String) -> Day? {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(30) {
            let words = line.replacingOccurrences(of: "*", with: "").replacingOccurrences(of: ",", with: "").split(separator: " ")
            guard words.count == 3, let month = Day.englishMonths.firstIndex(of: String(words[0])), let day = Int(words[1]),
                  let year = Int(words[2]) else { continue }
            return Day(year: year, month: month + 1, day: day)
        }
        return nil
    }
}
