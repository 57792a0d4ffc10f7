import CTIPCore
import Plot

/// The frame every page of CTIP shares, public and staff: the skip link, the header (service name,
/// language switch, who is signed in and the sign-out button), the staff navigation, breadcrumbs, the
/// page's heading and content, and the footer — with the one stylesheet and nothing inline.
struct PageFrame {
    struct Crumb {
        let label: String
        /// nil for the page itself (the last crumb).
        let href: String?
    }

    /// Who is signed in, for the header and the staff navigation.
    struct SignedIn {
        let staff: StaffIdentity
        let csrfToken: String
    }

    /// The page's language code (`ja`, `en`, or another of `HelpLanguages.leaflet` on public pages).
    var language: String
    /// The document's title; " — CTIP" is added.
    var title: String
    /// The page's `h1`; nil when the content draws its own.
    var heading: String?
    /// The languages the switch offers; the current one is marked.
    var languages: [String] = ["en", "ja"]
    /// Where the language switch leads (the page itself, never the action that drew it); may carry a query.
    var languagePath: String
    var breadcrumbs: [Crumb] = []
    var signedIn: SignedIn?
    /// The staff navigation's current entry (its path), when the page is one of them.
    var currentSection: String?
    /// A class on `<body>` for the printable documents (`doc-sheet`, `doc-card`).
    var bodyClass: String?
    /// The public footer (aggregates only, about, staff sign-in); staff pages have none.
    var publicFooter = true
    /// The service name's subtitle beside it in the header (public pages).
    var tagline: String?

    func render(_ content: [Node<HTML.BodyContext>]) -> String {
        let words = PublicText(language: language)
        let home = signedIn == nil ? "/?lang=\(language)" : "/staff?lang=\(language)"
        return HTML(
            .attribute(named: "lang", value: language),
            .head(
                .encoding(.utf8),
                .title("\(title) — CTIP"),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .meta(.name("color-scheme"), .content("light dark")),
                .stylesheet(Stylesheet.path)
            ),
            .body(
                .attribute(named: "class", value: bodyClass ?? "", ignoreIfValueIsEmpty: true),
                .a(.class("skip-link"), .href("#main"), .text(words["skipLink"])),
                .header(.class("site-header"),
                        .div(.class("wrap"),
                             .a(.class("service-name"), .href(home), .text(words["serviceName"]),
                                .unwrap(tagline) { .span(.text($0)) }),
                             .if(!languages.isEmpty, languageSwitch(words)),
                             .unwrap(signedIn) { account($0) }),
                        .unwrap(signedIn) { navigation($0) }),
                .div(.class("wrap"),
                     .if(!breadcrumbs.isEmpty, breadcrumbTrail(words)),
                     .main(.id("main"), .attribute(named: "tabindex", value: "-1"),
                           .unwrap(heading) { .h1(.text($0)) },
                           .group(content)),
                     .if(publicFooter, footer(words)))
            )
        ).render(indentedBy: .spaces(1))
    }

    private func languageSwitch(_ words: PublicText) -> Node<HTML.BodyContext> {
        let separator = languagePath.contains("?") ? "&" : "?"
        return .nav(.class("language-switch"), .attribute(named: "aria-label", value: words["languageLabel"]),
                    .ul(.forEach(languages) { code in
                        .li(.a(.href("\(languagePath)\(separator)lang=\(code)"), .attribute(named: "hreflang", value: code),
                               .attribute(named: "lang", value: code),
                               .if(code == language, .attribute(named: "aria-current", value: "true")),
                               .text(HelpLanguages.endonym(code))))
                    }))
    }

    private func account(_ signedIn: SignedIn) -> Node<HTML.BodyContext> {
        let language = CTIPCore.Language(rawValue: self.language) ?? .en
        let t = StaffPages.Text(language: language)
        let staff = signedIn.staff
        return .div(.class("account"),
                    .span(.text("\(staff.email) — \(staff.agency.name(language)) — \(staff.role.label.label(language))")),
                    .form(.class("inline"), .method(.post), .action("/logout"),
                          .input(.type(.hidden), .name(StaffSession.csrfField), .value(signedIn.csrfToken)),
                          .button(.type(.submit), .text(t("Sign out", "ログアウト")))))
    }

    private func navigation(_ signedIn: SignedIn) -> Node<HTML.BodyContext> {
        let language = CTIPCore.Language(rawValue: self.language) ?? .en
        let t = StaffPages.Text(language: language)
        return .nav(.class("primary-nav"), .attribute(named: "aria-label", value: t("Staff pages", "職員用ページ")),
                    .ul(.forEach(StaffNavigation.destinations(for: signedIn.staff, language: language, includingHome: true)) { destination in
                        .li(.a(.href("\(destination.path)?lang=\(language.rawValue)"),
                               .if(destination.path == currentSection, .attribute(named: "aria-current", value: "page")),
                               .text(destination.shortLabel)))
                    }))
    }

    private func breadcrumbTrail(_ words: PublicText) -> Node<HTML.BodyContext> {
        .nav(.class("breadcrumbs"), .attribute(named: "aria-label", value: words["breadcrumbLabel"]),
             .ol(.forEach(breadcrumbs) { crumb in
                 .li(.unwrap(crumb.href, { .a(.href($0), .text(crumb.label)) },
                             else: .span(.attribute(named: "aria-current", value: "page"), .text(crumb.label))))
             }))
    }

    private func footer(_ words: PublicText) -> Node<HTML.BodyContext> {
        .footer(.class("site-footer"),
                .p(.text(words["footer"])),
                .ul(.li(.a(.href("/about?lang=\(language)"), .text(words["aboutLink"]))),
                    .li(.a(.href("/reports?lang=\(language)"), .text(words["reportsLink"]))),
                    .li(.a(.href("/login"), .text(words["staffLink"])))))
    }
}
