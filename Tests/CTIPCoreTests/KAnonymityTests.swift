@testable import CTIPCore
import Testing

/// The CTDC export (`ctip open-data ctdc`): rows in CTDC's 63 columns, and k-anonymity by generalisation
/// before suppression over year, gender, age band, citizenship and country of exploitation.
@Suite("CTDC rows and k-anonymity")
struct KAnonymityTests {
    static func victim(_ year: Int, sex: Sex = .female, age: Int? = 25, nationality: String = "PHL",
                       exploitation: Exploitation = .sexual) -> OpenDataVictim {
        OpenDataVictim(year: year, sex: sex, age: age, nationality: nationality, exploitation: exploitation)
    }

    /// A mixed population: common and rare nationalities, unknown ages and sexes, fifteen years.
    static func population(_ size: Int, seed: UInt64) -> [OpenDataVictim] {
        var random = SplitMix64(seed: seed)
        let nationalities: [(String, Int)] = [("PHL", 30), ("THA", 20), ("VNM", 15), ("CHN", 10), ("JPN", 10), ("KOR", 4),
                                             ("IDN", 3), ("COL", 2), ("BRA", 2), ("RUS", 1), ("NGA", 1), ("UNK", 2)]
        let sexes: [(Sex, Int)] = [(.female, 80), (.male, 15), (.other, 2), (.unknown, 3)]
        let forms: [(Exploitation, Int)] = [(.sexual, 60), (.hostess, 20), (.labour, 15), (.other, 4), (.organ, 1)]
        return (0..<size).map { _ in
            let age: Int? = random.chance(5) ? nil : Int(random.next() % 60) + 5
            return OpenDataVictim(year: 2010 + Int(random.next() % 15), sex: random.pick(sexes), age: age,
                                  nationality: random.pick(nationalities), exploitation: random.pick(forms))
        }
    }

    /// Runs both passes as the command does: count, plan, then the published identifiers per victim.
    static func publish(_ victims: [OpenDataVictim], k: Int) -> (plan: KAnonymityPlan, published: [CTDCQuasiIdentifiers]) {
        var anonymiser = KAnonymiser()
        for victim in victims { anonymiser.count(victim) }
        let plan = anonymiser.plan(k: k)
        return (plan, victims.compactMap { plan.identifiers(for: $0) })
    }

    static let mixed = population(3_000, seed: 19)

    // MARK: k-anonymity

    @Test("every published class has at least k members, and the report counts what was published")
    func everyClassReachesK() {
        for k in [2, 5, 11, 50] {
            let (plan, published) = Self.publish(Self.mixed, k: k)
            let classes = Dictionary(grouping: published, by: { $0 }).mapValues(\.count)
            #expect(classes.values.allSatisfy { $0 >= k }, "k = \(k)")
            #expect(plan.k == k)
            #expect(plan.records == Self.mixed.count)
            #expect(plan.classes == classes.count, "k = \(k)")
            #expect(plan.smallestClass == classes.values.min(), "k = \(k)")
            #expect(plan.published == published.count, "k = \(k)")
            #expect(plan.suppressed == Self.mixed.count - published.count, "k = \(k)")
        }
    }

    @Test("generalisation comes before suppression: five-year spans rather than suppressed years")
    func generalisesBeforeSuppressing() {
        // Three identical victims a year: exact years leave classes of 3, one five-year span a class of 15.
        let victims = (2020...2024).flatMap { year in Array(repeating: Self.victim(year), count: 3) }
        let (plan, published) = Self.publish(victims, k: 5)
        #expect(plan.levels == KAnonymityLevels(year: .fiveYears, age: .band, citizenship: .exact))
        #expect(plan.suppressed == 0)
        #expect(published.count == 15)
        #expect(Set(published.map(\.year)) == ["2020--2024"])
        #expect(Set(published.map(\.ageBroad)) == ["24--26"])
        #expect(Set(published.map(\.citizenship)) == ["PH"])

        // At k = 3 the exact years are already safe, so nothing is generalised.
        let (exact, _) = Self.publish(victims, k: 3)
        #expect(exact.levels == .finest)
        #expect(exact.suppressed == 0)
    }

