@testable import CTIPCore
import Foundation
import Testing

/// The differentially private synthetic data of `ctip open-data synthetic` (issue 19, part 3), tested
/// against the definition: the noise follows ε, nothing below the threshold is released or reproduced,
/// the same seed gives the same file, and the utility figures are the marginals' errors.
@Suite("Differentially private synthetic data")
struct DPSynthesizerTests {
    static let citizenships: [(String, Int)] = [("JP", 80), ("PH", 12), ("TH", 5), ("VN", 3)]
    static let japaneseForms: [(String, Int)] = [("sexual", 85), ("hostess", 5), ("labour", 10)]
    static let foreignForms: [(String, Int)] = [("sexual", 50), ("hostess", 35), ("labour", 15)]
    static let japaneseAges: [(String, Int)] = [("9--17", 50), ("18--20", 15), ("21--23", 15), ("30--38", 20)]
    static let foreignAges: [(String, Int)] = [("9--17", 5), ("18--20", 30), ("21--23", 40), ("30--38", 25)]
    static let genders: [(String, Int)] = [("Female", 85), ("Male", 15)]
    static let years: [(String, Int)] = [("2022", 1), ("2023", 1), ("2024", 1)]

    /// A small population shaped like CTIP's (mostly Japanese girls exploited sexually; foreign adults
    /// more often hostesses), so that the attributes are correlated.
    static func sample(_ count: Int, seed: UInt64 = 1) -> [SyntheticRecord] {
        var random = SplitMix64(seed: seed)
        var records: [SyntheticRecord] = []
        for _ in 0..<count {
            let citizenship = random.pick(citizenships)
            let japanese = citizenship == "JP"
            let exploitation = random.pick(japanese ? japaneseForms : foreignForms)
            let ageBroad = random.pick(japanese ? japaneseAges : foreignAges)
            let gender = random.pick(genders)
            let year = random.pick(years)
            records.append(SyntheticRecord(year: year, gender: gender, ageBroad: ageBroad, citizenship: citizenship, exploitation: exploitation))
        }
        return records
    }

    static func aggregates(_ records: [SyntheticRecord]) -> DPAggregates {
        var aggregates = DPAggregates()
        for record in records { aggregates.add(record) }
        return aggregates
    }

    static func release(_ aggregates: DPAggregates, epsilon: Double, threshold: Int, seed: UInt64,
                        domain: DPDomain? = nil) -> (noisy: NoisyAggregates, records: [SyntheticRecord]) {
        var records: [SyntheticRecord] = []
        let noisy = DPSynthesizer.release(aggregates, epsilon: epsilon, threshold: threshold, seed: seed, domain: domain) { records.append($0) }
        return (noisy, records)
    }

    @Test("a victim in the five attributes, and a synthetic record as a CTDC row")
    func records() {
        let victim = OpenDataVictim(year: 2024, sex: .female, age: 16, nationality: "PHL", exploitation: .hostess)
        let record = SyntheticRecord(victim)
        #expect(record.values == ["2024", "Female", "9--17", "PH", "hostess"])
        #expect(record["citizenship"] == "PH")
        #expect(record["name"] == nil)
        #expect(SyntheticRecord(OpenDataVictim(year: 2023, sex: .unknown, age: nil, nationality: "UNK", exploitation: .sexual)).values
            == ["2023", "", "", "", "sexual"])
        #expect(SyntheticRecord.gender(.male) == "Male")
        #expect(SyntheticRecord.gender(.other) == "Transgender/NonConforming")
        let bands: [Int: String] = [0: "0--8", 8: "0--8", 9: "9--17", 17: "9--17", 18: "18--20", 20: "18--20", 21: "21--23", 23: "21--23",
                                    24: "24--26", 26: "24--26", 27: "27--29", 29: "27--29", 30: "30--38", 38: "30--38", 39: "39--47",
                                    47: "39--47", 48: "48+", 90: "48+"]
        for (age, band) in bands { #expect(SyntheticRecord.ageBroad(age) == band, "\(age)") }
        #expect(SyntheticRecord.ageBroad(nil) == "")
        #expect(Set(bands.values) == Set(SyntheticRecord.ageBands))

        let columns = ["yearOfRegistration", "Datasource", "gender", "ageBroad", "majorityStatus", "citizenship", "meansOfControlNotSpecified",
                       "isForcedLabour", "isSexualExploit", "isOtherExploit", "isSexAndLabour", "isOrganRemoval", "typeOfExploitConcatenated",
                       "CountryOfExploitation", "recruiterRelationUnknown"]
        #expect(record.cells(for: columns) == ["2024", "Case Management", "Female", "9--17", "Minor", "PH", "1", "1", "0", "0", "0", "0", "Forced labour", "JP", "1"])
        let adult = SyntheticRecord(year: "2020", gender: "Male", ageBroad: "30--38", citizenship: "JP", exploitation: "sexual")
        #expect(adult.cells(for: columns) == ["2020", "Case Management", "Male", "30--38", "Adult", "JP", "1", "0", "1", "0", "0", "0", "Sexual exploitation", "JP", "1"])
        let sparse = SyntheticRecord(year: "2022", gender: "", ageBroad: "", citizenship: "", exploitation: "")
        #expect(sparse.cells(for: columns) == ["2022", "Case Management", "", "", "", "", "1", "", "", "", "", "", "", "JP", "1"])
        #expect(sparse.cell(for: "typeOfLabourHospitality") == "" && sparse.cell(for: "meansOfControlConcatenated") == "Not specified")
    }

