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
