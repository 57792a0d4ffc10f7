import ArgumentParser
import CTIPStorage
import Foundation

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent copy of the whole database to a new file, while the servers run.",
        discussion: """
        SQLite: a complete database file (VACUUM INTO, from one read transaction). PostgreSQL: a pg_dump \
        archive in its custom format (one snapshot; needs pg_dump, Debian's postgresql-client). Sealed \
        values stay sealed: keep the data key file apart from the backups, or the backup is as good as \
        the clear text. FILE must not exist.

        Example: ctip backup /var/backups/ctip-2026-12-06.sqlite --database sqlite:ctip.sqlite
        """)

    @Argument(help: "The new backup file.", completion: .file()) var file: String
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let url = try database.resolved()
        let bytes = try await withStorage(url) { storage in
            try await DatabaseBackup.backup(url, database: storage.database, to: file)
        }
        print("backed up \(url) to \(file) (\(bytes) bytes)")
    }
}

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace the database by a backup made with `ctip backup`, then verify its audit trail.",
        discussion: """
        Everything in the database is replaced, all or nothing. Stop every `ctip serve` on it first. \
        Afterwards the audit trail's hash chain is verified (exit status 1 if it is broken) and the \
        schema brought up to date, so a backup of an older CTIP restores too.

        Example: ctip restore /var/backups/ctip-2026-12-06.sqlite --database sqlite:ctip.sqlite
        """)

    @Argument(help: "The backup file.", completion: .file()) var file: String
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let url = try database.resolved()
        do { try await DatabaseBackup.restore(url, from: file) }
        catch let failure as DatabaseBackup.Failure { throw ValidationError(failure.description) }
        let verified = try await verifyAuditTrail(url, brokenPrefix: "restored, but the audit trail is broken")
        print("restored \(url) from \(file); \(verified)")
    }
}
