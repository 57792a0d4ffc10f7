import CTIPCore
import CTIPStorage
import Plot
import Vapor

/// The case list, the new-file form, a victim's file and the referral inbox.
enum VictimFilePages {
    static func list(_ request: Request, files: [VictimFileSummary]) -> Response {
        let t = StaffPages.Text(language: request.staffLanguage)
        let codeLists = CodeLists.shipped
        let language = request.staffLanguage
        return StaffPages.render(request, title: t("Victim files", "被害者ファイル"), .group(
            .p(.a(.href("/staff/victims/new"), .text(t("Open a new file", "新しいファイルを作成")))),
            .form(.method(.get), .action("/staff/victims"), .attribute(named: "role", value: "search"),
                  StaffPages.field(t("File number begins with", "ファイル番号（前方一致）"), name: "q", value: request.query[String.self, at: "q"] ?? "", type: .search),
                  StaffPages.field(t("Year", "年"), name: "year", value: request.query[String.self, at: "year"] ?? "", type: .number),
                  StaffPages.select(t("Nationality", "国籍"), name: "nationality",
                                    options: codeLists.countryOrder.map { ($0, codeLists.countries[$0]!.label(language)) },
                                    selected: request.query[String.self, at: "nationality"] ?? "", blank: t("any", "すべて")),
                  StaffPages.select(t("Form of exploitation", "搾取の形態"), name: "exploitation",
                                    options: Exploitation.allCases.map { ($0.rawValue, codeLists.label($0).label(language)) },
                                    selected: request.query[String.self, at: "exploitation"] ?? "", blank: t("any", "すべて")),
                  .label(.input(.type(.checkbox), .name("minors"), .checked(request.query[String.self, at: "minors"] == "on")),
                         .text(" " + t("Minors only", "18歳未満のみ"))),
                  .p(.button(.type(.submit), .text(t("Search", "検索"))))),
            .if(files.isEmpty, .p(.text(t("No files match.", "該当するファイルはありません。"))), else: .table(
                .caption(.text(t("\(files.count) files", "\(files.count)件"))),
                .thead(.tr(.forEach([t("File", "ファイル"), t("Protected on", "保護日"), t("Sex", "性別"), t("Age", "年齢"),
                                     t("Nationality", "国籍"), t("Exploitation", "搾取の形態"), t("Protecting agency", "保護機関")]) {
                    .th(.attribute(named: "scope", value: "col"), .text($0))
                })),
                .tbody(.forEach(files) { file in row(file, language: language) })))
        ))
    }

    static func row(_ file: VictimFileSummary, language: CTIPCore.Language) -> Node<HTML.TableContext> {
        let codeLists = CodeLists.shipped
        let link: Node<HTML.BodyContext> = .a(.href("/staff/victims/\(file.id)"), .text(file.id))
        let nationality = codeLists.countries[file.nationality]?.label(language) ?? file.nationality
        let cells: [String] = [written(file.protectedOn, language), label("sex", file.sex, language), file.age.map(String.init) ?? "—", nationality,
                               label("exploitation", file.exploitation, language), file.protectingAgency ?? "—"]
        return .tr(.th(.attribute(named: "scope", value: "row"), link), .forEach(cells) { .td(.text($0)) })
    }

    /// An ISO date as the page's language writes it (Japanese with the era year); the text as it is otherwise.
    static func written(_ iso: String, _ language: CTIPCore.Language) -> String {
        Day(iso: iso)?.written(in: language) ?? iso
    }

    static func label(_ list: String, _ code: String, _ language: CTIPCore.Language) -> String {
        CodeLists.shipped.enumerations[list]?[code]?.label(language) ?? code
    }

