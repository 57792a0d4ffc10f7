import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit

/// Registers CTIP's database with a Fluent `Databases` (the CLI's own, or a Vapor application's).
/// SQL is logged at trace only: its binds are personal data (a reporter's text, a victim's record), and
/// the web application never logs below debug (`configure`).
public func configureDatabase(_ url: DatabaseURL, on databases: Databases) {
    switch url {
    case .sqlite(let path):
        databases.use(.sqlite(.file(path), maxConnectionsPerEventLoop: 1, sqlLogLevel: .trace), as: .sqlite, isDefault: true)
    case .postgres(let host, let port, let username, let password, let database, let tls, let schema):
        var tlsMode = PostgresConnection.Configuration.TLS.disable
        if tls { tlsMode = .require(try! .init(configuration: .clientDefault)) }
        var configuration = SQLPostgresConfiguration(hostname: host, port: port, username: username, password: password,
                                                     database: database, tls: tlsMode)
        if let schema { configuration.searchPath = [schema] }
        databases.use(.postgres(configuration: configuration, maxConnectionsPerEventLoop: 4, connectionPoolTimeout: .seconds(connectionWaitSeconds),
                                sqlLogLevel: .trace),
                      as: .psql, isDefault: true)
    }
}

/// How long a request waits for a PostgreSQL connection before it answers 503: long enough for a
/// queue of writers, short enough that nobody waits on a server that is gone.
public let connectionWaitSeconds: Int64 = 8

/// Every migration of CTIP's schema, in order. Released migrations are never edited: add new ones.
public let ctipMigrations: [any Migration] = [
    CreateOffenses(), CreateCases(), CreateVictims(), CreateSuspects(), CreateCharges(), CreateTrials(),
    CreateSupportEvents(), CreateHistory(),
    CreateReportEditions(), CreateAuditLog(),
    CreateHelpServices(),
    CreateAgencies(), CreateStaffAccounts(), CreateVictimFiles(), CreateReferrals(), CreateProtectionSteps(), CreateCaseOwners(),
    CreateTips(), CreateInternetReports(), CreateHotlineAgencies(),
    AddTrialDecisionIndex(),
    CreateScreenings(),
    AddReportIndexes(),
    CreateAnonymousUseCounts(),
    CreateOversightTables(),
    CreateOversightFollowUp(),
    CreateOpenDataFiles(),
    AddSinceToHelpServices(),
    CreateMeasureRegisters(),
    CreateWholeReportTables(),
    AddWorkflowToWholeReport(),
    AddContributionHistory(),
    AddRevisionsToWholeReport(),
]

/// Brings the schema up to date and sets per-file options (SQLite: write-ahead log).
///
/// On PostgreSQL, instances starting together migrate one after the other (a session advisory lock held
/// on a connection of its own while the migrator works on others), and a hot standby is left alone:
/// its schema is the primary's, and read-only commands (`report`, `audit verify`, `backup`) run there.
public func migrate(_ databases: Databases, logger: Logger, on eventLoop: any EventLoop) async throws {
    let migrations = Migrations()
    migrations.add(ctipMigrations)
    let migrator = Migrator(databases: databases, migrations: migrations, logger: logger, on: eventLoop)
    guard let database = databases.database(logger: logger, on: eventLoop) else { return }
    let sql = database.sql
    if sql.dialect.name == "postgresql" {
        try await database.withConnection { connection in
            connection.eventLoop.makeFutureWithTask {
                let locked = connection.sql
                let standby = try await locked.raw("SELECT pg_is_in_recovery() AS standby").first()?.decode(column: "standby", as: Bool.self)
                if standby == true {
                    logger.info("the database is a hot standby: its schema follows the primary, nothing to migrate")
                    return
                }
                try await locked.raw("SELECT pg_advisory_lock(\(literal: migrationLockKey))").run()
                do {
                    try await migrator.setupIfNeeded().get()
                    try await migrator.prepareBatch().get()
                } catch {
                    try? await locked.raw("SELECT pg_advisory_unlock(\(literal: migrationLockKey))").run()
                    throw error
                }
                try await locked.raw("SELECT pg_advisory_unlock(\(literal: migrationLockKey))").run()
            }
        }.get()
        return
    }
    try await migrator.setupIfNeeded().get()
    try await migrator.prepareBatch().get()
    if sql.dialect.name == "sqlite" {
        try await sql.raw("PRAGMA journal_mode=WAL").run()
    }
}

/// The advisory lock migrations hold on PostgreSQL ("CTIPMIGR" in ASCII).
let migrationLockKey: Int64 = 0x4354_4950_4D49_4752

/// A database connection set for the command line: owns its `Databases` and shuts it down.
public final class StorageContext: Sendable {
    public let url: DatabaseURL
    public let databases: Databases
    public let logger: Logger

    public init(url: DatabaseURL, logger: Logger) {
        self.url = url
        self.logger = logger
        databases = Databases(threadPool: NIOThreadPool.singleton, on: MultiThreadedEventLoopGroup.singleton)
        configureDatabase(url, on: databases)
    }

    public var database: any Database {
        databases.database(logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())!
    }

    /// A handle on every event loop, for reads that run side by side (`AnnualReports`).
    public var readers: [any Database] { databases.onEveryEventLoop(logger: logger) }

    public func migrate() async throws {
        try await CTIPStorage.migrate(databases, logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())
    }

    public func shutdown() async {
        await databases.shutdownAsync()
    }
}

extension Databases {
    /// The default database once for each event loop. A handle's connections come from its loop's share
    /// of the pool, and on SQLite that share is one connection: statements meant to run side by side
    /// need handles on different loops.
    public func onEveryEventLoop(logger: Logger) -> [any Database] {
        eventLoopGroup.makeIterator().compactMap { database(logger: logger, on: $0) }
    }
}

extension Database {
    /// SQLKit's view of a Fluent database (both drivers provide it).
    public var sql: any SQLDatabase { self as! any SQLDatabase }
}
