import CTIPCore
import Crypto
import Foundation
import Testing
import VaporTesting
@testable import CTIPWeb

/// One stylesheet, one frame: every page links the hashed stylesheet and carries no style of its own,
/// so the Content Security Policy forbids inline styles; public pages speak the eleven languages of
/// `/help`; the staff navigation offers exactly the pages the role may open.
@Suite("Web: the design system — one stylesheet, one frame, every language")
struct DesignSystemTests {
    static let publicPaths = ["/", "/about", "/reports", "/help", "/help/card", "/report", "/internet-hotline", "/report/status"]

    /// What every page of the frame must have, and must not.
    static func checkFrame(_ page: String, _ where_: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(page.contains("<link rel=\"stylesheet\" href=\"\(Stylesheet.path)\""), "\(where_) links the stylesheet", sourceLocation: sourceLocation)
        #expect(!page.contains("<style"), "\(where_) has no style element", sourceLocation: sourceLocation)
        #expect(!page.contains(" style=\""), "\(where_) has no style attribute", sourceLocation: sourceLocation)
        #expect(page.contains("<main id=\"main\""), "\(where_) has the main landmark the skip link leads to", sourceLocation: sourceLocation)
        #expect(page.contains("class=\"skip-link\" href=\"#main\""), "\(where_) has the skip link", sourceLocation: sourceLocation)
    }

    @Test("the stylesheet is served under its content hash for a year; another name is 404; a revalidation is 304")
    func stylesheet() async throws {
        let digest = SHA256.hash(data: Data(Stylesheet.css.utf8)).map { String(format: "%02x", $0) }.joined()
        #expect(Stylesheet.path == "/assets/ctip.\(digest.prefix(16)).css")
        try await withReferenceApp { app in
            let response = try await app.testing().sendRequest(.GET, Stylesheet.path)
            #expect(response.status == .ok)
            #expect(response.headers.contentType?.subType == "css")
            #expect(response.headers.first(name: .cacheControl) == "public, max-age=31536000, immutable")
            #expect(response.body.string == Stylesheet.css)
            let etag = try #require(response.headers.first(name: .eTag))
            let again = try await app.testing().sendRequest(.GET, Stylesheet.path, headers: ["If-None-Match": etag])
            #expect(again.status == .notModified && again.body.readableBytes == 0)
            #expect(try await app.testing().sendRequest(.GET, "/assets/ctip.0000000000000000.css").status == .notFound)
        }
    }