    static func new(_ request: Request, values: [String: String], errors: [FieldError], agencies: [Agency], frequentNationalities: [String] = [],
                    status: HTTPResponseStatus = .ok) -> Response {
        let t = StaffPages.Text(language: request.staffLanguage)
        let language = request.staffLanguage
        let codeLists = CodeLists.shipped
        func value(_ name: String) -> String { values[name] ?? "" }
        return StaffPages.render(request, title: t("Open a new victim file", "被害者ファイルの作成"), status: status, .group(
            StaffPages.errors(errors, language: request.staffLanguage),
            .form(.method(.post), .action("/staff/victims?lang=\(language.rawValue)"),
                  StaffPages.csrfField(request),
                  .fieldset(StaffPages.legend(t("Counted in the statistics", "統計に計上される項目")),
                            StaffPages.field(t("Protected on", "保護日"), name: "protected_on", value: value("protected_on"), type: .date, required: true),
                            StaffPages.requiredChoice(t("Sex", "性別"), name: "sex",
                                                      groups: [(nil, Sex.allCases.map { ($0.rawValue, codeLists.label($0).label(language)) })],
                                                      selected: value("sex"), language: language),
                            StaffPages.field(t("Age", "年齢"), name: "age", value: value("age"), type: .number),
                            StaffPages.requiredChoice(t("Nationality", "国籍"), name: "nationality", groups: nationalityGroups(frequentNationalities, language),
                                                      selected: value("nationality"), language: language),
                            StaffPages.select(t("Status of residence (foreign nationals)", "在留資格（外国人）"), name: "residence_status",
                                              options: codeLists.residenceStatusOrder.map { ($0, codeLists.residenceStatuses[$0]!.label(language)) },
                                              selected: value("residence_status"), blank: t("none (Japanese national)", "なし（日本人）")),
                            StaffPages.requiredChoice(t("Form of exploitation", "搾取の形態"), name: "exploitation",
                                                      groups: [(nil, Exploitation.allCases.map { ($0.rawValue, codeLists.label($0).label(language)) })],
                                                      selected: value("exploitation"), language: language)),
                  .fieldset(StaffPages.legend(t("Personal details (encrypted)", "個人情報（暗号化して保存）")),
                            StaffPages.field(t("Name", "氏名"), name: "name", value: value("name")),
                            StaffPages.field(t("Date of birth", "生年月日"), name: "date_of_birth", value: value("date_of_birth"), type: .date),
                            StaffPages.field(t("Passport or residence card number", "旅券・在留カード番号"), name: "document", value: value("document")),
                            StaffPages.field(t("Phone", "電話番号"), name: "phone", value: value("phone"), type: .tel),
                            StaffPages.field(t("Email", "メールアドレス"), name: "email", value: value("email"), type: .email),
                            StaffPages.field(t("Language spoken", "使用言語"), name: "language", value: value("language"))),
                  .fieldset(StaffPages.legend(t("Where the person is now (seen only by the protecting agency)", "現在の所在（保護機関のみ閲覧可）")),
                            StaffPages.agencySelect(t("Protecting agency", "保護機関"), name: "protecting_agency", agencies: agencies, language: language,
                                                    selected: value("protecting_agency"), blank: t("none yet", "未定")),
                            StaffPages.select(t("Kind of place", "所在の種別"), name: "whereabouts_kind",
                                              options: Whereabouts.Kind.allCases.map { ($0.rawValue, $0.rawValue) }, selected: value("whereabouts_kind"),
                                              blank: t("not known yet", "未定")),
                            StaffPages.field(t("Whereabouts", "所在"), name: "whereabouts")),
                  .p(.button(.type(.submit), .text(t("Open the file", "作成する")))))
        ))
    }

    /// The nationalities of recent victims first (most frequent first), then every country A–Z.
    static func nationalityGroups(_ frequent: [String], _ language: CTIPCore.Language) -> [(label: String?, options: [(String, String)])] {
        let codeLists = CodeLists.shipped
        let all = codeLists.countryOrder.map { ($0, codeLists.countries[$0]!.label(language)) }
            .sorted { $0.1.localizedStandardCompare($1.1) == .orderedAscending }
        let recent = frequent.compactMap { code in codeLists.countries[code].map { (code, $0.label(language)) } }
        guard !recent.isEmpty else { return [(nil, all)] }
        return [(language == .ja ? "最近の被害者に多い国籍" : "Most frequent among recent victims", recent),
                (language == .ja ? "すべての国・地域" : "All countries and regions", all)]
    }

    static func file(_ request: Request, file: VictimFileView, agencies: [Agency]) -> Response {
        let t = StaffPages.Text(language: request.staffLanguage)
        let language = request.staffLanguage
        let base = "/staff/victims/\(file.summary.id)"
        let agencyName = Dictionary(uniqueKeysWithValues: agencies.map { ($0.code, $0.name(language)) })
        var parts: [Node<HTML.BodyContext>] = []
        if file.sections.contains(.basic) { parts.append(basics(file.summary, language: language, agencyName: agencyName)) }
        if let identity = file.identity {
            let line = [identity.name, identity.dateOfBirth, identity.document].compactMap { $0 }.joined(separator: " · ")
            parts.append(.section(.h2(.text(t("Identity", "本人情報"))), .p(.text(line))))
        }
        if let contact = file.contact {
            let line = [contact.phone, contact.email, contact.language].compactMap { $0 }.joined(separator: " · ")
            parts.append(.section(.h2(.text(t("Contact", "連絡先"))), .p(.text(line))))
        }
        if let screenings = file.screenings {
            parts.append(ScreeningPages.fileSection(request, fileID: file.summary.id, screenings: screenings, agencyName: agencyName))
        }
        if file.sections.contains(.whereabouts) { parts.append(whereaboutsSection(request, file: file, base: base, agencies: agencies)) }
        if let timeline = file.timeline {
            parts.append(timelineSection(request, timeline: timeline, agencyName: agencyName))
            if file.mayChange { parts.append(stepForm(request, base: base, agencies: agencies)) }
        }
        if let referrals = file.referrals { parts.append(referralSection(request, base: base, referrals: referrals, agencies: agencies, agencyName: agencyName)) }
        return StaffPages.render(request, title: t("Victim file \(file.summary.id)", "被害者ファイル \(file.summary.id)"), .group(parts))
    }

