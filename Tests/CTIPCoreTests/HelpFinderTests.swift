import CTIPCore
import Foundation
import Testing

private let finder = HelpFinder(directory: .shipped)
private func at(_ text: String) throws -> JapanTime { try JapanTime(iso: text) }

@Suite("Finding help")
struct HelpFinderTests {
    @Test("labour in Vietnamese on the evening of January 2: emergency numbers, then Vietnamese services, the hotline closed until January 4")
    func labourVietnamese() throws {
        let answer = finder.find(topic: "labour", language: "vi", emergency: false, at: try at("2025-01-02T20:00+09:00"))
        #expect(answer.notices.isEmpty)
        #expect(answer.entries.prefix(2).map(\.service.id) == ["police-110", "fire-ambulance-119"])
        let rest = answer.entries.dropFirst(2)
        #expect(rest.allSatisfy { $0.service.topics.contains(.labour) && $0.speaksLanguage })
        #expect(rest.contains { $0.service.id == "otit-native-language" })
        let hotline = try #require(rest.first { $0.service.id == "labor-standards-advice-hotline" })
        #expect(hotline.status == .closed(opensAt: try at("2025-01-04T09:00+09:00")))
        #expect(rest.last?.service.id == "labor-standards-advice-hotline")  // closed ones come last
    }

    @Test("open services come first with when they close, closed ones follow by when they open")
    func ordering() throws {
        // A weekday at 18:00: the hotline is open; Houterasu (weekdays 9–17) is closed until tomorrow 09:00.
        let answer = finder.find(topic: nil, language: "en", emergency: false, at: try at("2025-03-12T18:00+09:00"))
        let statuses = answer.entries.dropFirst(2).map(\.status)
        let firstClosed = statuses.firstIndex { $0.isOpen == false } ?? statuses.endIndex
        #expect(statuses[..<firstClosed].allSatisfy { $0.isOpen != false })
        #expect(statuses[firstClosed...].allSatisfy { $0.isOpen == false })
        let openFirst = statuses.firstIndex { $0.isOpen == nil } ?? statuses.endIndex
        #expect(statuses[..<openFirst].allSatisfy { $0.isOpen == true })
        #expect(answer.entries.contains { $0.service.id == "labor-standards-advice-hotline" && $0.status == .open(closesAt: try! at("2025-03-12T22:00+09:00")) })
    }

    @Test("an emergency puts the urgent services right after the emergency numbers")
    func emergency() throws {
        let answer = finder.find(topic: "labour", language: "vi", emergency: true, at: try at("2025-03-12T18:00+09:00"))
        #expect(answer.entries[2].service.id == "otit-sos-desk")
    }

    @Test("unknown topics and languages fall back with a notice, never an empty answer")
    func fallbacks() throws {
        let now = try at("2025-03-12T18:00+09:00")
        let unknownTopic = finder.find(topic: "weather", language: "en", emergency: false, at: now)
        #expect(unknownTopic.notices == [.unknownTopic("weather")])
        #expect(unknownTopic.topic == nil && unknownTopic.entries.count > 10)
        let unknownLanguage = finder.find(topic: "labour", language: "klingon", emergency: false, at: now)
        #expect(unknownLanguage.notices == [.unknownLanguage("klingon")])
        #expect(unknownLanguage.language == "en" && unknownLanguage.entries.count > 2)
        // Russian: no labour service speaks it.
        let russian = finder.find(topic: "labour", language: "ru", emergency: false, at: now)
        #expect(russian.notices == [.noServiceInLanguage("ru")])
        #expect(russian.entries.count > 2 && russian.entries[0].service.id == "police-110")
        #expect(finder.find(topic: "labour", language: "pt-BR", emergency: false, at: now).language == "pt")
        #expect(finder.find(topic: "labour", language: "fil", emergency: false, at: now).language == "tl")
    }

    @Test("the JSON answer has the contract's fields, with nulls written out")
    func json() throws {
        let answer = finder.find(topic: "labour", language: "vi", emergency: false, at: try at("2025-01-02T20:00+09:00"))
        let object = try JSONSerialization.jsonObject(with: HelpAnswerJSON(answer).data()) as! [String: Any]
        let services = object["services"] as! [[String: Any]]
        #expect(services.count == answer.entries.count)
        for service in services {
            for key in ["id", "name", "phones", "languages", "open_now", "closes_at", "opens_at"] { #expect(service.keys.contains(key), "\(key)") }
        }
        let hotline = try #require(services.first { $0["id"] as? String == "labor-standards-advice-hotline" })
        #expect(hotline["open_now"] as? Bool == false)
        #expect(hotline["opens_at"] as? String == "2025-01-04T09:00+09:00")
        #expect(hotline["closes_at"] is NSNull)
        #expect((services[0]["phones"] as! [[String: Any]])[0]["number"] as? String == "110")
    }
}
