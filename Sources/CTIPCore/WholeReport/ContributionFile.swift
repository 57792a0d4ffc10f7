import Foundation

/// A ministry's contribution to the whole annual report as a file it can write outside CTIP (issue 16):
/// one file per contribution, imported all or nothing with `FILE:LINE: message` errors like the bundle's.
/// The format is documented for contributors in `docs/contributions.md`.
///
/// UTF-8 Markdown with a front matter of `key: value` lines between two `---` lines:
///
/// ```
/// ---
/// id: mofa-2025-visa-network   # optional: the contribution's identifier (1–64 of A-Za-z0-9._-);
///                              #   without it: `<first ministry>-<year>-<item>`, e.g. mofa-2025-3-1-iii
/// year: 2025                   # required: the data year
/// item: 3 (1) iii)             # required: the outline number it is written for (its home)
/// also: 7 (1) ii) c); 4 (5)    # optional: further placements (`;`-separated), rendered as repeats
/// ministries: mofa             # required: agency codes, `;`-separated (a joint contribution lists several);
///                              #   `none` for text no ministry writes
/// language: en                 # required: the language of the body: en or ja
/// status: original             # optional: original (the default) or translation
/// status_ja: translation       # optional, only with a `--- ja ---` part: original or translation (the default)
/// figures:                     # optional: the numbers the body names as `{number:KEY}`, one indented line each:
///   mofa-visa-missions: 12 | mission/missions/公館 | FY2025 | mofa
///                              #   KEY: VALUE | UNIT | PERIOD | [preliminary | approximate | unconfirmed |] SOURCE
/// ---
/// - The Ministry of Foreign Affairs … (the body: Markdown-light, `- ` bullets and paragraphs)
///
/// --- ja ---
/// - 外務省は……
/// ```
///
/// - Blank lines and lines starting with `#` in the front matter are ignored, and so is a ` # comment` after
///   a value. Keys are written once each.
/// - The body may have two parts separated by a line `--- ja ---`: then `language` must be `en`, the first
///   part is the English text and the second the Japanese one.
/// - `{item:3 (1) iii)}` in the body must name a heading of the year's outline; `{figure:…}`, `{table:…}` and
///   `{number:…}` are checked by `ctip report check`.
/// - A figure line: the value (`8,311`, `14,096,000 JPY`, `37 of 61`), the unit (`singular/plural/counter`
///   or a known unit's plural, `persons`), the period (`2024`, `FY2024`, `as of 2025-03-31`,
///   `2024-04-01 to 2025-03-31`), then the flags and the source's agency code in any order. `-` or nothing
///   leaves a part out (`ctip report check` lists a figure without unit, period or source); `unconfirmed`
///   marks a figure carried forward from last year's edition that its ministry has not confirmed yet.
/// - Leading and trailing blank lines of a part are not part of the text.
public enum ContributionFile {
    /// A contribution read from its file, with the items it is repeated under.
    public struct ParsedContribution: Sendable, Equatable {
        public var contribution: Contribution
        /// Further placements, each rendered as a repeat of the contribution's home.
        public var also: [OutlineNumber]
        /// The entered figures it declares (`TextFigure`, owned by the contribution), in the file's order.
        public var figures: [TextFigure]

        public init(contribution: Contribution, also: [OutlineNumber] = [], figures: [TextFigure] = []) {
            self.contribution = contribution
            self.also = also
            self.figures = figures
        }
    }

    /// The front matter's keys, in the order `write` gives them.
    public static let keys = ["id", "year", "item", "also", "ministries", "language", "status", "status_ja", "figures"]

    /// The words of a figure line besides its source: `preliminary`, `approximate`, `unconfirmed`.
    public static let figureFlags = ["preliminary", "approximate", "unconfirmed"]

    /// The `ministries` value of a contribution no ministry wrote (the Introduction, the Council's own text).
    public static let noMinistry = "none"

    /// The line separating the English text from the Japanese one.
    public static let japaneseSeparator = "--- ja ---"

    // MARK: - Reading

