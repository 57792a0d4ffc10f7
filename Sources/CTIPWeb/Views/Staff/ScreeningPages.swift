import CTIPCore
import CTIPStorage
import Foundation
import Plot
import Vapor

/// The screening form, its result, the screenings section of a victim's page, and the printable
/// interview sheets.
enum ScreeningPages {
    static func offenseLabel(_ code: String, _ language: CTIPCore.Language) -> String {
        guard let offense = CodeLists.shipped.offenses[code] else { return code }
        return language == .ja ? offense.ja : offense.en
    }

    static func agencyLabel(_ code: String, _ language: CTIPCore.Language) -> String {
        VictimFilePages.label("protecting_agency", code, language)
    }

    static func checkbox(_ name: String, _ text: String, checked: Bool) -> Node<HTML.FormContext> {
        .label(.class("choice"), .input(.type(.checkbox), .id(name), .name(name), .checked(checked)), .text(" " + text))
    }

    static func form(_ request: Request, values: [String: String], errors: [FieldError], status: HTTPResponseStatus = .ok) -> Response {
        let t = StaffPages.Text(language: request.staffLanguage)
        let language = request.staffLanguage
        let codeLists = CodeLists.shipped
        func value(_ name: String) -> String { values[name] ?? "" }
        func on(_ name: String) -> Bool { value(name) == "on" }
        let sheetLinks: Node<HTML.BodyContext> = .ul(.class("languages"), .forEach(InterviewSheet.languages) { code in
            .li(.a(.href("/staff/screening/sheet?lang=\(code)&worker=\(language.rawValue)"), .attribute(named: "hreflang", value: code),
                   .attribute(named: "lang", value: code), .text(HelpLanguages.endonym(code))))
        })
        let file = value("file")
        return StaffPages.render(request, title: t("Identification screening (Article 3)", "被害者の識別（議定書第3条）"), status: status, .group(
            .p(.text(t("Record what you learned and saw. CTIP says whether the definition of trafficking in persons in Article 3 of the Protocol is met, and why.",
                       "聴き取った内容と確認した兆候を記録してください。議定書第3条の人身取引の定義に該当するかどうかと、その理由を示します。"))),
            .section(.h2(.text(t("Interview sheets", "聞き取りシート"))),
                     .p(.text(t("Print the questions in the person's language, with Japanese or English beside them:",
                                "本人の言語の質問に日本語または英語を並べて印刷できます："))),
                     sheetLinks),
            StaffPages.errors(errors, language: request.staffLanguage),
            .form(.method(.post), .action("/staff/screening?lang=\(language.rawValue)"),
                  StaffPages.csrfField(request),
                  .fieldset(StaffPages.legend(t("Act — what was done to the person", "行為 — 本人に対して行われたこと")),
                            .forEach(Article3.Act.allCases) { act in
                                checkbox("act_\(act.rawValue)", ScreeningForm.label(act).label(language), checked: on("act_\(act.rawValue)"))
                            }),
                  .fieldset(StaffPages.legend(t("Means — what you saw (IOM HTCDS 2.0 methods of control)", "手段 — 確認した兆候（IOM HTCDS 2.0 の支配の方法）")),
                            .forEach(ControlMethod.allCases) { method in
                                checkbox("control_\(method.rawValue)", "\(ScreeningForm.label(method).label(language)) (\(method.rawValue))",
                                         checked: on("control_\(method.rawValue)"))
                            },
                            .p(.text(t("Means the Protocol names that no method above shows:", "上記の方法に含まれない議定書上の手段："))),
                            .forEach([Article3.Means.abduction, .fraud, .abuseOfPower, .paymentToPersonInControl]) { means in
                                checkbox("means_\(means.rawValue)", ScreeningForm.label(means).label(language), checked: on("means_\(means.rawValue)"))
                            }),
                  .fieldset(StaffPages.legend(t("Purpose — the exploitation", "目的 — 搾取")),
                            .forEach(Article3.Purpose.allCases) { purpose in
                                checkbox("purpose_\(purpose.rawValue)", ScreeningForm.label(purpose).label(language), checked: on("purpose_\(purpose.rawValue)"))
                            }),
                  .fieldset(StaffPages.legend(t("The person", "本人")),
                            StaffPages.field(t("Age in years (leave empty if unknown)", "年齢（不明なら空欄）"), name: "age", value: value("age"), type: .number),
                            StaffPages.select(t("Nationality", "国籍"), name: "nationality",
                                              options: codeLists.countryOrder.map { ($0, codeLists.countries[$0]!.label(language)) },
                                              selected: value("nationality"), blank: t("unknown", "不明")),
                            StaffPages.select(t("Says they agreed", "本人は同意したと述べているか"), name: "says_they_consented",
                                              options: [("yes", t("yes", "はい")), ("no", t("no", "いいえ"))],
                                              selected: value("says_they_consented"), blank: t("not asked or unknown", "未確認・不明"))),
                  .fieldset(StaffPages.legend(t("Keep it with a victim's file", "被害者ファイルに記録する")),
                            StaffPages.field(t("File number (optional)", "ファイル番号（任意）"), name: "file", value: file),
                            .p(.text(t("Without a file number the screening is shown to you and not stored.",
                                              "ファイル番号がない場合、結果は表示されるだけで保存されません。")))),
                  .p(.button(.type(.submit), .text(t("Screen", "判定する")))))
        ))
    }

