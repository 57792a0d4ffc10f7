import CTIPCore
import CTIPStorage
import Foundation
import Vapor

/// One operation of the JSON API as a contract: its path and method, who may call it, what it takes
/// and every answer it gives. The table below is the one place these are written: `/openapi.json` and
/// `/api/docs` are built from it, `APIContractMiddleware` checks every request against it, and a test
/// checks that the routes the application serves are exactly these.
struct APIOperation: Sendable {
    struct Parameter: Sendable {
        let name: String
        let location: OpenAPI.Parameter.Location
        let description: String
        let required: Bool
        /// Built once with the table: every request to the operation is checked against it.
        let schema: OpenAPI.Schema
        var example: JSONValue? = nil

        init(name: String, location: OpenAPI.Parameter.Location, description: String, required: Bool,
             schema: () -> OpenAPI.Schema, example: JSONValue? = nil) {
            self.name = name; self.location = location; self.description = description; self.required = required
            self.schema = schema(); self.example = example
        }
    }

    struct Answer: Sendable {
        let status: Int
        let description: String
        /// The body's schema, reflected from the Swift type the handler encodes; nil for no body.
        var body: (@Sendable (SchemaReflector) -> OpenAPI.Schema)? = nil
        var headers: [String: String] = [:]
        /// What this answer opens next: link name → (operation, parameter → runtime expression).
        var links: [String: (operation: String, parameters: [String: String])] = [:]
    }

    let id: String
    let method: HTTPMethod
    /// The OpenAPI path template, e.g. `/api/victims/{id}`.
    let path: String
    let tag: String
    let summary: String
    let summaryJapanese: String
    var description: String? = nil
    /// nil for a public operation; otherwise the permission the caller's role needs (deny by default).
    let permission: Permission?
    var parameters: [Parameter] = []
    var body: OpenAPI.Schema? = nil
    var bodyName: String? = nil
    var bodyExample: JSONValue? = nil
    var answers: [Answer]
    /// Lists that can grow are paged: `limit` and `cursor`, the next page in a `Link` header.
    var paged = false
    /// The largest body the operation takes, when not the server's default.
    var maximumBodyBytes: Int? = nil
}

enum APIContract {
    // MARK: Shared parts

    static func path(_ name: String, _ description: String, example: String) -> APIOperation.Parameter {
        .init(name: name, location: .path, description: description, required: true, schema: {
            let schema = OpenAPI.Schema.string()
            schema.minLength = 1
            schema.maxLength = 64
            return schema
        }, example: .string(example))
    }

    static func query(_ name: String, _ description: String, _ schema: () -> OpenAPI.Schema) -> APIOperation.Parameter {
        .init(name: name, location: .query, description: description, required: false, schema: schema)
    }

    /// `limit` and `cursor`; `pattern` is the form of the list's sort key.
    static func pageParameters(_ pattern: String) -> [APIOperation.Parameter] { [
        query("limit", "At most this many items (1–\(Paging.maximumLimit), default \(Paging.defaultLimit)).") {
            APIRequestSchemas.integer("Items per page.", 1...Paging.maximumLimit)
        },
        query("cursor", "Where the page starts: the `cursor` of the `Link: <…>; rel=\"next\"` header of the page before (the sort key of its last item).") {
            let schema = OpenAPI.Schema.string(description: "The sort key of the last item seen, as the `Link` header gives it.")
            schema.pattern = pattern
            return schema
        },
    ] }

    static func error(_ status: Int, _ description: String, headers: [String: String] = [:]) -> APIOperation.Answer {
        .init(status: status, description: description, body: { $0.schema(for: APIError.self) }, headers: headers)
    }

    static let retryAfter = ["Retry-After": "Seconds to wait before trying again."]

    /// The answers any operation may give besides its own: a request that does not follow the document,
    /// no or a bad token, a role without the permission, the database out of reach.
    static func common(_ operation: APIOperation) -> [APIOperation.Answer] {
        var answers = [error(400, "The request does not follow this document: `field` names the parameter or body field, `error` says why.")]
        if operation.body != nil {
            answers.append(error(413, "The body is larger than the server takes."))
            answers.append(error(415, "The body is not JSON: send `Content-Type: application/json`."))
        }
        if operation.permission != nil {
            answers.append(error(401, "No API token, or one that is unknown, revoked or expired: send `Authorization: Bearer ctip_…`."))
            answers.append(error(403, "The token's role or agency may not do this (the refusal is audited)."))
        }
        answers.append(error(503, "The database is out of reach for a moment.", headers: retryAfter))
        return answers
    }

    static func json<T: Decodable>(_ type: T.Type) -> @Sendable (SchemaReflector) -> OpenAPI.Schema { { $0.schema(for: T.self) } }

    // MARK: The operations

