import CTIPCore
import CTIPStorage
import Foundation
import Testing
import VaporTesting
@testable import CTIPWeb

/// January 2, 2025, 20:00 in Japan: inside the New Year closure of the Labor Standards Advice Hotline.
private let newYearEvening = "2025-01-02T20:00%2B09:00"

@Suite("Web: finding help")
struct HelpWebTests {
    @Test("GET /help in Vietnamese answers labour questions with open and closed services, and matches its snapshot")
    func vietnamese() async throws {
        try await withFreshApp { app in
            try await app.testing().test(.GET, "help?topic=labour&lang=vi&at=\(newYearEvening)") { response async throws in
                #expect(response.status == .ok)
                #expect(response.headers.first(name: .contentLanguage) == "vi")
                let page = response.body.string
                #expect(page.contains("<html lang=\"vi\">"))
                #expect(page.contains("<h1>Tìm trợ giúp</h1>"))
                #expect(page.contains("href=\"tel:110\""))
                #expect(page.contains("Labor Standards Advice Hotline"))
                #expect(page.contains("Đang đóng · mở lúc 2025-01-04 09:00"))
                #expect(page.contains("<option value=\"labour\" selected=\"selected\">"))
                #expect(page.range(of: "emergency-heading")!.lowerBound < page.range(of: "results-heading")!.lowerBound)
                try assertSnapshot(page, named: "help-vi.html")
            }
        }
    }

    @Test("GET /help in Japanese and English, every label tied to its field", arguments: ["ja", "en"])
    func languages(language: String) async throws {
        try await withFreshApp { app in
            try await app.testing().test(.GET, "help?lang=\(language)&at=\(newYearEvening)") { response async throws in
                let page = response.body.string
                #expect(page.contains("<html lang=\"\(language)\">"))
                for field in ["topic", "lang", "emergency"] {
                    #expect(page.contains("<label for=\"\(field)\">"))
                    #expect(page.contains("id=\"\(field)\""))
                }
                try assertSnapshot(page, named: "help-\(language).html")
            }
        }
    }

    @Test("the page follows Accept-Language when no lang is asked")
    func acceptLanguage() async throws {
        try await withFreshApp { app in
            try await app.testing().test(.GET, "help", headers: ["Accept-Language": "th-TH,th;q=0.9,en;q=0.5"]) { response async throws in
                #expect(response.body.string.contains("<html lang=\"th\">"))
                #expect(response.body.string.contains("หาความช่วยเหลือ"))
            }
            try await app.testing().test(.GET, "help", headers: ["Accept-Language": "pt-BR,pt;q=0.9"]) { response async throws in
                #expect(response.body.string.contains("<html lang=\"pt\">"))
                #expect(response.body.string.contains("<h1>Encontrar ajuda</h1>"))
            }
            // A language the services speak but the page does not: the page in English, the services in Nepali.
            try await app.testing().test(.GET, "help?lang=ne&topic=labour") { response async throws in
                let page = response.body.string
                #expect(page.contains("<html lang=\"en\">"))
                #expect(page.contains("<option value=\"ne\" lang=\"ne\" selected=\"selected\">"))
                #expect(page.contains("Labor Standards Advice Hotline") && !page.contains("OTIT native language consultation"))
            }
        }
    }

    @Test("unknown topic and language fall back with a notice; an impossible time is refused but the numbers stay")
    func badInput() async throws {
        try await withFreshApp { app in
            try await app.testing().test(.GET, "help?topic=weather&lang=xx") { response async throws in
                #expect(response.status == .ok)
                let page = response.body.string
                #expect(page.contains("We did not recognise that topic, so all services are shown."))
                #expect(page.contains("We did not recognise that language, so services in English are shown."))
                #expect(page.contains("Foreign-language Human Rights Hotline"))
            }
            try await app.testing().test(.GET, "help?lang=ja&at=2025-02-30T10:00%2B09:00") { response async throws in
                #expect(response.status == .badRequest)
                let page = response.body.string
                #expect(page.contains("指定された時刻が正しくないため"))
                #expect(page.contains("href=\"tel:110\""))
            }
        }
    }

