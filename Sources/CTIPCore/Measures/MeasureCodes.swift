/// The code lists of the measures registers (`docs/measures.md`). Lists in a cell are `;`-separated.

public enum MaterialKind: String, CodedValue {
    case poster, leaflet, handbook, booklet, signage, advertisement, video, card, other
    case webPage = "web_page"
    public static let listName = "material_kind"
}

public enum MaterialAudience: String, CodedValue {
    case perpetrators, victims, `public`, employers, travellers, trainees, officials, students, youth
    case foreignNationals = "foreign_nationals"
    public static let listName = "material_audience"
}

public enum CampaignChannel: String, CodedValue {
    case x, facebook, instagram, youtube, line, website, posters, leaflets, tv, radio, newspaper, events, other
    case stationScreens = "station_screens"
    public static let listName = "campaign_channel"
}

public enum TrainingKind: String, CodedValue {
    case training, course, lecture, seminar, workshop, meeting
    public static let listName = "training_kind"
}

/// Who attended a training: the report counts officers by service ("51 officers … 16 … 85").
public enum AttendeeKind: String, CodedValue {
    case police, prosecutors, judges, immigration, consultants, teachers, ngo, other
    case courtOfficials = "court_officials", labourInspectors = "labour_inspectors", consularOfficers = "consular_officers"
    case securityOfficers = "security_officers", coastGuard = "coast_guard", otitStaff = "otit_staff"
    case foreignOfficials = "foreign_officials", localGovernment = "local_government"
    public static let listName = "attendee_kind"
}

public enum MeetingMode: String, CodedValue {
    case inPerson = "in_person", online, hybrid
    public static let listName = "meeting_mode"
}

public enum AgreementKind: String, CodedValue {
    case convention, `protocol`, moc, arrangement
    case mlaTreaty = "mla_treaty", mlaAgreement = "mla_agreement"
    public static let listName = "agreement_kind"
}

public enum AgreementSubject: String, CodedValue {
    case tip, mla, ssw, other
    case organisedCrime = "organised_crime", technicalIntern = "technical_intern"
    public static let listName = "agreement_subject"
}

public enum EngagementKind: String, CodedValue {
    case meeting, conference, workshop, training, dialogue
    case jointOperation = "joint_operation"
    public static let listName = "engagement_kind"
}

public enum LegalAssistanceDirection: String, CodedValue {
    case sent, received
    public static let listName = "legal_assistance_direction"
}

public enum LegalAssistanceStatus: String, CodedValue {
    case pending, executed, refused, withdrawn
    public static let listName = "legal_assistance_status"
}

/// What an enforcement aggregate counts.
public enum EnforcementCount: String, CodedValue {
    case arrests, cleared, crackdowns, identified
    case reportsToPolice = "reports_to_police"
    public static let listName = "enforcement_count"
}

/// The offences next to trafficking that the report counts but CTIP holds no case of: the offence codes
/// of `offenses.csv`, and these groups, which the police publish as one figure over several laws.
public enum EnforcementGroup {
    public static let groups: [(code: String, en: String, ja: String)] = [
        ("child_prostitution", "child prostitution crimes", "児童買春事犯"),
        ("child_pornography", "child pornography crimes", "児童ポルノ事犯"),
        ("illegal_employment", "crimes in employing foreign workers (illegal employment)", "外国人の不法就労等に関する犯罪"),
        ("host_clubs", "crimes connected with malicious host clubs", "悪質ホストクラブ関連事犯"),
        ("online_child_sexual_exploitation", "online child sexual exploitation", "オンライン上の児童の性的搾取"),
    ]
}

/// What a consultation tally counts.
public enum ConsultationUnit: String, CodedValue {
    case consultations, reports
    case informationCases = "information_cases"
    public static let listName = "consultation_unit"
}

/// The unit of a figure from before CTIP (`series.csv`).
public enum SeriesUnit: String, CodedValue {
    case victims, persons, reports, cases, meetings
    public static let listName = "series_unit"
}
