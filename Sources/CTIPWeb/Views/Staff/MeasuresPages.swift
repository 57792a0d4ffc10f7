import CTIPCore
import CTIPStorage
import Plot
import Vapor

/// The registers of the measures for staff: the dashboard (a ministry's registers over the years, each
/// number as SVG bars followed by a table of the same numbers) and a register's page (its rows, and for
/// a contributor the form to add or replace one, checked by the very rules of the register's file).
/// Nothing on these pages is about a person.
enum MeasuresPages {
    typealias Body = Node<HTML.BodyContext>

    /// A form sent back with its problems: shown again as it was sent, each problem beside its field.
    struct SentForm: Sendable {
        let values: [String: String]
        let errors: [FieldError]
    }

    /// The columns written `true` or `false`: a choice, not a box of text.
    static let flags: Set<String> = ["approximate", "recurring", "online", "cumulative", "preliminary"]

    static func agencyName(_ code: String, _ agencies: [Agency], _ language: CTIPCore.Language) -> String {
        agencies.first { $0.code == code }?.name(language) ?? code
    }

    static func registerPath(_ file: MeasureFile, _ language: CTIPCore.Language) -> String {
        "/staff/measures/\(file.rawValue)?lang=\(language.rawValue)"
    }

    // MARK: Dashboard

    /// `ministry` nil: every ministry's rows together (analysts and supervisors); `ministries` are
    /// those that have rows, for the choice.
    static func dashboard(_ request: Request, staff: StaffIdentity, rows: [MeasureRow], ministries: [String], ministry: String?,
                          agencies: [Agency], today: Day, registered: MeasureFile?) -> Response {
        let language = request.staffLanguage
        let t = StaffPages.Text(language: language)
        let readsAll = MeasuresController.scope(staff) == nil
        let present = MeasureFile.allCases.filter { file in rows.contains { $0.file == file } }
        let whose = ministry.map { "\(agencyName($0, agencies, language)) (\($0))" } ?? t("every ministry", "すべての府省庁")
        let choice: Body = .form(.method(.get), .action("/staff/measures"),
            .input(.type(.hidden), .name("lang"), .value(language.rawValue)),
            StaffPages.select(t("Ministry", "府省庁"), name: "ministry",
                              options: ministries.map { ($0, "\(agencyName($0, agencies, language)) (\($0))") },
                              selected: ministry ?? "", blank: t("Every ministry", "すべての府省庁")),
            .p(.button(.type(.submit), .text(t("Show", "表示")))))
        return StaffPages.render(request, title: t("Registers of the measures", "施策の記録"), .group(
            .unwrap(registered) { file in
                .p(.class("notice"), .attribute(named: "role", value: "status"),
                   .text(t("The row was recorded in the register “\(file.title(.en))”.", "「\(file.title(.ja))」に記録しました。")))
            },
            .p(.class("lead"), .text(t("What each ministry did outside the case records, year by year: the materials it printed and where they went, its campaigns and trainings, what it paid whom, the agreements in force, its meetings abroad, mutual legal assistance, the figures of related offences and the consultations received. Every chart is followed by a table of its numbers.",
                                       "各府省庁が事案の記録の外で行った取組を年ごとに示します。作成した啓発資料と配布先、キャンペーン、研修、拠出、発効している条約等、国際会議、国際捜査共助、関連犯罪の数値、相談件数。各グラフの下に同じ数値の表があります。"))),
            .p(.text(t("Showing: ", "表示中：")), .strong(.text(whose))),
            .if(readsAll && !ministries.isEmpty, choice),
            .section(.id("registers"), .attribute(named: "aria-labelledby", value: "registers-heading"),
                .h2(.id("registers-heading"), .text(t("Registers", "登録簿"))),
                .ul(.forEach(MeasureFile.allCases) { file in
                    let count = rows.filter { $0.file == file }.count
                    return .li(.a(.href(registerPath(file, language)), .text(file.title(language))),
                               .text(" — " + t(count == 1 ? "1 row" : "\(count) rows", "\(count)行")))
                })),
            .if(present.isEmpty, .p(.text(t("Nothing has been recorded yet.", "まだ記録はありません。")))),
            .forEach(present) { file in
                let charts = MeasureDashboard.charts(for: file, rows, through: today.year)
                let headingID = "\(file.rawValue)-heading"
                return .section(.id(file.rawValue), .attribute(named: "aria-labelledby", value: headingID),
                    .h2(.id(headingID), .text(file.title(language))),
                    .p(.a(.href(registerPath(file, language)), .text(t("The rows of this register", "この登録簿の登録内容")))),
                    .if(charts.isEmpty, .p(.text(t("Its rows hold no number that can be shown by year.", "この登録簿には、年ごとに示せる数値がありません。")))),
                    .forEach(charts) { MeasuresCharts.figure($0, language: language) })
            }
        ))
    }

    // MARK: One register

