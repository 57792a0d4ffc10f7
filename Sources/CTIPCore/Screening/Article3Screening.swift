/// Identification screening against the definition of trafficking in persons in Article 3 of the
/// Trafficking in Persons Protocol (the seed's section 1 (1)): an *act* (recruitment, transportation,
/// transfer, harbouring or receipt of persons), by a *means* (threat or use of force or other forms of
/// coercion, abduction, fraud, deception, abuse of power or of a position of vulnerability, giving or
/// receiving payments to a person having control over another person), for the *purpose* of
/// exploitation. A child (under 18) needs no means (Art. 3 (c)); once a means was used, the victim's
/// consent is irrelevant (Art. 3 (b)).
public enum Article3 {
    public enum Act: String, CaseIterable, Sendable, Codable {
        case recruitment, transportation, transfer, harbouring, receipt
    }

    public enum Means: String, CaseIterable, Sendable, Codable {
        case threatOrUseOfForce = "threat_or_use_of_force"
        case coercion
        case abduction
        case fraud
        case deception
        case abuseOfPower = "abuse_of_power"
        case abuseOfVulnerability = "abuse_of_vulnerability"
        case paymentToPersonInControl = "payment_to_person_in_control"
    }

    /// Exploitation "at a minimum" as the Protocol lists it.
    public enum Purpose: String, CaseIterable, Sendable, Codable {
        case prostitutionOfOthers = "prostitution_of_others"
        case otherSexualExploitation = "other_sexual_exploitation"
        case forcedLabourOrServices = "forced_labour_or_services"
        case slaveryOrSimilarPractices = "slavery_or_similar_practices"
        case servitude
        case removalOfOrgans = "removal_of_organs"
    }
}

/// The methods of control a frontline worker saw, coded as the IOM Human Trafficking Case Data Standard
/// 2.0 codes them, so that exports interoperate. Each names the Protocol's means it is evidence of.
public enum ControlMethod: String, CaseIterable, Sendable, Codable {
    case physicalThreats = "PhysicalThreats"
    case physicalAbuse = "PhysicalAbuse"
    case sexualAbuse = "SexualAbuse"
    case psychologicalAbuse = "PsychologicalAbuse"
    case threatsToFamily = "ThreatsToFamily"
    case threatOfLawEnforcement = "ThreatOfLawEnforcement"
    case debtBondage = "DebtBondage"
    case takesEarnings = "TakesEarnings"
    case withholdsWages = "WithholdsWages"
    case restrictsFinancialAccess = "RestrictsFinancialAccess"
    case withholdsDocuments = "WithholdsDocuments"
    case restrictsMovement = "RestrictsMovement"
    case falsePromises = "FalsePromises"
    case abusesVulnerability = "AbusesVulnerability"
    case psychoactiveSubstances = "PsychoactiveSubstances"
    case withholdsNecessities = "WithholdsNecessities"
    case excessiveWorkingHours = "ExcessiveWorkingHours"
    case restrictsMedicalCare = "RestrictsMedicalCare"

    /// The means of Article 3 (a) this method of control shows.
    public var means: Article3.Means {
        switch self {
        case .physicalThreats, .physicalAbuse, .sexualAbuse: return .threatOrUseOfForce
        case .psychologicalAbuse, .threatsToFamily, .threatOfLawEnforcement, .withholdsDocuments, .restrictsMovement,
             .takesEarnings, .withholdsWages, .restrictsFinancialAccess, .withholdsNecessities, .excessiveWorkingHours,
             .restrictsMedicalCare:
            return .coercion
        case .debtBondage, .abusesVulnerability, .psychoactiveSubstances: return .abuseOfVulnerability
        case .falsePromises: return .deception
        }
    }
}

