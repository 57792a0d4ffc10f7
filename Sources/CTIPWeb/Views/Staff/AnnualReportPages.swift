import CTIPCore
import CTIPStorage
import Plot
import Vapor

/// The whole report's year for staff: the years, a year's board, one contribution (its text, versions,
/// comments and difference from last year, and the forms its reader may use), and the check.
enum AnnualReportPages {
    typealias Body = Node<HTML.BodyContext>

    struct SentForm: Sendable {
        let values: [String: String]
        let errors: [FieldError]
    }

    struct YearLine: Sendable {
        let year: Int
        let published: String?
        let approvedOn: Day?
    }

    static func base(_ year: Int) -> String { "/staff/annual-report/\(year)" }

    static func agencyName(_ code: String, _ agencies: [Agency], _ language: CTIPCore.Language) -> String {
        agencies.first { $0.code == code }?.name(language) ?? code
    }

    static func notice(_ text: String) -> Body {
        .p(.class("notice"), .attribute(named: "role", value: "status"), .text(text))
    }

    static func doneText(_ done: String?, _ t: StaffPages.Text) -> String? {
        guard let done else { return nil }
        if done.hasPrefix("requested-") {
            let count = Int(done.dropFirst("requested-".count)) ?? 0
            return t(count == 1 ? "Requested: 1 contribution." : "Requested: \(count) contributions.", "\(count)件を依頼しました。")
        }
        switch done {
        case "draft": return t("The draft was started from the last edition.", "前年版から草案を作成しました。")
        case "approved": return t("The Council's approval was recorded.", "推進会議の承認日を記録しました。")
        case "published": return t("The report was published: section 2 and the whole report are frozen.", "報告書を公表しました（第2章と報告書全体を確定）。")
        case "edit": return t("Your text was saved as a new version.", "本文を新しい版として保存しました。")
        case "submit": return t("The contribution was submitted to the secretariat.", "事務局に提出しました。")
        case "return": return t("The contribution was returned to its ministry.", "府省庁に差し戻しました。")
        case "accept": return t("The contribution was accepted.", "受理しました。")
        case "comment": return t("Your comment was added.", "コメントを追加しました。")
        case let outline where outline.hasPrefix("outline-"):
            let item = outline.dropFirst("outline-".count).replacingOccurrences(of: "_", with: " ")
            return t("The outline was changed (item \(item)).", "目次を変更しました（項目 \(item)）。")
        case "exhibits": return t("The tables and figures were changed.", "図表を変更しました。")
        case "placed": return t("The text is now repeated under that item too.", "その項目にも再掲しました。")
        case "unplaced": return t("The repeat was removed.", "再掲をやめました。")
        case "correct": return t("The text was corrected and a revision of the whole report frozen.", "本文を訂正し、報告書全体の改訂版を確定しました。")
        default: return nil
        }
    }

    // MARK: Years

    static func years(_ request: Request, staff: StaffIdentity, years: [YearLine], nextYear: Int) -> Response {
        let language = request.staffLanguage
        let t = StaffPages.Text(language: language)
        let manages = AccessPolicy.allows(staff, .manageReport)
        return StaffPages.render(request, title: t("Annual report", "年次報告"), .group(
            .p(.class("lead"), .text(t("The whole report, Measures to Combat Trafficking in Persons: each year's outline, the ministries' contributions and where each stands.",
                                       "年次報告「人身取引対策に関する取組について」の全体：各年の目次、府省庁の投稿とその状況です。"))),
            .if(years.isEmpty, .p(.text(t("No year has a report yet: `ctip report import-edition` reads a published one.",
                                          "報告書はまだありません（ctip report import-edition で公表版を読み込みます）。")))),
            .ul(.forEach(years) { line in
                .li(.a(.href("\(base(line.year))?lang=\(language.rawValue)"), .text(t("Report on \(line.year)", "\(line.year)年の報告"))),
                    .text(" — " + (line.published != nil ? t("published", "公表済み")
                                   : line.approvedOn != nil ? t("approved, not yet published", "承認済み・未公表") : t("in preparation", "作成中"))))
            }),
            .if(manages, .section(.id("new-draft"), .attribute(named: "aria-labelledby", value: "new-draft-heading"),
                .h2(.id("new-draft-heading"), .text(t("Start a year", "新しい年の作成"))),
                .p(.text(t("The new year starts from the last edition: every contribution is carried forward as its ministry's draft.",
                           "新しい年は前年版から始まります。各投稿は、その府省庁の草案として引き継がれます。"))),
                .form(.method(.post), .action("/staff/annual-report/drafts?lang=\(language.rawValue)"), StaffPages.csrfField(request),
                      StaffPages.field(t("Year of the report", "報告の対象年"), name: "year", value: String(nextYear), type: .number, required: true),
                      .p(.button(.type(.submit), .text(t("Start the draft", "草案を作成する")))))))
        ))
    }

    // MARK: Board

