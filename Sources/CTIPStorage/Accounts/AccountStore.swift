import CTIPCore
import Crypto
import FluentKit
import Foundation
import SQLKit

public enum AccountError: Error, Equatable, CustomStringConvertible {
    case duplicateEmail(String)
    case unknownAgency(String)
    case invalidEmail(String)
    case weakPassword(minimumLength: Int)

    public var field: String {
        switch self {
        case .duplicateEmail, .invalidEmail: "email"
        case .unknownAgency: "agency"
        case .weakPassword: "password"
        }
    }

    public var description: String {
        switch self {
        case .duplicateEmail(let email): "email: an account for \(email) already exists"
        case .unknownAgency(let code): "agency: no agency has the code \(code) (ctip agencies lists them)"
        case .invalidEmail(let email): "email: \(email) is not an email address"
        case .weakPassword(let length): "password: use at least \(length) characters"
        }
    }
}

/// A staff account as stored; the password only as its bcrypt hash.
public struct StaffAccount: Sendable {
    public let identity: StaffIdentity
    public let passwordHash: String
    public let failedLogins: Int
    public let lockedUntil: Date?
    public let disabled: Bool
}

/// Agencies, accounts, sessions and API tokens (SQL on both engines).
public struct AccountStore: Sendable {
    public static let minimumPasswordLength = 12
    /// After this many wrong passwords in a row an account is locked for `lockout`.
    public static let failuresBeforeLockout = 5
    public static let lockout: TimeInterval = 15 * 60
    public static let sessionLifetime: TimeInterval = 8 * 3600

    public let database: any Database
    public init(database: any Database) { self.database = database }

    // MARK: Agencies

    static func insert(_ agencies: [Agency], into sql: any SQLDatabase) async throws {
        guard !agencies.isEmpty else { return }
        var insert = sql.insert(into: "agencies").columns("code", "kind", "prefecture", "name_en", "name_ja")
        for agency in agencies {
            insert = insert.values(SQLBind(agency.code), SQLBind(agency.kind.rawValue), SQLBind(agency.prefecture),
                                   SQLBind(agency.nameEN), SQLBind(agency.nameJA))
        }
        try await insert.run()
    }

    public func agencies() async throws -> [Agency] {
        try await database.sql.select().columns("code", "kind", "prefecture", "name_en", "name_ja").from("agencies")
            .orderBy("code").all().map(Self.agency(from:))
    }

    public func agency(code: String) async throws -> Agency? {
        try await database.sql.select().columns("code", "kind", "prefecture", "name_en", "name_ja").from("agencies")
            .where("code", .equal, code).first().map(Self.agency(from:))
    }

    public func addAgency(_ agency: Agency) async throws { try await Self.insert([agency], into: database.sql) }

    static func agency(from row: any SQLRow) throws -> Agency {
        Agency(code: try row.decode(column: "code", as: String.self),
               kind: AgencyKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .other,
               prefecture: try row.decode(column: "prefecture", as: String?.self),
               nameEN: try row.decode(column: "name_en", as: String.self),
               nameJA: try row.decode(column: "name_ja", as: String.self))
    }

    // MARK: Accounts

    /// Creates an account; the caller hashes the password (bcrypt lives with the web layer).
    public func createAccount(email rawEmail: String, passwordHash: String, agency code: String, role: StaffRole,
                              now: Date) async throws -> StaffIdentity {
        let email = Self.normalised(email: rawEmail)
        guard Self.looksLikeEmail(email) else { throw AccountError.invalidEmail(rawEmail) }
        guard let agency = try await agency(code: code) else { throw AccountError.unknownAgency(code) }
        let identity = StaffIdentity(userID: UUID().uuidString.lowercased(), email: email, agency: agency, role: role)
        // Checked under the write lock: two administrators adding one address at once get one account
        // and one refusal, never a constraint error.
        try await database.writeTransaction { transaction in
            if try await AccountStore(database: transaction).account(email: email) != nil { throw AccountError.duplicateEmail(email) }
            try await transaction.sql.insert(into: "staff_accounts")
                .columns("user_id", "email", "password_hash", "agency", "role", "failed_logins", "locked_until", "disabled", "created_at")
                .values(SQLBind(identity.userID), SQLBind(email), SQLBind(passwordHash), SQLBind(agency.code), SQLBind(role.rawValue),
                        SQLBind(0), SQLBind(Int64?.none), SQLBind(false), SQLBind(Self.seconds(now)))
                .run()
        }
        return identity
    }

    public func accounts() async throws -> [StaffAccount] {
        try await accountQuery().orderBy(SQLColumn("email", table: "staff_accounts")).all().map(Self.account(from:))
    }

    public func account(email: String) async throws -> StaffAccount? {
        try await accountQuery().where(SQLColumn("email", table: "staff_accounts"), .equal, SQLBind(Self.normalised(email: email))).first().map(Self.account(from:))
    }

    public func account(userID: String) async throws -> StaffAccount? {
        try await accountQuery().where(SQLColumn("user_id", table: "staff_accounts"), .equal, SQLBind(userID)).first().map(Self.account(from:))
    }

    /// Counts a wrong password; the fifth in a row locks the account. Done in SQL so that several
    /// servers counting at once cannot lose a failure.
    @discardableResult
    public func recordFailedLogin(userID: String, now: Date) async throws -> Bool {
        let sql = database.sql
        try await sql.raw("UPDATE staff_accounts SET failed_logins = failed_logins + 1 WHERE user_id = \(bind: userID)").run()
        try await sql.raw("""
            UPDATE staff_accounts SET failed_logins = 0, locked_until = \(bind: Self.seconds(now.addingTimeInterval(Self.lockout)))
            WHERE user_id = \(bind: userID) AND failed_logins >= \(bind: Self.failuresBeforeLockout)
            """).run()
        return try await account(userID: userID)?.lockedUntil.map { $0 > now } ?? false
    }

