import Foundation

// Differentially private synthetic microdata in the manner of Microsoft's synthetic-data-showcase (SDS,
// `docs/open-data.md` §3.2): exact counts of every combination of 1 … L attribute values, Laplace noise
// on them, a threshold, and records synthesised from the noisy counts alone.
//
// Privacy accounting (the whole release: the noisy total, the noisy combinations, the records):
//
// - ε is split evenly into L + 1 shares, ε / (L + 1) each: one for the number of records, one for each
//   length 1 … L (L = the reporting length, 3 by default).
// - The number of records: sensitivity 1, Laplace noise of scale (L + 1) / ε.
// - Length l: one victim adds one to each of the at most C(d, l) length-l combinations of their values
//   (d = 5 attributes), so the vector of length-l counts has L1 sensitivity C(d, l) and gets Laplace noise
//   of scale C(d, l)·(L + 1) / ε on every candidate combination, present in the data or not (count 0).
// - The candidates of length 1 are the values of a public `DPDomain` when one is given; the candidates of
//   length l ≥ 2 are the combinations whose every (l − 1)-sub-combination was released (as SDS does), so
//   they depend on the released values only. A combination is released when its noisy count is at least
//   the threshold k (≥ 1), rounded to an integer.
// - With a domain, the release is ε-differentially private (δ = 0). Without one, the candidates of
//   length 1 are the values seen, so a value only one victim has is released with probability
//   ½·exp(−(k − 1) / b₁): the release is (ε, δ)-DP with δ = d·½·exp(−(k − 1) / b₁) (`delta`).
// - Synthesis reads only the released counts (post-processing): the records carry the same guarantee.
//
// The guarantee assumes a secret seed: whoever knows the seed can recompute the noise. A published
// release must draw its seed from the system's random generator and never print it; `--seed` is for
// tests and for reproducing a run in-house. (Like every floating-point Laplace sampler, this one leaks
// through the low bits of its doubles — Mironov 2012; the released counts are rounded to integers,
// which hides most of them.)

/// One victim reduced to the five categorical attributes of the differentially private release, in the
/// CTDC vocabulary. `""` is a missing value, never an attribute value (as in SDS).
public struct SyntheticRecord: Hashable, Sendable {
    /// The attributes, in the order of `values`.
    public static let attributes = ["year", "gender", "ageBroad", "citizenship", "exploitation"]
    /// CTDC's `ageBroad` bands, youngest first.
    public static let ageBands = ["0--8", "9--17", "18--20", "21--23", "24--26", "27--29", "30--38", "39--47", "48+"]
    /// CTDC's `gender` values.
    public static let genders = ["Female", "Male", "Transgender/NonConforming"]
    /// Where every CTIP victim was exploited (an assumption, as in the k-anonymised export).
    public static let countryOfExploitation = "JP"

    /// One value per attribute of `attributes`, `""` when missing.
    public var values: [String]

    public init(values: [String]) {
        precondition(values.count == Self.attributes.count, "a synthetic record has \(Self.attributes.count) values")
        self.values = values
    }

    public init(year: String, gender: String, ageBroad: String, citizenship: String, exploitation: String) {
        self.init(values: [year, gender, ageBroad, citizenship, exploitation])
    }

    /// The real victim in the five attributes: year of registration, CTDC gender, age band, citizenship
    /// as ISO alpha-2 (`UNK` and codes without one: missing), the exploitation code.
    public init(_ victim: OpenDataVictim, codeLists: CodeLists = .shipped) {
        self.init(year: String(victim.year), gender: Self.gender(victim.sex), ageBroad: Self.ageBroad(victim.age),
                  citizenship: Self.citizenship(victim.nationality, codeLists: codeLists), exploitation: victim.exploitation.rawValue)
    }

    /// The ISO alpha-2 code of an alpha-3 nationality; missing for `UNK`, an unknown kind or a code not in the list.
    public static func citizenship(_ nationality: String, codeLists: CodeLists = .shipped) -> String {
        guard let country = codeLists.countries[nationality], country.kind != .unknown, !country.alpha2.isEmpty else { return "" }
        return country.alpha2
    }

    public var year: String { values[0] }
    public var gender: String { values[1] }
    public var ageBroad: String { values[2] }
    public var citizenship: String { values[3] }
    public var exploitation: String { values[4] }

    /// The value of the named attribute; nil for a name not in `attributes`.
    public subscript(attribute: String) -> String? {
        Self.attributes.firstIndex(of: attribute).map { values[$0] }
    }

