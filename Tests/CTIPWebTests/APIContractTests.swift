import CTIPCore
import CTIPStorage
import Foundation
import Testing
import VaporTesting
@testable import CTIPWeb

/// The JSON API keeps its document's word: the document is built from one table, requests are checked
/// against the schemas it publishes, and the answers the handlers encode follow the schemas reflected
/// from their types. (tests/api/run.py runs schemathesis and a generated client against a server too.)
@Suite("Web: the API contract — methods, bodies, parameters, answers, pages, docs")
struct APIContractTests {
    static let built = APIDocument.built
    static let validator = JSONSchemaValidator(components: built.components)

    static func json(_ text: String) throws -> JSONInput { try JSONDecoder().decode(JSONInput.self, from: Data(text.utf8)) }

    @Test("every $ref of the document names a component, and every operation has a summary in both languages")
    func references() throws {
        let text = String(decoding: Self.built.json, as: UTF8.self)
        let refs = Set(text.matches(of: /"\$ref" : "#\/components\/schemas\/([A-Za-z]+)"/).map { String($0.1) })
        #expect(!refs.isEmpty)
        #expect(refs.subtracting(Self.built.components.keys).isEmpty, "unresolved: \(refs.subtracting(Self.built.components.keys))")
        for operation in APIContract.operations {
            #expect(!operation.summary.isEmpty && !operation.summaryJapanese.isEmpty, "\(operation.id)")
            #expect(operation.answers.contains { (200..<300).contains($0.status) }, "\(operation.id) says what success is")
        }
        #expect(Set(APIContract.operations.map(\.id)).count == APIContract.operations.count, "operation ids are unique")
    }

