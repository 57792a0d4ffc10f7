import Foundation

/// Where CTIP keeps its data: `sqlite:///absolute/path.sqlite`, `sqlite:relative.sqlite`, or
/// `postgres://user:password@host:port/database`.
public enum DatabaseURL: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    /// `schema` (from `?search_path=`) keeps CTIP's tables in a schema of its own.
    case postgres(host: String, port: Int, username: String, password: String?, database: String, tls: Bool, schema: String? = nil)

    public static let environmentVariable = "CTIP_DATABASE_URL"
    public static let defaultValue = "sqlite:ctip.sqlite"

    public struct Invalid: Error, CustomStringConvertible {
        public let text: String
        public let reason: String
        public var description: String {
            "--database: `\(text)` is not a database URL (\(reason)); use sqlite:///absolute/path.sqlite, sqlite:relative.sqlite or postgres://user:password@host:port/database"
        }
    }

    /// The URL given on the command line, else `CTIP_DATABASE_URL`, else `ctip.sqlite` in the working directory.
    public static func resolve(_ option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> DatabaseURL {
        try DatabaseURL(parsing: option ?? environment[environmentVariable] ?? defaultValue)
    }

    public init(parsing text: String) throws {
        if text.hasPrefix("sqlite:") {
            var path = String(text.dropFirst("sqlite:".count))
            if path.hasPrefix("//") {
                path = String(path.dropFirst(2))
                guard path.hasPrefix("/") else { throw Invalid(text: text, reason: "sqlite:// must be followed by an absolute path") }
            }
            guard !path.isEmpty else { throw Invalid(text: text, reason: "no file name") }
            self = .sqlite(path: path.removingPercentEncoding ?? path)
            return
        }
        guard text.hasPrefix("postgres://") || text.hasPrefix("postgresql://"), let components = URLComponents(string: text) else {
            throw Invalid(text: text, reason: "unknown scheme")
        }
        guard let host = components.host, !host.isEmpty else { throw Invalid(text: text, reason: "no host") }
        guard let username = components.user, !username.isEmpty else { throw Invalid(text: text, reason: "no user") }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty else { throw Invalid(text: text, reason: "no database name") }
        let tls = components.queryItems?.contains { $0.name == "sslmode" && ["require", "verify-full", "verify-ca"].contains($0.value ?? "") } ?? false
        let schema = components.queryItems?.first { $0.name == "search_path" }?.value
        if let schema, !schema.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
            throw Invalid(text: text, reason: "search_path must be one schema name of letters, digits and _")
        }
        self = .postgres(host: host, port: components.port ?? 5432, username: username.removingPercentEncoding ?? username,
                         password: components.password?.removingPercentEncoding, database: database, tls: tls, schema: schema)
    }

    /// For logs and pages: never shows the password.
    public var description: String {
        switch self {
        case .sqlite(let path): return "sqlite:\(path)"
        case .postgres(let host, let port, let username, _, let database, _, let schema):
            return "postgres://\(username)@\(host):\(port)/\(database)" + (schema.map { "?search_path=\($0)" } ?? "")
        }
    }

    public var engineName: String {
        switch self {
        case .sqlite: return "SQLite"
        case .postgres: return "PostgreSQL"
        }
    }
}
