/// The report's rules: from the year's facts to every figure, group and table of section 2.
public struct AnnualReportBuilder: Sendable {
    public let language: Language
    public let codeLists: CodeLists

    public init(language: Language, codeLists: CodeLists = .shipped) {
        self.language = language
        self.codeLists = codeLists
    }

    public func build(from facts: ReportFacts) -> AnnualReport {
        let year = facts.year
        let previousTotals = facts.series.first { $0.year == year - 1 }
        let previousSource: String
        if facts.previous.hasRecords && previousTotals?.source != .history { previousSource = "records" }
        else if previousTotals != nil { previousSource = "history" }
        else { previousSource = "none" }
        let comparable = previousSource == "records"
        // Totals of a year known only from published totals still compare; breakdowns cannot.
        func total(_ count: Int, _ records: Int, _ history: Int??) -> AnnualReport.Compared {
            switch previousSource {
            case "records": return .init(count: count, previous: records)
            case "history": return .init(count: count, previous: history ?? nil)
            default: return .init(count: count, previous: nil)
            }
        }

        let victims = victimFigures(facts, comparable: comparable) { count, previousCount in
            total(count, previousCount, previousTotals.map(\.victims))
        }
        let suspects = suspectFigures(facts, comparable: comparable,
                                      clearedCases: total(facts.current.clearedCases, facts.previous.clearedCases, previousTotals.map(\.clearedCases)),
                                      arrested: { total($0, $1, previousTotals.map(\.clearedSuspects)) })
        let (carryOver, carryTables) = carryOverGroups(facts)
        let table2 = AnnualReport.TrialTable(number: 2, kind: .prosecuted, firstReportedIn: nil, stillAwaitingIn: nil,
                                             rows: rows(facts.prosecuted, offenses: facts.offenses))
        var report = AnnualReport(year: year, approvedIn: year + 1, asOf: facts.asOf, language: language.rawValue,
                                  previousYearSource: previousSource, hasRecords: facts.current.hasRecords, notices: [],
                                  victims: victims, suspects: suspects, carryOver: carryOver,
                                  carryOverFrom: facts.previousReportIsPublished ? "published_edition" : "records",
                                  tables: [table2] + carryTables, series: facts.series.filter { $0.year <= year })
        report.notices = notices(for: report, facts: facts)
        return report
    }

    // MARK: - Victims

    private func victimFigures(_ facts: ReportFacts, comparable: Bool,
                               total: (Int, Int) -> AnnualReport.Compared) -> AnnualReport.VictimFigures {
        let now = facts.current.victims, before = facts.previous.victims
        func count(_ groups: [ReportFacts.VictimGroup: Int], where include: (ReportFacts.VictimGroup) -> Bool) -> Int {
            groups.reduce(0) { $0 + (include($1.key) ? $1.value : 0) }
        }
        func parts(_ key: (ReportFacts.VictimGroup) -> String?, where include: (ReportFacts.VictimGroup) -> Bool = { _ in true },
                   keepVanished: Bool = false, label: (String) -> String, order: [String]) -> [AnnualReport.Part] {
            breakdown(now, before, comparable: comparable, key: key, include: include, keepVanished: keepVanished, label: label, order: order)
        }
        let totalNow = count(now) { _ in true }
        let japaneseNow = count(now) { $0.nationality == "JPN" }
        let foreign: (ReportFacts.VictimGroup) -> Bool = { $0.nationality != "JPN" }
        let minor: (ReportFacts.VictimGroup) -> Bool = { $0.minor == true }
        let sexes = Sex.allCases.map(\.rawValue)
        let isaProtected = facts.current.supportEvents[.isaProtection] ?? 0
        return AnnualReport.VictimFigures(
            total: total(totalNow, count(before) { _ in true }),
            bySex: parts({ $0.sex }, keepVanished: true, label: { enumerationLabel("sex", $0) }, order: sexes),
            japanese: compared(japaneseNow, count(before) { $0.nationality == "JPN" }, comparable),
            japaneseSharePercent: totalNow == 0 ? nil : Double(japaneseNow) * 100 / Double(totalNow),
            foreign: compared(count(now, where: foreign), count(before, where: foreign), comparable),
            foreignByNationality: parts({ $0.nationality }, where: foreign, label: countryLabel, order: codeLists.countryOrder),
            foreignByResidenceStatus: parts({ ReportResidenceStatus.group(of: $0.residenceStatus) }, where: foreign,
                                            label: { ReportResidenceStatus.label($0, language, codeLists) }, order: ReportResidenceStatus.order(codeLists)),
            immigrationProtection: .init(protected: isaProtected, withStatusOfResidence: facts.current.isaWithStatus,
                                         permittedToChangeStatus: facts.current.isaPermittedChange),
            minors: compared(count(now, where: minor), count(before, where: minor), comparable),
            minorsByNationality: parts({ $0.nationality }, where: minor, label: countryLabel, order: codeLists.countryOrder),
            ageUnknown: count(now) { $0.minor == nil },
            byExploitation: parts({ $0.exploitation }, keepVanished: true, label: { enumerationLabel("exploitation", $0) },
                                  order: Exploitation.allCases.map(\.rawValue)).sorted(byCodeOrder: Exploitation.allCases.map(\.rawValue)),
            womenSupportCenterProtection: compared(facts.current.supportEvents[.wcscTemporaryProtection] ?? 0,
                                                   facts.previous.supportEvents[.wcscTemporaryProtection] ?? 0, comparable),
            iomVoluntaryReturns: compared(facts.current.supportEvents[.iomVoluntaryReturn] ?? 0,
                                          facts.previous.supportEvents[.iomVoluntaryReturn] ?? 0, comparable),
            byNationality: parts({ $0.nationality }, label: countryLabel, order: codeLists.countryOrder))
    }

