import CTIPCore
import Plot

/// `/api/docs`: the API reference for people, drawn on the server from the same contract as
/// `/openapi.json` — every operation with who may call it, its parameters, its body's fields and every
/// answer. Summaries in English or Japanese; field descriptions as the document gives them (English).
enum APIDocsPage {
    /// The page depends only on the contract and the language: drawn once per language, not per request.
    static let rendered: [CTIPCore.Language: String] = Dictionary(uniqueKeysWithValues: CTIPCore.Language.allCases.map { ($0, render(language: $0)) })

    static func render(language: CTIPCore.Language) -> String {
        let ja = language == .ja
        func t(_ en: String, _ jaText: String) -> String { ja ? jaText : en }
        let title = t("API reference", "API リファレンス")
        let content: [Node<HTML.BodyContext>] = [
            .p(.class("lead"), .text(t("The JSON API of CTIP for other agencies' programs. The machine-readable contract is ",
                                       "他機関のプログラム向けの CTIP の JSON API です。機械可読の契約は "))),
            .p(.a(.href("/openapi.json"), .code("/openapi.json")), .text(t(" (OpenAPI 3.1).", "（OpenAPI 3.1）です。"))),
            .ul(
                .li(.text(t("Staff operations need an API token: `Authorization: Bearer ctip_…` (`ctip users token --name NAME EMAIL`). What a token may do is its account's role and agency; every access to personal data is audited.",
                            "職員向けの操作には API トークンが必要です（`Authorization: Bearer ctip_…`、`ctip users token --name NAME EMAIL` で発行）。できることはアカウントの役割と機関で決まり、個人データへのアクセスはすべて監査ログに記録されます。"))),
                .li(.text(t("Every refusal is one JSON shape, {\"error\": …, \"field\": …}: `field` names the parameter or body field at fault.",
                            "拒否はすべて {\"error\": …, \"field\": …} の形の JSON で、`field` が問題の項目を示します。"))),
                .li(.text(t("Lists are paged with `limit` and `cursor`; the next page's address is in the `Link` header.",
                            "一覧は `limit` と `cursor` でページ分けされ、次のページは `Link` ヘッダーにあります。")))),
            .nav(.attribute(named: "aria-label", value: t("Operations", "操作一覧")),
                 .ul(.forEach(APIContract.operations) { operation in
                     .li(.a(.href("#\(operation.id)"), .code(.text("\(operation.method.rawValue) \(operation.path)"))),
                         .text(" — " + (ja ? operation.summaryJapanese : operation.summary)))
                 })),
            .group(APIContract.operations.map { operation in section(operation, ja: ja) }),
        ]
        return PageFrame(language: language.rawValue, title: title, heading: title, languagePath: "/api/docs",
                         breadcrumbs: [.init(label: t("Home", "ホーム"), href: "/?lang=\(language.rawValue)"), .init(label: title, href: nil)])
            .render(content)
    }

    static func section(_ operation: APIOperation, ja: Bool) -> Node<HTML.BodyContext> {
        func t(_ en: String, _ jaText: String) -> String { ja ? jaText : en }
        let answers = (operation.answers + APIContract.common(operation)).reduce(into: [APIOperation.Answer]()) { list, answer in
            if !list.contains(where: { $0.status == answer.status }) { list.append(answer) }
        }.sorted { $0.status < $1.status }
        let reflector = SchemaReflector()
        return .section(.id(operation.id), .class("api-operation"),
            .h2(.code(.text("\(operation.method.rawValue) \(operation.path)"))),
            .p(.strong(.text(ja ? operation.summaryJapanese : operation.summary))),
            .unwrap(operation.description) { .p(.text($0)) },
            .p(.text(operation.permission.map { t("Needs an API token whose role may `\($0.rawValue)`.", "`\($0.rawValue)` を許された役割の API トークンが必要です。") }
                     ?? t("Public: no token.", "公開：トークン不要。"))),
            .if(!operation.parameters.isEmpty, .group(
                .h3(.text(t("Parameters", "パラメーター"))),
                table("\(operation.id): " + t("parameters", "パラメーター"), [t("Name", "名前"), t("In", "場所"), t("Required", "必須"), t("Schema", "型"), t("Description", "説明")],
                      operation.parameters.map { [$0.name, $0.location.rawValue, $0.required ? t("yes", "はい") : "", describe($0.schema), $0.description] }))),
            .unwrap(operation.body) { body in
                .group(.h3(.text(t("Body", "本文") + " (\(operation.bodyName ?? ""), application/json)")),
                       .unwrap(body.description) { .p(.text($0)) },
                       table("\(operation.id): " + t("body", "本文"), [t("Field", "項目"), t("Required", "必須"), t("Schema", "型"), t("Description", "説明")],
                             (body.properties ?? []).map { name, schema in
                                 [name, (body.required ?? []).contains(name) ? t("yes", "はい") : "", describe(schema), schema.description ?? ""]
                             }),
                       .unwrap(body.dependentRequired) { rules in
                           .p(.text(t("Fields that need others: ", "他の項目が必要な項目：")
                                    + rules.sorted { $0.key < $1.key }.map { "\($0.key) → \($0.value.joined(separator: ", "))" }.joined(separator: "; ")))
                       })
            },
            .h3(.text(t("Answers", "応答"))),
            table("\(operation.id): " + t("answers", "応答"), [t("Status", "状態"), t("Meaning", "意味"), t("Body", "本文")],
                  answers.map { answer in
                      [String(answer.status), answer.description + (answer.headers.isEmpty ? "" : " (" + answer.headers.keys.sorted().joined(separator: ", ") + ")"),
                       answer.body.map { describe($0(reflector)) } ?? "—"]
                  }))
    }

    /// A schema in a few words: its type or component, format, allowed values (shortened) and bounds.
    static func describe(_ schema: OpenAPI.Schema) -> String {
        if let ref = schema.ref { return String(ref.split(separator: "/").last ?? "") }
        var words = [(schema.type ?? ["any"]).joined(separator: " | ")]
        if schema.type == ["array"], let items = schema.items { words = ["array of " + describe(items)] }
        if let format = schema.format { words.append(format) }
        if let values = schema.enumeration {
            let shown = values.prefix(8).map(JSONSchemaValidator.shown).joined(separator: ", ")
            words.append("one of " + shown + (values.count > 8 ? ", … (\(values.count))" : ""))
        }
        if let minimum = schema.minimum, let maximum = schema.maximum { words.append("\(minimum)–\(maximum)") }
        if let maxLength = schema.maxLength { words.append("≤ \(maxLength) characters") }
        return words.joined(separator: ", ")
    }

    static func table(_ label: String, _ headings: [String], _ rows: [[String]]) -> Node<HTML.BodyContext> {
        .div(.class("scroll"), .attribute(named: "tabindex", value: "0"), .attribute(named: "role", value: "region"),
             .attribute(named: "aria-label", value: label),
             .table(.thead(.tr(.forEach(headings) { .th(.attribute(named: "scope", value: "col"), .text($0)) })),
                    .tbody(.forEach(rows) { row in .tr(.forEach(row) { .td(.text($0)) }) })))
    }
}