    static func register(_ request: Request, file: MeasureFile, rows: [MeasureRow], staff: StaffIdentity, agencies: [Agency],
                         sent: SentForm? = nil, status: HTTPResponseStatus = .ok) -> Response {
        let language = request.staffLanguage
        let t = StaffPages.Text(language: language)
        let own = MeasuresController.scope(staff) != nil
        return StaffPages.render(request, title: file.title(language), status: status, .group(
            .unwrap(sent) { StaffPages.errors($0.errors, language: language) },
            .p(.class("lead"), .text(own
                ? t("Your ministry's rows of \(file.fileName). The columns and their rules are those of the register's file (docs/measures.md).",
                    "自府省庁の \(file.fileName) の行です。列とその規則は登録簿のファイルと同じです（docs/measures.md）。")
                : t("Every ministry's rows of \(file.fileName). Only each ministry's contributors add or change its rows.",
                    "すべての府省庁の \(file.fileName) の行です。行の追加・変更は各府省庁の報告担当だけが行います。"))),
            .section(.id("rows"), .attribute(named: "aria-labelledby", value: "rows-heading"),
                .h2(.id("rows-heading"), .text(t("Rows", "登録内容") + " (\(rows.count))")),
                .if(rows.isEmpty, .p(.text(t("None recorded.", "記録はありません。"))), else: rowsTable(file, rows))),
            .if(AccessPolicy.allows(staff, .recordMeasures), recordForm(request, file: file, staff: staff, sent: sent))
        ))
    }

    /// The columns of free text, wrapped rather than kept on one line.
    static let longColumns: Set<String> = ["source", "recipients", "title_en", "title_ja", "name_en", "name_ja", "course_en", "course_ja",
                                           "project_en", "project_ja", "place", "partner", "implementer", "region"]

    /// Every column of the register, in its file's order.
    static func rowsTable(_ file: MeasureFile, _ rows: [MeasureRow]) -> Body {
        .div(.class("scroll"), .attribute(named: "tabindex", value: "0"), .attribute(named: "role", value: "region"),
             .attribute(named: "aria-labelledby", value: "rows-caption"),
             .table(.id("rows-table"), .class("register"),
                    .caption(.id("rows-caption"), .text(file.fileName)),
                    .thead(.tr(.forEach(file.columnNames) { .th(.attribute(named: "scope", value: "col"), .code(.text($0))) })),
                    .tbody(.forEach(rows) { row in
                        .tr(.forEach(file.columns) { column in
                            .td(.attribute(named: "class", value: column.integer ? "number" : longColumns.contains(column.name) ? "long" : ""),
                                .text(row[column.name] ?? ""))
                        })
                    })))
    }

    /// One field per column but `ministry`, which is the contributor's own agency. Each problem is
    /// written beside its field, in the page's language, and the field keeps what was typed.
    static func recordForm(_ request: Request, file: MeasureFile, staff: StaffIdentity, sent: SentForm?) -> Body {
        let language = request.staffLanguage
        let t = StaffPages.Text(language: language)
        let values = sent?.values ?? [:]
        let errors = sent?.errors ?? []
        return .section(.id("record-row"), .attribute(named: "aria-labelledby", value: "record-row-heading"),
            .h2(.id("record-row-heading"), .text(t("Add or replace a row", "行を追加・更新する"))),
            .p(.text(t("A row with the key of a row already recorded replaces it. Lists are separated by “;”; dates are YYYY, YYYY-MM or YYYY-MM-DD; a fiscal year is written 2024 (April 2024 to March 2025).",
                       "記録済みの行と同じキーの行は、その行を置き換えます。複数の値は「;」で区切ります。日付は YYYY、YYYY-MM、YYYY-MM-DD のいずれか、年度は 2024（2024年4月〜2025年3月）のように書きます。"))),
            .form(.method(.post), .action("/staff/measures/\(file.rawValue)?lang=\(language.rawValue)"), StaffPages.csrfField(request),
                .p(.text(t("Ministry: ", "府省庁：")), .strong(.text("\(staff.agency.name(language)) (\(staff.agency.code))"))),
                .forEach(file.columns.filter { $0.name != "ministry" }) { column in
                    field(column, value: values[column.name] ?? "", errors: errors.filter { $0.field == column.name }, language: language)
                },
                .p(.button(.type(.submit), .text(t("Record the row", "記録する"))))))
    }


    static func field(_ column: MeasureFile.Column, value: String, errors: [FieldError], language: CTIPCore.Language) -> Node<HTML.FormContext> {
        let name = column.name
        let errorID = "\(name)-error"
        let invalid = !errors.isEmpty
        let control: Node<HTML.FormContext>
        if flags.contains(name) {
            let t = StaffPages.Text(language: language)
            var nodes: [Node<HTML.SelectContext>] = [.attribute(named: "id", value: name), .attribute(named: "name", value: name)]
            if invalid { nodes += [.attribute(named: "aria-invalid", value: "true"), .attribute(named: "aria-describedby", value: errorID)] }
            let choices: [(String, String)] = [("", "—"), ("true", t("yes", "はい")), ("false", t("no", "いいえ"))]
            nodes += choices.map { StaffPages.option(value: $0.0, text: $0.1, selected: $0.0 == value) }
            control = .element(named: "select", nodes: nodes)
        } else {
            let inputType: HTMLInputType = column.integer ? .number : .text
            control = .input(.type(inputType), .id(name), .name(name), .value(Markup.escaped(value)), .required(column.required),
                             .attribute(named: "aria-invalid", value: invalid ? "true" : nil),
                             .attribute(named: "aria-describedby", value: invalid ? errorID : nil))
        }
        return .div(.class("field"),
                    .label(.for(name), .code(.text(name)), .if(column.required, .text(language == .ja ? "（必須）" : " (required)"))),
                    .if(invalid, .p(.class("field-error"), .id(errorID), .text(errors.map { $0.message(language) }.joined(separator: " ")))),
                    control)
    }
}
