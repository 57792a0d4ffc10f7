import CTIPCore
import Plot

typealias BodyNode = Node<HTML.BodyContext>

/// An element with plain attributes: Plot's typed form elements do not cover `<option selected>`,
/// `<fieldset>` inside a body and the like, so the help pages build those through this.
func element(_ name: String, _ attributes: [(String, String)] = [], _ children: [BodyNode] = []) -> BodyNode {
    .element(named: name, nodes: attributes.map { BodyNode.attribute(named: $0.0, value: Markup.escaped($0.1), ignoreIfValueIsEmpty: false) } + children)
}

func voidElement(_ name: String, _ attributes: [(String, String)]) -> BodyNode {
    .selfClosedElement(named: name, attributes: attributes.map { Attribute<HTML.BodyContext>.attribute(named: $0.0, value: Markup.escaped($0.1)) })
}

/// A public page in one of `/help`'s languages, on the shared frame: the language switch offers all
/// eleven, breadcrumbs lead home.
func publicDocument(language: String, title: String, languagePath: String, heading: String? = nil, bodyClass: String? = nil,
                    crumbs: [PageFrame.Crumb] = [], body: [BodyNode]) -> String {
    let words = PublicText(language: language)
    return PageFrame(language: language, title: title, heading: heading ?? title, languages: HelpLanguages.leaflet, languagePath: languagePath,
                     breadcrumbs: [.init(label: words["home"], href: "/?lang=\(language)")] + crumbs + [.init(label: title, href: nil)],
                     bodyClass: bodyClass).render(body)
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
            element("div", [("class", "narrow")], [
                .p(.class("lead"), .text(t["intro"])),
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
                .p(.class("note"), .text("Source: Measures to Combat Trafficking in Persons (Annual Report), August 26, 2025 — Figure 25, Figure 13, sections 3 (3), 4 (3), 6 (3).")),
            ]),
        ]
        return publicDocument(language: t.language, title: t["title"], languagePath: "/help", bodyClass: "help-page", body: body)
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
}