    /// `female` → `Female`, `male` → `Male`, `other` → `Transgender/NonConforming`, `unknown` → missing.
    public static func gender(_ sex: Sex) -> String {
        switch sex {
        case .female: return "Female"
        case .male: return "Male"
        case .other: return "Transgender/NonConforming"
        case .unknown: return ""
        }
    }

    /// The CTDC band of an age in years; missing when the age is not known (or negative).
    public static func ageBroad(_ age: Int?) -> String {
        guard let age, age >= 0 else { return "" }
        switch age {
        case ..<9: return "0--8"
        case ..<18: return "9--17"
        case ..<21: return "18--20"
        case ..<24: return "21--23"
        case ..<27: return "24--26"
        case ..<30: return "27--29"
        case ..<39: return "30--38"
        case ..<48: return "39--47"
        default: return "48+"
        }
    }

    /// `Minor` for the bands under 18, `Adult` for the others, missing for a missing band.
    public static func majorityStatus(ageBroad band: String) -> String {
        switch band {
        case "": return ""
        case "0--8", "9--17": return "Minor"
        default: return "Adult"
        }
    }

    /// The label of `typeOfExploitConcatenated` (CTIP records one form per victim). The spelling of
    /// CTDC's labels is unverified (`docs/open-data.md` §2.2); keep it in step with `CTDCDataset`.
    public static func exploitTypeLabel(_ exploitation: Exploitation) -> String {
        switch exploitation {
        case .sexual: return "Sexual exploitation"
        case .hostess, .labour: return "Forced labour"
        case .organ: return "Organ removal"
        case .other: return "Other"
        }
    }

    /// `Datasource` of every CTIP row (as in the k-anonymised export: CTIP decision).
    public static let datasource = "Case Management"
    /// The 13 `typeOfLabour…` flag columns; `hostess` sets Hospitality, `labour` NotSpecified (CTIP decision).
    public static let typeOfLabourColumns: Set<String> = [
        "typeOfLabourAgriculture", "typeOfLabourAquafarming", "typeOfLabourBegging", "typeOfLabourConstruction",
        "typeOfLabourDomesticWork", "typeOfLabourHospitality", "typeOfLabourIllicitActivities", "typeOfLabourManufacturing",
        "typeOfLabourMiningOrDrilling", "typeOfLabourPeddling", "typeOfLabourTransportation", "typeOfLabourOther",
        "typeOfLabourNotSpecified",
    ]

    /// The record as a row of the CTDC k-anonymised file, in the order of `columns` (e.g.
    /// `CTDCDataset.columns`), with the values that export writes for the same victim wherever the five
    /// attributes determine them (the age is only a band, so no `OpenDataVictim` can be rebuilt):
    /// `yearOfRegistration`, `gender`, `ageBroad`, `majorityStatus` (from the band), `citizenship`,
    /// `CountryOfExploitation` (`JP`); the forms of exploitation (`isForcedLabour` for hostess or labour,
    /// `isSexualExploit`, `isOtherExploit`, `isOrganRemoval` 1/0; `isSexAndLabour`, `isForcedMarriage`,
    /// `isForcedMilitary`, `isSlaveryAndPractices` 0; `typeOfExploitConcatenated`; for forced labour the
    /// `typeOfLabour…` flags and label), all empty when the exploitation is missing; and the constants
    /// `Datasource`, `meansOfControlNotSpecified` = 1, `meansOfControlConcatenated` = `Not specified`,
    /// `recruiterRelationUnknown` = 1. Every other column is empty.
    public func cells(for columns: [String]) -> [String] {
        let form = Exploitation(rawValue: exploitation)
        return columns.map { cell(for: $0, form: form) }
    }

    /// One cell of `cells(for:)`.
    public func cell(for column: String) -> String {
        cell(for: column, form: Exploitation(rawValue: exploitation))
    }

