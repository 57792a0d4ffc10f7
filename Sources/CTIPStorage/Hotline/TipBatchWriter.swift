import FluentKit
import SQLKit

/// Group commit for tips. Each commit of SQLite (or PostgreSQL) waits for the disk; a burst of reports
/// would queue behind one another for it. The writer commits every tip that arrived while the previous
/// commit was running in one transaction, and answers each caller only once its tip is committed — so a
/// receipt handed out is a tip on disk. A batch that fails (a receipt drawn twice, a full disk) is
/// retried tip by tip, so one bad tip never costs another its place.
public actor TipBatchWriter {
    let database: any Database
    /// Rows per INSERT: 13 binds each stays far below either engine's limit on binds per statement.
    let maximumBatch = 500
    private var waiting: [(row: HotlineStore.TipRow, continuation: CheckedContinuation<Void, any Error>)] = []
    private var draining = false

    public init(database: any Database) { self.database = database }

    func insert(_ row: HotlineStore.TipRow) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            waiting.append((row, continuation))
            if !draining {
                draining = true
                Task { await self.drain() }
            }
        }
    }

    private func drain() async {
        while !waiting.isEmpty {
            let batch = Array(waiting.prefix(maximumBatch))
            waiting.removeFirst(batch.count)
            do {
                try await database.transaction { transaction in try await HotlineStore.insert(batch.map(\.row), into: transaction.sql) }
                for entry in batch { entry.continuation.resume() }
            } catch {
                for entry in batch {
                    do {
                        try await HotlineStore.insert([entry.row], into: database.sql)
                        entry.continuation.resume()
                    } catch {
                        entry.continuation.resume(throwing: error)
                    }
                }
            }
        }
        draining = false
    }
}
