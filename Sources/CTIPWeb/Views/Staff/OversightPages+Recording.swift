import CTIPCore
import CTIPStorage
import Plot
import Vapor

/// The oversight bodies' forms — an inspection and its findings, an action, an improvement report
/// accepted, a sign, a joint inspection asked for, the police told — and the pages they lead to: one
/// inspection with what follows it, the orders awaiting their improvement report, the sending countries.
/// No form has a free-text field: no trainee's identity can end up in these records.
extension OversightPages {
    enum FormName: String, Sendable {
        case inspection, action, report, signal, jointRequest = "joint", police

        /// The organisation's page holds several forms with fields of one name (`kind`, `finding_…`):
        /// each form but the inspection's gives its fields ids of their own, so every label names its field.
        var idPrefix: String {
            switch self {
            case .inspection, .police: ""
            case .action, .report, .signal, .jointRequest: rawValue + "-"
            }
        }
    }

    /// A form sent back with its problems: shown again as it was sent.
    struct SentForm: Sendable {
        let name: FormName
        let values: [String: String]
        let errors: [FieldError]
    }

    /// What the viewer may record here (`OversightRole`), and today for the forms' dates.
    struct Abilities: Sendable {
        let inspectors: [Inspector]
        let authorities: [OversightAuthority]
        let requestJointInspection: Bool
        let screen: Bool
        let today: Day
        /// The police agencies of the directory, for the inspection's "police informed" form.
        let police: [Agency]
        var records: Bool { !inspectors.isEmpty || !authorities.isEmpty }
    }

    static func values(_ sent: SentForm?, _ form: FormName) -> [String: String] { sent?.name == form ? sent!.values : [:] }

    /// The problems of the form sent back, at the top of the page (GOV.UK's error summary): the form
    /// itself may not be on the page any more (an order refused because the licence has ended).
    static func errors(_ sent: SentForm?, _ language: CTIPCore.Language) -> Body {
        guard let sent else { return .empty }
        return StaffPages.errors(sent.errors, language: language, idPrefix: sent.name.idPrefix)
    }

    static func findingLabel(_ finding: InspectionFinding) -> String { finding.isTraffickingIndicator ? "⚠ \(finding.rawValue)" : finding.rawValue }

    static func findingBoxes(_ values: [String: String], only: [InspectionFinding] = InspectionFinding.allCases, idPrefix: String = "") -> Node<HTML.FormContext> {
        let ticked = Set((values["findings"] ?? "").split(separator: ";").map(String.init))
        return .forEach(only) { finding in
            .div(.class("choice"),
                 .input(.type(.checkbox), .id("\(idPrefix)finding_\(finding.rawValue)"), .name("finding_\(finding.rawValue)"), .value("on"),
                        .checked(ticked.contains(finding.rawValue))),
                 .label(.for("\(idPrefix)finding_\(finding.rawValue)"), .text(findingLabel(finding))))
        }
    }

    // MARK: Forms on the organisation's page

    static func inspectionForm(_ request: Request, organisation: String, may: Abilities, sent: SentForm?) -> Body {
        let t = StaffPages.Text(language: request.staffLanguage)
        let values = values(sent, .inspection)
        return .section(.id("record-inspection"), .h2(.text(t("Record an inspection", "検査を記録する"))),
            .form(.method(.post), .action("/staff/oversight/organisations/\(organisation)/inspections"), StaffPages.csrfField(request),
                StaffPages.select(t("Inspected by", "実施機関"), name: "inspector", options: may.inspectors.map { ($0.rawValue, $0.rawValue) },
                                  selected: values["inspector"] ?? ""),
                StaffPages.field(t("Day", "検査日"), name: "inspected_on", value: values["inspected_on"] ?? may.today.description, type: .date, required: true),
                StaffPages.select(t("Kind", "種類"), name: "kind", options: InspectionKind.allCases.map { ($0.rawValue, $0.rawValue) },
                                  selected: values["kind"] ?? "", blank: "—"),
                StaffPages.select(t("Violation found", "違反"), name: "violation_found", options: [("true", t("yes", "あり")), ("false", t("no", "なし"))],
                                  selected: values["violation_found"] ?? "", blank: t("not yet judged", "未判定")),
                .fieldset(StaffPages.legend(t("Findings (⚠ may be trafficking: you will be asked to screen the trainees and inform the police)",
                                              "指摘事項（⚠ は人身取引が疑われるもの：実習生の判定と警察への情報提供を求められます）")),
                          findingBoxes(values)),
                .p(.button(.type(.submit), .text(t("Record the inspection", "検査を記録する"))))))
    }

