import CTIPCore
import Plot

/// The portable card of Figure 13: the organisation's own contact first, then "if you do not want to
/// talk with your employer" and the services that fit, in the card's language; one card per page at
/// credit-card size, or five cards on an A4 sheet (front and back side by side, folded in the middle).
struct HelpCardModel {
    enum Layout: String { case card, sheet }
    let text: HelpText
    let organisation: String
    let phone: String
    let hours: String
    let topic: HelpTopic
    let layout: Layout
    /// The emergency numbers, then the services to list on the back.
    let answer: HelpAnswer
    /// At most this many services fit on the back of a card at 6.6 pt (checked on the screenshot).
    static let servicesPerCard = 5
}

enum HelpCardPage {
    /// The form that asks for the organisation's details (shown when none are given yet).
    static func form(_ t: HelpText, topic: HelpTopic) -> String {
        let languageOptions = HelpText.languages.map { code in
            HelpPage.option(code, HelpLanguages.endonym(code), selected: code == t.language, lang: code)
        }
        let body: [BodyNode] = [
            element("div", [("class", "narrow")], [
                .p(.class("lead"), .text(t["cardFormIntro"])),
                element("form", [("method", "get"), ("action", "/help/card"), ("class", "ask")], [
                    field("org", t["orgName"], required: true),
                    field("phone", t["orgPhone"], required: true, type: "tel"),
                    field("hours", t["orgHours"], required: false),
                    element("div", [("class", "field")], [
                        element("label", [("for", "lang")], [.text(t["cardLanguage"])]),
                        element("select", [("id", "lang"), ("name", "lang")], languageOptions),
                    ]),
                    element("div", [("class", "field")], [
                        element("label", [("for", "topic")], [.text(t["cardTopic"])]),
                        element("select", [("id", "topic"), ("name", "topic")], HelpTopic.allCases.filter { $0 != .emergency }.map {
                            HelpPage.option($0.rawValue, t.topic($0), selected: $0 == topic)
                        }),
                    ]),
                    element("fieldset", [], [
                        element("legend", [], [.text(t["layout"])]),
                        radio("layout-card", value: "card", label: t["layoutCard"], checked: false),
                        radio("layout-sheet", value: "sheet", label: t["layoutSheet"], checked: true),
                    ]),
                    element("button", [("type", "submit")], [.text(t["makeCard"])]),
                ]),
                .p(.a(.href("/help?lang=\(t.language)"), .text(t["title"]))),
            ]),
        ]
        return publicDocument(language: t.language, title: t["card"], languagePath: "/help/card", bodyClass: "help-page",
                              crumbs: [.init(label: t["title"], href: "/help?lang=\(t.language)")], body: body)
    }

    static func field(_ name: String, _ label: String, required: Bool, type: String = "text") -> BodyNode {
        element("div", [("class", "field")], [
            element("label", [("for", name)], [.text(label)]),
            voidElement("input", [("type", type), ("id", name), ("name", name)] + (required ? [("required", "required")] : [])),
        ])
    }

    static func radio(_ id: String, value: String, label: String, checked: Bool) -> BodyNode {
        element("div", [("class", "check")], [
            voidElement("input", [("type", "radio"), ("id", id), ("name", "layout"), ("value", value)] + (checked ? [("checked", "checked")] : [])),
            element("label", [("for", id)], [.text(label)]),
        ])
    }

    /// The printable cards.
    static func render(_ model: HelpCardModel) -> String {
        let t = model.text
        let copies = model.layout == .sheet ? 5 : 1
        let body: [BodyNode] = [
            element("p", [("class", "screen-only")], [.text(t["cardPrint"])]),
            element("div", [("class", "sheet \(model.layout.rawValue)")], (0..<copies).map { _ in
                element("div", [("class", "pair")], [front(model), back(model)])
            }),
        ]
        return PageFrame(language: t.language, title: "\(t["cardTitle"]) — \(model.organisation)", heading: nil, languages: [],
                         languagePath: "/help/card", bodyClass: "doc-card", publicFooter: false).render(body)
    }

    static func front(_ model: HelpCardModel) -> BodyNode {
        let t = model.text
        return element("section", [("class", "card front")], [
            .h1(.text(t["cardTitle"])),
            .p(.class("first"), .text(t["cardFirst"])),
            .p(.class("org"), .strong(.text(model.organisation))),
            .p(.class("org-phone"), .text("TEL " + model.phone)),
            .if(!model.hours.isEmpty, .p(.class("org-hours"), .text(model.hours))),
            .p(.class("emergency"), .text(t["cardEmergency"])),
        ])
    }

    static func back(_ model: HelpCardModel) -> BodyNode {
        let t = model.text
        // A card is for calling: services with a number first, then those reached through a website.
        let fitting = model.answer.entries.filter { !$0.service.emergency && $0.speaksLanguage }
        let services = (fitting.filter { !$0.service.phones.isEmpty } + fitting.filter { $0.service.phones.isEmpty && $0.service.website != nil })
            .prefix(HelpCardModel.servicesPerCard)
        return element("section", [("class", "card back")], [
            .p(.class("not-employer"), .strong(.text(t["cardNotEmployer"]))),
            element("ul", [], services.map { entry in
                let service = entry.service
                return element("li", [], [
                    .strong(.text(service.name(japanese: t.language == "ja"))),
                    .text(service.phones.isEmpty ? " " + (service.website ?? "") : " TEL " + service.phones.map(\.number).joined(separator: " / ")),
                    // Every service listed speaks the card's language; the hours only where they are known.
                    .if(service.hours.isKnown && !service.hoursNote.isEmpty, .group([.br(), .span(.class("detail"), .text(service.hoursNote))])),
                ])
            }),
        ])
    }
}