    // MARK: - Suspects

    private func suspectFigures(_ facts: ReportFacts, comparable: Bool, clearedCases: AnnualReport.Compared,
                                arrested: (Int, Int) -> AnnualReport.Compared) -> AnnualReport.SuspectFigures {
        let now = facts.current.suspects, before = facts.previous.suspects
        func count(_ groups: [ReportFacts.SuspectGroup: Int], where include: (ReportFacts.SuspectGroup) -> Bool) -> Int {
            groups.reduce(0) { $0 + (include($1.key) ? $1.value : 0) }
        }
        var outcomes = AnnualReport.Outcomes()
        for (group, n) in now where group.disposition?.countsAsProsecuted == true {
            outcomes.add(group.verdict ?? .pending, count: n)
        }
        return AnnualReport.SuspectFigures(
            clearedCases: clearedCases,
            arrested: arrested(count(now) { _ in true }, count(before) { _ in true }),
            bySex: breakdown(now, before, comparable: comparable, key: { $0.sex }, include: { _ in true }, keepVanished: true,
                             label: { enumerationLabel("sex", $0) }, order: Sex.allCases.map(\.rawValue)),
            byNationality: breakdown(now, before, comparable: comparable, key: { $0.nationality }, include: { _ in true },
                                     keepVanished: false, label: countryLabel, order: codeLists.countryOrder),
            brokers: compared(count(now) { $0.broker }, count(before) { $0.broker }, comparable),
            organizedCrime: compared(count(now) { $0.organizedCrime }, count(before) { $0.organizedCrime }, comparable),
            prosecuted: count(now) { $0.disposition?.countsAsProsecuted == true },
            notProsecuted: count(now) { $0.disposition == .notProsecuted },
            notProsecutedForEvidence: count(now) { $0.disposition == .notProsecuted && $0.notProsecutedReason == .evidence },
            undecided: count(now) { $0.disposition == nil },
            outcomes: outcomes,
            deportationOrders: compared(facts.current.deportationOrders, facts.previous.deportationOrders, comparable))
    }

    // MARK: - Carry-over of earlier reports

    /// Newest report first: the previous report's own new cases, then, for each earlier report, those
    /// it first listed that the previous report still listed. Empty groups are left out.
    private func carryOverGroups(_ facts: ReportFacts) -> ([AnnualReport.CarryOverGroup], [AnnualReport.TrialTable]) {
        let previousReport = facts.year                    // approved in the data year
        let firstReported = Dictionary(facts.awaitingInPreviousReport.map { ($0.suspectID, $0.firstReportedIn) },
                                       uniquingKeysWith: { first, _ in first })
        let byReport = Dictionary(grouping: facts.carriedOver) { firstReported[$0.suspectID] ?? previousReport }
        var groups: [AnnualReport.CarryOverGroup] = []
        var tables: [AnnualReport.TrialTable] = []
        for report in byReport.keys.sorted(by: >) {
            let persons = byReport[report]!
            var outcomes = AnnualReport.Outcomes()
            for person in persons { outcomes.add(person.verdict) }
            let number = 3 + tables.count
            let stillAwaitingIn = report == previousReport ? nil : previousReport
            groups.append(.init(firstReportedIn: report, stillAwaitingIn: stillAwaitingIn, persons: persons.count,
                                outcomes: outcomes, table: number))
            tables.append(.init(number: number, kind: .carryOver, firstReportedIn: report, stillAwaitingIn: stillAwaitingIn,
                                rows: rows(persons, offenses: facts.offenses)))
        }
        return (groups, tables)
    }

    private func rows(_ persons: [ReportFacts.PersonTrial], offenses: [String: Offense]) -> [AnnualReport.TrialRow] {
        let text = TrialText(language: language, codeLists: codeLists, offenses: offenses)
        // Thousands of persons share a few hundred lists of charges: each list is worded once.
        var worded: [[ReportFacts.Charge]: String] = [:]
        return persons.enumerated().map { index, person in
            let offenses: String
            if let known = worded[person.charges] {
                offenses = known
            } else {
                offenses = text.offenses(person.charges)
                worded[person.charges] = offenses
            }
            return AnnualReport.TrialRow(number: index + 1, suspectID: person.suspectID, arrestedOn: person.arrestedOn,
                                         charges: person.charges, offenses: offenses,
                                         verdict: person.verdict, decidedOn: person.decidedOn,
                                         imprisonmentMonths: person.imprisonmentMonths, suspensionMonths: person.suspensionMonths,
                                         fineYen: person.fineYen, result: text.result(person))
        }
    }

