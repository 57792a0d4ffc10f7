import AsyncKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import NIOCore
import NIOPosix
import SQLiteNIO

/// The database cannot do its part right now: PostgreSQL does not answer, or the SQLite file cannot
/// be written. Not the request's fault, and usually over by itself: the web answers 503 with
/// `Retry-After`, the command line names the file or server. Never carries a query or its values.
public struct StorageOutage: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Cause: String, Sendable, Equatable {
        /// The server refused or dropped the connection, is shutting down or starting up.
        case unreachable
        /// No connection came free in time (the server is slow or gone).
        case timedOut
        /// The file or its directory cannot be written (permissions, a read-only mount).
        case readOnly
        /// The disk holding the file is full.
        case diskFull
        /// The file cannot be opened or read (missing directory, I/O error, not a database).
        case unreadable
    }

    public var cause: Cause
    /// Where the data lives: the SQLite file's path or the PostgreSQL server (no password).
    public var location: String

    public init(cause: Cause, location: String) { self.cause = cause; self.location = location }

    public var description: String {
        switch cause {
        case .unreachable: "the database is unavailable: \(location) does not answer; try again in a moment"
        case .timedOut: "the database is unavailable: \(location) did not answer in time; try again in a moment"
        case .readOnly: "the database file \(location) cannot be written (its file or directory is read-only); nothing was saved"
        case .diskFull: "the database file \(location) cannot be written: the disk is full; nothing was saved"
        case .unreadable: "the database file \(location) cannot be opened or read; nothing was saved"
        }
    }

    /// The same for people who should not learn the server's layout: the file's name, not its path.
    public var publicDescription: String {
        switch cause {
        case .unreachable, .timedOut: description
        default: StorageOutage(cause: cause, location: (location as NSString).lastPathComponent).description
        }
    }

    /// The outage `error` stands for, if it is one; nil for every other error (a bad query, a constraint).
    public static func classify(_ error: any Error, database url: DatabaseURL) -> StorageOutage? {
        let location: String
        switch url {
        case .sqlite(let path): location = path
        case .postgres(let host, let port, _, _, let database, _, _): location = "PostgreSQL at \(host):\(port)/\(database)"
        }
        if let outage = error as? StorageOutage { return outage }
        if let error = error as? SQLiteError { return classify(sqlite: error, location: location) }
        if let error = error as? PSQLError { return classify(postgres: error, location: location) }
        if error is ConnectionPoolTimeoutError { return StorageOutage(cause: .timedOut, location: location) }
        if error is ConnectionPoolError || error is ChannelError || error is NIOConnectionError || error is IOError {
            return StorageOutage(cause: .unreachable, location: location)
        }
        return nil
    }

    static func classify(sqlite error: SQLiteError, location: String) -> StorageOutage? {
        // SQLiteNIO reports extended codes by name (readonlyDirectory, ioErrorFailedWrite, …): match the family.
        let reason = String(describing: error.reason).lowercased()
        let message = error.message.lowercased()
        if reason == "full" || message.contains("database or disk is full") { return StorageOutage(cause: .diskFull, location: location) }
        if reason.hasPrefix("readonly") || reason == "permission" || message.contains("readonly database") {
            return StorageOutage(cause: .readOnly, location: location)
        }
        if reason.hasPrefix("ioerror") || reason.hasPrefix("cantopen") || reason == "notadatabase" || reason.hasPrefix("corrupt") {
            // SQLite says "disk I/O error" also when a write found no space (tmpfs, quotas).
            return StorageOutage(cause: message.contains("full") ? .diskFull : .unreadable, location: location)
        }
        return nil
    }

    static func classify(postgres error: PSQLError, location: String) -> StorageOutage? {
        switch error.code {
        case .connectionError, .serverClosedConnection, .uncleanShutdown, .clientClosedConnection, .poolClosed:
            return StorageOutage(cause: .unreachable, location: location)
        case .server:
            // Class 08: connection exceptions; 57P01–57P03: shut down by the administrator, crashed,
            // cannot connect now (starting up); 53300: too many connections.
            let state = error.serverInfo?[.sqlState] ?? ""
            if state.hasPrefix("08") || ["57P01", "57P02", "57P03", "53300"].contains(state) {
                return StorageOutage(cause: .unreachable, location: location)
            }
            return nil
        default:
            return nil
        }
    }
}

/// What PostgreSQL said, for the command line: PostgresNIO's own description hides the server's words
/// ("Generic description to prevent accidental leakage"), which leaves an operator guessing. Printed to
/// the terminal only, never logged (a message may quote a value).
public struct DatabaseRefusal: Error, CustomStringConvertible {
    public let description: String

    /// The error with the server's message made readable; any other error unchanged.
    public static func readable(_ error: any Error) -> any Error {
        guard let error = error as? PSQLError, let message = error.serverInfo?[.message] else { return error }
        let state = error.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
        return DatabaseRefusal(description: "PostgreSQL: \(message)\(state)")
    }
}
