import CTIPCore
import CTIPStorage
import Foundation
import Testing
import VaporTesting
@testable import CTIPWeb

/// The API keeps its word on methods and bodies (issue 15, item 3): a path asked with a method it does
/// not serve answers 405 with `Allow`; a missing or non-JSON body is 400 or 415, never a record made of
/// defaults.
@Suite("Web: the API's methods and bodies")
struct APIContractTests {
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
