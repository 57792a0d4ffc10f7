import CTIPCore
import SQLKit

/// Writes batches of validated records: an upsert per batch (re-import updates), and for victims and
/// suspects their case links replaced.
struct BatchWriter {
    let sql: any SQLDatabase
    let file: BundleFile
    /// Without a `case_ids` column the existing links are left as they are.
    let hasCaseIDs: Bool
    /// Whether the table held rows before this import: only then can old links need replacing. Skipping
    /// the DELETE otherwise matters: on a fresh PostgreSQL table without statistics it scans the table.
    let tableHadRows: Bool

    func write(_ records: [any StoredRecord]) async throws {
        guard !records.isEmpty else { return }
        let table = BundleTable.of(file)
        let updated = table.columns.filter { !table.keyColumns.contains($0) }
        var insert = sql.insert(into: table.name).columns(table.columns)
        for record in records { insert = insert.values(record.values) }
        insert = insert.onConflict(with: table.keyColumns) { conflict in
            updated.reduce(conflict) { $0.set(excludedValueOf: $1) }
        }
        try await insert.run()

        guard let linkTable = table.linkTable, hasCaseIDs else { return }
        let owner = table.keyColumns[0]
        var links: [(String, String)] = []
        var owners: [String] = []
        for record in records {
            switch record {
            case let victim as VictimRecord: owners.append(victim.id); links += victim.caseIDs.map { (victim.id, $0) }
            case let suspect as SuspectRecord: owners.append(suspect.id); links += suspect.caseIDs.map { (suspect.id, $0) }
            default: break
            }
        }
        if tableHadRows {
            try await sql.delete(from: linkTable).where(SQLIdentifier(owner), .in, owners).run()
        }
        for start in stride(from: 0, to: links.count, by: 1000) {
            var linkInsert = sql.insert(into: linkTable).columns(owner, "case_id")
            for (ownerID, caseID) in links[start..<min(start + 1000, links.count)] { linkInsert = linkInsert.values(ownerID, caseID) }
            try await linkInsert.run()
        }
    }
}
