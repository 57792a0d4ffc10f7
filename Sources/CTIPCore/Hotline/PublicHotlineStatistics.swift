import Foundation

/// The hot lines' statistics of a fiscal year as the public sees them (`/statistics/hotline`): the same
/// `HotlineStatistics` the staff page shows, month by month and for the year, with every table protected
/// by a `SmallCellRule` (`docs/small-cells.md`).
///
/// The tables are laid out so that every equation a reader can write lies inside one table, where the rule
/// sees it: a total is published with the counts that add up to it (tips by kind, with what came of the
/// forwarded ones including those with no outcome yet; deletion requests, deleted or not), and figures that
/// add up to no published total stand alone, each its own list (rewards, reports, illegal content). Between
/// tables there are only inequalities (no more tips forwarded than received). An amount is hidden wherever
/// the number of payments in it is (`SmallCellRule.protect(_:contributors:)`). A rate or a median is shown
/// only where the counts it comes from are, since with them it would give a hidden count back.
public struct PublicHotlineStatistics: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            /// The total of the rows below it.
            case total
            /// A part of the total above it.
            case part
            /// A figure of its own (a list).
            case single
            /// A rate or a median computed from the counts above it.
            case derived
        }
        public let label: String
        public let kind: Kind
        /// One text per column: the months (April first), then the fiscal year.
        public let cells: [String]
    }

    public struct Table: Sendable, Equatable {
        /// An HTML id (`tips-by-kind`).
        public let id: String
        public let caption: String
        public let rows: [Row]
        /// What the rows were written from: the table, or each list, as protected.
        public let protected: [ProtectedTable]
    }

    public struct Section: Sendable, Equatable {
        public let id: String
        public let heading: String
        public let tables: [Table]
    }

    public let fiscalYear: Int
    public let rule: SmallCellRule
    /// The months (April first), then the fiscal year.
    public let columns: [String]
    public let sections: [Section]

    public init(_ statistics: HotlineStatistics, language: Language, rule: SmallCellRule = .standard) {
        let ja = language == .ja
        func t(_ en: String, _ japanese: String) -> String { ja ? japanese : en }
        let months = statistics.months.map(\.figures)
        let monthLabels = statistics.months.map { Self.monthLabel($0.month, language) }
        fiscalYear = statistics.fiscalYear
        self.rule = rule
        columns = monthLabels + [t("FY\(statistics.fiscalYear)", "\(statistics.fiscalYear)年度")]

        /// Parts by month under their total, the total row first (as on the staff page).
        func parts(_ id: String, _ caption: String, total: String, _ members: [(String, [Int])]) -> Table {
            let protected = rule.protect(CountTable(rowLabels: members.map { $0.0 }, columnLabels: monthLabels, counts: members.map { $0.1 }))
            let totals = Row(label: total, kind: .total, cells: (protected.totalsRow ?? []).map(protected.text))
            let rows = members.indices.map { Row(label: members[$0].0, kind: .part, cells: protected.row($0).map(protected.text)) }
            return Table(id: id, caption: caption, rows: [totals] + rows, protected: [protected])
        }
        /// A figure of its own: its months and its year.
        func list(_ label: String, _ counts: [Int]) -> CountTable { .list(label, columns: monthLabels, counts: counts) }
        func single(_ protected: ProtectedTable) -> Row {
            Row(label: protected.rowLabels[0], kind: .single, cells: protected.row(0).map(protected.text))
        }

        let tipsByKind = parts("tips-by-kind", t("Tips received, by kind", "受理した通報（種別）"), total: t("Tips received", "通報の受理"),
                               TipCategory.allCases.map { category in
                                   (Self.sentence(category.label.label(language)), months.map { $0.tipsByCategory[category.rawValue] ?? 0 })
                               })
        let outcomes = PoliceOutcome.allCases.map { outcome in
            (Self.sentence(outcome.label.label(language)), months.map { $0.outcomes[outcome.rawValue] ?? 0 })
        }
        // Outcomes are recorded only for forwarded tips; the rest have none yet.
        let awaiting = months.map { month -> Int in
            let recorded = PoliceOutcome.allCases.map { month.outcomes[$0.rawValue] ?? 0 }.reduce(0, +)
            return max(0, month.tipsForwarded - recorded)
        }
        let forwarded = parts("tips-forwarded", t("Tips forwarded to the police, by what came of them", "警察へ送付した通報（結果別）"),
                              total: t("Forwarded to the police", "警察への送付"),
                              outcomes + [(t("No outcome recorded yet", "結果の記録なし"), awaiting)])
        let decided = rule.protect(list(t("Rewards decided", "報奨金の決定"), months.map(\.rewardsDecided)))
        let paidCounts = list(t("Rewards paid", "報奨金の支払"), months.map(\.rewardsPaid))
        let paid = rule.protect(paidCounts)
        let yen = rule.protect(list(t("Yen paid", "支払額（円）"), months.map(\.rewardAmountPaid)), contributors: paidCounts)
        let rewards = Table(id: "rewards", caption: t("Rewards", "報奨金"), rows: [single(decided), single(paid), single(yen)],
                            protected: [decided, paid, yen])

        let itemsByKind = parts("internet-by-kind", t("Internet content reported, by kind (each page once)", "通報されたインターネット上の情報（種別、重複を除く）"),
                                total: t("Pages reported", "通報された情報"),
                                InternetCategory.allCases.map { category in
                                    (Self.sentence(category.label.label(language)), months.map { $0.internetByCategory[category.rawValue] ?? 0 })
                                })
        let reports = rule.protect(list(t("Reports received", "通報の受理"), months.map(\.internetReportsReceived)))
        let illegal = rule.protect(list(t("Judged illegal", "違法と判断"), months.map(\.judgedIllegal)))
        let judged = Table(id: "internet-reports", caption: t("Reports and judgements", "通報と判断"), rows: [single(reports), single(illegal)],
                           protected: [reports, illegal])

        var deletion = parts("deletion", t("Deletion requests to sites", "サイト管理者への削除依頼"), total: t("Deletion requested", "削除依頼"), [
            (t("Deleted", "削除済み"), months.map(\.deleted)),
            (t("Not deleted, or not yet", "未削除（対応中を含む）"), months.map { max(0, $0.deletionRequested - $0.deleted) }),
        ])
        let counts = deletion.protected[0]
        let requestedCells = counts.totalsRow ?? []
        let deletedCells = counts.row(0)
        let figures = months + [statistics.total]
        let rates = requestedCells.indices.map { index -> String in
            guard case .value(let requested) = requestedCells[index], case .value(let deleted) = deletedCells[index], requested > 0 else { return "–" }
            return String(format: "%.0f%%", Double(deleted) / Double(requested) * 100)
        }
        let medians = deletedCells.indices.map { index -> String in
            guard case .value(let deleted) = deletedCells[index], deleted > 0, let hours = figures[index].medianHoursToDeletion else { return "–" }
            return String(format: "%.1f", hours)
        }
        deletion = Table(id: deletion.id, caption: deletion.caption, rows: deletion.rows + [
            Row(label: t("Deletion rate", "削除率"), kind: .derived, cells: rates),
            Row(label: t("Median hours to deletion", "削除までの時間の中央値（時間）"), kind: .derived, cells: medians),
        ], protected: deletion.protected)

        sections = [
            Section(id: "tips", heading: t("Anonymous tips", "匿名通報"), tables: [tipsByKind, forwarded, rewards]),
            Section(id: "internet", heading: t("Internet Hotline Center", "インターネット・ホットラインセンター"), tables: [itemsByKind, judged, deletion]),
        ]
    }

    /// `2024-04` → "Apr 2024", "2024年4月".
    public static func monthLabel(_ month: String, _ language: Language) -> String {
        guard let parsed = HotlineMonth(month) else { return month }
        switch language {
        case .ja: return "\(parsed.year)年\(parsed.month)月"
        case .en: return "\(englishMonths[parsed.month - 1]) \(parsed.year)"
        }
    }

    static let englishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The staff pages' short labels ("trafficking in persons") begin a row here: "Trafficking in persons".
    public static func sentence(_ label: String) -> String { label.prefix(1).uppercased() + label.dropFirst() }
}
