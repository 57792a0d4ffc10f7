/// A deterministic synthetic set of programme-oversight files (shared/spec/oversight.md) of any size,
/// for the scale benchmark (`benchmarks/oversight.sh`) and tests: organisations, a number of inspections
/// every year, the actions that follow some of them, and the Memorandums of Cooperation. The same
/// parameters always give the same rows. Names are synthetic ("Organisation N (synthetic)").
///
/// Shape, per 100 organisations: 8 supervising (licensed before the first year, unique licence
/// numbers), 85 implementing (each supervised by a supervising one), 4 SSW accepting, 2 registered
/// support (registered before the first year), 1 sending (abroad, in a country of the MOCs). Every year
/// `inspectionsPerYear` inspections spread evenly over its days: most by the OTIT, a quarter by labour
/// inspection, some by the ISA, a few joint; about 40 % find a violation, a few percent a trafficking
/// indicator (passports or residence cards retained, forced savings, …). Guidance, recommendations and
/// correction or improvement orders follow some of them (most with a report due and accepted); a few
/// plans' accreditations are revoked; licences are revoked or expire and registrations are cancelled;
/// sending organisations are reported to their governments or have acceptance suspended.
///
/// Accredited training plans are not rows (the spec's files have none): only their revocations are, as
/// `accreditation_revoked` actions, one row per plan.
///
/// Rules the import enforces hold: no order that needs a licence is dated after the end of its
/// organisation's licence, and no date is after `latestDay` (the import refuses dates in the future).
public struct SyntheticOversight: Sendable {
    public var organisations: Int
    public var inspectionsPerYear: Int
    public var years: ClosedRange<Int>
    public var seed: UInt64

    /// No generated date is after this day (when the generator was written), so the bundle imports on it
    /// and on any later day.
    public static let latestDay = Day(year: 2026, month: 12, day: 6)!

    public init(organisations: Int, inspectionsPerYear: Int, years: ClosedRange<Int> = 2021...2025, seed: UInt64 = 1) {
        self.organisations = organisations; self.inspectionsPerYear = inspectionsPerYear; self.years = years; self.seed = seed
    }

    /// The kind of the organisation at `index` (0-based): fixed bands of every hundred, so that the
    /// kinds are interleaved through the file and their shares exact.
    static func kind(ofIndex index: Int) -> OrganisationKind {
        switch index % 100 {
        case 0..<8: .supervising
        case 8..<93: .implementing
        case 93..<97: .sswAccepting
        case 97..<99: .registeredSupport
        default: .sending
        }
    }

    static func band(_ kind: OrganisationKind) -> Range<Int> {
        switch kind {
        case .supervising: 0..<8
        case .implementing: 8..<93
        case .sswAccepting: 93..<97
        case .registeredSupport: 97..<99
        case .sending: 99..<100
        }
    }

    /// How many of `total` organisations are of `kind`.
    static func count(of kind: OrganisationKind, among total: Int) -> Int {
        let range = Self.band(kind)
        return (total / 100) * range.count + max(0, min(total % 100, range.upperBound) - range.lowerBound)
    }

    /// The organisation's identifier: ORG-0000001 for index 0.
    public static func organisationID(index: Int) -> String { paddedID("ORG-", index + 1, width: 7) }