    static func board(_ request: Request, staff: StaffIdentity, edition: WholeEdition, board: ContributionBoard, publishedAt: String?,
                      revisions: [WholeReportRevision], agencies: [Agency], today: Day, done: String?, sent: SentForm? = nil, status: HTTPResponseStatus = .ok) -> Response {
        let language = request.staffLanguage
        let t = StaffPages.Text(language: language)
        let manages = AccessPolicy.allows(staff, .manageReport)
        let year = edition.year
        let lang = "?lang=\(language.rawValue)"
        let ministries = Array(Set(edition.contributions.flatMap(\.ministries) + agencies.filter { $0.kind == .ministry }.map(\.code))).sorted()
        let values = sent?.values ?? [:]
        return StaffPages.render(request, title: t("Report on \(year)", "\(year)年の報告"), status: status, .group(
            .unwrap(doneText(done, t)) { notice($0) },
            .unwrap(sent) { StaffPages.errors($0.errors, language: language) },
            .p(.class("lead"), .text(manages
                ? t("Every ministry's contributions, by item: what is requested, drafted, submitted, returned, accepted, and what is overdue.",
                    "項目ごとの各府省庁の投稿：依頼中、作成中、提出済み、差戻し、受理、期限超過。")
                : t("Your ministry's contributions to the report: write them, then submit them to the Council's secretariat.",
                    "自府省庁の投稿です。作成して、推進会議事務局に提出します。"))),
            .p(.text(publishedAt.map { t("Published on \($0); it never changes.", "\($0)に公表済み。変更されません。") }
                     ?? edition.approvedOn.map { t("Approved by the Council on \($0); not yet published.", "\($0)に推進会議で承認。未公表。") }
                     ?? t("In preparation.", "作成中。"))),
            .p(.a(.href("/reports/\(year)/whole\(lang)"), .text(t("Read the whole report as it stands", "現在の報告書全体を読む"))),
               .if(manages, .group(.text(" · "), .a(.href("\(base(year))/check\(lang)"), .text(t("Check it", "点検する"))),
                                   .text(" · "), .a(.href("\(base(year))/outline\(lang)"), .text(t("The outline", "目次")))))),
            .if(publishedAt != nil, published(year, revisions: revisions, language: language)),
            .section(.id("summary"), .attribute(named: "aria-labelledby", value: "summary-heading"),
                .h2(.id("summary-heading"), .text(t("Where the contributions stand", "投稿の状況"))),
                .ul(.class("counts"),
                    .forEach(ContributionState.allCases) { state in
                        .li(.a(.href(boardLink(year, board, state: state, language: language)), .text("\(state.label(language)): ")),
                            .strong(.text(String(board.count(state)))))
                    },
                    .li(.class(board.overdue > 0 ? "overdue" : ""), .a(.href(boardLink(year, board, overdue: true, language: language)), .text(t("overdue: ", "期限超過："))),
                        .strong(.text(String(board.overdue))))),
                .if(manages, filter(year, board, ministries: ministries, agencies: agencies, language: language))),
            .section(.id("contributions"), .attribute(named: "aria-labelledby", value: "contributions-heading"),
                .h2(.id("contributions-heading"), .text(t("Contributions", "投稿") + " (\(board.rows.count))")),
                .if(board.rows.isEmpty, .p(.text(t("None.", "ありません。"))), else:
                    .div(.class("scroll"), .attribute(named: "tabindex", value: "0"), .attribute(named: "role", value: "region"),
                         .attribute(named: "aria-labelledby", value: "contributions-heading"),
                         .table(.id("board"),
                                .thead(.tr(.th(.attribute(named: "scope", value: "col"), .text(t("Item", "項目"))),
                                           .th(.attribute(named: "scope", value: "col"), .text(t("Ministry", "府省庁"))),
                                           .th(.attribute(named: "scope", value: "col"), .text(t("State", "状況"))),
                                           .th(.attribute(named: "scope", value: "col"), .text(t("Deadline", "期限"))),
                                           .th(.attribute(named: "scope", value: "col"), .text(t("Text", "本文"))))),
                                .tbody(.forEach(board.rows) { row in
                                    .tr(.class(row.overdue ? "overdue" : ""),
                                        .td(.text(row.item.description), .br(), .span(.class("muted"), .text(row.itemTitle))),
                                        .td(.text(row.ministries.isEmpty ? "—" : row.ministries.map { agencyName($0, agencies, language) }.joined(separator: ", "))),
                                        .td(.text(row.state.label(language)),
                                            .if(row.carriedFrom != nil, .group(.br(), .span(.class("muted"), .text(t("carried from \(row.carriedFrom ?? 0), not yet confirmed", "\(row.carriedFrom ?? 0)年から引継ぎ・未確認")))))),
                                        .td(.text(row.deadline?.description ?? "—"),
                                            .if(row.overdue, .group(.br(), .strong(.class("overdue"), .text(t("overdue", "期限超過")))))),
                                        .td(.a(.href("\(base(year))/contributions/\(row.contributionID)\(lang)"),
                                               .text(row.excerpt.isEmpty ? t("(not written yet)", "（未作成）") : row.excerpt))))
                                }))))),
            .if(manages && publishedAt == nil, .group(
                .section(.id("request"), .attribute(named: "aria-labelledby", value: "request-heading"),
                    .h2(.id("request-heading"), .text(t("Request a contribution", "投稿を依頼する"))),
                    .p(.text(t("With an item: a new contribution of the ministry to that item. Without: the deadline for every contribution of the ministry that still awaits its text.",
                               "項目を指定すると、その項目への新しい投稿を依頼します。指定しないと、その府省庁の未提出の投稿すべてに期限を設定します。"))),
                    .form(.method(.post), .action("\(base(year))/requests\(lang)"), StaffPages.csrfField(request),
                          StaffPages.select(t("Ministry", "府省庁"), name: "ministry",
                                            options: ministries.map { ($0, "\(agencyName($0, agencies, language)) (\($0))") },
                                            selected: values["ministry"] ?? "", blank: t("Choose…", "選択してください")),
                          StaffPages.select(t("Item (optional)", "項目（任意）"), name: "item",
                                            options: edition.outline.filter { $0.number.chapter != 2 }.map { ($0.number.description, "\($0.number) \($0.title(language))") },
                                            selected: values["item"] ?? "", blank: t("Every item awaiting the ministry", "未提出のすべての項目")),
                          StaffPages.field(t("Deadline", "期限"), name: "deadline", value: values["deadline"] ?? today.adding(days: 30).description,
                                           type: .date, required: true),
                          .p(.button(.type(.submit), .text(t("Request", "依頼する")))))),
                .section(.id("approval"), .attribute(named: "aria-labelledby", value: "approval-heading"),
                    .h2(.id("approval-heading"), .text(t("Approval and publication", "承認と公表"))),
                    .form(.method(.post), .action("\(base(year))/approval\(lang)"), StaffPages.csrfField(request),
                          StaffPages.field(t("Day of the Council's approval", "推進会議の承認日"), name: "approved_on",
                                           value: edition.approvedOn?.description ?? today.description, type: .date, required: true),
                          .p(.button(.type(.submit), .text(t("Record the approval", "承認日を記録する"))))),
                    .form(.method(.post), .action("\(base(year))/publication\(lang)"), StaffPages.csrfField(request),
                          .p(.text(t("Publishing freezes section 2 and the whole report in both languages and every format, with their SHA-256; nothing can change afterwards.",
                                     "公表すると、第2章と報告書全体（両言語・全形式）を SHA-256 とともに確定し、以後は変更できません。"))),
                          .p(.button(.type(.submit), .text(t("Publish the report on \(year)", "\(year)年の報告を公表する"))))))))
        ))
    }

