/// The report's English, as its readers know it: one to ten in words, larger numbers in digits,
/// "(five more than in 2023)", "(the same as in 2023)", "approximately 90%", zero said in words.
struct EnglishReportPhrases: ReportPhrases {
    func title(_ report: AnnualReport) -> String {
        "Measures to Combat Trafficking in Persons: statistics of \(report.year) (annual report approved in \(report.approvedIn))"
    }
    let sectionHeading = "2 Gaining a thorough understanding of trafficking in persons"
    let incidenceHeading = "(1) Incidence of trafficking in persons in Japan"
    let victimsHeading = "i) Data relating to victims of trafficking in persons"
    let suspectsHeading = "ii) Data relating to those accused of trafficking in persons"
    let offenseColumn = "Offense"
    let resultColumn = "Results of trial"
    let yearColumn = "Year"
    let countColumn = "Persons"
    let nationalityColumn = "Nationality or region"
    let statusColumn = "Status of residence"
    let victimsSeries = "Victims"
    let casesSeries = "Cleared cases"
    let suspectsSeries = "Cleared suspects"

    // MARK: - i) Victims

    func victimItems(_ report: AnnualReport) -> [[String]] {
        let v = report.victims, year = report.year, before = report.previousYear
        var items: [[String]] = []
        var first = ["The number of victims of trafficking in persons who were put under protection in \(year) was \(n(v.total.count))\(change(v.total, before))."]
        if !v.bySex.isEmpty {
            first.append("With regard to the gender of the victims, \(partList(v.bySex, total: v.total.count, before: before, oxford: true) { sexClause($0, $1) }).")
        }
        items.append(first)

        if v.total.count > 0 {
            var nationality: [String] = []
            if v.japanese.count == v.total.count {
                nationality.append("With regard to the nationality or region of the victims, all were Japanese nationals.")
            } else if v.japanese.count == 0 {
                nationality.append("With regard to the nationality or region of the victims, none were Japanese\(change(v.japanese, before)).")
            } else {
                nationality.append("With regard to the nationality or region of the victims, \(n(v.japanese.count)) \(be(v.japanese.count)) Japanese\(change(v.japanese, before)), accounting for \(approximately(v.japaneseSharePercent ?? 0)).")
            }
            if v.foreign.count > 0 {
                nationality.append("With regard to the nationalities of the \(n(v.foreign.count)) non-Japanese \(victimNoun(v.foreign.count)), \(partList(v.foreignByNationality, total: v.foreign.count, before: before, oxford: false) { nationalsClause($0, $1) }).")
            }
            items.append(nationality)
        }

        var status: [String] = []
        if v.foreign.count > 0 {
            status.append("With regard to the status of residence of the \(n(v.foreign.count)) foreign \(victimNoun(v.foreign.count)), \(partList(v.foreignByResidenceStatus, total: v.foreign.count, before: before, oxford: false) { statusClause($0, $1) }).")
        }
        status.append(immigrationProtection(v.immigrationProtection, year: year))
        items.append(status)

        if v.total.count > 0 {
            var minors: [String]
            switch v.minors.count {
            case 0: minors = ["Of the \(n(v.total.count)) \(victimNoun(v.total.count)), none were minors (under 18 years of age)\(change(v.minors, before))."]
            case 1: minors = ["Of the \(n(v.total.count)) \(victimNoun(v.total.count)), one was a minor (under 18 years of age)\(change(v.minors, before))."]
            default: minors = ["Of the \(n(v.total.count)) victims, \(n(v.minors.count)) were minors (under 18 years of age)\(change(v.minors, before))."]
            }
            if v.minors.count > 0 {
                minors[0] += " By nationality or region of the victims, \(partList(v.minorsByNationality.map { $0.withoutComparison }, total: v.minors.count, before: before, oxford: false) { nationalsClause($0, $1) })."
            }
            items.append(minors)
        }

        if !v.byExploitation.isEmpty {
            items.append(["With regard to the forms of trafficking, \(partList(v.byExploitation, total: v.total.count, before: before, oxford: true, allowAll: false) { exploitationClause($0, $1) })."])
        }
        let wcsc = v.womenSupportCenterProtection.count
        items.append(["The number of victims who were put under protection temporarily as victims of trafficking in persons at Women’s Counseling and Support Centers in \(year) was \(n(wcsc))."])
        let iom = v.iomVoluntaryReturns.count
        items.append(["In \(year), \(iom == 0 ? "no" : n(iom)) foreign \(victimNoun(iom)) \(be(iom)) voluntarily repatriated through support from the International Organization for Migration (IOM)."])
        return items
    }

