import CTIPCore
import CTIPStorage
import Foundation
import Plot

/// The staff pages of the hot lines (English). Reporters' text is shown through `.text`, escaped.
enum HotlineStaffPages {
    static func dashboard(_ context: HotlineStaffContext, alerts: [StaffTip], triage: [StaffTip], internet: [StaffInternetItem],
                          deletions: [StaffInternetItem], notice: String? = nil) -> String {
        page("Hot lines — triage", context, [
            .if(notice != nil, element("p", [("class", "notice"), ("role", "status")], [.text(notice ?? "")])),
            .if(!alerts.isEmpty, element("section", [("class", "emergency"), ("role", "alert"), ("aria-labelledby", "alerts-heading")], [
                .h2(.id("alerts-heading"), .text("Danger to life: \(alerts.count) waiting")),
                tipTable(alerts),
            ])),
            .h2(.text("Tips to triage")), tipTable(triage),
            .h2(.text("Internet items to judge")), itemTable(internet),
            .h2(.text("Deletion requests open")), itemTable(deletions),
            .p(.a(.href("/staff/hotline/intake"), .text("Phone intake")), .text(" · "),
               .a(.href("/staff/hotline/stats"), .text("Statistics")), .text(" · "),
               .a(.href("/staff/hotline/rewards"), .text("Pay a reward"))),
        ])
    }

    static func police(_ context: HotlineStaffContext, queue: [StaffTip]) -> String {
        page("Police queue — \(context.actor.policePrefecture ?? "")", context, [tipTable(queue)])
    }

    static func tip(_ context: HotlineStaffContext, _ tip: StaffTip, messages: [ReporterView.Message], notice: String? = nil) -> String {
        let base = "/staff/hotline/tips/\(tip.receipt)"
        let police = context.actor.policePrefecture != nil
        var body: [BodyNode] = [
            .if(notice != nil, element("p", [("class", "notice"), ("role", "status")], [.text(notice ?? "")])),
            element("dl", [("class", "facts")], [
                ("Receipt", tip.receipt), ("Urgency", tip.urgency.rawValue), ("Status", tip.status.rawValue), ("Category", tip.category.rawValue),
                ("Prefecture", tip.prefecture), ("Channel", tip.channel), ("Language", tip.language),
                ("Received", JapanTime(secondsSinceEpoch: tip.receivedAt).description), ("Forwarded to", tip.forwardedPrefecture ?? "—"),
                ("Outcome", tip.outcome?.rawValue ?? "—"), ("Case file", tip.caseFile ?? "—"), ("Merged into", tip.mergedInto ?? "—"),
                ("Reward", tip.reward == .none ? "—" : "\(tip.reward.rawValue), \(tip.rewardAmount) yen"),
            ].flatMap { [element("dt", [], [.text($0.0)]), element("dd", [], [.text($0.1)])] }),
            .h2(.text("Report")),
            element("p", [("id", "description"), ("class", "report-text")], [.text(tip.description ?? "(erased after the retention period)")]),
            .h2(.text("Questions and answers")),
            element("ol", [("class", "messages")], messages.map { element("li", [], [.strong(.text($0.author + ": ")), .text($0.text)]) }),
        ]
        if police {
            body += [
                form(base + "/acknowledge", context, "Acknowledge", []),
                form(base + "/outcome", context, "Record the outcome", [
                    select("outcome", "Outcome", PoliceOutcome.allCases.map { ($0.rawValue, $0.rawValue) }, selected: tip.outcome?.rawValue),
                    input("case_file", "Case file of a protected victim (optional)", value: tip.caseFile ?? ""),
                ]),
            ]
        } else {
            let prefectures = CodeLists.shipped.prefectureOrder.map { ($0, "\($0) \(CodeLists.shipped.prefectures[$0]!.en)") }
            body += [
                form(base + "/classify", context, "Classify", [
                    select("category", "Category", TipCategory.allCases.map { ($0.rawValue, $0.rawValue) }, selected: tip.category.rawValue),
                    select("urgency", "Urgency", TipUrgency.allCases.map { ($0.rawValue, $0.rawValue) }, selected: tip.urgency.rawValue),
                    select("prefecture", "Prefecture", prefectures, selected: tip.prefecture),
                ]),
                form(base + "/ask", context, "Ask the reporter", [textarea("question", "Question")]),
                form(base + "/merge", context, "Merge into another tip", [input("into", "Receipt of the tip it duplicates")]),
                form(base + "/forward", context, "Forward to the prefectural police", [
                    select("prefecture", "Police of", prefectures, selected: tip.forwardedPrefecture ?? tip.prefecture, id: "forward-prefecture"),
                ]),
                form(base + "/reward", context, "Decide a reward (supervisor)", [
                    input("amount", "Amount in yen", type: "number"),
                    select("contribution", "Contribution", RewardContribution.allCases.map { ($0.rawValue, $0.rawValue) }, selected: nil),
                    textarea("reason", "Reason"),
                ]),
            ]
        }
        return page("Tip \(tip.receipt)", context, body)
    }

