/// k-anonymity for the CTDC export (`ctip open-data ctdc FILE --k 11`): generalisation before suppression.
///
/// The quasi-identifiers are `yearOfRegistration`, `gender`, `ageBroad`, `citizenship` and
/// `CountryOfExploitation` (`CTDCQuasiIdentifiers`); the sensitive attribute is the form of exploitation.
/// Every other column of the row is either constant, derived from a quasi-identifier (`majorityStatus` from
/// the published `ageBroad`) or the sensitive attribute (the exploitation flags and type of labour).
///
/// Use, streaming twice over the victims (memory holds one count per distinct *fine* class — year × sex ×
/// age band × nationality × exploitation — never the records):
///
/// ```swift
/// var anonymiser = KAnonymiser()
/// for victim in firstPass { anonymiser.count(victim) }
/// let plan = anonymiser.plan(k: 11)
/// for victim in secondPass {
///     guard let identifiers = plan.identifiers(for: victim) else { continue }   // suppressed
///     write(CTDCDataset.row(victim, identifiers: identifiers))
/// }
/// ```
///
/// The generalisation lattice, one hierarchy per generalised quasi-identifier (`gender` and
/// `CountryOfExploitation` are never generalised):
///
/// - year: `exact` (`2023`) → `fiveYears` (`2020--2024`, spans starting at multiples of 5) → `all`.
/// - age: `band` (CTDC's `ageBroad`) → `majority` (`0--17` / `18+`) → `all`. An unknown age stays missing
///   below `all`.
/// - citizenship: `exact` (alpha-2) → `rareToSubregion` (a nationality with fewer than k records in the
///   whole input becomes its UN M49 sub-region, e.g. `South-eastern Asia`) → `rareToRegion` (… its M49
///   region, e.g. `Asia`) → `subregion` (every nationality its sub-region) → `region` (every nationality its
///   region) → `all`. An unknown nationality (`UNK`) stays missing below `all`; a code with no M49 region
///   (Antarctica) becomes missing at the region levels. `rareToRegion` and `subregion` are not comparable
///   (each coarsens something the other keeps); both coarsen `rareToSubregion` and are coarsened by `region`.
///
/// `plan(k:)` tries every combination of levels (3 × 3 × 6 = 54) and keeps the one that suppresses the
/// fewest records. Ties go to the least generalisation, in this order: the smallest sum of the three level
/// numbers (year 0–2, age 0–2, citizenship 0–5, as listed above); then the lower citizenship level
/// (nationality is what the export is most used for); then the lower age level; then the lower year level.
/// So k = 1 (or any k every fine class reaches) publishes the finest level.
///
/// Every plan's class sizes are aggregated from the fine counts, so a plan never needs the records again, and
/// the result does not depend on the order the victims were counted in.
public struct KAnonymiser: Sendable {
    /// One class at the finest level: what a victim's quasi-identifiers and sensitive attribute can be
    /// before any generalisation.
    struct FineClass: Hashable, Sendable {
        var year: Int
        var sex: Sex
        /// Index in `CTDCDataset.ageBands`; nil: age unknown.
        var ageBand: Int?
        /// Alpha-3, as in the bundle.
        var nationality: String
        var exploitation: Exploitation

        init(_ victim: OpenDataVictim) {
            year = victim.year; sex = victim.sex; ageBand = CTDCDataset.ageBandIndex(victim.age)
            nationality = victim.nationality; exploitation = victim.exploitation
        }
    }

    /// Records counted so far.
    public private(set) var records: Int = 0
    /// Records per fine class.
    private(set) var fineCounts: [FineClass: Int] = [:]
    let codeLists: CodeLists

    public init(codeLists: CodeLists = .shipped) {
        self.codeLists = codeLists
    }

    /// Counts `victims` (the first pass, when they fit in one sequence).
    public init<Victims: Sequence>(_ victims: Victims, codeLists: CodeLists = .shipped) where Victims.Element == OpenDataVictim {
        self.init(codeLists: codeLists)
        for victim in victims { count(victim) }
    }

