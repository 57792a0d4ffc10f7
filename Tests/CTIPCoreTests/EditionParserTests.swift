import CTIPCore
import Foundation
import Testing

/// The seed lives beside the repository (`../shared/seed/…` from its root), not in it: Tests/CTIPCoreTests/
/// this file → three levels up is the root. `CTIP_SEED` names it elsewhere.
private let seed: String? = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let beside = root.deletingLastPathComponent().appendingPathComponent("shared/seed/000_d5bf70a9649b1a73.txt")
    if let text = try? String(contentsOf: beside, encoding: .utf8) { return text }
    guard let path = ProcessInfo.processInfo.environment["CTIP_SEED"] else { return nil }
    return try? String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
}()

private func parseSeed() throws -> (text: String, lines: [String], edition: WholeEdition) {
    let text = try #require(seed)
    let edition = try EditionParser.parse(text, file: "seed.txt", year: 2024, approvedOn: Day(year: 2025, month: 8, day: 26))
    return (text, text.components(separatedBy: "\n"), edition)
}

/// The number as the body prints a heading: its last part ("4", "(7)", "i)", "a)").
private func printedNumber(_ number: OutlineNumber) -> String { number.parts.last ?? "" }

@Suite("The published edition read as the whole report (issue 16)", .enabled(if: seed != nil, "the seed is beside the repository"))
struct EditionParserTests {
    @Test("the outline is the contents, in order: every chapter 1–8 with its items and sub-items")
    func outline() throws {
        let (_, lines, edition) = try parseSeed()
        // The contents' headings are the non-blank lines from `## Contents` to the list of figures and tables.
        let start = try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "## Contents" })
        let end = try #require(lines[start...].firstIndex { $0.hasPrefix("[Figure") || $0.hasPrefix("[Table") })
        let contentsLines = lines[(start + 1)..<end].map { $0.replacingOccurrences(of: "<b>", with: "").trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        #expect(contentsLines.count == 76)
        #expect(edition.printedContents.count == contentsLines.count)

        let listed = edition.outline.filter { $0.number.level <= 3 }
        #expect(listed.map { "\($0.number) \($0.titleEN)" } == edition.printedContents)
        for (item, line) in zip(listed, contentsLines) {
            #expect(line.hasPrefix(printedNumber(item.number)), "\(item.number) is printed `\(line)`")
            #expect(!item.titleEN.contains("..") && !item.titleEN.contains("\t") && item.titleEN.last?.isNumber == false, "\(item.titleEN)")
        }
        #expect(listed.filter { $0.number.level == 1 }.map(\.number.description) == (1...8).map { String($0) })
        #expect(listed.filter { $0.number.level == 2 }.count == 25)
        #expect(listed.filter { $0.number.level == 3 }.count == 43)
        #expect(edition.printedContents.first == "1 Introduction")
        #expect(edition.printedContents.last == "8 Future efforts")
        for heading in ["3 (7) i) Raising awareness of the demand side for sexual exploitation",
                        "3 (7) ii) Raising awareness of employers",
                        "4 Promotion of identification of trafficking victims",
                        "5 (1) ii) Thorough control of trafficking in persons by use of the Handbook on Measures against Trafficking in Person",
                        "6 (3) iv) Provision of information to victims during the process of investigation",
                        "7 Establishment of foundations for promotion of measures against trafficking in persons",
                        "7 (1) Strengthening of cooperation with other countries concerned and international organizations",
                        "7 (3) iii) Cooperation with NGOs, IOM, etc."] {
            #expect(edition.printedContents.contains(heading), "\(heading)")
        }

        // The body's sub-sub-items the contents do not list: 6 (3) i) by ministry, 7 (1) ii) by partner.
        let unlisted = edition.outline.filter { $0.number.level == 4 }.map(\.number.description)
        #expect(unlisted == ["a)", "b)", "c)", "d)", "e)", "f)", "g)", "h)"].map { "6 (3) i) \($0)" }
                + ["a)", "b)", "c)", "d)", "e)", "f)"].map { "7 (1) ii) \($0)" })
        #expect(edition.outline.first { $0.number.description == "6 (3) i) h)" }?.titleEN == "Courts")

        // Japanese titles: CTIP's own, for every heading.
        #expect(Set(OutlineTitles.japanese.keys) == Set(edition.outline.map(\.number.description)))
        for item in edition.outline {
            #expect(!item.titleJA.isEmpty && item.titleJA != item.titleEN && item.titleJAIsOwnTranslation, "\(item.number)")
        }
        #expect(edition.outline.first?.titleJA == "はじめに")
        #expect(edition.outline.first { $0.number.description == "3 (7) i)" }?.titleJA == "性的搾取の需要側への啓発")
    }

    @Test("every bullet of chapters 1 and 3–7 is a contribution or a repeat as printed, but for posters and sub-headings")
    func bullets() throws {
        let (_, lines, edition) = try parseSeed()
        func chapterLine(_ heading: String) throws -> Int {
            try #require(lines.firstIndex { $0.hasPrefix("#") && $0.contains(heading) })
        }
        let one = try chapterLine("1 Introduction"), two = try chapterLine("2 Gaining a thorough understanding")
        let three = try chapterLine("3 Prevention of Trafficking in persons"), eight = try chapterLine("8 Future efforts")
        let subHeadings = Set(edition.outline.filter { $0.number.level == 4 }.map { "\(printedNumber($0.number)) \($0.titleEN)" })
        var unaccounted: [Int] = []
        var count = 0
        for index in Array(one..<two) + Array(three..<eight) where lines[index].hasPrefix("- ") {
            count += 1
            let bullet = String(lines[index].dropFirst(2)).trimmingCharacters(in: .whitespaces)
            let found = edition.contributions.contains { $0.textEN.contains(bullet) }
                || edition.placements.contains { $0.isRepeat && $0.printedText?.contains(bullet) == true }
                || subHeadings.contains(bullet)
            if !found { unaccounted.append(index + 1) }
        }
        #expect(count > 200)
        // What is left is poster text: the bullets inside Figure 8 (the Act's outline) and Figure 14 (the poster).
        let figureLines = { (number: Int) -> Int in edition.exhibits.first { $0.id == "figure-\(number)" }?.sourceLine ?? 0 }
        let inFigures = unaccounted.filter { ($0 >= figureLines(8) && $0 < figureLines(9)) || ($0 >= figureLines(14) && $0 < figureLines(15)) }
        #expect(inFigures == unaccounted, "bullets read as nothing: \(unaccounted)")
        #expect(unaccounted.count == 11 + 21)
        #expect(!edition.contributions.contains { $0.textEN.contains("Approx. 80% of the victims") || $0.textEN.contains("Establishes Organization for") })

        // Chapter 2 is computed: no contribution there. The Introduction and section 8 are prose, a paragraph each.
        #expect(!edition.contributions.contains { $0.home.chapter == 2 })
        #expect(edition.contributions.filter { $0.home == OutlineNumber("1") }.compactMap(\.sourceLine) == [143, 145, 147, 149])
        #expect(edition.contributions.filter { $0.home == OutlineNumber("8") }.count == 2)
        // A paragraph cut by a page break is read whole.
        #expect(edition.contributions.contains {
            $0.textEN.contains("such as violations of the Technical Intern Training Act that may constitute human trafficking offenses.")
        })

        // Identifiers in order of appearance; placements numbered under each item from 1.
        #expect(edition.contributions.count == 179)
        #expect(edition.placements.count == 201)
        #expect(edition.contributions.first?.id == "C2024-0001")
        let expectedIDs = (0..<edition.contributions.count).map { index -> String in
            let number = String(index + 1)
            return "C2024-" + String(repeating: "0", count: max(0, 4 - number.count)) + number
        }
        #expect(edition.contributions.map(\.id) == expectedIDs)
        let items = Dictionary(grouping: edition.placements, by: \.item)
        for (item, placements) in items {
            #expect(placements.map(\.position) == Array(1...placements.count), "\(item)")
        }
        #expect(edition.contributions.allSatisfy { $0.statusEN == .original && $0.statusJA == .missing && $0.textJA.isEmpty && $0.year == 2024 })
    }

    @Test("[Repeated from X] makes a placement of the text written under X, with the marker and the text as printed")
    func repeats() throws {
        let (_, lines, edition) = try parseSeed()
        let markers = lines.filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("[Repeated from") }
        #expect(markers.count == 26)
        let repeats = edition.placements.filter(\.isRepeat)
        let unresolved = edition.placements.filter { !$0.isRepeat && $0.printedMarker != nil }
        #expect(repeats.count + unresolved.count == markers.count, "each marker marks one bullet in the seed")
        #expect(repeats.count == 22)
        // The four left are markers into section 2, which CTIP computes: no contribution to point to.
        #expect(unresolved.count == 4)
        #expect(unresolved.allSatisfy { $0.printedMarker == "[Repeated from 2 (1) i)]" })

        let byID = Dictionary(uniqueKeysWithValues: edition.contributions.map { ($0.id, $0) })
        for placement in repeats {
            let marker = try #require(placement.printedMarker)
            var target = String(marker.dropFirst("[Repeated from".count)).trimmingCharacters(in: .whitespaces)
            if target.hasSuffix("]") { target.removeLast() }
            let number = try #require(OutlineNumber(target), "\(marker)")
            let source = try #require(byID[placement.contributionID])
            #expect(Array(source.home.parts.prefix(number.parts.count)) == number.parts, "\(marker) at line \(placement.sourceLine ?? 0)")
            #expect(placement.item != source.home && placement.printedText?.isEmpty == false)
            // A repeat is not also a contribution of its own.
            #expect(!edition.contributions.contains { $0.sourceLine == placement.sourceLine })
        }

        // 4 (2) repeats the Cabinet Office's poster of 3 (7) i) (the seed writes the marker without its last bracket).
        let poster = repeats.filter { $0.item == OutlineNumber("4 (2)") && $0.printedMarker == "[Repeated from 3 (7) i]" }
        #expect(poster.count == 1)
        #expect(poster.first.flatMap { byID[$0.contributionID] }?.home == OutlineNumber("3 (7) i)"))
        // "[Repeated from 4(5)]" without a space; a repeat of a repeat's source under 6 (1) of a paragraph.
        #expect(repeats.contains { $0.item == OutlineNumber("7 (2) i)") && $0.printedMarker == "[Repeated from 4(5)]"
            && byID[$0.contributionID]?.home == OutlineNumber("4 (5)") })
        #expect(repeats.contains { $0.item == OutlineNumber("7 (1) i)") && byID[$0.contributionID]?.home == OutlineNumber("1 (1)") })
    }

    @Test("Figures 1–41 and Tables 1–5, captioned and credited as the contents' list prints them")
    func exhibits() throws {
        let (_, _, edition) = try parseSeed()
        let figures = edition.exhibits.filter { $0.kind == .figure }.compactMap(\.printedNumber)
        let tables = edition.exhibits.filter { $0.kind == .table }.compactMap(\.printedNumber)
        #expect(figures.sorted() == Array(1...41))
        #expect(tables.sorted() == Array(1...5))
        func exhibit(_ id: String) -> Exhibit? { edition.exhibits.first { $0.id == id } }

        #expect(exhibit("figure-14")?.credit == "Cabinet Office")
        #expect(exhibit("figure-14")?.captionEN == "Poster for Measures to Combat Trafficking in Persons, etc.")
        #expect(exhibit("figure-8")?.credit == "Ministry of Justice and Ministry of Health, Labour and Welfare")
        #expect(exhibit("figure-8")?.captionEN == "Outline of the Technical Intern Training Act")
        #expect(exhibit("figure-8")?.item == OutlineNumber("3 (3) i)"))
        // Qualifiers stay in the caption; "(prepared by OTIT)" and "(Article 3 of …)" are not credits.
        #expect(exhibit("figure-10")?.credit == "Ministry of Health, Labour and Welfare")
        #expect(exhibit("figure-10")?.captionEN == "For all Foreign Nationals Working in Japan (in English) (excerpt)")
        #expect(exhibit("figure-9")?.credit == nil)
        #expect(exhibit("figure-1")?.credit == nil)
        #expect(exhibit("figure-31")?.credit == "IOM")
        #expect(exhibit("figure-34")?.credit == "JICA, National Women's Education Center")
        // The contents' list gives Figure 17 no credit; the body's caption does.
        #expect(exhibit("figure-17")?.credit == "Ministry of Health, Labour and Welfare")
        // "[Figure 38 The Protection of Human Rights (Ministry of Justice) (excerpt)]": the seed's misplaced bracket.
        #expect(exhibit("figure-38")?.credit == "Ministry of Justice")
        #expect(exhibit("table-1")?.item == OutlineNumber("1 (2)"))

        let computed = Set(edition.exhibits.filter(\.computed).map(\.id))
        #expect(computed == Set((3...7).map { "figure-\($0)" } + (2...5).map { "table-\($0)" }))
        #expect(edition.exhibits.allSatisfy { !$0.captionJA.isEmpty && !$0.captionEN.isEmpty && $0.sourceLine != nil })
    }

    @Test("every table and figure has a Japanese caption, CTIP's own, and every credit a Japanese name")
    func japaneseCaptions() throws {
        let (_, _, edition) = try parseSeed()
        #expect(Set(ExhibitCaptions.japanese.keys) == Set(edition.exhibits.map(\.id)))
        for exhibit in edition.exhibits {
            #expect(!exhibit.captionJA.isEmpty && exhibit.captionJA != exhibit.captionEN, "\(exhibit.id)")
            #expect(exhibit.captionJA == ExhibitCaptions.japanese[exhibit.id], "\(exhibit.id)")
            if let credit = exhibit.credit {
                #expect(ExhibitCaptions.credits[credit] != nil, "\(exhibit.id): credit `\(credit)`")
            }
        }
        let poster = try #require(edition.exhibits.first { $0.id == "figure-14" })
        #expect(poster.captionJA == ExhibitCaptions.japanese["figure-14"])
        #expect(poster.captionJA == "人身取引対策ポスター等")
        #expect(!poster.captionJA.unicodeScalars.contains { $0.isASCII && $0.properties.isAlphabetic })
        #expect(ExhibitCaptions.credits[poster.credit ?? ""] == "内閣府")
    }

    @Test("a heading of the contents missing from the body refuses the file at its line of the contents")
    func missingHeading() throws {
        let text = try #require(seed)
        var lines = text.components(separatedBy: "\n")
        let contentsLine = try #require(lines.firstIndex { $0.hasPrefix("(5)\tConsideration of tougher penalties") }) + 1
        let heading = try #require(lines.firstIndex {
            $0.trimmingCharacters(in: .whitespaces) == "**(5) Consideration of tougher penalties to prevent trafficking in persons**"
        })
        lines[heading] = ""
        do {
            let edition = try EditionParser.parse(lines.joined(separator: "\n"), file: "edition.txt", year: 2024, approvedOn: nil)
            Issue.record("accepted without 3 (5): \(edition.contributions.count) contributions")
        } catch {
            #expect(error.issues.map(\.description) == ["edition.txt:\(contentsLine): heading `3 (5) Consideration of…` of the contents not found in the body"])
        }

        // A heading the contents list and the body lacks.
        var listed = text.components(separatedBy: "\n")
        let after = try #require(listed.firstIndex { $0.hasPrefix("ii)\tRaising awareness of employers") })
        listed.insert("(8)\tA heading the body lacks\t40", at: after + 1)
        do {
            _ = try EditionParser.parse(listed.joined(separator: "\n"), file: "edition.txt", year: 2024, approvedOn: nil)
            Issue.record("accepted a contents heading the body lacks")
        } catch {
            #expect(error.issues.map(\.description) == ["edition.txt:\(after + 2): heading `3 (8) A heading…` of the contents not found in the body"])
        }

        // No contents: not an edition.
        do {
            _ = try EditionParser.parse("# Measures to Combat Trafficking in Persons\n\nSome text.\n", file: "other.txt", year: 2024, approvedOn: nil)
            Issue.record("accepted a file without contents")
        } catch {
            #expect(error.issues.count == 1 && error.issues.first?.line == 1 && error.description.hasPrefix("other.txt:1: "))
        }
    }

    @Test("ministries: the agencies a contribution names, in order of first mention")
    func ministries() throws {
        let (_, _, edition) = try parseSeed()
        let mofa = edition.contributions.filter { $0.textEN.contains("The Ministry of Foreign Affairs") }
        #expect(!mofa.isEmpty)
        #expect(mofa.allSatisfy { $0.ministries.contains("mofa") })
        // "visa" is not the ISA.
        #expect(edition.contributions.first { $0.home == OutlineNumber("3 (2) i)") }?.ministries == ["npa", "moj", "isa", "mhlw"])
        #expect(edition.contributions.first { $0.home == OutlineNumber("3 (1) ii)") }?.ministries == ["mofa"])
        #expect(edition.contributions.first { $0.textEN.hasPrefix("The police make efforts to uncover") }?.ministries == ["npa"])
        #expect(edition.contributions.first { $0.textEN.hasPrefix("In 2024, Prefectural Labor Bureaus and Labor Standards") }?.ministries == ["mhlw"])
        #expect(edition.contributions.first { $0.textEN.hasPrefix("The Japan Legal Support Center (Houterasu)") }?.ministries == ["houterasu"])
        #expect(edition.contributions.first { $0.home == OutlineNumber("6 (3) i) h)") }?.ministries == [])
    }
}