    private func immigrationProtection(_ isa: AnnualReport.ImmigrationProtection, year: Int) -> String {
        let opening = "The number of non-Japanese victims who were put under protection by the Immigration Services Agency in \(year) was \(n(isa.protected))."
        switch isa.protected {
        case 0: return opening
        case 1:
            let held = isa.withStatusOfResidence == 1 ? "possessed the status of residence" : "did not possess a status of residence"
            let changed = isa.permittedToChangeStatus == 1 ? "was permitted to change the status of residence" : "was not permitted to change the status of residence"
            return opening + " The victim \(held), and \(changed)."
        default:
            let held: String
            switch isa.withStatusOfResidence {
            case isa.protected: held = "All of these victims possessed the status of residence"
            case 0: held = "None of these victims possessed a status of residence"
            default: held = "\(capitalized(n(isa.withStatusOfResidence))) of these victims possessed the status of residence"
            }
            let changed: String
            switch isa.permittedToChangeStatus {
            case isa.protected: changed = "all of them were permitted to change the status of residence"
            case 0: changed = "none of them were permitted to change the status of residence"
            default: changed = "\(n(isa.permittedToChangeStatus)) of them \(be(isa.permittedToChangeStatus)) permitted to change the status of residence"
            }
            return opening + " \(held), and \(changed)."
        }
    }

    // MARK: - ii) Suspects

    func suspectItems(_ report: AnnualReport) -> [[String]] {
        let s = report.suspects, year = report.year, before = report.previousYear
        var items: [[String]] = []
        let cases = s.clearedCases.count, persons = s.arrested.count
        var first = ["In \(year), \(n(cases)) \(cases == 1 ? "case" : "cases") of trafficking in persons pertaining to victims of trafficking in persons put under protection by Japan \(be(cases)) cleared\(change(s.clearedCases, before)) and \(n(persons)) \(persons == 1 ? "person was" : "persons were") arrested for trafficking in persons\(change(s.arrested, before))."]
        if !s.bySex.isEmpty {
            first.append("With regard to the gender of the suspects, \(partList(s.bySex, total: persons, before: before, oxford: true) { sexClause($0, $1) }).")
        }
        items.append(first)
        if persons > 0 {
            if s.byNationality.count == 1, let only = s.byNationality.first {
                items.append(["By nationality or region of the suspects, all were \(nationals(only.code, only.label, plural: true))."])
            } else {
                items.append(["By nationality or region of the suspects, \(partList(s.byNationality, total: persons, before: before, oxford: false) { nationalsClause($0, $1) })."])
            }
        }
        let brokers = s.brokers.count, members = s.organizedCrime.count
        let brokerWords = brokers == 0 ? "no brokers" : "\(n(brokers)) \(brokers == 1 ? "broker" : "brokers")"
        let memberWords = members == 0 ? "no members" : "\(n(members)) \(members == 1 ? "member" : "members")"
        items.append(["There \(be(brokers)) \(brokerWords)\(change(s.brokers, before)) and \(memberWords) of organized crime groups, etc.\(change(s.organizedCrime, before))."])
        items.append(punishments(s, asOf: report.asOf))
        let orders = s.deportationOrders.count
        items.append(["The Immigration Services Agency issued deportation orders against \(n(orders)) \(orders == 1 ? "perpetrator" : "perpetrators") in \(year)."])
        return items
    }

    private func punishments(_ s: AnnualReport.SuspectFigures, asOf: Day) -> [String] {
        var sentence = "With regard to punishments, \(n(s.prosecuted)) of the suspects \(be(s.prosecuted)) prosecuted (including those who were sent to the family court, the same applies hereinafter)"
        if s.notProsecuted > 0 {
            let reason = s.notProsecutedForEvidence > 0 ? " due to problems with evidence, etc." : ""
            sentence += " and \(n(s.notProsecuted)) \(be(s.notProsecuted)) not prosecuted\(reason)"
        }
        if !sentence.hasSuffix(".") { sentence += "." }
        var lines = [sentence]
        if s.prosecuted > 0 {
            let outcome = outcomes(s.outcomes, pending: "still pending", oxford: false)
            if s.prosecuted == 1 {
                lines[0] += " The one suspect that has been prosecuted \(outcome) (as of \(date(asOf)))."
            } else {
                lines[0] += " Of the \(n(s.prosecuted)) suspects that have been prosecuted, \(outcome) (as of \(date(asOf)))."
            }
        }
        if s.undecided > 0 {
            lines[0] += " For \(n(s.undecided)) of the suspects, no decision on prosecution had been made (as of \(date(asOf)))."
        }
        return lines
    }

