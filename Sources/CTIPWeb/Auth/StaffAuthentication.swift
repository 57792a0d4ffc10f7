import CTIPCore
import CTIPStorage
import Crypto
import Fluent
import Foundation
import Vapor

/// Staff sign in with a password and get a session cookie; programs send an API token as
/// `Authorization: Bearer ctip_…`. Both are looked up in the database on every request, so several
/// `ctip serve` processes agree on who is signed in, and signing out or disabling an account takes
/// effect everywhere at once.
///
/// Routes use `try await request.requireStaff(.permission)`: it answers 401 (or, for pages, sends to
/// `/login`) without an identity and 403 without the permission, and writes the refusal to the audit trail.
enum StaffSession {
    static let cookieName = "ctip_session"
    static let csrfField = "csrf_token"
    static let csrfHeader = "X-CSRF-Token"
}

struct StaffIdentityKey: StorageKey { typealias Value = StaffIdentity }
struct SessionTokenKey: StorageKey { typealias Value = String }

/// Who is asking, if anyone; and for cookie sessions, a CSRF check on every unsafe method.
struct StaffAuthenticationMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let accounts = AccountStore(database: request.db)
        if let authorization = request.headers.bearerAuthorization {
            guard let staff = try await accounts.identity(apiToken: authorization.token) else {
                throw Abort(.unauthorized, reason: "the API token is unknown or revoked")
            }
            request.storage[StaffIdentityKey.self] = staff
        } else if let token = request.cookies[StaffSession.cookieName]?.string, !token.isEmpty,
                  let staff = try await accounts.identity(session: token, now: request.application.ctipConfiguration.now()) {
            request.storage[StaffIdentityKey.self] = staff
            request.storage[SessionTokenKey.self] = token
            if ![.GET, .HEAD, .OPTIONS].contains(request.method) {
                // A form's token is in its body, which a large upload (the directory's CSV) may still be
                // streaming: collect it first, within the largest body a staff route takes.
                if request.body.data == nil, request.headers.first(name: StaffSession.csrfHeader) == nil {
                    _ = try await request.body.collect(max: Self.largestStaffBody).get()
                }
                let sent = request.headers.first(name: StaffSession.csrfHeader) ?? (try? request.content.get(String.self, at: StaffSession.csrfField))
                guard let sent, Self.constantTimeEqual(sent, Self.csrfToken(for: token)) else {
                    throw Abort(.forbidden, reason: "the form has expired or did not come from CTIP: reload the page and try again")
                }
            }
        }
        return try await next.respond(to: request)
    }

    /// The directory upload's limit (`DirectoryAdminController`); every other staff form is far smaller.
    static let largestStaffBody = 2 * 1024 * 1024

    /// Derived from the session secret, so it needs no storage and changes with every session.
    static func csrfToken(for session: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("csrf".utf8), using: SymmetricKey(data: Data(session.utf8)))
        return Data(mac).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// A request that needs someone signed in: pages send to `/login`, the API answers 401.
struct StaffRequired: Error {}

extension Request {
    var staff: StaffIdentity? { storage[StaffIdentityKey.self] }

    /// The token forms must carry (hidden field `csrf_token`); nil without a cookie session.
    var csrfToken: String? { storage[SessionTokenKey.self].map(StaffAuthenticationMiddleware.csrfToken(for:)) }

    var wantsJSON: Bool { url.path.hasPrefix("/api/") }

    /// The signed-in member of staff, if they hold `permission`; a refusal is audited.
    @discardableResult
    func requireStaff(_ permission: Permission? = nil) async throws -> StaffIdentity {
        guard let staff else { throw StaffRequired() }
        if let permission, !AccessPolicy.allows(staff, permission) {
            try await AuditLog(database: db).append(AuditEvent(at: application.ctipConfiguration.now(), by: staff, action: .denied,
                                                               record: "route:\(url.path)", purpose: permission.rawValue))
            throw Abort(.forbidden, reason: "your role (\(staff.role.rawValue)) does not allow this")
        }
        return staff
    }

