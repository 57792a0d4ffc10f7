import CTIPCore
import CTIPStorage
import Plot
import Vapor

/// The frame of every staff page: language switch, who is signed in, the sign-out form (with its
/// CSRF token), and the content. Pages work without JavaScript.
enum StaffPages {
    struct Text {
        let language: CTIPCore.Language
        func callAsFunction(_ en: String, _ ja: String) -> String { language == .ja ? ja : en }
    }

    static let style = HomePage.pageStyle + """
    form.inline { display: inline; }
    label { display: block; margin-top: .6rem; font-weight: 600; }
    input, select, textarea { font: inherit; padding: .3rem; max-width: 100%; }
    .error { color: #a00; font-weight: 600; }
    .notice { background: #eef6ee; padding: .5rem; }
    .secret { background: #fff4e0; border-left: 4px solid #d80; padding: .5rem; }
    fieldset { margin-top: 1rem; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
    dt { font-weight: 600; } dd { margin: 0; }
    .queue { border-left: 4px solid #0b4f9c; padding: .1rem .9rem; margin: 1rem 0; } .queue.urgent { border-color: #a4161a; background: #fdecea; }
    .queue .flag { color: #8a1116; }
    """

    static func render(_ request: Request, title: String, status: HTTPResponseStatus = .ok, _ content: Node<HTML.BodyContext>) -> Response {
        let language = request.staffLanguage
        let t = Text(language: language)
        let path = request.url.path
        let html = HTML(
            .lang(language == .ja ? Plot.Language.japanese : Plot.Language.english),
            .head(.encoding(.utf8), .title(title + " — CTIP"),
                  .meta(.name("viewport"), .content("width=device-width, initial-scale=1")), .style(style)),
            .body(
                .header(
                    .p(.a(.href("/staff"), "CTIP"), .text(" · "),
                       .a(.href("\(path)?lang=en"), .attribute(named: "hreflang", value: "en"), "English"), .text(" · "),
                       .a(.href("\(path)?lang=ja"), .attribute(named: "hreflang", value: "ja"), "日本語")),
                    .unwrap(request.staff) { staff in
                        .nav(.attribute(named: "aria-label", value: t("Staff", "職員")),
                             .text("\(staff.email) — \(staff.agency.name(language)) — \(staff.role.label.label(language)) "),
                             .form(.class("inline"), .method(.post), .action("/logout"),
                                   csrfField(request),
                                   .button(.type(.submit), .text(t("Sign out", "ログアウト")))))
                    }
                ),
                .main(.h1(.text(title)), content)
            )
        )
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.add(name: .cacheControl, value: "no-store")
        headers.add(name: .contentLanguage, value: language.rawValue)
        return Response(status: status, headers: headers, body: .init(string: html.render(indentedBy: .spaces(1))))
    }

    static func csrfField(_ request: Request) -> Node<HTML.FormContext> {
        .input(.type(.hidden), .name(StaffSession.csrfField), .value(request.csrfToken ?? ""))
    }

    static func message(_ request: Request, status: HTTPResponseStatus, text: String) -> Response {
        let t = Text(language: request.staffLanguage)
        return render(request, title: status == .notFound ? t("Not found", "見つかりません") : t("Cannot do this", "実行できません"),
                      status: status, .group(.p(.class("error"), .attribute(named: "role", value: "alert"), .text(text)),
                                             .p(.a(.href("/staff"), .text(t("Back to the start", "最初の画面へ"))))))
    }

    static func legend(_ text: String) -> Node<HTML.FormContext> { .element(named: "legend", text: text) }

    /// Each problem named by its form field, in the page's language.
    /// An error summary at the top of the page (GOV.UK's pattern): a heading, then each problem as a
    /// link to its field.
    static func errors(_ errors: [FieldError], language: CTIPCore.Language) -> Node<HTML.BodyContext> {
        .if(!errors.isEmpty, .div(.class("error"), .attribute(named: "role", value: "alert"), .attribute(named: "tabindex", value: "-1"),
                                  .h2(.text(language == .ja ? "入力内容を確認してください" : "There is a problem")),
                                  .ul(.forEach(errors) { error in
                                      .li(.a(.href("#\(error.field)"), .text("\(error.field): \(error.message(language))")))
                                  })))
    }

    static func field(_ label: String, name: String, value: String = "", type: HTMLInputType = .text, required: Bool = false) -> Node<HTML.FormContext> {
        .group(.label(.for(name), .text(label)),
               .input(.type(type), .id(name), .name(name), .value(value), .required(required)))
    }

    static func select(_ label: String, name: String, options: [(String, String)], selected: String = "", blank: String? = nil) -> Node<HTML.FormContext> {
        var choices: [(String, String)] = blank.map { [("", $0)] } ?? []
        choices += options
        let nodes: [Node<HTML.SelectContext>] = [.attribute(named: "id", value: name), .attribute(named: "name", value: name)]
            + choices.map { value, text in option(value: value, text: text, selected: value == selected) }
        return .group(.label(.for(name), .text(label)), .element(named: "select", nodes: nodes))
    }

    /// A fact the worker must state (sex, nationality, form of exploitation): it starts on "choose",
    /// never on the first option, so a field left alone is refused rather than recorded as a fact.
    /// `groups` are shown in order, each under its label (`<optgroup>`), e.g. the most frequent first.
    static func requiredChoice(_ label: String, name: String, groups: [(label: String?, options: [(String, String)])], selected: String,
                               language: CTIPCore.Language) -> Node<HTML.FormContext> {
        var nodes: [Node<HTML.SelectContext>] = [.attribute(named: "id", value: name), .attribute(named: "name", value: name),
                                                 .attribute(named: "required", value: "required"),
                                                 option(value: "", text: language == .ja ? "選択してください" : "Choose…", selected: selected.isEmpty)]
        for group in groups {
            let options = group.options.map { option(value: $0.0, text: $0.1, selected: $0.0 == selected) }
            if let title = group.label {
                nodes.append(.element(named: "optgroup", nodes: [.attribute(named: "label", value: title)] + options))
            } else {
                nodes += options
            }
        }
        return .group(.label(.for(name), .text(label)), .element(named: "select", nodes: nodes))
    }

    /// A choice of agency for a victim's protection: grouped by kind (`<optgroup>`), in the kinds'
    /// order and each kind's own order (the police by prefecture), without the hot lines.
    static func agencySelect(_ label: String, name: String, agencies: [Agency], language: CTIPCore.Language, selected: String = "",
                             blank: String? = nil) -> Node<HTML.FormContext> {
        let eligible = agencies.filter(\.kind.protectsVictims)
        var nodes: [Node<HTML.SelectContext>] = [.attribute(named: "id", value: name), .attribute(named: "name", value: name)]
        if let blank { nodes.append(option(value: "", text: blank, selected: selected.isEmpty)) }
        for kind in AgencyKind.allCases {
            let members = eligible.filter { $0.kind == kind }
            guard !members.isEmpty else { continue }
            nodes.append(.element(named: "optgroup", nodes: [.attribute(named: "label", value: kind.name(language))]
                + members.map { option(value: $0.code, text: $0.name(language), selected: $0.code == selected) }))
        }
        return .group(.label(.for(name), .text(label)), .element(named: "select", nodes: nodes))
    }

    /// `<option value>text</option>`: Plot's own option carries its text only as a `label` attribute.
    static func option(value: String, text: String, selected: Bool) -> Node<HTML.SelectContext> {
        .element(named: "option", nodes: [.attribute(named: "value", value: value, ignoreIfValueIsEmpty: false),
                                          selected ? .attribute(named: "selected") : .empty, .text(text)])
    }
}