/// What the frontline worker recorded.
public struct ScreeningAnswers: Sendable, Equatable, Codable {
    public var acts: Set<Article3.Act> = []
    public var means: Set<Article3.Means> = []
    public var controlMethods: Set<ControlMethod> = []
    public var purposes: Set<Article3.Purpose> = []
    /// Age in whole years; `nil` when not known.
    public var age: Int?
    /// Whether the person says they agreed; never decisive once a means was used or for a child.
    public var saysTheyConsented: Bool?
    public var nationality: String?
    public init() {}
}

/// CTIP's answer: whether the definition is met, which elements hold, and why.
public struct ScreeningResult: Sendable, Equatable, Codable {
    public enum Outcome: String, Sendable, Codable, CaseIterable {
        case meetsDefinition = "meets_definition"
        case possible = "possible_interview_further"
        case notIndicated = "not_indicated"
    }

    public enum Element: String, Sendable, Codable, CaseIterable { case act, means, purpose }

    public enum Finding: String, Sendable, Codable, CaseIterable {
        case holds
        case missing
        /// Means, for a child (Art. 3 (c)).
        case notRequired = "not_required"
    }

    public enum Reason: Equatable, Sendable, Codable {
        case actRecorded([Article3.Act])
        case noAct
        case meansRecorded([Article3.Means])
        case meansShownByControl([ControlMethod])
        case noMeans
        case childNeedsNoMeans(age: Int)
        case ageUnknownWithoutMeans
        case purposeRecorded([Article3.Purpose])
        case noPurpose
        case consentIrrelevant
    }

    public var outcome: Outcome
    public var findings: [Element: Finding]
    public var reasons: [Reason]
    /// Codes of the offense list that may apply, most specific first.
    public var suggestedOffenses: [String]
    /// The agency to protect the person (a code of the bundle's `protected_by` list).
    public var suggestedAgency: String
}

public enum Article3Screening {
    public static func screen(_ answers: ScreeningAnswers) -> ScreeningResult {
        var reasons: [ScreeningResult.Reason] = []
        var findings: [ScreeningResult.Element: ScreeningResult.Finding] = [:]

        let acts = Article3.Act.allCases.filter(answers.acts.contains)
        findings[.act] = acts.isEmpty ? .missing : .holds
        reasons.append(acts.isEmpty ? .noAct : .actRecorded(acts))

        let child = answers.age.map { $0 < 18 } ?? false
        let shown = ControlMethod.allCases.filter(answers.controlMethods.contains)
        let means = Article3.Means.allCases.filter { answers.means.contains($0) || shown.map(\.means).contains($0) }
        if !answers.means.isEmpty { reasons.append(.meansRecorded(Article3.Means.allCases.filter(answers.means.contains))) }
        if !shown.isEmpty { reasons.append(.meansShownByControl(shown)) }
        if child, let age = answers.age {
            findings[.means] = .notRequired
            reasons.append(.childNeedsNoMeans(age: age))
        } else if means.isEmpty {
            findings[.means] = .missing
            reasons.append(answers.age == nil ? .ageUnknownWithoutMeans : .noMeans)
        } else {
            findings[.means] = .holds
        }
        if answers.saysTheyConsented == true && (child || !means.isEmpty) { reasons.append(.consentIrrelevant) }

        let purposes = Article3.Purpose.allCases.filter(answers.purposes.contains)
        findings[.purpose] = purposes.isEmpty ? .missing : .holds
        reasons.append(purposes.isEmpty ? .noPurpose : .purposeRecorded(purposes))

        // "Possible" needs something seen: an act, a purpose or a means (a child's age alone is not a sign).
        let outcome: ScreeningResult.Outcome
        if findings.values.allSatisfy({ $0 != .missing }) { outcome = .meetsDefinition }
        else if findings[.act] == .holds || findings[.purpose] == .holds || !means.isEmpty { outcome = .possible }
        else { outcome = .notIndicated }

        return ScreeningResult(outcome: outcome, findings: findings, reasons: reasons,
                               suggestedOffenses: offenses(answers, child: child, means: means, purposes: purposes),
                               suggestedAgency: agency(answers, child: child, purposes: purposes))
    }

