/// What the open-data exports may know of one victim: the bundle's coded fields, the year only, and —
/// for the staff-only HTCDS exchange — the coded methods of control of the person's screening and the
/// support they received. Never a name, a date of birth, a document number, contact details,
/// whereabouts, free text, an exact date or a record's identifier: the type has no place for them, so no
/// export can leak what it was never given.
public struct OpenDataVictim: Sendable, Equatable {
    /// The year the person was put under protection (CTDC's year of registration).
    public var year: Int
    public var sex: Sex
    public var age: Int?
    /// ISO 3166-1 alpha-3, `UNK` when not known.
    public var nationality: String
    public var exploitation: Exploitation
    public var protectedBy: ProtectingAgency?
    /// The methods of control of the person's screening, when an export may carry them (HTCDS only);
    /// nil: not available.
    public var controlMethods: [ControlMethod]?
    /// The support events of the bundle's `support.csv`, when an export may carry them.
    public var support: [SupportEvent]?

    public init(year: Int, sex: Sex, age: Int?, nationality: String, exploitation: Exploitation, protectedBy: ProtectingAgency? = nil,
                controlMethods: [ControlMethod]? = nil, support: [SupportEvent]? = nil) {
        self.year = year; self.sex = sex; self.age = age; self.nationality = nationality; self.exploitation = exploitation
        self.protectedBy = protectedBy; self.controlMethods = controlMethods; self.support = support
    }

    public init(_ record: VictimRecord) {
        self.init(year: record.protectedOn.year, sex: record.sex, age: record.age, nationality: record.nationality,
                  exploitation: record.exploitation, protectedBy: record.protectedBy)
    }
}
