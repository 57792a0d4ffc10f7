import CTIPCore
import CTIPStorage
import Foundation
import Plot

/// The staff pages of the hot lines, in English or Japanese like the other staff pages (`?lang=`, kept by
/// every link and form). Reporters' text is shown through `.text`, escaped.
enum HotlineStaffPages {
    typealias Text = StaffPages.Text

    static func dashboard(_ context: HotlineStaffContext, language: CTIPCore.Language, alerts: [StaffTip], triage: [StaffTip], internet: [StaffInternetItem],
                          deletions: [StaffInternetItem], notice: String? = nil) -> String {
        let t = Text(language: language)
        return page(t("Hot lines — triage", "ホットライン — 通報一覧"), context, language, path: "/staff/hotline", [
            .if(notice != nil, element("p", [("class", "notice"), ("role", "status")], [.text(notice ?? "")])),
            .if(!alerts.isEmpty, element("section", [("class", "emergency"), ("role", "alert"), ("aria-labelledby", "alerts-heading")], [
                .h2(.id("alerts-heading"), .text(t("Danger to life: \(alerts.count) waiting", "生命の危険：未処理 \(alerts.count) 件"))),
                tipTable(alerts, language),
            ])),
            .h2(.text(t("Tips to triage", "未処理の通報"))), tipTable(triage, language),
            .h2(.text(t("Internet items to judge", "判断待ちのインターネット情報"))), itemTable(internet, language),
            .h2(.text(t("Deletion requests open", "対応中の削除依頼"))), itemTable(deletions, language),
            .p(.a(.href(link("/staff/hotline/intake", language)), .text(t("Phone intake", "電話受付"))), .text(" · "),
               .a(.href(link("/staff/hotline/stats", language)), .text(t("Statistics", "統計"))), .text(" · "),
               .a(.href(link("/staff/hotline/rewards", language)), .text(t("Pay a reward", "報奨金の支払")))),
        ])
    }

    static func police(_ context: HotlineStaffContext, language: CTIPCore.Language, queue: [StaffTip]) -> String {
        let t = Text(language: language)
        let prefecture = context.actor.policePrefecture.map { prefectureName($0, language) } ?? ""
        return page(t("Police queue — \(prefecture)", "県警への送付分 — \(prefecture)"), context, language, path: "/staff/hotline/police",
                    [tipTable(queue, language)])
    }

    static func reportedToPolice(_ context: HotlineStaffContext, language: CTIPCore.Language, items: [StaffInternetItem]) -> String {
        let t = Text(language: language)
        let headers = ["URL", t("Judged as", "判断した種別"), t("Reports", "通報数"), t("Reported to the police", "警察への通報日時"),
                       t("Deletion", "削除")]
        return page(t("Internet content reported to the police", "警察へ通報されたインターネット上の違法情報"), context, language,
                    path: "/staff/hotline/police/internet", [
            .p(.text(t("Judged illegal by the Internet Hotline Center, newest first. The hot line asks the site to delete it; the last column says how far that has come.",
                       "インターネット・ホットラインセンターが違法と判断したもの（新しい順）。サイト管理者への削除依頼の状況は右端の欄のとおりです。"))),
            queueTable(headers, items.map { item in
                element("tr", [], [
                    element("td", [("class", "url")], [.text(item.url)]),
                    element("td", [], [.text((item.judgedCategory ?? item.category).label.label(language))]),
                    element("td", [], [.text(String(item.reportCount))]),
                    element("td", [], [.text(item.forwardedAt.map { JapanTime(secondsSinceEpoch: $0).description } ?? "—")]),
                    element("td", [], [.text(item.deletionState.label.label(language))]),
                ])
            }),
        ])
    }