    /// Counts one victim (the first pass).
    public mutating func count(_ victim: OpenDataVictim) {
        fineCounts[FineClass(victim), default: 0] += 1
        records += 1
    }

    /// The number of distinct fine classes: what the memory of the counting pass grows with.
    public var fineClasses: Int { fineCounts.count }

    /// The least generalisation (in `searchOrder`) that suppresses at most `maximumSuppressed` of the
    /// records at `k` (values below 1 are taken as 1): generalising every quasi-identifier to "all" to save
    /// the last few records would publish nothing worth reading, so a little suppression is the price of
    /// detail — as ARX and sdcMicro bound it. When no generalisation keeps within it, the one that
    /// suppresses fewest. The default 0 asks for the fewest suppressed at all.
    public func plan(k requested: Int, maximumSuppressed: Double = 0) -> KAnonymityPlan {
        let k = max(requested, 1)
        let budget = Int((max(0, min(maximumSuppressed, 1)) * Double(records)).rounded(.down))
        var perNationality: [String: Int] = [:]
        for (fine, count) in fineCounts { perNationality[fine.nationality, default: 0] += count }
        var rare: Set<String> = []
        for (nationality, count) in perNationality where count < k { rare.insert(nationality) }
        var alpha2: [String: String] = [:]
        for code in codeLists.countries.keys { alpha2[code] = CTDCDataset.citizenship(code, codeLists: codeLists) }
        let regions = codeLists.countryRegions

        var best: (generaliser: KAnonymityGeneraliser, sizes: [CTDCQuasiIdentifiers: Int], suppressed: Int)?
        for levels in KAnonymityLevels.searchOrder {
            let generaliser = KAnonymityGeneraliser(levels: levels, rareNationalities: rare, alpha2: alpha2, regions: regions)
            var sizes: [CTDCQuasiIdentifiers: Int] = [:]
            for (fine, count) in fineCounts { sizes[generaliser.identifiers(fine), default: 0] += count }
            var suppressed = 0
            for size in sizes.values where size < k { suppressed += size }
            if best == nil || suppressed < best!.suppressed {
                best = (generaliser: generaliser, sizes: sizes, suppressed: suppressed)
            }
            // The order runs from the least generalised: the first within the budget is the most detailed.
            if suppressed <= budget { best = (generaliser: generaliser, sizes: sizes, suppressed: suppressed); break }
        }
        // searchOrder is never empty, so best is set.
        let chosen = best!

        // The published classes: their number, the smallest, and l over the published exploitation label.
        var published = 0
        var smallest: Int?
        var labels: [CTDCQuasiIdentifiers: Set<String>] = [:]
        for size in chosen.sizes.values where size >= k {
            published += 1
            smallest = min(smallest ?? size, size)
        }
        for (fine, count) in fineCounts where count > 0 {
            let identifiers = chosen.generaliser.identifiers(fine)
            guard let size = chosen.sizes[identifiers], size >= k else { continue }
            labels[identifiers, default: []].insert(CTDCDataset.exploitationLabel(fine.exploitation))
        }
        let lDiversity = labels.values.map(\.count).min()

        return KAnonymityPlan(k: k, levels: chosen.generaliser.levels, records: records, suppressed: chosen.suppressed,
                              classes: published, smallestClass: smallest, lDiversity: lDiversity,
                              generaliser: chosen.generaliser, classSizes: chosen.sizes, counted: Set(fineCounts.keys))
    }
}

/// The level chosen for each generalised quasi-identifier (see `KAnonymiser` for the lattice).
public struct KAnonymityLevels: Hashable, Sendable, CustomStringConvertible {
    public enum Year: Int, Hashable, Sendable, CaseIterable {
        /// `2023`.
        case exact
        /// `2020--2024`.
        case fiveYears
        /// `all`.
        case all
    }

