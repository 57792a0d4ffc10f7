import FluentKit
import Foundation
import SQLKit

/// `ctip backup FILE` and `ctip restore FILE`: a consistent copy of the whole database, taken while the
/// servers run, and put back. Sealed values stay sealed: the copy holds what the database holds, and
/// the data keys are not in it (keep them apart, as the README says).
///
/// - SQLite: `VACUUM INTO` writes a complete, consistent copy from one read transaction — SQLite's
///   online copy, like the backup API, without stopping writers for longer than a page read. Restoring
///   checks the copy, then replaces the file in one rename.
/// - PostgreSQL: `pg_dump --format=custom`, which reads everything in one repeatable-read snapshot;
///   restoring is `pg_restore --clean --if-exists --single-transaction`: all or nothing.
public enum DatabaseBackup {
    public enum Failure: Error, CustomStringConvertible, Equatable {
        case exists(String)
        case missing(String)
        case notABackup(String, reason: String)
        case tool(String, status: Int32, output: String)
        case toolMissing(String)

        public var description: String {
            switch self {
            case .exists(let path): "\(path) exists already; choose a new file name (a backup never overwrites one)"
            case .missing(let path): "\(path): no such backup file"
            case .notABackup(let path, let reason): "\(path) is not a CTIP backup: \(reason)"
            case .tool(let tool, let status, let output): "\(tool) failed (exit status \(status)): \(output)"
            case .toolMissing(let tool): "\(tool) is not installed: on Debian, apt-get install postgresql-client"
            }
        }
    }

    /// Writes a backup of `url`'s database to `file`, which must not exist yet. Returns its size in bytes.
    @discardableResult
    public static func backup(_ url: DatabaseURL, database: any Database, to file: String) async throws -> Int {
        guard !FileManager.default.fileExists(atPath: file) else { throw Failure.exists(file) }
        // Readable by its owner only, from its first byte: the copy holds tips and accounts as the database does.
        let previous = umask(0o077)
        defer { umask(previous) }
        switch url {
        case .sqlite:
            try await database.sql.raw("VACUUM INTO \(literal: file)").run()
        case .postgres:
            var arguments = ["--format=custom", "--no-owner", "--no-privileges", "--file=\(file)"]
            if let schema = url.postgresSchema { arguments.append("--schema=\(schema)") }
            try run("pg_dump", arguments, url: url)
        }
        chmod(file, 0o600)
        return (try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
    }

    /// Replaces `url`'s database by the backup in `file`. On SQLite stop the servers first: a running
    /// server keeps reading the file it opened.
    public static func restore(_ url: DatabaseURL, from file: String) async throws {
        guard FileManager.default.fileExists(atPath: file) else { throw Failure.missing(file) }
        switch url {
        case .sqlite(let path):
            try checkSQLiteBackup(file)
            let staging = path + ".restoring"
            try? FileManager.default.removeItem(atPath: staging)
            try FileManager.default.copyItem(atPath: file, toPath: staging)
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            guard rename(staging, path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(atPath: staging)
                throw StorageOutage(cause: .readOnly, location: path + " (\(reason))")
            }
        case .postgres:
            let header = try FileHandle(forReadingFrom: URL(fileURLWithPath: file)).read(upToCount: 5) ?? Data()
            guard header == Data("PGDMP".utf8) else { throw Failure.notABackup(file, reason: "not a pg_dump archive (ctip backup of a PostgreSQL database)") }
            try run("pg_restore", ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error",
                                    "--dbname=\(url.postgresDatabase ?? "")", file], url: url)
        }
    }

    /// A restore must not replace a database by something else: the file must be an SQLite database
    /// (the audit trail is verified after the restore).
    static func checkSQLiteBackup(_ file: String) throws {
        let header = try FileHandle(forReadingFrom: URL(fileURLWithPath: file)).read(upToCount: 16) ?? Data()
        guard header == Data("SQLite format 3\0".utf8) else { throw Failure.notABackup(file, reason: "not an SQLite database") }
    }

    /// Runs a PostgreSQL client tool with the connection in its environment (the password never on a
    /// command line, where `ps` would show it).
    static func run(_ tool: String, _ arguments: [String], url: DatabaseURL) throws {
        guard case .postgres(let host, let port, let username, let password, let database, let tls, _) = url else { return }
        guard let executable = locate(tool) else { throw Failure.toolMissing(tool) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["PGHOST"] = host; environment["PGPORT"] = String(port); environment["PGUSER"] = username
        environment["PGDATABASE"] = database; environment["PGSSLMODE"] = tls ? "require" : "prefer"
        if let password { environment["PGPASSWORD"] = password } else { environment.removeValue(forKey: "PGPASSWORD") }
        environment["PGCONNECT_TIMEOUT"] = "10"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure.tool(tool, status: process.terminationStatus, output: text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    /// The tool on PATH, else the newest of Debian's /usr/lib/postgresql/N/bin.
    static func locate(_ tool: String) -> String? {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        let debian = ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
            .sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }.map { "/usr/lib/postgresql/\($0)/bin" }
        return (path + debian).map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

extension DatabaseURL {
    /// The schema CTIP's tables are in on PostgreSQL (`?search_path=`), if not the default.
    public var postgresSchema: String? {
        if case .postgres(_, _, _, _, _, _, let schema) = self { return schema }
        return nil
    }

    /// The database's name on PostgreSQL.
    public var postgresDatabase: String? {
        if case .postgres(_, _, _, _, let database, _, _) = self { return database }
        return nil
    }
}
