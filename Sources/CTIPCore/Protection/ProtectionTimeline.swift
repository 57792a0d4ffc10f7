/// The protection process of one victim (the seed's Figures 23, 28 and 30) as a timeline of dated
/// steps, each by a responsible agency. The rules say which step may follow which; the support events
/// of the annual report are derived from the timeline, so statistics and case work agree by construction.
public enum ProtectionStep: String, CaseIterable, Sendable, Codable {
    case identification
    case counseling
    case protectionRequested = "protection_requested"
    case womenSupportCenterProtection = "women_support_center_protection"
    case privateShelter = "private_shelter"
    case mojTemporaryAccommodation = "moj_temporary_accommodation"
    case periodOfStayExtended = "period_of_stay_extended"
    case residenceStatusChanged = "residence_status_changed"
    case specialPermissionToStay = "special_permission_to_stay"
    case legalAid = "legal_aid"
    case investigationInformation = "investigation_information"
    case videoLinkTestimony = "video_link_testimony"
    case iomVoluntaryReturn = "iom_voluntary_return"
    case reintegrationSupport = "reintegration_support"
    case monitoring

    /// Where the step stands among the steps of one day: after every step it requires (the cases are
    /// declared in that order).
    public var order: Int { Self.allCases.firstIndex(of: self)! }

    /// Steps that must already be on the timeline, at an earlier or the same date.
    public var requires: [ProtectionStep] {
        switch self {
        case .identification: return []
        case .counseling, .protectionRequested, .legalAid, .investigationInformation, .videoLinkTestimony,
             .periodOfStayExtended, .residenceStatusChanged, .specialPermissionToStay, .iomVoluntaryReturn, .monitoring:
            return [.identification]
        case .womenSupportCenterProtection, .privateShelter, .mojTemporaryAccommodation: return [.protectionRequested]
        case .reintegrationSupport: return [.iomVoluntaryReturn]
        }
    }

    /// Steps only for a foreign national.
    var foreignOnly: Bool {
        [.periodOfStayExtended, .residenceStatusChanged, .specialPermissionToStay, .iomVoluntaryReturn, .reintegrationSupport].contains(self)
    }

    /// Steps that happen in Japan, so not after the person has returned home.
    var inJapan: Bool { ![.reintegrationSupport, .monitoring, .iomVoluntaryReturn].contains(self) }

    /// Agencies that may record the step; empty means any. (Codes beyond the bundle's `protected_by`
    /// list — `moj_human_rights`, `houterasu`, `iom` — anticipate the agency directory of case work.)
    var responsibleAgencies: Set<String> {
        switch self {
        case .periodOfStayExtended, .residenceStatusChanged, .specialPermissionToStay: return ["immigration"]
        case .womenSupportCenterProtection: return ["women_support_center"]
        case .mojTemporaryAccommodation: return ["moj_human_rights"]
        case .legalAid: return ["houterasu"]
        case .iomVoluntaryReturn, .reintegrationSupport: return ["iom"]
        default: return []
        }
    }

    /// The report's support event this step is (bundle.md's `support.csv`), if any.
    public var supportEvent: String? {
        switch self {
        case .womenSupportCenterProtection: return "wcsc_temporary_protection"
        case .privateShelter: return "private_shelter"
        case .mojTemporaryAccommodation: return "moj_temporary_accommodation"
        case .periodOfStayExtended: return "period_of_stay_extended"
        case .residenceStatusChanged: return "residence_status_change_permitted"
        case .specialPermissionToStay: return "special_permission_to_stay"
        case .legalAid: return "legal_aid"
        case .iomVoluntaryReturn: return "iom_voluntary_return"
        case .reintegrationSupport: return "iom_reintegration_support"
        case .identification, .counseling, .protectionRequested, .investigationInformation, .videoLinkTestimony, .monitoring: return nil
        }
    }
}

public struct TimelineEntry: Sendable, Equatable, Codable {
    public var step: ProtectionStep
    public var on: Day
    /// The responsible agency's code.
    public var agency: String
    public init(step: ProtectionStep, on: Day, agency: String) { self.step = step; self.on = on; self.agency = agency }
}

/// Why a step cannot be added; each names the field it is about.
public enum TimelineViolation: Error, Equatable, Sendable {
    case duplicateIdentification
    case missingPrerequisite(step: ProtectionStep, requires: ProtectionStep)
    case beforePrerequisite(step: ProtectionStep, requires: ProtectionStep, on: Day)
    case foreignNationalsOnly(ProtectionStep)
    case afterReturnHome(ProtectionStep, returnedOn: Day)
    case agencyNotResponsible(ProtectionStep, agency: String)

    public var field: String {
        switch self {
        case .beforePrerequisite, .afterReturnHome: return "on"
        case .agencyNotResponsible: return "agency"
        default: return "step"
        }
    }

