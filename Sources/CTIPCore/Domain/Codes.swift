/// A value of one of the bundle's small code lists; `listName` names its list in `codes.csv`.
public protocol CodedValue: RawRepresentable, CaseIterable, Sendable, Hashable where RawValue == String {
    static var listName: String { get }
}

extension CodedValue {
    /// "`female`, `male`, `other`, `unknown`": the allowed codes, for error messages.
    public static var allowedCodes: String { allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ") }
}

public enum Sex: String, CodedValue { case female, male, other, unknown; public static let listName = "sex" }

public enum Exploitation: String, CodedValue {
    case sexual, hostess, labour, organ, other
    public static let listName = "exploitation"
}

public enum ClearingAgency: String, CodedValue {
    case police, coastGuard = "coast_guard", immigration, labourInspection = "labour_inspection", other
    public static let listName = "clearing_agency"
}

public enum ProtectingAgency: String, CodedValue {
    case police, immigration, coastGuard = "coast_guard", labourInspection = "labour_inspection"
    case womenSupportCenter = "women_support_center", ngo, other
    public static let listName = "protecting_agency"
}

public enum Disposition: String, CodedValue {
    case prosecuted, familyCourt = "family_court", notProsecuted = "not_prosecuted"
    public static let listName = "disposition"
    /// Sending to the family court counts as prosecution in the report.
    public var countsAsProsecuted: Bool { self != .notProsecuted }
}

public enum NotProsecutedReason: String, CodedValue {
    case evidence, other
    public static let listName = "not_prosecuted_reason"
}

public enum Verdict: String, CodedValue {
    case pending, guilty, notGuilty = "not_guilty", dismissed, protectiveMeasure = "protective_measure"
    public static let listName = "verdict"
}

public enum SupportEvent: String, CodedValue {
    case isaProtection = "isa_protection"
    case residenceStatusChangePermitted = "residence_status_change_permitted"
    case periodOfStayExtended = "period_of_stay_extended"
    case specialPermissionToStay = "special_permission_to_stay"
    case wcscTemporaryProtection = "wcsc_temporary_protection"
    case privateShelter = "private_shelter"
    case mojTemporaryAccommodation = "moj_temporary_accommodation"
    case iomVoluntaryReturn = "iom_voluntary_return"
    case iomReintegrationSupport = "iom_reintegration_support"
    case legalAid = "legal_aid"
    public static let listName = "support_event"
}
