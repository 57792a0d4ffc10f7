import FluentKit
import SQLKit

extension Database {
    /// A transaction that writes: it first waits for every other writer — in this process, in other
    /// `ctip serve` processes, on either engine — and only then reads. Reads in it therefore see the
    /// latest committed state and cannot be overtaken before the commit: the audit trail's head, a
    /// file's last step, a tip's state.
    ///
    /// Why a lock rather than retrying on conflict: inside a transaction PostgreSQL aborts everything
    /// after a failed statement (25P02), so a retry can only restart the caller's whole transaction,
    /// and SQLite in WAL mode refuses a reader's late upgrade to writer (SQLITE_BUSY_SNAPSHOT) without
    /// waiting. Waiting for the lock first makes both engines behave the same, with no retry at all.
    /// Nested calls (a store's transaction appending to the audit trail) take the lock again, which
    /// both engines allow.
    ///
    /// Within one process, writers first queue here, without a connection or a thread: SQLite waits
    /// for its lock inside a thread of the shared pool (SQLiteNIO's busy handler), and two threads
    /// waiting there would leave none for the writer they wait for.
    public func writeTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        if inTransaction {
            // Already in a writer's transaction (its queue place is held by the caller).
            try await sql.takeWriteLock()
            return try await body(self)
        }
        await WriterQueue.shared.acquire()
        do {
            let result = try await transaction { transaction in
                try await transaction.sql.takeWriteLock()
                return try await body(transaction)
            }
            await WriterQueue.shared.release()
            return result
        } catch {
            await WriterQueue.shared.release()
            throw error
        }
    }
}

/// The process's writers, one at a time, in order of arrival.
actor WriterQueue {
    static let shared = WriterQueue()

    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        guard busy else { busy = true; return }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
    }
}

extension SQLDatabase {
    /// PostgreSQL: a transaction-scoped advisory lock, released by COMMIT or ROLLBACK (also when the
    /// connection dies), so a killed process never leaves it held. SQLite: a write that changes
    /// nothing makes the transaction the database's one writer; SQLiteNIO's busy handler waits for it.
    func takeWriteLock() async throws {
        if dialect.name == "postgresql" {
            try await raw("SELECT pg_advisory_xact_lock(\(literal: Self.writeLockKey))").run()
        } else {
            try await raw("UPDATE audit_log SET seq = seq WHERE 0 = 1").run()
        }
    }

    /// Any fixed 64-bit number, unique among CTIP's advisory locks ("CTIPWRIT" in ASCII).
    static var writeLockKey: Int64 { 0x4354_4950_5752_4954 }
}
