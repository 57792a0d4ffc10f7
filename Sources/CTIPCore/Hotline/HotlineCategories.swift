import Foundation

/// What a report to the Anonymous-Reporting Hot Line is about (seed, section 4 (1)). The raw values are
/// a contract of `POST /api/public/tips`.
public enum TipCategory: String, CaseIterable, Sendable, Codable {
    /// Trafficking in persons and the offenses related to it.
    case trafficking
    case childWelfare = "child_welfare"
    case childAbuse = "child_abuse"
    case other
}

/// What a report to the Internet Hotline Center is about (seed, section 4 (6)). The raw values are a
/// contract of `POST /api/public/internet-reports`.
public enum InternetCategory: String, CaseIterable, Sendable, Codable {
    case prostitutionInducement = "prostitution_inducement"
    /// Public display of child sexual abuse material.
    case csam
    /// Since February 2023: contracting trafficking in persons, organ trafficking, kidnapping, arrest and confinement.
    case graveCrime = "grave_crime"
    case otherIllegal = "other_illegal"
    /// Harmful but not illegal: no police report, only a request to the site under its own terms.
    case harmful

    /// Whether content judged to be in this category goes to the police.
    public var isIllegal: Bool { self != .harmful }
}

/// How soon a tip must be acted on. Danger to life sorts first and alerts at once.
public enum TipUrgency: String, CaseIterable, Sendable, Codable, Comparable {
    case dangerToLife = "danger_to_life"
    case high
    case normal

    public static func < (left: TipUrgency, right: TipUrgency) -> Bool { left.rank < right.rank }
    var rank: Int { TipUrgency.allCases.firstIndex(of: self)! }
}

/// Where a tip is in its life: received → triaged → forwarded → acknowledged → closed; or merged into another.
public enum TipStatus: String, CaseIterable, Sendable, Codable {
    case received, triaged, forwarded, acknowledged, closed, merged
}

/// What the prefectural police recorded for a forwarded tip.
public enum PoliceOutcome: String, CaseIterable, Sendable, Codable {
    case investigating
    case caseCleared = "case_cleared"
    case victimProtected = "victim_protected"
    case noFurtherAction = "no_further_action"

    /// Outcomes that end the police's work on the tip (and start its retention period).
    public var isFinal: Bool { self != .investigating }
}

/// Why a reward is paid: how the report contributed (seed: "depending on the value of contribution
/// which clears the case and protects victims").
public enum RewardContribution: String, CaseIterable, Sendable, Codable {
    case caseCleared = "case_cleared"
    case victimProtected = "victim_protected"
    case both
}

/// The reward of one tip: none yet; decided by a supervisor; claimed by the reporter; paid.
public enum RewardState: String, CaseIterable, Sendable, Codable {
    case none, decided, claimed, paid, refused
}

/// An analyst's judgement of reported internet content.
public enum InternetJudgement: String, CaseIterable, Sendable, Codable {
    case pending
    case illegal
    case harmful
    case notIllegal = "not_illegal"
}

/// A deletion request's life: requested → deleted, or not deleted; a deleted item that comes back is re-appeared.
public enum DeletionState: String, CaseIterable, Sendable, Codable {
    case none, requested, deleted
    case notDeleted = "not_deleted"
    case reappeared
}

/// How a report came in.
public enum ReportChannel: String, CaseIterable, Sendable, Codable {
    case web, phone
}

// MARK: Labels for the hot lines' staff pages (short words of the offices; the reporters' longer
// descriptions of the categories are the public pages' own).

extension TipCategory {
    public var label: CodeLabel {
        switch self {
        case .trafficking: CodeLabel(code: rawValue, en: "trafficking in persons", ja: "人身取引")
        case .childWelfare: CodeLabel(code: rawValue, en: "child welfare crime", ja: "福祉犯")
        case .childAbuse: CodeLabel(code: rawValue, en: "child abuse", ja: "児童虐待")
        case .other: CodeLabel(code: rawValue, en: "other", ja: "その他")
        }
    }
}

