import CTIPCore
import Crypto
import FluentKit
import Foundation
import SQLKit

/// The annual report's section 2 computed from the records, and its published editions.
///
/// A published edition never changes. Later reports carry over the persons it listed as awaiting trial,
/// and a report recomputed for a published year is shown with its revision against the edition.
public struct AnnualReports: Sendable {
    public let database: any Database
    /// Handles the report's statements may spread over, side by side (`Databases.onEveryEventLoop`);
    /// none: all of them on `database`.
    public let readers: [any Database]

    public init(database: any Database, readers: [any Database] = []) { self.database = database; self.readers = readers }

    /// Section 2 of data year `year`, trial status as of `asOf` (default: March 31 of the following year).
    public func report(year: Int, asOf: Day? = nil, language: Language) async throws -> AnnualReport {
        try await report(year: year, asOf: asOf, languages: [language], on: database)[0]
    }

    private func report(year: Int, asOf: Day?, languages: [Language], on database: any Database) async throws -> [AnnualReport] {
        let facts = try await facts(year: year, asOf: asOf ?? Day.reportCutOff(forDataYear: year), on: database)
        return languages.map { AnnualReportBuilder(language: $0).build(from: facts) }
    }

    /// What the report of `year` is computed from; the previous year's published list when there is one.
    public func facts(year: Int, asOf: Day) async throws -> ReportFacts {
        try await facts(year: year, asOf: asOf, on: database)
    }

    private func facts(year: Int, asOf: Day, on database: any Database) async throws -> ReportFacts {
        let published = try await ReportEditionStore(sql: database.sql).awaitingList(year: year - 1)
        // Inside a transaction (publishing) everything stays on its connection.
        let readers = database.inTransaction ? [] : self.readers.map(\.sql)
        return try await ReportFactsQuery(sql: database.sql, readers: readers).facts(year: year, asOf: asOf, published: published)
    }

    // MARK: - Editions

    /// Freezes the report of `year`: numbers, awaiting-trial list, every format in English and Japanese,
    /// a timestamp and a content hash, in one transaction.
    public func publish(year: Int, asOf: Day? = nil, at now: Date) async throws -> ReportEdition {
        try await database.writeTransaction { transaction in
            let store = ReportEditionStore(sql: transaction.sql)
            if let existing = try await store.edition(year: year) { throw ReportEditionError.alreadyPublished(existing) }
            let facts = try await facts(year: year, asOf: asOf ?? Day.reportCutOff(forDataYear: year), on: transaction)
            let reports = [Language.en, .ja].map { AnnualReportBuilder(language: $0).build(from: facts) }
            guard reports[0].hasRecords else { throw ReportEditionError.noRecords(year: year) }
            var files: [ReportEdition.File] = []
            for report in reports {
                for format in ReportFormat.allCases {
                    files.append(.init(format: format, language: Language(rawValue: report.language)!, content: try report.rendered(as: format)))
                }
            }
            let edition = ReportEdition(year: year, asOf: reports[0].asOf, publishedAt: ReportEdition.timestamp(now),
                                        contentHash: ReportEdition.hash(files), report: reports[0])
            try await store.insert(edition, files: files, awaiting: reports[0].awaitingTrial)
            let json = files.first { $0.format == .json && $0.language == .en }?.content ?? ""
            try await OpenDataEditions(database: transaction).freeze(year: year, reportJSON: json)
            try await freezeWholeReport(year: year, facts: facts, at: edition.publishedAt, on: transaction)
            return edition
        }
    }

    /// The whole report of `year` (sections 1–8), when the year has one: every format in both languages,
    /// frozen with section 2 in the same transaction. It needs the Council's approval date first.
    private func freezeWholeReport(year: Int, facts: ReportFacts, at publishedAt: String, on transaction: any Database) async throws {
        let store = WholeReportStore(database: transaction)
        guard let whole = try await store.load(year: year) else { return }
        guard whole.approvedOn != nil else { throw WholeReportError.notApproved(year: year) }
        let files = try Self.wholeReportFiles(whole, facts: facts)
        try await WholeReportStore.freeze(year: year, files: files.map { ($0.format.rawValue, $0.language.rawValue, $0.content) },
                                          hash: ReportEdition.hash(files), at: publishedAt, in: transaction.sql)
    }

    /// Every format of the whole report in both languages, as frozen by a publication or a revision.
    static func wholeReportFiles(_ whole: WholeEdition, facts: ReportFacts) throws -> [ReportEdition.File] {
        var files: [ReportEdition.File] = []
        for language in [Language.en, .ja] {
            let report = WholeReport(edition: whole, facts: facts, language: language)
            for format in ReportFormat.allCases { files.append(.init(format: format, language: language, content: try report.rendered(as: format))) }
        }
        return files
    }

    public func editions() async throws -> [ReportEdition] {
        try await ReportEditionStore(sql: database.sql).editions()
    }

    public func edition(year: Int) async throws -> ReportEdition? {
        try await ReportEditionStore(sql: database.sql).edition(year: year)
    }

    /// A rendered file of a published edition, exactly as it was frozen.
    public func publishedFile(year: Int, format: ReportFormat, language: Language) async throws -> String? {
        try await ReportEditionStore(sql: database.sql).file(year: year, format: format, language: language)
    }

