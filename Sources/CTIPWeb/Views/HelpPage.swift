import CTIPCore
import Plot

typealias BodyNode = Node<HTML.BodyContext>

/// An element with plain attributes: Plot's typed form elements do not cover `<option selected>`,
/// `<fieldset>` inside a body and the like, so the help pages build those through this.
func element(_ name: String, _ attributes: [(String, String)] = [], _ children: [BodyNode] = []) -> BodyNode {
    .element(named: name, nodes: attributes.map { BodyNode.attribute(named: $0.0, value: $0.1, ignoreIfValueIsEmpty: false) } + children)
}

func voidElement(_ name: String, _ attributes: [(String, String)]) -> BodyNode {
    .selfClosedElement(named: name, attributes: attributes.map { Attribute<HTML.BodyContext>.attribute(named: $0.0, value: $0.1) })
}

/// A whole page: language, title, viewport for phones, the style, and the body.
func helpDocument(language: String, title: String, style: String, body: [BodyNode]) -> String {
    let html = HTML(
        .attribute(named: "lang", value: language),
        .head(
            .encoding(.utf8),
            .title(title),
            .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
            .style(style)
        ),
        .body(.group(body))
    )
    return html.render(indentedBy: Indentation.Kind.spaces(1))
}

/// The page's languages, each a link to `path?lang=CODE` named in its own language; the current one marked.
func languageNavigation(path: String, current: String, label: String) -> BodyNode {
    element("nav", [("aria-label", label)], [
        element("ul", [("class", "languages")], HelpLanguages.leaflet.map { code in
            element("li", [], [
                element("a", [("href", "\(path)?lang=\(code)"), ("hreflang", code), ("lang", code)]
                            + (code == current ? [("aria-current", "page")] : []),
                        [.text(HelpLanguages.endonym(code))]),
            ])
        }),
    ])
}

/// What `/help` shows: the question and, below it, the answer.
struct HelpPageModel {
    let text: HelpText
    let answer: HelpAnswer
    /// The topic as understood, to keep the form filled in ("" for every topic).
    let askedTopic: String
    /// True when `at` could not be read and the answer is for now.
    let badTime: Bool
}

enum HelpPage {
    static func render(_ model: HelpPageModel) -> String {
        let t = model.text
        let answer = model.answer
        let emergencyEntries = answer.entries.filter(\.service.emergency)
        let entries = answer.entries.filter { !$0.service.emergency }
        var notices = answer.notices.map { t.notice($0) }
        if model.badTime { notices.insert(t["badTime"], at: 0) }

        let body: [BodyNode] = [
            element("header", [], [
                languageNavigation(path: "/help", current: t.language, label: t["pageLanguage"]),
                .h1(.text(t["title"])),
                .p(.class("intro"), .text(t["intro"])),
            ]),
            element("main", [], [
                element("section", [("class", "emergency"), ("aria-labelledby", "emergency-heading")], [
                    .h2(.id("emergency-heading"), .text(t["emergencyHeading"])),
                    element("ul", [], emergencyEntries.map { entry in
                        element("li", [], [
                            phoneLink(entry.service.phones.first?.number ?? "", class: "call"),
                            .text(" "), .span(.text(name(entry.service, t))),
                        ])
                    }),
                ]),
                .if(!notices.isEmpty, element("div", [("class", "notice"), ("role", "status")], notices.map { BodyNode.p(.text($0)) })),
                questionForm(model),
                element("section", [("aria-labelledby", "results-heading")], [
                    .h2(.id("results-heading"), .text(t["resultsHeading"])),
                    .p(.class("time"), .text(t.format("japanTime", display(answer.at, from: nil)))),
                    element("ol", [("class", "services")], entries.map { serviceItem($0, answer: answer, t) }),
                ]),
                .p(.a(.href("/help/card?lang=\(t.language)"), .text(t["card"]))),
            ]),
            element("footer", [], [
                .p(.text("Source: Measures to Combat Trafficking in Persons (Annual Report), August 26, 2025 — Figure 25, Figure 13, sections 3 (3), 4 (3), 6 (3).")),
            ]),
        ]
        return helpDocument(language: t.language, title: "\(t["title"]) — CTIP", style: style, body: body)
    }