    private func cell(for column: String, form: Exploitation?) -> String {
        func flag(_ forms: Set<Exploitation>) -> String {
            guard let form else { return "" }
            return forms.contains(form) ? "1" : "0"
        }
        let forcedLabour = form == .hostess || form == .labour
        switch column {
        case "yearOfRegistration": return year
        case "Datasource": return Self.datasource
        case "gender": return gender
        case "ageBroad": return ageBroad
        case "majorityStatus": return Self.majorityStatus(ageBroad: ageBroad)
        case "citizenship": return citizenship
        case "meansOfControlNotSpecified": return "1"
        case "meansOfControlConcatenated": return "Not specified"
        case "isForcedLabour": return flag([.hostess, .labour])
        case "isSexualExploit": return flag([.sexual])
        case "isOtherExploit": return flag([.other])
        case "isOrganRemoval": return flag([.organ])
        case "isSexAndLabour", "isForcedMarriage", "isForcedMilitary", "isSlaveryAndPractices": return flag([])
        case "typeOfExploitConcatenated": return form.map { Self.exploitTypeLabel($0) } ?? ""
        case "typeOfLabourHospitality": return forcedLabour ? (form == .hostess ? "1" : "0") : ""
        case "typeOfLabourNotSpecified": return forcedLabour ? (form == .labour ? "1" : "0") : ""
        case _ where Self.typeOfLabourColumns.contains(column): return forcedLabour ? "0" : ""
        case "typeOfLabourConcatenated": return forcedLabour ? (form == .hostess ? "Hospitality" : "Not specified") : ""
        case "CountryOfExploitation": return Self.countryOfExploitation
        case "recruiterRelationUnknown": return "1"
        default: return ""
        }
    }
}

/// The values each attribute may take, known before the data are read (public knowledge). Given to
/// `DPAggregates.privatised`, it makes the release ε-DP (δ = 0): every value of the domain gets a noisy
/// count, seen or not, and a value outside it is never released (its victims count as missing there).
public struct DPDomain: Sendable, Equatable {
    /// Per attribute of `SyntheticRecord.attributes`, the values.
    public var values: [[String]]

    public init(values: [[String]]) {
        precondition(values.count == SyntheticRecord.attributes.count, "a domain has \(SyntheticRecord.attributes.count) lists of values")
        self.values = values
    }

    /// The CTDC domain: the years asked, the three genders, the nine age bands, every ISO alpha-2 code
    /// of the shipped code list, every exploitation code.
    public static func ctdc(years: ClosedRange<Int>, codeLists: CodeLists = .shipped) -> DPDomain {
        DPDomain(values: [
            years.map { String($0) },
            SyntheticRecord.genders,
            SyntheticRecord.ageBands,
            Set(codeLists.countries.values.map(\.alpha2).filter { !$0.isEmpty }).sorted(),
            Exploitation.allCases.map(\.rawValue),
        ])
    }
}

/// The error of the synthetic data's combinations of one length against the real data's: over the union
/// of the combinations either has, |synthetic count − real count|.
public struct MarginalError: Sendable, Equatable {
    /// The number of attribute values combined (1, 2, 3).
    public var length: Int
    /// The largest absolute error, in records.
    public var largest: Double
    /// The mean absolute error, in records.
    public var mean: Double
    /// How many combinations were compared (the union).
    public var combinations: Int
    /// `mean` divided by the number of real records (0 when there is none).
    public var meanRelative: Double

    public init(length: Int, largest: Double, mean: Double, combinations: Int, meanRelative: Double) {
        self.length = length; self.largest = largest; self.mean = mean; self.combinations = combinations; self.meanRelative = meanRelative
    }
}

/// One released combination: the attributes combined, their values, the noisy count.
public struct NoisyCombination: Sendable, Equatable {
    public var attributes: [String]
    public var values: [String]
    public var count: Double

    /// `year:2024;gender:Female`, as pac-synth's `get_dp_aggregates(";")` keys them (attributes in the order of
    /// `SyntheticRecord.attributes`).
    public func formatted(delimiter: String = ";") -> String {
        zip(attributes, values).map { "\($0):\($1)" }.joined(separator: delimiter)
    }
}

/// The exact counts of every combination of 1 … `reportingLength` attribute values of the real records,
/// accumulated one record at a time (memory grows with the distinct combinations, not the records).
/// Never publish it: `privatised` is what may leave CTIP.
///
/// A combination is kept as one `UInt64`: 12 bits per attribute holding the value's number (1-based,
/// 0 = not in the combination), so at most `DPSynthesizer.maximumValuesPerAttribute` distinct values
/// per attribute.
public struct DPAggregates: Sendable {
    public let reportingLength: Int
    /// The records added.
    public private(set) var recordCount = 0
    /// Per attribute, the values seen in the order first seen: a value's number is its index + 1.
    private(set) var names: [[String]]
    private(set) var ids: [[String: UInt64]]
    private(set) var counts: [UInt64: Int] = [:]

    public init(reportingLength: Int = DPSynthesizer.defaultReportingLength) {
        precondition((1...SyntheticRecord.attributes.count).contains(reportingLength),
                     "the reporting length is 1 … \(SyntheticRecord.attributes.count)")
        self.reportingLength = reportingLength
        names = Array(repeating: [], count: SyntheticRecord.attributes.count)
        ids = Array(repeating: [:], count: SyntheticRecord.attributes.count)
    }