extension InternetCategory {
    public var label: CodeLabel {
        switch self {
        case .prostitutionInducement: CodeLabel(code: rawValue, en: "inducement to prostitution", ja: "売春の勧誘")
        case .csam: CodeLabel(code: rawValue, en: "child sexual abuse material", ja: "児童ポルノの公然陳列")
        case .graveCrime: CodeLabel(code: rawValue, en: "offer to commit a grave crime", ja: "重要犯罪の請負")
        case .otherIllegal: CodeLabel(code: rawValue, en: "other illegal information", ja: "その他の違法情報")
        case .harmful: CodeLabel(code: rawValue, en: "harmful information", ja: "有害情報")
        }
    }
}

extension TipUrgency {
    public var label: CodeLabel {
        switch self {
        case .dangerToLife: CodeLabel(code: rawValue, en: "danger to life", ja: "生命の危険")
        case .high: CodeLabel(code: rawValue, en: "high", ja: "高")
        case .normal: CodeLabel(code: rawValue, en: "normal", ja: "通常")
        }
    }
}

extension TipStatus {
    public var label: CodeLabel {
        switch self {
        case .received: CodeLabel(code: rawValue, en: "received", ja: "受付")
        case .triaged: CodeLabel(code: rawValue, en: "triaged", ja: "分析済み")
        case .forwarded: CodeLabel(code: rawValue, en: "forwarded", ja: "県警へ送付済み")
        case .acknowledged: CodeLabel(code: rawValue, en: "acknowledged", ja: "県警が受理")
        case .closed: CodeLabel(code: rawValue, en: "closed", ja: "終結")
        case .merged: CodeLabel(code: rawValue, en: "merged", ja: "統合済み")
        }
    }
}

extension PoliceOutcome {
    public var label: CodeLabel {
        switch self {
        case .investigating: CodeLabel(code: rawValue, en: "investigating", ja: "捜査中")
        case .caseCleared: CodeLabel(code: rawValue, en: "case cleared", ja: "検挙")
        case .victimProtected: CodeLabel(code: rawValue, en: "victim protected", ja: "被害者保護")
        case .noFurtherAction: CodeLabel(code: rawValue, en: "no further action", ja: "措置なし")
        }
    }
}

extension RewardContribution {
    public var label: CodeLabel {
        switch self {
        case .caseCleared: CodeLabel(code: rawValue, en: "case cleared", ja: "検挙への貢献")
        case .victimProtected: CodeLabel(code: rawValue, en: "victim protected", ja: "被害者保護への貢献")
        case .both: CodeLabel(code: rawValue, en: "both", ja: "検挙及び被害者保護への貢献")
        }
    }
}

extension RewardState {
    public var label: CodeLabel {
        switch self {
        case .none: CodeLabel(code: rawValue, en: "none", ja: "なし")
        case .decided: CodeLabel(code: rawValue, en: "decided", ja: "支払決定")
        case .claimed: CodeLabel(code: rawValue, en: "claimed", ja: "請求済み")
        case .paid: CodeLabel(code: rawValue, en: "paid", ja: "支払済み")
        case .refused: CodeLabel(code: rawValue, en: "refused", ja: "不支給")
        }
    }
}

extension InternetJudgement {
    public var label: CodeLabel {
        switch self {
        case .pending: CodeLabel(code: rawValue, en: "pending", ja: "判断待ち")
        case .illegal: CodeLabel(code: rawValue, en: "illegal", ja: "違法情報")
        case .harmful: CodeLabel(code: rawValue, en: "harmful", ja: "有害情報")
        case .notIllegal: CodeLabel(code: rawValue, en: "not illegal", ja: "違法情報に該当せず")
        }
    }
}

extension DeletionState {
    public var label: CodeLabel {
        switch self {
        case .none: CodeLabel(code: rawValue, en: "none", ja: "なし")
        case .requested: CodeLabel(code: rawValue, en: "requested", ja: "削除依頼済み")
        case .deleted: CodeLabel(code: rawValue, en: "deleted", ja: "削除済み")
        case .notDeleted: CodeLabel(code: rawValue, en: "not deleted", ja: "削除されず")
        case .reappeared: CodeLabel(code: rawValue, en: "re-appeared", ja: "再掲載")
        }
    }
}

extension ReportChannel {
    public var label: CodeLabel {
        switch self {
        case .web: CodeLabel(code: rawValue, en: "web", ja: "ウェブ")
        case .phone: CodeLabel(code: rawValue, en: "phone", ja: "電話")
        }
    }
}