    static func actionForm(_ request: Request, organisation: String, inspections: [InspectionRecord], may: Abilities, sent: SentForm?,
                           inspection fixed: String? = nil, action: String) -> Body {
        let t = StaffPages.Text(language: request.staffLanguage)
        let values = values(sent, .action)
        let prefix = FormName.action.idPrefix
        return .section(.id("record-action"), .h2(.text(t("Record an action", "処分・措置を記録する"))),
            .form(.method(.post), .action(action), StaffPages.csrfField(request),
                StaffPages.select(t("Action", "措置"), name: "kind", options: OversightActionKind.allCases.map { ($0.rawValue, $0.rawValue) },
                                  selected: values["kind"] ?? "", idPrefix: prefix),
                StaffPages.select(t("Taken by", "実施"), name: "by", options: may.authorities.map { ($0.rawValue, $0.rawValue) }, selected: values["by"] ?? "", idPrefix: prefix),
                StaffPages.field(t("Day", "日付"), name: "on", value: values["on"] ?? may.today.description, type: .date, required: true, idPrefix: prefix),
                .if(fixed == nil,
                    StaffPages.select(t("Following the inspection", "根拠となる検査"), name: "inspection_id",
                                      options: inspections.map { ($0.id, "\($0.inspectedOn) \($0.inspector.rawValue) (\($0.id))") },
                                      selected: values["inspection_id"] ?? "", blank: "—", idPrefix: prefix),
                    else: .input(.type(.hidden), .name("inspection_id"), .value(fixed ?? ""))),
                StaffPages.field(t("Improvement report due (orders)", "改善報告の期限（命令・勧告）"), name: "due_on", value: values["due_on"] ?? "", type: .date, idPrefix: prefix),
                StaffPages.field(t("Until (suspensions)", "期間の終了（停止）"), name: "until", value: values["until"] ?? "", type: .date, idPrefix: prefix),
                .div(.class("choice"), .input(.type(.checkbox), .id(prefix + "published"), .name("published"), .value("on"),
                                              .checked(values["published"] == "true")),
                     .label(.for(prefix + "published"), .text(t("Publicly announced", "公表する")))),
                .p(.button(.type(.submit), .text(t("Record the action", "措置を記録する"))))))
    }

    static func reportForm(_ request: Request, action: OversightActionRecord, today: Day) -> Body {
        let t = StaffPages.Text(language: request.staffLanguage)
        return .form(.method(.post), .action("/staff/oversight/actions/\(action.id)/report-accepted"), .class("inline"), StaffPages.csrfField(request),
                     .label(.for("closed_on-\(action.id)"), .text(t("Accepted on", "受理日"))),
                     .input(.type(.date), .id("closed_on-\(action.id)"), .name("closed_on"), .value(today.description), .required(true)),
                     .button(.type(.submit), .text(t("Accept the improvement report", "改善報告を受理する"))))
    }