    /// The published edition and its revisions, each exactly as frozen.
    static func published(_ year: Int, revisions: [WholeReportRevision], language: CTIPCore.Language) -> Body {
        let t = StaffPages.Text(language: language)
        let lang = language.rawValue
        return .section(.id("editions"), .attribute(named: "aria-labelledby", value: "editions-heading"),
            .h2(.id("editions-heading"), .text(t("Published editions", "公表版"))),
            .ul(.li(.a(.href("/reports/\(year)/whole?lang=\(lang)&edition=published"), .text(t("As first published", "公表時の版")))),
                .forEach(revisions) { revision in
                    .li(.a(.href("/reports/\(year)/whole?lang=\(lang)&edition=published&revision=\(revision.number)"),
                           .text(t("Revision \(revision.number)", "第\(revision.number)版"))),
                        .text(" — \(revision.at): \(revision.reason) (\(revision.corrected.joined(separator: ", ")))"),
                        .if(revision.section2Changes > 0, .text(t("; section 2: \(revision.section2Changes) numbers differ from the publication",
                                                                  "。第2章：公表時と異なる数値 \(revision.section2Changes)件"))),
                        .br(), .code(.text(revision.contentHash)))
                }),
            .p(.class("hint"), .text(t("A published edition never changes: the secretariat corrects a contribution's text on its page, saying why, and that makes a revision.",
                                       "公表版は変更されません。事務局が投稿の画面で理由を添えて本文を訂正すると、改訂版になります。"))))
    }

    /// The board narrowed to a state or to what is overdue, keeping the ministry chosen.
    static func boardLink(_ year: Int, _ board: ContributionBoard, state: ContributionState? = nil, overdue: Bool = false,
                          language: CTIPCore.Language) -> String {
        var query = ["lang=\(language.rawValue)"]
        if let ministry = board.ministry { query.append("ministry=\(ministry)") }
        if let state { query.append("state=\(state.rawValue)") }
        if overdue { query.append("overdue=1") }
        return "\(base(year))?" + query.joined(separator: "&")
    }

    static func filter(_ year: Int, _ board: ContributionBoard, ministries: [String], agencies: [Agency], language: CTIPCore.Language) -> Body {
        let t = StaffPages.Text(language: language)
        return .form(.method(.get), .action(base(year)), .class("filter"),
                     .input(.type(.hidden), .name("lang"), .value(language.rawValue)),
                     StaffPages.select(t("Ministry", "府省庁"), name: "ministry", options: ministries.map { ($0, "\(agencyName($0, agencies, language)) (\($0))") },
                                       selected: board.ministry ?? "", blank: t("Every ministry", "すべての府省庁"), idPrefix: "filter-"),
                     StaffPages.select(t("State", "状況"), name: "state", options: ContributionState.allCases.map { ($0.rawValue, $0.label(language)) },
                                       selected: board.state?.rawValue ?? "", blank: t("Every state", "すべての状況"), idPrefix: "filter-"),
                     .p(.button(.type(.submit), .text(t("Show", "表示")))))
    }

    // MARK: One contribution

