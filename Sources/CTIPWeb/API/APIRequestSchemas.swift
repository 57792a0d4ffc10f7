import CTIPCore
import Foundation

/// The bodies the JSON API takes, as JSON Schemas. Written once, here: `/openapi.json` publishes them
/// and `APIContractMiddleware` refuses every request that does not follow them (400, naming the field),
/// so the document and the server cannot disagree. The rules they state are the case-work rules —
/// code lists, bounds, which fields go together — so a request that follows them is refused only for a
/// reason the document names (the record's state: 409; the caller's role: 403).
enum APIRequestSchemas {
    typealias Schema = OpenAPI.Schema

    // MARK: Leaves

    /// C0 and C1 control characters other than tab, line feed and carriage return; and the
    /// bidirectional overrides the hot lines refuse.
    static let control = "\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069"
    /// What trimming removes (Unicode White_Space) and every control character.
    static let blank = "\\u0000-\\u0020\\u007F-\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\u202A-\\u202E\\u2066-\\u2069"

    /// Free text: no control characters, and at least `minimum` characters once the spaces around it
    /// are trimmed (what the case-work rules read). One quantifier per pattern: test generators fold
    /// `maxLength` into a pattern's quantifiers, and several would let them overshoot it.
    static func text(_ description: String, max: Int, atLeast minimum: Int = 1) -> Schema {
        let schema = Schema.string(description: description)
        schema.maxLength = max
        schema.minLength = minimum
        schema.pattern = "^[^\(control)]*$"
        let tooShort = Schema(description: minimum <= 1 ? "must not be blank" : "needs at least \(minimum) characters besides spaces")
        tooShort.pattern = minimum <= 1
            ? "^[\(blank)]*$"
            : "^[\(blank)]*([^\(blank)]([\\s\\S]{0,\(minimum - 3)}[^\(blank)])?)?[\(blank)]*$"
        schema.not = tooShort
        return schema
    }

    static func code(_ values: [String], _ description: String) -> Schema { .enumeration(values, description: description) }

    static func codes<E: RawRepresentable & CaseIterable>(_ type: E.Type, _ description: String, except: Set<String> = []) -> Schema
    where E.RawValue == String {
        code(E.allCases.map(\.rawValue).filter { !except.contains($0) }, description)
    }

    /// A year of the calendar CTIP counts days in: 0001 to 9999 (RFC 3339 also allows 0000).
    static let year = "([1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])"

    static func date(_ description: String) -> Schema {
        let schema = Schema.string(format: "date", description: description)
        schema.pattern = "^\(year)-[0-9]{2}-[0-9]{2}$"
        schema.examples = [.string("2026-04-02")]
        return schema
    }

    static func integer(_ description: String, _ range: ClosedRange<Int>) -> Schema {
        let schema = Schema.integer
        schema.description = description
        schema.minimum = range.lowerBound
        schema.maximum = range.upperBound
        return schema
    }

    static func list(_ items: Schema, _ description: String, atLeast minimum: Int = 0) -> Schema {
        let schema = Schema.array(of: items)
        schema.description = description
        schema.uniqueItems = true
        if minimum > 0 { schema.minItems = minimum }
        return schema
    }

    static func boolean(_ description: String) -> Schema {
        let schema = Schema.boolean
        schema.description = description
        return schema
    }

    /// An agency of the directory (`ctip agencies`): checked against it when the request is carried out.
    static func agency(_ description: String) -> Schema {
        let schema = Schema.string(description: description + " A code of the agency directory (`ctip agencies`), e.g. `wcsc-13`.")
        schema.pattern = "^[a-z0-9][a-z0-9_-]{0,39}$"
        schema.examples = [.string("wcsc-13")]
        return schema
    }

    static let nationality = code(CodeLists.shipped.countryOrder, "ISO 3166-1 alpha-3 code; `UNK` when not known.")
    static let prefecture = code(CodeLists.shipped.prefectureOrder, "ISO 3166-2:JP code, `JP-01` … `JP-47`.")
    static let residenceStatus = code(CodeLists.shipped.residenceStatusOrder,
                                      "Status of residence: required for a foreign national (`no_status` for illegal stay or overstay), absent for `JPN`.")
    static let offense = code(CodeLists.shipped.offenseOrder, "Offense code of `offenses.csv`.")

    /// An object whose properties are given in order; `required` names those that must be there.
    static func object(_ description: String, _ properties: [(String, Schema)], required: [String]) -> Schema {
        .object(properties, required: required, description: description)
    }