    static func signalForm(_ request: Request, organisation: String, may: Abilities, sent: SentForm?) -> Body {
        let language = request.staffLanguage
        let t = StaffPages.Text(language: language)
        let values = values(sent, .signal)
        let prefix = FormName.signal.idPrefix
        return .section(.id("record-signal"), .h2(.text(t("Note a sign", "兆候を記録する"))),
            .p(.text(t("A hot-line tip or a consultation naming this organisation, trainees who disappeared from it, workers who left it at their own will: the inspection plan weighs them. Record numbers only — never who.",
                       "この機関についてのホットライン通報・相談、失踪した実習生、本人の意向で転籍した労働者。検査計画のリスクに反映されます。件数だけを記録し、個人は記録しません。"))),
            .form(.method(.post), .action("/staff/oversight/organisations/\(organisation)/signals"), StaffPages.csrfField(request),
                StaffPages.select(t("Sign", "兆候"), name: "kind", options: OversightSignalKind.allCases.map { ($0.rawValue, language == .ja ? $0.label.ja : $0.label.en) },
                                  selected: values["kind"] ?? "", idPrefix: prefix),
                StaffPages.field(t("Day", "日付"), name: "noted_on", value: values["noted_on"] ?? may.today.description, type: .date, required: true, idPrefix: prefix),
                StaffPages.field(t("How many", "件数・人数"), name: "count", value: values["count"] ?? "1", type: .number, required: true, idPrefix: prefix),
                .p(.button(.type(.submit), .text(t("Note it", "記録する"))))))
    }

    static func jointRequestForm(_ request: Request, organisation: String, sent: SentForm?) -> Body {
        let t = StaffPages.Text(language: request.staffLanguage)
        return .section(.id("request-joint"), .h2(.text(t("Ask the OTIT for a joint inspection", "機構に合同検査を要請する"))),
            .form(.method(.post), .action("/staff/oversight/organisations/\(organisation)/joint-inspection-requests"), StaffPages.csrfField(request),
                .fieldset(StaffPages.legend(t("What you suspect (optional)", "疑われる事項（任意）")),
                          findingBoxes(values(sent, .jointRequest), only: InspectionFinding.allCases.filter(\.isTraffickingIndicator),
                                       idPrefix: FormName.jointRequest.idPrefix)),
                .p(.button(.type(.submit), .text(t("Request a joint inspection", "合同検査を要請する"))))))
    }

    // MARK: One inspection