    /// Offenses of the code list that the recorded facts point to. A suggestion for the investigators,
    /// never a charge.
    static func offenses(_ answers: ScreeningAnswers, child: Bool, means: [Article3.Means], purposes: [Article3.Purpose]) -> [String] {
        var codes: [String] = []
        func add(_ code: String) { if !codes.contains(code) { codes.append(code) } }
        let sexual = purposes.contains(.prostitutionOfOthers) || purposes.contains(.otherSexualExploitation)
        let labour = purposes.contains(.forcedLabourOrServices) || purposes.contains(.servitude) || purposes.contains(.slaveryOrSimilarPractices)
        if answers.acts.contains(.transfer) || answers.acts.contains(.receipt) { add("buying_or_selling_of_persons") }
        if child && sexual { add("child_welfare_act"); add("child_prostitution_pornography_act") }
        if purposes.contains(.prostitutionOfOthers) { add("anti_prostitution_act") }
        if sexual && answers.acts.contains(.recruitment) && !child { add("employment_security_act") }
        if labour { add("labour_standards_act"); add("employment_security_act") }
        if means.contains(.abduction) { add(child ? "kidnapping_of_minors" : "kidnapping_for_indecency") }
        if answers.controlMethods.contains(.restrictsMovement) { add("confinement") }
        if answers.controlMethods.contains(.physicalAbuse) { add("injury") }
        if answers.controlMethods.contains(.physicalThreats) || answers.controlMethods.contains(.threatsToFamily) { add("compulsion") }
        if answers.controlMethods.contains(.withholdsDocuments), let nationality = answers.nationality, nationality != "JPN" {
            add("immigration_control_act")
        }
        if purposes.contains(.removalOfOrgans) { add("other") }
        return codes
    }

    /// Who should protect the person: a child or a woman sexually exploited by the police with a Women's
    /// Counseling and Support Center, a foreign national by the Immigration Services Agency, labour
    /// exploitation by a Labour Standards Inspection Office, otherwise the police.
    static func agency(_ answers: ScreeningAnswers, child: Bool, purposes: [Article3.Purpose]) -> String {
        let sexual = purposes.contains(.prostitutionOfOthers) || purposes.contains(.otherSexualExploitation)
        if let nationality = answers.nationality, nationality != "JPN", nationality != "" { return "immigration" }
        if sexual && !child { return "women_support_center" }
        if purposes.contains(.forcedLabourOrServices) && !sexual { return "labour_inspection" }
        return "police"
    }
}

extension ScreeningResult {
    private enum CodingKeys: String, CodingKey { case outcome, findings, reasons, suggestedOffenses, suggestedAgency }

    /// Findings as an object keyed by element (`{"act": "holds", …}`), as exports and the API show them.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        outcome = try container.decode(Outcome.self, forKey: .outcome)
        var findings: [Element: Finding] = [:]
        for (key, value) in try container.decode([String: Finding].self, forKey: .findings) {
            guard let element = Element(rawValue: key) else {
                throw DecodingError.dataCorruptedError(forKey: .findings, in: container, debugDescription: "unknown element \(key)")
            }
            findings[element] = value
        }
        self.findings = findings
        reasons = try container.decode([Reason].self, forKey: .reasons)
        suggestedOffenses = try container.decode([String].self, forKey: .suggestedOffenses)
        suggestedAgency = try container.decode(String.self, forKey: .suggestedAgency)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(Dictionary(uniqueKeysWithValues: findings.map { ($0.key.rawValue, $0.value) }), forKey: .findings)
        try container.encode(reasons, forKey: .reasons)
        try container.encode(suggestedOffenses, forKey: .suggestedOffenses)
        try container.encode(suggestedAgency, forKey: .suggestedAgency)
    }
}
