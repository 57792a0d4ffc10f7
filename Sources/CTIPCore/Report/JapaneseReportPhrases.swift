/// The report in the style of Japanese government statistics: 「66人（前年比5人増）」, 「（前年同数）」, 「約9割」.
struct JapaneseReportPhrases: ReportPhrases {
    func title(_ report: AnnualReport) -> String {
        "人身取引対策に関する取組について（\(report.year)年の統計、\(report.approvedIn)年承認の年次報告）"
    }
    let sectionHeading = "2 人身取引の実態把握の徹底"
    let incidenceHeading = "(1) 我が国における人身取引の発生状況"
    let victimsHeading = "ア 人身取引被害者に関するデータ"
    let suspectsHeading = "イ 人身取引事犯の被疑者に関するデータ"
    let offenseColumn = "罪名"
    let resultColumn = "裁判結果"
    let yearColumn = "年"
    let countColumn = "人数"
    let nationalityColumn = "国籍・地域"
    let statusColumn = "在留資格"
    let victimsSeries = "被害者数"
    let casesSeries = "検挙件数"
    let suspectsSeries = "検挙人員"

    // MARK: - ア 被害者

    func victimItems(_ report: AnnualReport) -> [[String]] {
        let v = report.victims, year = report.year
        var items: [[String]] = []
        var first = ["\(year)年に保護された人身取引被害者は\(people(v.total))であった。"]
        if !v.bySex.isEmpty { first.append("性別は、\(partList(v.bySex, unit: "人"))であった。") }
        items.append(first)
        if v.total.count > 0 {
            var nationality: [String] = []
            if v.japanese.count == v.total.count {
                nationality.append("国籍・地域別では、全員が日本人であった。")
            } else {
                let share = v.japanese.count > 0 ? "で、全体の\(approximately(v.japaneseSharePercent ?? 0))を占めた" : ""
                nationality.append("国籍・地域別では、日本人が\(people(v.japanese))\(share)。")
            }
            if v.foreign.count > 0 {
                nationality.append("日本人以外の被害者\(v.foreign.count)人の国籍は、\(partList(v.foreignByNationality, unit: "人"))であった。")
            }
            items.append(nationality)
        }
        var status: [String] = []
        if v.foreign.count > 0 {
            status.append("外国人被害者\(v.foreign.count)人の在留資格は、\(partList(v.foreignByResidenceStatus.map { $0.quoted }, unit: "人"))であった。")
        }
        let isa = v.immigrationProtection
        var isaSentence = "\(year)年に出入国在留管理庁が保護した外国人被害者は\(isa.protected)人であった。"
        if isa.protected > 0 {
            let held = isa.withStatusOfResidence == isa.protected ? "全員が在留資格を有しており" : "\(isa.withStatusOfResidence)人が在留資格を有しており"
            let changed = isa.permittedToChangeStatus == isa.protected ? "全員が在留資格の変更を許可された" : "\(isa.permittedToChangeStatus)人が在留資格の変更を許可された"
            isaSentence += "これらの被害者のうち、\(held)、\(changed)。"
        }
        status.append(isaSentence)
        items.append(status)
        if v.total.count > 0 {
            var minors = ["被害者\(v.total.count)人のうち、18歳未満の者は\(people(v.minors))であった。"]
            if v.minors.count > 0 {
                if v.minorsByNationality.count == 1, let only = v.minorsByNationality.first {
                    minors.append("国籍・地域別では、全員が\(only.code == "JPN" ? "日本人" : only.label)であった。")
                } else {
                    minors.append("国籍・地域別では、\(partList(v.minorsByNationality.map { $0.withoutComparison }, unit: "人"))であった。")
                }
            }
            items.append(minors)
        }
        if !v.byExploitation.isEmpty { items.append(["搾取形態別では、\(partList(v.byExploitation, unit: "人"))であった。"]) }
        items.append(["\(year)年に人身取引被害者として女性相談支援センターで一時保護された者は\(v.womenSupportCenterProtection.count)人であった。"])
        items.append(["\(year)年には、国際移住機関（IOM）の支援により外国人被害者\(v.iomVoluntaryReturns.count)人が自主的に帰国した。"])
        return items
    }