    /// The inspection, and when it found what may be trafficking, the two things to do next: screen
    /// the trainees concerned (the screening opens with the act, the means, the methods of control and
    /// forced labour ticked) and tell the police.
    static func inspection(_ request: Request, _ detail: InspectionDetail, may: Abilities, sent: SentForm? = nil,
                           status: HTTPResponseStatus = .ok) -> Response {
        let language = request.staffLanguage
        let t = StaffPages.Text(language: language)
        let inspection = detail.inspection
        let indicators = TraffickingIndicatorPrompt.indicators(inspection.findings)
        let screening = "/staff/screening?lang=\(language.rawValue)" + TraffickingIndicatorPrompt.screeningBoxes(inspection.findings).map { "&\($0)=on" }.joined()
        // The police of the organisation's prefecture first.
        let local = may.police.filter { $0.prefecture != nil && $0.prefecture == detail.organisation.prefecture }
        let police = local + may.police.filter { agency in !local.contains { $0.code == agency.code } }
        let policeValues = values(sent, .police)
        let facts: [(String, Body)] = [
            (t("Organisation", "機関"), link(detail.organisation, language)),
            (t("Day", "検査日"), .text(inspection.inspectedOn.written(in: language))),
            (t("Inspected by", "実施機関"), .text(inspection.inspector.rawValue)),
            (t("Kind", "種類"), .text(inspection.kind?.rawValue ?? "—")),
            (t("Violation found", "違反"), .text(inspection.violationFound.map { $0 ? t("yes", "あり") : t("no", "なし") } ?? t("not yet judged", "未判定"))),
            (t("Findings", "指摘事項"), .text(inspection.findings.isEmpty ? "—" : inspection.findings.map(findingLabel).joined(separator: ", "))),
        ]
        return StaffPages.render(request, title: t("Inspection \(inspection.id)", "検査 \(inspection.id)"), status: status, .group(
            errors(sent, language),
            .dl(.forEach(facts) { label, value in .group(.dt(.text(label)), .dd(value)) }),
            .if(!indicators.isEmpty, .section(.id("may-be-trafficking"), .class("secret"), .attribute(named: "role", value: "note"),
                .h2(.text(t("Findings that may be trafficking", "人身取引が疑われる指摘事項"))),
                .p(.strong(.text(indicators.map(\.rawValue).joined(separator: ", ")))),
                .ol(
                    .li(.text(t("Screen each trainee concerned against the Protocol's definition. Their names go into the screening and the victim file, never into this record.",
                                "該当する実習生ごとに議定書の定義に照らして判定してください。氏名は判定と被害者ファイルに記録し、この記録には記録しません。")),
                        .if(may.screen, .p(.a(.class("button"), .id("screen-trainee"), .href(screening), .text(t("Screen a trainee (prefilled)", "実習生を判定する（入力済み）")))))),
                    .li(.text(t("Inform the police, as the OTIT and the police share information on violations that may be trafficking.",
                                "機構と警察の情報共有に基づき、警察に情報提供してください。")),
                        .if(detail.policeReferrals.isEmpty, .p(.strong(.text(t("The police have not been informed yet.", "まだ警察に情報提供していません。"))))),
                        .ul(.forEach(detail.policeReferrals) { referral in
                            .li(.text(t("Informed \(policeName(referral.police, may.police, language)) on \(referral.informedOn) (\(referral.agency))",
                                        "\(referral.informedOn) に\(policeName(referral.police, may.police, language))へ情報提供（\(referral.agency)）")))
                        }),
                        .if(may.records, .group(
                            .form(.method(.post), .action("/staff/oversight/inspections/\(inspection.id)/police"), StaffPages.csrfField(request),
                                  StaffPages.select(t("Police", "警察"), name: "police", options: police.map { ($0.code, $0.name(language)) },
                                                    selected: policeValues["police"] ?? ""),
                                  StaffPages.field(t("Informed on", "情報提供日"), name: "informed_on", value: policeValues["informed_on"] ?? may.today.description,
                                                   type: .date, required: true),
                                  .p(.button(.type(.submit), .text(t("Record that the police were informed", "警察への情報提供を記録する"))))))))))),
            .section(.h2(.text(t("Actions following it", "この検査に基づく措置") + " (\(detail.actions.count))")),
                .if(detail.actions.isEmpty, .p(.text(t("None recorded.", "記録はありません。"))),
                    else: actionsTable(request, detail.actions, may: may))),
            .if(!may.authorities.isEmpty, actionForm(request, organisation: detail.organisation.id, inspections: [], may: may, sent: sent,
                                                      inspection: inspection.id,
                                                      action: "/staff/oversight/inspections/\(inspection.id)/actions"))
        ))
    }

    static func policeName(_ code: String, _ police: [Agency], _ language: CTIPCore.Language) -> String {
        police.first { $0.code == code }?.name(language) ?? code
    }

    /// Actions with their improvement report: accepted, due, or late — with the form to accept it.
    static func actionsTable(_ request: Request, _ actions: [OversightActionRecord], may: Abilities) -> Body {
        let t = StaffPages.Text(language: request.staffLanguage)
        let language = request.staffLanguage
        return table([t("Day", "日付"), t("Action", "措置"), t("By", "実施"), t("Inspection", "検査"), t("Improvement report", "改善報告")],
                     actions.map { action in
                         let report: Body = action.dueOn.map { due -> Body in
                             if let closed = action.closedOn { return .text(t("accepted \(closed)", "\(closed) 受理")) }
                             let late = due < may.today
                             return .group(.text(late ? t("late: due \(due)", "期限超過：期限 \(due)") : t("due \(due)", "期限 \(due)")),
                                           .if(may.authorities.contains(action.by), reportForm(request, action: action, today: may.today)))
                         } ?? .text("—")
                         return [.text(action.on.written(in: language)), .text(action.kind.rawValue), .text(action.by.rawValue),
                                 action.inspectionID.map { .a(.href("/staff/oversight/inspections/\($0)?lang=\(language.rawValue)"), .text($0)) } ?? .text("—"),
                                 report]
                     })
    }