    static func tip(_ context: HotlineStaffContext, language: CTIPCore.Language, _ tip: StaffTip, messages: [ReporterView.Message],
                    notice: String? = nil) -> String {
        let t = Text(language: language)
        let base = "/staff/hotline/tips/\(tip.receipt)"
        let police = context.actor.policePrefecture != nil
        let reward = tip.reward == .none ? "—" : t("\(tip.reward.label.en), \(tip.rewardAmount) yen", "\(tip.reward.label.ja)、\(tip.rewardAmount)円")
        var body: [BodyNode] = [
            .if(notice != nil, element("p", [("class", "notice"), ("role", "status")], [.text(notice ?? "")])),
            element("dl", [("class", "facts")], [
                (t("Receipt", "受付番号"), tip.receipt), (t("Urgency", "緊急度"), tip.urgency.label.label(language)),
                (t("Status", "状況"), tip.status.label.label(language)), (t("Category", "種別"), tip.category.label.label(language)),
                (t("Prefecture", "都道府県"), prefectureName(tip.prefecture, language)),
                (t("Channel", "受付経路"), ReportChannel(rawValue: tip.channel)?.label.label(language) ?? tip.channel),
                (t("Language", "言語"), HelpLanguages.endonym(tip.language)),
                (t("Received", "受付日時"), JapanTime(secondsSinceEpoch: tip.receivedAt).description),
                (t("Forwarded to", "送付先"), tip.forwardedPrefecture.map { prefectureName($0, language) } ?? "—"),
                (t("Outcome", "結果"), tip.outcome?.label.label(language) ?? "—"), (t("Case file", "事件記録"), tip.caseFile ?? "—"),
                (t("Merged into", "統合先"), tip.mergedInto ?? "—"), (t("Reward", "報奨金"), reward),
            ].flatMap { [element("dt", [], [.text($0.0)]), element("dd", [], [.text($0.1)])] }),
            .h2(.text(t("Report", "通報内容"))),
            element("p", [("id", "description"), ("class", "report-text")],
                    [.text(tip.description ?? t("(erased after the retention period)", "（保存期間経過により消去済み）"))]),
            .h2(.text(t("Questions and answers", "質問と回答"))),
            element("ol", [("class", "messages")], messages.map { message in
                let author = switch message.author {
                case "analyst": t("analyst", "分析担当者")
                case "reporter": t("reporter", "通報者")
                default: message.author
                }
                return element("li", [], [.strong(.text(author + t(": ", "："))), .text(message.text)])
            }),
        ]
        if police {
            body += [
                form(base + "/acknowledge", context, language, t("Acknowledge", "受理する"), []),
                form(base + "/outcome", context, language, t("Record the outcome", "結果を記録する"), [
                    select("outcome", t("Outcome", "結果"), PoliceOutcome.allCases.map { ($0.rawValue, $0.label.label(language)) }, selected: tip.outcome?.rawValue,
                           language: language),
                    input("case_file", t("Case file of a protected victim (optional)", "保護した被害者の事件記録（任意）"), value: tip.caseFile ?? ""),
                ]),
            ]
        } else {
            let prefectures = prefectureOptions(language)
            body += [
                form(base + "/classify", context, language, t("Classify", "分類する"), [
                    select("category", t("Category", "種別"), TipCategory.allCases.map { ($0.rawValue, $0.label.label(language)) }, selected: tip.category.rawValue,
                           language: language),
                    select("urgency", t("Urgency", "緊急度"), TipUrgency.allCases.map { ($0.rawValue, $0.label.label(language)) }, selected: tip.urgency.rawValue,
                           language: language),
                    select("prefecture", t("Prefecture", "都道府県"), prefectures, selected: tip.prefecture, language: language),
                ]),
                form(base + "/ask", context, language, t("Ask the reporter", "通報者に質問する"), [textarea("question", t("Question", "質問"))]),
                form(base + "/merge", context, language, t("Merge into another tip", "他の通報に統合する"),
                     [input("into", t("Receipt of the tip it duplicates", "重複先の通報の受付番号"))]),
                form(base + "/forward", context, language, t("Forward to the prefectural police", "県警へ送付"), [
                    select("prefecture", t("Police of", "送付先の都道府県警察"), prefectures, selected: tip.forwardedPrefecture ?? tip.prefecture, id: "forward-prefecture",
                           language: language),
                ]),
                form(base + "/reward", context, language, t("Decide a reward (supervisor)", "報奨金を決定する（責任者）"), [
                    input("amount", t("Amount in yen", "金額（円）"), type: "number"),
                    select("contribution", t("Contribution", "貢献の内容"), RewardContribution.allCases.map { ($0.rawValue, $0.label.label(language)) },
                           selected: nil, language: language),
                    textarea("reason", t("Reason", "理由")),
                ]),
            ]
        }
        return page(t("Tip \(tip.receipt)", "通報 \(tip.receipt)"), context, language, path: base, body)
    }

