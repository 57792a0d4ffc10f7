import CTIPCore
import CTIPStorage
import Plot
import Vapor

/// The oversight bodies' pages: the registry, one organisation with everything held on it, the
/// inspection plan with its reasons, the figures of a period; and the public list of published actions.
enum OversightPages {
    typealias Body = Node<HTML.BodyContext>

    static func kindLabel(_ kind: OrganisationKind, _ language: CTIPCore.Language) -> String { language == .ja ? kind.label.ja : kind.label.en }

    static func prefectureLabel(_ code: String?, _ language: CTIPCore.Language) -> String {
        code.flatMap { CodeLists.shipped.prefectures[$0]?.label(language) } ?? "—"
    }

    static func name(_ organisation: OrganisationRecord) -> String { organisation.name ?? organisation.nameJA ?? organisation.id }

    static func link(_ organisation: OrganisationRecord, _ language: CTIPCore.Language) -> Body {
        .a(.href("/staff/oversight/organisations/\(organisation.id)?lang=\(language.rawValue)"), .text(name(organisation)))
    }

    static func table(_ headings: [String], _ rows: [[Body]]) -> Body {
        .div(.class("scroll"), .table(.thead(.tr(.forEach(headings) { .th(.attribute(named: "scope", value: "col"), .text($0)) })),
                                      .tbody(.forEach(rows) { cells in .tr(.forEach(cells) { .td($0) }) })))
    }

    // MARK: Registry

    static func registry(_ request: Request, query: String, prefecture: String, kind: String, found: [OrganisationRecord]?) -> Response {
        let language = request.staffLanguage
        let t = StaffPages.Text(language: language)
        let codeLists = CodeLists.shipped
        let prefectures = codeLists.prefectureOrder.map { ($0, codeLists.prefectures[$0]!.label(language)) }
        let kinds = OrganisationKind.allCases.map { ($0.rawValue, kindLabel($0, language)) }
        let form: Body = .form(.method(.get), .action("/staff/oversight"),
            .input(.type(.hidden), .name("lang"), .value(language.rawValue)),
            StaffPages.field(t("Name, licence number or identifier", "名称・許可番号・識別子"), name: "q", value: query),
            StaffPages.select(t("Prefecture", "都道府県"), name: "prefecture", options: prefectures, selected: prefecture, blank: t("Any", "すべて")),
            StaffPages.select(t("Kind", "種別"), name: "kind", options: kinds, selected: kind, blank: t("Any", "すべて")),
            .p(.button(.type(.submit), .text(t("Find", "検索")))))
        let results: Body = .unwrap(found) { found in
            .if(found.isEmpty, .p(.text(t("No organisation matches.", "該当する機関はありません。"))),
                else: table([t("Organisation", "機関"), t("Kind", "種別"), t("Prefecture or country", "都道府県・国"), t("Licence", "許可番号")],
                            found.map { organisation in
                                [link(organisation, language), .text(kindLabel(organisation.kind, language)),
                                 .text(organisation.country ?? prefectureLabel(organisation.prefecture, language)), .text(organisation.licenceNumber ?? "—")]
                            }))
        }
        return StaffPages.render(request, title: t("Programme oversight", "技能実習・特定技能・育成就労の監督"), .group(
            .p(.text(t("Supervising, implementing, SSW accepting, registered support and sending organisations: their licences, inspections, findings and actions.",
                       "監理団体・実習実施者・特定技能所属機関・登録支援機関・送出機関の許可、検査、指摘事項及び処分。"))),
            .ul(.li(.a(.href("/staff/oversight/plan?lang=\(language.rawValue)"), .text(t("Inspection plan: who is due, riskiest first", "検査計画（リスクの高い順）")))),
                .li(.a(.href("/staff/oversight/orders?lang=\(language.rawValue)"), .text(t("Improvement reports awaited", "改善報告待ちの命令・勧告")))),
                .li(.a(.href("/staff/oversight/sending?lang=\(language.rawValue)"), .text(t("Sending countries and organisations", "送出国と送出機関")))),
                .li(.a(.href("/staff/oversight/stats?lang=\(language.rawValue)"), .text(t("Figures of a fiscal year", "年度の統計")))),
                .li(.a(.href("/oversight/published?lang=\(language.rawValue)"), .text(t("Published actions (public)", "公表された処分（公開）"))))),
            .section(.h2(.text(t("Find an organisation", "機関の検索"))), form, results)
        ))
    }