    public enum Age: Int, Hashable, Sendable, CaseIterable {
        /// CTDC's `ageBroad` bands.
        case band
        /// `0--17` / `18+`.
        case majority
        /// `all`.
        case all
    }

    public enum Citizenship: Int, Hashable, Sendable, CaseIterable {
        /// ISO alpha-2.
        case exact
        /// Nationalities with fewer than k records → their M49 sub-region; the others alpha-2.
        case rareToSubregion
        /// Nationalities with fewer than k records → their M49 region; the others alpha-2.
        case rareToRegion
        /// Every nationality → its M49 sub-region.
        case subregion
        /// Every nationality → its M49 region.
        case region
        /// `all`.
        case all
    }

    public var year: Year
    public var age: Age
    public var citizenship: Citizenship

    public init(year: Year, age: Age, citizenship: Citizenship) {
        self.year = year; self.age = age; self.citizenship = citizenship
    }

    /// Nothing generalised.
    public static let finest = KAnonymityLevels(year: .exact, age: .band, citizenship: .exact)

    /// The sum of the level numbers: the first tie-break.
    public var height: Int { year.rawValue + age.rawValue + citizenship.rawValue }

    /// Every combination, least generalised first: by `height`, then citizenship, age, year level.
    static let searchOrder: [KAnonymityLevels] = {
        var all: [KAnonymityLevels] = []
        for year in Year.allCases {
            for age in Age.allCases {
                for citizenship in Citizenship.allCases { all.append(KAnonymityLevels(year: year, age: age, citizenship: citizenship)) }
            }
        }
        return all.sorted { a, b in
            if a.height != b.height { return a.height < b.height }
            if a.citizenship != b.citizenship { return a.citizenship.rawValue < b.citizenship.rawValue }
            if a.age != b.age { return a.age.rawValue < b.age.rawValue }
            return a.year.rawValue < b.year.rawValue
        }
    }()

    public var description: String {
        let yearText: String
        switch year {
        case .exact: yearText = "exact year"
        case .fiveYears: yearText = "five-year spans"
        case .all: yearText = "all years"
        }
        let ageText: String
        switch age {
        case .band: ageText = "age bands"
        case .majority: ageText = "minor/adult"
        case .all: ageText = "all ages"
        }
        let citizenshipText: String
        switch citizenship {
        case .exact: citizenshipText = "exact citizenship"
        case .rareToSubregion: citizenshipText = "rare citizenships to sub-region"
        case .rareToRegion: citizenshipText = "rare citizenships to region"
        case .subregion: citizenshipText = "citizenship as sub-region"
        case .region: citizenshipText = "citizenship as region"
        case .all: citizenshipText = "all citizenships"
        }
        return "\(yearText), \(ageText), \(citizenshipText)"
    }
}

/// Maps a fine class to its published quasi-identifiers at one combination of levels.
struct KAnonymityGeneraliser: Hashable, Sendable {
    let levels: KAnonymityLevels
    /// Nationalities (alpha-3) with fewer than k records in the counted input.
    let rareNationalities: Set<String>
    /// Alpha-3 → published alpha-2 (missing for `UNK`), for every code of the code list.
    let alpha2: [String: String]
    /// Alpha-3 → M49 region, for every code that has one.
    let regions: [String: CountryRegion]

    func identifiers(_ fine: KAnonymiser.FineClass) -> CTDCQuasiIdentifiers {
        CTDCQuasiIdentifiers(year: year(fine.year), gender: CTDCDataset.gender(fine.sex), ageBroad: age(fine.ageBand),
                             citizenship: citizenship(fine.nationality), countryOfExploitation: CTDCDataset.countryOfExploitation)
    }

    func year(_ year: Int) -> String {
        switch levels.year {
        case .exact: return String(year)
        case .fiveYears:
            let start = year - ((year % 5) + 5) % 5
            return "\(start)--\(start + 4)"
        case .all: return CTDCDataset.all
        }
    }