    static func item(_ context: HotlineStaffContext, language: CTIPCore.Language, _ item: StaffInternetItem, letter: DeletionRequestLetter? = nil,
                     notice: String? = nil) -> String {
        let t = Text(language: language)
        let base = "/staff/hotline/internet/\(item.id)"
        return page(t("Internet item \(item.id.uppercased())", "インターネット情報 \(item.id.uppercased())"), context, language, path: base, [
            .if(notice != nil, element("p", [("class", "notice"), ("role", "status")], [.text(notice ?? "")])),
            element("dl", [("class", "facts")], [
                ("URL", item.url), (t("Host", "ホスト"), item.host), (t("Reports", "通報数"), String(item.reportCount)),
                (t("Reported as", "通報時の種別"), item.category.label.label(language)), (t("Judgement", "判断"), item.judgement.label.label(language)),
                (t("Judged as", "判断した種別"), item.judgedCategory?.label.label(language) ?? "—"), (t("Deletion", "削除"), item.deletionState.label.label(language)),
            ].flatMap { [element("dt", [], [.text($0.0)]), element("dd", [("class", "url")], [.text($0.1)])] }),
            .if(letter != nil, element("section", [("aria-labelledby", "letter-heading")], [
                .h2(.id("letter-heading"), .text(letter?.subject ?? "")),
                element("pre", [("id", "letter"), ("lang", letter?.language.rawValue ?? "en")], [.text(letter?.body ?? "")]),
            ])),
            form(base + "/judge", context, language, t("Judge", "判断する"), [
                select("judgement", t("Judgement", "判断"), InternetJudgement.allCases.filter { $0 != .pending }.map { ($0.rawValue, $0.label.label(language)) },
                       selected: nil, language: language),
                select("category", t("Category", "種別"), InternetCategory.allCases.map { ($0.rawValue, $0.label.label(language)) },
                       selected: item.judgedCategory?.rawValue ?? item.category.rawValue, id: "judged-category", language: language),
            ]),
            form(base + "/request-deletion", context, language, t("Write the deletion request", "削除依頼文を作成する"), [
                select("language", t("Language of the letter", "依頼文の言語"), [("ja", "日本語"), ("en", "English")], selected: "ja", language: language),
            ]),
            form(base + "/deletion", context, language, t("Record what became of it", "削除の結果を記録する"), [
                select("state", t("State", "状況"), [DeletionState.deleted, .notDeleted, .reappeared].map { ($0.rawValue, $0.label.label(language)) },
                       selected: nil, language: language),
            ]),
        ])
    }

    static func intake(_ context: HotlineStaffContext, language: CTIPCore.Language, issued: HotlineCredentialsIssued? = nil, error: String? = nil) -> String {
        let t = Text(language: language)
        return page(t("Phone intake", "電話受付"), context, language, path: "/staff/hotline/intake", [
            .if(error != nil, element("div", [("class", "error"), ("role", "alert")], [.text(error ?? "")])),
            .if(issued != nil, element("section", [("class", "notice"), ("role", "status")], [
                .p(.text(t("Read these to the caller, slowly, twice. They are not shown again.",
                           "通報者にゆっくり2回読み上げてください。この画面は再表示されません。"))),
                element("dl", [("class", "credentials")], [
                    element("dt", [], [.text(t("Receipt number", "受付番号"))]), element("dd", [("id", "receipt")], [.text(issued?.receipt ?? "")]),
                    element("dt", [], [.text(t("Passcode", "パスコード"))]), element("dd", [("id", "passcode")], [.text(issued?.passcode ?? "")]),
                ]),
            ])),
            form("/staff/hotline/intake", context, language, t("Record the call", "受付内容を登録する"), [
                select("lang", t("Caller's language", "通報者の言語"), HotlineFields.languages.map { ($0, HelpLanguages.endonym($0)) },
                       selected: nil, language: language),
                select("category", t("Category", "種別"), TipCategory.allCases.map { ($0.rawValue, $0.label.label(language)) }, selected: nil,
                       language: language),
                select("prefecture", t("Prefecture", "都道府県"), prefectureOptions(language), selected: nil, language: language),
                textarea("description", t("What the caller reports", "通報の内容")),
                element("div", [("class", "field check")], [
                    voidElement("input", [("type", "checkbox"), ("id", "danger_now"), ("name", "danger_now"), ("value", "1")]),
                    element("label", [("for", "danger_now")], [.text(t("Danger to life now", "現に生命の危険がある"))]),
                ]),
            ]),
        ])
    }