    // MARK: One organisation

    static func organisation(_ request: Request, _ detail: OrganisationDetail, may: Abilities, sent: SentForm? = nil,
                             status: HTTPResponseStatus = .ok) -> Response {
        let language = request.staffLanguage
        let t = StaffPages.Text(language: language)
        let organisation = detail.organisation
        let licence: String = {
            if let ended = detail.licenceEnded { return t("ended on \(ended.on) (\(ended.kind.rawValue))", "\(ended.on) に終了（\(ended.kind.rawValue)）") }
            if let since = organisation.licensedOn { return t("in force since \(since)", "\(since) から有効") }
            return "—"
        }()
        // A suspension in force today: the business, or new trainees from or by it.
        let suspensions = detail.actions.filter { action in
            [.businessSuspension, .acceptanceSuspended].contains(action.kind) && action.on <= may.today && (action.until.map { $0 >= may.today } ?? true)
        }
        var facts: [(String, Body)] = [
            (t("Kind", "種別"), .text(kindLabel(organisation.kind, language))),
            (t("Identifier", "識別子"), .code(.text(organisation.id))),
            (t("Licence number", "許可・登録番号"), .text(organisation.licenceNumber ?? "—")),
            (t("Licence", "許可"), .text(licence)),
        ]
        for suspension in suspensions {
            let until = suspension.until.map { t("until \($0)", "\($0) まで") } ?? t("until further notice", "期限なし")
            facts.append((t("Suspended", "停止中"), .text("\(suspension.kind.rawValue) — " + until)))
        }
        facts += [
            (t("Prefecture", "都道府県"), .text(prefectureLabel(organisation.prefecture, language))),
        ]
        if let country = organisation.country { facts.append((t("Country", "国"), .text(CodeLists.shipped.countries[country]?.label(language) ?? country))) }
        if let industry = organisation.industry { facts.append((t("Field", "分野"), .text(industry))) }
        if let supervisor = detail.supervisor { facts.append((t("Supervised by", "監理団体"), link(supervisor, language))) }
        let flagged = detail.inspections.filter { !TraffickingIndicatorPrompt.indicators($0.findings).isEmpty }
        let inspectionLink = { (inspection: InspectionRecord) -> Body in
            .a(.href("/staff/oversight/inspections/\(inspection.id)?lang=\(language.rawValue)"), .text(inspection.inspectedOn.written(in: language)))
        }
        let ended = detail.licenceEnded != nil
        return StaffPages.render(request, title: name(organisation), status: status, .group(
            errors(sent, language),
            .dl(.forEach(facts) { label, value in .group(.dt(.text(label)), .dd(value)) }),
            .if(!flagged.isEmpty, .div(.class("secret"), .attribute(named: "role", value: "note"),
                .p(.strong(.text(t("Findings that may be trafficking: ", "人身取引が疑われる指摘事項：")
                                 + Set(flagged.flatMap { TraffickingIndicatorPrompt.indicators($0.findings) }.map(\.rawValue)).sorted().joined(separator: ", ")))),
                .p(.text(t("Screen the trainees concerned against the Protocol's definition, and inform the police: open the inspection.",
                           "該当する実習生について議定書の定義に照らした判定を行い、警察に情報提供してください（検査を開いてください）。"))),
                .ul(.forEach(flagged) { inspection in .li(inspectionLink(inspection), .text(" — " + inspection.inspector.rawValue)) }))),
            .if(!detail.openJointInspectionRequests.isEmpty, .div(.class("notice"), .attribute(named: "role", value: "note"),
                .ul(.forEach(detail.openJointInspectionRequests) { request in
                    .li(.text(t("Joint inspection requested by \(request.agency) on \(request.requestedOn)", "\(request.requestedOn) に \(request.agency) が合同検査を要請")
                              + (request.findings.isEmpty ? "" : " (" + request.findings.map(\.rawValue).joined(separator: ", ") + ")")))
                }))),
            .section(.id("inspections"), .h2(.text(t("Inspections", "検査") + " (\(detail.inspections.count))")),
                .if(detail.inspections.isEmpty, .p(.text(t("None recorded.", "記録はありません。"))),
                    else: table([t("Day", "日付"), t("By", "実施"), t("Violation", "違反"), t("Findings", "指摘事項")],
                                detail.inspections.map { inspection in
                                    [inspectionLink(inspection), .text(inspection.inspector.rawValue),
                                     .text(inspection.violationFound.map { $0 ? t("yes", "あり") : t("no", "なし") } ?? "—"),
                                     .text(inspection.findings.map(findingLabel).joined(separator: ", "))]
                                }))),
            .section(.id("actions"), .h2(.text(t("Actions", "処分・措置") + " (\(detail.actions.count))")),
                .if(detail.actions.isEmpty, .p(.text(t("None recorded.", "記録はありません。"))),
                    else: actionsTable(request, detail.actions, may: may))),
            .if(!detail.signals.isEmpty, .section(.id("signals"), .h2(.text(t("Signs", "兆候"))),
                table([t("Day", "日付"), t("Sign", "兆候"), t("How many", "件数"), t("Noted by", "記録機関")],
                      detail.signals.map { signal in
                          [.text(signal.notedOn.written(in: language)), .text(language == .ja ? signal.kind.label.ja : signal.kind.label.en),
                           .text(String(signal.count)), .text(signal.agency)]
                      }))),
            .if(!may.inspectors.isEmpty, inspectionForm(request, organisation: organisation.id, may: may, sent: sent)),
            .if(!may.authorities.isEmpty && !ended, actionForm(request, organisation: organisation.id, inspections: detail.inspections, may: may, sent: sent,
                                                              action: "/staff/oversight/organisations/\(organisation.id)/actions")),
            .if(may.records, signalForm(request, organisation: organisation.id, may: may, sent: sent)),
            .if(may.requestJointInspection && [.implementing, .supervising].contains(organisation.kind),
                jointRequestForm(request, organisation: organisation.id, sent: sent)),
            .if(detail.supervisedCount > 0, .section(
                .h2(.text(t("Organisations it supervises", "監理する実習実施者") + " (\(detail.supervisedCount))")),
                .ul(.forEach(detail.supervised) { .li(link($0, language)) }),
                .if(detail.supervisedCount > detail.supervised.count,
                    .p(.text(t("The first \(detail.supervised.count) are shown.", "最初の\(detail.supervised.count)件を表示しています。"))))))
        ))
    }