    public func recordSuccessfulLogin(userID: String) async throws {
        try await database.sql.raw("UPDATE staff_accounts SET failed_logins = 0, locked_until = NULL WHERE user_id = \(bind: userID)").run()
    }

    public func setDisabled(userID: String, _ disabled: Bool) async throws {
        try await database.sql.update("staff_accounts").set("disabled", to: disabled).where("user_id", .equal, userID).run()
        if disabled { try await database.sql.delete(from: "staff_sessions").where("user_id", .equal, userID).run() }
    }

    // MARK: Sessions and tokens

    /// Starts a session and returns the secret for the cookie; only its hash is kept.
    public func createSession(userID: String, now: Date) async throws -> String {
        let token = Self.newSecret()
        // Expired sessions are of no use to anyone: each sign-in clears them away.
        try await database.sql.delete(from: "staff_sessions").where("expires_at", .lessThanOrEqual, Self.seconds(now)).run()
        try await database.sql.insert(into: "staff_sessions").columns("token_hash", "user_id", "created_at", "expires_at")
            .values(SQLBind(Self.hash(token)), SQLBind(userID), SQLBind(Self.seconds(now)),
                    SQLBind(Self.seconds(now.addingTimeInterval(Self.sessionLifetime))))
            .run()
        return token
    }

    public func identity(session token: String, now: Date) async throws -> StaffIdentity? {
        let row = try await accountQuery()
            .join("staff_sessions", on: SQLColumn("user_id", table: "staff_sessions"), .equal, SQLColumn("user_id", table: "staff_accounts"))
            .where(SQLColumn("token_hash", table: "staff_sessions"), .equal, SQLBind(Self.hash(token)))
            .where(SQLColumn("expires_at", table: "staff_sessions"), .greaterThan, SQLBind(Self.seconds(now)))
            .where(SQLColumn("disabled", table: "staff_accounts"), .equal, SQLBind(false))
            .first()
        return try row.map(Self.account(from:))?.identity
    }

    public func endSession(_ token: String) async throws {
        try await database.sql.delete(from: "staff_sessions").where("token_hash", .equal, Self.hash(token)).run()
    }

    /// Issues an API token for a program acting as this account; the secret is shown once.
    public func createAPIToken(userID: String, name: String, now: Date) async throws -> String {
        let token = "ctip_" + Self.newSecret()
        try await database.sql.insert(into: "api_tokens").columns("token_hash", "user_id", "name", "created_at", "revoked_at")
            .values(SQLBind(Self.hash(token)), SQLBind(userID), SQLBind(name), SQLBind(Self.seconds(now)), SQLBind(Int64?.none))
            .run()
        return token
    }

    public func identity(apiToken token: String) async throws -> StaffIdentity? {
        let row = try await accountQuery()
            .join("api_tokens", on: SQLColumn("user_id", table: "api_tokens"), .equal, SQLColumn("user_id", table: "staff_accounts"))
            .where(SQLColumn("token_hash", table: "api_tokens"), .equal, SQLBind(Self.hash(token)))
            .where(SQLColumn("revoked_at", table: "api_tokens"), .is, SQLLiteral.null)
            .where(SQLColumn("disabled", table: "staff_accounts"), .equal, SQLBind(false))
            .first()
        return try row.map(Self.account(from:))?.identity
    }

    public func revokeAPIToken(_ token: String, now: Date) async throws {
        try await database.sql.update("api_tokens").set("revoked_at", to: Self.seconds(now)).where("token_hash", .equal, Self.hash(token)).run()
    }

    // MARK: Helpers

    private func accountQuery() -> SQLSelectBuilder {
        database.sql.select()
            .columns(["user_id", "email", "password_hash", "role", "failed_logins", "locked_until", "disabled"].map { SQLColumn($0, table: "staff_accounts") })
            .columns(["code", "kind", "prefecture", "name_en", "name_ja"].map { SQLColumn($0, table: "agencies") })
            .from("staff_accounts")
            .join("agencies", on: SQLColumn("code", table: "agencies"), .equal, SQLColumn("agency", table: "staff_accounts"))
    }

    static func account(from row: any SQLRow) throws -> StaffAccount {
        let roleCode = try row.decode(column: "role", as: String.self)
        guard let role = StaffRole(rawValue: roleCode) else { throw AccountError.unknownAgency(roleCode) }
        let identity = StaffIdentity(userID: try row.decode(column: "user_id", as: String.self),
                                     email: try row.decode(column: "email", as: String.self),
                                     agency: try agency(from: row), role: role)
        return StaffAccount(identity: identity, passwordHash: try row.decode(column: "password_hash", as: String.self),
                            failedLogins: try row.decode(column: "failed_logins", as: Int.self),
                            lockedUntil: try row.decode(column: "locked_until", as: Int64?.self).map { Date(timeIntervalSince1970: TimeInterval($0)) },
                            disabled: try row.decode(column: "disabled", as: Bool.self))
    }

    static func normalised(email: String) -> String { email.trimmingCharacters(in: .whitespaces).lowercased() }

    static func looksLikeEmail(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !email.contains(where: { $0.isWhitespace || $0.isNewline })
    }

    static func seconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }

    /// 256 random bits, URL-safe.
    public static func newSecret() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    public static func hash(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