    static func rewards(_ context: HotlineStaffContext, language: CTIPCore.Language, paid: Int? = nil, error: String? = nil) -> String {
        let t = Text(language: language)
        return page(t("Pay a reward", "報奨金の支払"), context, language, path: "/staff/hotline/rewards", [
            .if(error != nil, element("div", [("class", "error"), ("role", "alert")], [.text(error ?? "")])),
            .if(paid != nil, element("p", [("class", "notice"), ("role", "status")], [.text(t("Paid: \(paid ?? 0) yen.", "\(paid ?? 0)円を支払いました。"))])),
            form("/staff/hotline/rewards", context, language, t("Pay against receipt and passcode", "受付番号とパスコードを確認して支払う"),
                 [input("receipt", t("Receipt number", "受付番号")), input("passcode", t("Passcode", "パスコード"), type: "password")]),
        ])
    }

    static func statistics(_ context: HotlineStaffContext, language: CTIPCore.Language, _ statistics: HotlineStatistics) -> String {
        let t = Text(language: language)
        let columns = HotlineStatisticsTable.columns(statistics, language: language)
        return page(t("Hot lines, FY\(statistics.fiscalYear)", "ホットライン　\(statistics.fiscalYear)年度"), context, language, path: "/staff/hotline/stats", [
            element("form", [("method", "get"), ("action", "/staff/hotline/stats"), ("class", "ask")], [
                voidElement("input", [("type", "hidden"), ("name", "lang"), ("value", language.rawValue)]),
                input("fiscal_year", t("Fiscal year (April–March)", "年度（4月～翌年3月）"), value: String(statistics.fiscalYear), type: "number"),
                element("button", [("type", "submit")], [.text(t("Show", "表示"))]),
            ]),
            element("table", [("id", "figures"), ("class", "figures")], [
                element("caption", [], [.text(t("By month (April to March) and for the year", "月別（4月～翌年3月）と年度計"))]),
                element("thead", [], [element("tr", [], [element("th", [("scope", "col")], [.text(t("Month", "月"))])]
                    + columns.map { element("th", [("scope", "col")], [.text($0)]) })]),
                element("tbody", [], HotlineStatisticsTable.rows(statistics, language: language).map { row in
                    element("tr", row.isPart ? [("class", "part")] : [], [element("th", [("scope", "row")], [.text(row.label)])]
                        + row.cells.map { element("td", [], [.text($0)]) })
                }),
            ]),
            .p(.a(.href("/staff/hotline/stats?fiscal_year=\(statistics.fiscalYear)&format=json"), .text("JSON"))),
        ])
    }

    // MARK: Parts

    /// `path` with the page's language, so that the next page speaks it too.
    static func link(_ path: String, _ language: CTIPCore.Language) -> String { "\(path)?lang=\(language.rawValue)" }

    static func prefectureName(_ code: String, _ language: CTIPCore.Language) -> String {
        CodeLists.shipped.prefectures[code].map { language == .ja ? $0.ja : $0.en } ?? code
    }

    static func prefectureOptions(_ language: CTIPCore.Language) -> [(String, String)] {
        CodeLists.shipped.prefectureOrder.map { ($0, "\($0) \(prefectureName($0, language))") }
    }

