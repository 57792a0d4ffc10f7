/// Which organisations are due for an OTIT inspection, overdue first, and within that in order of risk
/// with each reason shown — "take the lead in uncovering suspected cases of labor trafficking" (seed
/// 3 (3) i)), as ILO's LIFT inspection tool asks: inspect where the signs are.
public enum InspectionPlan {
    /// What the records say of one organisation, as the plan weighs it.
    public struct Facts: Sendable, Equatable {
        public let organisationID: String
        public let name: String?
        public let kind: OrganisationKind
        public let prefecture: String?
        /// The day its licence (supervising) or registration took effect; for a first inspection.
        public let licensedOn: Day?
        public let lastInspection: Day?
        /// Inspections with a violation in the three years before the plan's day.
        public let recentViolations: Int
        /// Findings that may be trafficking (`InspectionFinding.isTraffickingIndicator`), ever, and the
        /// day of the last inspection that made one.
        public let indicatorFindings: Int
        public let lastIndicatorFinding: Day?
        /// Orders whose improvement report has not been accepted.
        public let openOrders: Int
        /// Of those, the ones past their due date.
        public let lateReports: Int
        /// Signs pointing at it in the year before the plan's day, by kind (a disappearance of three
        /// trainees counts three).
        public let signals: [OversightSignalKind: Int]
        /// The earliest open request of a labour bureau for a joint inspection, and who asked.
        public let jointInspectionRequested: (on: Day, by: String)?

        public init(organisationID: String, name: String?, kind: OrganisationKind, prefecture: String?, licensedOn: Day?, lastInspection: Day?,
                    recentViolations: Int, indicatorFindings: Int, lastIndicatorFinding: Day? = nil, openOrders: Int, lateReports: Int,
                    signals: [OversightSignalKind: Int] = [:], jointInspectionRequested: (on: Day, by: String)? = nil) {
            self.organisationID = organisationID; self.name = name; self.kind = kind; self.prefecture = prefecture; self.licensedOn = licensedOn
            self.lastInspection = lastInspection; self.recentViolations = recentViolations; self.indicatorFindings = indicatorFindings
            self.lastIndicatorFinding = lastIndicatorFinding
            self.openOrders = openOrders; self.lateReports = lateReports
            self.signals = signals; self.jointInspectionRequested = jointInspectionRequested
        }

        public static func == (a: Facts, b: Facts) -> Bool {
            a.organisationID == b.organisationID && a.name == b.name && a.kind == b.kind && a.prefecture == b.prefecture
                && a.licensedOn == b.licensedOn && a.lastInspection == b.lastInspection && a.recentViolations == b.recentViolations
                && a.indicatorFindings == b.indicatorFindings && a.lastIndicatorFinding == b.lastIndicatorFinding && a.openOrders == b.openOrders
                && a.lateReports == b.lateReports && a.signals == b.signals
                && a.jointInspectionRequested?.on == b.jointInspectionRequested?.on && a.jointInspectionRequested?.by == b.jointInspectionRequested?.by
        }
    }

    public enum Reason: Sendable, Equatable {
        case neverInspected
        case overdue(days: Int)
        case recentViolations(Int)
        case traffickingIndicators(Int)
        case openOrders(Int)
        case lateReports(Int)
        case signals(OversightSignalKind, Int)
        case jointInspectionRequested(by: String, on: Day)