    static func result(_ request: Request, _ screened: ScreeningController.Screened) -> Response {
        let t = StaffPages.Text(language: request.staffLanguage)
        let language = request.staffLanguage
        let result = screened.result
        let stored: Node<HTML.BodyContext>
        if let kept = screened.stored {
            stored = .p(.class("notice"), .attribute(named: "role", value: "status"),
                        .text(t("Stored with victim file ", "被害者ファイルに保存しました：")),
                        .a(.href("/staff/victims/\(kept.victimID)?lang=\(language.rawValue)"), .text(kept.victimID)), .text("."))
        } else {
            stored = .p(.class("notice"), .attribute(named: "role", value: "status"),
                        .text(t("Not stored: this screening names no victim's file. To keep it, screen again with the file number.",
                                "保存していません：この判定は被害者ファイルに結び付いていません。記録する場合はファイル番号を入れて判定し直してください。")))
        }
        return StaffPages.render(request, title: t("Screening result", "判定結果"), .group(
            stored,
            outcomeSection(result, language: language, heading: true),
            .p(.a(.href("/staff/screening?lang=\(language.rawValue)" + (screened.stored.map { "&file=\($0.victimID)" } ?? "")),
                  .text(t("Screen again", "もう一度判定する"))))
        ))
    }

    /// The outcome, each element and why, and the suggestions: on the result page and on a victim's page.
    static func outcomeSection(_ result: ScreeningResult, language: CTIPCore.Language, heading: Bool) -> Node<HTML.BodyContext> {
        let t = StaffPages.Text(language: language)
        let elements: [ScreeningResult.Element] = [.act, .means, .purpose]
        let outcome = ScreeningForm.label(result.outcome).label(language)
        let headline: Node<HTML.BodyContext> = heading ? .h2(.id("outcome"), .text(outcome)) : .p(.strong(.text(outcome)))
        return .group(
            headline,
            .table(.caption(.text(t("Elements of Article 3 (a)", "第3条(a)の構成要素"))),
                   .tbody(.forEach(elements) { element in
                       .tr(.th(.attribute(named: "scope", value: "row"), .text(ScreeningForm.label(element).label(language))),
                           .td(.text(result.findings[element].map { ScreeningForm.label($0).label(language) } ?? "—")))
                   })),
            .h3(.text(t("Why", "理由"))),
            .ul(.forEach(result.reasons) { .li(.text(ScreeningForm.explain($0, language))) }),
            .h3(.text(t("Offenses that may apply (a suggestion for the investigators, not a charge)", "該当し得る罪名（捜査機関への参考であり、罪名の決定ではありません）"))),
            .if(result.suggestedOffenses.isEmpty, .p(.text(t("None suggested.", "該当なし。"))),
                else: .ul(.forEach(result.suggestedOffenses) { code in
                    .li(.text(offenseLabel(code, language) + (CodeLists.shipped.offenses[code].map { $0.law.isEmpty ? "" : " (\($0.law))" } ?? "")))
                })),
            .h3(.text(t("Agency to protect the person", "保護を担う機関"))),
            .p(.text(agencyLabel(result.suggestedAgency, language)))
        )
    }

    /// The screenings section of a victim's page.
    static func fileSection(_ request: Request, fileID: String, screenings: [StoredScreening], agencyName: [String: String]) -> Node<HTML.BodyContext> {
        let t = StaffPages.Text(language: request.staffLanguage)
        let language = request.staffLanguage
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        formatter.timeZone = TimeZone(identifier: "Asia/Tokyo")
        let mayScreen = request.staff.map { AccessPolicy.allows($0, .screen) } ?? false
        return .section(.h2(.text(t("Identification screenings", "識別のための判定"))),
            .if(screenings.isEmpty, .p(.text(t("No screening yet.", "判定はまだありません。")))),
            .forEach(screenings) { screening in
                .article(.h3(.text("\(formatter.string(from: screening.screenedAt)) — \(agencyName[screening.agency] ?? screening.agency)")),
                         outcomeSection(screening.result, language: language, heading: false))
            },
            .if(mayScreen, .p(.a(.href("/staff/screening?lang=\(language.rawValue)&file=\(fileID)"), .text(t("Screen this person", "この人を判定する"))))))
    }

