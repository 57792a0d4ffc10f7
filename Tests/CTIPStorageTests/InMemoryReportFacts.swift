import CTIPCore

/// An independent, deliberately plain computation of `ReportFacts` from records in memory: the oracle
/// the SQL queries are checked against. The awaiting-trial list is simulated report by report (each
/// report lists its year's undecided prosecutions and keeps those still undecided at its own cut-off),
/// not by the closed rule the storage layer uses.
struct InMemoryRecords {
    var victims: [VictimRecord] = []
    var suspects: [SuspectRecord] = []
    var cases: [CaseRecord] = []
    var charges: [ChargeRecord] = []
    var trials: [String: TrialRecord] = [:]
    var support: [SupportRecord] = []

    init(_ bundle: SyntheticBundle) {
        bundle.generate { file, record in
            switch record {
            case let victim as VictimRecord: victims.append(victim)
            case let suspect as SuspectRecord: suspects.append(suspect)
            case let item as CaseRecord: cases.append(item)
            case let charge as ChargeRecord: charges.append(charge)
            case let trial as TrialRecord: trials[trial.suspectID] = trial
            case let event as SupportRecord: support.append(event)
            default: break
            }
        }
    }

    func year(_ year: Int, asOf: Day) -> ReportFacts.Year {
        var facts = ReportFacts.Year()
        for victim in victims where victim.protectedOn.year == year {
            let group = ReportFacts.VictimGroup(sex: victim.sex.rawValue, nationality: victim.nationality,
                                                residenceStatus: victim.residenceStatus, exploitation: victim.exploitation.rawValue,
                                                minor: victim.age.map { $0 < 18 })
            facts.victims[group, default: 0] += 1
        }
        for suspect in suspects where suspect.arrestedOn.year == year {
            let decided = suspect.dispositionOn.map { $0 <= asOf } ?? false
            let disposition = decided ? suspect.disposition : nil
            var verdict: Verdict?
            if disposition?.countsAsProsecuted == true { verdict = trials[suspect.id]?.verdict(asOf: asOf) ?? .pending }
            let group = ReportFacts.SuspectGroup(sex: suspect.sex.rawValue, nationality: suspect.nationality, broker: suspect.broker,
                                                 organizedCrime: suspect.organizedCrime, disposition: disposition,
                                                 notProsecutedReason: decided ? suspect.notProsecutedReason : nil, verdict: verdict)
            facts.suspects[group, default: 0] += 1
        }
        facts.deportationOrders = suspects.filter { $0.deportationOrderedOn?.year == year }.count
        facts.clearedCases = cases.filter { $0.clearedOn.year == year }.count
        var eventVictims: [SupportEvent: Set<String>] = [:]
        for event in support where event.on.year == year { eventVictims[event.event, default: []].insert(event.victimID) }
        facts.supportEvents = eventVictims.mapValues(\.count)
        let protectedByImmigration = eventVictims[.isaProtection] ?? []
        for victim in victims where protectedByImmigration.contains(victim.id) {
            if let status = victim.residenceStatus, status != "no_status" { facts.isaWithStatus += 1 }
            if support.contains(where: { $0.victimID == victim.id && $0.event == .residenceStatusChangePermitted && $0.on <= asOf }) {
                facts.isaPermittedChange += 1
            }
        }
        return facts
    }

    func personTrial(_ suspect: SuspectRecord, asOf: Day) -> ReportFacts.PersonTrial {
        let trial = trials[suspect.id]
        let verdict = trial?.verdict(asOf: asOf) ?? .pending
        let decided = verdict != .pending
        return ReportFacts.PersonTrial(
            suspectID: suspect.id, arrestedOn: suspect.arrestedOn,
            charges: charges.filter { $0.suspectID == suspect.id }.sorted { $0.position < $1.position }
                .map { ReportFacts.Charge(offense: $0.offense, detail: $0.detail) },
            verdict: verdict, decidedOn: decided ? trial?.decidedOn : nil,
            imprisonmentMonths: decided ? trial?.imprisonmentMonths : nil, suspensionMonths: decided ? trial?.suspensionMonths : nil,
            fineYen: decided ? trial?.fineYen : nil)
    }

    /// The list of persons awaiting trial that the report of `year` carries, simulated from the first year.
    func awaitingList(reportOf year: Int) -> [ReportFacts.AwaitingPerson] {
        guard let first = suspects.map(\.arrestedOn.year).min(), first <= year else { return [] }
        var listed: [String: Int] = [:]
        for reportYear in first...year {
            let cutOff = Day.reportCutOff(forDataYear: reportYear)
            listed = listed.filter { trials[$0.key]?.verdict(asOf: cutOff) ?? .pending == .pending }
            for suspect in suspects where suspect.arrestedOn.year == reportYear {
                guard let disposition = suspect.disposition, disposition.countsAsProsecuted,
                      let on = suspect.dispositionOn, on <= cutOff,
                      trials[suspect.id]?.verdict(asOf: cutOff) ?? .pending == .pending else { continue }
                listed[suspect.id] = reportYear + 1
            }
        }
        return listed.map { ReportFacts.AwaitingPerson(suspectID: $0.key, firstReportedIn: $0.value) }
    }

    func facts(year: Int, asOf: Day) -> (current: ReportFacts.Year, previous: ReportFacts.Year,
                                         prosecuted: [ReportFacts.PersonTrial], awaiting: Set<ReportFacts.AwaitingPerson>,
                                         carried: [ReportFacts.PersonTrial]) {
        let order: (ReportFacts.PersonTrial, ReportFacts.PersonTrial) -> Bool = { ($0.arrestedOn, $0.suspectID) < ($1.arrestedOn, $1.suspectID) }
        let prosecuted = suspects.filter {
            $0.arrestedOn.year == year && $0.disposition?.countsAsProsecuted == true && ($0.dispositionOn.map { $0 <= asOf } ?? false)
        }.map { personTrial($0, asOf: asOf) }.sorted(by: order)
        let awaiting = awaitingList(reportOf: year - 1)
        let ids = Set(awaiting.map(\.suspectID))
        let carried = suspects.filter { ids.contains($0.id) }.map { personTrial($0, asOf: asOf) }.sorted(by: order)
        return (self.year(year, asOf: asOf), self.year(year - 1, asOf: Day.reportCutOff(forDataYear: year - 1)), prosecuted, Set(awaiting), carried)
    }
}