    // MARK: Inspection plan

    static func plan(_ request: Request, entries: [InspectionPlan.Entry], requests: [JointInspectionRequest], on day: Day, shown: Int) -> Response {
        let language = request.staffLanguage
        let t = StaffPages.Text(language: language)
        let overdue = entries.filter(\.overdue).count
        return StaffPages.render(request, title: t("Inspection plan", "検査計画"), .group(
            .p(.text(t("Supervising organisations are due a year after their last OTIT inspection, implementing organisations three years after; those due within 30 days of \(day) are listed, overdue first, then by risk — each reason shown.",
                       "監理団体は前回の機構の検査から1年、実習実施者は3年で検査の時期となります。\(day) から30日以内に時期となる機関を、期限超過を先に、リスクの高い順に理由とともに示します。"))),
            .p(.strong(.text(t("\(entries.count) due, \(overdue) overdue.", "対象 \(entries.count)件、うち期限超過 \(overdue)件。")))),
            .if(!requests.isEmpty, .section(.id("joint-requests"), .h2(.text(t("Joint inspections requested", "合同検査の要請") + " (\(requests.count))")),
                table([t("Organisation", "機関"), t("Requested", "要請日"), t("By", "要請機関"), t("Suspected", "疑われる事項")],
                      requests.map { request in
                          [.a(.href("/staff/oversight/organisations/\(request.organisationID)?lang=\(language.rawValue)"),
                              .text(request.organisationName ?? request.organisationID)),
                           .text(request.requestedOn.written(in: language)), .text(request.agency),
                           .text(request.findings.isEmpty ? "—" : request.findings.map(\.rawValue).joined(separator: ", "))]
                      }))),
            table([t("Organisation", "機関"), t("Kind", "種別"), t("Prefecture", "都道府県"), t("Due", "時期"), t("Risk", "リスク"), t("Why", "理由")],
                  entries.prefix(shown).map { entry in
                      [.a(.href("/staff/oversight/organisations/\(entry.facts.organisationID)?lang=\(language.rawValue)"),
                          .text(entry.facts.name ?? entry.facts.organisationID)),
                       .text(kindLabel(entry.facts.kind, language)), .text(prefectureLabel(entry.facts.prefecture, language)),
                       .text(entry.due.map { $0.written(in: language) } ?? t("now", "即時")), .text(String(entry.risk)),
                       .text(entry.reasons.map { language == .ja ? $0.text.ja : $0.text.en }.joined(separator: "; "))]
                  }),
            .if(entries.count > shown, .p(.text(t("The first \(shown) are shown.", "上位\(shown)件を表示しています。"))))
        ))
    }