    static func contribution(_ request: Request, staff: StaffIdentity, edition: WholeEdition, contribution: Contribution, work: ContributionWork,
                             history: [ContributionEvent], names: [String: String] = [:], lastYear: Contribution?, published: Bool, agencies: [Agency], today: Day,
                             sent: SentForm?, status: HTTPResponseStatus, done: String?) -> Response {
        let language = request.staffLanguage
        let t = StaffPages.Text(language: language)
        let year = edition.year
        let lang = "?lang=\(language.rawValue)"
        let actor = ContributionActor.of(staff, ministries: contribution.ministries)
        let hasText = !(contribution.textEN + contribution.textJA).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        let actions = published ? [] : ContributionWorkflow.available(to: actor, in: contribution.state, hasText: hasText)
        let form = WorkForm(request: request, action: "\(base(year))/contributions/\(contribution.id)\(lang)", revision: work.revision,
                            values: sent?.values ?? [:], errors: sent?.errors ?? [], actions: actions, language: language,
                            figureLines: edition.figures.filter { $0.contributionID == contribution.id }.compactMap(ContributionFile.figureLine))
        return StaffPages.render(request, title: t("Contribution \(contribution.id)", "投稿 \(contribution.id)"), status: status, .group(
            .unwrap(doneText(done, t)) { notice($0) },
            .unwrap(sent) { StaffPages.errors($0.errors, language: language) },
            facts(edition: edition, contribution: contribution, work: work, agencies: agencies, today: today, language: language),
            texts(contribution, language: language),
            figures(edition.figures.filter { $0.contributionID == contribution.id }, language: language),
            .unwrap(lastYear) { last in difference(last: last, now: contribution, language: language) },
            .if(!actions.isEmpty, form.section(contribution)),
            .if(published && actor == .secretariat && contribution.state == .accepted, form.correction(contribution)),
            .if(!published && actor == .secretariat, placements(request, edition: edition, contribution: contribution, language: language)),
            historyList(history, names: names, language: language)
        ))
    }

    static func facts(edition: WholeEdition, contribution: Contribution, work: ContributionWork, agencies: [Agency], today: Day,
                      language: CTIPCore.Language) -> Body {
        let t = StaffPages.Text(language: language)
        let item = edition.outline.first { $0.number == contribution.home }
        let repeats = edition.placements.filter { $0.contributionID == contribution.id && $0.isRepeat }.map(\.item.description)
        let overdue = work.deadline.map { $0 < today && contribution.state.awaitsMinistry } ?? false
        let ministries = contribution.ministries.isEmpty ? "—" : contribution.ministries.map { agencyName($0, agencies, language) }.joined(separator: ", ")
        let carried: Node<HTML.DescriptionListContext> = .unwrap(contribution.carriedFrom) { from in
            .group(.dt(.text(t("Carried forward", "引継ぎ"))),
                   .dd(.text(t("from the \(from) edition: its figures are still that year's until the ministry confirms them",
                               "\(from)年版から。府省庁が確認するまで、数値はその年のものです"))))
        }
        let deadline: Node<HTML.DescriptionListContext> = .dd(.text(work.deadline?.description ?? "—"), .if(overdue, .strong(.class("overdue"), .text(" " + t("overdue", "期限超過")))))
        return .dl(.class("facts"),
                   .dt(.text(t("Item", "項目"))), .dd(.text("\(contribution.home) \(item?.title(language) ?? "")")),
                   .if(!repeats.isEmpty, .group(.dt(.text(t("Also placed under", "再掲先"))), .dd(.text(repeats.joined(separator: "; "))))),
                   .dt(.text(t("Ministry", "府省庁"))), .dd(.text(ministries)),
                   .dt(.text(t("State", "状況"))), .dd(.strong(.id("state"), .text(contribution.state.label(language)))),
                   .dt(.text(t("Deadline", "期限"))), deadline,
                   .dt(.text(t("Version", "版"))), .dd(.text(String(work.revision))),
                   carried)
    }

    static func texts(_ contribution: Contribution, language: CTIPCore.Language) -> Body {
        let t = StaffPages.Text(language: language)
        let english: Body = contribution.textEN.isEmpty ? .p(.class("muted"), .text(t("(none)", "（なし）")))
            : .pre(.class("contribution"), .text(contribution.textEN))
        let japanese: Body = contribution.textJA.isEmpty
            ? .p(.class("muted"), .text(t("(none: the report shows the English, marked)", "（なし：報告書では英文を注記付きで示します）")))
            : .pre(.class("contribution"), .attribute(named: "lang", value: "ja"), .text(contribution.textJA))
        return .section(.id("text"), .attribute(named: "aria-labelledby", value: "text-heading"),
                        .h2(.id("text-heading"), .text(t("Text", "本文"))),
                        .h3(.text("English (\(contribution.statusEN.rawValue))")), english,
                        .h3(.text("日本語 (\(contribution.statusJA.rawValue))")), japanese)
    }

    /// The secretariat places the text under other items too: each a repeat rendered from this one text.
    static func placements(_ request: Request, edition: WholeEdition, contribution: Contribution, language: CTIPCore.Language) -> Body {
        let t = StaffPages.Text(language: language)
        let action = "\(base(edition.year))/contributions/\(contribution.id)/placements?lang=\(language.rawValue)"
        let repeats = edition.placements.filter { $0.contributionID == contribution.id && $0.isRepeat }.map(\.item)
        let options = edition.outline.filter { item in
            !OutlineEditing.isComputed(item.number) && item.number != contribution.home && !repeats.contains(item.number)
        }.map { ($0.number.description, "\($0.number) \($0.title(language))") }
        return .section(.id("placements"), .attribute(named: "aria-labelledby", value: "placements-heading"),
            .h2(.id("placements-heading"), .text(t("Also under other items", "他の項目への再掲"))),
            .p(.text(t("A repeat is rendered from this one text, marked “[Repeated from \(contribution.home)]”: it can never differ from it.",
                       "再掲はこの本文からそのまま作成され、「［\(contribution.home) から再掲］」と示されます。元の本文と食い違うことはありません。"))),
            .ul(.forEach(repeats) { item in
                .li(.form(.method(.post), .action(action), .class("inline"), StaffPages.csrfField(request),
                          .input(.type(.hidden), .name("item"), .value(item.description)), .input(.type(.hidden), .name("remove"), .value("1")),
                          .text(item.description + " "), .button(.type(.submit), .text(t("Remove this repeat", "この再掲をやめる")))))
            }),
            .form(.method(.post), .action(action), StaffPages.csrfField(request),
                  StaffPages.select(t("Repeat it under", "再掲先"), name: "item", options: options, blank: t("Choose…", "選択してください"), idPrefix: "place-"),
                  .p(.button(.type(.submit), .text(t("Add the repeat", "再掲を追加"))))))
    }

