import CTIPCore
import CTIPStorage
import Plot

/// The public pages of both hot lines. Everything the reporter or anyone else typed goes through Plot's
/// `.text`, which escapes it: a `<script>` in a description is shown as text, never run.
enum HotlinePages {
    enum Form: String {
        case tip = "report"
        case internet = "internet-hotline"
        var path: String { "/" + rawValue }
        var titleKey: String { self == .tip ? "report.title" : "internet.title" }
    }

    /// What a form shows again after a refusal: the values typed and which field was wrong.
    struct Refill {
        var values: [String: String] = [:]
        var error: String?
        var errorField: String?
    }

    static func form(_ form: Form, _ t: HotlineText, _ refill: Refill = Refill()) -> String {
        let categories: [(String, String)] = form == .tip
            ? TipCategory.allCases.map { ($0.rawValue, t["tip." + $0.rawValue]) }
            : InternetCategory.allCases.map { ($0.rawValue, t["internet." + $0.rawValue]) }
        var fields: [BodyNode] = [
            voidElement("input", [("type", "hidden"), ("name", "lang"), ("value", t.language)]),
            field("category", t, refill, control: element("select", [("id", "category"), ("name", "category"), ("required", "required")] + invalid("category", refill),
                [HelpPage.option("", t["choose"], selected: (refill.values["category"] ?? "").isEmpty)]
                + categories.map { HelpPage.option($0.0, $0.1, selected: refill.values["category"] == $0.0) })),
        ]
        if form == .tip {
            let prefectures = CodeLists.shipped.prefectureOrder.compactMap { CodeLists.shipped.prefectures[$0] }
            fields.append(field("prefecture", t, refill, control: element("select", [("id", "prefecture"), ("name", "prefecture"), ("required", "required")] + invalid("prefecture", refill),
                [HelpPage.option("", t["choose"], selected: (refill.values["prefecture"] ?? "").isEmpty)]
                + prefectures.map { HelpPage.option($0.code, t.language == "ja" ? $0.ja : $0.en, selected: refill.values["prefecture"] == $0.code) })))
        } else {
            fields.append(field("url", t, refill, control: voidElement("input", [("type", "url"), ("id", "url"), ("name", "url"), ("required", "required"),
                ("inputmode", "url"), ("autocomplete", "off"), ("value", refill.values["url"] ?? "")] + invalid("url", refill))))
        }
        fields.append(field("description", t, refill, control: element("textarea", [("id", "description"), ("name", "description"), ("rows", "8"),
            ("maxlength", String(HotlineLimits.descriptionCharacters))] + (form == .tip ? [("required", "required")] : []) + invalid("description", refill),
            [.text(refill.values["description"] ?? "")])))
        if form == .tip {
            fields.append(element("div", [("class", "field check")], [
                voidElement("input", [("type", "checkbox"), ("id", "danger_now"), ("name", "danger_now"), ("value", "1")]
                                     + (refill.values["danger_now"] == nil ? [] : [("checked", "checked")])),
                element("label", [("for", "danger_now")], [.text(t["field.danger_now"])]),
            ]))
        }
        fields.append(element("button", [("type", "submit")], [.text(t["submit"])]))
        return page(form, t, title: t[form.titleKey], body: [
            .p(.class("intro"), .text(t[form == .tip ? "report.intro" : "internet.intro"])),
            errorSummary(refill),
            .p(.class("note"), .text(t["anonymity"])),
            element("form", [("method", "post"), ("action", form.path), ("class", "ask"), ("accept-charset", "UTF-8")], fields),
            .p(.a(.href("/report/status?lang=\(t.language)"), .text(t["statusLink"]))),
        ])
    }

    /// The receipt and the passcode, shown once.
    static func issued(_ form: Form, _ t: HotlineText, _ issued: HotlineCredentialsIssued) -> String {
        page(form, t, title: t["thanks"], body: [
            element("dl", [("class", "credentials")], [
                element("dt", [], [.text(t["receipt"])]), element("dd", [("id", "receipt"), ("class", "secret")], [.text(issued.receipt)]),
                element("dt", [], [.text(t["passcode"])]), element("dd", [("id", "passcode"), ("class", "secret")], [.text(issued.passcode)]),
            ]),
            element("p", [("class", "notice"), ("role", "status")], [.text(t["keep"])]),
            .p(.a(.href("/report/status?lang=\(t.language)"), .text(t["statusLink"]))),
        ])
    }

    static func statusForm(_ t: HotlineText, _ refill: Refill = Refill()) -> String {
        page(.tip, t, title: t["status.title"], languagePath: "/report/status", body: [
            .p(.class("intro"), .text(t["status.intro"])),
            errorSummary(refill),
            element("form", [("method", "post"), ("action", "/report/status"), ("class", "ask")], [
                voidElement("input", [("type", "hidden"), ("name", "lang"), ("value", t.language)]),
                field("receipt", t, refill, control: voidElement("input", [("id", "receipt"), ("name", "receipt"), ("required", "required"),
                    ("autocomplete", "off"), ("inputmode", "numeric"), ("value", refill.values["receipt"] ?? "")] + invalid("receipt", refill))),
                field("passcode", t, refill, control: voidElement("input", [("id", "passcode"), ("name", "passcode"), ("required", "required"),
                    ("autocomplete", "off"), ("type", "password")] + invalid("passcode", refill))),
                element("button", [("type", "submit")], [.text(t["status.submit"])]),
            ]),
        ])
    }