    @Test("the stylesheet has dark-mode colours, visible focus, print rules and Japanese line breaking")
    func stylesheetRules() {
        let css = Stylesheet.css
        for rule in ["@media (prefers-color-scheme:dark)", ":focus-visible", "@media print", ":lang(ja){", "word-break:auto-phrase",
                     "\"Hiragino Sans\"", "\"BIZ UDPGothic\"", "@page card{size:85.6mm 54mm", "@page cardsheet{size:A4"] {
            #expect(css.contains(rule), "the stylesheet has \(rule)")
        }
        // Every colour custom property of the light set is redefined for dark mode.
        let light = Set(css.matches(of: /--([a-z-]+):#/).map { String($0.1) })
        let darkBlock = String(css[css.range(of: "@media (prefers-color-scheme:dark)")!.lowerBound...].prefix { $0 != "*" })
        let dark = Set(darkBlock.matches(of: /--([a-z-]+):#/).map { String($0.1) })
        #expect(light.subtracting(dark).subtracting(["focus", "focus-ring"]).isEmpty, "no colour is left light in dark mode: \(light.subtracting(dark))")
    }

    @Test("every public page, in each of the eleven languages, is on the frame in its language; no inline style is allowed")
    func publicPages() async throws {
        try await withReferenceApp { app in
            for language in HelpLanguages.leaflet {
                for path in Self.publicPaths {
                    let response = try await app.testing().sendRequest(.GET, "\(path)?lang=\(language)")
                    let page = response.body.string
                    #expect(response.status == .ok, "\(path) in \(language)")
                    #expect(page.contains("<html lang=\"\(language)\">"), "\(path) in \(language) says its language")
                    Self.checkFrame(page, "\(path)?lang=\(language)")
                    let policy = response.headers.first(name: "Content-Security-Policy") ?? ""
                    #expect(policy.contains("style-src 'self'") && !policy.contains("unsafe-inline"), "\(path): \(policy)")
                    // The switch offers every language, each named in itself, the current one marked.
                    for other in HelpLanguages.leaflet {
                        #expect(page.contains("hreflang=\"\(other)\""), "\(path) in \(language) links \(other)")
                    }
                }
            }
        }
    }

    @Test("the home page speaks each language of /help, in that language's own words")
    func homeInEveryLanguage() async throws {
        try await withReferenceApp { app in
            var headings: Set<String> = []
            for language in HelpLanguages.leaflet {
                let page = try await app.testing().sendRequest(.GET, "/?lang=\(language)").body.string
                let words = PublicText(language: language)
                #expect(page.contains("<h1>\(words["title"])</h1>"))
                #expect(page.contains(words["helpNowHeading"]) && page.contains(words["reportHeading"]) && page.contains(words["seriesHeading"]))
                headings.insert(words["helpNowHeading"])
            }
            #expect(headings.count == HelpLanguages.leaflet.count, "no language falls back to another's heading")
            let vietnamese = try await app.testing().sendRequest(.GET, "/", headers: ["Accept-Language": "vi-VN,vi;q=0.9,en;q=0.5"]).body.string
            #expect(vietnamese.contains("<html lang=\"vi\">"), "Accept-Language chooses the page's language when ?lang= is absent")
        }
    }

    @Test("the public pages' words exist in every language, with the same placeholders")
    func publicTextComplete() {
        let english = PublicText.table["en"]!
        for language in HelpLanguages.leaflet {
            let table = PublicText.table[language] ?? [:]
            #expect(Set(table.keys) == Set(english.keys), "\(language) has every word")
            for (key, text) in english {
                let placeholders = Set(text.matches(of: /\{[a-z]+\}/).map { String($0.0) })
                let translated = Set((table[key] ?? "").matches(of: /\{[a-z]+\}/).map { String($0.0) })
                #expect(placeholders == translated, "\(language).\(key) keeps \(placeholders)")
            }
        }
    }

    @Test("a report document keeps its own style, allowed by its hash and nothing else")
    func reportDocumentPolicy() async throws {
        try await withReferenceApp { app in
            let response = try await app.testing().sendRequest(.GET, "/reports/2024")
            let page = response.body.string
            let styles = ContentSecurityPolicy.styleBlocks(of: page)
            #expect(styles.count == 1)
            let hash = Data(SHA256.hash(data: Data(styles[0].utf8))).base64EncodedString()
            let policy = try #require(response.headers.first(name: "Content-Security-Policy"))
            #expect(policy.contains("style-src 'self' 'sha256-\(hash)'") && !policy.contains("unsafe-inline"))
        }
    }

    @Test("each role's navigation offers exactly the staff pages it may open, every one of which opens; pages are on the frame",
          arguments: [WebEngine.sqlite])
    func staffNavigation(engine: WebEngine) async throws {
        try await withCaseWorkApp(engine) { app in
            let fixture = try await CaseWorkFixture.make(app)
            for actor in fixture.actors {
                let home = try await app.testing().sendRequest(.GET, "/staff", headers: actor.cookie)
                #expect(home.status == .ok, "\(actor.key)")
                let page = home.body.string
                Self.checkFrame(page, "/staff as \(actor.key)")
                #expect(page.contains(actor.identity.email), "the header names who is signed in")
                let navigation = String(page[page.range(of: "class=\"primary-nav\"")!.lowerBound...].prefix { $0 != "\u{0}" })
                    .components(separatedBy: "</nav>")[0]
                let linked = navigation.matches(of: /href="([^"?]+)\?lang=en"/).map { String($0.1) }
                #expect(linked == StaffNavigation.destinations(for: actor.identity, language: .en, includingHome: true).map(\.path))
                for path in linked {
                    let opened = try await app.testing().sendRequest(.GET, path, headers: actor.cookie)
                    #expect(opened.status == .ok, "\(actor.key) opens \(path) from the navigation")
                    if path.hasPrefix("/staff") {
                        Self.checkFrame(opened.body.string, "\(path) as \(actor.key)")
                        #expect(opened.body.string.contains("href=\"\(path)?lang=en\" aria-current=\"page\""), "\(path) is marked current")
                    }
                }
            }
        }
    }
}
