import CTIPCore
import CTIPStorage
import Foundation
import Testing
import VaporTesting
@testable import CTIPWeb

/// Markers a reporter's browser sends; none may end up in the database.
private let markerAgent = "MarkerBrowser/9.9 (reporter-fingerprint-7Q3)"
private let markerAddress = "203.0.113.77"
private let markerCookie = "tracking=cookie-marker-5Z8"

private func formBody(_ fields: [(String, String)]) -> ByteBuffer {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return ByteBuffer(string: fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(separator: "&"))
}

private func jsonBody(_ object: [String: Any]) -> ByteBuffer {
    ByteBuffer(data: try! JSONSerialization.data(withJSONObject: object))
}

/// The text between `id="<id>"…>` and the next `<`.
private func element(_ id: String, in page: String) -> String? {
    guard let start = page.range(of: "id=\"\(id)\"") else { return nil }
    guard let open = page[start.upperBound...].firstIndex(of: ">") else { return nil }
    let rest = page[page.index(after: open)...]
    return String(rest[..<(rest.firstIndex(of: "<") ?? rest.endIndex)]).trimmingCharacters(in: .whitespacesAndNewlines)
}

@Suite("Web: the hot lines")
struct HotlineWebTests {
    @Test("the report forms speak the reporter's language, every field labelled", arguments: ["ja", "en", "th", "zh"])
    func forms(language: String) async throws {
        try await withFreshApp { app in
            try await app.testing().test(.GET, "report?lang=\(language)") { response async throws in
                #expect(response.status == .ok)
                #expect(response.headers.first(name: .contentLanguage) == language)
                let page = response.body.string
                #expect(page.contains("<html lang=\"\(language)\">"))
                #expect(page.contains("<h1>\(HotlineText(language: language)["report.title"])</h1>"))
                for field in ["category", "prefecture", "description", "danger_now"] {
                    #expect(page.contains("<label for=\"\(field)\">") && page.contains("id=\"\(field)\""))
                }
                #expect(page.contains("<option value=\"JP-47\">"))
                #expect(response.headers.first(name: .setCookie) == nil)
            }
            try await app.testing().test(.GET, "internet-hotline", headers: ["Accept-Language": "\(language);q=0.9"]) { response async throws in
                let page = response.body.string
                #expect(page.contains("<html lang=\"\(language)\">"))
                for field in ["category", "url", "description"] { #expect(page.contains("<label for=\"\(field)\">")) }
                #expect(page.contains("value=\"grave_crime\""))
            }
        }
    }

    @Test("the public pages match their snapshots (the receipt and passcode, which are random, replaced)")
    func snapshots() async throws {
        let clock = Date(timeIntervalSince1970: 1_770_685_200) // February 10, 2026, 10:00 in Japan
        try await withFreshApp(now: { clock }) { app in
            for (path, name) in [("report?lang=ja", "hotline-report-ja.html"), ("report?lang=en", "hotline-report.html"),
                                 ("internet-hotline?lang=ja", "hotline-internet-ja.html"), ("report/status?lang=en", "hotline-status-form.html")] {
                try await app.testing().test(.GET, path) { response async throws in
                    #expect(response.status == .ok, "\(path)")
                    try assertSnapshot(response.body.string, named: name)
                }
            }
            let headers: HTTPHeaders = ["Content-Type": "application/x-www-form-urlencoded"]
            var receipt = "", passcode = ""
            func scrubbed(_ page: String) -> String {
                page.replacingOccurrences(of: receipt, with: "RECEIPT").replacingOccurrences(of: passcode, with: "PASSCODE")
            }
            try await app.testing().test(.POST, "report", headers: headers, body: formBody([
                ("lang", "ja"), ("category", "trafficking"), ("prefecture", "JP-23"), ("description", "工場で旅券を取り上げられている"),
            ])) { response async throws in
                #expect(response.status == .created)
                receipt = element("receipt", in: response.body.string) ?? ""
                passcode = element("passcode", in: response.body.string) ?? ""
                #expect(!receipt.isEmpty && !passcode.isEmpty)
                try assertSnapshot(scrubbed(response.body.string), named: "hotline-receipt-ja.html")
            }
            try await app.testing().test(.POST, "report/status", headers: headers,
                                         body: formBody([("lang", "en"), ("receipt", receipt), ("passcode", passcode)])) { response async throws in
                #expect(response.status == .ok)
                try assertSnapshot(scrubbed(response.body.string), named: "hotline-status.html")
            }
        }
    }

    @Test("a tip sent through the form is read back with its receipt and passcode; nothing of the browser is kept")
    func formRoundTrip() async throws {
        try await withFreshApp { app in
            let headers: HTTPHeaders = ["Content-Type": "application/x-www-form-urlencoded", "User-Agent": markerAgent,
                                        "X-Forwarded-For": markerAddress, "X-Real-IP": markerAddress, "Cookie": markerCookie]
            var receipt = "", passcode = ""
            try await app.testing().test(.POST, "report", headers: headers, body: formBody([
                ("lang", "en"), ("category", "trafficking"), ("prefecture", "JP-13"), ("description", "Two women <script>alert(1)</script> kept upstairs"),
            ])) { response async throws in
                #expect(response.status == .created)
                #expect(response.headers.first(name: .setCookie) == nil)
                #expect(response.headers.first(name: .cacheControl) == "no-store")
                receipt = element("receipt", in: response.body.string) ?? ""
                passcode = element("passcode", in: response.body.string) ?? ""
            }
            #expect(HotlineCredentials.canonicalReceipt(receipt) == receipt)
            #expect(HotlineCredentials.canonicalPasscode(passcode) == passcode)
            try await app.testing().test(.POST, "report/status", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                         body: formBody([("lang", "en"), ("receipt", receipt), ("passcode", passcode)])) { response async throws in
                #expect(response.status == .ok)
                #expect(element("state", in: response.body.string) == "Received, waiting to be read")
            }
            // The reporter's answer, markup and all, comes back as text.
            try await app.testing().test(.POST, "report/status/answer", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                         body: formBody([("lang", "en"), ("receipt", receipt), ("passcode", passcode), ("answer", "<img src=x onerror=alert(1)>")])) { response async throws in
                let page = response.body.string
                #expect(response.status == .ok)
                #expect(page.contains("&lt;img src=x onerror=alert(1)&gt;"))
                #expect(!page.contains("<img src=x"))
            }
            try await app.testing().test(.POST, "report/status", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                         body: formBody([("lang", "ja"), ("receipt", receipt), ("passcode", "AAAAA-AAAAA-AAAAA-AAAAA")])) { response async throws in
                #expect(response.status == .notFound)
                #expect(response.body.string.contains("この受付番号とパスコードの通報はありません"))
            }
            // The analyst reads it.
            let staff = HotlineStaff(store: HotlineStore(database: app.db, hasher: try PasscodeHasher.load(keyFile: PasscodeHasher.keyFile(for: app.databaseURL))))
            #expect(try await staff.tip(receipt, by: HotlineActor(user: "a", agency: "NPA")).description == "Two women <script>alert(1)</script> kept upstairs")

            // Nowhere in the database files: not the browser, not the address, not the cookie.
            guard case .sqlite(let path) = app.databaseURL else { Issue.record("expected SQLite"); return }
            var bytes = Data()
            for suffix in ["", "-wal", "-shm"] { bytes.append((try? Data(contentsOf: URL(fileURLWithPath: path + suffix))) ?? Data()) }
            #expect(bytes.range(of: Data("Two women".utf8)) != nil, "the check must see the database's content")
            for marker in [markerAgent, "reporter-fingerprint", markerAddress, "cookie-marker", passcode] {
                #expect(bytes.range(of: Data(marker.utf8)) == nil, "\(marker) is in the database")
            }
        }
    }

    @Test("the JSON contract: 201 with receipt and passcode; 4xx with an error naming the field, in the reporter's language")
    func json() async throws {
        try await withFreshApp { app in
            let json: HTTPHeaders = ["Content-Type": "application/json"]
            try await app.testing().test(.POST, "api/public/tips", headers: json, body: jsonBody([
                "lang": "vi", "category": "child_abuse", "prefecture": "JP-27", "description": "Đứa trẻ bị đánh mỗi đêm",
            ])) { response async throws in
                #expect(response.status == .created)
                let body = try response.content.decode([String: String].self)
                #expect(body.keys.sorted() == ["passcode", "receipt"])
            }
            try await app.testing().test(.POST, "api/public/internet-reports", headers: json, body: jsonBody([
                "lang": "en", "category": "csam", "url": "https://Example.com/gallery?utm_source=spam",
            ])) { response async throws in
                #expect(response.status == .created)
            }
            let refusals: [([String: Any], String, String, String)] = [
                (["lang": "ja", "category": "murder", "prefecture": "JP-13", "description": "x"], "api/public/tips", "category", "一覧から選んでください"),
                (["lang": "en", "category": "other", "prefecture": "Tokyo", "description": "x"], "api/public/tips", "prefecture", "choose a prefecture"),
                (["lang": "th", "category": "other", "prefecture": "JP-13", "description": "a\u{7}b"], "api/public/tips", "description", "อักขระควบคุม"),
                (["lang": "xx", "category": "other", "prefecture": "JP-13", "description": "x"], "api/public/tips", "lang", "not offered"),
                (["lang": "en", "category": "other", "prefecture": "JP-13", "description": 42], "api/public/tips", "description", "could not be read"),
                (["lang": "en", "category": "csam", "url": "javascript:alert(1)"], "api/public/internet-reports", "url", "only http and https"),
                (["lang": "ja", "category": "csam"], "api/public/internet-reports", "url", "入力してください"),
            ]
            for (object, path, field, words) in refusals {
                try await app.testing().test(.POST, path, headers: json, body: jsonBody(object)) { response async throws in
                    #expect(response.status == .badRequest, "\(object)")
                    let body = try response.content.decode([String: String].self)
                    #expect(body["field"] == field)
                    #expect(body["error"]?.hasPrefix(field + ": ") == true)
                    #expect(body["error"]?.contains(words) == true, "\(body)")
                }
            }
            try await app.testing().test(.POST, "api/public/tips", headers: json, body: ByteBuffer(string: "{not json")) { response async throws in
                #expect(response.status == .badRequest)
                #expect(try response.content.decode([String: String].self)["field"] == "body")
            }
            let huge = String(repeating: "x", count: HotlineLimits.bodyBytes + 10)
            try await app.testing().test(.POST, "api/public/tips", headers: json, body: jsonBody(["lang": "en", "category": "other", "prefecture": "JP-13", "description": huge])) { response async throws in
                #expect(response.status == .payloadTooLarge)
                #expect(try response.content.decode([String: String].self)["field"] == "body")
            }
            try await app.testing().test(.POST, "report?lang=ja", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                         body: formBody([("lang", "ja"), ("description", huge)])) { response async throws in
                #expect(response.status == .payloadTooLarge)
                #expect(response.body.string.contains("通報が大きすぎて送れません"))
            }
            // Nothing refused was stored; the two accepted reports were.
            #expect(try await app.db.sql.raw("SELECT COUNT(*) AS n FROM tips").first()!.decode(column: "n", as: Int.self) == 1)
            #expect(try await app.db.sql.raw("SELECT COUNT(*) AS n FROM internet_reports").first()!.decode(column: "n", as: Int.self) == 1)
        }
    }

    @Test("a refused form comes back filled in, the wrong field marked and named in the reporter's language")
    func refusedForm() async throws {
        try await withFreshApp { app in
            try await app.testing().test(.POST, "internet-hotline", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                         body: formBody([("lang", "ja"), ("category", "csam"), ("url", "ftp://example.com/x"), ("description", "見つけました")])) { response async throws in
                let page = response.body.string
                #expect(response.status == .badRequest)
                #expect(page.contains("role=\"alert\""))
                #expect(page.contains("ページのアドレス（URL）: ウェブページのアドレスではありません"))
                #expect(page.contains("aria-invalid=\"true\" aria-describedby=\"url-error\"") || page.contains("aria-describedby=\"url-error\""))
                #expect(page.contains("見つけました"))
                #expect(page.contains("<option value=\"csam\" selected=\"selected\">"))
            }
        }
    }

    @Test("the rate limit holds across instances: addresses counted under a key of one window, shared in the database and forgotten when it ends",
          arguments: WebEngine.available)
    func rateLimiter(engine: WebEngine) async throws {
        try await withCaseWorkApp(engine) { app in
            let secret = try PasscodeHasher(keyBytes: Data(repeating: 7, count: 32))
            // Two `ctip serve` processes: two limiters, one database.
            let first = AnonymousRateLimiter(scope: "submit", limit: 2, windowSeconds: 600, secret: secret, maximumNewAddresses: 3)
            let second = AnonymousRateLimiter(scope: "submit", limit: 2, windowSeconds: 600, secret: secret, maximumNewAddresses: 3)
            let counts = AnonymousUseCounts(database: app.db)
            #expect(try await first.allow(address: "198.51.100.1", counts: counts, now: 1_200))
            #expect(try await second.allow(address: "198.51.100.1", counts: counts, now: 1_300))
            #expect(try await !first.allow(address: "198.51.100.1", counts: counts, now: 1_500), "the other instance's use counts")
            #expect(try await !second.allow(address: "198.51.100.1", counts: counts, now: 1_500))
            #expect(try await first.allow(address: "198.51.100.2", counts: counts, now: 1_500))
            #expect(try await first.allow(address: "198.51.100.3", counts: counts, now: 1_500))
            #expect(try await !first.allow(address: "198.51.100.4", counts: counts, now: 1_500), "a full table refuses new addresses")
            #expect(try await counts.buckets(scope: "submit", window: 2) == 4)
            let stored = try await app.db.sql.raw("SELECT bucket FROM anonymous_use_counts").all().map { try $0.decode(column: "bucket", as: String.self) }
            #expect(!stored.contains { $0.contains("198.51.100") }, "no address is stored")
            #expect(try await second.allow(address: "198.51.100.1", counts: counts, now: 1_800))
            #expect(try await counts.buckets(scope: "submit") == 1, "a new window starts empty: the last one's counts are deleted")
        }
    }
}