    public mutating func add(_ victim: OpenDataVictim, codeLists: CodeLists = .shipped) {
        add(SyntheticRecord(victim, codeLists: codeLists))
    }

    public mutating func add(_ record: SyntheticRecord) {
        recordCount += 1
        var slots: [UInt64] = []
        slots.reserveCapacity(record.values.count)
        for (attribute, value) in record.values.enumerated() where !value.isEmpty {
            slots.append(number(of: value, attribute: attribute) << DPSynthesizer.shift(attribute))
        }
        for mask in 1..<(1 << slots.count) where mask.nonzeroBitCount <= reportingLength {
            var key: UInt64 = 0
            for bit in slots.indices where mask & (1 << bit) != 0 { key |= slots[bit] }
            counts[key, default: 0] += 1
        }
    }

    private mutating func number(of value: String, attribute: Int) -> UInt64 {
        if let id = ids[attribute][value] { return id }
        precondition(names[attribute].count < DPSynthesizer.maximumValuesPerAttribute,
                     "more than \(DPSynthesizer.maximumValuesPerAttribute) values of \(SyntheticRecord.attributes[attribute])")
        names[attribute].append(value)
        let id = UInt64(names[attribute].count)
        ids[attribute][value] = id
        return id
    }

    /// The exact count of a combination, attribute name → value (0 when never seen, or longer than the
    /// reporting length).
    public func count(_ combination: [String: String]) -> Int {
        guard let key = DPSynthesizer.key(combination, ids: ids), DPSynthesizer.length(key) <= reportingLength else { return 0 }
        return counts[key] ?? 0
    }

    /// The distinct combinations counted (of every length).
    public var combinationCount: Int { counts.count }

    /// Every combination with its exact count, sorted (for tests and checks; never to be published).
    func decoded() -> [(combination: [String: String], count: Int)] {
        counts.keys.sorted().map { key in (combination: DPSynthesizer.decode(key, names: names), count: counts[key]!) }
    }

    /// The differentially private aggregates (see the accounting at the top of this file): ε split
    /// evenly over the record count and the lengths 1 … L, Laplace noise of scale C(5, l)·(L + 1) / ε on
    /// every candidate combination of length l, combinations below `threshold` (at least 1) dropped,
    /// the others rounded. All randomness comes from `SplitMix64(seed:)`, drawn in an order that
    /// depends on the values only (not on the order the records were added): the same records and seed
    /// give the same aggregates. The seed must stay secret for the guarantee to hold.
    public func privatised(epsilon: Double, threshold k: Int, seed: UInt64, domain: DPDomain? = nil) -> NoisyAggregates {
        precondition(epsilon > 0 && epsilon.isFinite, "ε must be a positive number")
        let attributeCount = SyntheticRecord.attributes.count
        let threshold = Double(max(1, k))
        var random = SplitMix64(seed: seed)
        let noisyTotal = Double(recordCount)
            + DPSynthesizer.laplace(scale: DPSynthesizer.totalNoiseScale(epsilon: epsilon, reportingLength: reportingLength), &random)

        // Canonical numbers: each attribute's values (seen or in the domain) sorted, numbered from 1.
        var canonicalNames: [[String]] = []
        var canonicalIDs: [[String: UInt64]] = []
        for attribute in 0..<attributeCount {
            var all = Set(names[attribute])
            if let domain { all.formUnion(domain.values[attribute].filter { !$0.isEmpty }) }
            let sorted = all.sorted()
            precondition(sorted.count <= DPSynthesizer.maximumValuesPerAttribute,
                         "more than \(DPSynthesizer.maximumValuesPerAttribute) values of \(SyntheticRecord.attributes[attribute])")
            var numbers: [String: UInt64] = [:]
            for (index, name) in sorted.enumerated() { numbers[name] = UInt64(index + 1) }
            canonicalNames.append(sorted)
            canonicalIDs.append(numbers)
        }
        let renumber: [[UInt64]] = (0..<attributeCount).map { attribute in
            [0] + names[attribute].map { canonicalIDs[attribute][$0]! }
        }
        var exact: [UInt64: Int] = [:]
        exact.reserveCapacity(counts.count)
        for (key, count) in counts {
            var canonical: UInt64 = 0
            for attribute in 0..<attributeCount {
                let id = DPSynthesizer.slot(key, attribute)
                if id != 0 { canonical |= renumber[attribute][Int(id)] << DPSynthesizer.shift(attribute) }
            }
            exact[canonical] = count
        }

        // Length 1: the domain's values, or the values seen.
        var candidateSet = Set<UInt64>()
        for attribute in 0..<attributeCount {
            let values = domain.map { domain in domain.values[attribute].filter { !$0.isEmpty } } ?? names[attribute]
            for value in values { candidateSet.insert(canonicalIDs[attribute][value]! << DPSynthesizer.shift(attribute)) }
        }
        var candidates = candidateSet.sorted()
        var kept: [UInt64: Double] = [:]
        var previous: [UInt64] = []
        var singles: [(attribute: Int, slot: UInt64)] = []
        for length in 1...reportingLength {
            if length > 1 {
                // Every combination of `length` values whose sub-combinations of length − 1 were all released,
                // each made once: from the sub-combination without its last attribute.
                candidates = []
                for key in previous {
                    let highest = DPSynthesizer.highestAttribute(key)
                    for single in singles where single.attribute > highest {
                        let candidate = key | single.slot
                        var complete = true
                        for attribute in 0...highest where DPSynthesizer.slot(candidate, attribute) != 0 {
                            if kept[candidate & ~(DPSynthesizer.slotMask << DPSynthesizer.shift(attribute))] == nil { complete = false; break }
                        }
                        if complete { candidates.append(candidate) }
                    }
                }
                candidates.sort()
            }
            let scale = DPSynthesizer.noiseScale(length: length, epsilon: epsilon, reportingLength: reportingLength)
            var survivors: [UInt64] = []
            for candidate in candidates {
                let noisy = Double(exact[candidate] ?? 0) + DPSynthesizer.laplace(scale: scale, &random)
                if noisy >= threshold {
                    kept[candidate] = noisy.rounded()
                    survivors.append(candidate)
                }
            }
            if length == 1 { singles = survivors.map { (attribute: DPSynthesizer.highestAttribute($0), slot: $0) } }
            previous = survivors
        }

        return NoisyAggregates(
            epsilon: epsilon, threshold: max(1, k), reportingLength: reportingLength, noisyTotal: noisyTotal,
            delta: domain == nil ? DPSynthesizer.delta(epsilon: epsilon, threshold: k, reportingLength: reportingLength) : 0,
            hasDomain: domain != nil, names: canonicalNames, ids: canonicalIDs, counts: kept)
    }
}