    static func item(_ context: HotlineStaffContext, _ item: StaffInternetItem, letter: DeletionRequestLetter? = nil, notice: String? = nil) -> String {
        let base = "/staff/hotline/internet/\(item.id)"
        return page("Internet item \(item.id.uppercased())", context, [
            .if(notice != nil, element("p", [("class", "notice"), ("role", "status")], [.text(notice ?? "")])),
            element("dl", [("class", "facts")], [
                ("URL", item.url), ("Host", item.host), ("Reports", String(item.reportCount)), ("Reported as", item.category.rawValue),
                ("Judgement", item.judgement.rawValue), ("Judged as", item.judgedCategory?.rawValue ?? "—"), ("Deletion", item.deletionState.rawValue),
            ].flatMap { [element("dt", [], [.text($0.0)]), element("dd", [("class", "url")], [.text($0.1)])] }),
            .if(letter != nil, element("section", [("aria-labelledby", "letter-heading")], [
                .h2(.id("letter-heading"), .text(letter?.subject ?? "")),
                element("pre", [("id", "letter"), ("lang", letter?.language.rawValue ?? "en")], [.text(letter?.body ?? "")]),
            ])),
            form(base + "/judge", context, "Judge", [
                select("judgement", "Judgement", InternetJudgement.allCases.filter { $0 != .pending }.map { ($0.rawValue, $0.rawValue) }, selected: nil),
                select("category", "Category", InternetCategory.allCases.map { ($0.rawValue, $0.rawValue) }, selected: item.judgedCategory?.rawValue ?? item.category.rawValue,
                       id: "judged-category"),
            ]),
            form(base + "/request-deletion", context, "Write the deletion request", [
                select("language", "Language of the letter", [("ja", "日本語"), ("en", "English")], selected: "ja"),
            ]),
            form(base + "/deletion", context, "Record what became of it", [
                select("state", "State", [DeletionState.deleted, .notDeleted, .reappeared].map { ($0.rawValue, $0.rawValue) }, selected: nil),
            ]),
        ])
    }

    static func intake(_ context: HotlineStaffContext, issued: HotlineCredentialsIssued? = nil, error: String? = nil) -> String {
        let prefectures = CodeLists.shipped.prefectureOrder.map { ($0, "\($0) \(CodeLists.shipped.prefectures[$0]!.en)") }
        return page("Phone intake", context, [
            .if(error != nil, element("div", [("class", "error"), ("role", "alert")], [.text(error ?? "")])),
            .if(issued != nil, element("section", [("class", "notice"), ("role", "status")], [
                .p(.text("Read these to the caller, slowly, twice. They are not shown again.")),
                element("dl", [("class", "credentials")], [
                    element("dt", [], [.text("Receipt number")]), element("dd", [("id", "receipt")], [.text(issued?.receipt ?? "")]),
                    element("dt", [], [.text("Passcode")]), element("dd", [("id", "passcode")], [.text(issued?.passcode ?? "")]),
                ]),
            ])),
            form("/staff/hotline/intake", context, "Record the call", [
                select("lang", "Caller's language", HotlineFields.languages.map { ($0, HelpLanguages.endonym($0)) }, selected: "ja"),
                select("category", "Category", TipCategory.allCases.map { ($0.rawValue, $0.rawValue) }, selected: nil),
                select("prefecture", "Prefecture", prefectures, selected: nil),
                textarea("description", "What the caller reports"),
                element("div", [("class", "field check")], [
                    voidElement("input", [("type", "checkbox"), ("id", "danger_now"), ("name", "danger_now"), ("value", "1")]),
                    element("label", [("for", "danger_now")], [.text("Danger to life now")]),
                ]),
            ]),
        ])
    }

    static func rewards(_ context: HotlineStaffContext, paid: Int? = nil, error: String? = nil) -> String {
        page("Pay a reward", context, [
            .if(error != nil, element("div", [("class", "error"), ("role", "alert")], [.text(error ?? "")])),
            .if(paid != nil, element("p", [("class", "notice"), ("role", "status")], [.text("Paid: \(paid ?? 0) yen.")])),
            form("/staff/hotline/rewards", context, "Pay against receipt and passcode", [input("receipt", "Receipt number"), input("passcode", "Passcode", type: "password")]),
        ])
    }

