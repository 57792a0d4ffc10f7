import CTIPCore
import Foundation
import Testing

/// A seeded generator (SplitMix64) so that properties of generated receipts can be checked repeatably.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Hot lines: URL normalisation and de-duplication")
struct URLNormalisationTests {
    func key(_ text: String) throws -> String { try URLNormaliser.normalise(text).key }

    @Test("RFC 3492's sample strings encode to its Punycode", arguments: [
        ("ليهمابتكلموشعربي؟", "egbpdaj6bu4bxfgehfvwxn"),
        ("他们为什么不说中文", "ihqwcrb4cv8a8dqg056pqjye"),
        ("Pročprostěnemluvíčesky", "Proprostnemluvesky-uyb24dma41a"),
        ("なぜみんな日本語を話してくれないのか", "n8jok5ay5dzabd5bym9f0cm5685rrjetr6pdxa"),
        ("bücher", "bcher-kva"),
        ("abc", "abc-"),
    ])
    func punycode(input: String, expected: String) throws {
        #expect(try Punycode.encode(input) == expected)
    }

    @Test("spellings of the same page become one key", arguments: [
        ["http://example.com/a/b", "HTTP://EXAMPLE.COM/a/b", "https://example.com:443/a/b", "http://example.com:80/a/b",
         "example.com/a/b", "//example.com/a/b", "http://example.com./a/b", "http://example.com/a/./c/../b",
         "http://example.com/a/b#comments", "http://user:secret@example.com/a/b", "http://example.com/%61/%62",
         "http:\\\\example.com\\a\\b", "https://example.com/a/b?utm_source=x&utm_medium=social&fbclid=abc&gclid=1",
         "  http://example.com/a/b \n", "http://ｅｘａｍｐｌｅ．ｃｏｍ/a/b", "http://example。com/a/b", "http:example.com/a/b"],
        ["https://example.com/p?b=2&a=1", "https://example.com/p?a=1&b=2", "https://example.com/p?a=1&utm_campaign=z&b=2&"],
        ["https://example.com/%e3%81%82", "https://example.com/%E3%81%82", "https://example.com/あ"],
        ["https://bücher.example/", "https://xn--bcher-kva.example/", "https://BÜCHER.example/", "https://b%C3%BCcher.example/"],
    ])
    func same(spellings: [String]) throws {
        let keys = try Set(spellings.map(key))
        #expect(keys.count == 1, "\(keys)")
    }

    @Test("look-alikes and real differences stay apart", arguments: [
        ("https://paypal.com/", "https://pаypal.com/"),            // Cyrillic а
        ("https://apple.com/", "https://аррӏе.com/"),              // whole-script Cyrillic
        ("https://example.com/", "https://www.example.com/"),
        ("https://example.com/a", "https://example.com/A"),
        ("https://example.com/a", "https://example.com/a/"),
        ("https://example.com/a/b", "https://example.com/a%2Fb"),
        ("https://example.com/", "https://example.com:8443/"),
        ("https://example.com/?id=1", "https://example.com/?id=2"),
        ("https://example.com/?a=1&a=2", "https://example.com/?a=2&a=1"),
        ("https://example.com/#!/item/1", "https://example.com/#!/item/2"),
        ("http://bank.example@evil.example/", "http://bank.example/"),
        ("https://example.com.evil.example/", "https://example.com/"),
        ("https://exarnple.com/", "https://example.com/"),          // rn for m
        ("https://example.com/?q=a+b", "https://example.com/?q=a%2Bb"),
    ])
    func apart(first: String, second: String) throws {
        #expect(try key(first) != key(second))
    }

    @Test("the canonical form keeps what the site administrator needs")
    func canonical() throws {
        let url = try URLNormaliser.normalise("HTTPS://User@Bücher.Example:443/Shop/../Item%7e1?utm_source=x&ref=A#top")
        #expect(url.url == "https://xn--bcher-kva.example/Item~1?ref=A")
        #expect(url.host == "xn--bcher-kva.example")
        #expect(url.key == "xn--bcher-kva.example/Item~1?ref=A")
        #expect(try URLNormaliser.normalise("https://example.com/a b<script>").url == "https://example.com/a%20b%3Cscript%3E")
        #expect(try URLNormaliser.normalise("http://[2001:DB8::1]:8080/x").url == "http://[2001:db8::1]:8080/x")
    }

    @Test("what cannot be a web address is refused with the reason", arguments: [
        ("", URLNormalisationError.empty),
        ("javascript:alert(1)", .unsupportedScheme("javascript")),
        ("data:text/html,<script>", .unsupportedScheme("data")),
        ("ftp://example.com/file", .unsupportedScheme("ftp")),
        ("http://", .missingHost),
        ("http://exa mple.com/", .badHost),
        ("http://exa\u{200B}mple.com/", .badHost),                  // zero-width space
        ("http://a..b/", .badHost),
        ("http://example.com:99999/", .badPort),
        ("http://example.com:8o/", .badPort),
        ("http://example.com/\u{7}", .controlCharacters),
        ("http://example.com/" + String(repeating: "a", count: 2_100), .tooLong(limit: 2_048)),
    ])
    func refused(text: String, error: URLNormalisationError) {
        #expect(throws: error) { try URLNormaliser.normalise(text) }
    }
}