    /// The figures the text declares, as the report renders them in both languages.
    static func figures(_ figures: [TextFigure], language: CTIPCore.Language) -> Body {
        let t = StaffPages.Text(language: language)
        return .if(!figures.isEmpty, .section(.id("figures"), .attribute(named: "aria-labelledby", value: "figures-heading"),
            .h2(.id("figures-heading"), .text(t("Figures in the text", "本文中の数値"))),
            .table(.thead(.tr(.th(.attribute(named: "scope", value: "col"), .text(t("Key", "キー"))),
                              .th(.attribute(named: "scope", value: "col"), .text("English")),
                              .th(.attribute(named: "scope", value: "col"), .text("日本語")),
                              .th(.attribute(named: "scope", value: "col"), .text(t("Period, source", "期間・出典"))))),
                   .tbody(.forEach(figures) { figure in
                       let entered = figure.entered
                       let missing = entered?.missingParts ?? []
                       return .tr(.td(.code(.text("{number:\(figure.key)}"))),
                                  .td(.text(entered?.text(.en) ?? figure.computedKey ?? "")),
                                  .td(.attribute(named: "lang", value: "ja"), .text(entered?.text(.ja) ?? "")),
                                  .td(.text([entered?.period?.notation, entered?.source].compactMap { $0 }.joined(separator: ", ")),
                                      .if(!figure.confirmed, .group(.br(), .strong(.class("overdue"), .text(t("still last year's: confirm it", "前年のまま：確認してください"))))),
                                      .if(!missing.isEmpty, .group(.br(), .strong(.class("overdue"), .text(t("without ", "不足：") + missing.joined(separator: ", ")))))))
                   }))))
    }

    static func historyList(_ history: [ContributionEvent], names: [String: String], language: CTIPCore.Language) -> Body {
        let t = StaffPages.Text(language: language)
        return .section(.id("history"), .attribute(named: "aria-labelledby", value: "history-heading"),
            .h2(.id("history-heading"), .text(t("History", "履歴"))),
            .ol(.attribute(named: "reversed", value: "reversed"), .forEach(history.reversed()) { event in
                let line = "\(event.at) — \(t("version", "版")) \(event.revision): \(event.action.label(language)) (\(names[event.actor] ?? event.actor), \(event.agency)) → \(event.state.label(language))"
                return .li(.text(line), .unwrap(event.comment) { .blockquote(.text($0)) })
            }))
    }

    /// The forms of a contribution for its reader: the ministry's text (save, or save and submit), and a
    /// comment with the secretariat's accept and return. Each carries the version it was opened at.
    struct WorkForm {
        let request: Request
        let action: String
        let revision: Int
        let values: [String: String]
        let errors: [FieldError]
        let actions: [ContributionAction]
        let language: CTIPCore.Language
        /// The contribution's entered figures as their lines.
        var figureLines: [String] = []

        var t: StaffPages.Text { StaffPages.Text(language: language) }

        func button(_ action: ContributionAction, _ label: String) -> Node<HTML.BodyContext> {
            .button(.type(.submit), .name("action"), .value(action.rawValue), .text(label))
        }

        func start() -> Node<HTML.FormContext> {
            .group(StaffPages.csrfField(request), .input(.type(.hidden), .name("revision"), .value(String(revision))))
        }

        func section(_ contribution: Contribution) -> Body {
            .section(.id("work"), .attribute(named: "aria-labelledby", value: "work-heading"),
                     .h2(.id("work-heading"), .text(t("Work on it", "作業"))),
                     .if(actions.contains(.edit), writing(contribution)),
                     .if(!actions.contains(.edit) && actions.contains(.submit),
                         .form(.method(.post), .action(action), start(), .p(button(.submit, t("Submit", "提出"))))),
                     review())
        }

        func writing(_ contribution: Contribution) -> Body {
            let japaneseStatus = values["ja_status"] ?? (contribution.statusJA == .translation ? "translation" : "original")
            let hint = t("Paragraphs are separated by an empty line; a line starting with “- ” is a bullet. {item:3 (7) i)} and {figure:ID} refer to an item or a figure by its identifier; {number:KEY} is a figure held as data.",
                         "段落は空行で区切り、「- 」で始まる行は箇条書きです。{item:3 (7) i)}、{figure:ID} は項目・図を識別子で参照し、{number:KEY} はデータとして保持する数値です。")
            return .form(.method(.post), .action(action), start(),
                         .p(.class("hint"), .text(hint)),
                         AnnualReportPages.textarea("text_en", label: t("English text", "英文"), value: values["text_en"] ?? contribution.textEN,
                                                    errors: errors, language: language),
                         AnnualReportPages.textarea("text_ja", label: t("Japanese text", "和文"), value: values["text_ja"] ?? contribution.textJA,
                                                    errors: errors, language: language),
                         StaffPages.select(t("The Japanese text is", "和文は"), name: "ja_status",
                                           options: [(TextStatus.original.rawValue, t("the original", "原文")),
                                                     (TextStatus.translation.rawValue, t("a translation", "翻訳"))],
                                           selected: japaneseStatus),
                         AnnualReportPages.textarea("figures", label: t("Figures the text names as {number:KEY}, one a line: KEY: VALUE | UNIT | PERIOD | SOURCE (delete “unconfirmed” once a figure is this year's)",
                                                                       "本文が {number:KEY} で示す数値（1行に1つ）：KEY: 値 | 単位 | 期間 | 出典（今年の数値に更新したら「unconfirmed」を消します）"),
                                                    value: values["figures"] ?? figureLines.joined(separator: "\n"), errors: errors, language: language, rows: 3),
                         // Submitting saves the text on the screen first, so it is offered even before there is text.
                         .p(button(.edit, t("Save a new version", "新しい版として保存")), .text(" "), button(.submit, t("Save and submit", "保存して提出"))))
        }