    // MARK: Bodies

    static let newVictimFile: Schema = {
        let schema = object("A new victim file. The bundle's fields are checked as an import checks them; identity, contact and whereabouts are sealed at rest.", [
            ("protected_on", date("Day the person was put under protection.")),
            ("sex", codes(Sex.self, "Sex.")),
            ("age", integer("Age in whole years when protected.", 0...120)),
            ("nationality", nationality),
            ("residence_status", residenceStatus),
            ("exploitation", codes(Exploitation.self, "Form of exploitation.")),
            ("protected_by", codes(ProtectingAgency.self, "Kind of agency that protected the person (the report's categories).")),
            ("name", text("Name (sealed).", max: 2000)),
            ("date_of_birth", date("Date of birth (sealed); needs `name`.")),
            ("document", text("Passport or other document number (sealed); needs `name`.", max: 2000)),
            ("phone", text("Telephone (sealed).", max: 2000)),
            ("email", {
                let email = text("Email address (sealed).", max: 2000)
                email.pattern = "^[^\(control)@]*@[^\(control)]*$"
                return email
            }()),
            ("language", text("Language the person speaks.", max: 2000)),
            ("protecting_agency", agency("Agency protecting the person; the only one that may know the whereabouts.")),
            ("whereabouts_kind", codes(Whereabouts.Kind.self, "Kind of place: needed with `whereabouts`.")),
            ("whereabouts", text("Where the person is (sealed; only the protecting agency sees it). Needs `whereabouts_kind` and `protecting_agency`.", max: 2000)),
        ], required: ["protected_on", "sex", "nationality", "exploitation"])
        schema.dependentRequired = ["date_of_birth": ["name"], "document": ["name"], "whereabouts": ["whereabouts_kind", "protecting_agency"]]
        schema.ifSchema = nationalityIsJapanese
        schema.thenSchema = residenceStatusAbsent
        schema.elseSchema = Schema.object([], required: ["residence_status"], closed: false)
        return schema
    }()

    static let nationalityIsJapanese: Schema = {
        let condition = Schema()
        let constant = Schema()
        constant.constant = .string("JPN")
        condition.properties = [("nationality", constant)]
        condition.required = ["nationality"]
        return condition
    }()

    static let residenceStatusAbsent: Schema = {
        let absent = Schema(description: "a Japanese national has no status of residence")
        absent.not = Schema.object([], required: ["residence_status"], closed: false)
        return absent
    }()

    static let protectionStep = object("A step of the protection timeline. The timeline's rules (which step may follow which, by which agency) are checked against the file: a step they do not allow now is 409.", [
        ("step", codes(ProtectionStep.self, "The step.")),
        ("on", date("Day of the step.")),
        ("agency", agency("Responsible agency; the caller's own when absent.")),
    ], required: ["step", "on"])

    static let whereabouts: Schema = {
        let schema = object("Where the person is now and who protects them. Without `whereabouts` the whereabouts are cleared.", [
            ("protecting_agency", agency("Agency protecting the person.")),
            ("whereabouts_kind", codes(Whereabouts.Kind.self, "Kind of place: needed with `whereabouts`.")),
            ("whereabouts", text("Where the person is (sealed).", max: 2000)),
        ], required: [])
        schema.dependentRequired = ["whereabouts": ["whereabouts_kind", "protecting_agency"]]
        return schema
    }()

    static let newReferral: Schema = {
        let schema = object("A referral of the file to another agency. Whereabouts are never shared. Without the victim's consent (`override`) only a supervisor may refer, and says why.", [
            ("to_agency", agency("Agency to refer to: a protecting agency of the directory, not the caller's own.")),
            ("sections", list(codes(VictimFileSection.self, "Section of the file.", except: [VictimFileSection.whereabouts.rawValue]),
                              "Sections shared once the referral is accepted.", atLeast: 1)),
            ("basis", codes(Referral.Basis.self, "`consent` of the victim, or a supervisor's `override`.")),
            ("override_reason", text("Why the law requires referring without consent (at least 10 characters); with `override`.", max: 2000, atLeast: 10)),
        ], required: ["to_agency", "sections", "basis"])
        let override = Schema()
        let constant = Schema()
        constant.constant = .string("override")
        override.properties = [("basis", constant)]
        override.required = ["basis"]
        schema.ifSchema = override
        schema.thenSchema = Schema.object([], required: ["override_reason"], closed: false)
        return schema
    }()

