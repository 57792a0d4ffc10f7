import ArgumentParser
import CTIPStorage
import Foundation

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "The audit trail of every access to personal data.",
        subcommands: [VerifyAuditCommand.self])
}

struct VerifyAuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute the audit trail's hash chain and report every entry that was changed, removed or reordered.",
        discussion: """
        Exits 0 when the chain is intact, 1 when it is broken (each break is printed with its entry number).

        Example: ctip audit verify --database postgres://ctip@db.example/ctip
        """)

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        print(try await verifyAuditTrail(try database.resolved()))
    }
}

/// Recomputes the audit trail's chain: a line saying it is intact, or every break on standard error and
/// exit status 1 (`ctip audit verify`, and after `ctip restore`).
func verifyAuditTrail(_ url: DatabaseURL, brokenPrefix: String = "the audit trail is broken") async throws -> String {
    let (entries, problems) = try await withStorage(url) { storage in
        (try await storage.database.sql.raw("SELECT COUNT(*) AS n FROM audit_log").first()?.decode(column: "n", as: Int.self) ?? 0,
         try await AuditLog(database: storage.database).verify())
    }
    guard problems.isEmpty else {
        problems.forEach { printError($0.description) }
        printError("\(brokenPrefix): \(problems.count) problem\(problems.count == 1 ? "" : "s") in \(entries) entries")
        throw ExitCode.failure
    }
    return "audit trail intact: \(entries) entr\(entries == 1 ? "y" : "ies"), every hash verified"
}
