import CTIPCore
import CTIPStorage
import Plot
import Vapor

/// The cleared cases an agency keeps, and one case with its suspects, prosecutions and trials.
enum CriminalCasePages {
    static func list(_ request: Request, cases: [CriminalCaseView], mayOpen: Bool) -> Response {
        let t = StaffPages.Text(language: request.staffLanguage)
        let language = request.staffLanguage
        let codeLists = CodeLists.shipped
        let headings = [t("Case", "事件"), t("Cleared on", "検挙日"), t("Prefecture", "都道府県"), t("Suspects", "被疑者数")]
        let rows: [Node<HTML.TableContext>] = cases.map { item in
            let link: Node<HTML.BodyContext> = .a(.href("/staff/cases/\(item.id)"), .text(item.id))
            let prefecture = item.prefecture.flatMap { codeLists.prefectures[$0]?.label(language) } ?? "—"
            return .tr(.th(.attribute(named: "scope", value: "row"), link), .td(.text(item.clearedOn)), .td(.text(prefecture)),
                       .td(.text(String(item.suspects.count))))
        }
        let table: Node<HTML.BodyContext> = .table(.thead(.tr(.forEach(headings) { .th(.attribute(named: "scope", value: "col"), .text($0)) })),
                                                   .tbody(.group(rows)))
        let prefectures = codeLists.prefectureOrder.map { ($0, codeLists.prefectures[$0]!.label(language)) }
        let form: Node<HTML.BodyContext> = .form(.method(.post), .action("/staff/cases?lang=\(language.rawValue)"),
            StaffPages.csrfField(request),
            StaffPages.field(t("Cleared on", "検挙日"), name: "cleared_on", type: .date, required: true),
            StaffPages.select(t("Prefecture", "都道府県"), name: "prefecture", options: prefectures, selected: request.staff?.agency.prefecture ?? ""),
            StaffPages.field(t("Summary (no names)", "概要（氏名は書かない）"), name: "summary"),
            .p(.button(.type(.submit), .text(t("Open the case", "事件を登録する")))))
        return StaffPages.render(request, title: t("Cleared cases", "検挙事件"), .group(
            .if(cases.isEmpty, .p(.text(t("No cases entered yet.", "登録された事件はありません。"))), else: table),
            .if(mayOpen, .section(.h2(.text(t("Open a cleared case", "検挙事件の登録"))), form))
        ))
    }

    static func detail(_ request: Request, view: CriminalCaseView, mayAddSuspects: Bool, frequentNationalities: [String] = []) -> Response {
        let t = StaffPages.Text(language: request.staffLanguage)
        let language = request.staffLanguage
        let codeLists = CodeLists.shipped
        let facts: [(String, String)] = [
            (t("Cleared on", "検挙日"), view.clearedOn),
            (t("Prefecture", "都道府県"), view.prefecture.flatMap { codeLists.prefectures[$0]?.label(language) } ?? "—"),
            (t("Summary", "概要"), view.summary ?? "—"),
        ]
        var parts: [Node<HTML.BodyContext>] = [.dl(.forEach(facts) { term, value in .group(.dt(.text(term)), .dd(.text(value))) })]
        for suspect in view.suspects { parts.append(suspectSection(request, suspect)) }
        if mayAddSuspects { parts.append(addSuspectForm(request, caseID: view.id, frequentNationalities: frequentNationalities)) }
        return StaffPages.render(request, title: t("Case \(view.id)", "事件 \(view.id)"), .group(parts))
    }

