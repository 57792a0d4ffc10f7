/// A deterministic synthetic bundle of any size, with distributions shaped like Japan's statistics
/// (mostly Japanese, female and minor victims of sexual exploitation; mostly male Japanese suspects;
/// most prosecuted and found guilty; trials pending only while recent). The same parameters always give the same rows.
public struct SyntheticBundle: Sendable {
    public var victims: Int
    public var suspects: Int
    public var years: ClosedRange<Int>
    public var seed: UInt64

    public init(victims: Int, suspects: Int, years: ClosedRange<Int> = 2001...2024, seed: UInt64 = 1) {
        self.victims = victims; self.suspects = suspects; self.years = years; self.seed = seed
    }

    /// Writes each row through `emit`, file by file in import order (cases, victims, suspects, charges, trials, support).
    public func generate(emit: (BundleFile, BundleRecord) throws -> Void) rethrows {
        var random = SplitMix64(seed: seed)
        let caseCount = max(1, suspects)
        let yearCount = years.count
        func dayIn(year: Int) -> Day {
            let first = Day(year: year, month: 1, day: 1)!.daysSinceEpoch
            return Day(daysSinceEpoch: first + Int(random.next() % UInt64(Day.isLeap(year) ? 366 : 365)))
        }
        func year(ofIndex index: Int, count: Int) -> Int { years.lowerBound + index * yearCount / max(1, count) }
        func id(_ prefix: String, _ number: Int) -> String {
            let digits = String(number)
            return prefix + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
        }

        var caseDays: [Day] = []
        caseDays.reserveCapacity(caseCount)
        for index in 0..<caseCount {
            let day = dayIn(year: year(ofIndex: index, count: caseCount))
            caseDays.append(day)
            let prefecture = "JP-" + (random.pick(Self.prefectureWeights) as String)
            try emit(.cases, CaseRecord(id: id("C", index + 1), clearedOn: day, prefecture: prefecture,
                                        agency: random.pick([(ClearingAgency.police, 90), (.immigration, 4), (.labourInspection, 3), (.coastGuard, 2), (.other, 1)])))
        }
        var foreignVictims: [(String, Day)] = []
        var sheltered: [(String, Day)] = []
        for index in 0..<victims {
            let caseIndex = min(caseCount - 1, index * caseCount / max(1, victims))
            let protectedOn = caseDays[caseIndex].adding(days: Int(random.next() % 20))
            let nationality = random.pick(Self.victimNationalities)
            let minor = nationality == "JPN" && random.chance(55)
            let record = VictimRecord(
                id: id("V", index + 1), protectedOn: protectedOn, sex: random.pick([(Sex.female, 86), (.male, 13), (.unknown, 1)]),
                age: random.chance(3) ? nil : (minor ? 12 + Int(random.next() % 6) : 18 + Int(random.next() % 30)),
                nationality: nationality,
                residenceStatus: nationality == "JPN" ? nil : random.pick(Self.residenceStatuses),
                exploitation: random.pick([(Exploitation.sexual, 80), (.hostess, 10), (.labour, 9), (.other, 1)]),
                protectedBy: nationality == "JPN" ? random.pick([(ProtectingAgency.police, 95), (.womenSupportCenter, 3), (.ngo, 2)])
                                                  : random.pick([(ProtectingAgency.police, 50), (.immigration, 45), (.ngo, 5)]),
                caseIDs: [id("C", caseIndex + 1)])
            if nationality != "JPN" { foreignVictims.append((record.id, protectedOn)) }
            else if random.chance(4) { sheltered.append((record.id, protectedOn)) }
            try emit(.victims, record)
        }
        let horizon = Day.reportCutOff(forDataYear: years.upperBound)
        var charges: [ChargeRecord] = []
        var trials: [TrialRecord] = []
        for index in 0..<suspects {
            let caseIndex = min(caseCount - 1, index * caseCount / max(1, suspects))
            let arrestedOn = caseDays[caseIndex]
            let nationality = random.pick([("JPN", 90), ("CHN", 3), ("PHL", 2), ("KOR", 2), ("THA", 1), ("VNM", 2)])
            let disposition: Disposition? = random.pick([(Disposition.prosecuted, 75), (.familyCourt, 3), (.notProsecuted, 17), (nil, 5)])
            let dispositionOn = disposition.map { _ in arrestedOn.adding(days: 10 + Int(random.next() % 50)) }
            let suspectID = id("S", index + 1)
            try emit(.suspects, SuspectRecord(
                id: suspectID, arrestedOn: arrestedOn, sex: random.pick([(Sex.male, 88), (.female, 12)]), nationality: nationality,
                broker: random.chance(8), organizedCrime: random.chance(5), disposition: disposition, dispositionOn: dispositionOn,
                notProsecutedReason: disposition == .notProsecuted ? random.pick([(NotProsecutedReason.evidence, 90), (.other, 10)]) : nil,
                deportationOrderedOn: nationality != "JPN" && random.chance(30) ? arrestedOn.adding(days: 90 + Int(random.next() % 200)) : nil,
                caseIDs: [id("C", caseIndex + 1)]))
            guard let disposition, disposition.countsAsProsecuted, let dispositionOn else { continue }
            for position in 1...(1 + Int(random.next() % 3)) {
                let offense = random.pick(Self.offenseWeights)
                charges.append(ChargeRecord(suspectID: suspectID, position: position, offense: offense,
                                            detail: offense == "juvenile_protection_ordinance" ? "JP-" + random.pick(Self.prefectureWeights) : nil))
            }
            // Trials take two months to two years, a few up to five; one decided after the last report's
            // cut-off is still pending in the bundle, as real records at export time would be.
            let decidedOn = dispositionOn.adding(days: 60 + Int(random.next() % (random.chance(5) ? 1800 : 660)))
            if disposition == .familyCourt {
                trials.append(TrialRecord(suspectID: suspectID, verdict: .protectiveMeasure, decidedOn: dispositionOn.adding(days: 30)))
            } else if decidedOn <= horizon {
                let verdict = random.pick([(Verdict.guilty, 97), (.notGuilty, 2), (.dismissed, 1)])
                let fineOnly = verdict == .guilty && random.chance(20)
                let imprisonment = verdict == .guilty && !fineOnly ? 6 + Int(random.next() % 115) : nil
                trials.append(TrialRecord(
                    suspectID: suspectID, verdict: verdict, decidedOn: decidedOn,
                    imprisonmentMonths: imprisonment,
                    suspensionMonths: imprisonment.flatMap { $0 <= 36 && random.chance(60) ? 36 + 12 * Int(random.next() % 3) : nil },
                    fineYen: fineOnly || (verdict == .guilty && random.chance(15)) ? 50_000 * (1 + Int(random.next() % 10)) : nil))
            } else {
                trials.append(TrialRecord(suspectID: suspectID, verdict: .pending))
            }
            // Charges and trials are flushed as they come so memory stays flat.
            for charge in charges { try emit(.charges, charge) }
            for trial in trials { try emit(.trials, trial) }
            charges.removeAll(keepingCapacity: true)
            trials.removeAll(keepingCapacity: true)
        }
        for (victimID, protectedOn) in foreignVictims {
            if random.chance(60) {
                try emit(.support, SupportRecord(victimID: victimID, event: .isaProtection, on: protectedOn.adding(days: 2), agency: .immigration))
                if random.chance(80) { try emit(.support, SupportRecord(victimID: victimID, event: .residenceStatusChangePermitted, on: protectedOn.adding(days: 20), agency: .immigration)) }
            }
            if random.chance(40) { try emit(.support, SupportRecord(victimID: victimID, event: .iomVoluntaryReturn, on: protectedOn.adding(days: 60 + Int(random.next() % 120)), agency: .other)) }
        }
        for (victimID, protectedOn) in sheltered {
            try emit(.support, SupportRecord(victimID: victimID, event: .wcscTemporaryProtection, on: protectedOn.adding(days: 1), agency: .womenSupportCenter))
        }
    }
}

