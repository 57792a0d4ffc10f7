import CTIPCore
import CTIPStorage
import Crypto
import Foundation
import Testing
import VaporTesting
@testable import CTIPWeb

/// `/open-data`: what `ctip report publish` froze with the edition, listed with its parameters and
/// hashes, each file served exactly as frozen.
@Suite("Web: the open-data page of the published editions")
struct OpenDataWebTests {
    static func sha256(_ data: Data) -> String { SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined() }

    @Test("publishing 2024 freezes the report's JSON, the k-anonymised and synthetic datasets and the GLOTIP rows; each is served as listed")
    func publishedFiles() async throws {
        try await withReferenceApp { app in
            try await app.testing().test(.GET, "open-data?lang=en") { response async throws in
                #expect(response.status == .ok && response.body.string.contains("No edition has been published yet."))
            }
            _ = try await AnnualReports(database: app.db).publish(year: 2024, at: Date(timeIntervalSince1970: 1_756_166_400))
            let files = try await OpenDataEditions(database: app.db).files()
            #expect(files.map(\.name) == ["report-2024.json", "ctdc-k11-2024.csv", "synthetic-2024.csv", "glotip-2024.csv"])
            var page = ""
            try await app.testing().test(.GET, "open-data?lang=en") { response async throws in
                #expect(response.status == .ok)
                page = response.body.string
            }
            for file in files {
                #expect(page.contains("href=\"/open-data/2024/\(file.name)\"") && page.contains(file.sha256))
                try await app.testing().test(.GET, "open-data/2024/\(file.name)") { response async throws in
                    #expect(response.status == .ok)
                    #expect(Self.sha256(Data(response.body.readableBytesView)) == file.sha256, "served exactly as frozen: \(file.name)")
                    #expect(response.headers.first(name: .eTag) == "\"\(file.sha256)\"")
                }
            }
            try await app.testing().test(.GET, "open-data/2024/ctdc-k11-2024.csv", headers: ["If-None-Match": "\"\(files[1].sha256)\""]) { response async throws in
                #expect(response.status == .notModified)
            }
            try await app.testing().test(.GET, "open-data/2024/victims.csv") { response async throws in #expect(response.status == .notFound) }
            // The k-anonymised file: every published combination of the quasi-identifiers has 11 records or more.
            let (_, content) = try #require(try await OpenDataEditions(database: app.db).file(year: 2024, name: "ctdc-k11-2024.csv"))
            let lines = content.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            let header = lines[0]
            let quasi = ["yearOfRegistration", "gender", "ageBroad", "citizenship", "CountryOfExploitation"].map { header.firstIndex(of: $0)! }
            let classes = Dictionary(grouping: lines.dropFirst()) { row in quasi.map { row[$0] } }
            #expect(!classes.isEmpty && classes.values.allSatisfy { $0.count >= 11 })
            // The synthetic file's own noise (a secret seed) changes its hash, rows and size from run to run.
            var stable = page.replacingOccurrences(of: #"[0-9a-f]{64}"#, with: "HASH", options: .regularExpression)
            stable = stable.replacingOccurrences(of: #"(synthetic-2024\.csv</a>\s*</td>\s*<td>)[0-9,]+(</td>\s*<td>)[0-9.]+ (KB|MB|B)"#, with: "$1N$2SIZE",
                                                 options: .regularExpression)
            try assertSnapshot(stable, named: "open-data-en.html")
            try await app.testing().test(.GET, "open-data?lang=ja") { response async throws in
                #expect(response.body.string.contains("<html lang=\"ja\">") && response.body.string.contains("データ辞書"))
            }
        }
    }
}