    static func suspectSection(_ request: Request, _ suspect: CriminalCaseView.Suspect) -> Node<HTML.BodyContext> {
        let t = StaffPages.Text(language: request.staffLanguage)
        let language = request.staffLanguage
        let codeLists = CodeLists.shipped
        let record = suspect.record
        let charges = suspect.charges.map { (language == .ja ? codeLists.offenses[$0]?.ja : codeLists.offenses[$0]?.en) ?? $0 }.joined(separator: "; ")
        let trial = suspect.trial.map { trial in
            [trial.verdict, trial.decidedOn, trial.imprisonmentMonths.map { "\($0) months" }, trial.suspensionMonths.map { "suspended \($0) months" },
             trial.fineYen.map { "\($0) yen" }].compactMap { $0 }.joined(separator: ", ")
        } ?? "—"
        let facts: [(String, String)] = [
            (t("Arrested on", "逮捕日"), record.arrestedOn),
            (t("Sex", "性別"), VictimFilePages.label("sex", record.sex, language)),
            (t("Nationality", "国籍"), codeLists.countries[record.nationality]?.label(language) ?? record.nationality),
            (t("Broker / organised crime", "ブローカー・暴力団"), "\(record.broker ? t("broker", "ブローカー") : "—") / \(record.organizedCrime ? t("member", "構成員") : "—")"),
            (t("Charges", "罪名"), charges),
            (t("Prosecutors' decision", "処分"), [record.disposition, record.dispositionOn, record.notProsecutedReason].compactMap { $0 }.joined(separator: ", ")),
            (t("Trial", "裁判"), trial),
        ]
        let base = "/staff/suspects/\(record.id)"
        let dispositions = Disposition.allCases.map { ($0.rawValue, codeLists.label($0).label(language)) }
        let verdicts = Verdict.allCases.map { ($0.rawValue, codeLists.label($0).label(language)) }
        let disposition: Node<HTML.BodyContext> = .form(.method(.post), .action("\(base)/disposition?lang=\(language.rawValue)"),
            StaffPages.csrfField(request),
            StaffPages.requiredChoice(t("Decision", "処分"), name: "disposition", groups: [(nil, dispositions)], selected: record.disposition ?? "",
                                      language: language),
            StaffPages.field(t("Date", "日付"), name: "disposition_on", value: record.dispositionOn ?? "", type: .date, required: true),
            StaffPages.select(t("Reason not prosecuted", "不起訴の理由"), name: "not_prosecuted_reason",
                              options: NotProsecutedReason.allCases.map { ($0.rawValue, codeLists.label($0).label(language)) }, blank: "—"),
            .p(.button(.type(.submit), .text(t("Record the decision", "処分を記録する")))))
        let trialForm: Node<HTML.BodyContext> = .form(.method(.post), .action("\(base)/trial?lang=\(language.rawValue)"),
            StaffPages.csrfField(request),
            StaffPages.requiredChoice(t("Verdict", "判決"), name: "verdict", groups: [(nil, verdicts)], selected: suspect.trial?.verdict ?? "",
                                      language: language),
            StaffPages.field(t("Decided on", "判決日"), name: "decided_on", type: .date),
            StaffPages.field(t("Imprisonment (months)", "懲役（月）"), name: "imprisonment_months", type: .number),
            StaffPages.field(t("Suspended for (months)", "執行猶予（月）"), name: "suspension_months", type: .number),
            StaffPages.field(t("Fine (yen)", "罰金（円）"), name: "fine_yen", type: .number),
            .p(.button(.type(.submit), .text(t("Record the trial", "裁判結果を記録する")))))
        return .section(.h2(.text(t("Suspect \(record.id)", "被疑者 \(record.id)"))),
                        .dl(.forEach(facts) { term, value in .group(.dt(.text(term)), .dd(.text(value))) }),
                        disposition, .if(record.disposition != nil && record.disposition != "not_prosecuted", trialForm))
    }

    /// Sex and nationality are facts the officer states: they start on "choose", never on an option, and
    /// the nationalities of recent victims come first (as on the new-file form).
    static func addSuspectForm(_ request: Request, caseID: String, frequentNationalities: [String] = []) -> Node<HTML.BodyContext> {
        let t = StaffPages.Text(language: request.staffLanguage)
        let language = request.staffLanguage
        let codeLists = CodeLists.shipped
        return .section(.h2(.text(t("Add a suspect", "被疑者の追加"))), .form(.method(.post), .action("/staff/cases/\(caseID)/suspects?lang=\(language.rawValue)"),
            StaffPages.csrfField(request),
            StaffPages.field(t("Arrested on", "逮捕日"), name: "arrested_on", type: .date, required: true),
            StaffPages.requiredChoice(t("Sex", "性別"), name: "sex",
                                      groups: [(nil, Sex.allCases.map { ($0.rawValue, codeLists.label($0).label(language)) })],
                                      selected: "", language: language),
            StaffPages.requiredChoice(t("Nationality", "国籍"), name: "nationality",
                                      groups: VictimFilePages.nationalityGroups(frequentNationalities, language), selected: "", language: language),
            .label(.input(.type(.checkbox), .name("broker")), .text(" " + t("Broker", "ブローカー"))),
            .label(.input(.type(.checkbox), .name("organized_crime")), .text(" " + t("Member of an organised crime group", "暴力団構成員等"))),
            StaffPages.field(t("Charges: offense codes, in order, separated by spaces", "罪名：罪名コードを順に空白区切りで"), name: "charges", required: true),
            .p(.button(.type(.submit), .text(t("Add the suspect", "被疑者を追加する"))))))
    }
}