/// The differentially private aggregates: the noisy number of records and the noisy counts of the
/// combinations that passed the threshold. Everything public here may be published; the synthetic
/// records are drawn from it alone.
public struct NoisyAggregates: Sendable {
    public let epsilon: Double
    /// The threshold k applied (at least 1): no released count is below it.
    public let threshold: Int
    public let reportingLength: Int
    /// The record count plus Laplace noise of scale `totalNoiseScale` (not rounded).
    public let noisyTotal: Double
    /// The δ of the (ε, δ) guarantee: 0 with a public domain, else `DPSynthesizer.delta` (capped at 1: no guarantee).
    public let delta: Double
    /// Whether the candidates of length 1 came from a public `DPDomain` (ε-DP) or from the values seen.
    public let hasDomain: Bool
    /// Per attribute, the values numbered (sorted). Internal: it includes values that were not released.
    let names: [[String]]
    let ids: [[String: UInt64]]
    /// The released combinations and their rounded noisy counts.
    let counts: [UInt64: Double]

    /// The scale of the Laplace noise on every combination of `length` values: C(5, length)·(L + 1) / ε.
    public func noiseScale(length: Int) -> Double {
        DPSynthesizer.noiseScale(length: length, epsilon: epsilon, reportingLength: reportingLength)
    }

    /// The scale of the Laplace noise on the number of records: (L + 1) / ε.
    public var totalNoiseScale: Double { DPSynthesizer.totalNoiseScale(epsilon: epsilon, reportingLength: reportingLength) }

    /// The number of synthetic records `synthesize` writes: the noisy total rounded (0 when negative, or
    /// when no combination was released).
    public var recordCount: Int { counts.isEmpty ? 0 : max(0, Int(noisyTotal.rounded())) }

    /// The released combinations.
    public var combinationCount: Int { counts.count }

    /// The released combinations of one length.
    public func combinationCount(length: Int) -> Int { counts.keys.filter { DPSynthesizer.length($0) == length }.count }

    /// The released noisy count of a combination, attribute name → value; nil when it was not released.
    public func noisyCount(_ combination: [String: String]) -> Double? {
        guard let key = DPSynthesizer.key(combination, ids: ids) else { return nil }
        return counts[key]
    }