    @Test("rare citizenships go to their M49 sub-region, or region; common ones stay alpha-2")
    func rareCitizenshipsGoToTheirRegion() {
        // Philippines 10 (common at k = 5); Thailand 3 + Viet Nam 2 (rare; together South-eastern Asia: 5).
        let asia = Array(repeating: Self.victim(2023, nationality: "PHL"), count: 10) + Array(repeating: Self.victim(2023, nationality: "THA"), count: 3)
            + Array(repeating: Self.victim(2023, nationality: "VNM"), count: 2)
        let (subregional, published) = Self.publish(asia, k: 5)
        #expect(subregional.levels == KAnonymityLevels(year: .exact, age: .band, citizenship: .rareToSubregion))
        #expect(subregional.suppressed == 0)
        let byCitizenship = Dictionary(grouping: published, by: \.citizenship).mapValues(\.count)
        #expect(byCitizenship == ["PH": 10, "South-eastern Asia": 5])

        // Add Colombia 3, Brazil 2 (Latin America and the Caribbean: 5) and the United States 1 (Northern
        // America: 1): only the region (Americas: 6) keeps everyone.
        let world = asia + Array(repeating: Self.victim(2023, nationality: "COL"), count: 3) + Array(repeating: Self.victim(2023, nationality: "BRA"), count: 2)
            + [Self.victim(2023, nationality: "USA")]
        let (regional, regionalPublished) = Self.publish(world, k: 5)
        #expect(regional.levels == KAnonymityLevels(year: .exact, age: .band, citizenship: .rareToRegion))
        #expect(regional.suppressed == 0)
        let byRegion = Dictionary(grouping: regionalPublished, by: \.citizenship).mapValues(\.count)
        #expect(byRegion == ["PH": 10, "Asia": 5, "Americas": 6])
    }

    @Test("the suppressed share is reported exactly")
    func suppressedShare() {
        // Ten identical women and one man: the man is alone at every level (gender is never generalised).
        let victims = Array(repeating: Self.victim(2023), count: 10) + [Self.victim(2023, sex: .male)]
        let (plan, published) = Self.publish(victims, k: 5)
        #expect(plan.records == 11)
        #expect(plan.suppressed == 1)
        #expect(plan.published == 10)
        #expect(plan.suppressedShare == 1.0 / 11.0)
        #expect(plan.classes == 1)
        #expect(plan.smallestClass == 10)
        #expect(plan.levels == .finest)   // generalising cannot save him, so nothing is generalised
        #expect(published.count == 10)
        #expect(plan.identifiers(for: Self.victim(2023, sex: .male)) == nil)
        #expect(plan.summary.contains("11 records, 1 suppressed (9.1 %), 1 classes (smallest 10)"))
    }

    @Test("no records: no rows, nothing suppressed, share 0")
    func empty() {
        let plan = KAnonymiser().plan(k: 11)
        #expect(plan.records == 0)
        #expect(plan.suppressed == 0)
        #expect(plan.published == 0)
        #expect(plan.suppressedShare == 0)
        #expect(plan.classes == 0)
        #expect(plan.smallestClass == nil)
        #expect(plan.lDiversity == nil)
        #expect(plan.levels == .finest)
        #expect(plan.identifiers(for: Self.victim(2023)) == nil)   // never counted: never published
        #expect(KAnonymiser([OpenDataVictim]()).plan(k: 0) == KAnonymiser().plan(k: 1))
    }

    @Test("k = 1 publishes every record unchanged, at the finest level")
    func kOnePublishesEverything() {
        let (plan, published) = Self.publish(Self.mixed, k: 1)
        #expect(plan.levels == .finest)
        #expect(plan.suppressed == 0)
        #expect(plan.suppressedShare == 0)
        #expect(published == Self.mixed.map { CTDCDataset.identifiers($0) })
    }