    // MARK: - イ 被疑者

    func suspectItems(_ report: AnnualReport) -> [[String]] {
        let s = report.suspects, year = report.year
        var items: [[String]] = []
        var first = ["\(year)年に我が国が保護した人身取引被害者に係る人身取引事犯の検挙件数は\(count(s.clearedCases, unit: "件"))、検挙人員は\(people(s.arrested))であった。"]
        if !s.bySex.isEmpty { first.append("被疑者の性別は、\(partList(s.bySex, unit: "人"))であった。") }
        items.append(first)
        if s.arrested.count > 0 {
            if s.byNationality.count == 1, let only = s.byNationality.first {
                items.append(["国籍・地域別では、全員が\(only.code == "JPN" ? "日本人" : only.label)であった。"])
            } else {
                items.append(["国籍・地域別では、\(partList(s.byNationality, unit: "人"))であった。"])
            }
        }
        items.append(["ブローカーは\(people(s.brokers))、暴力団構成員等は\(people(s.organizedCrime))であった。"])
        var punishment = "処分状況は、起訴（家庭裁判所送致を含む。以下同じ。）が\(s.prosecuted)人"
        if s.notProsecuted > 0 {
            punishment += "、\(s.notProsecutedForEvidence > 0 ? "証拠上の問題等による" : "")不起訴が\(s.notProsecuted)人"
        }
        punishment += "であった。"
        if s.prosecuted > 0 {
            punishment += "起訴された\(s.prosecuted)人のうち、\(outcomes(s.outcomes, pending: "公判中である"))（\(date(report.asOf))現在）。"
        }
        if s.undecided > 0 { punishment += "このほか\(s.undecided)人は処分未定である（\(date(report.asOf))現在）。" }
        items.append([punishment])
        items.append(["\(year)年に出入国在留管理庁が退去強制令書を発付した加害者は\(s.deportationOrders.count)人であった。"])
        return items
    }

    func carryOver(_ group: AnnualReport.CarryOverGroup, position: Int, report: AnnualReport) -> String {
        var who = "\(group.firstReportedIn)年に承認された年次報告において公判中とされ"
        if let still = group.stillAwaitingIn { who += "、\(still)年に承認された年次報告においても引き続き公判中とされ" }
        let body = group.persons == 1
            ? "\(who)た1人は、\(outcomes(group.outcomes, pending: "引き続き公判中である"))"
            : "\(who)た\(group.persons)人のうち、\(outcomes(group.outcomes, pending: "引き続き公判中である"))"
        let sentence = "\(body)（\(date(report.asOf))現在）。"
        switch position {
        case 0: return "なお、" + sentence
        case 1: return sentence
        default: return "また、" + sentence
        }
    }

    /// 「35人は有罪判決を受け、12人は公判中である」
    private func outcomes(_ outcomes: AnnualReport.Outcomes, pending: String) -> String {
        let kinds: [(Int, String)] = [
            (outcomes.guilty, "有罪判決を受け"), (outcomes.notGuilty, "無罪判決を受け"), (outcomes.dismissed, "公訴棄却とされ"),
            (outcomes.protectiveMeasure, "保護処分を受け"), (outcomes.pending, pending),
        ]
        let present = kinds.filter { $0.0 > 0 }
        if outcomes.total == 1, let only = present.first { return finished(only.1) }
        if present.count == 1, let only = present.first { return "全員が\(finished(only.1))" }
        let clauses = present.map { "\($0.0)人は\($0.1)" }
        return clauses.dropLast().joined(separator: "、") + "、" + finished(clauses.last!)
    }

    /// Ends a clause as a sentence: 「有罪判決を受け」→「有罪判決を受けた」.
    private func finished(_ clause: String) -> String { clause.hasSuffix("である") ? clause : clause + "た" }

    // MARK: - Tables and figures

