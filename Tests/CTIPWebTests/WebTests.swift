import CTIPStorage
import Foundation
import Testing
import VaporTesting
@testable import CTIPWeb

/// A configured application over a fresh, migrated SQLite file (the help directory is seeded by its
/// migration), holding the reference bundle when asked.
func withFreshApp(loadingReferenceBundle: Bool = false, now: @escaping @Sendable () -> Date = Date.init,
                  _ body: (Application) async throws -> Void) async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ctip-web-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = DatabaseURL.sqlite(path: directory.appendingPathComponent("web.sqlite").path)
    try await withApp(configure: { app in
        try await configure(app, WebConfiguration(database: url, now: now))
        if loadingReferenceBundle { _ = try await BundleImporter(database: app.db).importBundle(at: ReferenceBundle.directory) }
    }, body)
}

/// A configured application over a fresh SQLite file holding the reference bundle.
func withReferenceApp(_ body: (Application) async throws -> Void) async throws {
    try await withFreshApp(loadingReferenceBundle: true, body)
}

@Suite("Web: health, metrics and the home page")
struct WebTests {
    @Test("GET /health answers 200 with the database reachable")
    func health() async throws {
        try await withReferenceApp { app in
            try await app.testing().test(.GET, "health") { response async throws in
                #expect(response.status == .ok)
                let body = try response.content.decode([String: String].self)
                #expect(body == ["status": "ok", "database": "SQLite"])
            }
        }
    }

    @Test("GET /health answers 503 when the database is gone")
    func healthWithoutDatabase() async throws {
        try await withReferenceApp { app in
            await app.databases.shutdownAsync()
            try await app.testing().test(.GET, "health") { response async throws in
                #expect(response.status == .serviceUnavailable)
                #expect(try response.content.decode([String: String].self)["status"] == "unavailable")
            }
        }
    }

    @Test("GET /metrics is Prometheus text with request counts, latencies and the database")
    func metrics() async throws {
        try await withReferenceApp { app in
            try await app.testing().test(.GET, "health") { _ in }
            try await app.testing().test(.GET, "metrics") { response async throws in
                #expect(response.status == .ok)
                let text = response.body.string
                #expect(text.contains("# TYPE http_requests_total counter"))
                #expect(text.contains("http_request_duration_seconds"))
                #expect(text.contains("ctip_database_up 1"))
            }
        }
    }

    @Test("the home page is for the public: help now first, then the anonymous reports, then the statistics; /about says what the instance holds")
    func home() async throws {
        try await withReferenceApp { app in
            try await app.testing().test(.GET, "/") { response async throws in
                #expect(response.status == .ok)
                #expect(response.headers.contentType == .html)
                let page = response.body.string
                #expect(page.contains("<h1>CTIP — counter-trafficking in persons information system</h1>"))
                let order = ["Find help now", "href=\"tel:110\"", "href=\"/help?lang=en\"", "Report anonymously", "href=\"/report?lang=en\"",
                             "href=\"/internet-hotline?lang=en\"", "Statistics:", "<th scope=\"row\">2024</th>"]
                let positions = order.map { page.range(of: $0)?.lowerBound }
                #expect(!positions.contains(nil), "every part is on the page: \(zip(order, positions).filter { $0.1 == nil }.map(\.0))")
                #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted(), "in the order a person in trouble needs them")
                #expect(!page.contains("What this instance holds") && !page.contains("SQLite"), "the table counts moved to /about")
                try assertSnapshot(page, named: "home-en.html")
            }
            try await app.testing().test(.GET, "/about") { response async throws in
                let page = response.body.string
                #expect(page.contains("<strong>127</strong> victims (case-level records)"))
                #expect(page.contains("Records are kept in SQLite."))
                try assertSnapshot(page, named: "about-en.html")
            }
            try await app.testing().test(.GET, "/?lang=ja") { response async throws in
                let page = response.body.string
                #expect(page.contains("<html lang=\"ja\">"))
                #expect(page.contains("統計：年別の被害者数・検挙件数・検挙人員"))
                #expect(page.contains("今すぐ助けを求める"))
                try assertSnapshot(page, named: "home-ja.html")
            }
            try await app.testing().test(.GET, "/", headers: ["Accept-Language": "ja-JP,ja;q=0.9"]) { response async throws in
                #expect(response.body.string.contains("<html lang=\"ja\">"))
            }
        }
    }

    @Test("every response carries the security headers")
    func securityHeaders() async throws {
        try await withReferenceApp { app in
            try await app.testing().test(.GET, "/") { response async throws in
                #expect(response.headers.first(name: "X-Frame-Options") == "DENY")
                #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff")
            }
        }
    }
}

/// Compares a rendered page with the snapshot kept beside the tests. A missing snapshot is written
/// and the test fails, so a new page is looked at once before it is trusted. The stylesheet's name
/// changes with every change of style, so snapshots hold a placeholder for its hash.
func assertSnapshot(_ page: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let text = page.replacingOccurrences(of: Stylesheet.path, with: "/assets/ctip.HASH.css")
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__").appendingPathComponent(name)
    guard let recorded = try? String(contentsOf: url, encoding: .utf8) else {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        Issue.record("recorded a new snapshot \(name); check it and run again", sourceLocation: sourceLocation)
        return
    }
    if ProcessInfo.processInfo.environment["CTIP_RECORD_SNAPSHOTS"] == "1", recorded != text {
        try text.write(to: url, atomically: true, encoding: .utf8)
        Issue.record("re-recorded snapshot \(name)", sourceLocation: sourceLocation)
        return
    }
    #expect(recorded == text, "page differs from snapshot \(name) (CTIP_RECORD_SNAPSHOTS=1 re-records)", sourceLocation: sourceLocation)
}