    func carryOver(_ group: AnnualReport.CarryOverGroup, position: Int, report: AnnualReport) -> String {
        var who = group.persons == 1
            ? "the one person who was said in the annual report approved in \(group.firstReportedIn) to be awaiting trial"
            : "the \(n(group.persons)) persons who were said in the annual report approved in \(group.firstReportedIn) to be awaiting trial"
        if let still = group.stillAwaitingIn { who += " and continued to be awaiting trial in the annual report approved in \(still)" }
        let outcome = outcomes(group.outcomes, pending: "still awaiting trial", oxford: true)
        let body = group.persons == 1 ? "\(who) \(outcome)" : "of \(who), \(outcome)"
        let sentence = "\(body) (as of \(date(report.asOf)))."
        switch position {
        case 0: return "Note that " + sentence
        case 1: return capitalized(sentence)
        default: return "In addition, " + sentence
        }
    }

    /// "35 have been found guilty and 12 are still pending", "all have been found guilty", "has been found guilty".
    private func outcomes(_ outcomes: AnnualReport.Outcomes, pending: String, oxford: Bool) -> String {
        let kinds: [(Int, String, String)] = [
            (outcomes.guilty, "has been found guilty", "have been found guilty"),
            (outcomes.notGuilty, "has been found not guilty", "have been found not guilty"),
            (outcomes.dismissed, "has had the prosecution dismissed", "have had the prosecution dismissed"),
            (outcomes.protectiveMeasure, "has been placed under protective measures", "have been placed under protective measures"),
            (outcomes.pending, "is \(pending)", "are \(pending)"),
        ]
        let present = kinds.filter { $0.0 > 0 }
        if outcomes.total == 1, let only = present.first { return only.1 }
        if present.count == 1, let only = present.first { return "all \(only.2)" }
        return list(present.map { "\(n($0.0)) \($0.0 == 1 ? $0.1 : $0.2)" }, oxford: oxford)
    }

    // MARK: - Tables and figures

    func tableCaption(_ table: AnnualReport.TrialTable, report: AnnualReport) -> String {
        let count = table.rows.count, asOf = "(as of \(date(report.asOf)))"
        switch table.kind {
        case .prosecuted:
            return count == 1 ? "Charges imposed on the one prosecuted person and his/her trial result \(asOf)"
                : "Charges imposed on the \(n(count)) prosecuted persons and their trial results \(asOf)"
        case .carryOver:
            var who = "the \(n(count)) \(count == 1 ? "person" : "persons") reported as awaiting trial in the \(table.firstReportedIn ?? report.year) annual report"
            if let still = table.stillAwaitingIn { who += " and continued to be awaiting trial in the \(still) annual report" }
            return "Charges imposed on \(who) and the results of \(count == 1 ? "his/her trial" : "their trials") \(asOf)"
        }
    }

    func victimTrendCaption(_ years: ClosedRange<Int>) -> String {
        "Trends in the number of victims of trafficking in persons (\(years.lowerBound) to \(years.upperBound))"
    }
    func clearanceTrendCaption(_ years: ClosedRange<Int>) -> String {
        "Trends in the number of cleared cases and number of cleared suspects for the crime of trafficking in persons (\(years.lowerBound) to \(years.upperBound))"
    }
    func victimNationalityCaption(_ count: Int) -> String { "Nationalities or regions of the \(n(count)) \(victimNoun(count))" }
    func residenceStatusCaption(_ count: Int) -> String { "Status of residence of the \(n(count)) foreign \(victimNoun(count))" }
    func suspectNationalityCaption(_ count: Int) -> String { "Nationalities or regions of \(n(count)) \(count == 1 ? "suspect" : "suspects")" }

    // MARK: - Notices

    func noRecords(_ year: Int) -> String {
        "There are no case-level records for \(year): the figures of sections i) and ii) and Tables 2 onwards cannot be computed. The trend figures show what is known."
    }
    func noPreviousYear(_ year: Int) -> String {
        "There are no records or published totals for \(year): no comparison with \(year) is made."
    }
    func previousFromHistory(_ year: Int) -> String {
        "\(year) is known only from published yearly totals: the totals are compared with \(year), the breakdowns are not."
    }
    func cutOffBeforeYearEnd(_ asOf: Day, _ year: Int) -> String {
        "The cut-off \(date(asOf)) is before the end of \(year): prosecutions and trials decided after it are counted as undecided or pending."
    }
    func historyDiffers(_ year: Int) -> String {
        "The case-level records of \(year) differ from its published yearly totals (history.csv); the records are used."
    }
    func undecided(_ count: Int, _ asOf: Day) -> String {
        "\(capitalized(n(count))) of the suspects arrested had no decision on prosecution as of \(date(asOf))."
    }
    func unknownAges(_ count: Int) -> String {
        "The age of \(n(count)) \(victimNoun(count)) is not recorded; they are not counted as minors."
    }

    // MARK: - Words