    // MARK: Orders awaiting their improvement report

    static func orders(_ request: Request, orders: [PublishedAction], may: Abilities, shown: Int) -> Response {
        let language = request.staffLanguage
        let t = StaffPages.Text(language: language)
        let late = orders.filter { ($0.action.dueOn ?? may.today) < may.today }.count
        return StaffPages.render(request, title: t("Improvement reports awaited", "改善報告待ちの命令・勧告"), .group(
            .p(.text(t("Orders and recommendations whose improvement report has not been accepted, the longest overdue first.",
                       "改善報告が受理されていない命令・勧告（期限の古い順）。"))),
            .p(.strong(.text(t("\(orders.count) awaited, \(late) late.", "\(orders.count)件、うち期限超過 \(late)件。")))),
            .if(orders.isEmpty, .p(.text(t("None.", "ありません。"))),
                else: table([t("Organisation", "機関"), t("Action", "措置"), t("Day", "日付"), t("Due", "期限"), t("Accept", "受理")],
                            orders.map { item in
                                let due = item.action.dueOn ?? may.today
                                let lateDays = may.today.daysSinceEpoch - due.daysSinceEpoch
                                return [link(item.organisation, language), .text("\(item.action.kind.rawValue) (\(item.action.by.rawValue))"),
                                        .text(item.action.on.written(in: language)),
                                        .text(lateDays > 0 ? t("\(due) — \(lateDays) days late", "\(due)（\(lateDays)日超過）") : due.description),
                                        may.authorities.contains(item.action.by) ? reportForm(request, action: item.action, today: may.today) : .text("—")]
                            })),
            .if(orders.count >= shown, .p(.text(t("The first \(shown) are shown.", "最初の\(shown)件を表示しています。"))))
        ))
    }

    // MARK: Sending countries

    static func sending(_ request: Request, countries: [SendingCountry], on day: Day, country: String?, organisations: [OrganisationRecord]) -> Response {
        let language = request.staffLanguage
        let t = StaffPages.Text(language: language)
        func countryName(_ code: String) -> String { CodeLists.shipped.countries[code]?.label(language) ?? code }
        return StaffPages.render(request, title: t("Sending countries and organisations", "送出国と送出機関"), .group(
            .p(.text(t("The Memorandums of Cooperation in force on \(day), and the sending organisations of each country: those reported to their government under the MOC, and those from which acceptance is suspended now.",
                       "\(day) 時点で有効な協力覚書（MOC）と、国ごとの送出機関。MOC に基づき相手国政府に通報した機関と、現在受入れを停止している機関。"))),
            table([t("Country", "国"), t("MOC in force", "有効な MOC"), t("Sending organisations", "送出機関"), t("Reported", "通報"), t("Suspended now", "受入停止中")],
                  countries.map { item in
                      [.a(.href("/staff/oversight/sending?country=\(item.country)&lang=\(language.rawValue)"), .text(countryName(item.country))),
                       .text(item.schemesInForce.isEmpty ? "—" : item.schemesInForce.map { $0.rawValue.uppercased() }.joined(separator: ", ")),
                       .text(String(item.organisations)), .text(String(item.reported)), .text(String(item.suspended))]
                  }),
            .unwrap(country) { country in
                .section(.id("country"), .h2(.text(countryName(country))),
                         .if(organisations.isEmpty, .p(.text(t("No sending organisation recorded.", "送出機関の記録はありません。"))),
                             else: .ul(.forEach(organisations) { .li(link($0, language)) })))
            }
        ))
    }
}