    @Test("reflection names properties as the encoder writes them and knows which are optional")
    func reflection() throws {
        for key in ["victimID", "screenedAt", "mayChange", "URLValue", "id", "fineYen", "dispositionOn"] {
            struct One: Encodable { let key: String; func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: OpenAPI.AnyKey.self); try container.encode(1, forKey: OpenAPI.AnyKey(key)) } }
            let encoder = JSONEncoder()
            encoder.keyEncodingStrategy = .convertToSnakeCase
            let written = try #require(try JSONSerialization.jsonObject(with: encoder.encode(One(key: key))) as? [String: Int]).keys.first
            #expect(SchemaReflector.jsonName(key) == written, "\(key)")
        }
        let summary = try #require(Self.built.components["VictimFileSummary"])
        #expect(summary.propertyNames == ["id", "protected_on", "sex", "age", "nationality", "residence_status",
                                          "exploitation", "owning_agency", "protecting_agency"])
        #expect(summary.required == ["id", "protected_on", "sex", "nationality", "exploitation", "owning_agency"])
        #expect(summary.property("age")?.type == ["integer", "null"], "an optional property may be null")
        #expect(summary.forbidsAdditionalProperties)
        let referral = try #require(Self.built.components["Referral"])
        #expect(referral.property("status")?.enumeration == Referral.Status.allCases.map { .string($0.rawValue) })
        #expect(referral.property("sections")?.items?.enumeration?.count == VictimFileSection.allCases.count)
    }

    @Test("a request body is checked field by field: types, code lists, blank text, control characters, fields that go together")
    func bodies() throws {
        let schema = APIRequestSchemas.newVictimFile
        func problem(_ body: String) -> SchemaViolation? {
            do { try Self.validator.validate(try Self.json(body), against: schema); return nil } catch let violation as SchemaViolation { return violation }
            catch { return SchemaViolation(path: "?", problem: "\(error)") }
        }
        let valid = #"{"protected_on": "2026-04-02", "sex": "female", "nationality": "THA", "residence_status": "temporary_visitor", "exploitation": "sexual""#
        #expect(problem(valid + "}") == nil)
        #expect(problem(#"{"protected_on": "2026-04-02", "sex": "female", "nationality": "JPN", "exploitation": "sexual"}"#) == nil,
                "a Japanese national has no status of residence")
        #expect(problem(#"{"protected_on": "2026-04-02", "sex": "female", "nationality": "THA", "exploitation": "sexual"}"#)?.path == "residence_status")
        #expect(problem(#"{"protected_on": "2026-04-02", "sex": "female", "nationality": "JPN", "residence_status": "no_status", "exploitation": "sexual"}"#) != nil)
        #expect(problem(valid + #", "age": "17"}"#)?.path == "age", "a number as text is not a number")
        #expect(problem(valid + #", "age": 121}"#)?.path == "age")
        #expect(problem(valid + #", "age": 17.0}"#) == nil, "17.0 is an integer")
        #expect(problem(valid.replacingOccurrences(of: "female", with: "woman") + "}")?.kind == .notListed)
        #expect(problem(valid + #", "name": "   "}"#)?.path == "name", "blank text is refused")
        #expect(problem(valid + #", "name": "A\u0007B"}"#)?.kind == .pattern, "control characters are refused")
        #expect(problem(valid + #", "name": "  Maria Santos  "}"#) == nil, "spaces around the text are fine")
        #expect(problem(valid + #", "whereabouts": "Shelter A"}"#)?.path == "whereabouts_kind", "whereabouts need their kind")
        #expect(problem(valid + #", "date_of_birth": "2009-02-29"}"#)?.kind == .format, "2009 had no February 29")
        #expect(problem(valid + #", "date_of_birth": "2008-02-29", "name": "M"}"#) == nil)
        #expect(problem(valid + #", "nickname": "M"}"#)?.kind == .unknownField)
        #expect(problem(#"["not", "an", "object"]"#)?.kind == .wrongType)
    }

    @Test("the server refuses what the document refuses, before any handler: 401 first, then 400 naming the field, 415 for a form")
    func middleware() async throws {
        try await withCaseWorkApp(.sqlite) { app in
            let fixture = try await CaseWorkFixture.make(app)
            let worker = fixture.actor("home-case_worker")
            let before = try await app.db.sql.raw("SELECT COUNT(*) AS n FROM victim_files").first()?.decode(column: "n", as: Int.self)
            func post(_ body: String, headers: HTTPHeaders, type: HTTPMediaType = .json) async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(.POST, "/api/victims", headers: headers) { request in
                    request.headers.contentType = type
                    request.body = ByteBuffer(string: body)
                }
            }
            #expect(try await post(#"{"sex": "nonsense"}"#, headers: [:]).status == .unauthorized, "who asks comes first")
            let refused = try await post(#"{"protected_on": "2026-04-02", "sex": "female", "nationality": "JPN", "exploitation": "sexual", "colour": "red"}"#,
                                         headers: worker.bearer)
            #expect(refused.status == .badRequest)
            let error = try refused.content.decode(APIError.self)
            #expect(error.field == "colour" && error.error.contains("is not a field of this request"))
            #expect(try await post("protected_on=2026-04-02", headers: worker.bearer, type: .urlEncodedForm).status == .unsupportedMediaType)
            #expect(try await post("", headers: worker.bearer).status == .badRequest)
            let after = try await app.db.sql.raw("SELECT COUNT(*) AS n FROM victim_files").first()?.decode(column: "n", as: Int.self)
            #expect(before == after, "nothing was written")
            let badQuery = try await app.testing().sendRequest(.GET, "/api/victims?year=soon", headers: worker.bearer)
            let badField = try badQuery.content.decode(APIError.self).field
            #expect(badQuery.status == .badRequest && badField == "year")
        }
    }

    @Test("lists are paged by their sort key: every file once, in order, however the pages are cut", arguments: WebEngine.available)
    func paging(engine: WebEngine) async throws {
        try await withCaseWorkApp(engine) { app in
            let fixture = try await CaseWorkFixture.make(app)
            let worker = fixture.actor("home-case_worker")
            for day in ["2026-04-01", "2026-04-01", "2026-04-03", "2026-03-30"] {
                let made = try await app.testing().sendRequest(.POST, "/api/victims", headers: worker.bearer) { request in
                    request.headers.contentType = .json
                    request.body = ByteBuffer(string: #"{"protected_on": "\#(day)", "sex": "male", "nationality": "JPN", "exploitation": "labour"}"#)
                }
                #expect(made.status == .created && made.headers.first(name: .location)?.hasPrefix("/api/victims/V") == true)
            }
            let snake = JSONDecoder()
            snake.keyDecodingStrategy = .convertFromSnakeCase
            let whole = try await app.testing().sendRequest(.GET, "/api/victims", headers: worker.bearer).content.decode([VictimFileSummary].self, using: snake)
            #expect(whole.count == 5)
            var seen: [VictimFileSummary] = []
            var next: String? = "/api/victims?limit=2"
            while let path = next {
                let page = try await app.testing().sendRequest(.GET, path, headers: worker.bearer)
                #expect(page.status == .ok)
                seen += try page.content.decode([VictimFileSummary].self, using: snake)
                next = page.headers.first(name: .link).flatMap { $0.firstMatch(of: /<([^>]+)>; rel="next"/).map { String($0.1) } }
                #expect(seen.count <= 5, "no page repeats an item")
            }
            #expect(seen.map(\.id) == whole.map(\.id), "the pages together are the whole list, in its order")
            #expect(zip(seen, seen.dropFirst()).allSatisfy { $0.protectedOn >= $1.protectedOn }, "newest protection first")
            let past = try await app.testing().sendRequest(.GET, "/api/victims?cursor=1900-01-01", headers: worker.bearer)
            let beyond = try past.content.decode([VictimFileSummary].self, using: snake)
            #expect(past.status == .ok && beyond.isEmpty, "a cursor past the end gives an empty page")
        }
    }

    @Test("what the handlers answer follows the schemas reflected from their types")
    func answers() async throws {
        try await withCaseWorkApp(.sqlite) { app in
            let fixture = try await CaseWorkFixture.make(app)
            let checks: [(String, String, CaseWorkFixture.Actor?)] = [
                ("/api/victims/\(fixture.fileID)", "VictimFile", fixture.actor("protecting-case_worker")),
                ("/api/victims/\(fixture.fileID)", "VictimFile", fixture.actor("home-intake")),
                ("/api/cases/\(CaseWorkFixture.caseID)", "Case", fixture.actor("home-case_worker")),
                ("/api/audit?limit=5", "AuditEntry", fixture.actor("home-auditor")),
                ("/health", "Health", nil),
            ]
            for (path, component, actor) in checks {
                let response = try await app.testing().sendRequest(.GET, path, headers: actor?.bearer ?? [:])
                #expect(response.status == .ok, "\(path)")
                var value = try Self.json(response.body.string)
                if case .array(let items) = value, let first = items.first { value = first }
                let schema = try #require(Self.built.components[component])
                #expect(throws: Never.self, "\(path) follows \(component)") { try Self.validator.validate(value, against: schema) }
            }
        }
    }

    @Test("/api/docs lists every operation for people, in English and Japanese, without scripts")
    func docs() async throws {
        try await withCaseWorkApp(.sqlite) { app in
            for (language, words) in [("en", "Open a victim file"), ("ja", "被害者ファイルを作成する")] {
                let page = try await app.testing().sendRequest(.GET, "/api/docs?lang=\(language)").body.string
                #expect(page.contains("<html lang=\"\(language)\">") && page.contains(words) && !page.contains("<script"))
                for operation in APIContract.operations { #expect(page.contains("id=\"\(operation.id)\""), "\(operation.id)") }
                try assertSnapshot(page, named: "api-docs-\(language).html")
            }
        }
    }

    @Test("a method a path does not serve answers 405 with Allow; OPTIONS answers 204 with Allow; unknown paths stay 404")
    func methodNotAllowed() async throws {
        try await withFreshApp { app in
            let trace = try await app.testing().sendRequest(.TRACE, "/api/victims")
            #expect(trace.status == .methodNotAllowed)
            let allow = Set((trace.headers.first(name: "Allow") ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            #expect(allow.isSuperset(of: ["GET", "POST", "HEAD", "OPTIONS"]) && !allow.contains("TRACE") && !allow.contains("DELETE"))
            #expect(trace.body.string.contains("TRACE is not allowed here"))
            let delete = try await app.testing().sendRequest(.DELETE, "/api/victims/V2026-ABC")
            #expect(delete.status == .methodNotAllowed)
            #expect(delete.headers.first(name: "Allow")?.contains("GET") == true)
            let options = try await app.testing().sendRequest(.OPTIONS, "/api/screenings")
            #expect(options.status == .noContent)
            #expect(options.headers.first(name: "Allow")?.contains("POST") == true)
            #expect(try await app.testing().sendRequest(.TRACE, "/api/no-such-thing").status == .notFound)
            #expect(try await app.testing().sendRequest(.GET, "/health").status == .ok, "served methods pass through")
        }
    }

    @Test("POST /api/screenings without a body is 400, with a form 415, and nothing is stored", arguments: WebEngine.available)
    func bodies(engine: WebEngine) async throws {
        try await withCaseWorkApp(engine) { app in
            let fixture = try await CaseWorkFixture.make(app)
            let intake = fixture.actor("home-intake")
            let before = try await app.db.sql.raw("SELECT COUNT(*) AS n FROM audit_log").first()!.decode(column: "n", as: Int.self)
            let empty = try await app.testing().sendRequest(.POST, "/api/screenings", headers: intake.bearer)
            #expect(empty.status == .badRequest)
            #expect(empty.body.string.contains("send a JSON object"))
            let form = try await app.testing().sendRequest(.POST, "/api/screenings", headers: intake.bearer) { request in
                request.headers.contentType = .urlEncodedForm
                request.body = ByteBuffer(string: "acts=harbouring&age=15")
            }
            #expect(form.status == .unsupportedMediaType)
            let victims = try await app.testing().sendRequest(.POST, "/api/victims", headers: intake.bearer)
            #expect(victims.status == .badRequest)
            #expect(try await app.db.sql.raw("SELECT COUNT(*) AS n FROM screenings").first()!.decode(column: "n", as: Int.self) == 0)
            #expect(try await app.db.sql.raw("SELECT COUNT(*) AS n FROM audit_log").first()!.decode(column: "n", as: Int.self) == before)
        }
    }
}