    /// The reporter's view. Answering and claiming post the receipt and passcode again: no session, no cookie.
    static func status(_ t: HotlineText, _ view: ReporterView, passcode: String, notice: String?) -> String {
        let categoryKey = (view.kind == .tip ? "tip." : "internet.") + view.category
        var facts: [BodyNode] = [
            element("dt", [], [.text(t["receipt"])]), element("dd", [("id", "receipt")], [.text(view.receipt)]),
            element("dt", [], [.text(t["status.category"])]), element("dd", [], [.text(t[categoryKey])]),
            element("dt", [], [.text(t["status.month"])]), element("dd", [], [.text(view.month)]),
            element("dt", [], [.text(t["status.state"])]), element("dd", [("id", "state")], [.text(t["state." + view.status])]),
        ]
        if let deletion = view.deletion, deletion != .none {
            facts += [element("dt", [], [.text("URL")]), element("dd", [("id", "deletion")], [.text(t["deletion." + deletion.rawValue])])]
        }
        func credentials() -> [BodyNode] {
            [voidElement("input", [("type", "hidden"), ("name", "lang"), ("value", t.language)]),
             voidElement("input", [("type", "hidden"), ("name", "receipt"), ("value", view.receipt)]),
             voidElement("input", [("type", "hidden"), ("name", "passcode"), ("value", passcode)])]
        }
        var body: [BodyNode] = [
            .if(notice != nil, element("p", [("class", "notice"), ("role", "status")], [.text(notice ?? "")])),
            element("dl", [("class", "facts")], facts),
        ]
        if view.kind == .tip {
            switch view.reward {
            case .decided:
                body.append(element("form", [("method", "post"), ("action", "/report/status/claim"), ("class", "ask")], [
                    .p(.text(t.format("reward.decided", String(view.rewardAmount)))),
                ] + credentials() + [element("button", [("type", "submit")], [.text(t["reward.claim"])])]))
            case .claimed: body.append(.p(.id("reward"), .text(t.format("reward.claimed", String(view.rewardAmount)))))
            case .paid: body.append(.p(.id("reward"), .text(t.format("reward.paid", String(view.rewardAmount)))))
            case .none, .refused: break
            }
            body.append(element("section", [("aria-labelledby", "messages-heading")], [
                .h2(.id("messages-heading"), .text(t["status.messages"])),
                element("ol", [("class", "messages")], view.messages.map { message in
                    element("li", [("class", message.author)], [.strong(.text(t["author." + message.author] + ": ")), .text(message.text)])
                }),
                element("form", [("method", "post"), ("action", "/report/status/answer"), ("class", "ask")], credentials() + [
                    element("div", [("class", "field")], [
                        element("label", [("for", "answer")], [.text(t["field.answer"])]),
                        element("textarea", [("id", "answer"), ("name", "answer"), ("rows", "4"), ("required", "required"),
                                             ("maxlength", String(HotlineLimits.answerCharacters))], []),
                    ]),
                    element("button", [("type", "submit")], [.text(t["status.answerSubmit"])]),
                ]),
            ]))
        }
        return page(.tip, t, title: t["status.title"], languagePath: "/report/status", body: body)
    }

    // MARK: Parts

    static func page(_ form: Form, _ t: HotlineText, title: String, languagePath: String? = nil, body: [BodyNode]) -> String {
        publicDocument(language: t.language, title: title, languagePath: languagePath ?? form.path, body: [
            element("div", [("class", "narrow")], [
                element("p", [("class", "emergency")], [HelpPage.phoneLink("110", class: "call"), .text(" " + t["danger"])]),
            ] + body),
        ])
    }

    static func field(_ name: String, _ t: HotlineText, _ refill: Refill, control: BodyNode) -> BodyNode {
        element("div", [("class", "field")], [
            element("label", [("for", name)], [.text(t["field." + name])]),
            .if(refill.errorField == name, element("p", [("id", "\(name)-error"), ("class", "field-error")], [.text(refill.error ?? "")])),
            control,
        ])
    }

    static func invalid(_ name: String, _ refill: Refill) -> [(String, String)] {
        refill.errorField == name ? [("aria-invalid", "true"), ("aria-describedby", "\(name)-error")] : []
    }

    static func errorSummary(_ refill: Refill) -> BodyNode {
        .if(refill.error != nil, element("div", [("class", "error"), ("role", "alert")], [
            refill.errorField.map { element("a", [("href", "#\($0)")], [.text(refill.error ?? "")]) } ?? .text(refill.error ?? ""),
        ]))
    }
}