    /// Every released combination, shortest first, then by attribute and value: publishable alongside
    /// the records (they are DP too).
    public var published: [NoisyCombination] {
        counts.keys.sorted { (DPSynthesizer.length($0), $0) < (DPSynthesizer.length($1), $1) }.map { key in
            var attributes: [String] = []
            var values: [String] = []
            for attribute in SyntheticRecord.attributes.indices {
                let id = Int(DPSynthesizer.slot(key, attribute))
                if id != 0 { attributes.append(SyntheticRecord.attributes[attribute]); values.append(names[attribute][id - 1]) }
            }
            return NoisyCombination(attributes: attributes, values: values, count: counts[key]!)
        }
    }

    /// Writes `recordCount` synthetic records through `emit`, built from the released counts alone.
    ///
    /// Each record takes its attributes in an order drawn at random; for the next attribute, a value is
    /// drawn with probability proportional to the noisy count of the combination of the values already
    /// chosen with it — of length up to L; once L values or more are chosen, the smallest count of the
    /// combinations of L − 1 chosen values with it (SDS sums them; the smallest is an upper bound of the
    /// longer combination's count). Only values that keep every ≤ L-combination of the record released
    /// are drawn, and, as in SDS, each single value at most as many times as its noisy count: so the
    /// one-way counts follow the noisy ones and, when a value runs out or nothing released extends the
    /// record, the attribute is left missing. The same aggregates and seed give the same records.
    public func synthesize(seed: UInt64, _ emit: (SyntheticRecord) throws -> Void) rethrows {
        let total = recordCount
        guard total > 0 else { return }
        let attributeCount = SyntheticRecord.attributes.count
        let index = extensionIndex()
        var remaining: [[Double]] = names.map { Array(repeating: 0, count: $0.count + 1) }
        for (key, count) in counts where DPSynthesizer.length(key) == 1 {
            let attribute = DPSynthesizer.highestAttribute(key)
            remaining[attribute][Int(DPSynthesizer.slot(key, attribute))] = count
        }
        var random = SplitMix64(seed: seed)
        var order = Array(0..<attributeCount)
        var chosen: [UInt64] = []
        var contexts: [DPSynthesizer.Extension] = []
        var candidates: [(id: UInt64, weight: Double)] = []
        for _ in 0..<total {
            for i in stride(from: attributeCount - 1, to: 0, by: -1) {
                order.swapAt(i, Int(random.next() % UInt64(i + 1)))
            }
            chosen.removeAll(keepingCapacity: true)
            var key: UInt64 = 0
            for attribute in order {
                contexts.removeAll(keepingCapacity: true)
                candidates.removeAll(keepingCapacity: true)
                var complete = true
                if chosen.count < reportingLength {
                    if let extensions = index[DPSynthesizer.ExtensionKey(context: key, attribute: attribute)] {
                        contexts.append(extensions)
                    } else {
                        complete = false
                    }
                } else {
                    for mask in 0..<(1 << chosen.count) where mask.nonzeroBitCount == reportingLength - 1 {
                        var context: UInt64 = 0
                        for bit in chosen.indices where mask & (1 << bit) != 0 { context |= chosen[bit] }
                        guard let extensions = index[DPSynthesizer.ExtensionKey(context: context, attribute: attribute)] else {
                            complete = false
                            break
                        }
                        contexts.append(extensions)
                    }
                }
                guard complete, let base = contexts.min(by: { $0.ids.count < $1.ids.count }) else { continue }
                for (position, id) in base.ids.enumerated() where remaining[attribute][Int(id)] > 0 {
                    var weight = base.weights[position]
                    var allowed = true
                    for extensions in contexts {
                        guard let other = extensions.positions[id] else { allowed = false; break }
                        weight = min(weight, extensions.weights[other])
                    }
                    if allowed { candidates.append((id: id, weight: weight)) }
                }
                guard let picked = DPSynthesizer.pick(candidates, &random) else { continue }
                remaining[attribute][Int(picked)] -= 1
                let slot = picked << DPSynthesizer.shift(attribute)
                chosen.append(slot)
                key |= slot
            }
            try emit(SyntheticRecord(values: (0..<attributeCount).map { attribute in
                let id = Int(DPSynthesizer.slot(key, attribute))
                return id == 0 ? "" : names[attribute][id - 1]
            }))
        }
    }

