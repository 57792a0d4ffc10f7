import CTIPCore
import Foundation
import Vapor

/// `/openapi.json`: the JSON API described as OpenAPI 3.1, so programs of other agencies can be
/// generated against it. Written here beside the routes; `OpenAPITests` checks that every API route
/// the application registers is described and nothing else.
struct OpenAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("openapi.json", use: { _ in
            var headers = HTTPHeaders()
            headers.contentType = .json
            return Response(status: .ok, headers: headers, body: .init(data: Self.documentData))
        })
    }

    typealias Object = [String: Any]

    static func operation(_ summary: String, tag: String, auth: Bool = true, parameters: [Object] = [], body: String? = nil,
                          responses: [String: String]) -> Object {
        var operation: Object = ["summary": summary, "tags": [tag],
                                 "responses": responses.mapValues { ["description": $0] as Object }]
        if !parameters.isEmpty { operation["parameters"] = parameters }
        if let body {
            operation["requestBody"] = ["required": true, "content": ["application/json": ["schema": ["$ref": "#/components/schemas/\(body)"]]]] as Object
        }
        operation["security"] = auth ? [["bearer": [String]()]] : [Object]()
        return operation
    }

    static func path(_ name: String, _ description: String) -> Object {
        ["name": name, "in": "path", "required": true, "description": description, "schema": ["type": "string"]]
    }

    static func query(_ name: String, _ description: String, type: String = "string") -> Object {
        ["name": name, "in": "query", "required": false, "description": description, "schema": ["type": type]]
    }

    static let hotlineResponses = ["201": "`receipt` and `passcode` (shown once)", "400": "`error` naming the field, in the reporter's language, and `field`",
                                   "413": "Body over 32 KiB", "429": "Too many reports from this address just now"]
    static let denied = ["401": "No or unknown API token", "403": "The token's role does not allow this (audited)"]
    static func plus(_ a: [String: String], _ b: [String: String]) -> [String: String] { a.merging(b) { x, _ in x } }

    static var document: Object { [
        "openapi": "3.1.0",
        "info": ["title": "CTIP", "version": "1",
                 "description": "Counter-trafficking-in-persons information system. Staff endpoints need an API token (Authorization: Bearer ctip_…); every access to personal data is audited. Whereabouts are returned only to the protecting agency."],
        "components": [
            "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]],
            "schemas": [
                "NewVictimFile": ["type": "object", "required": ["protected_on", "sex", "nationality", "exploitation"],
                                  "properties": Dictionary(uniqueKeysWithValues: ["protected_on", "sex", "age", "nationality", "residence_status", "exploitation",
                                                                                  "protected_by", "name", "date_of_birth", "document", "phone", "email", "language",
                                                                                  "protecting_agency", "whereabouts_kind", "whereabouts"].map { ($0, ["type": $0 == "age" ? "integer" : "string"] as Object) })] as Object,
                "ProtectionStep": ["type": "object", "required": ["step", "on"],
                                   "properties": ["step": ["type": "string"], "on": ["type": "string", "format": "date"], "agency": ["type": "string"]]] as Object,
                "Whereabouts": ["type": "object", "properties": ["protecting_agency": ["type": "string"], "whereabouts_kind": ["type": "string", "enum": ["shelter", "address", "other"]],
                                                                 "whereabouts": ["type": "string"]]] as Object,
                "NewReferral": ["type": "object", "required": ["to_agency", "sections", "basis"],
                                "properties": ["to_agency": ["type": "string"], "sections": ["type": "string", "description": "`;`-separated: basic, identity, contact, screening, timeline"],
                                               "basis": ["type": "string", "enum": ["consent", "override"]], "override_reason": ["type": "string"]]] as Object,
                "ReferralAnswer": ["type": "object", "required": ["answer"], "properties": ["answer": ["type": "string", "enum": ["accept", "decline", "revoke"]]]] as Object,
                "Screening": ["type": "object", "description": "What the frontline worker recorded. Checkbox fields (`act_recruitment`, `control_DebtBondage`, …) are accepted too.",
                              "properties": ["acts": ["type": "array", "items": ["type": "string", "enum": Article3.Act.allCases.map(\.rawValue)]],
                                             "means": ["type": "array", "items": ["type": "string", "enum": Article3.Means.allCases.map(\.rawValue)]],
                                             "control_methods": ["type": "array", "description": "IOM HTCDS 2.0 methods of control",
                                                                 "items": ["type": "string", "enum": ControlMethod.allCases.map(\.rawValue)]],
                                             "purposes": ["type": "array", "items": ["type": "string", "enum": Article3.Purpose.allCases.map(\.rawValue)]],
                                             "age": ["type": "integer"], "nationality": ["type": "string", "description": "ISO 3166-1 alpha-3"],
                                             "says_they_consented": ["type": "boolean"],
                                             "file": ["type": "string", "description": "victim file to store the screening with; without it nothing is stored"]]] as Object,
                "Tip": ["type": "object", "required": ["lang", "category", "prefecture", "description"],
                        "properties": ["lang": ["type": "string", "description": "ja en zh ko es ru th tl id vi pt"],
                                       "category": ["type": "string", "enum": ["trafficking", "child_welfare", "child_abuse", "other"]],
                                       "prefecture": ["type": "string", "description": "ISO 3166-2:JP, e.g. JP-13"],
                                       "description": ["type": "string", "maxLength": 4000], "danger_now": ["type": "boolean"]]] as Object,
                "InternetReport": ["type": "object", "required": ["lang", "category", "url"],
                                   "properties": ["lang": ["type": "string"], "url": ["type": "string", "maxLength": 2048],
                                                  "category": ["type": "string", "enum": ["prostitution_inducement", "csam", "grave_crime", "other_illegal", "harmful"]],
                                                  "description": ["type": "string", "maxLength": 4000]]] as Object,
                "NewCase": ["type": "object", "required": ["cleared_on"], "properties": ["cleared_on": ["type": "string", "format": "date"],
                            "prefecture": ["type": "string"], "agency": ["type": "string"], "summary": ["type": "string"]]] as Object,
                "NewSuspect": ["type": "object", "required": ["arrested_on", "sex", "nationality", "charges"],
                               "properties": ["arrested_on": ["type": "string", "format": "date"], "sex": ["type": "string"], "nationality": ["type": "string"],
                                              "broker": ["type": "boolean"], "organized_crime": ["type": "boolean"],
                                              "charges": ["type": "string", "description": "offense codes in order, separated by spaces or `;`"]]] as Object,
                "Disposition": ["type": "object", "required": ["disposition", "disposition_on"],
                                "properties": ["disposition": ["type": "string", "enum": ["prosecuted", "family_court", "not_prosecuted"]],
                                               "disposition_on": ["type": "string", "format": "date"], "not_prosecuted_reason": ["type": "string"],
                                               "deportation_ordered_on": ["type": "string", "format": "date"]]] as Object,
                "Trial": ["type": "object", "required": ["verdict"],
                          "properties": ["verdict": ["type": "string"], "decided_on": ["type": "string", "format": "date"], "imprisonment_months": ["type": "integer"],
                                         "suspension_months": ["type": "integer"], "fine_yen": ["type": "integer"]]] as Object,
                "Error": ["type": "object", "properties": ["error": ["type": "string"], "field": ["type": "string"]]] as Object,
            ] as Object,
        ] as Object,
        "paths": [
            "/api/victims": [
                "get": operation("Victim files visible to the caller's agency (no identity, contact or whereabouts)", tag: "victims",
                                 parameters: [query("q", "file number prefix"), query("year", "year protected", type: "integer"), query("nationality", "ISO 3166-1 alpha-3"),
                                              query("exploitation", "form of exploitation"), query("minors", "`on` for under-18s only")],
                                 responses: plus(["200": "The files"], denied)),
                "post": operation("Open a victim file", tag: "victims", body: "NewVictimFile",
                                  responses: plus(["201": "Created; `id` and Location", "422": "A field is invalid (`field` names it)", "503": "No data key configured"], denied)),
            ] as Object,
            "/api/victims/{id}": ["get": operation("One victim file, with the sections the caller needs to know", tag: "victims", parameters: [path("id", "file number")],
                                                 responses: plus(["200": "The file", "404": "No such file, or not the caller's business (audited)"], denied))] as Object,
            "/api/victims/{id}/steps": ["post": operation("Add a step to the protection timeline", tag: "victims", parameters: [path("id", "file number")], body: "ProtectionStep",
                                                        responses: plus(["200": "The file after the step", "422": "The step is not allowed now (`field` says why)", "404": "No such file"], denied))] as Object,
            "/api/victims/{id}/whereabouts": ["put": operation("Record where the person is now and who protects them", tag: "victims", parameters: [path("id", "file number")], body: "Whereabouts",
                                                             responses: plus(["204": "Recorded", "404": "No such file", "422": "Invalid"], denied))] as Object,
            "/api/victims/{id}/referrals": ["post": operation("Refer the file to another agency (consent or supervisor's override)", tag: "referrals", parameters: [path("id", "file number")],
                                                            body: "NewReferral", responses: plus(["201": "The referral", "422": "Invalid", "404": "No such file"], denied))] as Object,
            "/api/victims/{id}/consent-withdrawal": ["post": operation("The victim withdrew consent: every consent-based referral stops sharing", tag: "referrals",
                                                                     parameters: [path("id", "file number")], responses: plus(["200": "`ended`: how many referrals", "404": "No such file"], denied))] as Object,
            "/api/screenings": ["post": operation("Screen against Article 3 of the Protocol: outcome (meets_definition, possible_interview_further, not_indicated), elements, reasons, suggested offenses and protecting agency",
                                                  tag: "screening", body: "Screening",
                                                  responses: plus(["201": "The result; `stored` says whether it was kept with `file`", "422": "A field is invalid (`field` names it)",
                                                                   "404": "No such file, or not the caller's business (audited)"], denied))] as Object,
            "/api/referrals": ["get": operation("Referrals addressed to the caller's agency", tag: "referrals", responses: plus(["200": "The referrals"], denied))] as Object,
            "/api/referrals/{referral}": ["post": operation("Accept, decline or revoke a referral", tag: "referrals", parameters: [path("referral", "referral id")], body: "ReferralAnswer",
                                                           responses: plus(["200": "The referral", "404": "No such referral", "422": "Not allowed in its state"], denied))] as Object,
            "/api/cases": [
                "get": operation("Cleared cases kept by the caller's agency (all, for the prosecutors' liaison)", tag: "cases", responses: plus(["200": "The cases"], denied)),
                "post": operation("Open a cleared case (police, coast guard)", tag: "cases", body: "NewCase", responses: plus(["201": "`id`", "422": "Invalid"], denied)),
            ] as Object,
            "/api/cases/{case}": ["get": operation("A cleared case with its suspects, charges and trials", tag: "cases", parameters: [path("case", "case id")],
                                                   responses: plus(["200": "The case", "404": "No such case, or not the caller's"], denied))] as Object,
            "/api/cases/{case}/suspects": ["post": operation("Add a suspect with their charges", tag: "cases", parameters: [path("case", "case id")], body: "NewSuspect",
                                                             responses: plus(["201": "`id`", "422": "Invalid", "404": "No such case"], denied))] as Object,
            "/api/suspects/{suspect}/disposition": ["put": operation("Record the prosecutors' decision", tag: "cases", parameters: [path("suspect", "suspect id")], body: "Disposition",
                                                                      responses: plus(["204": "Recorded", "422": "Invalid", "404": "No such suspect"], denied))] as Object,
            "/api/suspects/{suspect}/trial": ["put": operation("Record a trial result", tag: "cases", parameters: [path("suspect", "suspect id")], body: "Trial",
                                                                responses: plus(["204": "Recorded", "422": "Invalid (e.g. not prosecuted)", "404": "No such suspect"], denied))] as Object,
            "/api/audit": ["get": operation("The audit trail, newest first (auditors)", tag: "audit",
                                            parameters: [query("record", "e.g. victim:V2026-…"), query("actor", "user:…"), query("agency", "agency code"), query("limit", "at most", type: "integer")],
                                            responses: plus(["200": "The entries"], denied))] as Object,
            "/api/reports/{year}": ["get": operation("The annual report's section 2 for a data year, as JSON", tag: "reports", auth: false,
                                                     parameters: [path("year", "data year"), query("as_of", "trial-status cut-off"), query("lang", "en or ja")],
                                                     responses: ["200": "The report", "400": "Bad year or date", "404": "No records"])] as Object,
            "/api/public/help": ["get": operation("Who can help now, in the asker's language", tag: "public", auth: false,
                                                  parameters: [query("topic", "topic"), query("lang", "language"), query("at", "instant (ISO 8601)")],
                                                  responses: ["200": "Services", "400": "Bad `at`"])] as Object,
            "/api/public/tips": ["post": operation("An anonymous tip to the Anonymous-Reporting Hot Line", tag: "public", auth: false, body: "Tip",
                                                   responses: Self.hotlineResponses)] as Object,
            "/api/public/internet-reports": ["post": operation("A report of illegal or harmful information on the internet", tag: "public", auth: false,
                                                               body: "InternetReport", responses: Self.hotlineResponses)] as Object,
        ] as Object,
    ] }

    static let documentData: Data = try! JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted])
}
