import ArgumentParser
import CTIPCore
import CTIPStorage
import Foundation

/// The year's work on the whole report from the command line, as on `/staff/annual-report/…`: the
/// board, the secretariat's requests and reviews. Each acts as a staff account (`--as`), whose role and
/// ministry decide what it may do, and is audited under it.
struct ReportStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Print where each contribution of a year's whole report stands: item, ministry, state, deadline, overdue.",
        discussion: """
        One line per contribution in outline order, then the counts per state. Exit status 1 when a \
        contribution is overdue (its deadline has passed and its ministry still owes the text).

        Example: ctip report status --year 2025 --ministry mhlw
        """)

    @Option(help: "The data year of the edition.") var year: Int
    @Option(help: "Only this ministry's contributions (an agency code: mhlw, npa, …).") var ministry: String?
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let today = JapanTime(secondsSinceEpoch: Int(Date().timeIntervalSince1970)).day
        let board = try await withStorage(try database.resolved()) { storage -> ContributionBoard in
            let store = WholeReportStore(database: storage.database)
            guard let edition = try await store.load(year: year) else {
                throw ValidationError("no edition of the whole report of \(year): `ctip report draft --year \(year)` starts one")
            }
            return ContributionBoard(edition: edition, work: try await store.work(year: year), today: today, language: .en, ministry: ministry)
        }
        for row in board.rows {
            let deadline = row.deadline.map { " due \($0)" } ?? ""
            let carried = row.carriedFrom.map { " (carried from \($0))" } ?? ""
            let ministries = row.ministries.isEmpty ? "-" : row.ministries.joined(separator: "+")
            print("\(row.contributionID)\t\(row.item)\t\(ministries)\t\(row.state.rawValue)\(carried)\(deadline)\(row.overdue ? " OVERDUE" : "")")
        }
        let counts = ContributionState.allCases.map { "\($0.rawValue) \(board.count($0))" }.joined(separator: ", ")
        printError("the \(year) report: \(board.rows.count) contributions — \(counts); overdue \(board.overdue)")
        if board.overdue > 0 { throw ExitCode(1) }
    }
}

struct RequestContributionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "request",
        abstract: "Ask a ministry for its contribution to a year's whole report, with a deadline (the secretariat).",
        discussion: """
        With --item, a new contribution of the ministry to that item; without, the deadline for every \
        contribution of the ministry that still awaits its text. The account given with --as must be \
        the Council's secretariat (role secretariat, agency cas).

        Example: ctip report request --year 2025 --ministry mhlw --item "3 (3) i)" --deadline 2026-06-30 --as secretariat@cas.example.jp
        """)

    @Option(help: "The data year of the edition.") var year: Int
    @Option(help: "The ministry asked (an agency code: mhlw, npa, …).") var ministry: String
    @Option(help: ArgumentHelp("The outline item, as the report numbers it: \"3 (3) i)\".", valueName: "NUMBER")) var item: String?
    @Option(help: ArgumentHelp("The day the text is due (YYYY-MM-DD).", valueName: "DATE")) var deadline: String
    @Option(name: .customLong("as"), help: "The e-mail of the secretariat's staff account.") var account: String
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard Day(iso: deadline) != nil else { throw ValidationError("--deadline `\(deadline.prefix(40))` is not a date YYYY-MM-DD (for example 2026-06-30)") }
        if let item, OutlineNumber(item) == nil { throw ValidationError("--item `\(item.prefix(40))` is not an item number such as \"3 (3) i)\"") }
    }

    func run() async throws {
        let today = JapanTime(secondsSinceEpoch: Int(Date().timeIntervalSince1970)).day
        let concerned = try await withStorage(try database.resolved()) { storage -> [String] in
            let staff = try await reportAccount(account, storage)
            do {
                return try await WholeReportStore(database: storage.database).request(year: year, item: item.flatMap { OutlineNumber($0) }, ministry: ministry,
                                                                                     deadline: Day(iso: deadline)!, today: today, by: staff, now: Date())
            } catch let error as ContributionWorkflowError {
                throw ValidationError(error.field == "form" ? error.message(.en) : "--\(error.field): \(error.message(.en))")
            }
        }
        print("the \(year) report: \(ministry) asked for \(concerned.count) contribution\(concerned.count == 1 ? "" : "s") by \(deadline): \(concerned.joined(separator: ", "))")
    }
}

struct ReviewContributionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Accept a submitted contribution, return it to its ministry with a comment, or comment on it.",
        discussion: """
        The secretariat accepts (--accept) and returns (--return, with --comment saying what to change); \
        anyone who may read the contribution (the secretariat, its ministry's contributors) comments \
        (--comment alone). Every step is a new version in its history, audited.

        Example: ctip report review --year 2025 --contribution C2025-0042 --return --comment "Give FY2025's figure." --as secretariat@cas.example.jp
        """)

    enum Decision: String, EnumerableFlag { case accept, `return` }

    @Option(help: "The data year of the edition.") var year: Int
    @Option(help: ArgumentHelp("The contribution's identifier (`ctip report status` lists them).", valueName: "ID")) var contribution: String
    @Flag(help: "Accept it, or return it to its ministry; with neither, --comment only comments.") var decision: Decision?
    @Option(help: "What to change (required to return) or to say.") var comment: String = ""
    @Option(name: .customLong("as"), help: "The e-mail of the staff account acting.") var account: String
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let action: ContributionAction = switch decision { case .accept?: .accept; case .return?: .return; case nil: .comment }
        let event = try await withStorage(try database.resolved()) { storage -> ContributionEvent in
            let staff = try await reportAccount(account, storage)
            do {
                return try await WholeReportStore(database: storage.database).act(action, year: year, contribution: contribution, openedAt: nil, by: staff,
                                                                                 comment: comment, now: Date())
            } catch let error as ContributionWorkflowError {
                throw ValidationError(error.field == "comment" ? "--comment: \(error.message(.en))" : error.message(.en))
            }
        }
        print("\(contribution): \(event.action.label(.en)) — now \(event.state.rawValue) (version \(event.revision))")
    }
}

private func reportAccount(_ email: String, _ storage: StorageContext) async throws -> StaffIdentity {
    guard let found = try await AccountStore(database: storage.database).account(email: email) else {
        throw ValidationError("--as: no account \(email) (see `ctip users list`)")
    }
    return found.identity
}