    @Test("a synthetic record is written as the k-anonymised export writes a victim with the same attributes")
    func sameRowAsTheExport() {
        let people: [(Sex, Int?, String)] = [(.female, 16, "PHL"), (.male, 35, "JPN"), (.other, 50, "THA"), (.unknown, nil, "UNK")]
        for exploitation in Exploitation.allCases {
            for (sex, age, nationality) in people {
                let victim = OpenDataVictim(year: 2024, sex: sex, age: age, nationality: nationality, exploitation: exploitation)
                #expect(SyntheticRecord(victim).cells(for: CTDCDataset.columns) == CTDCDataset.row(victim, identifiers: CTDCDataset.identifiers(victim)),
                        "\(victim)")
            }
        }
    }

    @Test("the noise scale follows ε: sensitivity C(5, l) over an even share ε / (L + 1); halving ε doubles it")
    func noiseScale() {
        let aggregates = Self.aggregates(Self.sample(200))
        let noisy = aggregates.privatised(epsilon: 4, threshold: 5, seed: 1)
        let half = aggregates.privatised(epsilon: 2, threshold: 5, seed: 1)
        #expect(noisy.totalNoiseScale == 1)
        #expect(noisy.noiseScale(length: 1) == 5)
        #expect(noisy.noiseScale(length: 2) == 10)
        #expect(noisy.noiseScale(length: 3) == 10)
        #expect(half.totalNoiseScale == 2 * noisy.totalNoiseScale)
        for length in 1...3 { #expect(half.noiseScale(length: length) == 2 * noisy.noiseScale(length: length)) }
        #expect(DPSynthesizer.noiseScale(length: 2, epsilon: 1, reportingLength: 2) == 30)
        #expect((1...5).map { DPSynthesizer.sensitivity(length: $0) } == [5, 10, 10, 5, 1])
    }

    @Test("the noise is Laplace of that scale: over many seeds, its mean absolute value is the scale, its sign even")
    func empiricalNoise() {
        var aggregates = DPAggregates()
        for _ in 0..<1_000 { aggregates.add(SyntheticRecord(year: "2024", gender: "Female", ageBroad: "", citizenship: "", exploitation: "")) }
        let runs = 2_000
        var total = 0.0, totalPositive = 0, single = 0.0, pair = 0.0
        var seeds = SplitMix64(seed: 2024)  // seeds spread like `release`'s, not 0, 1, 2 …
        for _ in 0..<runs {
            let noisy = aggregates.privatised(epsilon: 2, threshold: 1, seed: seeds.next())
            let noise = noisy.noisyTotal - 1_000
            total += abs(noise)
            if noise > 0 { totalPositive += 1 }
            single += abs(noisy.noisyCount(["gender": "Female"])! - 1_000)
            pair += abs(noisy.noisyCount(["year": "2024", "gender": "Female"])! - 1_000)
        }
        let n = Double(runs)
        // Scales at ε = 2, L = 3: record count 2, length 1: 10, length 2: 20. |Laplace(b)| is exponential
        // with mean and deviation b: 2,000 draws estimate b within ±2.3 % (one deviation); counts are rounded.
        #expect(abs(total / n / 2 - 1) < 0.1)
        #expect(abs(single / n / 10 - 1) < 0.1)
        #expect(abs(pair / n / 20 - 1) < 0.1)
        #expect(abs(Double(totalPositive) / n - 0.5) < 0.05)
    }

    @Test("the same records and seed give the same aggregates and file, whatever the order of the records; another seed others")
    func deterministic() {
        let records = Self.sample(300)
        let first = Self.release(Self.aggregates(records), epsilon: 2, threshold: 5, seed: 7)
        let again = Self.release(Self.aggregates(records), epsilon: 2, threshold: 5, seed: 7)
        let reversed = Self.release(Self.aggregates(Array(records.reversed())), epsilon: 2, threshold: 5, seed: 7)
        let other = Self.release(Self.aggregates(records), epsilon: 2, threshold: 5, seed: 8)
        #expect(!first.records.isEmpty)
        #expect(again.records == first.records)
        #expect(again.noisy.published == first.noisy.published)
        #expect(again.noisy.noisyTotal == first.noisy.noisyTotal)
        #expect(reversed.records == first.records)
        #expect(reversed.noisy.published == first.noisy.published)
        #expect(other.records != first.records)
        #expect(other.noisy.published != first.noisy.published)
    }

    @Test("no combination whose noisy count is below k is released, nor found in the synthetic records")
    func threshold() {
        let aggregates = Self.aggregates(Self.sample(400))
        for seed: UInt64 in 1...4 {
            let (noisy, records) = Self.release(aggregates, epsilon: 1, threshold: 15, seed: seed)
            #expect(noisy.published.allSatisfy { $0.count >= 15 && $0.count == $0.count.rounded() })
            #expect(noisy.combinationCount == noisy.published.count)
            let synthetic = Self.aggregates(records)
            #expect(synthetic.combinationCount > 0)
            for (combination, _) in synthetic.decoded() {
                let count = noisy.noisyCount(combination)
                #expect(count != nil && count! >= 15, "\(combination) seed \(seed)")
            }
        }
    }

    @Test("a value only one victim has is not reproduced")
    func rareValue() {
        var records = Self.sample(400)
        records.append(SyntheticRecord(year: "2019", gender: "Male", ageBroad: "48+", citizenship: "CO", exploitation: "organ"))
        let aggregates = Self.aggregates(records)
        #expect(aggregates.count(["citizenship": "CO"]) == 1)
        for seed: UInt64 in 1...4 {
            // ε = 8: length-1 scale 2.5; a count of 1 reaches k = 30 with probability ½·e^(−29/2.5) ≈ 5·10⁻⁶.
            let (noisy, synthetic) = Self.release(aggregates, epsilon: 8, threshold: 30, seed: seed)
            #expect(noisy.noisyCount(["citizenship": "CO"]) == nil)
            #expect(!synthetic.isEmpty)
            for record in synthetic {
                #expect(record.citizenship != "CO" && record.year != "2019" && record.exploitation != "organ" && record.ageBroad != "48+")
            }
        }
    }

    @Test("with a negligible noise (ε = 10⁶) and k = 1 the synthetic marginals are the real ones, up to the sampling")
    func largeEpsilon() {
        let real = Self.aggregates(Self.sample(2_000, seed: 3))
        let (noisy, records) = Self.release(real, epsilon: 1e6, threshold: 1, seed: 3)
        #expect(abs(noisy.noisyTotal - 2_000) < 0.01)
        #expect(records.count == 2_000)
        #expect(noisy.noisyCount(["citizenship": "JP"]) == Double(real.count(["citizenship": "JP"])))
        let errors = DPSynthesizer.utility(real: real, synthetic: Self.aggregates(records))
        #expect(errors.map(\.length) == [1, 2, 3])
        // Each single value is drawn at most its (here exact) count: the one-way counts are the real ones
        // but for a few values left missing at the end.
        #expect(errors[0].largest <= 20)
        #expect(errors[1].largest <= 100)
        #expect(errors[2].largest <= 100)
        for error in errors { #expect(error.meanRelative < 0.01, "\(error)") }
    }

    @Test("at ε = 4 the one-way errors stay within what the budget implies: a few noise scales, shrinking as ε grows")
    func errorsWithinTheBudget() {
        let real = Self.aggregates(Self.sample(5_000, seed: 5))
        var means: [Double: Double] = [:]
        for epsilon in [1.0, 4.0, 16.0] {
            var total = 0.0
            for seed in UInt64(1)...5 {
                let (noisy, records) = Self.release(real, epsilon: epsilon, threshold: 1, seed: seed)
                let oneWay = DPSynthesizer.utility(real: real, synthetic: Self.aggregates(records))[0]
                // Each one-way count is drawn at most its noisy count: |error| is the noise (mean: the
                // scale) plus what synthesis leaves missing; three scales bound its mean with room.
                #expect(oneWay.mean <= 3 * noisy.noiseScale(length: 1) + 10, "ε = \(epsilon), seed \(seed): \(oneWay)")
                total += oneWay.mean
            }
            means[epsilon] = total / 5
        }
        #expect(means[16]! < means[4]! && means[4]! < means[1]!, "more budget, less error: \(means)")
    }

    @Test("as many records as the noisy total says; none from an empty input")
    func total() {
        let aggregates = Self.aggregates(Self.sample(300))
        for seed: UInt64 in 1...3 {
            let (noisy, records) = Self.release(aggregates, epsilon: 1, threshold: 10, seed: seed)
            #expect(noisy.recordCount == Int(noisy.noisyTotal.rounded()))
            #expect(records.count == noisy.recordCount)
            #expect(abs(records.count - 300) < 40)
        }
        let empty = Self.release(DPAggregates(), epsilon: 1, threshold: 10, seed: 1)
        #expect(empty.records.isEmpty)
        #expect(empty.noisy.combinationCount == 0)
        #expect(empty.noisy.recordCount == 0)
    }

    @Test("the utility: |synthetic − real| over the union of the combinations of each length, on a hand-made example")
    func utility() {
        let a = SyntheticRecord(year: "2024", gender: "Female", ageBroad: "9--17", citizenship: "JP", exploitation: "sexual")
        let b = SyntheticRecord(year: "2024", gender: "Male", ageBroad: "", citizenship: "PH", exploitation: "labour")
        let c = SyntheticRecord(year: "2023", gender: "Female", ageBroad: "", citizenship: "JP", exploitation: "sexual")
        let real = Self.aggregates([a, a, b])
        let synthetic = Self.aggregates([c, a])
        #expect(real.count(["year": "2024"]) == 3)
        #expect(real.count(["gender": "Female", "citizenship": "JP", "exploitation": "sexual"]) == 2)
        #expect(real.count(["year": "2024", "gender": "Female", "citizenship": "JP", "exploitation": "sexual"]) == 0) // longer than 3
        // Length 1: 2024 |1 − 3|, 2023 1, Male 1, 9--17 1, PH 1, labour 1; Female, JP, sexual 0: 9 values, 7 in all.
        // Length 2: a's 10 pairs (real 2): 7 at 1 (synthetic 1), 3 at 0 (c has them too); b's 6 pairs at 1; c's 3 pairs with 2023 at 1.
        // Length 3: a's 10 triples: 9 at 1, (Female, JP, sexual) at 0; b's 4 at 1; c's 3 with 2023 at 1.
        let expected = [
            MarginalError(length: 1, largest: 2, mean: 7.0 / 9, combinations: 9, meanRelative: 7.0 / 9 / 3),
            MarginalError(length: 2, largest: 1, mean: 16.0 / 19, combinations: 19, meanRelative: 16.0 / 19 / 3),
            MarginalError(length: 3, largest: 1, mean: 16.0 / 17, combinations: 17, meanRelative: 16.0 / 17 / 3),
        ]
        #expect(DPSynthesizer.utility(real: real, synthetic: synthetic) == expected)
        let perfect = DPSynthesizer.utility(real: real, synthetic: Self.aggregates([b, a, a]))
        #expect(perfect.allSatisfy { $0.largest == 0 && $0.mean == 0 })
        #expect(perfect.map(\.combinations) == [8, 16, 14])
    }

    @Test("with a public domain the release is ε-DP (δ = 0) and only the domain's values appear; without one, δ = 5·½·e^(−(k−1)/b₁)")
    func domain() {
        var records = Self.sample(400)
        for _ in 0..<40 { records.append(SyntheticRecord(year: "1999", gender: "Female", ageBroad: "9--17", citizenship: "JP", exploitation: "sexual")) }
        let aggregates = Self.aggregates(records)
        let domain = DPDomain.ctdc(years: 2020...2024)
        #expect(domain.values[0] == ["2020", "2021", "2022", "2023", "2024"])
        #expect(domain.values[3].contains("PH") && domain.values[3].contains("JP") && !domain.values[3].contains(""))
        #expect(domain.values[4] == ["sexual", "hostess", "labour", "organ", "other"])
        let (noisy, synthetic) = Self.release(aggregates, epsilon: 4, threshold: 30, seed: 5, domain: domain)
        #expect(noisy.delta == 0 && noisy.hasDomain)
        #expect(noisy.noisyCount(["year": "1999"]) == nil)
        #expect(!synthetic.isEmpty)
        for record in synthetic {
            for (attribute, value) in record.values.enumerated() where !value.isEmpty {
                #expect(domain.values[attribute].contains(value), "\(record)")
            }
        }

        let seen = aggregates.privatised(epsilon: 4, threshold: 30, seed: 5)
        #expect(!seen.hasDomain)
        #expect(abs(seen.delta - 5 * 0.5 * exp(-29.0 / 5)) < 1e-12)
        #expect(DPSynthesizer.delta(epsilon: 4, threshold: 1, reportingLength: 3) == 1)
    }
}