    // MARK: The interview sheet


    static func sheet(_ request: Request, person: String, worker: CTIPCore.Language) -> Response {
        let w = worker.rawValue
        let t = StaffPages.Text(language: worker)
        let numbers = Dictionary(uniqueKeysWithValues: InterviewSheet.questions.enumerated().map { ($1.id, $0 + 1) })
        let sections: [Node<HTML.BodyContext>] = InterviewSheet.sections().map { section, questions in
            .section(
                .h2(.span(.attribute(named: "lang", value: person), .text(InterviewSheet.word("section.\(section.rawValue)", person))),
                    .if(person != w, .text(" / " + InterviewSheet.word("section.\(section.rawValue)", w)))),
                .table(
                    .thead(.tr(.th(.attribute(named: "scope", value: "col"), .text("#")),
                               .th(.attribute(named: "scope", value: "col"), .attribute(named: "lang", value: person), .text(HelpLanguages.endonym(person))),
                               .th(.attribute(named: "scope", value: "col"), .text(HelpLanguages.endonym(w))),
                               .th(.attribute(named: "scope", value: "col"), .attribute(named: "lang", value: person), .text(InterviewSheet.word("yes", person) + " / " + InterviewSheet.word("no", person))))),
                    .tbody(.forEach(questions) { question in
                        .tr(
                            .td(.class("number"), .text("\(numbers[question.id] ?? 0)")),
                            .td(.attribute(named: "lang", value: person), .text(InterviewSheet.text(question, person) ?? "")),
                            .td(.text(InterviewSheet.text(question, w) ?? ""), .span(.class("field"), .text("→ " + question.informs.formField))),
                            .td(.class("answer"), .attribute(named: "lang", value: person),
                                .text(["yes", "no", "unsure"].map { "☐ " + InterviewSheet.word($0, person) }.joined(separator: "  "))))
                    })))
        }
        let choices: [Node<HTML.SelectContext>] = [.attribute(named: "id", value: "lang"), .attribute(named: "name", value: "lang")]
            + InterviewSheet.languages.map { code in StaffPages.option(value: code, text: HelpLanguages.endonym(code), selected: code == person) }
        let workerChoices: [Node<HTML.SelectContext>] = [.attribute(named: "id", value: "worker"), .attribute(named: "name", value: "worker")]
            + CTIPCore.Language.allCases.map { language in
                StaffPages.option(value: language.rawValue, text: HelpLanguages.endonym(language.rawValue), selected: language == worker)
            }
        let frame = PageFrame(language: w, title: InterviewSheet.word("title", w) + " (\(person))", heading: nil, languages: [],
                              languagePath: "/staff/screening/sheet",
                              signedIn: request.staff.map { .init(staff: $0, csrfToken: request.csrfToken ?? "") }, bodyClass: "doc-sheet",
                              publicFooter: false)
        let html = frame.render([
                .h1(.span(.attribute(named: "lang", value: person), .text(InterviewSheet.word("title", person))),
                    .if(person != w, .text(" / " + InterviewSheet.word("title", w)))),
                .nav(.class("screen"), .attribute(named: "aria-label", value: t("Sheet language", "シートの言語")),
                     .form(.method(.get), .action("/staff/screening/sheet"),
                           .label(.for("lang"), .text(t("The person's language", "本人の言語"))),
                           .element(named: "select", nodes: choices),
                           .label(.for("worker"), .text(t("Your language", "職員の言語"))),
                           .element(named: "select", nodes: workerChoices),
                           .button(.type(.submit), .text(t("Show", "表示")))),
                     .p(.text(t("Print with your browser (Ctrl+P / ⌘P): the sheet fits A4. Record the answers in ",
                                "ブラウザの印刷機能（Ctrl+P / ⌘P）で A4 に印刷できます。回答は")),
                        .a(.href("/staff/screening?lang=\(w)"), .text(t("the screening form", "判定フォーム"))),
                        .text(t(".", "に記録してください。")))),
                .div(.class("intro"),
                     .p(.attribute(named: "lang", value: person), .text(InterviewSheet.word("intro", person))),
                     .if(person != w, .p(.text(InterviewSheet.word("intro", w))))),
                .group(sections),
        ])
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.add(name: .cacheControl, value: "no-store")
        headers.add(name: .contentLanguage, value: "\(person), \(w)")
        return Response(status: .ok, headers: headers, body: .init(string: html))
    }
}