    static let operations: [APIOperation] = [
        APIOperation(id: "listVictimFiles", method: .GET, path: "/api/victims", tag: "victims",
                     summary: "Victim files visible to the caller's agency (no identity, contact or whereabouts)",
                     summaryJapanese: "自機関が閲覧できる被害者ファイル（氏名・連絡先・所在を除く）",
                     permission: .viewCases,
                     parameters: [
                        query("q", "File number prefix.") {
                            let schema = OpenAPI.Schema.string(description: "Beginning of a file number.")
                            schema.pattern = "^[A-Za-z0-9-]{1,40}$"
                            return schema
                        },
                        query("year", "Year the person was protected.") { APIRequestSchemas.integer("Year.", 1900...2200) },
                        query("nationality", "ISO 3166-1 alpha-3.") { APIRequestSchemas.nationality },
                        query("exploitation", "Form of exploitation.") { APIRequestSchemas.codes(Exploitation.self, "Form of exploitation.") },
                        query("minors", "`on`: under-18s only.") { APIRequestSchemas.code(["on"], "Under-18s only.") },
                     ] + pageParameters(PageCursor.dayPattern),
                     answers: [.init(status: 200, description: "The files, newest protection first.", body: json([VictimFileSummary].self),
                                     headers: ["Link": "`<…?cursor=…>; rel=\"next\"` when there are more."])],
                     paged: true),
        APIOperation(id: "openVictimFile", method: .POST, path: "/api/victims", tag: "victims",
                     summary: "Open a victim file", summaryJapanese: "被害者ファイルを作成する",
                     permission: .createVictimFile, body: APIRequestSchemas.newVictimFile, bodyName: "NewVictimFile",
                     bodyExample: .object(["protected_on": .string("2026-04-02"), "sex": .string("female"), "age": .integer(17),
                                           "nationality": .string("THA"), "residence_status": .string("temporary_visitor"),
                                           "exploitation": .string("sexual"), "protecting_agency": .string("wcsc-13"),
                                           "whereabouts_kind": .string("shelter"), "whereabouts": .string("Shelter A, room 3")]),
                     answers: [
                        .init(status: 201, description: "Created: its `id`; `Location` names the file.", body: json(Created.self),
                              headers: ["Location": "The new file's address, `/api/victims/{id}`."],
                              links: ["GetVictimFile": ("getVictimFile", ["id": "$response.body#/id"]),
                                      "AddProtectionStep": ("addProtectionStep", ["id": "$response.body#/id"]),
                                      "SetWhereabouts": ("setWhereabouts", ["id": "$response.body#/id"]),
                                      "ReferVictimFile": ("referVictimFile", ["id": "$response.body#/id"]),
                                      "WithdrawConsent": ("withdrawConsent", ["id": "$response.body#/id"])]),
                        error(409, "The protecting agency is not one of the directory's protecting agencies (`field`: `protecting_agency`)."),
                     ]),
        APIOperation(id: "getVictimFile", method: .GET, path: "/api/victims/{id}", tag: "victims",
                     summary: "One victim file, with the sections the caller needs to know", summaryJapanese: "被害者ファイル（必要な範囲の項目のみ）",
                     permission: .viewCases, parameters: [path("id", "File number.", example: "V2026-ABCD2345")],
                     answers: [.init(status: 200, description: "The file: sections the caller needs to know, whereabouts only to the protecting agency.",
                                     body: json(VictimFileView.self)),
                               error(404, "No such file, or not the caller's business (audited).")]),
        APIOperation(id: "addProtectionStep", method: .POST, path: "/api/victims/{id}/steps", tag: "victims",
                     summary: "Add a step to the protection timeline", summaryJapanese: "保護の経過に段階を追加する",
                     permission: .recordProtection, parameters: [path("id", "File number.", example: "V2026-ABCD2345")],
                     body: APIRequestSchemas.protectionStep, bodyName: "ProtectionStep",
                     bodyExample: .object(["step": .string("identification"), "on": .string("2026-04-02")]),
                     answers: [.init(status: 200, description: "The file after the step.", body: json(VictimFileView.self)),
                               error(404, "No such file, or not the caller's business."),
                               error(409, "The timeline's rules do not allow this step now (`field` says which: the step, its day or its agency).")]),
        APIOperation(id: "setWhereabouts", method: .PUT, path: "/api/victims/{id}/whereabouts", tag: "victims",
                     summary: "Record where the person is now and who protects them", summaryJapanese: "所在と保護機関を記録する",
                     permission: .recordProtection, parameters: [path("id", "File number.", example: "V2026-ABCD2345")],
                     body: APIRequestSchemas.whereabouts, bodyName: "Whereabouts",
                     bodyExample: .object(["protecting_agency": .string("wcsc-13"), "whereabouts_kind": .string("shelter"),
                                           "whereabouts": .string("Shelter B")]),
                     answers: [.init(status: 204, description: "Recorded."),
                               error(404, "No such file, or not the caller's business."),
                               error(409, "The protecting agency is not one of the directory's protecting agencies.")]),
        APIOperation(id: "referVictimFile", method: .POST, path: "/api/victims/{id}/referrals", tag: "referrals",
                     summary: "Refer the file to another agency (consent, or a supervisor's override)", summaryJapanese: "他機関へ照会する（同意または責任者の判断）",
                     permission: .refer, parameters: [path("id", "File number.", example: "V2026-ABCD2345")],
                     body: APIRequestSchemas.newReferral, bodyName: "NewReferral",
                     bodyExample: .object(["to_agency": .string("iom"), "sections": .array([.string("basic"), .string("timeline")]),
                                           "basis": .string("consent")]),
                     answers: [.init(status: 201, description: "The referral, pending the other agency's answer.", body: json(Referral.self),
                                     links: ["AnswerReferral": ("answerReferral", ["referral": "$response.body#/id"])]),
                               error(404, "No such file, or not the caller's business."),
                               error(409, "The agency is not a protecting agency of the directory, or is the caller's own (`field`: `to_agency`).")]),
        APIOperation(id: "withdrawConsent", method: .POST, path: "/api/victims/{id}/consent-withdrawal", tag: "referrals",
                     summary: "The victim withdrew consent: every consent-based referral stops sharing", summaryJapanese: "同意の撤回：同意に基づく照会の共有をすべて止める",
                     permission: .recordProtection, parameters: [path("id", "File number.", example: "V2026-ABCD2345")],
                     answers: [.init(status: 200, description: "How many referrals ended.", body: json(ConsentWithdrawn.self)),
                               error(404, "No such file, or not the caller's business.")]),
        APIOperation(id: "screenArticle3", method: .POST, path: "/api/screenings", tag: "screening",
                     summary: "Screen against Article 3 of the Protocol", summaryJapanese: "議定書第3条に照らして判定する",
                     description: "The outcome (`meets_definition`, `possible_interview_further`, `not_indicated`), the elements found, the reasons, the offenses and the protecting agency to consider. With `file` the screening is kept with that victim file.",
                     permission: .screen, body: APIRequestSchemas.screening, bodyName: "Screening",
                     bodyExample: .object(["acts": .array([.string("recruitment")]), "means": .array([.string("deception")]),
                                           "purposes": .array([.string("forced_labour_or_services")]), "age": .integer(24),
                                           "nationality": .string("VNM")]),
                     answers: [.init(status: 201, description: "The result; `stored` says whether it was kept with `file`.", body: json(ScreeningController.ScreeningJSON.self)),
                               error(404, "No such file, or not the caller's business (audited).")]),
        APIOperation(id: "listReferrals", method: .GET, path: "/api/referrals", tag: "referrals",
                     summary: "Referrals addressed to the caller's agency, newest first", summaryJapanese: "自機関あての照会（新しい順）",
                     permission: .answerReferrals, parameters: pageParameters(PageCursor.numberPattern),
                     answers: [.init(status: 200, description: "The referrals.", body: json([Referral].self),
                                     headers: ["Link": "`<…?cursor=…>; rel=\"next\"` when there are more."])],
                     paged: true),
        APIOperation(id: "answerReferral", method: .POST, path: "/api/referrals/{referral}", tag: "referrals",
                     summary: "Accept, decline or revoke a referral", summaryJapanese: "照会を受諾・辞退・取消する",
                     permission: .answerReferrals, parameters: [path("referral", "Referral id.", example: "R-abcdef123456")],
                     body: APIRequestSchemas.referralAnswer, bodyName: "ReferralAnswer", bodyExample: .object(["answer": .string("accept")]),
                     answers: [.init(status: 200, description: "The referral after the answer.", body: json(Referral.self)),
                               error(404, "No such referral, or not between the caller's agency and another."),
                               error(409, "Not allowed in the referral's state, or not by the caller's side (only the receiver accepts or declines; only the referrer revokes).")]),
        APIOperation(id: "listCases", method: .GET, path: "/api/cases", tag: "cases",
                     summary: "Cleared cases kept by the caller's agency (all, for the prosecutors' liaison)", summaryJapanese: "自機関の検挙事件（検察連絡担当はすべて）",
                     permission: .recordSuspectsAndTrials, parameters: pageParameters(PageCursor.dayPattern),
                     answers: [.init(status: 200, description: "The cases, most recently cleared first.", body: json([CriminalCaseView].self),
                                     headers: ["Link": "`<…?cursor=…>; rel=\"next\"` when there are more."])],
                     paged: true),
        APIOperation(id: "openCase", method: .POST, path: "/api/cases", tag: "cases",
                     summary: "Open a cleared case (police, coast guard)", summaryJapanese: "検挙事件を登録する（警察・海上保安庁）",
                     permission: .recordSuspectsAndTrials, body: APIRequestSchemas.newCase, bodyName: "NewCase",
                     bodyExample: .object(["cleared_on": .string("2026-04-01"), "prefecture": .string("JP-13"), "agency": .string("police")]),
                     answers: [.init(status: 201, description: "Created: its `id`.", body: json(Created.self),
                                     links: ["GetCase": ("getCase", ["case": "$response.body#/id"]),
                                             "AddSuspect": ("addSuspect", ["case": "$response.body#/id"])]),
                               error(403, "Only the police and the coast guard open cases.")]),
        APIOperation(id: "getCase", method: .GET, path: "/api/cases/{case}", tag: "cases",
                     summary: "A cleared case with its suspects, charges and trials", summaryJapanese: "検挙事件（被疑者・罪名・裁判）",
                     permission: .recordSuspectsAndTrials, parameters: [path("case", "Case id.", example: "C2026-ABCD2345")],
                     answers: [.init(status: 200, description: "The case.", body: json(CriminalCaseView.self)),
                               error(404, "No such case, or not the caller's.")]),
        APIOperation(id: "addSuspect", method: .POST, path: "/api/cases/{case}/suspects", tag: "cases",
                     summary: "Add a suspect with their charges", summaryJapanese: "被疑者と罪名を追加する",
                     permission: .recordSuspectsAndTrials, parameters: [path("case", "Case id.", example: "C2026-ABCD2345")],
                     body: APIRequestSchemas.newSuspect, bodyName: "NewSuspect",
                     bodyExample: .object(["arrested_on": .string("2026-04-01"), "sex": .string("male"), "nationality": .string("JPN"),
                                           "charges": .array([.string(CodeLists.shipped.offenseOrder.first ?? "")])]),
                     answers: [.init(status: 201, description: "Created: the suspect's `id`.", body: json(Created.self),
                                     links: ["RecordDisposition": ("recordDisposition", ["suspect": "$response.body#/id"]),
                                             "RecordTrial": ("recordTrial", ["suspect": "$response.body#/id"])]),
                               error(404, "No such case, or not the caller's."),
                               error(409, "The case's charges are not the caller's to change, or an offense code is not in this instance's list.")]),
        APIOperation(id: "recordDisposition", method: .PUT, path: "/api/suspects/{suspect}/disposition", tag: "cases",
                     summary: "Record the prosecutors' decision", summaryJapanese: "検察の処分を記録する",
                     permission: .recordSuspectsAndTrials, parameters: [path("suspect", "Suspect id.", example: "S2026-ABCD2345")],
                     body: APIRequestSchemas.disposition, bodyName: "Disposition",
                     bodyExample: .object(["disposition": .string("prosecuted"), "disposition_on": .string("2026-05-01")]),
                     answers: [.init(status: 204, description: "Recorded."),
                               error(404, "No such suspect, or not the caller's."),
                               error(409, "The decision's day is before the arrest.")]),
        APIOperation(id: "recordTrial", method: .PUT, path: "/api/suspects/{suspect}/trial", tag: "cases",
                     summary: "Record a trial result", summaryJapanese: "裁判結果を記録する",
                     permission: .recordSuspectsAndTrials, parameters: [path("suspect", "Suspect id.", example: "S2026-ABCD2345")],
                     body: APIRequestSchemas.trial, bodyName: "Trial",
                     bodyExample: .object(["verdict": .string("pending")]),
                     answers: [.init(status: 204, description: "Recorded."),
                               error(404, "No such suspect, or not the caller's."),
                               error(409, "The suspect was not prosecuted, or the judgment's day is before the decision to prosecute.")]),
        APIOperation(id: "listAuditEntries", method: .GET, path: "/api/audit", tag: "audit",
                     summary: "The audit trail, newest first (auditors)", summaryJapanese: "監査ログ（新しい順、監査担当）",
                     permission: .viewAudit,
                     parameters: [
                        query("record", "Only entries about this record, e.g. `victim:V2026-…`.") { APIRequestSchemas.text("A record.", max: 200) },
                        query("actor", "Only entries by this account, `user:…`.") { APIRequestSchemas.text("An account.", max: 200) },
                        query("agency", "Only entries by this agency.") { APIRequestSchemas.agency("An agency.") },
                     ] + pageParameters(PageCursor.sequencePattern),
                     answers: [.init(status: 200, description: "The entries.", body: json([AuditLog.Entry].self),
                                     headers: ["Link": "`<…?cursor=…>; rel=\"next\"` when there are more."])],
                     paged: true),
        APIOperation(id: "getAnnualReport", method: .GET, path: "/api/reports/{year}", tag: "reports",
                     summary: "Section 2 of the annual report for a data year", summaryJapanese: "年次報告第2章（データ年）",
                     permission: nil,
                     parameters: [
                        .init(name: "year", location: .path, description: "Data year.", required: true,
                              schema: { APIRequestSchemas.integer("Data year.", 1900...2200) }, example: .integer(2024)),
                        query("as_of", "Cut-off for trial results (default: March 31 of the next year).") { APIRequestSchemas.date("Cut-off.") },
                        query("lang", "Language of the labels.") { APIRequestSchemas.code(["en", "ja"], "Language.") },
                     ],
                     answers: [.init(status: 200, description: "The report's facts, tables and figures.", body: json(AnnualReport.self)),
                               error(404, "No records for that year.")]),
        APIOperation(id: "findHelp", method: .GET, path: "/api/public/help", tag: "public",
                     summary: "Who can help now, in the asker's language", summaryJapanese: "いま相談できる窓口（相談者の言語で）",
                     description: "Unknown topics and languages fall back with a notice. A time that is not one is refused, but the emergency numbers still come back in the answer.",
                     permission: nil,
                     parameters: [
                        query("topic", "What happened.") { APIRequestSchemas.text("A topic: " + HelpTopic.allCases.map(\.rawValue).joined(separator: ", ") + "; another word falls back to every service with a notice.", max: 100) },
                        query("lang", "The asker's language (ISO 639-1; another falls back to English with a notice).") { APIRequestSchemas.text("A language.", max: 35) },
                        query("emergency", "`true`: someone is in danger now.") { APIRequestSchemas.code(["true", "false", "1", "0", "on", "yes"], "Danger now.") },
                        query("at", "The instant to answer for (RFC 3339); now when absent.") {
                            let schema = OpenAPI.Schema.string(format: "date-time", description: "An instant with its offset; seconds may be left out.")
                            schema.pattern = "^\(APIRequestSchemas.year)-"
                            schema.examples = [.string("2026-01-05T22:30:00+09:00")]
                            return schema
                        },
                     ],
                     answers: [.init(status: 200, description: "The services, open ones first.", body: json(HelpAnswerJSON.self)),
                               .init(status: 400, description: "`at` is not an instant: `error` says why, and the emergency numbers are in the answer.",
                                     body: json(HelpAnswerJSON.self))]),
        APIOperation(id: "sendTip", method: .POST, path: "/api/public/tips", tag: "public",
                     summary: "An anonymous tip to the Anonymous-Reporting Hot Line", summaryJapanese: "匿名通報ダイヤルへの通報",
                     permission: nil, body: APIRequestSchemas.tip, bodyName: "Tip",
                     bodyExample: .object(["lang": .string("en"), "category": .string("trafficking"), "prefecture": .string("JP-13"),
                                           "description": .string("A woman at a bar in Shinjuku says her passport was taken.")]),
                     answers: [.init(status: 201, description: "The receipt number and passcode, shown once: with them the sender follows the tip.",
                                     body: json(HotlineReceipt.self)),
                               error(429, "Too many reports from this address just now.", headers: retryAfter)],
                     maximumBodyBytes: HotlineLimits.bodyBytes),
        APIOperation(id: "sendInternetReport", method: .POST, path: "/api/public/internet-reports", tag: "public",
                     summary: "A report of illegal or harmful information on the internet", summaryJapanese: "インターネット上の違法・有害情報の通報",
                     permission: nil, body: APIRequestSchemas.internetReport, bodyName: "InternetReport",
                     bodyExample: .object(["lang": .string("ja"), "category": .string("prostitution_inducement"),
                                           "url": .string("https://example.jp/ads/123")]),
                     answers: [.init(status: 201, description: "The receipt number and passcode, shown once.", body: json(HotlineReceipt.self)),
                               error(429, "Too many reports from this address just now.", headers: retryAfter)],
                     maximumBodyBytes: HotlineLimits.bodyBytes),
        APIOperation(id: "searchOrganisations", method: .GET, path: "/api/oversight/organisations", tag: "oversight",
                     summary: "Find organisations by name, licence number or identifier", summaryJapanese: "機関を名称・許可番号・識別子で検索する",
                     permission: .viewOversight,
                     parameters: [
                        query("q", "An identifier, the beginning of a licence number, or any part of the name (English or Japanese).") {
                            APIRequestSchemas.text("Search text.", max: 200)
                        },
                        query("prefecture", "Only organisations in this prefecture.") { APIRequestSchemas.prefecture },
                        query("kind", "Only organisations of this kind.") { APIRequestSchemas.codes(OrganisationKind.self, "Kind of organisation.") },
                        query("limit", "At most this many (1–500, default 50), by identifier.") { APIRequestSchemas.integer("How many.", 1...500) },
                     ],
                     answers: [.init(status: 200, description: "The organisations, by identifier.", body: json([OrganisationJSON].self))]),
        APIOperation(id: "getOrganisation", method: .GET, path: "/api/oversight/organisations/{organisation}", tag: "oversight",
                     summary: "One organisation with its licence, inspections and actions", summaryJapanese: "機関（許可・検査・処分）",
                     permission: .viewOversight, parameters: [path("organisation", "Organisation id.", example: "SUP-00001")],
                     answers: [.init(status: 200, description: "The organisation.", body: json(OrganisationDetailJSON.self)),
                               error(404, "No such organisation.")]),
        APIOperation(id: "recordInspection", method: .POST, path: "/api/oversight/organisations/{organisation}/inspections", tag: "oversight",
                     summary: "Record an inspection and its findings", summaryJapanese: "検査と指摘事項を記録する",
                     permission: .recordOversight, parameters: [path("organisation", "Organisation id.", example: "IMP-00001")],
                     body: APIRequestSchemas.newInspection, bodyName: "NewInspection",
                     bodyExample: .object(["inspector": .string("otit"), "inspected_on": .string("2026-04-02"), "violation_found": .bool(true),
                                           "findings": .array([.string("passport_retained")])]),
                     answers: [.init(status: 201, description: "Recorded: its `id`; for a finding that may be trafficking, the screening to open and where to record that the police were informed.",
                                     body: json(InspectionRecordedJSON.self),
                                     links: ["GetInspection": ("getInspection", ["inspection": "$response.body#/id"]),
                                             "InformPolice": ("informPolice", ["inspection": "$response.body#/id"])]),
                               error(403, "The caller's agency does not record this kind of inspection (audited)."),
                               error(404, "No such organisation."),
                               error(409, "The organisation is gone, or the record breaks a rule of inspections.csv the document cannot state (a day in the future): `field` names it.")]),
        APIOperation(id: "recordAction", method: .POST, path: "/api/oversight/organisations/{organisation}/actions", tag: "oversight",
                     summary: "Record an action: guidance, an order, a revocation, a referral to prosecutors…", summaryJapanese: "処分・措置を記録する",
                     permission: .recordOversight, parameters: [path("organisation", "Organisation id.", example: "IMP-00001")],
                     body: APIRequestSchemas.newAction, bodyName: "NewOversightAction",
                     bodyExample: .object(["kind": .string("correction_order"), "by": .string("otit"), "on": .string("2026-04-10"),
                                           "due_on": .string("2026-05-10")]),
                     answers: [.init(status: 201, description: "Recorded: its `id`.", body: json(Created.self)),
                               error(403, "The caller's agency does not act for that authority (audited)."),
                               error(404, "No such organisation."),
                               error(409, "Against the records or a rule of actions.csv: an order after the licence ended, an inspection of another organisation, a government report of an organisation that is not a sending one, a day in the future, a due day before the action (`field` names it).")]),
        APIOperation(id: "recordSignal", method: .POST, path: "/api/oversight/organisations/{organisation}/signals", tag: "oversight",
                     summary: "Note a sign pointing at an organisation (tips, consultations, disappearances, employer changes)", summaryJapanese: "機関に関する兆候を記録する",
                     permission: .recordOversight, parameters: [path("organisation", "Organisation id.", example: "IMP-00001")],
                     body: APIRequestSchemas.signal, bodyName: "OversightSignal",
                     bodyExample: .object(["kind": .string("disappearance"), "noted_on": .string("2026-04-02"), "count": .integer(3)]),
                     answers: [.init(status: 201, description: "Recorded: its `id`.", body: json(Created.self)),
                               error(404, "No such organisation."),
                               error(409, "The organisation is gone, or the day is in the future.")]),
        APIOperation(id: "requestJointInspection", method: .POST, path: "/api/oversight/organisations/{organisation}/joint-inspection-requests", tag: "oversight",
                     summary: "Ask the OTIT for a joint inspection (labour bureaus)", summaryJapanese: "機構に合同検査を要請する（労働局）",
                     permission: .recordOversight, parameters: [path("organisation", "Organisation id.", example: "IMP-00001")],
                     body: APIRequestSchemas.jointInspectionRequest, bodyName: "JointInspectionRequest",
                     bodyExample: .object(["findings": .array([.string("passport_retained")])]),
                     answers: [.init(status: 201, description: "Requested: its `id`; open until a joint inspection of the organisation is recorded.", body: json(Created.self)),
                               error(403, "Only the labour bureaus ask (audited)."),
                               error(404, "No such organisation."),
                               error(409, "The organisation is gone.")]),
        APIOperation(id: "getInspection", method: .GET, path: "/api/oversight/inspections/{inspection}", tag: "oversight",
                     summary: "One inspection, the actions following it and the police informed", summaryJapanese: "検査（措置・警察への情報提供）",
                     permission: .viewOversight, parameters: [path("inspection", "Inspection id.", example: "OTIT-I-00001")],
                     answers: [.init(status: 200, description: "The inspection.", body: json(InspectionDetailJSON.self)),
                               error(404, "No such inspection.")]),
        APIOperation(id: "informPolice", method: .POST, path: "/api/oversight/inspections/{inspection}/police", tag: "oversight",
                     summary: "Record that the police were told of findings that may be trafficking", summaryJapanese: "人身取引が疑われる指摘事項を警察に情報提供したことを記録する",
                     permission: .recordOversight, parameters: [path("inspection", "Inspection id.", example: "JOINT-01")],
                     body: APIRequestSchemas.policeInformed, bodyName: "PoliceInformed",
                     bodyExample: .object(["police": .string("police-13"), "informed_on": .string("2026-04-03")]),
                     answers: [.init(status: 201, description: "Recorded (and audited as information shared).", body: json(PoliceReferral.self)),
                               error(404, "No such inspection."),
                               error(409, "The inspection found nothing that may be trafficking, `police` is not a police agency of the directory, or the day is before the inspection or in the future (`field` names it).")]),
        APIOperation(id: "acceptImprovementReport", method: .PUT, path: "/api/oversight/actions/{action}/report-accepted", tag: "oversight",
                     summary: "The organisation's improvement report was accepted", summaryJapanese: "改善報告を受理する",
                     permission: .recordOversight, parameters: [path("action", "Action id.", example: "JORD-02")],
                     body: APIRequestSchemas.reportAccepted, bodyName: "ReportAccepted",
                     bodyExample: .object(["closed_on": .string("2026-05-01")]),
                     answers: [.init(status: 200, description: "The action, resolved.", body: json(ActionJSON.self)),
                               error(403, "The caller's agency does not act for the authority that ordered it."),
                               error(404, "No such action."),
                               error(409, "The action asked for no report, its report was already accepted, or the day is before the order or in the future.")]),
        APIOperation(id: "listAwaitedReports", method: .GET, path: "/api/oversight/orders", tag: "oversight",
                     summary: "Orders whose improvement report is awaited, the longest overdue first", summaryJapanese: "改善報告待ちの命令・勧告",
                     permission: .viewOversight,
                     answers: [.init(status: 200, description: "The orders (at most 500).", body: json([ActionJSON].self))]),
        APIOperation(id: "getInspectionPlan", method: .GET, path: "/api/oversight/plan", tag: "oversight",
                     summary: "Who is due for an OTIT inspection: overdue first, then by risk, with reasons", summaryJapanese: "検査計画（期限超過・リスク順、理由付き）",
                     permission: .viewOversight,
                     parameters: [query("limit", "At most this many (1–5000, default 200).") { APIRequestSchemas.integer("How many.", 1...5_000) }],
                     answers: [.init(status: 200, description: "The plan.", body: json([PlanEntryJSON].self))]),
        APIOperation(id: "getOversightStats", method: .GET, path: "/api/oversight/stats", tag: "oversight",
                     summary: "The figures of a fiscal year, a calendar year or a period", summaryJapanese: "年度・暦年・期間の監督の統計",
                     description: "`fiscal_year`, else `year`, else `from`–`to` (a missing end is the other's fiscal year's); none: the last fiscal year that ended. The same as `ctip oversight stats --json`.",
                     permission: .viewOversight,
                     parameters: [
                        query("fiscal_year", "A fiscal year: 2024 is April 2024 to March 2025.") { APIRequestSchemas.integer("Fiscal year.", 1990...2200) },
                        query("year", "A calendar year.") { APIRequestSchemas.integer("Year.", 1990...2200) },
                        query("from", "First day of a period, with `to`.") { APIRequestSchemas.date("First day.") },
                        query("to", "Last day of a period, with `from`.") { APIRequestSchemas.date("Last day.") },
                     ],
                     answers: [.init(status: 200, description: "The figures.", body: json(OversightFigures.self)),
                               error(404, "No such period: `to` is before `from`.")]),
        APIOperation(id: "getMeasureFigures", method: .GET, path: "/api/measures/figures", tag: "measures",
                     summary: "The registers' figures for the annual report of a calendar or fiscal year", summaryJapanese: "年・年度の施策の記録の数値（年次報告用）",
                     description: "`fiscal_year` if given, else `year`, else the last fiscal year that has ended. The same as `ctip measures stats --json`: with `fiscal_year`, also Figure 14's poster statistics computed from the section-2 records of the year before. A contributor gets their own ministry's figures.",
                     permission: .viewMeasures,
                     parameters: [
                        query("year", "A calendar year.") { APIRequestSchemas.integer("Year.", 1900...2200) },
                        query("fiscal_year", "A fiscal year: 2024 is April 2024 to March 2025.") { APIRequestSchemas.integer("Fiscal year.", 1900...2200) },
                     ],
                     answers: [.init(status: 200, description: "The figures, in register order, then by key.", body: json([MeasureFigureJSON].self))]),
        APIOperation(id: "listMeasureRows", method: .GET, path: "/api/measures/{register}", tag: "measures",
                     summary: "The rows of a register of the measures", summaryJapanese: "施策の記録（登録簿）の行",
                     description: "A contributor reads their own ministry's rows; analysts and supervisors read every ministry's. Nothing in the registers is about a person.",
                     permission: .viewMeasures, parameters: [measureRegister],
                     answers: [.init(status: 200, description: "The rows, by key.", body: json(MeasureRowsJSON.self))]),
        APIOperation(id: "recordMeasureRow", method: .POST, path: "/api/measures/{register}", tag: "measures",
                     summary: "Add or replace a row of a register of the measures (contributors, their own ministry's)", summaryJapanese: "施策の記録に行を追加・更新する（報告担当、自府省庁の行のみ）",
                     description: "Checked by the rules of the register's file (docs/measures.md), as an import checks it; a row with the key of a stored row replaces it. Recorded in the audit trail.",
                     permission: .recordMeasures, parameters: [measureRegister],
                     body: APIRequestSchemas.newMeasureRow, bodyName: "NewMeasureRow",
                     bodyExample: .object(["distribution_id": .string("cao-distribution-stations-fy2025"), "material_id": .string("cao-poster-victims-fy2024"),
                                           "fiscal_year": .integer(2025), "places": .integer(120)]),
                     answers: [.init(status: 201, description: "Recorded: the register, the row's key and its cells as kept.", body: json(MeasureRowRecordedJSON.self),
                                     links: ["ListMeasureRows": ("listMeasureRows", ["register": "$response.body#/register"])]),
                               error(403, "The row is another ministry's: only its contributors record it (audited)."),
                               error(409, "The register's rules refuse it (`field` names the column): a required column empty, a cell not of its type, an unknown code, country, language or agency, a column of another register; or the rules across rows: a distribution of a material nobody recorded (`material_id`), more copies distributed than the material printed (`copies`).")]),
        APIOperation(id: "getHealth", method: .GET, path: "/health", tag: "operations",
                     summary: "Whether this instance and its database answer", summaryJapanese: "このインスタンスとデータベースの稼働状況",
                     permission: nil,
                     answers: [.init(status: 200, description: "Serving.", body: json(HealthController.Health.self)),
                               .init(status: 503, description: "The database is out of reach: `error` says why (load balancers take the instance out).",
                                     body: json(HealthController.Health.self), headers: retryAfter)]),
    ]

