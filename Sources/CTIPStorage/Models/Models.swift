import FluentKit

// Fluent models of the bundle's tables, for case work (one record at a time). Reports, lists and bulk
// import go through SQLKit instead: Fluent's model decoding is far slower for many rows.

public final class VictimModel: Model, @unchecked Sendable {
    public static let schema = "victims"
    @ID(custom: "victim_id", generatedBy: .user) public var id: String?
    @Field(key: "protected_on") public var protectedOn: String
    @Field(key: "sex") public var sex: String
    @OptionalField(key: "age") public var age: Int?
    @Field(key: "nationality") public var nationality: String
    @OptionalField(key: "residence_status") public var residenceStatus: String?
    @Field(key: "exploitation") public var exploitation: String
    @OptionalField(key: "protected_by") public var protectedBy: String?
    public init() {}
}

public final class SuspectModel: Model, @unchecked Sendable {
    public static let schema = "suspects"
    @ID(custom: "suspect_id", generatedBy: .user) public var id: String?
    @Field(key: "arrested_on") public var arrestedOn: String
    @Field(key: "sex") public var sex: String
    @Field(key: "nationality") public var nationality: String
    @Field(key: "broker") public var broker: Bool
    @Field(key: "organized_crime") public var organizedCrime: Bool
    @OptionalField(key: "disposition") public var disposition: String?
    @OptionalField(key: "disposition_on") public var dispositionOn: String?
    @OptionalField(key: "not_prosecuted_reason") public var notProsecutedReason: String?
    @OptionalField(key: "deportation_ordered_on") public var deportationOrderedOn: String?
    public init() {}
}

public final class CaseModel: Model, @unchecked Sendable {
    public static let schema = "cases"
    @ID(custom: "case_id", generatedBy: .user) public var id: String?
    @Field(key: "cleared_on") public var clearedOn: String
    @OptionalField(key: "prefecture") public var prefecture: String?
    @OptionalField(key: "agency") public var agency: String?
    @OptionalField(key: "summary") public var summary: String?
    public init() {}
}

public final class TrialModel: Model, @unchecked Sendable {
    public static let schema = "trials"
    @ID(custom: "suspect_id", generatedBy: .user) public var id: String?
    @Field(key: "verdict") public var verdict: String
    @OptionalField(key: "decided_on") public var decidedOn: String?
    @OptionalField(key: "imprisonment_months") public var imprisonmentMonths: Int?
    @OptionalField(key: "suspension_months") public var suspensionMonths: Int?
    @OptionalField(key: "fine_yen") public var fineYen: Int64?
    public init() {}
}

public final class ChargeModel: Model, @unchecked Sendable {
    public static let schema = "charges"
    public final class IDValue: Fields, Hashable, @unchecked Sendable {
        @Field(key: "suspect_id") public var suspectID: String
        @Field(key: "position") public var position: Int
        public init() {}
        public static func == (lhs: IDValue, rhs: IDValue) -> Bool { lhs.suspectID == rhs.suspectID && lhs.position == rhs.position }
        public func hash(into hasher: inout Hasher) { hasher.combine(suspectID); hasher.combine(position) }
    }
    @CompositeID public var id: IDValue?
    @Field(key: "offense") public var offense: String
    @OptionalField(key: "detail") public var detail: String?
    public init() {}
}

public final class SupportEventModel: Model, @unchecked Sendable {
    public static let schema = "support_events"
    public final class IDValue: Fields, Hashable, @unchecked Sendable {
        @Field(key: "victim_id") public var victimID: String
        @Field(key: "event") public var event: String
        @Field(key: "on_date") public var onDate: String
        public init() {}
        public static func == (lhs: IDValue, rhs: IDValue) -> Bool {
            lhs.victimID == rhs.victimID && lhs.event == rhs.event && lhs.onDate == rhs.onDate
        }
        public func hash(into hasher: inout Hasher) { hasher.combine(victimID); hasher.combine(event); hasher.combine(onDate) }
    }
    @CompositeID public var id: IDValue?
    @OptionalField(key: "agency") public var agency: String?
    @OptionalField(key: "note") public var note: String?
    public init() {}
}

public final class HistoryYearModel: Model, @unchecked Sendable {
    public static let schema = "history"
    @ID(custom: "year", generatedBy: .user) public var id: Int?
    @OptionalField(key: "victims") public var victims: Int?
    @OptionalField(key: "cleared_cases") public var clearedCases: Int?
    @OptionalField(key: "cleared_suspects") public var clearedSuspects: Int?
    public init() {}
}

public final class OffenseModel: Model, @unchecked Sendable {
    public static let schema = "offenses"
    @ID(custom: "code", generatedBy: .user) public var id: String?
    @Field(key: "label_en") public var labelEN: String
    @Field(key: "label_ja") public var labelJA: String
    @OptionalField(key: "law") public var law: String?
    public init() {}
}