    static let referralAnswer = object("The receiving agency accepts or declines; the referring agency revokes.", [
        ("answer", codes(Referral.Answer.self, "The answer.")),
    ], required: ["answer"])

    static let screening = object("What the frontline worker recorded. Every field is optional: an empty screening says what is missing.", [
        ("acts", list(codes(Article3.Act.self, "An act."), "Acts of Article 3 (a).")),
        ("means", list(codes(Article3.Means.self, "A means."), "Means of Article 3 (a).")),
        ("control_methods", list(codes(ControlMethod.self, "A method of control."), "Methods of control (IOM HTCDS 2.0).")),
        ("purposes", list(codes(Article3.Purpose.self, "A purpose."), "Purposes of exploitation.")),
        ("age", integer("Age in whole years.", 0...120)),
        ("nationality", nationality),
        ("says_they_consented", boolean("Whether the person says they agreed; absent when not asked or not known.")),
        ("file", {
            let file = Schema.string(description: "Victim file to keep the screening with; without it nothing is stored.")
            file.pattern = "^V[0-9]{4}-[A-Z0-9]{1,40}$"
            file.examples = [.string("V2026-ABCD2345")]
            return file
        }()),
    ], required: [])

    // MARK: Programme oversight

    static let identifier: Schema = {
        let schema = Schema.string(description: "An identifier: 1–64 of A-Z a-z 0-9 . _ -")
        schema.pattern = "^[A-Za-z0-9._-]{1,64}$"
        return schema
    }()

    static let newInspection: Schema = {
        let schema = object("An inspection of the organisation, checked as an import checks inspections.csv. A finding that may be trafficking is answered with the screening to open and where to record that the police were informed.", [
            ("inspector", codes(Inspector.self, "Who inspected: the caller's agency may record its own (`otit`, `labour_inspection`, `isa`) and `joint`.")),
            ("inspected_on", date("Day of the inspection; not in the future.")),
            ("kind", codes(InspectionKind.self, "Regular or ad hoc.")),
            ("violation_found", boolean("Whether a violation was found; absent when not yet judged.")),
            ("findings", list(codes(InspectionFinding.self, "A finding."), "What was found; none when no violation was found.")),
        ], required: ["inspector", "inspected_on"])
        let noViolation = Schema()
        let constant = Schema()
        constant.constant = .bool(false)
        noViolation.properties = [("violation_found", constant)]
        noViolation.required = ["violation_found"]
        schema.ifSchema = noViolation
        let emptyFindings = Schema.array(of: Schema())
        emptyFindings.maxItems = 0
        let findingsEmpty = Schema.object([("findings", emptyFindings)], required: [], closed: false)
        findingsEmpty.description = "no findings when `violation_found` is false"
        schema.thenSchema = findingsEmpty
        return schema
    }()

    static let newAction = object("An action against the organisation, checked as an import checks actions.csv: no order after its licence ended, `inspection_id` one of its inspections.", [
        ("kind", codes(OversightActionKind.self, "The action.")),
        ("by", codes(OversightAuthority.self, "The authority that took it: one the caller's agency acts for.")),
        ("on", date("Day it was taken; not in the future.")),
        ("inspection_id", identifier),
        ("until", date("End of a suspension; not before `on`.")),
        ("due_on", date("Day the improvement report is due; not before `on`.")),
        ("published", boolean("Publicly announced.")),
    ], required: ["kind", "by", "on"])

    static let reportAccepted = object("The organisation's improvement report was accepted.", [
        ("closed_on", date("Day it was accepted: not before the order, not in the future.")),
    ], required: ["closed_on"])

    static let policeInformed = object("The police were told of the inspection's findings that may be trafficking. No trainee's identity goes with it.", [
        ("police", agency("The police agency informed, e.g. `police-13`.")),
        ("informed_on", date("Day they were informed: not before the inspection, not in the future.")),
    ], required: ["police", "informed_on"])

    static let jointInspectionRequest = object("A labour bureau asks the OTIT to inspect the organisation with it.", [
        ("findings", list(code(InspectionFinding.allCases.filter(\.isTraffickingIndicator).map(\.rawValue), "A finding that may be trafficking."),
                          "What the bureau suspects.")),
    ], required: [])