    @Test("GET /api/public/help keeps the contract: services with id, name, phones, languages, open_now, closes_at/opens_at")
    func api() async throws {
        try await withFreshApp { app in
            try await app.testing().test(.GET, "api/public/help?topic=labour&lang=vi&at=\(newYearEvening)") { response async throws in
                #expect(response.status == .ok)
                #expect(response.headers.contentType == .json)
                let object = try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as! [String: Any]
                #expect(object["topic"] as? String == "labour" && object["language"] as? String == "vi")
                #expect(object["at"] as? String == "2025-01-02T20:00+09:00")
                let services = object["services"] as! [[String: Any]]
                #expect(services.first?["id"] as? String == "police-110")
                let hotline = try #require(services.first { $0["id"] as? String == "labor-standards-advice-hotline" })
                #expect(hotline["open_now"] as? Bool == false)
                #expect(hotline["opens_at"] as? String == "2025-01-04T09:00+09:00")
                for service in services {
                    #expect(Set(service.keys).isSuperset(of: ["id", "name", "phones", "languages", "open_now", "closes_at", "opens_at"]))
                }
            }
            // The unescaped + of a hand-typed URL arrives as a space and is still understood.
            try await app.testing().test(.GET, "api/public/help?topic=labour&lang=vi&at=2025-01-02T20:00+09:00") { response async throws in
                #expect(response.status == .ok)
            }
            try await app.testing().test(.GET, "api/public/help?at=2025-13-01T10:00Z") { response async throws in
                #expect(response.status == .badRequest)
                let object = try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as! [String: Any]
                #expect((object["error"] as? String)?.hasPrefix("at: ") == true)
                let ids = (object["services"] as! [[String: Any]]).compactMap { $0["id"] as? String }
                #expect(ids == ["police-110", "fire-ambulance-119"])
            }
        }
    }

    @Test("the answer follows a directory imported by staff")
    func importedDirectory() async throws {
        try await withFreshApp { app in
            let only = HelpDirectory(services: HelpDirectory.shipped.services.filter { $0.emergency || $0.id == "yoriso-hotline" })
            try await HelpDirectoryStore(database: app.db).replace(with: only)
            try await app.testing().test(.GET, "api/public/help?lang=ne") { response async throws in
                let object = try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as! [String: Any]
                #expect((object["services"] as! [[String: Any]]).compactMap { $0["id"] as? String } == ["police-110", "fire-ambulance-119", "yoriso-hotline"])
            }
        }
    }

    @Test("the contact card: a form first, then cards with the organisation's own contact before the others")
    func card() async throws {
        try await withFreshApp { app in
            try await app.testing().test(.GET, "help/card?lang=en") { response async throws in
                #expect(response.status == .ok)
                let page = response.body.string
                #expect(page.contains("<label for=\"org\">") && page.contains("<label for=\"phone\">"))
                #expect(page.contains("<legend>Print as</legend>"))
            }
            try await app.testing().test(.GET, "help/card?org=Sakura%20Care%20Co.%2C%20Ltd.&phone=03-1234-5678&hours=Weekdays%209%3A00-17%3A00&lang=vi&topic=labour&layout=sheet") { response async throws in
                let page = response.body.string
                #expect(page.components(separatedBy: "class=\"card front\"").count - 1 == 5)
                let own = try #require(page.range(of: "Sakura Care Co., Ltd."))
                let others = try #require(page.range(of: "Nếu bạn không muốn nói chuyện với chủ sử dụng lao động"))
                #expect(own.lowerBound < others.lowerBound)
                #expect(page.contains("<div class=\"sheet sheet\">"))  // five to an A4 sheet (the stylesheet's `cardsheet` page)
                #expect(page.contains("0570-090911"))  // the human rights line speaks Vietnamese
                #expect(!page.contains("0570-003-110"))  // the Japanese-only one does not
                try assertSnapshot(page, named: "card-vi.html")
            }
            try await app.testing().test(.GET, "help/card?org=Sakura&phone=03-1234-5678&lang=ja&layout=card") { response async throws in
                let page = response.body.string
                #expect(page.contains("<div class=\"sheet card\">"))  // one card a page (the stylesheet's `card` page, 85.6 × 54 mm)
                #expect(page.components(separatedBy: "class=\"card front\"").count - 1 == 1)
                #expect(page.contains("まずはこちらへご連絡ください"))
            }
        }
    }
}

@Suite("Web: the help page's own words")
struct HelpTextTests {
    @Test("every page language has every word a person in need reads", arguments: HelpText.languages)
    func complete(language: String) throws {
        let english = Set(try #require(HelpText.table["en"]).keys)
        let words = try #require(HelpText.table[language], "no words for \(language)")
        let missing = english.subtracting(words.keys).subtracting(HelpText.cardFormKeys)
        #expect(missing.isEmpty, "\(language) lacks \(missing.sorted())")
        #expect(Set(words.keys).isSubset(of: english), "\(language) has words English has not")
        for (key, value) in words where english.contains(key) {
            #expect(value.contains("{}") == HelpText.table["en"]![key]!.contains("{}"), "\(language).\(key): the time's place")
        }
    }
}
