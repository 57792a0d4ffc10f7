/// The lines above a recomputed report whose year has a published edition: whether today's records
/// still give the published numbers, and if not, every change and by how much.
public enum ReportBanner {
    public static func lines(publishedAt: String, contentHash: String, revision: ReportRevision, language: Language) -> [String] {
        let ja = language == .ja
        guard !revision.isEmpty else {
            return [ja ? "この報告は\(publishedAt)に公表された版（\(contentHash)）と一致する。"
                       : "These figures match the edition published on \(publishedAt) (\(contentHash))."]
        }
        var lines = [ja ? "\(publishedAt)に公表された版（\(contentHash)）の後に記録が訂正されたため、次の\(revision.changes.count)項目が公表値と異なる（修正版）。"
                        : "Revision: the records were corrected after the edition published on \(publishedAt) (\(contentHash)); \(revision.changes.count) figure\(revision.changes.count == 1 ? "" : "s") differ from it."]
        for change in revision.changes {
            let difference = change.difference.map { $0 > 0 ? " (+\($0))" : " (\($0))" } ?? ""
            lines.append("\(change.path): \(change.published ?? "—") → \(change.current ?? "—")\(difference)")
        }
        return lines
    }
}