    // MARK: Figures

    static func statistics(_ request: Request, figures: OversightFigures, fiscalYear: Int) -> Response {
        let language = request.staffLanguage
        let t = StaffPages.Text(language: language)
        return StaffPages.render(request, title: t("Oversight figures, FY\(fiscalYear)", "\(fiscalYear)年度の監督の統計"), .group(
            .form(.method(.get), .action("/staff/oversight/stats"), .input(.type(.hidden), .name("lang"), .value(language.rawValue)),
                  StaffPages.field(t("Fiscal year (April to March)", "年度（4月〜翌3月）"), name: "fiscal_year", value: String(fiscalYear), type: .number),
                  .p(.button(.type(.submit), .text(t("Show", "表示"))))),
            .p(.text("\(figures.from) – \(figures.to)")),
            table([t("Key", "項目"), t("Count", "件数")], figures.rows.map { [.code(.text($0.key)), .text(Numerals.grouped($0.value))] }),
            .p(.text(t("The same with `ctip oversight stats --fiscal-year \(fiscalYear) --json`.", "`ctip oversight stats --fiscal-year \(fiscalYear) --json` でも同じ値が得られます。")))
        ))
    }

    // MARK: Public list

    static func published(language: String, fiscalYear: Int, actions: [PublishedAction]) -> String {
        let ja = language == "ja"
        func t(_ en: String, _ jaText: String) -> String { ja ? jaText : en }
        let title = t("Published actions against organisations, FY\(fiscalYear)", "\(fiscalYear)年度に公表された処分")
        let lang: CTIPCore.Language = ja ? .ja : .en
        let rows: [[Body]] = actions.map { item in
            [.text(item.action.on.written(in: lang)), .text(item.action.kind.rawValue), .text(name(item.organisation)),
             .text(kindLabel(item.organisation.kind, lang)), .text(prefectureLabel(item.organisation.prefecture, lang)),
             .text(item.organisation.licenceNumber ?? "—")]
        }
        return PageFrame(language: ja ? "ja" : "en", title: title, heading: title, languagePath: "/oversight/published?fiscal_year=\(fiscalYear)",
                         breadcrumbs: [.init(label: t("Home", "ホーム"), href: "/?lang=\(language)"), .init(label: title, href: nil)]).render([
            .p(.class("lead"), .text(t("Revocations, orders and suspensions the Immigration Services Agency and the Ministry of Health, Labour and Welfare announce under the Technical Intern Training Act and the Immigration Control Act.",
                                       "技能実習法及び入管法に基づき出入国在留管理庁及び厚生労働省が公表した取消し、命令及び停止。"))),
            .p(.a(.href("/oversight/published.csv?fiscal_year=\(fiscalYear)"), .text("CSV")), .text(" · "),
               .a(.href("/oversight/published?fiscal_year=\(fiscalYear - 1)&lang=\(language)"), .text(t("FY\(fiscalYear - 1)", "\(fiscalYear - 1)年度"))),
               .text(" · "), .a(.href("/oversight/published?fiscal_year=\(fiscalYear + 1)&lang=\(language)"), .text(t("FY\(fiscalYear + 1)", "\(fiscalYear + 1)年度")))),
            .if(actions.isEmpty, .p(.text(t("Nothing was published in this fiscal year.", "この年度に公表された処分はありません。"))),
                else: table([t("Day", "日付"), t("Action", "処分"), t("Organisation", "機関"), t("Kind", "種別"), t("Prefecture", "都道府県"),
                             t("Licence number", "許可番号")], rows)),
        ])
    }

    static func publishedCSV(_ actions: [PublishedAction]) -> String {
        CSVWriter.line(["on", "action", "org_id", "name", "name_ja", "kind", "prefecture", "licence_no"])
            + actions.map { item in
                CSVWriter.line([item.action.on.description, item.action.kind.rawValue, item.organisation.id, item.organisation.name ?? "",
                                item.organisation.nameJA ?? "", item.organisation.kind.rawValue, item.organisation.prefecture ?? "",
                                item.organisation.licenceNumber ?? ""])
            }.joined()
    }
}