        public var text: (en: String, ja: String) {
            switch self {
            case .neverInspected: ("never inspected", "未検査")
            case .overdue(let days): ("\(days) days overdue", "\(days)日超過")
            case .recentViolations(let count): ("\(count) violation\(count == 1 ? "" : "s") in three years", "3年以内の違反 \(count)件")
            case .traffickingIndicators(let count): ("\(count) finding\(count == 1 ? "" : "s") that may be trafficking", "人身取引が疑われる指摘 \(count)件")
            case .openOrders(let count): ("\(count) order\(count == 1 ? "" : "s") not yet resolved", "未了の命令・勧告 \(count)件")
            case .lateReports(let count): ("\(count) improvement report\(count == 1 ? "" : "s") late", "改善報告の遅延 \(count)件")
            case .signals(let kind, let count): ("\(count) × \(kind.label.en) in the last year", "過去1年の\(kind.label.ja) \(count)件")
            case .jointInspectionRequested(let by, let on): ("joint inspection requested by \(by) on \(on)", "\(by) が \(on) に合同検査を要請")
            }
        }
    }

    public struct Entry: Sendable, Equatable {
        public let facts: Facts
        /// When the next inspection is (was) due.
        public let due: Day?
        public let overdue: Bool
        public let risk: Int
        public let reasons: [Reason]
    }

    /// A finding that may be trafficking calls for a follow-up inspection within this many days, whatever
    /// the regular interval.
    public static let followUpDays = 90

    /// The OTIT inspects supervising organisations about once a year and implementing organisations
    /// about once every three years (seed 3 (3) i)).
    public static func interval(for kind: OrganisationKind) -> Int? {
        switch kind {
        case .supervising: 365
        case .implementing: 3 * 365
        default: nil
        }
    }

    /// Due within `horizon` days of `today` (or already), overdue first, then by risk, then the longest overdue.
    public static func plan(_ organisations: [Facts], on today: Day, horizon: Int = 30) -> [Entry] {
        var entries: [Entry] = []
        for facts in organisations {
            guard let interval = interval(for: facts.kind) else { continue }
            let regular = facts.lastInspection.map { $0.adding(days: interval) } ?? facts.licensedOn
            let followUp = facts.lastIndicatorFinding.map { $0.adding(days: followUpDays) }
            let due = [regular, followUp, facts.jointInspectionRequested?.on].compactMap { $0 }.min() ?? regular
            if let due, due > today.adding(days: horizon) { continue }
            var reasons: [Reason] = []
            var risk = 0
            let overdueDays = due.map { today.daysSinceEpoch - $0.daysSinceEpoch } ?? 0
            if facts.lastInspection == nil { reasons.append(.neverInspected); risk += 2 }
            if overdueDays > 0 { reasons.append(.overdue(days: overdueDays)); risk += min(overdueDays / 90, 3) }
            // A finding that may be trafficking outweighs everything else the records show.
            if facts.indicatorFindings > 0 { reasons.append(.traffickingIndicators(facts.indicatorFindings)); risk += 12 * facts.indicatorFindings }
            if facts.recentViolations > 0 { reasons.append(.recentViolations(facts.recentViolations)); risk += 2 * facts.recentViolations }
            if facts.openOrders > 0 { reasons.append(.openOrders(facts.openOrders)); risk += 2 * facts.openOrders }
            if facts.lateReports > 0 { reasons.append(.lateReports(facts.lateReports)); risk += 3 * facts.lateReports }
            for kind in OversightSignalKind.allCases {
                guard let count = facts.signals[kind], count > 0 else { continue }
                reasons.append(.signals(kind, count))
                // However many, signs of one kind never outweigh a finding that may be trafficking.
                risk += min(kind.weight * count, 10)
            }
            if let request = facts.jointInspectionRequested {
                reasons.append(.jointInspectionRequested(by: request.by, on: request.on)); risk += 8
            }
            entries.append(Entry(facts: facts, due: due, overdue: overdueDays > 0 || facts.lastInspection == nil, risk: risk, reasons: reasons))
        }
        return entries.sorted { a, b in
            if a.overdue != b.overdue { return a.overdue }
            if a.risk != b.risk { return a.risk > b.risk }
            return (a.due ?? Day(year: 1, month: 1, day: 1)!, a.facts.organisationID) < (b.due ?? Day(year: 1, month: 1, day: 1)!, b.facts.organisationID)
        }
    }
}