    private func n(_ value: Int) -> String { Numerals.english(value) }
    private func be(_ count: Int) -> String { count == 1 ? "was" : "were" }
    private func victimNoun(_ count: Int) -> String { count == 1 ? "victim" : "victims" }
    private func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    /// "(five more than in 2023)", "(the same as in 2023)", "(18 less than in 2023)"; nothing when the
    /// previous year is not known.
    private func change(_ value: AnnualReport.Compared, _ previousYear: Int) -> String {
        guard let change = value.change else { return "" }
        if change == 0 { return " (the same as in \(previousYear))" }
        return " (\(n(abs(change))) \(change > 0 ? "more" : "less") than in \(previousYear))"
    }

    /// Shares as the report gives them: "approximately 90%".
    private func approximately(_ percent: Double) -> String {
        let tens = Int((percent / 10).rounded()) * 10
        let rounded = (tens == 0 || tens == 100) && percent != 0 && percent != 100 ? Int(percent.rounded()) : tens
        return "approximately \(rounded)%"
    }

    /// "A and B", "A, B and C", or with `oxford` "A, and B", "A, B, and C".
    private func list(_ items: [String], oxford: Bool) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        case 2: return items[0] + (oxford ? ", and " : " and ") + items[1]
        default: return items.dropLast().joined(separator: ", ") + (oxford ? ", and " : " and ") + items.last!
        }
    }

    /// Clauses of a breakdown; "all were …" when one category holds everyone and the list allows it.
    private func partList(_ parts: [AnnualReport.Part], total: Int, before: Int, oxford: Bool, allowAll: Bool = true,
                          clause: (AnnualReport.Part, Int) -> String) -> String {
        if allowAll, parts.count == 1, let only = parts.first, only.count == total, total > 1 {
            return clause(only, before).replacingOccurrences(of: "\(n(total)) were ", with: "all were ")
        }
        return list(parts.map { clause($0, before) }, oxford: oxford)
    }

    private func sexClause(_ part: AnnualReport.Part, _ before: Int) -> String {
        let word: String
        switch part.code {
        case "female", "male": word = part.code
        case "other": word = "of another gender"
        default: word = "of unknown gender"
        }
        return "\(part.count == 0 ? "none" : n(part.count)) \(be(part.count)) \(word)\(change(part.compared, before))"
    }

    private func nationalsClause(_ part: AnnualReport.Part, _ before: Int) -> String {
        "\(n(part.count)) \(be(part.count)) \(nationals(part.code, part.label, plural: part.count != 1))\(change(part.compared, before))"
    }

    /// "Philippine nationals", "an Indonesian national", "of unknown nationality".
    private func nationals(_ code: String, _ label: String, plural: Bool) -> String {
        guard let country = CodeLists.shipped.countries[code], country.kind != .unknown else { return "of unknown nationality" }
        let adjective = country.nationalityEN
        if plural { return "\(adjective) nationals" }
        return "\(article(adjective)) \(adjective) national"
    }

    private func statusClause(_ part: AnnualReport.Part, _ before: Int) -> String {
        let count = part.count
        switch part.code {
        case "no_status": return "\(n(count)) had no status of residence (illegal stay or overstay)\(change(part.compared, before))"
        case "unknown": return "\(n(count)) \(be(count)) of unknown status\(change(part.compared, before))"
        default:
            let personNoun = ["specified_skilled_worker", "permanent_resident", "long_term_resident", "student", "temporary_visitor"].contains(part.code)
            let name = "“\(part.label)”"
            return "\(n(count)) \(be(count)) \(count == 1 && personNoun ? "a " : "")\(name)\(change(part.compared, before))"
        }
    }

    private func exploitationClause(_ part: AnnualReport.Part, _ before: Int) -> String {
        let count = part.count, who = count == 0 ? "none" : n(count)
        let victims = count == 1 ? "was a victim" : "were victims"
        let what: String
        switch part.code {
        case "sexual": what = "\(victims) of sexual exploitation"
        case "hostess": what = "\(be(count)) forced to work as a nightclub hostess"
        case "labour": what = "\(victims) of labor exploitation other than nightclub hostess"
        case "organ": what = "\(victims) of the removal of organs"
        default: what = "\(victims) of other forms of exploitation"
        }
        return "\(who) \(what)\(change(part.compared, before))"
    }

    private func article(_ word: String) -> String { "AEIOU".contains(word.prefix(1)) ? "an" : "a" }

    private static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                                 "October", "November", "December"]
    /// "March 31, 2025".
    func date(_ day: Day) -> String { "\(Self.months[day.month - 1]) \(day.day), \(day.year)" }
}

extension AnnualReport.Part {
    /// The same part without its year-on-year comparison (sentences that do not compare).
    var withoutComparison: AnnualReport.Part { .init(code: code, label: label, count: count, previous: nil) }
}