    /// Why the step was refused, for the person recording it.
    public func explanation(_ language: Language) -> String {
        let (en, ja): (String, String) = switch self {
        case .duplicateIdentification: ("the person has already been identified", "この方は既に被害者として認知されています")
        case .missingPrerequisite(let step, let requires):
            ("\(step.rawValue) needs \(requires.rawValue) first", "\(step.rawValue) の前に \(requires.rawValue) が必要です")
        case .beforePrerequisite(let step, let requires, let on):
            ("\(step.rawValue) cannot be before \(requires.rawValue) (\(on))", "\(step.rawValue) を \(requires.rawValue)（\(on)）より前にはできません")
        case .foreignNationalsOnly(let step): ("\(step.rawValue) is only for a foreign national", "\(step.rawValue) は外国籍の方だけが対象です")
        case .afterReturnHome(let step, let on):
            ("\(step.rawValue) cannot follow the return home on \(on)", "\(step.rawValue) は \(on) の帰国の後には記録できません")
        case .agencyNotResponsible(let step, let agency):
            ("\(step.rawValue) is not recorded by a \(agency) agency", "\(step.rawValue) は \(agency) の機関が記録するものではありません")
        }
        return language == .ja ? ja : en
    }
}

public struct ProtectionTimeline: Sendable, Equatable, Codable {
    public private(set) var entries: [TimelineEntry] = []
    public let foreignNational: Bool

    public init(foreignNational: Bool) { self.foreignNational = foreignNational }

    /// Adds a step if the rules allow it; otherwise throws and leaves the timeline as it was.
    public mutating func add(_ entry: TimelineEntry) throws {
        if entry.step == .identification, entries.contains(where: { $0.step == .identification }) { throw TimelineViolation.duplicateIdentification }
        if entry.step.foreignOnly && !foreignNational { throw TimelineViolation.foreignNationalsOnly(entry.step) }
        for required in entry.step.requires {
            guard let earliest = entries.filter({ $0.step == required }).map(\.on).min() else {
                throw TimelineViolation.missingPrerequisite(step: entry.step, requires: required)
            }
            if entry.on < earliest { throw TimelineViolation.beforePrerequisite(step: entry.step, requires: required, on: earliest) }
        }
        if entry.step.inJapan, let returned = entries.first(where: { $0.step == .iomVoluntaryReturn }), entry.on > returned.on {
            throw TimelineViolation.afterReturnHome(entry.step, returnedOn: returned.on)
        }
        let allowed = entry.step.responsibleAgencies
        if !allowed.isEmpty && !allowed.contains(entry.agency) { throw TimelineViolation.agencyNotResponsible(entry.step, agency: entry.agency) }
        entries.append(entry)
        entries.sort { ($0.on, ProtectionStep.allCases.firstIndex(of: $0.step)!) < ($1.on, ProtectionStep.allCases.firstIndex(of: $1.step)!) }
    }

    /// The support events of the report, derived from the timeline: (event, date, agency).
    public var supportEvents: [(event: String, on: Day, agency: String)] {
        var events = entries.compactMap { entry in entry.step.supportEvent.map { (event: $0, on: entry.on, agency: entry.agency) } }
        // Identification by the Immigration Services Agency is the report's "put under protection by the ISA".
        if let identified = entries.first(where: { $0.step == .identification }), identified.agency == "immigration" {
            events.insert((event: "isa_protection", on: identified.on, agency: identified.agency), at: 0)
        }
        return events
    }
}

/// A step the protection process expects next and that has not been recorded: what the case worker
/// of the agency holding or protecting the file should do, waiting since the step that calls for it.
public struct AwaitedStep: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// Identified, not yet counselled (seed Figure 23: counselling follows identification).
        case counseling
        /// Protection requested, no shelter yet (a Women's Counseling and Support Center, a private
        /// shelter or the Ministry of Justice's accommodation).
        case placement
        /// Returned home through IOM, no reintegration support recorded.
        case reintegration

        public var label: (en: String, ja: String) {
            switch self {
            case .counseling: ("counselling after identification", "認知後の相談対応")
            case .placement: ("a shelter after the request for protection", "保護要請後の一時保護・シェルター")
            case .reintegration: ("reintegration support after the return home", "帰国後の社会復帰支援")
            }
        }
    }

    public let kind: Kind
    public let since: Day
    public init(kind: Kind, since: Day) { self.kind = kind; self.since = since }

    /// What the timeline awaits, oldest first. Steps recorded since (at any date) settle it.
    public static func awaited(by entries: [TimelineEntry]) -> [AwaitedStep] {
        func first(_ steps: Set<ProtectionStep>) -> Day? { entries.filter { steps.contains($0.step) }.map(\.on).min() }
        var awaited: [AwaitedStep] = []
        if let identified = first([.identification]), first([.counseling]) == nil { awaited.append(.init(kind: .counseling, since: identified)) }
        if let requested = first([.protectionRequested]), first([.womenSupportCenterProtection, .privateShelter, .mojTemporaryAccommodation]) == nil {
            awaited.append(.init(kind: .placement, since: requested))
        }
        if let returned = first([.iomVoluntaryReturn]), first([.reintegrationSupport]) == nil { awaited.append(.init(kind: .reintegration, since: returned)) }
        return awaited.sorted { $0.since < $1.since }
    }
}