    /// How today's records differ from the edition of the report's year; `nil` when it is not published
    /// or was published with another cut-off.
    public func revision(of report: AnnualReport) async throws -> (ReportEdition, ReportRevision)? {
        guard let edition = try await edition(year: report.year), edition.asOf == report.asOf else { return nil }
        return (edition, try ReportRevision(published: edition.report, current: report))
    }
}

public struct ReportEdition: Sendable, Equatable {
    public struct File: Sendable, Equatable {
        public var format: ReportFormat
        public var language: Language
        public var content: String
    }

    public var year: Int
    public var asOf: Day
    /// ISO 8601, UTC.
    public var publishedAt: String
    /// `sha256:` and the hex digest of every rendered file, in a fixed order.
    public var contentHash: String
    /// The English edition's numbers.
    public var report: AnnualReport

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    static func hash(_ files: [File]) -> String {
        var hasher = SHA256()
        for file in files.sorted(by: { ($0.format.rawValue, $0.language.rawValue) < ($1.format.rawValue, $1.language.rawValue) }) {
            hasher.update(data: Data("\(file.format.rawValue)/\(file.language.rawValue)\n\(file.content)\n".utf8))
        }
        return "sha256:" + hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}

public enum ReportEditionError: Error, CustomStringConvertible {
    case alreadyPublished(ReportEdition)
    case noRecords(year: Int)

    public var description: String {
        switch self {
        case .alreadyPublished(let edition):
            return "the report of \(edition.year) was already published on \(edition.publishedAt) (\(edition.contentHash)); a published edition never changes"
        case .noRecords(let year):
            return "there are no case-level records for \(year): there is nothing to publish"
        }
    }
}

extension AnnualReport {
    /// The persons this report lists as awaiting trial, with the report that first listed them: what a
    /// published edition hands on to the next year's carry-over.
    public var awaitingTrial: [ReportFacts.AwaitingPerson] {
        tables.flatMap { table in
            table.rows.filter { $0.verdict == .pending }.map {
                ReportFacts.AwaitingPerson(suspectID: $0.suspectID, firstReportedIn: table.firstReportedIn ?? approvedIn)
            }
        }
    }
}

/// The edition tables, in SQL.
struct ReportEditionStore {
    let sql: any SQLDatabase

    func insert(_ edition: ReportEdition, files: [ReportEdition.File], awaiting: [ReportFacts.AwaitingPerson]) async throws {
        let json = String(decoding: try edition.report.jsonData(), as: UTF8.self)
        try await sql.insert(into: "report_editions").columns("year", "as_of", "published_at", "content_hash", "report_json")
            .values(SQLBind(edition.year), SQLBind(edition.asOf.description), SQLBind(edition.publishedAt),
                    SQLBind(edition.contentHash), SQLBind(json)).run()
        for file in files {
            try await sql.insert(into: "report_edition_files").columns("year", "format", "language", "content")
                .values(SQLBind(edition.year), SQLBind(file.format.rawValue), SQLBind(file.language.rawValue), SQLBind(file.content)).run()
        }
        for person in awaiting {
            try await sql.insert(into: "report_edition_awaiting").columns("year", "suspect_id", "first_reported_in")
                .values(SQLBind(edition.year), SQLBind(person.suspectID), SQLBind(person.firstReportedIn)).run()
        }
    }

    func edition(year: Int) async throws -> ReportEdition? {
        try await sql.raw("SELECT year, as_of, published_at, content_hash, report_json FROM report_editions WHERE year = \(bind: year)")
            .first().map(edition)
    }

    func editions() async throws -> [ReportEdition] {
        try await sql.raw("SELECT year, as_of, published_at, content_hash, report_json FROM report_editions ORDER BY year DESC")
            .all().map(edition)
    }

    private func edition(_ row: any SQLRow) throws -> ReportEdition {
        ReportEdition(year: try row.decode(column: "year", as: Int.self),
                      asOf: Day(iso: try row.decode(column: "as_of", as: String.self))!,
                      publishedAt: try row.decode(column: "published_at", as: String.self),
                      contentHash: try row.decode(column: "content_hash", as: String.self),
                      report: try AnnualReport.decode(json: Data(try row.decode(column: "report_json", as: String.self).utf8)))
    }

    func file(year: Int, format: ReportFormat, language: Language) async throws -> String? {
        try await sql.raw("""
            SELECT content FROM report_edition_files
            WHERE year = \(bind: year) AND format = \(bind: format.rawValue) AND language = \(bind: language.rawValue)
            """).first()?.decode(column: "content", as: String.self)
    }

    /// The list of persons awaiting trial that the edition of `year` published; `nil` when it is not published.
    func awaitingList(year: Int) async throws -> [ReportFacts.AwaitingPerson]? {
        guard try await sql.raw("SELECT year FROM report_editions WHERE year = \(bind: year)").first() != nil else { return nil }
        return try await sql.raw("""
            SELECT suspect_id, first_reported_in FROM report_edition_awaiting WHERE year = \(bind: year) ORDER BY suspect_id
            """).all().map {
            ReportFacts.AwaitingPerson(suspectID: try $0.decode(column: "suspect_id", as: String.self),
                                       firstReportedIn: try $0.decode(column: "first_reported_in", as: Int.self))
        }
    }
}