    static func paddedID(_ prefix: String, _ number: Int, width: Int) -> String {
        let digits = String(number)
        return prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Countries of the sending organisations (all in the shipped country list).
    static let sendingCountries = ["VNM", "IDN", "PHL", "MMR", "KHM", "NPL", "CHN", "THA", "LKA", "MNG",
                                   "BGD", "UZB", "IND", "PAK", "LAO", "KGZ", "TJK", "BTN", "TLS", "MYS"]
    static let industries = ["construction", "food_manufacturing", "agriculture", "machinery", "textiles", "care", "fisheries", "other"]

    /// Writes each row through `emit`: the organisations, the agreements, the licence ends, then year by
    /// year the inspections (by date), each followed by the actions it led to, and the year's actions on
    /// sending organisations.
    public func generate(emit: (BundleFile, BundleRecord) throws -> Void) rethrows {
        guard organisations > 0 else { return }
        var random = SplitMix64(seed: seed)
        let latest = Self.latestDay
        let total = organisations
        let blocks = (total + 99) / 100
        var counts: [OrganisationKind: Int] = [:]
        for kind in OrganisationKind.allCases { counts[kind] = Self.count(of: kind, among: total) }

        func day(from first: Day, span: Int) -> Day { first.adding(days: Int(random.next() % UInt64(max(1, span)))) }
        func capped(_ day: Day?) -> Day? { day.map { min($0, latest) } }
        /// A random organisation of `kind` (the caller makes sure there is one).
        func pick(_ kind: OrganisationKind) -> Int {
            let band = Self.band(kind)
            while true {
                let index = Int(random.next() % UInt64(blocks)) * 100 + band.lowerBound + Int(random.next() % UInt64(band.count))
                if index < total { return index }
            }
        }
        /// `kind`, or the first kind in `fallbacks` that has organisations (supervising always has: index 0).
        func available(_ kind: OrganisationKind, _ fallbacks: [OrganisationKind] = [.implementing, .supervising]) -> OrganisationKind {
            if counts[kind, default: 0] > 0 { return kind }
            return fallbacks.first { counts[$0, default: 0] > 0 } ?? .supervising
        }

        // The years' days: from January 1 of the first year to December 31 of the last, never after `latest`.
        let firstDay = Day(year: years.lowerBound, month: 1, day: 1)!
        let lastDay = min(Day(year: years.upperBound, month: 12, day: 31)!, latest)
        let allSpan = max(1, lastDay.daysSinceEpoch - firstDay.daysSinceEpoch + 1)

        // Organisations.
        var supervisors: [Int] = []
        supervisors.reserveCapacity(counts[.supervising, default: 0])
        for index in 0..<total where Self.kind(ofIndex: index) == .supervising { supervisors.append(index) }
        for index in 0..<total {
            let kind = Self.kind(ofIndex: index)
            let number = index + 1
            let prefecture = "JP-" + (random.pick(SyntheticBundle.prefectureWeights) as String)
            var record = OrganisationRecord(id: Self.organisationID(index: index), kind: kind, name: "Organisation \(number) (synthetic)")
            switch kind {
            case .supervising:
                // Licensed in the ten years before the first: 許 + year (2 digits) + prefecture + serial.
                let licensed = day(from: Day(year: years.lowerBound - 10, month: 1, day: 1)!, span: 3650)
                record.nameJA = "監理団体\(number)（合成）"
                record.prefecture = prefecture
                let licenceYear: String = Self.paddedID("", licensed.year % 100, width: 2)
                let licencePrefecture = String(prefecture.suffix(2))
                let serial: String = Self.paddedID("", number, width: 7)
                record.licenceNumber = "許" + licenceYear + licencePrefecture + serial
                record.licenceType = random.chance(60) ? .general : .specified
                record.licensedOn = licensed
            case .implementing:
                record.nameJA = "実習実施者\(number)（合成）"
                record.prefecture = prefecture
                record.supervisedBy = Self.organisationID(index: supervisors[Int(random.next() % UInt64(supervisors.count))])
                record.industry = Self.industries[Int(random.next() % UInt64(Self.industries.count))]
            case .sswAccepting:
                record.nameJA = "特定技能所属機関\(number)（合成）"
                record.prefecture = prefecture
                record.industry = Self.industries[Int(random.next() % UInt64(Self.industries.count))]
            case .registeredSupport:
                let registered = day(from: Day(year: years.lowerBound - 5, month: 1, day: 1)!, span: 1825)
                record.nameJA = "登録支援機関\(number)（合成）"
                record.prefecture = prefecture
                let registrationYear: String = Self.paddedID("", registered.year % 100, width: 2)
                let serial: String = Self.paddedID("", number, width: 7)
                record.licenceNumber = registrationYear + "登-" + serial
                record.licensedOn = registered
            case .sending:
                record.country = Self.sendingCountries[Int(random.next() % UInt64(Self.sendingCountries.count))]
            }
            try emit(.organisations, record)
        }

        // The Memorandums of Cooperation: the seed's countries, signed before the years (placeholders);
        // the first TITP one was replaced by a new one in the first year (so a country may have two rows).
        for (index, country) in OversightReference.Seed.mocCountriesTitp.enumerated() {
            let signed = Day(year: years.lowerBound - 1 - index % 4, month: 1 + index % 12, day: 1 + index % 28)!
            if index == 0 {
                let renewed = min(Day(year: years.lowerBound, month: 6, day: 1)!, latest)
                try emit(.agreements, AgreementRecord(id: "MOC-TITP-\(country)-1", country: country, scheme: .titp,
                                                      signedOn: Day(year: years.lowerBound - 6, month: 2, day: 1)!, endedOn: renewed))
                try emit(.agreements, AgreementRecord(id: "MOC-TITP-\(country)-2", country: country, scheme: .titp, signedOn: renewed))
            } else {
                try emit(.agreements, AgreementRecord(id: "MOC-TITP-\(country)", country: country, scheme: .titp, signedOn: signed))
            }
        }
        for (index, country) in OversightReference.Seed.mocCountriesSsw.enumerated() {
            try emit(.agreements, AgreementRecord(id: "MOC-SSW-\(country)", country: country, scheme: .ssw,
                                                  signedOn: Day(year: years.lowerBound - 1 - index % 2, month: 1 + index % 12, day: 1 + (index * 3) % 28)!))
        }

        var actionNumber = 0
        func nextActionID() -> String { actionNumber += 1; return Self.paddedID("ACT-", actionNumber, width: 8) }

        // Licence ends, planned before the inspections so that nothing needing a licence follows one:
        // per year about 0.16 % of supervising organisations revoked (the seed: 6 of 3,755) and 2 % expired;
        // 1 % of registrations cancelled.
        var licenceEnd: [Int: Day] = [:]
        let yearCount = years.count
        for index in 0..<total {
            let kind = Self.kind(ofIndex: index)
            guard kind == .supervising || kind == .registeredSupport else { continue }
            let roll = Int(random.next() % 10_000)
            let ending: OversightActionKind
            let by: OversightAuthority
            if kind == .supervising, roll < 16 * yearCount {
                ending = .licenceRevoked; by = .mhlw
            } else if kind == .supervising, roll < 216 * yearCount {
                ending = .licenceExpired; by = .otit
            } else if kind == .registeredSupport, roll < 100 * yearCount {
                ending = .registrationCancelled; by = .isa
            } else {
                continue
            }
            let on = day(from: firstDay, span: allSpan)
            licenceEnd[index] = on
            try emit(.actions, OversightActionRecord(id: nextActionID(), organisationID: Self.organisationID(index: index), kind: ending, by: by, on: on,
                                                     published: ending == .licenceExpired ? nil : true))
        }

        // The actions an inspection leads to, gathered here and written after it.
        var followUps: [OversightActionRecord] = []
        func act(_ index: Int, _ kind: OversightActionKind, by: OversightAuthority, on: Day, inspection: String?, reportDue: Bool = false,
                 until: Day? = nil, published: Bool? = nil) {
            guard on <= latest else { return }
            // The import refuses an order dated after the end of the organisation's licence.
            if kind.needsLicence, let end = licenceEnd[index], on > end { return }
            var closed: Day?
            if reportDue, random.chance(85) {
                let day = on.adding(days: 10 + Int(random.next() % 80))
                closed = day <= latest ? day : nil
            }
            followUps.append(OversightActionRecord(id: nextActionID(), organisationID: Self.organisationID(index: index), kind: kind, by: by, on: on,
                                                   inspectionID: inspection, until: capped(until), dueOn: reportDue ? capped(on.adding(days: 30)) : nil,
                                                   closedOn: closed, published: published))
        }
        func findings(for inspector: Inspector) -> [InspectionFinding] {
            var found: [InspectionFinding] = []
            switch inspector {
            case .labourInspection, .joint:
                found.append(random.pick([(InspectionFinding.illegalOvertime, 35), (.unpaidOvertimePremium, 25), (.unpaidWages, 15), (.safetyHealth, 25)]))
            case .otit:
                found.append(random.pick([(InspectionFinding.planNotFollowed, 40), (.unpaidWages, 15), (.illegalOvertime, 15), (.falseDocuments, 10),
                                          (.unpaidOvertimePremium, 10), (.other, 10)]))
            case .isa:
                found.append(random.pick([(InspectionFinding.other, 50), (.falseDocuments, 30), (.unpaidWages, 20)]))
            }
            if random.chance(25) {
                let second = random.pick([(InspectionFinding.unpaidWages, 30), (.safetyHealth, 30), (.planNotFollowed, 20), (.other, 20)])
                if !found.contains(second) { found.append(second) }
            }
            // A few percent of violations are indicators of trafficking (forced labour).
            if random.chance(5) {
                let indicator = random.pick([(InspectionFinding.passportRetained, 30), (.residenceCardRetained, 20), (.forcedSavings, 15),
                                             (.depositOrPenaltyContract, 15), (.restrictedMovement, 10), (.violenceOrThreats, 7), (.sexualHarassment, 3)])
                if !found.contains(indicator) { found.append(indicator) }
            }
            return found
        }

        for year in years {
            let first = Day(year: year, month: 1, day: 1)!
            let span = min(Day.isLeap(year) ? 366 : 365, latest.daysSinceEpoch - first.daysSinceEpoch + 1)
            guard span > 0 else { continue }
            for number in 0..<inspectionsPerYear {
                let inspectedOn = first.adding(days: number * span / inspectionsPerYear)
                let inspector = random.pick([(Inspector.otit, 68), (.labourInspection, 24), (.isa, 7), (.joint, 1)])
                let wanted: OrganisationKind
                switch inspector {
                case .otit: wanted = random.chance(17) ? .supervising : .implementing
                case .labourInspection: wanted = random.chance(95) ? .implementing : .sswAccepting
                case .joint: wanted = .implementing
                case .isa: wanted = random.chance(70) ? .sswAccepting : .registeredSupport
                }
                let kind = available(wanted)
                var index = pick(kind)
                // Organisations whose licence has ended are not inspected any more (a few draws).
                var draws = 0
                while let end = licenceEnd[index], end < inspectedOn, draws < 4 { index = pick(kind); draws += 1 }
                let violationPercent: UInt64
                switch inspector {
                case .otit: violationPercent = 35
                case .labourInspection: violationPercent = 73
                case .joint: violationPercent = 90
                case .isa: violationPercent = 25
                }
                // The latest weeks' inspections are sometimes not yet judged.
                let judged = latest.daysSinceEpoch - inspectedOn.daysSinceEpoch > 60 || random.chance(50)
                let violation: Bool? = judged ? random.chance(violationPercent) : nil
                let inspectionID = Self.paddedID("INS-\(year)-", number + 1, width: 7)
                try emit(.inspections, InspectionRecord(
                    id: inspectionID, organisationID: Self.organisationID(index: index), inspector: inspector, inspectedOn: inspectedOn,
                    kind: (inspector == .joint || random.chance(20)) ? InspectionKind.adHoc : InspectionKind.regular, violationFound: violation,
                    findings: violation == true ? findings(for: inspector) : []))
                guard violation == true else { continue }

                let on = inspectedOn.adding(days: 14 + Int(random.next() % 47))
                switch inspector {
                case .otit:
                    let roll = random.next() % 1000
                    if roll < 600 {
                        act(index, .guidance, by: .otit, on: on, inspection: inspectionID)
                    } else if roll < 680 {
                        act(index, .recommendation, by: .otit, on: on, inspection: inspectionID, reportDue: true)
                    } else if roll < 695 {
                        act(index, .correctionOrder, by: .mhlw, on: on, inspection: inspectionID, reportDue: true, published: true)
                    } else if roll < 697, kind == .supervising {
                        act(index, .businessSuspension, by: .mhlw, on: on, inspection: inspectionID, until: on.adding(days: 90), published: true)
                    }
                    // About 0.3 % of violations of implementing organisations: the accreditation of one to three plans revoked, a row each.
                    if kind == .implementing, random.next() % 1000 < 3 {
                        for _ in 0..<(1 + Int(random.next() % 3)) {
                            act(index, .accreditationRevoked, by: .otit, on: on.adding(days: 30), inspection: inspectionID, published: true)
                        }
                    }
                case .labourInspection:
                    if random.chance(90) { act(index, .recommendation, by: .labourInspection, on: on, inspection: inspectionID, reportDue: true) }
                    if random.next() % 1000 < 1 {
                        act(index, .referredToProsecutors, by: .labourInspection, on: on.adding(days: 40), inspection: inspectionID)
                    }
                case .joint:
                    if random.chance(90) { act(index, .recommendation, by: .labourInspection, on: on, inspection: inspectionID, reportDue: true) }
                    if random.chance(65) {
                        act(index, .correctionOrder, by: .otit, on: on.adding(days: 7), inspection: inspectionID, reportDue: true, published: true)
                    }
                case .isa:
                    if random.chance(10) {
                        act(index, .improvementOrder, by: .isa, on: on, inspection: inspectionID, reportDue: true, published: true)
                    } else if random.chance(50) {
                        act(index, .guidance, by: .isa, on: on, inspection: inspectionID)
                    }
                }
                for action in followUps { try emit(.actions, action) }
                followUps.removeAll(keepingCapacity: true)
            }

            // Sending organisations: about 3 % reported to their governments under the MOC in a year, 1 % suspended.
            if counts[.sending, default: 0] > 0 {
                for block in 0..<blocks {
                    let index = block * 100 + Self.band(.sending).lowerBound
                    guard index < total else { continue }
                    if random.chance(3) { act(index, .reportedToGovernment, by: .otit, on: day(from: first, span: span), inspection: nil) }
                    if random.chance(1) {
                        let on = day(from: first, span: span)
                        act(index, .acceptanceSuspended, by: .isa, on: on, inspection: nil, until: on.adding(days: 365))
                    }
                }
                for action in followUps { try emit(.actions, action) }
                followUps.removeAll(keepingCapacity: true)
            }
        }
    }
}
