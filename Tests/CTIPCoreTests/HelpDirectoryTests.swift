import CTIPCore
import Foundation
import Testing

/// Figure 25 of the seed, kept beside the tests (Tests/Fixtures); when the seed itself is on this
/// machine the copy is checked against it.
private func figure25() throws -> String {
    let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/seed-figure-25.txt")
    return try String(contentsOf: fixture, encoding: .utf8)
}

private let seedPath = ProcessInfo.processInfo.environment["CTIP_SEED"] ?? "/work/shared/seed/000_d5bf70a9649b1a73.txt"

/// Telephone numbers as written in the seed: `110`, `# 9110`, `0570-013904`, `050-3754-5430`…
private func phoneNumbers(in text: String) throws -> Set<String> {
    let pattern = try NSRegularExpression(pattern: #"(#\s?\d{4})|\b(0\d{1,4}-\d{2,4}-\d{3,4}|0\d{3}-\d{6})\b|\b(11[09])\b"#)
    var numbers: Set<String> = []
    for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
        let found = String(text[Range(match.range, in: text)!])
        numbers.insert(HelpPhone(number: found).dialled)
    }
    return numbers
}

@Suite("The directory of consultation services")
struct HelpDirectoryTests {
    let directory = HelpDirectory.shipped

    @Test("every telephone number of Figure 25 is in the directory")
    func figure25Numbers() throws {
        let text = try figure25()
        let expected = try phoneNumbers(in: text)
        #expect(expected.count >= 13, "parsed only \(expected.sorted()) from Figure 25")
        let listed = Set(directory.services.flatMap(\.phones).map(\.dialled))
        let missing = expected.subtracting(listed)
        #expect(missing.isEmpty, "Figure 25 numbers missing from the directory: \(missing.sorted())")
    }

    @Test("the Figure 25 fixture is the seed's text", .enabled(if: FileManager.default.fileExists(atPath: seedPath)))
    func fixtureMatchesSeed() throws {
        let seed = try String(contentsOfFile: seedPath, encoding: .utf8)
        #expect(seed.contains(try figure25().trimmingCharacters(in: .newlines)))
    }

    @Test("every entry cites the seed, has a topic and a way to reach it; ids are unique")
    func entries() {
        #expect(directory.services.count >= 25)
        #expect(Set(directory.services.map(\.id)).count == directory.services.count)
        let citation = try! NSRegularExpression(pattern: #"^(Figure \d+|\d \(\d\)( [ivx]+\))?)(; (Figure \d+|\d \(\d\)( [ivx]+\))?))*$"#)
        for service in directory.services {
            #expect(citation.firstMatch(in: service.seed, range: NSRange(service.seed.startIndex..., in: service.seed)) != nil,
                    "\(service.id): seed citation \"\(service.seed)\"")
            #expect(!service.topics.isEmpty)
            // Cure time is found by its name on social media; the embassy is the caller's own.
            #expect(!service.phones.isEmpty || service.website != nil || service.address != nil
                        || service.channels == [.socialMedia] || service.id == "embassies-consulates",
                    "\(service.id) cannot be reached")
        }
        #expect(directory.services.filter(\.emergency).map(\.id) == ["police-110", "fire-ambulance-119"])
    }

    @Test("the seed's stated languages and hours are kept")
    func seedFacts() throws {
        let hotline = try #require(directory.service(id: "labor-standards-advice-hotline"))
        #expect(hotline.languages.count == 14)  // 13 languages of 3 (3) ii) and Japanese
        #expect(hotline.hours.description == "weekdays 17:00-22:00; sat,sun,holidays 09:00-21:00; closed 12-28..01-03")
        let otit = try #require(directory.service(id: "otit-native-language"))
        #expect(Set(otit.languages) == ["ja", "en", "zh", "th", "tl", "vi", "id", "my", "km"])
        let yoriso = try #require(directory.service(id: "yoriso-hotline"))
        #expect(yoriso.languages.count == 11 && yoriso.free)
        #expect(try #require(directory.service(id: "human-rights-centers-foreigners")).anyLanguage)
        #expect(try #require(directory.service(id: "one-stop-support-8891")).anonymous)
    }

    @Test("an import is described by the services it adds, changes or removes")
    func changes() throws {
        var services = directory.services
        let removed = services.removeFirst()
        let changed = services[3]
        services[3] = try HelpDirectory.service(from: HelpDirectory.row(changed).merging(["hours": "weekdays 10:00-11:00"]) { $1 }) { field, message in
            DirectoryDataError(location: "test", field: field, message: message)
        }
        let edited = HelpDirectory(services: services.reversed())
        #expect(edited.changedServiceIDs(from: directory) == [removed.id, changed.id].sorted())
        #expect(directory.changedServiceIDs(from: directory).isEmpty)
    }

    @Test("CSV and JSON both carry the directory unchanged")
    func roundTrips() throws {
        #expect(try HelpDirectory(csv: directory.csv()) == directory)
        #expect(try HelpDirectory(json: directory.json()) == directory)
        #expect(directory.csv() == (try HelpDirectory(json: directory.json()).csv()))
    }

    @Test("bad rows are refused naming the file, line and column")
    func badCSV() throws {
        var text = String(decoding: directory.csv(), as: UTF8.self)
        text = text.replacingOccurrences(of: "labour trafficking,ja en zh pt", with: "labour trafikking,ja en zh pt")
        do {
            _ = try HelpDirectory(csv: Data(text.utf8), file: "services.csv")
            Issue.record("a bad topic was accepted")
        } catch {
            #expect(error.description.hasPrefix("services.csv:"))
            #expect(error.field == "topics")
            #expect(error.description.contains("trafikking"))
        }
        let bad = HelpDirectory.columns.joined(separator: ",") + "\nx,X,X,,,labour,vie,no,phone,,,,,unknown,,no,no,no,Figure 25,\n"
        #expect(throws: DirectoryDataError(file: "f.csv", location: "2", field: "languages",
                                           message: "\"vie\" is not an ISO 639-1 code (two lower-case letters, e.g. vi)")) {
            try HelpDirectory(csv: Data(bad.utf8), file: "f.csv")
        }
        let json = #"{"services":[{"id":"a","name_en":"A","name_ja":"A","topics":["labour"],"languages":["ja"],"hours":"weekdays 9-5","seed":"Figure 25"}]}"#
        do { _ = try HelpDirectory(json: Data(json.utf8), file: "d.json") } catch {
            #expect(error.location == "services[0]" && error.field == "hours")
        }
        let missing = #"{"services":[{"id":"a","name_en":"A","topics":["labour"],"languages":["ja"],"seed":"Figure 25"}]}"#
        do { _ = try HelpDirectory(json: Data(missing.utf8), file: "d.json") } catch {
            #expect(error.description.contains("name_ja"))
        }
    }
}