    /// `path` is where the language switch leads: the page itself, never the action that drew it.
    static func page(_ title: String, _ context: HotlineStaffContext, _ language: CTIPCore.Language, path: String, _ body: [BodyNode]) -> String {
        StaffPages.frame(language: language, path: path, title: title, signedIn: context.staff.map { .init(staff: $0, csrfToken: context.csrfToken) })
            .render(body)
    }

    static func tipTable(_ tips: [StaffTip], _ language: CTIPCore.Language) -> BodyNode {
        let t = Text(language: language)
        let headers = [t("Receipt", "受付番号"), t("Urgency", "緊急度"), t("Category", "種別"), t("Prefecture", "都道府県"), t("Status", "状況"), t("Received", "受付日時")]
        return queueTable(headers, tips.map { tip in
            element("tr", [("class", tip.urgency.rawValue)], [
                element("td", [], [.a(.href(link("/staff/hotline/tips/\(tip.receipt)", language)), .text(tip.receipt))]),
                element("td", [], [.text(tip.urgency.label.label(language))]), element("td", [], [.text(tip.category.label.label(language))]),
                element("td", [], [.text(prefectureName(tip.prefecture, language))]), element("td", [], [.text(tip.status.label.label(language))]),
                element("td", [], [.text(JapanTime(secondsSinceEpoch: tip.receivedAt).description)]),
            ])
        })
    }

    /// A queue: its column headings and one row per tip or item.
    static func queueTable(_ headers: [String], _ rows: [BodyNode]) -> BodyNode {
        element("table", [("class", "queue")], [
            element("thead", [], [element("tr", [], headers.map { element("th", [("scope", "col")], [.text($0)]) })]),
            element("tbody", [], rows),
        ])
    }

    static func itemTable(_ items: [StaffInternetItem], _ language: CTIPCore.Language) -> BodyNode {
        let t = Text(language: language)
        let headers = [t("Item", "番号"), "URL", t("Reports", "通報数"), t("Category", "種別"), t("Judgement", "判断"), t("Deletion", "削除")]
        return queueTable(headers, items.map { item in
            element("tr", [], [
                element("td", [], [.a(.href(link("/staff/hotline/internet/\(item.id)", language)), .text(item.id.prefix(8).uppercased()))]),
                element("td", [("class", "url")], [.text(item.url)]), element("td", [], [.text(String(item.reportCount))]),
                element("td", [], [.text((item.judgedCategory ?? item.category).label.label(language))]),
                element("td", [], [.text(item.judgement.label.label(language))]), element("td", [], [.text(item.deletionState.label.label(language))]),
            ])
        })
    }

    static func form(_ action: String, _ context: HotlineStaffContext, _ language: CTIPCore.Language, _ submit: String, _ fields: [BodyNode]) -> BodyNode {
        element("form", [("method", "post"), ("action", link(action, language)), ("class", "ask staff")], [
            voidElement("input", [("type", "hidden"), ("name", StaffSession.csrfField), ("value", context.csrfToken)]),
        ] + fields + [element("button", [("type", "submit")], [.text(submit)])])
    }

    static func id(_ action: String, _ name: String) -> String { name }

    /// `id` when a page has two fields of one name (two forms). `selected` is the record's current value;
    /// without one (`nil`) the choice starts on an empty "Choose…" and is required, never on the first
    /// option: a field left alone is refused by the server, not recorded as a fact or a decision.
    static func select(_ name: String, _ label: String, _ options: [(String, String)], selected: String?, id: String? = nil,
                       language: CTIPCore.Language) -> BodyNode {
        let t = Text(language: language)
        var attributes: [(String, String)] = [("id", id ?? name), ("name", name)]
        var choices: [BodyNode] = []
        if selected == nil {
            attributes.append(("required", "required"))
            choices.append(HelpPage.option("", t("Choose…", "選択してください"), selected: true))
        }
        choices += options.map { HelpPage.option($0.0, $0.1, selected: $0.0 == selected) }
        return element("div", [("class", "field")], [
            element("label", [("for", id ?? name)], [.text(label)]),
            element("select", attributes, choices),
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
}
