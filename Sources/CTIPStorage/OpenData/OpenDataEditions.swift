import CTIPCore
import Crypto
import FluentKit
import Foundation
import SQLKit

/// One file of an edition's open data, as `/open-data` lists it.
public struct OpenDataFile: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case report, ctdc, synthetic, glotip
    }
    public let year: Int
    public let name: String
    public let kind: Kind
    public let mediaType: String
    /// How it was made: k and the share left out, ε and δ, … (`key=value` pairs, in order).
    public let parameters: [(key: String, value: String)]
    public let rows: Int
    public let bytes: Int
    public let sha256: String

    public static func == (a: OpenDataFile, b: OpenDataFile) -> Bool {
        a.year == b.year && a.name == b.name && a.kind == b.kind && a.mediaType == b.mediaType && a.rows == b.rows && a.bytes == b.bytes
            && a.sha256 == b.sha256 && a.parameters.map(\.key) == b.parameters.map(\.key) && a.parameters.map(\.value) == b.parameters.map(\.value)
    }
}

/// The open data frozen with a published edition: made once by `ctip report publish`, in the edition's
/// transaction, from the records as they were then, and never changed — like the edition itself.
public struct OpenDataEditions: Sendable {
    public let database: any Database
    public init(database: any Database) { self.database = database }

    /// The privacy parameters every edition is published with.
    public static let k = 11
    public static let maximumSuppressed = 0.05
    public static let epsilon = 4.0
    public static let threshold = DPSynthesizer.defaultThreshold

    /// Makes and stores the files of the edition of `year`: the report's JSON, the k-anonymised and the
    /// synthetic datasets of every victim protected up to that year, and the year's GLOTIP rows.
    func freeze(year: Int, reportJSON: String) async throws {
        let exports = OpenDataExports(database: database)
        let years = 1...year
        var files: [(kind: OpenDataFile.Kind, name: String, type: String, parameters: [(String, String)], content: String)] = []
        files.append((.report, "report-\(year).json", "application/json", [("language", "en")], reportJSON))

        var ctdc = ""
        let plan = try await exports.ctdc(k: Self.k, maximumSuppressed: Self.maximumSuppressed, years: years) { ctdc += $0 }
        files.append((.ctdc, "ctdc-k\(Self.k)-\(year).csv", "text/csv", [
            ("k", String(plan.k)), ("quasi_identifiers", "yearOfRegistration, gender, ageBroad, citizenship, CountryOfExploitation"),
            ("generalisation", plan.levels.description), ("records", String(plan.records)), ("suppressed", String(plan.suppressed)),
            ("suppressed_share", String(format: "%.3f", plan.suppressedShare)), ("years", "to \(year)"),
        ], ctdc))

        // The seed is drawn here and kept nowhere: whoever knew it could recompute the noise.
        var generator = SystemRandomNumberGenerator()
        var synthetic = ""
        let release = try await exports.synthetic(epsilon: Self.epsilon, threshold: Self.threshold, seed: generator.next(), years: years,
                                                  write: { synthetic += $0 })
        files.append((.synthetic, "synthetic-\(year).csv", "text/csv", [
            ("epsilon", String(release.epsilon)), ("delta", String(release.delta)), ("threshold", String(release.threshold)),
            ("marginals_up_to", String(release.reportingLength)),
            ("noise_scales", release.noiseScales.map { String(format: "%.2f", $0) }.joined(separator: " / ")), ("years", "to \(year)"),
        ], synthetic))

        files.append((.glotip, "glotip-\(year).csv", "text/csv", [("small_cells", "SmallCellRule: below \(SmallCellRule.standard.threshold), and what would reveal them")],
                      try await exports.glotip(year: year)))

        for (position, file) in files.enumerated() {
            let rows = file.type == "text/csv" ? max(0, file.content.utf8.reduce(0) { $0 + ($1 == 10 ? 1 : 0) } - 1) : 1
            try await database.sql.insert(into: "open_data_files")
                .columns("year", "name", "position", "media_type", "parameters", "rows", "bytes", "sha256", "content")
                .values(SQLBind(year), SQLBind(file.name), SQLBind(position), SQLBind(file.type),
                        SQLBind(Self.encode(kind: file.kind, file.parameters)), SQLBind(rows), SQLBind(file.content.utf8.count),
                        SQLBind(Self.sha256(file.content)), SQLBind(file.content))
                .run()
        }
    }

    /// Every edition's files, newest edition first, each edition's in the order it lists them.
    public func files() async throws -> [OpenDataFile] {
        try await database.sql.raw("""
            SELECT year, name, media_type, parameters, rows, bytes, sha256 FROM open_data_files ORDER BY year DESC, position
            """).all().map(Self.file(from:))
    }

    /// One file's description and its content exactly as published.
    public func file(year: Int, name: String) async throws -> (file: OpenDataFile, content: String)? {
        guard let row = try await database.sql.raw("""
            SELECT year, name, media_type, parameters, rows, bytes, sha256, content FROM open_data_files
            WHERE year = \(bind: year) AND name = \(bind: name)
            """).first() else { return nil }
        return (try Self.file(from: row), try row.decode(column: "content", as: String.self))
    }

    static func file(from row: any SQLRow) throws -> OpenDataFile {
        let (kind, parameters) = decode(try row.decode(column: "parameters", as: String.self))
        return OpenDataFile(year: try row.decode(column: "year", as: Int.self), name: try row.decode(column: "name", as: String.self), kind: kind,
                            mediaType: try row.decode(column: "media_type", as: String.self), parameters: parameters,
                            rows: try row.decode(column: "rows", as: Int.self), bytes: try row.decode(column: "bytes", as: Int.self),
                            sha256: try row.decode(column: "sha256", as: String.self))
    }

    /// `kind` then `key=value` lines: readable in the table, ordered, no JSON needed to show it.
    static func encode(kind: OpenDataFile.Kind, _ parameters: [(String, String)]) -> String {
        ([kind.rawValue] + parameters.map { "\($0.0)=\($0.1)" }).joined(separator: "\n")
    }

    static func decode(_ text: String) -> (OpenDataFile.Kind, [(key: String, value: String)]) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let kind = OpenDataFile.Kind(rawValue: lines.isEmpty ? "" : lines.removeFirst()) ?? .report
        return (kind, lines.compactMap { line in
            guard let equals = line.firstIndex(of: "=") else { return nil }
            return (String(line[..<equals]), String(line[line.index(after: equals)...]))
        })
    }

    /// Of the UTF-8 bytes served.
    static func sha256(_ content: String) -> String {
        SHA256.hash(data: Data(content.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