    static func basics(_ s: VictimFileSummary, language: CTIPCore.Language, agencyName: [String: String]) -> Node<HTML.BodyContext> {
        let t = StaffPages.Text(language: language)
        let codeLists = CodeLists.shipped
        let rows: [(String, String)] = [
            (t("Protected on", "保護日"), written(s.protectedOn, language)),
            (t("Sex", "性別"), label("sex", s.sex, language)),
            (t("Age", "年齢"), s.age.map(String.init) ?? "—"),
            (t("Nationality", "国籍"), codeLists.countries[s.nationality]?.label(language) ?? s.nationality),
            (t("Status of residence", "在留資格"), s.residenceStatus.flatMap { codeLists.residenceStatuses[$0]?.label(language) } ?? "—"),
            (t("Form of exploitation", "搾取の形態"), label("exploitation", s.exploitation, language)),
            (t("File held by", "ファイル管理機関"), agencyName[s.owningAgency] ?? s.owningAgency),
            (t("Protecting agency", "保護機関"), s.protectingAgency.map { agencyName[$0] ?? $0 } ?? "—"),
        ]
        return .dl(.forEach(rows) { term, value in .group(.dt(.text(term)), .dd(.text(value))) })
    }

    static func whereaboutsSection(_ request: Request, file: VictimFileView, base: String, agencies: [Agency]) -> Node<HTML.BodyContext> {
        let t = StaffPages.Text(language: request.staffLanguage)
        let language = request.staffLanguage
        let current = file.whereabouts.map { "\($0.kind.rawValue): \($0.description)" } ?? t("not recorded", "未記録")
        let kinds = Whereabouts.Kind.allCases.map { ($0.rawValue, $0.rawValue) }
        let form: Node<HTML.BodyContext> = .form(.method(.post), .action("\(base)/whereabouts?lang=\(language.rawValue)"),
            StaffPages.csrfField(request),
            StaffPages.agencySelect(t("Protecting agency", "保護機関"), name: "protecting_agency", agencies: agencies, language: language,
                                    selected: file.summary.protectingAgency ?? ""),
            // The kind of place is a fact: never preselected; required (by the server) with new whereabouts,
            // not here, since the agency may change without them.
            StaffPages.select(t("Kind of place", "所在の種別"), name: "whereabouts_kind", options: kinds,
                              blank: t("Choose… (needed with new whereabouts)", "選択してください（新しい所在を入力する場合）")),
            StaffPages.field(t("New whereabouts", "新しい所在"), name: "whereabouts"),
            .p(.button(.type(.submit), .text(t("Record the move", "移動を記録する")))))
        return .section(.class("secret"), .h2(.text(t("Whereabouts — do not pass on", "所在 — 他に伝えないこと"))),
                        .p(.text(current)), .if(file.mayChange, form))
    }

    static func timelineSection(_ request: Request, timeline: [TimelineEntry], agencyName: [String: String]) -> Node<HTML.BodyContext> {
        let t = StaffPages.Text(language: request.staffLanguage)
        let headings = [t("Date", "日付"), t("Step", "段階"), t("Agency", "機関")]
        let table: Node<HTML.BodyContext> = .table(
            .thead(.tr(.forEach(headings) { .th(.attribute(named: "scope", value: "col"), .text($0)) })),
            .tbody(.forEach(timeline) { entry in
                let cells = [entry.on.written(in: request.staffLanguage), entry.step.rawValue, agencyName[entry.agency] ?? entry.agency]
                return .tr(.forEach(cells) { .td(.text($0)) })
            }))
        return .section(.id("timeline"), .h2(.text(t("Protection timeline", "保護の経過"))),
                        .if(timeline.isEmpty, .p(.text(t("No steps yet.", "記録はまだありません。"))), else: table))
    }