    func age(_ band: Int?) -> String {
        switch levels.age {
        case .band: return band.map { CTDCDataset.ageBands[$0] } ?? CTDCDataset.missing
        case .majority:
            guard let band else { return CTDCDataset.missing }
            return band <= 1 ? "0--17" : "18+"   // bands 0--8 and 9--17 are minors
        case .all: return CTDCDataset.all
        }
    }

    func citizenship(_ nationality: String) -> String {
        let exact = alpha2[nationality] ?? CTDCDataset.missing
        // Unknown nationalities stay missing until everything becomes `all`.
        if exact == CTDCDataset.missing && levels.citizenship != .all { return CTDCDataset.missing }
        let region = regions[nationality]
        switch levels.citizenship {
        case .exact: return exact
        case .rareToSubregion:
            return rareNationalities.contains(nationality) ? (region?.subregion ?? CTDCDataset.missing) : exact
        case .rareToRegion:
            return rareNationalities.contains(nationality) ? (region?.region ?? CTDCDataset.missing) : exact
        case .subregion: return region?.subregion ?? CTDCDataset.missing
        case .region: return region?.region ?? CTDCDataset.missing
        case .all: return CTDCDataset.all
        }
    }
}

/// What `KAnonymiser.plan(k:)` chose, and the function the writing pass applies to each victim.
public struct KAnonymityPlan: Equatable, Sendable {
    /// The k applied (at least 1).
    public let k: Int
    /// The generalisation chosen.
    public let levels: KAnonymityLevels
    /// Records counted.
    public let records: Int
    /// Records in classes of fewer than k: not published.
    public let suppressed: Int
    /// Equivalence classes published (each of at least k records).
    public let classes: Int
    /// The size of the smallest published class; nil when nothing is published.
    public let smallestClass: Int?
    /// l-diversity of the published file over `typeOfExploitConcatenated`: the fewest distinct forms of
    /// exploitation in a published class; nil when nothing is published. Reported, not enforced.
    public let lDiversity: Int?

    let generaliser: KAnonymityGeneraliser
    /// Records per generalised class, published or not.
    let classSizes: [CTDCQuasiIdentifiers: Int]
    /// The fine classes of the counting pass: a victim outside them was not counted and is never published.
    let counted: Set<KAnonymiser.FineClass>

    /// Records published.
    public var published: Int { records - suppressed }

    /// `suppressed / records`; 0 when there are no records.
    public var suppressedShare: Double { records == 0 ? 0 : Double(suppressed) / Double(records) }

    /// The published quasi-identifiers of `victim`, or nil when its class has fewer than k members (or the
    /// victim was not in the counting pass): then the whole record is suppressed.
    public func identifiers(for victim: OpenDataVictim) -> CTDCQuasiIdentifiers? {
        let fine = KAnonymiser.FineClass(victim)
        guard counted.contains(fine) else { return nil }
        let identifiers = generaliser.identifiers(fine)
        guard let size = classSizes[identifiers], size >= k else { return nil }
        return identifiers
    }

    /// One line for the command's report, e.g. `k = 11: 1000 records, 12 suppressed (1.2 %), 40 classes
    /// (smallest 11), l = 2; five-year spans, minor/adult, rare citizenships to region`.
    public var summary: String {
        // One decimal of a percentage, without Foundation: rounded tenths of a per cent.
        let tenths = records == 0 ? 0 : (suppressed * 1000 + records / 2) / records
        let share = "\(tenths / 10).\(tenths % 10) %"
        let smallest = smallestClass.map { " (smallest \($0))" } ?? ""
        let l = lDiversity.map { ", l = \($0)" } ?? ""
        return "k = \(k): \(records) records, \(suppressed) suppressed (\(share)), \(classes) classes\(smallest)\(l); \(levels)"
    }
}