@Suite("Hot lines: receipts, passcodes and submissions")
struct HotlineCredentialTests {
    @Test("receipts are 16 random digits, never in sequence; passcodes carry at least 80 bits")
    func credentials() {
        var generator = SeededGenerator(state: 42)
        let receipts = (0..<2_000).map { _ in HotlineCredentials.newReceipt(using: &generator) }
        #expect(Set(receipts).count == receipts.count)
        for receipt in receipts {
            #expect(receipt.filter(\.isNumber).count == 16)
            #expect(HotlineCredentials.canonicalReceipt(receipt) == receipt)
        }
        let numbers = receipts.map { Int($0.filter(\.isNumber))! }
        let steps = zip(numbers, numbers.dropFirst()).map { $1 - $0 }
        #expect(Set(steps).count > 1_900, "consecutive receipts must not differ by a constant step")
        #expect(steps.filter { $0 > 0 }.count < 1_200, "receipts must not grow with time")
        #expect(HotlineCredentials.passcodeBits >= 80)
        let passcodes = (0..<2_000).map { _ in HotlineCredentials.newPasscode(using: &generator) }
        #expect(Set(passcodes).count == passcodes.count)
        // Every letter of the alphabet turns up: the generator is not stuck on a subset.
        #expect(Set(passcodes.joined().filter { $0 != "-" }).count == 32)
    }

    @Test("a passcode read back by a person is still the passcode")
    func typedPasscode() {
        #expect(HotlineCredentials.canonicalPasscode("abcde-fghjk-mnpqr-stvwx") == "ABCDE-FGHJK-MNPQR-STVWX")
        #expect(HotlineCredentials.canonicalPasscode("0O1IL 00000 00000 00000") == "00111-00000-00000-00000")
        #expect(HotlineCredentials.canonicalPasscode("ABCDE") == nil)
        #expect(HotlineCredentials.canonicalPasscode("ABCDE-FGHJK-MNPQR-STVWU") == nil)
        #expect(HotlineCredentials.canonicalReceipt("１２３４ ５６７８ ９０１２ ３４５６") == "1234-5678-9012-3456")
        #expect(HotlineCredentials.canonicalReceipt("1234-5678-9012-345") == nil)
    }

    let prefectures = Set(CodeLists.shipped.prefectureOrder)

    @Test("a tip is checked field by field, the first wrong field named")
    func tipValidation() throws {
        let tip = try TipSubmission(language: "th", category: "trafficking", prefecture: "jp-13", description: " <script>alert(1)</script>\r\nline two ",
                                    prefectures: prefectures)
        #expect(tip.prefecture == "JP-13")
        #expect(tip.description == "<script>alert(1)</script>\nline two")
        func refusal(_ lang: String?, _ category: String?, _ prefecture: String?, _ description: String?) -> HotlineInputError? {
            do { _ = try TipSubmission(language: lang, category: category, prefecture: prefecture, description: description, prefectures: prefectures); return nil }
            catch { return error }
        }
        #expect(refusal(nil, "other", "JP-13", "x") == HotlineInputError(field: "lang", problem: .missing))
        #expect(refusal("fr", "other", "JP-13", "x") == HotlineInputError(field: "lang", problem: .unknownLanguage))
        #expect(refusal("en", "murder", "JP-13", "x") == HotlineInputError(field: "category", problem: .unknownCategory))
        #expect(refusal("en", "other", "JP-48", "x") == HotlineInputError(field: "prefecture", problem: .unknownPrefecture))
        #expect(refusal("en", "other", "JP-13", "   ") == HotlineInputError(field: "description", problem: .missing))
        #expect(refusal("en", "other", "JP-13", "a\u{0}b") == HotlineInputError(field: "description", problem: .controlCharacters))
        #expect(refusal("en", "other", "JP-13", "evil\u{202E}txt.exe") == HotlineInputError(field: "description", problem: .controlCharacters))
        #expect(refusal("en", "other", "JP-13", String(repeating: "あ", count: 4_001)) == HotlineInputError(field: "description", problem: .tooLong(limit: 4_000)))
        #expect(refusal("en", "other", "JP-13", String(repeating: "あ", count: 4_000)) == nil)
    }

    @Test("an internet report needs a web address; its description is optional")
    func internetValidation() throws {
        let report = try InternetReportSubmission(language: "zh", category: "grave_crime", url: "EXAMPLE.com/offer?utm_source=x", description: nil)
        #expect(report.url.url == "http://example.com/offer")
        #expect(report.description == "")
        #expect(throws: HotlineInputError(field: "url", problem: .malformedURL(.unsupportedScheme("javascript")))) {
            try InternetReportSubmission(language: "en", category: "csam", url: "javascript:alert(1)", description: nil)
        }
        #expect(throws: HotlineInputError(field: "category", problem: .unknownCategory)) {
            try InternetReportSubmission(language: "en", category: "trafficking", url: "https://example.com/", description: nil)
        }
    }
}

