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

    static func render(_ request: Request, title: String, status: HTTPResponseStatus = .ok, _ content: Node<HTML.BodyContext>) -> Response {
        let language = request.staffLanguage
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.add(name: .cacheControl, value: "no-store")
        headers.add(name: .contentLanguage, value: language.rawValue)
        return Response(status: status, headers: headers, body: .init(string: frame(language: language, path: request.url.path, title: title,
                                                                                        signedIn: request.staff.map { .init(staff: $0, csrfToken: request.csrfToken ?? "") })
            .render([content])))
    }

    /// The frame of a staff page: the navigation marks the section the page belongs to, and a page
    /// below a section's own gets breadcrumbs back to it.
    static func frame(language: CTIPCore.Language, path: String, title: String, signedIn: PageFrame.SignedIn?) -> PageFrame {
        let sections = signedIn.map { StaffNavigation.destinations(for: $0.staff, language: language, includingHome: true) } ?? []
        let section = sections.filter { path == $0.path || path.hasPrefix($0.path + "/") }.max { $0.path.count < $1.path.count }
        var crumbs: [PageFrame.Crumb] = []
        if let section, section.path != path, let home = sections.first {
            crumbs = [.init(label: home.shortLabel, href: "\(home.path)?lang=\(language.rawValue)")]
            if section != home { crumbs.append(.init(label: section.shortLabel, href: "\(section.path)?lang=\(language.rawValue)")) }
            crumbs.append(.init(label: title, href: nil))
        }
        return PageFrame(language: language.rawValue, title: title, heading: title, languagePath: path, breadcrumbs: crumbs,
                         signedIn: signedIn, currentSection: section?.path, publicFooter: false)
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
    /// `idPrefix`: where a page has several forms, each form's fields carry ids of their own.
    static func errors(_ errors: [FieldError], language: CTIPCore.Language, idPrefix: String = "") -> Node<HTML.BodyContext> {
        .if(!errors.isEmpty, .div(.class("error"), .attribute(named: "role", value: "alert"), .attribute(named: "tabindex", value: "-1"),
                                  .h2(.text(language == .ja ? "入力内容を確認してください" : "There is a problem")),
                                  .ul(.forEach(errors) { error in
                                      .li(.a(.href("#\(idPrefix)\(error.field)"), .text("\(error.field): \(error.message(language))")))
                                  })))
    }

    static func field(_ label: String, name: String, value: String = "", type: HTMLInputType = .text, required: Bool = false,
                      idPrefix: String = "") -> Node<HTML.FormContext> {
        .group(.label(.for(idPrefix + name), .text(label)),
               .input(.type(type), .id(idPrefix + name), .name(name), .value(Markup.escaped(value)), .required(required)))
    }

    static func select(_ label: String, name: String, options: [(String, String)], selected: String = "", blank: String? = nil,
                       idPrefix: String = "") -> Node<HTML.FormContext> {
        var choices: [(String, String)] = blank.map { [("", $0)] } ?? []
        choices += options
        let nodes: [Node<HTML.SelectContext>] = [.attribute(named: "id", value: idPrefix + name), .attribute(named: "name", value: name)]
            + choices.map { value, text in option(value: value, text: text, selected: value == selected) }
        return .group(.label(.for(idPrefix + name), .text(label)), .element(named: "select", nodes: nodes))
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
        .element(named: "option", nodes: [.attribute(named: "value", value: Markup.escaped(value), ignoreIfValueIsEmpty: false),
                                          selected ? .attribute(named: "selected") : .empty, .text(text)])
    }
}