    var staffLanguage: CTIPCore.Language {
        if let asked = query[String.self, at: "lang"], let language = CTIPCore.Language(rawValue: asked) { return language }
        return preferredStaffLanguage
    }

    /// The staff member's language from their cookie or browser, ignoring `?lang=` (which on the
    /// interview sheet names the person's language).
    var preferredStaffLanguage: CTIPCore.Language {
        if let cookie = cookies["ctip_lang"]?.string, let language = CTIPCore.Language(rawValue: cookie) { return language }
        return headers.first(name: .acceptLanguage)?.lowercased().hasPrefix("ja") == true ? .ja : .en
    }
}

/// Turns the typed errors of staff routes into answers: to `/login` for pages without a session, JSON
/// with the field for the API, a page in the user's language otherwise. Messages never carry personal data.
struct StaffErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch is StaffRequired {
            if request.wantsJSON { return try Response.json(APIError(error: "sign in first: send an API token as Authorization: Bearer"), status: .unauthorized) }
            let next = request.url.path + (request.url.query.map { "?\($0)" } ?? "")
            return request.redirect(to: "/login?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/staff"))
        } catch let error as CaseWorkError {
            let (status, body): (HTTPResponseStatus, APIError) = switch error {
            case .notFound: (.notFound, APIError(error: "no such file"))
            case .forbidden(let what): (.forbidden, APIError(error: "not allowed: \(what)"))
            case .invalid(let errors): (.unprocessableEntity, APIError(error: errors.map(\.description).joined(separator: "; "), field: errors.first?.field))
            case .conflict(let errors): (.conflict, APIError(error: errors.map(\.description).joined(separator: "; "), field: errors.first?.field))
            case .noDataKey: (.serviceUnavailable, APIError(error: error.description))
            }
            if request.wantsJSON { return try Response.json(body, status: status) }
            switch error {
            case .invalid(let errors), .conflict(let errors):
                let language = request.staffLanguage
                return StaffPages.message(request, status: status, text: errors.map { "\($0.field): \($0.message(language))" }.joined(separator: "; "))
            default: break
            }
            return StaffPages.message(request, status: status, text: body.error)
        } catch let refusal as APIError {
            return try Response.json(refusal, status: .badRequest)
        } catch let abort as AbortError where request.url.path.hasPrefix("/staff") || request.url.path.hasPrefix("/api/") || request.url.path == "/login" {
            if request.wantsJSON {
                let response = try Response.json(APIError(error: abort.reason), status: abort.status)
                for (name, value) in abort.headers where name.lowercased() != "content-type" { response.headers.replaceOrAdd(name: name, value: value) }
                return response
            }
            return StaffPages.message(request, status: abort.status, text: abort.reason)
        }
    }
}

/// bcrypt, off the event loop.
enum Passwords {
    static func verify(_ password: String, hash: String, on application: Application) async throws -> Bool {
        try await application.threadPool.runIfActive { try Bcrypt.verify(password, created: hash) }
    }

    /// Checked against when the email is unknown, so the answer takes as long either way.
    static let decoy = try! Bcrypt.hash("decoy-password-never-used", cost: 12)
}

/// Making accounts, from the command line (`ctip users add`) and tests: the password's rules and its
/// bcrypt hash in one place.
public enum StaffAccounts {
    public static func create(email: String, password: String, agency: String, role: StaffRole, cost: Int = 12,
                              database: any Database, now: Date = Date()) async throws -> StaffIdentity {
        guard password.count >= AccountStore.minimumPasswordLength else { throw AccountError.weakPassword(minimumLength: AccountStore.minimumPasswordLength) }
        let hash = try Bcrypt.hash(password, cost: cost)
        return try await AccountStore(database: database).createAccount(email: email, passwordHash: hash, agency: agency, role: role, now: now)
    }

    /// A password for someone who did not choose one: 20 characters from an unambiguous alphabet (~115 bits).
    public static func generatedPassword() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<20).map { _ in alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))] })
    }
}
