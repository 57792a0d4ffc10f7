import CTIPCore
import CTIPStorage
import Foundation

// The JSON the API answers with: each a Swift type the handlers encode, named here for the document.
// What the document says of them is reflected from these very types (`SchemaReflector`).

/// A new record's identifier.
struct Created: Codable, APIObject {
    let id: String
    static let schemaName = "Created"
    static let schemaDescription = "The identifier of what was created."
}

struct ConsentWithdrawn: Codable, APIObject {
    let ended: Int
    static let schemaName = "ConsentWithdrawn"
    static let schemaDescription = "How many referrals stopped sharing."
}

/// Every refusal of the API: what is wrong and, where one field is at fault, which.
struct APIError: Codable, APIObject, Error {
    let error: String
    var field: String? = nil
    static let schemaName = "Error"
    static let schemaDescription = "Why the request was refused; `field` names the parameter or body field at fault, when one is."
}

/// What an anonymous sender keeps: shown once, never stored in the clear.
struct HotlineReceipt: Codable, APIObject {
    let receipt: String
    let passcode: String
    static let schemaName = "Receipt"
    static let schemaDescription = "The receipt number and passcode with which the sender follows the report (`/report/status`). Shown once."
}

extension Day: APILeaf {
    static var apiSchema: OpenAPI.Schema { .string(format: "date") }
    static var placeholder: Day { Day(year: 2026, month: 1, day: 1)! }
}

extension VictimFileSummary: APIObject {
    static let schemaName = "VictimFileSummary"
    static let schemaDescription = "One line of the case list: the bundle's fields and who holds the file; never identity, contact or whereabouts."
    static let notes: [String: FieldNote] = [
        "protected_on": FieldNote(description: "Day the person was put under protection.", format: "date"),
        "protecting_agency": FieldNote(description: "Shown only to the agencies that hold or protect the file."),
    ]
}

extension VictimFileView: APIObject {
    static let schemaName = "VictimFile"
    static let schemaDescription = "A victim's file as the caller may see it: only the sections they need to know; whereabouts only for the protecting agency."
}

extension VictimIdentity: APIObject {
    static let schemaName = "VictimIdentity"
    static let schemaDescription = "Sealed at rest; for those who need to know."
}

extension VictimContact: APIObject {
    static let schemaName = "VictimContact"
    static let schemaDescription = "Sealed at rest; for those who need to know."
}

extension Whereabouts: APIObject {
    static let schemaName = "WhereaboutsView"
    static let schemaDescription = "Where the person is: only the protecting agency ever receives it."
}

extension TimelineEntry: APIObject {
    static let schemaName = "TimelineEntry"
    static let schemaDescription = "A step of the protection timeline."
}

extension Referral: APIObject {
    static let schemaName = "Referral"
    static let schemaDescription = "A referral of a victim file to another agency."
}

extension StoredScreening: APIObject {
    static let schemaName = "StoredScreening"
    static let schemaDescription = "A screening kept with a victim file: the answers, CTIP's answer then, who and when."
}

extension CriminalCaseView: APIObject {
    static let schemaName = "Case"
    static let schemaDescription = "A cleared case with its suspects, their charges and trials."
}

extension CriminalCaseView.Suspect: APIObject {
    static let schemaName = "CaseSuspect"
    static let schemaDescription = "A suspect, their charges in order and their trial."
}

extension SuspectRecordJSON: APIObject {
    static let schemaName = "Suspect"
    static let schemaDescription = "A suspect as the bundle records them."
}

extension TrialRecordJSON: APIObject {
    static let schemaName = "TrialResult"
    static let schemaDescription = "A trial's result."
}

extension AuditLog.Entry: APIObject {
    static let schemaName = "AuditEntry"
    static let schemaDescription = "One entry of the audit trail: who, when, what kind of access, to which record; never the data itself. Entries are chained by `hash`."
}

extension AnnualReport: APIObject {
    static let schemaName = "AnnualReport"
    static let schemaDescription = "Section 2 of the annual report: its facts, tables and figures."
}

extension HelpAnswerJSON: APIObject {
    static let schemaName = "HelpAnswer"
    static let schemaDescription = "Who can help now, in the asker's language; the emergency numbers always."
}

extension HealthController.Health: APIObject {
    static let schemaName = "Health"
    static let schemaDescription = "Whether the instance serves: `status` `ok` or `unavailable`, and why."
}

extension ScreeningController.ScreeningJSON: APIObject {
    static let schemaName = "ScreeningResult"
    static let schemaDescription = "CTIP's answer to a screening: the outcome, the elements, the reasons, the offenses and agency to consider."
}

extension ScreeningResult.Reason: APILeaf {
    static var apiSchema: OpenAPI.Schema {
        let schema = OpenAPI.Schema(type: ["object"], description: "One reason: its name as the only key (e.g. `noAct`, `actRecorded`), the codes it is about as `_0`.")
        schema.additionalProperties = OpenAPI.Schema(type: ["object"])
        return schema
    }
    static var placeholder: ScreeningResult.Reason { .noAct }
}