    func tableCaption(_ table: AnnualReport.TrialTable, report: AnnualReport) -> String {
        let asOf = "（\(date(report.asOf))現在）"
        switch table.kind {
        case .prosecuted:
            return "起訴された\(table.rows.count)人の罪名及び裁判結果\(asOf)"
        case .carryOver:
            var who = "\(table.firstReportedIn ?? report.year)年の年次報告において公判中とされ"
            if let still = table.stillAwaitingIn { who += "、\(still)年の年次報告においても引き続き公判中とされ" }
            return "\(who)た\(table.rows.count)人の罪名及び裁判結果\(asOf)"
        }
    }

    func victimTrendCaption(_ years: ClosedRange<Int>) -> String { "人身取引被害者数の推移（\(years.lowerBound)年～\(years.upperBound)年）" }
    func clearanceTrendCaption(_ years: ClosedRange<Int>) -> String { "人身取引事犯の検挙件数及び検挙人員の推移（\(years.lowerBound)年～\(years.upperBound)年）" }
    func victimNationalityCaption(_ count: Int) -> String { "被害者\(count)人の国籍・地域" }
    func residenceStatusCaption(_ count: Int) -> String { "外国人被害者\(count)人の在留資格" }
    func suspectNationalityCaption(_ count: Int) -> String { "被疑者\(count)人の国籍・地域" }

    // MARK: - Notices

    func noRecords(_ year: Int) -> String { "\(year)年の事案単位の記録がないため、ア、イ及び表2以降は作成できない。推移の図は把握できる範囲で示す。" }
    func noPreviousYear(_ year: Int) -> String { "\(year)年の記録及び公表値がないため、前年との比較は行わない。" }
    func previousFromHistory(_ year: Int) -> String { "\(year)年は公表された年間合計のみが把握されているため、合計のみ前年と比較し、内訳は比較しない。" }
    func cutOffBeforeYearEnd(_ asOf: Day, _ year: Int) -> String {
        "基準日（\(date(asOf))）が\(year)年末より前であるため、基準日後の処分及び判決は未定又は公判中として計上している。"
    }
    func historyDiffers(_ year: Int) -> String { "\(year)年の事案単位の記録は公表された年間合計（history.csv）と一致しない。記録の値を用いている。" }
    func undecided(_ count: Int, _ asOf: Day) -> String { "検挙された被疑者のうち\(count)人は、\(date(asOf))現在、処分が決定していない。" }
    func unknownAges(_ count: Int) -> String { "被害者\(count)人は年齢が記録されていないため、18歳未満の者として計上していない。" }

    // MARK: - Words

    /// 「66人（前年比5人増）」
    private func people(_ value: AnnualReport.Compared) -> String { count(value, unit: "人") }

    private func count(_ value: AnnualReport.Compared, unit: String) -> String {
        "\(Numerals.grouped(value.count))\(unit)\(change(value, unit: unit))"
    }

    private func change(_ value: AnnualReport.Compared, unit: String) -> String {
        guard let change = value.change else { return "" }
        if change == 0 { return "（前年同数）" }
        return "（前年比\(Numerals.grouped(abs(change)))\(unit)\(change > 0 ? "増" : "減")）"
    }

    /// 「女性が57人（前年比6人増）、男性が9人（前年比1人減）」
    private func partList(_ parts: [AnnualReport.Part], unit: String) -> String {
        parts.map { "\($0.code == "JPN" ? "日本人" : $0.label)が\(count($0.compared, unit: unit))" }.joined(separator: "、")
    }

    /// Shares in tenths, as 「約9割」.
    private func approximately(_ percent: Double) -> String {
        let tenths = Int((percent / 10).rounded())
        if (tenths == 0 || tenths == 10) && percent != 0 && percent != 100 { return "約\(Int(percent.rounded()))%" }
        return tenths == 10 ? "全て" : "約\(tenths)割"
    }

    /// 「2025年3月31日」
    private func date(_ day: Day) -> String { "\(day.year)年\(day.month)月\(day.day)日" }
}

extension AnnualReport.Part {
    /// A status of residence as Japanese statistics quote it: 「興行」.
    var quoted: AnnualReport.Part { .init(code: code, label: "「\(label)」", count: count, previous: previous) }
}
