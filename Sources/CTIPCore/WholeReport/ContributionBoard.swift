/// The secretariat's view of a year: per item and ministry, where each contribution stands.
public struct ContributionBoard: Sendable {
    public struct Row: Sendable, Hashable {
        public let item: OutlineNumber
        public let itemTitle: String
        public let contributionID: String
        public let ministries: [String]
        public let state: ContributionState
        public let deadline: Day?
        public let overdue: Bool
        /// Carried forward from this year's edition and not yet changed by its ministry.
        public let carriedFrom: Int?
        /// The first words of the English text (or the Japanese when there is none), for finding it.
        public let excerpt: String
    }

    public let year: Int
    public let rows: [Row]
    /// What the board is narrowed to: a ministry, a state, what is overdue (nil, nil, false: everything).
    public let ministry: String?
    public let state: ContributionState?
    public let overdueOnly: Bool

    /// Rows in outline order (each contribution once, under its home); `ministry` nil for every ministry's.
    public init(edition: WholeEdition, work: [String: ContributionWork], today: Day, language: Language, ministry: String? = nil) {
        year = edition.year
        self.ministry = ministry; state = nil; overdueOnly = false
        let order = Dictionary(edition.outline.enumerated().map { ($1.number, $0) }, uniquingKeysWith: { first, _ in first })
        let titles = Dictionary(edition.outline.map { ($0.number, $0.title(language)) }, uniquingKeysWith: { first, _ in first })
        rows = edition.contributions
            .filter { contribution in ministry.map { contribution.ministries.contains($0) } ?? true }
            .map { contribution in
                let deadline = work[contribution.id]?.deadline
                let text = contribution.textEN.isEmpty ? contribution.textJA : contribution.textEN
                let words = text.split(whereSeparator: \.isWhitespace).prefix(14).joined(separator: " ")
                return Row(item: contribution.home, itemTitle: titles[contribution.home] ?? "", contributionID: contribution.id,
                           ministries: contribution.ministries, state: contribution.state, deadline: deadline,
                           overdue: deadline.map { $0 < today && contribution.state.awaitsMinistry } ?? false,
                           carriedFrom: contribution.carriedFrom, excerpt: words.count < text.count ? words + " …" : words)
            }
            .sorted { (order[$0.item] ?? .max, $0.contributionID) < (order[$1.item] ?? .max, $1.contributionID) }
    }

    init(year: Int, rows: [Row], ministry: String?, state: ContributionState?, overdueOnly: Bool) {
        self.year = year; self.rows = rows; self.ministry = ministry; self.state = state; self.overdueOnly = overdueOnly
    }

    /// The rows in one state, or only those overdue; the counts then are of what is shown.
    public func narrowed(to state: ContributionState?, overdueOnly: Bool) -> ContributionBoard {
        ContributionBoard(year: year, rows: rows.filter { (state == nil || $0.state == state) && (!overdueOnly || $0.overdue) },
                          ministry: ministry, state: state, overdueOnly: overdueOnly)
    }

    public func count(_ state: ContributionState) -> Int { rows.filter { $0.state == state }.count }
    public var overdue: Int { rows.filter(\.overdue).count }
}