    /// The register of a measures operation's path: its file name without `.csv`.
    static var measureRegister: APIOperation.Parameter {
        .init(name: "register", location: .path, description: "The register: its file name without `.csv` (docs/measures.md).", required: true,
              schema: { APIRequestSchemas.code(MeasureFile.allCases.map(\.rawValue), "A register of the measures.") }, example: .string("distributions"))
    }

    static let byRoute: [String: APIOperation] = Dictionary(uniqueKeysWithValues: operations.map { ("\($0.method.rawValue) \($0.path)", $0) })

    /// The operation a request was routed to, by its route's path (`:id` written `{id}`).
    static func operation(for request: Request) -> APIOperation? {
        guard let route = request.route else { return nil }
        return byRoute["\(route.method.rawValue) \(template(route.path))"]
    }

    static func template(_ components: [PathComponent]) -> String {
        "/" + components.map { component in
            switch component {
            case .parameter(let name): "{\(name)}"
            default: component.description
            }
        }.joined(separator: "/")
    }

    static let tags: [OpenAPI.Tag] = [
        .init(name: "victims", description: "Victim files: need-to-know, sealed identity and whereabouts, the protection timeline."),
        .init(name: "referrals", description: "Referrals between agencies, with the victim's consent."),
        .init(name: "screening", description: "Identification against Article 3 of the Protocol."),
        .init(name: "cases", description: "Cleared cases, suspects, prosecutors' decisions and trials."),
        .init(name: "audit", description: "The audit trail."),
        .init(name: "oversight", description: "Programme oversight: the organisations of the Technical Intern Training Program, Specified Skilled Workers and Employment for Skill Development, their inspections, findings and actions."),
        .init(name: "measures", description: "The registers of the measures: materials, distributions, campaigns, trainings, funding, agreements, engagements, mutual legal assistance, related offences, consultations — aggregates only, never a person."),
        .init(name: "reports", description: "The annual report's statistics."),
        .init(name: "public", description: "For everyone, without an account: help, anonymous reports."),
        .init(name: "operations", description: "For load balancers and operators."),
    ]
}
