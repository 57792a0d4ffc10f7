import FluentPostgresDriver
import SQLKit

extension SQLDatabase {
    /// Runs `body` on one connection made ready for a long read.
    ///
    /// - SQLite maps the database file into memory (`mmap_size`), so a page is read without a system
    ///   call: `pread` took a third of the annual report's time on a million suspects. The setting stays
    ///   with the pooled connection.
    /// - PostgreSQL, for this session only:
    ///   - is told that reading a page at random costs little more than reading it in turn
    ///     (`random_page_cost`). Its default of 4 models spinning disks; the report's tables are read from
    ///     memory or SSD, and with the default PostgreSQL hashed every trial and charge of the database to
    ///     find those of one year's prosecuted persons instead of looking each up by its key (Table 2:
    ///     0.49 s → 0.15 s on a million suspects). PostgreSQL's manual suggests lower values for such
    ///     storage.
    ///   - compiles no statement to machine code (`jit`): a statement that looks up each of a year's
    ///     40,000 suspects' trials is estimated costly enough to be compiled, which took 0.39 s for a
    ///     statement that runs in 0.19 s.
    ///   The session also hands rows to `fold` by position (`PostgresReadingSession`).
    func withReadingSession<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        if let postgres = self as? any PostgresDatabase {
            return try await postgres.withConnection { connection in
                connection.eventLoop.makeFutureWithTask {
                    try await PostgresReadingSession(connection: connection).run(body)
                }
            }.get()
        }
        return try await withSession { session in
            if session.dialect.name == "sqlite" {
                try await session.raw("PRAGMA mmap_size = \(unsafeRaw: String(Self.sqliteMappedBytes))").run()
            }
            return try await body(session)
        }
    }

    /// Up to 1 GiB of address space; only the pages read take memory, and they are the page cache's.
    private static var sqliteMappedBytes: Int { 1 << 30 }
}

/// A PostgreSQL connection held for a reading session: SQLKit's view of it for statements, and the
/// connection itself for `fold`, which decodes rows by position through PostgresNIO (PostgresKit's
/// decoding by column name was a third of the report's own time).
struct PostgresReadingSession: SQLDatabase {
    let connection: PostgresConnection
    private let sql: any SQLDatabase

    init(connection: PostgresConnection) {
        self.connection = connection
        sql = connection.sql()
    }

    var logger: Logger { sql.logger }
    var eventLoop: any EventLoop { sql.eventLoop }
    var dialect: any SQLDialect { sql.dialect }
    var version: (any SQLDatabaseReportedVersion)? { sql.version }
    var queryLogLevel: Logger.Level? { sql.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        sql.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await sql.execute(sql: query, onRow)
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await closure(self)
    }

    /// The session's planner settings (see `withReadingSession`).
    private static let settings = [("random_page_cost", "1.1"), ("jit", "off")]

    /// Runs `body` with the session's planner settings, then gives the pooled connection its own back,
    /// whether `body` succeeded or not (inside a transaction that fails, the rollback undoes them anyway).
    fileprivate func run<R>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        for (name, value) in Self.settings { try await raw("SET \(ident: name) = \(unsafeRaw: value)").run() }
        let result: R
        do {
            result = try await body(self)
        } catch {
            try? await reset()
            throw error
        }
        try await reset()
        return result
    }

    private func reset() async throws {
        for (name, _) in Self.settings { try await raw("RESET \(ident: name)").run() }
    }
}