    /// For every released combination minus one of its values (the context) and that value's attribute:
    /// the values that extend it, ascending, with the extended combinations' counts.
    private func extensionIndex() -> [DPSynthesizer.ExtensionKey: DPSynthesizer.Extension] {
        var index: [DPSynthesizer.ExtensionKey: DPSynthesizer.Extension] = [:]
        for key in counts.keys.sorted() {
            let count = counts[key]!
            for attribute in SyntheticRecord.attributes.indices {
                let id = DPSynthesizer.slot(key, attribute)
                guard id != 0 else { continue }
                let context = key & ~(DPSynthesizer.slotMask << DPSynthesizer.shift(attribute))
                index[DPSynthesizer.ExtensionKey(context: context, attribute: attribute), default: DPSynthesizer.Extension()].append(id, count)
            }
        }
        return index
    }
}

/// The parameters of the release, the utility measure, and the helpers the types above share.
public enum DPSynthesizer {
    public static let defaultReportingLength = 3
    /// A suggested threshold k (CTDC's k-anonymised file used k = 11).
    public static let defaultThreshold = 10
    /// The most distinct values an attribute may have (12 bits of a combination's key, 0 = absent).
    public static let maximumValuesPerAttribute = 4_095

    static let bitsPerAttribute = 12
    static let slotMask: UInt64 = (1 << 12) - 1

    /// The share of ε spent on the record count and on each length: ε / (L + 1).
    public static func epsilonShare(epsilon: Double, reportingLength: Int = defaultReportingLength) -> Double {
        epsilon / Double(reportingLength + 1)
    }

    /// The L1 sensitivity of the counts of length `length`: C(5, length).
    public static func sensitivity(length: Int) -> Int {
        binomial(SyntheticRecord.attributes.count, length)
    }

    /// The Laplace scale of the counts of length `length`: sensitivity / (ε / (L + 1)).
    public static func noiseScale(length: Int, epsilon: Double, reportingLength: Int = defaultReportingLength) -> Double {
        Double(sensitivity(length: length)) / epsilonShare(epsilon: epsilon, reportingLength: reportingLength)
    }

    /// The Laplace scale of the record count: 1 / (ε / (L + 1)).
    public static func totalNoiseScale(epsilon: Double, reportingLength: Int = defaultReportingLength) -> Double {
        1 / epsilonShare(epsilon: epsilon, reportingLength: reportingLength)
    }

    /// The δ of a release without a public domain: the chance that a value only one victim has passes the
    /// threshold, for any of their 5 values: 5·½·exp(−(k − 1) / b₁), k ≥ 1, b₁ the length-1 noise
    /// scale; capped at 1 (no guarantee). With a `DPDomain`, δ = 0.
    public static func delta(epsilon: Double, threshold: Int, reportingLength: Int = defaultReportingLength) -> Double {
        let k = Double(max(1, threshold))
        let scale = noiseScale(length: 1, epsilon: epsilon, reportingLength: reportingLength)
        return min(1, Double(SyntheticRecord.attributes.count) * 0.5 * exp(-(k - 1) / scale))
    }

    /// The whole release: the noisy aggregates (seeded with the first number of `SplitMix64(seed:)`) and
    /// the synthetic records drawn from them (seeded with the second), written through `emit`.
    @discardableResult
    public static func release(_ aggregates: DPAggregates, epsilon: Double, threshold: Int, seed: UInt64, domain: DPDomain? = nil,
                               _ emit: (SyntheticRecord) throws -> Void) rethrows -> NoisyAggregates {
        var seeds = SplitMix64(seed: seed)
        let noiseSeed = seeds.next()
        let synthesisSeed = seeds.next()
        let noisy = aggregates.privatised(epsilon: epsilon, threshold: threshold, seed: noiseSeed, domain: domain)
        try noisy.synthesize(seed: synthesisSeed, emit)
        return noisy
    }