    static func statistics(_ context: HotlineStaffContext, _ statistics: HotlineStatistics, table: String) -> String {
        page("Hot lines, FY\(statistics.fiscalYear)", context, [
            element("form", [("method", "get"), ("action", "/staff/hotline/stats"), ("class", "ask")], [
                input("fiscal_year", "Fiscal year (April–March)", value: String(statistics.fiscalYear), type: "number"),
                element("button", [("type", "submit")], [.text("Show")]),
            ]),
            element("pre", [("id", "figures")], [.text(table)]),
            .p(.a(.href("/staff/hotline/stats?fiscal_year=\(statistics.fiscalYear)&format=json"), .text("JSON"))),
        ])
    }

    // MARK: Parts

    static func page(_ title: String, _ context: HotlineStaffContext, _ body: [BodyNode]) -> String {
        helpDocument(language: "en", title: "\(title) — CTIP", style: HelpPage.style + HotlinePages.style + style, body: [
            element("header", [], [
                element("nav", [("aria-label", "Hot lines")], [
                    .a(.href("/staff/hotline"), .text("Triage")), .text(" · "), .a(.href("/staff/hotline/police"), .text("Police queue")),
                    .text(" · signed in as \(context.actor.user) (\(context.actor.agency))"),
                ]),
                .h1(.text(title)),
            ]),
            element("main", [], body),
        ])
    }

    static func tipTable(_ tips: [StaffTip]) -> BodyNode {
        element("table", [("class", "queue")], [
            element("thead", [], [element("tr", [], ["Receipt", "Urgency", "Category", "Prefecture", "Status", "Received"].map { element("th", [("scope", "col")], [.text($0)]) })]),
            element("tbody", [], tips.map { tip in
                element("tr", [("class", tip.urgency.rawValue)], [
                    element("td", [], [.a(.href("/staff/hotline/tips/\(tip.receipt)"), .text(tip.receipt))]),
                    element("td", [], [.text(tip.urgency.rawValue)]), element("td", [], [.text(tip.category.rawValue)]),
                    element("td", [], [.text(tip.prefecture)]), element("td", [], [.text(tip.status.rawValue)]),
                    element("td", [], [.text(JapanTime(secondsSinceEpoch: tip.receivedAt).description)]),
                ])
            }),
        ])
    }

    static func itemTable(_ items: [StaffInternetItem]) -> BodyNode {
        element("table", [("class", "queue")], [
            element("thead", [], [element("tr", [], ["Item", "URL", "Reports", "Category", "Judgement", "Deletion"].map { element("th", [("scope", "col")], [.text($0)]) })]),
            element("tbody", [], items.map { item in
                element("tr", [], [
                    element("td", [], [.a(.href("/staff/hotline/internet/\(item.id)"), .text(item.id.prefix(8).uppercased()))]),
                    element("td", [("class", "url")], [.text(item.url)]), element("td", [], [.text(String(item.reportCount))]),
                    element("td", [], [.text((item.judgedCategory ?? item.category).rawValue)]), element("td", [], [.text(item.judgement.rawValue)]),
                    element("td", [], [.text(item.deletionState.rawValue)]),
                ])
            }),
        ])
    }

    static func form(_ action: String, _ context: HotlineStaffContext, _ submit: String, _ fields: [BodyNode]) -> BodyNode {
        element("form", [("method", "post"), ("action", action), ("class", "ask staff")], [
            voidElement("input", [("type", "hidden"), ("name", StaffSession.csrfField), ("value", context.csrfToken)]),
        ] + fields + [element("button", [("type", "submit")], [.text(submit)])])
    }

    static func id(_ action: String, _ name: String) -> String { name }

    /// `id` when a page has two fields of one name (two forms).
    static func select(_ name: String, _ label: String, _ options: [(String, String)], selected: String?, id: String? = nil) -> BodyNode {
        element("div", [("class", "field")], [
            element("label", [("for", id ?? name)], [.text(label)]),
            element("select", [("id", id ?? name), ("name", name)], options.map { HelpPage.option($0.0, $0.1, selected: $0.0 == selected) }),
        ])
    }

    static func input(_ name: String, _ label: String, value: String = "", type: String = "text") -> BodyNode {
        element("div", [("class", "field")], [
            element("label", [("for", name)], [.text(label)]),
            voidElement("input", [("id", name), ("name", name), ("type", type), ("value", value), ("autocomplete", "off")]),
        ])
    }

    static func textarea(_ name: String, _ label: String) -> BodyNode {
        element("div", [("class", "field")], [
            element("label", [("for", name)], [.text(label)]),
            element("textarea", [("id", name), ("name", name), ("rows", "4")], []),
        ])
    }

    static let style = """
    body{max-width:64rem}.queue{border-collapse:collapse;width:100%;font-size:.95rem}.queue th,.queue td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left}
    .queue tr.danger_to_life td{background:#fdecea;font-weight:700}.report-text{white-space:pre-wrap;border-left:4px solid #0b4f9c;padding-left:.75rem}
    pre{white-space:pre-wrap;background:#f4f4f4;padding:.75rem}.staff{border-top:1px solid #ddd;padding-top:.75rem}
    """
}