@Suite("Hot lines: statistics by fiscal year, deletion requests")
struct HotlineStatisticsTests {
    @Test("a fiscal year runs from April to March")
    func fiscalYear() {
        #expect(FiscalYear(2023).months.first == HotlineMonth(year: 2023, month: 4))
        #expect(FiscalYear(2023).months.last == HotlineMonth(year: 2024, month: 3))
        #expect(FiscalYear(containing: HotlineMonth(year: 2024, month: 3)) == FiscalYear(2023))
        #expect(FiscalYear(containing: HotlineMonth(year: 2024, month: 4)) == FiscalYear(2024))
        // 2024-03-31T15:30Z is 00:30 on April 1 in Japan: FY2024.
        let instant = JapanTime(secondsSinceEpoch: 1_711_899_000)
        #expect(HotlineMonth(instant).description == "2024-04")
    }

    @Test("figures count each fact once, in its month and in the year; other years are left out")
    func figures() {
        let april = HotlineMonth(year: 2023, month: 4), march = HotlineMonth(year: 2024, month: 3)
        let tips = [
            TipFact(month: april, category: .trafficking, forwarded: true, outcome: .victimProtected, reward: .paid, rewardAmount: 100_000),
            TipFact(month: april, category: .trafficking, forwarded: true, outcome: .investigating, reward: .none, rewardAmount: 0),
            TipFact(month: march, category: .childAbuse, forwarded: false, outcome: nil, reward: .none, rewardAmount: 0),
            TipFact(month: HotlineMonth(year: 2023, month: 3), category: .trafficking, forwarded: true, outcome: nil, reward: .none, rewardAmount: 0),
        ]
        let items = [
            InternetItemFact(month: april, reports: 1_000, category: .csam, judgement: .illegal, deletionRequested: true, secondsToDeletion: 3_600),
            InternetItemFact(month: april, reports: 2, category: .prostitutionInducement, judgement: .illegal, deletionRequested: true, secondsToDeletion: 10_800),
            InternetItemFact(month: march, reports: 1, category: .graveCrime, judgement: .illegal, deletionRequested: true, secondsToDeletion: nil),
            InternetItemFact(month: march, reports: 5, category: .harmful, judgement: .notIllegal, deletionRequested: false, secondsToDeletion: nil),
        ]
        let statistics = HotlineStatistics(fiscalYear: FiscalYear(2023), tips: tips, internetItems: items)
        #expect(statistics.months.count == 12)
        #expect(statistics.total.tipsReceived == 3)
        #expect(statistics.total.tipsByCategory["trafficking"] == 2)
        #expect(statistics.total.tipsForwarded == 2)
        #expect(statistics.total.outcomes["victim_protected"] == 1)
        #expect(statistics.total.rewardsPaid == 1 && statistics.total.rewardAmountPaid == 100_000)
        #expect(statistics.total.internetReportsReceived == 1_008)
        #expect(statistics.total.internetItems == 4)
        #expect(statistics.total.judgedIllegal == 3)
        #expect(statistics.total.deletionRequested == 3 && statistics.total.deleted == 2)
        #expect(statistics.total.deletionRate == 2.0 / 3.0)
        #expect(statistics.total.medianHoursToDeletion == 2)
        #expect(statistics.months[0].month == "2023-04" && statistics.months[0].figures.tipsReceived == 2)
        #expect(statistics.months[11].month == "2024-03" && statistics.months[11].figures.deletionRate == 0)
        #expect(statistics.months[5].figures.deletionRate == nil && statistics.months[5].figures.medianHoursToDeletion == nil)
    }

    @Test("deletion requests cite the category's law, in Japanese or English")
    func letters() {
        let day = Day(year: 2024, month: 5, day: 1)!
        let japanese = DeletionRequestLetter(language: .ja, url: "https://example.com/x", category: .csam, reference: "ABC123", found: day)
        #expect(japanese.body.contains("児童買春、児童ポルノに係る行為等の規制及び処罰並びに児童の保護等に関する法律第7条"))
        #expect(japanese.body.contains("https://example.com/x") && japanese.subject.contains("ABC123"))
        #expect(japanese.body.contains("警察にも通報"))
        let english = DeletionRequestLetter(language: .en, url: "https://example.com/y", category: .graveCrime, reference: "DEF", found: day)
        #expect(english.body.contains("Article 226-2") && english.body.contains("2024-05-01"))
        let harmful = DeletionRequestLetter(language: .en, url: "https://example.com/z", category: .harmful, reference: "G", found: day)
        #expect(harmful.body.contains("terms of service") && !harmful.body.contains("reported to the police"))
        for category in InternetCategory.allCases {
            #expect(DeletionRequestLetter.legalGround(category, .ja) != DeletionRequestLetter.legalGround(category, .en))
        }
    }
}
