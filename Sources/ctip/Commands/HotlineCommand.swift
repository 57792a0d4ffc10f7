import ArgumentParser
import CTIPCore
import CTIPStorage
import Foundation

struct HotlineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hotline",
        abstract: "Statistics and retention of the Anonymous-Reporting Hot Line and the Internet Hotline Center.",
        discussion: """
        Reports come in through /report, /internet-hotline and their JSON twins (see `ctip serve`).

        Example: ctip hotline stats --fiscal-year 2023
        """,
        subcommands: [HotlineStatsCommand.self, HotlinePurgeCommand.self, HotlineDedupCommand.self])
}

struct HotlineStatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Print the hot lines' figures of one fiscal year (April to March), in total and by month.",
        discussion: """
        Tips received, by category, forwarded to the police, outcomes and rewards; internet reports \
        received, items (reports of the same content count once), judged illegal, deletion requested, \
        deleted, deletion rate and median time to deletion. Months are months in Japan.

        Example: ctip hotline stats --fiscal-year 2023 --json
        """)

    @Option(help: "The fiscal year: 2023 is April 2023 to March 2024.") var fiscalYear: Int
    @Flag(help: "Print JSON instead of a table.") var json = false
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard (2000...2200).contains(fiscalYear) else { throw ValidationError("--fiscal-year: \(fiscalYear) is not a year such as 2023") }
    }

    func run() async throws {
        let statistics = try await withStorage(try database.resolved()) { storage in
            try await HotlineRecords(database: storage.database).statistics(FiscalYear(fiscalYear))
        }
        if json {
            FileHandle.standardOutput.write(statistics.json())
            print()
            return
        }
        print(HotlineStatisticsTable.render(statistics))
    }
}

struct HotlinePurgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Erase the free text of reports closed longer ago than the retention period.",
        discussion: """
        Tip descriptions, the analysts' questions and the reporters' answers, and internet reports' \
        descriptions are erased; categories, months, prefectures, outcomes and rewards stay, so the \
        statistics do not change. Run it daily (e.g. from cron). The default is $CTIP_HOTLINE_RETENTION_DAYS, \
        else 365 days.

        Example: ctip hotline purge --retention-days 365
        """)

    @Option(help: "Days a closed report keeps its text.")
    var retentionDays = ProcessInfo.processInfo.environment["CTIP_HOTLINE_RETENTION_DAYS"].flatMap(Int.init) ?? 365
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard retentionDays >= 0 else { throw ValidationError("--retention-days must be 0 or more, not \(retentionDays)") }
    }

    func run() async throws {
        let result = try await withStorage(try database.resolved()) { storage in
            try await HotlineRecords(database: storage.database).purge(retentionDays: retentionDays)
        }
        print("Erased the text of \(result.tips) tips, \(result.messages) messages and \(result.internetReports) internet reports closed more than \(retentionDays) days ago.")
    }
}

struct HotlineDedupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dedup",
        abstract: "Split a feed of URLs into new and already known content.",
        discussion: """
        Normalises every URL of FEED (one per line) the way reports are, and writes those whose content \
        is not among KNOWN (one URL per line) or earlier in the feed to standard output, once each. \
        Malformed lines are counted and reported as FILE:LINE on standard error. The counts and the \
        rate go to standard error. For feeds from partner hotlines, and the benchmark.

        Example: ctip hotline dedup --known known.txt --feed feed.txt > new.txt
        """)

    @Option(help: "URLs already known, one per line.", completion: .file()) var known: String
    @Option(help: "URLs to check, one per line.", completion: .file()) var feed: String
    @Flag(help: "Print only the counts, not the new URLs.") var countOnly = false

    func run() async throws {
        var seen = Set<String>()
        let loadStart = ContinuousClock.now
        var knownCount = 0
        try forEachLine(known) { line, _ in
            if let url = try? URLNormaliser.normalise(line) { seen.insert(url.key); knownCount += 1 }
        }
        let loaded = ContinuousClock.now - loadStart
        let start = ContinuousClock.now
        var (checked, fresh, malformed) = (0, 0, 0)
        var output = ""
        try forEachLine(feed) { line, number in
            checked += 1
            do {
                let url = try URLNormaliser.normalise(line)
                if seen.insert(url.key).inserted {
                    fresh += 1
                    if !countOnly { output += url.url + "\n"; if output.utf8.count > 1 << 16 { print(output, terminator: ""); output = "" } }
                }
            } catch {
                malformed += 1
                if malformed <= 20 { printError("\(feed):\(number): \(error)") }
            }
        }
        print(output, terminator: "")
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let loadSeconds = Double(loaded.components.seconds) + Double(loaded.components.attoseconds) / 1e18
        printError("known \(knownCount) (loaded in \(String(format: "%.1f", loadSeconds)) s); checked \(checked): new \(fresh), already known \(checked - fresh - malformed), malformed \(malformed); \(String(format: "%.0f", Double(checked) / max(seconds, 1e-9))) URLs/s")
    }

    /// Calls `body` with each non-empty line and its number, reading the file in one piece.
    func forEachLine(_ path: String, _ body: (String, Int) throws -> Void) throws {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe) }
        catch { throw ValidationError("\(path): cannot be read (\(error.localizedDescription))") }
        var number = 0
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let text = line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
            if !text.isEmpty { try body(text, number) }
        }
    }
}
