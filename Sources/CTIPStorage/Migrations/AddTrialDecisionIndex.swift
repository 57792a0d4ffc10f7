import FluentKit
import SQLKit

/// The annual report's carry-over starts from the trials still undecided at the previous report's
/// cut-off (`decided_on` after it, or none yet): a few rows found by this index, instead of a probe of
/// every person ever prosecuted.
struct AddTrialDecisionIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql.create(index: "trials_decided_on").on("trials").column("decided_on").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(index: "trials_decided_on").run()
    }
}