    static func questionForm(_ model: HelpPageModel) -> BodyNode {
        let t = model.text
        let topicOptions: [BodyNode] = [option("", t["topicAny"], selected: model.askedTopic.isEmpty)]
            + HelpTopic.allCases.map { option($0.rawValue, t.topic($0), selected: model.askedTopic == $0.rawValue) }
        let languageOptions = HelpLanguages.offered.map { language in
            option(language.code, language.endonym, selected: model.answer.language == language.code, lang: language.code)
        }
        return element("form", [("method", "get"), ("action", "/help"), ("class", "ask")], [
            element("div", [("class", "field")], [
                element("label", [("for", "topic")], [.text(t["topicLabel"])]),
                element("select", [("id", "topic"), ("name", "topic")], topicOptions),
            ]),
            element("div", [("class", "field")], [
                element("label", [("for", "lang")], [.text(t["languageLabel"])]),
                element("select", [("id", "lang"), ("name", "lang")], languageOptions),
            ]),
            element("div", [("class", "field check")], [
                voidElement("input", [("type", "checkbox"), ("id", "emergency"), ("name", "emergency"), ("value", "1")]
                                     + (model.answer.emergency ? [("checked", "checked")] : [])),
                element("label", [("for", "emergency")], [.text(t["emergencyLabel"])]),
            ]),
            element("button", [("type", "submit")], [.text(t["submit"])]),
        ])
    }

    static func option(_ value: String, _ label: String, selected: Bool, lang: String? = nil) -> BodyNode {
        var attributes = [("value", value)]
        if let lang { attributes.append(("lang", lang)) }
        if selected { attributes.append(("selected", "selected")) }
        return element("option", attributes, [.text(label)])
    }

    static func serviceItem(_ entry: HelpAnswer.Entry, answer: HelpAnswer, _ t: HelpText) -> BodyNode {
        let service = entry.service
        let headingID = "service-\(service.id)"
        var facts: [String] = []
        if service.free { facts.append(t["free"]) }
        if service.anonymous { facts.append(t["anonymous"]) }
        // Each language in its own script and tagged, so that a screen reader says it right.
        let languages: BodyNode = service.anyLanguage ? .text(t["anyLanguage"])
            : .group(service.languages.enumerated().map { index, code in
                .group([.if(index > 0, .text(", ")), .span(.attribute(named: "lang", value: code), .text(HelpLanguages.endonym(code)))])
            })
        return element("li", [], [
            element("article", [("aria-labelledby", headingID)], [
                .h3(.id(headingID), .text(name(service, t))),
                .if(t.language != "ja", .p(.class("name-ja"), .attribute(named: "lang", value: "ja"), .text(service.nameJA))),
                .p(.class("status \(statusClass(entry.status))"), .text(statusText(entry.status, answer: answer, t))),
                .if(!service.phones.isEmpty, .p(.class("phones"), .group(service.phones.map { phone in
                    .group([phoneLink(phone.number, class: "phone"), .if(phone.note != nil, .small(.text(" (\(phone.note ?? ""))"))), .text(" ")])
                }))),
                .if(!service.hoursNote.isEmpty, .p(.class("hours"), .text(service.hoursNote))),
                .p(.text("\(t["languages"]): "), languages),
                .if(!facts.isEmpty, .p(.class("facts"), .text(facts.joined(separator: " · ")))),
                .unwrap(service.website) { website in .p(.a(.href(website), .text(t["website"])), .span(.class("url"), .text(" " + website))) },
                .if(!service.note.isEmpty, .p(.class("note"), .text(service.note))),
            ]),
        ])
    }

