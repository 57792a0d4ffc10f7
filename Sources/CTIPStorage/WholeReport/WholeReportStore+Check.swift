import CTIPCore
import FluentKit
import Foundation

/// The check and the start of a year, shared by `ctip report check|draft` and the secretariat's pages.
extension WholeReportStore {
    /// What `WholeReportCheck` finds in the year's edition, against what CTIP computes for the year from
    /// its records (section 2's facts, the oversight records); nil when the year has no edition.
    public func check(year: Int) async throws -> [CheckFinding]? {
        guard let edition = try await load(year: year) else { return nil }
        let facts = try await AnnualReports(database: database).facts(year: year, asOf: Day.reportCutOff(forDataYear: year))
        var computed = CheckedFigure.records(facts)
        if let period = OversightPeriod.fiscalYear(year) {
            let oversight = try await OversightStatisticsQuery(sql: database.sql).figures(period)
            if oversight.sendingReported > 0 {
                computed.append(CheckedFigure(key: "sending_reported", value: oversight.sendingReported,
                                              unitWords: ["sending organizations were reported", "sending organizations"], year: year,
                                              label: "sending organisations reported to their governments (FY\(year))"))
            }
        }
        let source = try await self.source(year: year) ?? "edition"
        let accepted = Set(edition.contributions.filter { $0.state == .accepted }.map(\.id))
        return WholeReportCheck.findings(edition: edition, computed: computed, computedFigures: ComputedFigures.figures(from: facts),
                                         accepted: accepted, file: source)
    }

    public enum DraftRefusal: Error, Sendable, Equatable {
        case exists(year: Int)
        case nothingToStartFrom(year: Int)

        public func message(_ language: Language) -> String {
            switch (self, language) {
            case (.exists(let year), .en): "the \(year) report already has an edition; `ctip report check --year \(year)` shows where it stands"
            case (.exists(let year), .ja): "\(year)年の報告書は既にあります"
            case (.nothingToStartFrom(let year), .en):
                "there is no earlier edition to start from: `ctip report import-edition --year \(year - 1) FILE` reads the last published one"
            case (.nothingToStartFrom, .ja): "引き継ぐ前年以前の報告書がありません（ctip report import-edition で公表版を読み込みます）"
            }
        }
    }

    /// Starts `year` from the last edition before it (`WholeEdition.draft(forYear:)`): returns that year
    /// and the draft.
    public func startDraft(year: Int, actor: String = "cli", agency: String = "-", now: Date = Date()) async throws -> (from: Int, draft: WholeEdition) {
        if try await years().contains(year) { throw DraftRefusal.exists(year: year) }
        guard let last = try await years().filter({ $0 < year }).max(), let edition = try await load(year: last) else {
            throw DraftRefusal.nothingToStartFrom(year: year)
        }
        let draft = edition.draft(forYear: year)
        try await save(draft, source: "draft from \(last)", actor: actor, agency: agency, action: .carryForward, now: now)
        return (last, draft)
    }
}