    /// Reads one contribution file. `outline` holds the `OutlineNumber.description`s of the year's outline,
    /// `agencies` the agency codes CTIP knows; with `forYear`, a file of another year is refused. Every
    /// problem is reported at its line (the key's line; line 1 when the front matter is missing or a
    /// required key is absent; the body's first line when the body is empty), all of them, in line order.
    /// The contribution read is `submitted`: its ministry's text, for the secretariat to accept.
    public static func parse(_ text: String, file: String, outline: Set<String>, agencies: Set<String>,
                             forYear expectedYear: Int? = nil) -> Result<ParsedContribution, EditionRejected> {
        var issues: [EditionIssue] = []
        func issue(_ line: Int, _ message: String) { issues.append(EditionIssue(file: file, line: line, message: message)) }
        func rejected() -> Result<ParsedContribution, EditionRejected> {
            let ordered = issues.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
            return .failure(EditionRejected(issues: ordered))
        }

        var source = text
        if source.hasPrefix("\u{FEFF}") { source.removeFirst() }
        let lines = EditionParser.splitLines(source)
        guard let first = lines.first, first.trimmingCharacters(in: .whitespaces) == "---" else {
            issue(1, "the file does not begin with `---`: a contribution file starts with its front matter between two `---` lines")
            return rejected()
        }
        guard let close = lines.indices.dropFirst().first(where: { lines[$0].trimmingCharacters(in: .whitespaces) == "---" }) else {
            issue(1, "the front matter opened here is never closed: no second `---` line")
            return rejected()
        }

        // The front matter: `key: value` lines; under `figures:`, its indented figure lines.
        var values: [String: (line: Int, value: String)] = [:]
        var figureLines: [(number: Int, text: String)] = []
        var inFigures = false
        for index in 1..<close {
            let lineNumber = index + 1
            let trimmed = lines[index].trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if inFigures, let lead = lines[index].first, lead == " " || lead == "\t" {
                figureLines.append((lineNumber, withoutComment(trimmed).trimmingCharacters(in: .whitespaces)))
                continue
            }
            inFigures = false
            guard let colon = trimmed.firstIndex(of: ":") else {
                issue(lineNumber, "`\(short(trimmed))` is not a `key: value` line")
                continue
            }
            let key = trimmed[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = withoutComment(String(trimmed[trimmed.index(after: colon)...])).trimmingCharacters(in: .whitespaces)
            guard keys.contains(key) else {
                issue(lineNumber, "unknown key `\(short(key))`: the keys are \(keys.joined(separator: ", "))")
                continue
            }
            // The lines under `figures:` are its figures, even under a doubled or misused key.
            inFigures = key == "figures"
            if let earlier = values[key] {
                issue(lineNumber, "`\(key)` is given twice (first at line \(earlier.line))")
                continue
            }
            values[key] = (lineNumber, value)
            if key == "figures" && !value.isEmpty {
                issue(lineNumber, "`figures` lists its figures on the lines below it, indented, one a line: `  KEY: VALUE | UNIT | PERIOD | SOURCE`")
            }
        }
        let what = ["year": "the data year", "item": "the outline number the contribution is written for",
                    "ministries": "the agency codes of the ministries that wrote it", "language": "the language of the body, en or ja"]
        func required(_ key: String) -> (line: Int, value: String)? {
            guard let entry = values[key] else {
                issue(1, "missing key `\(key)`: \(what[key] ?? key)")
                return nil
            }
            guard !entry.value.isEmpty else {
                issue(entry.line, "`\(key)` is empty: \(what[key] ?? key)")
                return nil
            }
            return entry
        }

        // id
        var id: String?
        if let entry = values["id"], !entry.value.isEmpty {
            if RowDecoder.isIdentifier(entry.value) { id = entry.value } else {
                issue(entry.line, "id `\(short(entry.value))` is not an identifier: 1–64 characters of A-Z a-z 0-9 . _ -")
            }
        }

        // year
        var year: Int?
        if let entry = required("year") {
            if let value = Int(entry.value), (1900...2200).contains(value) {
                year = value
                if let expectedYear, value != expectedYear {
                    issue(entry.line, "year \(value), but the contributions are being imported into the \(expectedYear) edition")
                }
            } else {
                issue(entry.line, "year `\(short(entry.value))` is not a year such as 2025")
            }
        }
        let outlineName = (year ?? expectedYear).map { "the \($0) outline" } ?? "the outline"
        func outlineNumber(_ text: String, key: String, line: Int) -> OutlineNumber? {
            guard let number = OutlineNumber(text) else {
                issue(line, "\(key) `\(short(text))` is not an outline number such as `3 (1) iii)`")
                return nil
            }
            guard outline.contains(number.description) else {
                issue(line, "\(key) `\(number)` is not a heading of \(outlineName)")
                return nil
            }
            return number
        }

        // item, also
        var item: OutlineNumber?
        if let entry = required("item") {
            item = outlineNumber(entry.value, key: "item", line: entry.line)
        }
        var also: [OutlineNumber] = []
        if let entry = values["also"], !entry.value.isEmpty {
            for part in entry.value.split(separator: ";") {
                let written = part.trimmingCharacters(in: .whitespaces)
                if written.isEmpty { continue }
                guard let number = outlineNumber(written, key: "also", line: entry.line) else { continue }
                if number == item {
                    issue(entry.line, "also lists \(number), the item itself: the contribution is already placed there")
                } else if also.contains(number) {
                    issue(entry.line, "also lists \(number) twice")
                } else {
                    also.append(number)
                }
            }
        }

        // ministries
        var ministries: [String] = []
        var ministriesRead = false
        if let entry = required("ministries") {
            let codes = entry.value.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if codes == [noMinistry] {
                ministriesRead = true
            } else if codes.isEmpty {
                issue(entry.line, "`ministries` lists no agency code: \(what["ministries"] ?? "")")
            } else {
                var unknown = false
                for code in codes {
                    if code == noMinistry {
                        issue(entry.line, "`\(noMinistry)` stands alone: it means that no ministry wrote the text")
                        unknown = true
                    } else if !agencies.contains(code) {
                        let hint = agencies.contains(code.lowercased()) ? " (codes are lower-case: `\(code.lowercased())`)" : ""
                        issue(entry.line, "unknown ministry code `\(short(code))`: not an agency of CTIP's directory\(hint)")
                        unknown = true
                    } else if !ministries.contains(code) {
                        ministries.append(code)
                    }
                }
                ministriesRead = !unknown
            }
        }

        // language, status, status_ja
        var language: Language?
        var languageLine = 1
        if let entry = required("language") {
            languageLine = entry.line
            language = Language(rawValue: entry.value.lowercased())
            if language == nil { issue(entry.line, "language `\(short(entry.value))` is not en or ja") }
        }
        func status(_ key: String) -> TextStatus? {
            guard let entry = values[key], !entry.value.isEmpty else { return nil }
            switch entry.value.lowercased() {
            case TextStatus.original.rawValue: return .original
            case TextStatus.translation.rawValue: return .translation
            default:
                issue(entry.line, "\(key) `\(short(entry.value))` is not original or translation")
                return nil
            }
        }
        let statusFirst = status("status") ?? .original
        let statusJapanese = status("status_ja")

        // figures
        var figures: [TextFigure] = []
        var figureKeyLines: [String: Int] = [:]
        for line in figureLines {
            guard let read = Self.figure(line.text, line: line.number, agencies: agencies, issue: issue) else { continue }
            if let earlier = figureKeyLines[read.key] {
                issue(line.number, "figure `\(read.key)` is given twice (first at line \(earlier))")
                continue
            }
            figureKeyLines[read.key] = line.number
            figures.append(read)
        }

        // The body: one part, or the English and the Japanese parts.
        let bodyStart = close + 1
        var separator: Int?
        for index in bodyStart..<lines.count where lines[index].trimmingCharacters(in: .whitespaces) == japaneseSeparator {
            if separator == nil {
                separator = index
            } else {
                issue(index + 1, "a second `\(japaneseSeparator)` line: a file holds one text and at most one Japanese text after `\(japaneseSeparator)`")
            }
        }
        let firstPart = part(lines, bodyStart..<(separator ?? lines.count))
        if firstPart.text.isEmpty {
            issue(bodyStart + 1, "the body is empty: write the contribution's text below the front matter's closing `---`")
        }
        var secondPart: (text: String, lines: [(number: Int, text: String)])?
        if let separator {
            let japanese = part(lines, (separator + 1)..<lines.count)
            secondPart = japanese
            if japanese.text.isEmpty { issue(separator + 2, "the Japanese text after `\(japaneseSeparator)` is empty") }
            if language == .ja {
                issue(languageLine, "language is ja, but the body has a `\(japaneseSeparator)` part: the first part is then the English text (language: en)")
            }
        } else if let entry = values["status_ja"], !entry.value.isEmpty {
            issue(entry.line, "status_ja is given, but the body has no `\(japaneseSeparator)` part")
        }

        // `{item:…}` references must name a heading of the outline.
        for line in firstPart.lines + (secondPart?.lines ?? []) {
            for reference in WholeReportText.references(in: line.text) where reference.kind == .item {
                guard let number = OutlineNumber(reference.target) else {
                    issue(line.number, "`\(short(reference.written))` names no outline number")
                    continue
                }
                if !outline.contains(number.description) {
                    issue(line.number, "`\(short(reference.written))` refers to \(number), which is not a heading of \(outlineName)")
                }
            }
        }

        guard issues.isEmpty, let year, let item, let language, ministriesRead else {
            if issues.isEmpty { issue(1, "the front matter could not be read") }
            return rejected()
        }
        let identifier = id ?? generatedID(ministries: ministries, year: year, item: item)
        let contribution: Contribution
        switch language {
        case .en:
            let japanese = secondPart?.text ?? ""
            contribution = Contribution(id: identifier, year: year, ministries: ministries, textEN: firstPart.text, textJA: japanese,
                                        statusEN: statusFirst, statusJA: secondPart == nil ? .missing : (statusJapanese ?? .translation), home: item,
                                        state: .submitted)
        case .ja:
            contribution = Contribution(id: identifier, year: year, ministries: ministries, textEN: "", textJA: firstPart.text,
                                        statusEN: .missing, statusJA: statusFirst, home: item, state: .submitted)
        }
        let owned = figures.map { figure -> TextFigure in
            var declared = figure
            declared.contributionID = identifier
            return declared
        }
        return .success(ParsedContribution(contribution: contribution, also: also, figures: owned))
    }

    /// One figure line, `KEY: VALUE | UNIT | PERIOD | [flags |] SOURCE`; nil (with its problems reported at
    /// `line`) when it cannot be read. A part left out (`-` or nothing) is not a problem of the file:
    /// `ctip report check` lists a figure without unit, period or source.
    static func figure(_ text: String, line: Int, agencies: Set<String>, issue: (Int, String) -> Void) -> TextFigure? {
        let form = "a figure line is `KEY: VALUE | UNIT | PERIOD | SOURCE`, e.g. `mofa-missions: 12 | persons | FY2025 | mofa`"
        guard let colon = text.firstIndex(of: ":") else {
            issue(line, "`\(short(text))` is not a figure: \(form)")
            return nil
        }
        let key = text[..<colon].trimmingCharacters(in: .whitespaces)
        guard RowDecoder.isIdentifier(key) else {
            issue(line, "figure key `\(short(key))` is not an identifier: 1–64 characters of A-Z a-z 0-9 . _ -")
            return nil
        }
        let fields = text[text.index(after: colon)...].split(separator: "|", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        func given(_ index: Int) -> String? {
            guard index < fields.count, !fields[index].isEmpty, fields[index] != "-" else { return nil }
            return fields[index]
        }
        guard let valueText = given(0) else {
            issue(line, "figure `\(key)` has no value: \(form)")
            return nil
        }
        guard let value = ReportFigure.Value(notation: valueText) else {
            issue(line, "figure `\(key)`: `\(short(valueText))` is not a value such as `8,311`, `14,096,000 JPY` (JPY, USD or EUR) or `37 of 61`")
            return nil
        }
        var readable = true
        var unit: ReportFigure.Unit?
        if let unitText = given(1) {
            if case .amount = value {
                issue(line, "figure `\(key)` is an amount: its currency is its unit, so its unit is `-`")
                readable = false
            } else if let read = ReportFigure.Unit(notation: unitText) {
                unit = read
            } else {
                issue(line, "figure `\(key)`: unit `\(short(unitText))` is neither `singular/plural/counter` "
                      + "(e.g. `implementing organization/implementing organizations/機関`) nor one of "
                      + ReportFigure.Unit.known.map(\.plural).joined(separator: ", "))
                readable = false
            }
        }
        var period: ReportFigure.Period?
        if let periodText = given(2) {
            if let read = ReportFigure.Period(notation: periodText) {
                period = read
            } else {
                issue(line, "figure `\(key)`: period `\(short(periodText))` is not `2024`, `FY2024`, `as of 2025-03-31` or `2024-04-01 to 2025-03-31`")
                readable = false
            }
        }
        var preliminary = false, approximate = false, confirmed = true
        var source: String?
        for index in fields.indices.dropFirst(3) {
            guard let field = given(index) else { continue }
            switch field.lowercased() {
            case "preliminary": preliminary = true
            case "approximate": approximate = true
            case "unconfirmed": confirmed = false
            default:
                if let earlier = source {
                    issue(line, "figure `\(key)` names two sources, `\(earlier)` and `\(short(field))`: one agency code states it; "
                          + "the other words are \(figureFlags.joined(separator: ", "))")
                    readable = false
                } else if agencies.contains(field) {
                    source = field
                } else {
                    let hint = agencies.contains(field.lowercased()) ? " (codes are lower-case: `\(field.lowercased())`)" : ""
                    issue(line, "figure `\(key)`: `\(short(field))` is neither an agency of CTIP's directory\(hint) nor one of "
                          + figureFlags.joined(separator: ", "))
                    readable = false
                }
            }
        }
        guard readable else { return nil }
        return TextFigure(key: key, entered: EnteredFigure(value, unit: unit, period: period, preliminary: preliminary, source: source,
                                                           approximate: approximate),
                          confirmed: confirmed)
    }

    /// The figure lines of a form (`KEY: VALUE | UNIT | PERIOD | [flags |] SOURCE`, one a line, as under a
    /// file's `figures:`): the figures, or every problem with its line (`line 2: …`).
    public static func figures(fromLines text: String, agencies: Set<String>) -> (figures: [TextFigure], problems: [String]) {
        var problems: [String] = [], figures: [TextFigure] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            if let figure = figure(trimmed, line: index + 1, agencies: agencies, issue: { problems.append("line \($0): \($1)") }) {
                if figures.contains(where: { $0.key == figure.key }) {
                    problems.append("line \(index + 1): figure `\(figure.key)` is declared twice")
                } else {
                    figures.append(figure)
                }
            }
        }
        return (figures, problems)
    }

    /// A figure as its line writes it (`KEY: VALUE | UNIT | PERIOD | flags | SOURCE`); nil for a computed one,
    /// which a file does not declare (the body names a computed figure by its own key).
    public static func figureLine(_ figure: TextFigure) -> String? {
        guard let entered = figure.entered else { return nil }
        var fields = [entered.value.notation, entered.unit?.notation ?? "-", entered.period?.notation ?? "-"]
        if entered.preliminary { fields.append("preliminary") }
        if entered.approximate { fields.append("approximate") }
        if !figure.confirmed { fields.append("unconfirmed") }
        if let source = entered.source { fields.append(source) }
        return "\(figure.key): " + fields.joined(separator: " | ")
    }

    /// The identifier of a file without `id`: the first ministry, the year and the item, e.g. `mofa-2025-3-1-iii`.
    public static func generatedID(ministries: [String], year: Int, item: OutlineNumber) -> String {
        let itemPart = item.parts.map { part in part.filter { $0 != "(" && $0 != ")" } }.filter { !$0.isEmpty }.joined(separator: "-")
        let raw = "\(ministries.first ?? "report")-\(year)-\(itemPart)"
        let cleaned = String(raw.unicodeScalars.map { scalar -> Character in
            let value = scalar.value
            let allowed = (48...57).contains(value) || (65...90).contains(value) || (97...122).contains(value)
                || scalar == "." || scalar == "_" || scalar == "-"
            return allowed ? Character(scalar) : "-"
        })
        return String(cleaned.prefix(64))
    }

    /// Several files giving the same contribution id (written, or generated from the same ministry and item):
    /// each later one at its `id:` line (line 1 when the id was generated).
    public static func duplicateIdentifiers(_ files: [(file: String, text: String, parsed: ParsedContribution)]) -> [EditionIssue] {
        var first: [String: String] = [:]
        var issues: [EditionIssue] = []
        for entry in files {
            let id = entry.parsed.contribution.id
            guard let earlier = first[id] else {
                first[id] = entry.file
                continue
            }
            let line = keyLine("id", in: entry.text)
            let advice = line == nil ? ": give each of these files its own `id:`" : ""
            issues.append(EditionIssue(file: entry.file, line: line ?? 1, message: "contribution id `\(id)` is also that of \(earlier)\(advice)"))
        }
        return issues
    }

    /// A figure key declared by two files of one import, or already by another contribution of the edition:
    /// each figure is one contribution's, so that its ministry answers for it and it renders one way.
    public static func duplicateFigureKeys(_ files: [(file: String, text: String, parsed: ParsedContribution)],
                                           edition: WholeEdition) -> [EditionIssue] {
        var first: [String: String] = [:]
        var issues: [EditionIssue] = []
        let importing = Set(files.map(\.parsed.contribution.id))
        for entry in files {
            let id = entry.parsed.contribution.id
            for figure in entry.parsed.figures {
                let line = keyLine(figure.key.lowercased(), in: entry.text) ?? 1
                if let earlier = first[figure.key] {
                    issues.append(EditionIssue(file: entry.file, line: line, message: "figure `\(figure.key)` is also declared by \(earlier): give it another key"))
                } else if let owner = edition.figures.first(where: { $0.key == figure.key })?.contributionID, owner != id, !importing.contains(owner) {
                    issues.append(EditionIssue(file: entry.file, line: line,
                                               message: "figure `\(figure.key)` is already declared by contribution \(owner): give it another key"))
                }
                first[figure.key] = first[figure.key] ?? entry.file
            }
        }
        return issues
    }

    /// The line (1-based) of a key in a file's front matter.
    static func keyLine(_ key: String, in text: String) -> Int? {
        let lines = EditionParser.splitLines(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---" else { return nil }
        for index in lines.indices.dropFirst() {
            let trimmed = lines[index].trimmingCharacters(in: .whitespaces)
            if trimmed == "---" { return nil }
            guard let colon = trimmed.firstIndex(of: ":") else { continue }
            if trimmed[..<colon].trimmingCharacters(in: .whitespaces).lowercased() == key { return index + 1 }
        }
        return nil
    }

    /// A value without a trailing ` # comment`.
    static func withoutComment(_ value: String) -> String {
        var previous: Character = " "
        for index in value.indices {
            let character = value[index]
            if character == "#" && (previous == " " || previous == "\t") { return String(value[..<index]) }
            previous = character
        }
        return value
    }

    /// A part of the body: its lines without the leading and trailing blank ones, and the text they make.
    static func part(_ lines: [String], _ range: Range<Int>) -> (text: String, lines: [(number: Int, text: String)]) {
        guard range.lowerBound < range.upperBound else { return ("", []) }
        var numbered = range.map { (number: $0 + 1, text: lines[$0]) }
        while let first = numbered.first, first.text.trimmingCharacters(in: .whitespaces).isEmpty { numbered.removeFirst() }
        while let last = numbered.last, last.text.trimmingCharacters(in: .whitespaces).isEmpty { numbered.removeLast() }
        return (numbered.map { $0.text }.joined(separator: "\n"), numbered)
    }

    static func short(_ text: String) -> String { text.count > 60 ? String(text.prefix(60)) + "…" : text }

    // MARK: - Writing

    /// The file of a contribution, `also` being the items it is repeated under and `figures` the entered
    /// figures it declares (computed ones are left out: the body names them by their own key): `parse` reads
    /// it back to the same contribution and figures, but for what a file does not carry: `sourceLine` (a line
    /// of an imported edition's file), `state` (a file read is `submitted`) and `carriedFrom` (nil).
    public static func write(_ contribution: Contribution, also: [OutlineNumber], figures: [TextFigure] = []) -> String {
        let c = contribution
        // Japanese first only when there is no English text at all.
        let englishFirst = !(c.statusEN == .missing && c.textEN.isEmpty && c.statusJA != .missing)
        let japanesePart = englishFirst && !c.textJA.isEmpty && c.statusJA != .missing
        var repeats: [OutlineNumber] = []
        for item in also where item != c.home && !repeats.contains(item) { repeats.append(item) }

        var lines = ["---", "id: \(c.id)", "year: \(c.year)", "item: \(c.home.description)"]
        if !repeats.isEmpty { lines.append("also: " + repeats.map(\.description).joined(separator: "; ")) }
        lines.append("ministries: " + (c.ministries.isEmpty ? noMinistry : c.ministries.joined(separator: "; ")))
        if englishFirst {
            lines.append("language: en")
            lines.append("status: " + (c.statusEN == .translation ? TextStatus.translation : TextStatus.original).rawValue)
            if japanesePart { lines.append("status_ja: " + (c.statusJA == .original ? TextStatus.original : TextStatus.translation).rawValue) }
        } else {
            lines.append("language: ja")
            lines.append("status: " + (c.statusJA == .translation ? TextStatus.translation : TextStatus.original).rawValue)
        }
        let figureLines = figures.compactMap(figureLine)
        if !figureLines.isEmpty { lines += ["figures:"] + figureLines.map { "  " + $0 } }
        lines.append("---")
        lines.append(englishFirst ? c.textEN : c.textJA)
        if japanesePart { lines += ["", japaneseSeparator, c.textJA] }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Applying

    /// The edition with each file's contribution added, or replacing the one of the same id, and placed:
    /// at its item (the home; a placement already there keeps its position, a new one comes after the item's
    /// other contributions) and as a repeat at each `also` item. Its placements under items no longer listed
    /// are removed. A file that changes nothing of the contribution it replaces (texts, statuses, ministries,
    /// item) leaves it as it was — where it stands in the workflow, `carriedFrom`, its source line — so that
    /// importing an exported folder unchanged changes nothing; a changed one is `submitted` (its ministry has
    /// written or confirmed it) and keeps the line it was read from in the edition's file while its English
    /// text is unchanged.
    ///
    /// The file's figures become the contribution's entered figures: they replace those it declared before
    /// and any other figure of the same key. A figure still marked `unconfirmed` whose value, unit, period,
    /// marks or source the file changed is confirmed by that change: its ministry wrote it. A change of the
    /// figures alone also makes the contribution `submitted`.
    public static func apply(_ files: [ParsedContribution], to edition: WholeEdition) -> WholeEdition {
        var result = edition
        for file in files {
            var contribution = file.contribution
            let id = contribution.id

            let declared = file.figures.map { figure -> TextFigure in
                var read = figure
                read.contributionID = id
                if !read.confirmed, let before = result.figures.first(where: { $0.key == read.key }), before.entered != read.entered {
                    read.confirmed = true
                }
                return read
            }
            let keys = Set(declared.map(\.key))
            func replaced(_ figure: TextFigure) -> Bool { (figure.contributionID == id && figure.entered != nil) || keys.contains(figure.key) }
            let figuresChanged = Set(result.figures.filter(replaced)) != Set(declared)
            if figuresChanged { result.figures = result.figures.filter { !replaced($0) } + declared }

            if let index = result.contributions.firstIndex(where: { $0.id == id }) {
                let old = result.contributions[index]
                var unchanged = contribution
                unchanged.state = old.state; unchanged.carriedFrom = old.carriedFrom; unchanged.sourceLine = old.sourceLine
                if unchanged == old && !figuresChanged {
                    contribution = old
                } else if contribution.sourceLine == nil && old.textEN == contribution.textEN {
                    contribution.sourceLine = old.sourceLine
                }
                result.contributions[index] = contribution
            } else {
                result.contributions.append(contribution)
            }

            var wanted: [(item: OutlineNumber, isRepeat: Bool)] = [(contribution.home, false)]
            for item in file.also where !wanted.contains(where: { $0.item == item }) { wanted.append((item, true)) }

            var placed: Set<OutlineNumber> = []
            var placements: [Placement] = []
            placements.reserveCapacity(result.placements.count + wanted.count)
            for placement in result.placements {
                guard placement.contributionID == id else {
                    placements.append(placement)
                    continue
                }
                guard let want = wanted.first(where: { $0.item == placement.item }), !placed.contains(placement.item) else { continue }
                placed.insert(placement.item)
                var kept = placement
                if kept.isRepeat != want.isRepeat {
                    // What the old edition printed belonged to the other role.
                    kept.isRepeat = want.isRepeat
                    kept.printedMarker = nil
                    kept.printedText = nil
                }
                placements.append(kept)
            }
            for want in wanted where !placed.contains(want.item) {
                let last = placements.filter { $0.item == want.item }.map(\.position).max() ?? 0
                placements.append(Placement(contributionID: id, item: want.item, position: last + 1, isRepeat: want.isRepeat))
            }
            result.placements = placements
        }
        return result
    }
}