        /// After publication: the secretariat corrects the text, saying why; a revision is frozen.
        func correction(_ contribution: Contribution) -> Body {
            .section(.id("correction"), .attribute(named: "aria-labelledby", value: "correction-heading"),
                .h2(.id("correction-heading"), .text(t("Correct the published text", "公表後の訂正"))),
                .p(.text(t("The edition is published and never changes: a correction makes a revision of the whole report, frozen with its hash, the first publication kept as it was.",
                           "公表版は変更されません。訂正すると報告書全体の改訂版を作成し、ハッシュとともに確定します。公表時の版はそのまま残ります。"))),
                .form(.method(.post), .action(action), start(),
                      AnnualReportPages.textarea("text_en", label: t("English text", "英文"), value: values["text_en"] ?? contribution.textEN,
                                                 errors: errors, language: language),
                      AnnualReportPages.textarea("text_ja", label: t("Japanese text", "和文"), value: values["text_ja"] ?? contribution.textJA,
                                                 errors: errors, language: language),
                      StaffPages.select(t("The Japanese text is", "和文は"), name: "ja_status",
                                        options: [(TextStatus.original.rawValue, t("the original", "原文")),
                                                  (TextStatus.translation.rawValue, t("a translation", "翻訳"))],
                                        selected: values["ja_status"] ?? (contribution.statusJA == .translation ? "translation" : "original")),
                      AnnualReportPages.textarea("comment", label: t("Reason for the correction", "訂正の理由"), value: values["comment"] ?? "",
                                                 errors: errors, language: language, rows: 2),
                      .p(button(.correct, t("Correct and freeze a revision", "訂正して改訂版を確定")))))
        }

        func review() -> Body {
            let label = actions.contains(.return) ? t("Comment (a return says what to change)", "コメント（差戻しには直す点を書きます）") : t("Comment", "コメント")
            return .form(.method(.post), .action(action), start(),
                         AnnualReportPages.textarea("comment", label: label, value: values["comment"] ?? "", errors: errors, language: language, rows: 3),
                         .p(.if(actions.contains(.accept), .group(button(.accept, t("Accept", "受理")), .text(" "))),
                            .if(actions.contains(.return), .group(button(.return, t("Return to the ministry", "差し戻す")), .text(" "))),
                            button(.comment, t("Add the comment", "コメントを追加"))))
        }
    }

    static func textarea(_ name: String, label: String, value: String, errors: [FieldError], language: CTIPCore.Language, rows: Int = 8) -> Node<HTML.FormContext> {
        let problem = errors.first { $0.field == name }
        return .div(.class(problem == nil ? "field" : "field invalid"),
            .label(.for(name), .text(label)),
            .unwrap(problem) { .p(.id("\(name)-error"), .class("error"), .text($0.message(language))) },
            .element(named: "textarea", nodes: [.attribute(named: "id", value: name), .attribute(named: "name", value: name),
                                                .attribute(named: "rows", value: String(rows)),
                                                problem == nil ? .empty : .attribute(named: "aria-describedby", value: "\(name)-error"),
                                                .text(value)]))
    }

    /// What the contribution says now against what it said in last year's edition, word by word.
    static func difference(last: Contribution, now: Contribution, language: CTIPCore.Language) -> Body {
        let t = StaffPages.Text(language: language)
        func shown(_ parts: [TextDifference.Part]) -> Body {
            .p(.class("difference"), .forEach(parts) { part in
                switch part {
                case .same(let text): .text(text)
                case .removed(let text): .element(named: "del", nodes: [.text(text)])
                case .added(let text): .element(named: "ins", nodes: [.text(text)])
                }
            })
        }
        let english = TextDifference.parts(from: last.textEN, to: now.textEN)
        let japanese = TextDifference.parts(from: last.textJA, to: now.textJA)
        let changedEN = TextDifference.differs(last.textEN, now.textEN), changedJA = TextDifference.differs(last.textJA, now.textJA)
        return .section(.id("since-last-year"), .attribute(named: "aria-labelledby", value: "since-heading"),
            .h2(.id("since-heading"), .text(t("Since last year's edition (\(last.id))", "前年版（\(last.id)）からの変更"))),
            .if(!changedEN && !changedJA, .p(.text(t("The text is the same as last year's.", "本文は前年と同じです。")))),
            .if(changedEN, .group(.h3(.text("English")), shown(english))),
            .if(changedJA, .group(.h3(.text("日本語")), shown(japanese))),
            .p(.class("hint"), .text(t("Struck through: last year's words no longer there; underlined: words new this year.",
                                       "取消線は前年から削除された語、下線は今年追加された語です。"))))
    }