/// SplitMix64: tiny, fast, and identical on every platform (Swift's default generator is not seedable).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func chance(_ percent: UInt64) -> Bool { next() % 100 < percent }
    mutating func pick<T>(_ weighted: [(T, Int)]) -> T {
        let total = weighted.reduce(0) { $0 + $1.1 }
        var roll = Int(next() % UInt64(total))
        for (value, weight) in weighted {
            if roll < weight { return value }
            roll -= weight
        }
        return weighted[weighted.count - 1].0
    }
}

extension SyntheticBundle {
    static let victimNationalities: [(String, Int)] = [("JPN", 85), ("PHL", 7), ("THA", 2), ("VNM", 2), ("IDN", 1), ("CHN", 1), ("KOR", 1), ("COL", 1)]
    static let residenceStatuses: [(String?, Int)] = [("entertainer", 35), ("technical_intern_training_1", 15), ("specified_skilled_worker_1", 10),
                                                       ("temporary_visitor", 15), ("no_status", 10), ("spouse_or_child_of_japanese", 10), ("student", 5)]
    /// Tokyo, Osaka, Kanagawa, Aichi, Hokkaido and Fukuoka weigh more; every other prefecture 1.
    static let prefectureWeights: [(String, Int)] = (1...47).map { number in
        let heavier = [13: 20, 27: 10, 14: 8, 23: 7, 1: 5, 40: 5]
        return (number < 10 ? "0\(number)" : "\(number)", heavier[number] ?? 1)
    }
    static let offenseWeights: [(String, Int)] = [
        ("child_welfare_act", 20), ("child_prostitution_pornography_act", 20), ("anti_prostitution_act", 18), ("employment_security_act", 10),
        ("immigration_control_act", 5), ("juvenile_protection_ordinance", 5), ("penetrative_sexual_assault", 5), ("indecent_assault", 4),
        ("labour_standards_act", 3), ("organized_crime_act", 2), ("technical_intern_training_act", 2), ("injury", 2), ("assault", 2),
        ("confinement", 1), ("buying_or_selling_of_persons", 1),
    ]
}