    static func name(_ service: HelpService, _ t: HelpText) -> String { service.name(japanese: t.language == "ja") }

    static func phoneLink(_ number: String, class className: String) -> BodyNode {
        let dialled = HelpPhone(number: number).dialled.replacingOccurrences(of: "#", with: "%23")
        return element("a", [("href", "tel:\(dialled)"), ("class", className)], [.text(number)])
    }

    static func statusClass(_ status: OpenStatus) -> String {
        switch status {
        case .open: return "open"
        case .closed: return "closed"
        case .unknown: return "unknown"
        }
    }

    static func statusText(_ status: OpenStatus, answer: HelpAnswer, _ t: HelpText) -> String {
        switch status {
        case .open(nil): return t["open24"]
        case .open(let closes?): return t.format("closesAt", display(closes, from: answer.at))
        case .closed(let opens?): return t.format("opensAt", display(opens, from: answer.at))
        case .closed(nil): return t["closed"]
        case .unknown: return t["hoursUnknown"]
        }
    }

    /// `22:00` the same day as `now`, `2025-01-04 09:00` on another (or without `now`): digits read
    /// the same in every language.
    static func display(_ time: JapanTime, from now: JapanTime?) -> String {
        let clock = String(time.description.dropFirst(11).prefix(5))
        return time.day == now?.day ? clock : "\(time.day) \(clock)"
    }

    static let style = """
    body{font-family:system-ui,"Hiragino Sans","Noto Sans CJK JP","Noto Sans Thai",sans-serif;margin:0 auto;max-width:42rem;padding:.75rem;color:#1a1a1a;line-height:1.5;font-size:1.05rem}
    h1{margin:.25rem 0}h2{font-size:1.2rem;margin:1.25rem 0 .5rem}h3{font-size:1.05rem;margin:0}
    .languages{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.25rem .75rem;font-size:.95rem}
    a{color:#0b4f9c}a:focus,button:focus,select:focus,input:focus{outline:3px solid #b35900;outline-offset:2px}
    .emergency{background:#fdecea;border:2px solid #a4161a;border-radius:.5rem;padding:.5rem .75rem}
    .emergency h2{color:#8a1116;margin-top:0}.emergency ul{list-style:none;padding:0;margin:0}
    .emergency li{margin:.35rem 0}.call{display:inline-block;min-width:4.5rem;text-align:center;background:#a4161a;color:#fff;font-weight:700;font-size:1.4rem;border-radius:.4rem;padding:.1rem .6rem;text-decoration:none}
    .notice{background:#fff4ce;border-left:4px solid #8a6100;padding:.25rem .75rem;margin:1rem 0}
    .ask{margin:1rem 0;display:grid;gap:.75rem}.field label{display:block;font-weight:600}
    select,button{font-size:1rem;padding:.5rem;width:100%;max-width:100%;box-sizing:border-box}
    .check{display:flex;gap:.5rem;align-items:flex-start}.check input{width:1.4rem;height:1.4rem;margin-top:.15rem}.check label{font-weight:600}
    button{background:#0b4f9c;color:#fff;border:0;border-radius:.4rem;font-weight:700;min-height:2.75rem}
    .services{list-style:none;padding:0}.services li{border:1px solid #ccc;border-radius:.5rem;padding:.6rem .75rem;margin:.6rem 0}
    .services p{margin:.25rem 0}.name-ja{color:#444;font-size:.9rem}
    .status{font-weight:700}.status.open{color:#1e6b2e}.status.closed{color:#8a1116}.status.unknown{color:#5c5c5c}
    .phone{font-size:1.15rem;font-weight:700;white-space:nowrap}.hours,.note,.facts,.time{font-size:.95rem;color:#333}
    .url{overflow-wrap:anywhere;font-size:.85rem;color:#444}
    footer{margin-top:2rem;color:#555;font-size:.85rem}
    """
}