    // MARK: Outline

    /// `sent`: a refused change (`change` names its form), shown again with the problem at the top, linked
    /// to its field, and the form as it was sent.
    static func outline(_ request: Request, staff: StaffIdentity, edition: WholeEdition, published: Bool, done: String?,
                        sent: SentForm? = nil, status: HTTPResponseStatus = .ok) -> Response {
        let language = request.staffLanguage
        let t = StaffPages.Text(language: language)
        let year = edition.year
        let sentChange = sent?.values["change"] == "add" && sent?.values["kind"] != nil ? "exhibit" : sent?.values["change"] ?? ""
        func value(_ form: String, _ name: String) -> String { sentChange == form ? sent?.values[name] ?? "" : "" }
        let action = "\(base(year))/outline?lang=\(language.rawValue)"
        let editable = edition.outline.filter { !OutlineEditing.isComputed($0.number) }
        let options = editable.map { ($0.number.description, "\($0.number) \($0.title(language))") }
        let counts = Dictionary(grouping: edition.placements, by: \.item).mapValues(\.count)
        func form(_ change: String, _ heading: String, _ fields: Node<HTML.FormContext>, _ submit: String) -> Body {
            .section(.id(change), .attribute(named: "aria-labelledby", value: "\(change)-heading"),
                     .h2(.id("\(change)-heading"), .text(heading)),
                     .form(.method(.post), .action(action), StaffPages.csrfField(request), .input(.type(.hidden), .name("change"), .value(change)),
                           fields, .p(.button(.type(.submit), .text(submit)))))
        }
        return StaffPages.render(request, title: t("Outline of the report on \(year)", "\(year)年の報告の目次"), status: status, .group(
            .unwrap(doneText(done, t)) { notice($0) },
            .unwrap(sent) { StaffPages.errors($0.errors, language: language, idPrefix: "\(sentChange)-") },
            .p(.class("lead"), .text(t("Chapters N, items (n), sub-items i) and a), each with its English and Japanese title. References in the text are by number and resolved when the report is rendered; the check lists any that name an item no longer there. Chapters 2 and 8 are written from the records.",
                                       "章 N、項目 (n)、細目 i)・a) と、その英語・日本語の見出しです。本文中の参照は番号によるもので、報告書の作成時に解決されます。存在しない項目への参照は点検で示されます。第2章と第8章は記録から作成されます。"))),
            .p(.a(.href("\(base(year))?lang=\(language.rawValue)"), .text(t("Back to the year's board", "この年の状況へ戻る")))),
            .div(.class("scroll"), .attribute(named: "tabindex", value: "0"), .attribute(named: "role", value: "region"),
                 .attribute(named: "aria-labelledby", value: "outline-caption"),
                 .table(.id("outline"), .caption(.id("outline-caption"), .text(t("Outline", "目次"))),
                        .thead(.tr(.th(.attribute(named: "scope", value: "col"), .text(t("Number", "番号"))),
                                   .th(.attribute(named: "scope", value: "col"), .text(t("English", "英語"))),
                                   .th(.attribute(named: "scope", value: "col"), .text(t("Japanese", "日本語"))),
                                   .th(.attribute(named: "scope", value: "col"), .text(t("Placed texts", "掲載数"))))),
                        .tbody(.forEach(edition.outline) { item in
                            .tr(.td(.text(item.number.description)), .td(.text(item.titleEN)),
                                .td(.attribute(named: "lang", value: "ja"), .text(item.titleJA + (item.titleJAIsOwnTranslation ? " ＊" : ""))),
                                .td(.class("number"), .text(String(counts[item.number] ?? 0))))
                        }))),
            .p(.class("hint"), .text(t("＊ CTIP's own translation of the title.", "＊ CTIPによる仮訳。"))),
            .if(!published, .group(
                form("retitle", t("Change a title", "見出しを変更する"), .group(
                    StaffPages.select(t("Item", "項目"), name: "number", options: options, blank: t("Choose…", "選択してください"), idPrefix: "retitle-"),
                    StaffPages.field(t("English title", "英語の見出し"), name: "title_en", value: value("retitle", "title_en"), required: true, idPrefix: "retitle-"),
                    StaffPages.field(t("Japanese title", "日本語の見出し"), name: "title_ja", required: true, idPrefix: "retitle-")),
                     t("Change the title", "見出しを変更")),
                form("add", t("Add an item", "項目を追加する"), .group(
                    StaffPages.select(t("Under", "追加先"), name: "parent", options: options, blank: t("A new chapter", "新しい章"), idPrefix: "add-"),
                    StaffPages.field(t("English title", "英語の見出し"), name: "title_en", value: value("add", "title_en"), required: true, idPrefix: "add-"),
                    StaffPages.field(t("Japanese title", "日本語の見出し"), name: "title_ja", required: true, idPrefix: "add-")),
                     t("Add the item", "項目を追加")),
                exhibits(request, edition: edition, options: options, language: language),
                form("remove", t("Remove an empty item", "空の項目を削除する"),
                     StaffPages.select(t("Item", "項目"), name: "number", options: options.filter { option in
                         !edition.placements.contains { $0.item.description == option.0 } && !edition.outline.contains { $0.number.parent?.description == option.0 }
                     }, blank: t("Choose…", "選択してください"), idPrefix: "remove-"),
                     t("Remove the item", "項目を削除"))))
        ))
    }