    // MARK: - Notices

    private func notices(for report: AnnualReport, facts: ReportFacts) -> [AnnualReport.Notice] {
        let words = reportPhrases(language)
        var notices: [AnnualReport.Notice] = []
        if !report.hasRecords { notices.append(.init(kind: .noRecords, text: words.noRecords(report.year))) }
        switch report.hasRecords ? report.previousYearSource : "records" {
        case "none": notices.append(.init(kind: .noPreviousYear, text: words.noPreviousYear(report.previousYear)))
        case "history": notices.append(.init(kind: .previousYearFromHistory, text: words.previousFromHistory(report.previousYear)))
        default: break
        }
        if report.asOf < Day(year: report.year, month: 12, day: 31)! {
            notices.append(.init(kind: .cutOffBeforeYearEnd, text: words.cutOffBeforeYearEnd(report.asOf, report.year)))
        }
        if let totals = facts.series.first(where: { $0.year == report.year }), totals.differsFromHistory {
            notices.append(.init(kind: .historyDiffers, text: words.historyDiffers(report.year)))
        }
        if report.suspects.undecided > 0 {
            notices.append(.init(kind: .undecidedProsecutions, count: report.suspects.undecided,
                                 text: words.undecided(report.suspects.undecided, report.asOf)))
        }
        if report.victims.ageUnknown > 0 {
            notices.append(.init(kind: .unknownAges, count: report.victims.ageUnknown, text: words.unknownAges(report.victims.ageUnknown)))
        }
        return notices
    }

    // MARK: - Helpers

    private func compared(_ count: Int, _ previous: Int, _ comparable: Bool) -> AnnualReport.Compared {
        .init(count: count, previous: comparable ? previous : nil)
    }

    /// Categories present this year (and, with `keepVanished`, last year), largest first; ties in code-list order.
    private func breakdown<Group: Hashable>(_ now: [Group: Int], _ before: [Group: Int], comparable: Bool,
                                            key: (Group) -> String?, include: (Group) -> Bool, keepVanished: Bool,
                                            label: (String) -> String, order: [String]) -> [AnnualReport.Part] {
        func tally(_ groups: [Group: Int]) -> [String: Int] {
            var result: [String: Int] = [:]
            for (group, n) in groups where include(group) { if let code = key(group) { result[code, default: 0] += n } }
            return result
        }
        let current = tally(now), previous = tally(before)
        let codes = Set(current.filter { $0.value > 0 }.keys).union(keepVanished && comparable ? Set(previous.filter { $0.value > 0 }.keys) : [])
        let rank = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return codes.map { AnnualReport.Part(code: $0, label: label($0), count: current[$0] ?? 0, previous: comparable ? previous[$0] ?? 0 : nil) }
            .sorted { ($0.count, rank[$1.code] ?? Int.max) > ($1.count, rank[$0.code] ?? Int.max) }
    }

    private func enumerationLabel(_ list: String, _ code: String) -> String {
        codeLists.enumerations[list]?[code]?.label(language) ?? code
    }

    private func countryLabel(_ code: String) -> String {
        guard let country = codeLists.countries[code] else { return code }
        return language == .ja ? country.ja : country.en
    }
}

extension Array where Element == AnnualReport.Part {
    func sorted(byCodeOrder order: [String]) -> [AnnualReport.Part] {
        let rank = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return sorted { (rank[$0.code] ?? Int.max) < (rank[$1.code] ?? Int.max) }
    }
}

/// The report counts statuses of residence by kind: both grades of "Specified Skilled Worker" as one,
/// all three of "Technical Intern Training" as one.
public enum ReportResidenceStatus {
    public static func group(of code: String?) -> String? {
        guard let code else { return "unknown" }
        if code.hasPrefix("specified_skilled_worker") { return "specified_skilled_worker" }
        if code.hasPrefix("technical_intern_training") { return "technical_intern_training" }
        return code
    }

    public static func label(_ group: String, _ language: Language, _ codeLists: CodeLists) -> String {
        switch group {
        case "specified_skilled_worker": return language == .ja ? "特定技能" : "Specified Skilled Worker"
        case "technical_intern_training": return language == .ja ? "技能実習" : "Technical Intern Training"
        case "unknown": return language == .ja ? "不明" : "unknown"
        default: return codeLists.residenceStatuses[group]?.label(language) ?? group
        }
    }

    public static func order(_ codeLists: CodeLists) -> [String] {
        var seen = Set<String>()
        return (codeLists.residenceStatusOrder + ["unknown"]).compactMap { group(of: $0) }.filter { seen.insert($0).inserted }
    }
}
