import CTIPCore

/// The staff pages a member of staff may open, by what their role and agency may do (deny by default:
/// no permission, no link). One list for the header's navigation and the staff home's page list.
enum StaffNavigation {
    struct Destination: Equatable {
        let path: String
        /// The navigation's short name.
        let shortLabel: String
        /// The home page's longer description.
        let label: String
    }

    static func destinations(for staff: StaffIdentity, language: Language, includingHome: Bool = false) -> [Destination] {
        let t = StaffPages.Text(language: language)
        func allows(_ permission: Permission) -> Bool { AccessPolicy.allows(staff, permission) }
        var list: [Destination] = []
        func add(_ path: String, _ short: (String, String), _ long: (String, String)) {
            list.append(Destination(path: path, shortLabel: t(short.0, short.1), label: t(long.0, long.1)))
        }
        if includingHome { add("/staff", ("Work queue", "対応待ち"), ("What waits for you", "あなたの対応待ち")) }
        if allows(.viewCases) { add("/staff/victims", ("Victim files", "被害者ファイル"), ("Victim files", "被害者ファイル")) }
        if allows(.createVictimFile), !includingHome {
            add("/staff/victims/new", ("New file", "新規作成"), ("Open a new file", "新しいファイルを作成"))
        }
        if allows(.screen) { add("/staff/screening", ("Screening", "識別"), ("Identification screening", "被害者の識別（判定）")) }
        if allows(.answerReferrals) { add("/staff/referrals", ("Referrals", "照会"), ("Referrals to my agency", "自機関への照会")) }
        if allows(.recordSuspectsAndTrials) {
            add("/staff/cases", ("Cases", "事件"), ("Cleared cases, suspects and trials", "検挙事件・被疑者・裁判"))
        }
        if allows(.triageHotlineReports) {
            add("/staff/hotline", ("Hot lines", "通報"), ("Hot lines: triage", "通報：トリアージ"))
        } else if allows(.takeHotlineReports) {
            add("/staff/hotline/intake", ("Take a call", "電話受付"), ("Take a report by phone", "電話による通報の受付"))
        }
        if allows(.answerForwardedReports) {
            add("/staff/hotline/police", ("Forwarded tips", "送付された通報"), ("Tips forwarded to us", "県警に送付された通報"))
        }
        if allows(.receiveInternetReports) {
            add("/staff/hotline/police/internet", ("Internet content", "インターネット上の情報"),
                ("Internet content reported to the police", "警察に通報されたインターネット上の情報"))
        }
        if allows(.viewOversight) {
            add("/staff/oversight", ("Oversight", "監督"), ("Programme oversight: registry, inspection plan, figures", "技能実習等の監督：機関、検査計画、統計"))
        }
        if allows(.viewMeasures) {
            add("/staff/measures", ("Measures", "施策の記録"),
                ("Registers of the measures: materials, trainings, funding, agreements, consultations", "施策の記録：啓発資料・研修・拠出・条約・相談件数"))
        }
        if allows(.manageReport) || allows(.contributeToReport) {
            add("/staff/annual-report", ("Annual report", "年次報告"),
                (allows(.manageReport) ? "The annual report: requests, review, check, approval and publication" : "Your ministry's part of the annual report",
                 allows(.manageReport) ? "年次報告：依頼・確認・点検・承認・公表" : "年次報告の自府省庁の投稿"))
        }
        if allows(.viewStatistics) { add("/reports", ("Statistics", "統計"), ("Statistics (annual report)", "統計（年次報告）")) }
        if allows(.manageAccounts) { add("/staff/accounts", ("Accounts", "アカウント"), ("Staff accounts", "職員アカウント")) }
        if allows(.manageDirectory) {
            add("/staff/directory", ("Directory", "相談窓口"), ("Directory of consultation services", "相談窓口一覧"))
        }
        if allows(.viewAudit) { add("/staff/audit", ("Audit trail", "監査ログ"), ("Audit trail", "監査ログ")) }
        return list
    }
}