    /// The tables and figures the ministries' text holds (section 2's are drawn from the records): each
    /// numbered where it first appears when the report is rendered, referred to as `{figure:ID}`/`{table:ID}`.
    static func exhibits(_ request: Request, edition: WholeEdition, options: [(String, String)], language: CTIPCore.Language) -> Body {
        let t = StaffPages.Text(language: language)
        let action = "\(base(edition.year))/exhibits?lang=\(language.rawValue)"
        let held = edition.exhibits.filter { !$0.computed }
        return .section(.id("exhibits"), .attribute(named: "aria-labelledby", value: "exhibits-heading"),
            .h2(.id("exhibits-heading"), .text(t("Tables and figures", "図表") + " (\(held.count))")),
            .p(.text(t("Numbered in order of first appearance when the report is rendered; the text refers to one as {figure:ID} or {table:ID}.",
                       "報告書の作成時に登場順に番号が付きます。本文では {figure:ID}、{table:ID} で参照します。"))),
            .details(.summary(.text(t("The tables and figures held", "登録済みの図表"))),
                     .ul(.forEach(held) { exhibit in
                         .li(.code(.text(exhibit.id)), .text(" \(exhibit.item) — \(language == .ja && !exhibit.captionJA.isEmpty ? exhibit.captionJA : exhibit.captionEN)"
                                                            + (exhibit.credit.map { " (\($0))" } ?? "")),
                             .form(.method(.post), .action(action), .class("inline"), StaffPages.csrfField(request),
                                   .input(.type(.hidden), .name("change"), .value("remove")), .input(.type(.hidden), .name("id"), .value(exhibit.id)),
                                   .button(.type(.submit), .text(t("Remove", "削除")))))
                     })),
            .form(.method(.post), .action(action), StaffPages.csrfField(request), .input(.type(.hidden), .name("change"), .value("add")),
                  StaffPages.select(t("Kind", "種類"), name: "kind", options: [("figure", t("Figure", "図")), ("table", t("Table", "表"))],
                                    selected: "figure", idPrefix: "exhibit-"),
                  StaffPages.select(t("Under", "掲載先"), name: "item", options: options, blank: t("Choose…", "選択してください"), idPrefix: "exhibit-"),
                  StaffPages.field(t("Identifier (for {figure:ID})", "識別子（{figure:ID} 用）"), name: "id", required: true, idPrefix: "exhibit-"),
                  StaffPages.field(t("English caption", "英語の題名"), name: "caption_en", required: true, idPrefix: "exhibit-"),
                  StaffPages.field(t("Japanese caption", "日本語の題名"), name: "caption_ja", required: true, idPrefix: "exhibit-"),
                  StaffPages.field(t("Credit (the ministry, as printed)", "出典（府省庁名）"), name: "credit", idPrefix: "exhibit-"),
                  .p(.button(.type(.submit), .text(t("Add the table or figure", "図表を追加"))))))
    }

    // MARK: Check

    static func check(_ request: Request, staff: StaffIdentity, year: Int, findings: [CheckFinding]) -> Response {
        let language = request.staffLanguage
        let t = StaffPages.Text(language: language)
        let kinds = CheckFinding.Kind.allCases.filter { kind in findings.contains { $0.kind == kind } }
        return StaffPages.render(request, title: t("Check of the report on \(year)", "\(year)年の報告の点検"), .group(
            .p(.class("lead"), .text(findings.isEmpty ? t("Nothing found: the report can be approved as it stands.", "指摘事項はありません。")
                                     : t("\(findings.count) findings. The check reports; it changes nothing: the secretariat decides.",
                                         "\(findings.count)件の指摘があります。点検は報告するだけで、何も変更しません。判断は事務局が行います。"))),
            .p(.a(.href("\(base(year))?lang=\(language.rawValue)"), .text(t("Back to the year's board", "この年の状況へ戻る")))),
            .forEach(kinds) { kind in
                let these = findings.filter { $0.kind == kind }
                return .section(.id(kind.rawValue), .attribute(named: "aria-labelledby", value: "\(kind.rawValue)-heading"),
                    .h2(.id("\(kind.rawValue)-heading"), .text("\(label(kind, language)) (\(these.count))")),
                    .ul(.forEach(these) { finding in
                        .li(.code(.text(finding.line.map { "\(finding.file):\($0)" } ?? finding.file)),
                            .text(finding.item.isEmpty ? " " : " \(finding.item): "), .text(finding.message))
                    }))
            }
        ))
    }

    static func label(_ kind: CheckFinding.Kind, _ language: CTIPCore.Language) -> String {
        let t = StaffPages.Text(language: language)
        switch kind {
        case .unresolvedReference: return t("References that name nothing", "参照先のない参照")
        case .contradictsRecords: return t("Numbers that contradict the records", "記録と矛盾する数値")
        case .figureWithoutUnitPeriodOrSource: return t("Figures without unit, period or source", "単位・期間・出典のない数値")
        case .figureNotConfirmed: return t("Figures still last year's", "前年のままの数値")
        case .figureNotConfirmed: return t("Figures still last year's, not yet confirmed", "未確認の数値（前年のまま）")
        case .missingLanguage: return t("Text missing in one language", "一方の言語にない本文")
        case .repeatDiffersFromSource: return t("Repeats that differ from their source", "再掲元と異なる再掲")
        case .repeatOfNothing: return t("Repeats of nothing", "再掲元のない再掲")
        case .notAccepted: return t("Contributions not accepted", "未受理の投稿")
        case .exhibitNeverReferenced: return t("Tables and figures never referenced", "参照されない図表")
        }
    }
}