    /// The error of every 1 … L-way marginal of the synthetic records against the real ones (count the
    /// synthetic records with another `DPAggregates`). One entry per length, shortest first.
    public static func utility(real: DPAggregates, synthetic: DPAggregates) -> [MarginalError] {
        let attributeCount = SyntheticRecord.attributes.count
        let longest = min(real.reportingLength, synthetic.reportingLength)
        // The synthetic data's value numbers → the real data's (0: a value the real data lack).
        let translation: [[UInt64]] = (0..<attributeCount).map { attribute in
            [0] + synthetic.names[attribute].map { real.ids[attribute][$0] ?? 0 }
        }
        var largest = Array(repeating: 0.0, count: longest + 1)
        var sum = Array(repeating: 0.0, count: longest + 1)
        var combinations = Array(repeating: 0, count: longest + 1)
        func note(_ length: Int, _ error: Double) {
            largest[length] = max(largest[length], error)
            sum[length] += error
            combinations[length] += 1
        }
        var shared: [UInt64: Int] = [:]
        for (key, count) in synthetic.counts {
            let length = DPSynthesizer.length(key)
            guard length <= longest else { continue }
            var realKey: UInt64 = 0
            var known = true
            for attribute in 0..<attributeCount {
                let id = slot(key, attribute)
                guard id != 0 else { continue }
                let realID = translation[attribute][Int(id)]
                if realID == 0 { known = false; break }
                realKey |= realID << shift(attribute)
            }
            if known, real.counts[realKey] != nil {
                shared[realKey] = count
            } else {
                note(length, Double(count))
            }
        }
        for (key, count) in real.counts {
            let length = DPSynthesizer.length(key)
            guard length <= longest else { continue }
            note(length, abs(Double(shared[key] ?? 0) - Double(count)))
        }
        return (1...longest).map { length in
            let mean = combinations[length] == 0 ? 0 : sum[length] / Double(combinations[length])
            return MarginalError(length: length, largest: largest[length], mean: mean, combinations: combinations[length],
                                 meanRelative: real.recordCount == 0 ? 0 : mean / Double(real.recordCount))
        }
    }

    // MARK: Helpers

    struct ExtensionKey: Hashable, Sendable {
        var context: UInt64
        var attribute: Int
    }

    struct Extension: Sendable {
        var ids: [UInt64] = []
        var weights: [Double] = []
        var positions: [UInt64: Int] = [:]

        mutating func append(_ id: UInt64, _ weight: Double) {
            positions[id] = ids.count
            ids.append(id)
            weights.append(weight)
        }
    }

    static func shift(_ attribute: Int) -> Int { attribute * bitsPerAttribute }

    /// The value number of `attribute` in a combination's key (0: not in it).
    static func slot(_ key: UInt64, _ attribute: Int) -> UInt64 { (key >> shift(attribute)) & slotMask }

    /// The number of values in a combination.
    static func length(_ key: UInt64) -> Int {
        var length = 0
        for attribute in SyntheticRecord.attributes.indices where slot(key, attribute) != 0 { length += 1 }
        return length
    }

    /// The last attribute of a combination (-1 for the empty one).
    static func highestAttribute(_ key: UInt64) -> Int {
        var highest = -1
        for attribute in SyntheticRecord.attributes.indices where slot(key, attribute) != 0 { highest = attribute }
        return highest
    }

    static func key(_ combination: [String: String], ids: [[String: UInt64]]) -> UInt64? {
        guard !combination.isEmpty else { return nil }
        var key: UInt64 = 0
        for (name, value) in combination {
            guard let attribute = SyntheticRecord.attributes.firstIndex(of: name), let id = ids[attribute][value] else { return nil }
            key |= id << shift(attribute)
        }
        return key
    }

    static func decode(_ key: UInt64, names: [[String]]) -> [String: String] {
        var combination: [String: String] = [:]
        for attribute in SyntheticRecord.attributes.indices {
            let id = Int(slot(key, attribute))
            if id != 0 { combination[SyntheticRecord.attributes[attribute]] = names[attribute][id - 1] }
        }
        return combination
    }

    static func binomial(_ n: Int, _ k: Int) -> Int {
        guard k >= 0, k <= n else { return 0 }
        var result = 1
        for i in 0..<k { result = result * (n - i) / (i + 1) }
        return result
    }

    /// A uniform double in the open interval (0, 1): 52 random bits, centred in their cell.
    static func unit(_ random: inout SplitMix64) -> Double {
        (Double(random.next() >> 12) + 0.5) / 4_503_599_627_370_496
    }

    /// Laplace(0, scale) by the inverse of its distribution function.
    static func laplace(scale: Double, _ random: inout SplitMix64) -> Double {
        let u = unit(&random)
        return u < 0.5 ? scale * log(2 * u) : -scale * log(2 - 2 * u)
    }

    /// A candidate drawn with probability proportional to its weight; nil when there is none.
    static func pick(_ candidates: [(id: UInt64, weight: Double)], _ random: inout SplitMix64) -> UInt64? {
        var total = 0.0
        for candidate in candidates { total += candidate.weight }
        guard total > 0, let last = candidates.last else { return nil }
        var roll = unit(&random) * total
        for candidate in candidates {
            if roll < candidate.weight { return candidate.id }
            roll -= candidate.weight
        }
        return last.id
    }
}
