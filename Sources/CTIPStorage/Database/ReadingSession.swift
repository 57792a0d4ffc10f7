import SQLKit

extension SQLDatabase {
    /// Runs `body` on one connection made ready for a long read. On SQLite the database file is mapped
    /// into memory (`mmap_size`), so a page is read without a system call: `pread` took a third of the
    /// annual report's time on a million suspects. The setting stays with the pooled connection;
    /// PostgreSQL needs nothing.
    func withReadingSession<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await withSession { session in
            if session.dialect.name == "sqlite" {
                try await session.raw("PRAGMA mmap_size = \(unsafeRaw: String(Self.sqliteMappedBytes))").run()
            }
            return try await body(session)
        }
    }

    /// Up to 1 GiB of address space; only the pages read take memory, and they are the page cache's.
    private static var sqliteMappedBytes: Int { 1 << 30 }
}