    static func stepForm(_ request: Request, base: String, agencies: [Agency]) -> Node<HTML.BodyContext> {
        let t = StaffPages.Text(language: request.staffLanguage)
        let language = request.staffLanguage
        let steps = ProtectionStep.allCases.map { ($0.rawValue, $0.rawValue) }
        return .form(.method(.post), .action("\(base)/steps?lang=\(language.rawValue)"),
                     StaffPages.csrfField(request),
                     StaffPages.requiredChoice(t("Step", "段階"), name: "step", groups: [(nil, steps)], selected: "", language: language),
                     StaffPages.field(t("Date", "日付"), name: "on", type: .date, required: true),
                     StaffPages.agencySelect(t("Responsible agency", "担当機関"), name: "agency", agencies: agencies, language: language,
                                             selected: request.staff?.agency.code ?? ""),
                     .p(.button(.type(.submit), .text(t("Add the step", "段階を追加する")))))
    }

    static func referralSection(_ request: Request, base: String, referrals: [Referral], agencies: [Agency], agencyName: [String: String]) -> Node<HTML.BodyContext> {
        let t = StaffPages.Text(language: request.staffLanguage)
        let language = request.staffLanguage
        let list: Node<HTML.BodyContext> = .if(!referrals.isEmpty, .ul(.forEach(referrals) { referral in
            .li(.text("\(agencyName[referral.toAgency] ?? referral.toAgency): \(referral.status.rawValue) (\(referral.basis.rawValue); "
                      + referral.sections.sorted().map(\.rawValue).joined(separator: ", ") + ")"))
        }))
        let refer: Node<HTML.BodyContext> = .form(.method(.post), .action("\(base)/referrals?lang=\(language.rawValue)"),
               StaffPages.csrfField(request),
               StaffPages.agencySelect(t("Refer to", "照会先"), name: "to_agency", agencies: agencies, language: language,
                                       blank: t("Choose…", "選択してください")),
               .fieldset(StaffPages.legend(t("Share", "共有する項目")),
                         .forEach(VictimFileSection.shareable) { section in
                            .label(.input(.type(.checkbox), .name("share_\(section.rawValue)")), .text(" " + section.rawValue))
                         }),
               StaffPages.requiredChoice(t("Basis", "根拠"), name: "basis",
                                         groups: [(nil, [("consent", t("The victim consented (recorded)", "本人の同意（記録済み）")),
                                                         ("override", t("Supervisor's override where the law requires it", "法令に基づく監督者の判断"))])],
                                         selected: "", language: language),
               StaffPages.field(t("Reason for an override", "同意なしとする理由"), name: "override_reason"),
               .p(.button(.type(.submit), .text(t("Refer", "照会する")))))
        let withdraw: Node<HTML.BodyContext> = .form(.method(.post), .action("\(base)/consent-withdrawal?lang=\(language.rawValue)"),
               StaffPages.csrfField(request),
               .p(.button(.type(.submit), .text(t("The victim withdrew consent: stop all sharing", "本人が同意を撤回した：共有をすべて停止")))))
        return .section(.h2(.text(t("Referrals", "他機関への照会"))), list, refer, withdraw)
    }

    static func inbox(_ request: Request, referrals: [Referral]) -> Response {
        let t = StaffPages.Text(language: request.staffLanguage)
        let language = request.staffLanguage
        return StaffPages.render(request, title: t("Referrals to my agency", "自機関への照会"), .group(
            .if(referrals.isEmpty, .p(.text(t("No referrals.", "照会はありません。"))), else: .table(
                .thead(.tr(.forEach([t("File", "ファイル"), t("From", "照会元"), t("Shares", "共有項目"), t("Status", "状態"), t("Answer", "回答")]) {
                    .th(.attribute(named: "scope", value: "col"), .text($0))
                })),
                .tbody(.forEach(referrals) { referral in
                    .tr(.td(.if(referral.status.shares, .a(.href("/staff/victims/\(referral.victimID)"), .text(referral.victimID)), else: .text(referral.victimID))),
                        .td(.text(referral.fromAgency)),
                        .td(.text(referral.sections.sorted().map(\.rawValue).joined(separator: ", "))),
                        .td(.text(referral.status.rawValue)),
                        .td(.if(referral.status == .pending, .group(
                            .form(.class("inline"), .method(.post), .action("/staff/referrals/\(referral.id)?lang=\(language.rawValue)"),
                                  StaffPages.csrfField(request), .input(.type(.hidden), .name("answer"), .value("accept")),
                                  .button(.type(.submit), .text(t("Accept", "受諾")))),
                            .form(.class("inline"), .method(.post), .action("/staff/referrals/\(referral.id)?lang=\(language.rawValue)"),
                                  StaffPages.csrfField(request), .input(.type(.hidden), .name("answer"), .value("decline")),
                                  .button(.type(.submit), .text(t("Decline", "辞退"))))))))
                })))
        ))
    }
}