    @Test("the plan does not depend on the order of the input")
    func deterministic() {
        var random = SplitMix64(seed: 7)
        let shuffled = Self.mixed.shuffled(using: &random)
        for k in [1, 5, 11] {
            let plan = KAnonymiser(Self.mixed).plan(k: k)
            let again = KAnonymiser(shuffled).plan(k: k)
            #expect(plan == again, "k = \(k)")
            #expect(plan.summary == again.summary)
            for victim in Self.mixed.prefix(200) { #expect(plan.identifiers(for: victim) == again.identifiers(for: victim)) }
        }
    }

    @Test("l-diversity over the published form of exploitation is reported")
    func lDiversity() {
        let victims = Array(repeating: Self.victim(2023), count: 6) + Array(repeating: Self.victim(2023, exploitation: .hostess), count: 6)
        let (plan, _) = Self.publish(victims, k: 5)
        #expect(plan.classes == 1)
        #expect(plan.lDiversity == 2)
        let (uniform, _) = Self.publish(Array(repeating: Self.victim(2023), count: 6), k: 5)
        #expect(uniform.lDiversity == 1)
    }

    @Test("every country of the code list has an M49 region")
    func regions() {
        let lists = CodeLists.shipped
        for (code, country) in lists.countries where country.kind == .country {
            #expect(lists.countryRegions[code] != nil, "\(code)")
        }
        #expect(lists.countryRegions["VNM"] == CountryRegion(code: "VNM", region: "Asia", subregion: "South-eastern Asia"))
        #expect(lists.countryRegions["JPN"]?.subregion == "Eastern Asia")
        #expect(lists.countryRegions["TWN"]?.subregion == "Eastern Asia")
        #expect(lists.countryRegions["BRA"]?.region == "Americas")
        #expect(lists.countryRegions["UNK"] == nil)
    }

    // MARK: Rows

    static func cells(_ victim: OpenDataVictim, _ identifiers: CTDCQuasiIdentifiers? = nil) -> [String: String] {
        let row = CTDCDataset.row(victim, identifiers: identifiers ?? CTDCDataset.identifiers(victim))
        return Dictionary(uniqueKeysWithValues: zip(CTDCDataset.columns, row))
    }

    @Test("63 columns in CTDC's order")
    func columns() {
        let columns = CTDCDataset.columns
        #expect(columns.count == 63)
        #expect(Set(columns).count == 63)
        #expect(columns.prefix(8) == ["yearOfRegistration", "Datasource", "gender", "ageBroad", "majorityStatus",
                                      "majorityStatusAtExploit", "majorityEntry", "citizenship"])
        #expect(columns[8] == "meansOfControlDebtBondage")
        #expect(columns[24] == "meansOfControlOther")
        #expect(columns[25] == "meansOfControlNotSpecified")
        #expect(columns[26] == "meansOfControlConcatenated")
        #expect(columns[27...35] == ["isForcedLabour", "isSexualExploit", "isOtherExploit", "isSexAndLabour", "isForcedMarriage",
                                     "isForcedMilitary", "isOrganRemoval", "isSlaveryAndPractices", "typeOfExploitConcatenated"])
        #expect(columns[36] == "typeOfLabourAgriculture")
        #expect(columns[41] == "typeOfLabourHospitality")
        #expect(columns[48] == "typeOfLabourNotSpecified")
        #expect(columns[49] == "typeOfLabourConcatenated")
        #expect(columns[54] == "typeOfSexConcatenated")
        #expect(columns[55...57] == ["isAbduction", "RecruiterRelationship", "CountryOfExploitation"])
        #expect(columns[62] == "recruiterRelationUnknown")
        for column in CTDCDataset.quasiIdentifierColumns + [CTDCDataset.sensitiveColumn] { #expect(columns.contains(column)) }
    }

    @Test("a row's cells: gender, age band, citizenship, flags, constants")
    func rowCells() {
        let hostess = Self.cells(Self.victim(2023, age: 16, exploitation: .hostess))
        #expect(CTDCDataset.row(Self.victim(2023), identifiers: CTDCDataset.identifiers(Self.victim(2023))).count == 63)
        #expect(hostess["yearOfRegistration"] == "2023")
        #expect(hostess["Datasource"] == "Case Management")
        #expect(hostess["gender"] == "Female")
        #expect(hostess["ageBroad"] == "9--17")
        #expect(hostess["majorityStatus"] == "Minor")
        #expect(hostess["majorityStatusAtExploit"] == "")
        #expect(hostess["citizenship"] == "PH")
        #expect(hostess["meansOfControlDebtBondage"] == "")
        #expect(hostess["meansOfControlNotSpecified"] == "1")
        #expect(hostess["meansOfControlConcatenated"] == "Not specified")
        #expect(hostess["isForcedLabour"] == "1")
        #expect(hostess["isSexualExploit"] == "0")
        #expect(hostess["isSexAndLabour"] == "0")
        #expect(hostess["typeOfExploitConcatenated"] == "Forced labour")
        #expect(hostess["typeOfLabourHospitality"] == "1")
        #expect(hostess["typeOfLabourNotSpecified"] == "0")
        #expect(hostess["typeOfLabourConcatenated"] == "Hospitality")
        #expect(hostess["typeOfSexProstitution"] == "")
        #expect(hostess["isAbduction"] == "")
        #expect(hostess["CountryOfExploitation"] == "JP")
        #expect(hostess["recruiterRelationFamily"] == "")
        #expect(hostess["recruiterRelationUnknown"] == "1")

        let labour = Self.cells(Self.victim(2019, sex: .male, age: nil, nationality: "UNK", exploitation: .labour))
        #expect(labour["gender"] == "Male")
        #expect(labour["ageBroad"] == "")
        #expect(labour["majorityStatus"] == "")
        #expect(labour["citizenship"] == "")
        #expect(labour["typeOfLabourHospitality"] == "0")
        #expect(labour["typeOfLabourNotSpecified"] == "1")
        #expect(labour["typeOfLabourConcatenated"] == "Not specified")

        let sexual = Self.cells(Self.victim(2021, sex: .other, age: 30, nationality: "TWN", exploitation: .sexual))
        #expect(sexual["gender"] == "Transgender/NonConforming")
        #expect(sexual["ageBroad"] == "30--38")
        #expect(sexual["majorityStatus"] == "Adult")
        #expect(sexual["citizenship"] == "TW")
        #expect(sexual["isForcedLabour"] == "0")
        #expect(sexual["isSexualExploit"] == "1")
        #expect(sexual["typeOfExploitConcatenated"] == "Sexual exploitation")
        #expect(sexual["typeOfLabourHospitality"] == "")
        #expect(sexual["typeOfLabourConcatenated"] == "")

        #expect(Self.cells(Self.victim(2021, sex: .unknown))["gender"] == "")
        #expect(Self.cells(Self.victim(2021, exploitation: .organ))["isOrganRemoval"] == "1")
        #expect(Self.cells(Self.victim(2021, exploitation: .other))["isOtherExploit"] == "1")
        #expect(Self.cells(Self.victim(2021, exploitation: .other))["typeOfExploitConcatenated"] == "Other")
    }

    @Test("age bands at their boundaries")
    func ageBands() {
        let expected: [(Int?, String)] = [(0, "0--8"), (8, "0--8"), (9, "9--17"), (17, "9--17"), (18, "18--20"), (20, "18--20"),
                                          (21, "21--23"), (26, "24--26"), (29, "27--29"), (30, "30--38"), (38, "30--38"),
                                          (39, "39--47"), (47, "39--47"), (48, "48+"), (95, "48+"), (nil, ""), (-1, "")]
        for (age, band) in expected { #expect(CTDCDataset.ageBroad(age) == band, "\(String(describing: age))") }
    }

    @Test("majorityStatus follows the published age, so a generalisation is not undone")
    func majorityFollowsThePublishedAge() {
        let victim = Self.victim(2023, age: 16)
        var identifiers = CTDCDataset.identifiers(victim)
        identifiers.ageBroad = "0--17"
        #expect(Self.cells(victim, identifiers)["majorityStatus"] == "Minor")
        identifiers.ageBroad = "all"
        #expect(Self.cells(victim, identifiers)["majorityStatus"] == "")
        identifiers.ageBroad = "18+"
        #expect(Self.cells(victim, identifiers)["majorityStatus"] == "Adult")
    }

    @Test("a row carries nothing but its published identifiers, the form of exploitation and constants")
    func rowCarriesNothingElse() {
        let fixed: Set<String> = ["", "0", "1", "Case Management", "Not specified", "Hospitality", "Forced labour",
                                  "Sexual exploitation", "Other", "Organ removal", "Minor", "Adult", "JP"]
        let plan = KAnonymiser(Self.mixed).plan(k: 11)
        for victim in Self.mixed {
            guard let identifiers = plan.identifiers(for: victim) else { continue }
            let row = CTDCDataset.row(victim, identifiers: identifiers)
            #expect(row.count == 63)
            let allowed = fixed.union([identifiers.year, identifiers.gender, identifiers.ageBroad, identifiers.citizenship,
                                       identifiers.countryOfExploitation])
            #expect(row.allSatisfy { allowed.contains($0) })
            #expect(row[0] == identifiers.year && row[2] == identifiers.gender && row[3] == identifiers.ageBroad)
            #expect(row[7] == identifiers.citizenship && row[57] == identifiers.countryOfExploitation)
        }
    }

    @Test("a suppression budget buys detail: the least generalisation that leaves out at most that share")
    func suppressionBudget() {
        let anonymiser = KAnonymiser(Self.mixed)
        #expect(anonymiser.plan(k: 11, maximumSuppressed: 1).levels == .finest, "everything may go: nothing is generalised")
        let strict = anonymiser.plan(k: 11), loose = anonymiser.plan(k: 11, maximumSuppressed: 0.2)
        #expect(loose.levels.height <= strict.levels.height)
        #expect(loose.suppressed <= max(Int(0.2 * Double(loose.records)), strict.suppressed))
        #expect(strict.suppressed <= loose.suppressed, "without a budget, the fewest are left out")
    }
}
