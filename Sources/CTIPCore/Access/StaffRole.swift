/// What a member of staff does, which decides what they may do (`AccessPolicy`). An agency decides
/// whose files they may see; the role decides what within them.
public enum StaffRole: String, CaseIterable, Codable, Sendable, Comparable {
    /// Records first contact and screening; sees the files of their own agency, never a whereabouts.
    case intake
    /// Works the files of their agency: timeline, referrals, suspects and trials.
    case caseWorker = "case_worker"
    /// A case worker who may also override a missing consent where the law requires it.
    case supervisor
    /// Aggregate statistics only, never a person.
    case analyst
    /// Reads and exports the audit trail; no personal data.
    case auditor
    /// Manages accounts and the directories; no personal data.
    case administrator
    /// Writes their ministry's part of the annual report and keeps its registers of the measures
    /// (materials, trainings, funding, …); no personal data.
    case contributor
    /// The Council's secretariat (in the Cabinet Secretariat): requests the ministries' contributions to
    /// the annual report, reviews, returns or accepts them, keeps the outline and publishes; no personal data.
    case secretariat

    public var label: CodeLabel {
        switch self {
        case .intake: CodeLabel(code: rawValue, en: "Intake", ja: "受付")
        case .caseWorker: CodeLabel(code: rawValue, en: "Case worker", ja: "ケースワーカー")
        case .supervisor: CodeLabel(code: rawValue, en: "Supervisor", ja: "監督者")
        case .analyst: CodeLabel(code: rawValue, en: "Analyst", ja: "分析担当")
        case .auditor: CodeLabel(code: rawValue, en: "Auditor", ja: "監査担当")
        case .administrator: CodeLabel(code: rawValue, en: "Administrator", ja: "管理者")
        case .contributor: CodeLabel(code: rawValue, en: "Report contributor", ja: "報告担当")
        case .secretariat: CodeLabel(code: rawValue, en: "Council secretariat", ja: "推進会議事務局")
        }
    }

    public static func < (lhs: StaffRole, rhs: StaffRole) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