    static let signal = object("A sign pointing at the organisation, weighed by the inspection plan: numbers only, never who.", [
        ("kind", codes(OversightSignalKind.self, "The sign.")),
        ("noted_on", date("Day it was noted; not in the future.")),
        ("count", integer("How many (tips, consultations, people).", 1...10_000)),
    ], required: ["kind", "noted_on"])

    static let tip = object("An anonymous tip. Nothing about the sender is kept.", [
        ("lang", code(HotlineFields.languages, "Language of the report and of the answers.")),
        ("category", codes(TipCategory.self, "What the tip is about.")),
        ("prefecture", prefecture),
        ("description", text("What happened, where, who.", max: HotlineLimits.descriptionCharacters)),
        ("danger_now", boolean("Someone's life is in danger now: triaged first.")),
    ], required: ["lang", "category", "prefecture", "description"])

    static let internetReport: Schema = {
        let url = Schema.string(description: "Address of the page or advertisement: http or https, with a host.")
        url.maxLength = 2048
        url.pattern = "^[Hh][Tt][Tt][Pp][Ss]?://[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.[A-Za-z]{2,63}"
            + "(:([1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5]))?"
            + "(/([A-Za-z0-9._~!$&'()*+,;=:@/?#-]|%[0-9A-Fa-f]{2})*)?$"
        url.examples = [.string("https://example.jp/ads/123")]
        return object("A report of illegal or harmful information on the internet.", [
            ("lang", code(HotlineFields.languages, "Language of the report.")),
            ("category", codes(InternetCategory.self, "What the page contains.")),
            ("url", url),
            ("description", text("What the page shows.", max: HotlineLimits.descriptionCharacters)),
        ], required: ["lang", "category", "url"])
    }()

    static let newCase = object("A cleared case (police, coast guard).", [
        ("cleared_on", date("Day the case was cleared.")),
        ("prefecture", prefecture),
        ("agency", codes(ClearingAgency.self, "Kind of clearing agency.")),
        ("summary", text("Summary.", max: 2000)),
    ], required: ["cleared_on"])

    static let newSuspect = object("A suspect of a cleared case, with their charges in order.", [
        ("arrested_on", date("Day of the arrest.")),
        ("sex", codes(Sex.self, "Sex.")),
        ("nationality", nationality),
        ("broker", boolean("Acted as a broker.")),
        ("organized_crime", boolean("Member of an organized crime group.")),
        ("charges", list(offense, "Offense codes, the principal charge first.", atLeast: 1)),
    ], required: ["arrested_on", "sex", "nationality", "charges"])

    static let disposition: Schema = {
        let schema = object("The public prosecutors' decision. A reason only for `not_prosecuted`; the date not before the arrest (409).", [
            ("disposition", codes(Disposition.self, "The decision.")),
            ("disposition_on", date("Day of the decision.")),
            ("not_prosecuted_reason", codes(NotProsecutedReason.self, "Why not prosecuted.")),
            ("deportation_ordered_on", date("Day a deportation order was issued.")),
        ], required: ["disposition", "disposition_on"])
        let notProsecuted = Schema()
        let constant = Schema()
        constant.constant = .string(Disposition.notProsecuted.rawValue)
        notProsecuted.properties = [("disposition", constant)]
        notProsecuted.required = ["disposition"]
        schema.ifSchema = notProsecuted
        let noReason = Schema(description: "a reason is given only for `not_prosecuted`")
        noReason.not = Schema.object([], required: ["not_prosecuted_reason"], closed: false)
        schema.elseSchema = noReason
        return schema
    }()

    static let trial: Schema = {
        let schema = object("A trial result. A decided trial has its date; a pending one has none.", [
            ("verdict", codes(Verdict.self, "The verdict, or `pending`.")),
            ("decided_on", date("Day of the judgment.")),
            ("imprisonment_months", integer("Months of imprisonment.", 0...1200)),
            ("suspension_months", integer("Months of suspension.", 0...1200)),
            ("fine_yen", integer("Fine in yen.", 0...1_000_000_000_000)),
        ], required: ["verdict"])
        let pending = Schema()
        let constant = Schema()
        constant.constant = .string(Verdict.pending.rawValue)
        pending.properties = [("verdict", constant)]
        pending.required = ["verdict"]
        schema.ifSchema = pending
        let noDate = Schema(description: "a pending trial has no decision date")
        noDate.not = Schema.object([], required: ["decided_on"], closed: false)
        schema.thenSchema = noDate
        schema.elseSchema = Schema.object([], required: ["decided_on"], closed: false)
        return schema
    }()
}
