import CTIPCore
import FluentKit
import Foundation
import SQLKit

/// Synthetic case work for `ctip demo`, so that a newcomer signing in finds something on every staff
/// page: victim files with sealed fields, a screening, a referral waiting for an answer, tips in the
/// triage queue (one with danger to life) and one forwarded to the police, internet content awaiting
/// deletion. Every name and place says DEMO; nothing here is anyone's data. Written through the same stores as real work, so it is
/// audited and counted like it. `ctip serve` never calls this.
public struct DemoActivity: Sendable {
    /// The demo accounts the activity is written by.
    public struct Staff: Sendable {
        public var policeCaseWorker: StaffIdentity
        public var hotlineAnalyst: StaffIdentity
        public var internetAnalyst: StaffIdentity
        public init(policeCaseWorker: StaffIdentity, hotlineAnalyst: StaffIdentity, internetAnalyst: StaffIdentity) {
            self.policeCaseWorker = policeCaseWorker; self.hotlineAnalyst = hotlineAnalyst; self.internetAnalyst = internetAnalyst
        }
    }

    public struct Summary: Sendable, Equatable {
        public var victimFiles = 0
        public var screenings = 0
        public var referrals = 0
        public var tips = 0
        public var internetItems = 0
        public init(victimFiles: Int = 0, screenings: Int = 0, referrals: Int = 0, tips: Int = 0, internetItems: Int = 0) {
            self.victimFiles = victimFiles; self.screenings = screenings; self.referrals = referrals; self.tips = tips
            self.internetItems = internetItems
        }
    }

    /// Every person and place of the demo carries this, so nobody mistakes it for a record.
    public static let marker = "DEMO"

    let database: any Database
    let cipher: FieldCipher
    let hasher: PasscodeHasher
    let now: @Sendable () -> Date

    public init(database: any Database, cipher: FieldCipher, hasher: PasscodeHasher, now: @escaping @Sendable () -> Date = Date.init) {
        self.database = database; self.cipher = cipher; self.hasher = hasher; self.now = now
    }

    /// Writes the activity once: a database that has the demo police account's files already is left as it is.
    @discardableResult
    public func seed(by staff: Staff) async throws -> Summary? {
        let existing = try await database.sql.raw("SELECT COUNT(*) AS n FROM victim_files WHERE created_by = \(bind: staff.policeCaseWorker.auditActor)")
            .first()?.decode(column: "n", as: Int.self) ?? 0
        guard existing == 0 else { return nil }
        var summary = Summary()
        let files = VictimFileStore(database: database, cipher: cipher, now: now)
        let year = Calendar(identifier: .gregorian).component(.year, from: now())
        // Today in Japan.
        let today = Day(daysSinceEpoch: Int((now().timeIntervalSince1970 + 9 * 3600) / 86_400))
        let context = ValidationContext(codeLists: .shipped, offenseCodes: [])

        // A woman protected by the Women's Counseling and Support Center, with sealed identity and whereabouts.
        let sheltered = try NewVictimFile.read([
            "protected_on": today.description, "sex": "female", "age": "24", "nationality": "PHL", "residence_status": "temporary_visitor",
            "exploitation": "sexual", "name": "\(Self.marker) Maria Sample", "phone": "\(Self.marker) 000-0000-0000",
            "protecting_agency": "wcsc-13", "whereabouts_kind": "shelter", "whereabouts": "\(Self.marker) shelter (synthetic, no such place)",
        ], id: NewVictimFile.newID(year: year), context: context).get()
        let shelteredID = try await files.create(sheltered, by: staff.policeCaseWorker, purpose: "demo activity")
        summary.victimFiles += 1

        // Her Article 3 screening, stored with the file.
        let answers = try ScreeningForm.read(["acts": "recruitment;harbouring", "means": "deception;abuse_of_vulnerability",
                                              "purposes": "prostitution_of_others", "age": "24", "nationality": "PHL",
                                              "says_they_consented": "yes"]).get()
        _ = try await files.attachScreening(shelteredID, answers: answers, result: Article3Screening.screen(answers), by: staff.policeCaseWorker,
                                            purpose: "demo activity")
        summary.screenings += 1

        // A boy met by the police, not yet protected: referred to the centre, waiting for its answer.
        let referred = try NewVictimFile.read([
            "protected_on": today.description, "sex": "male", "age": "17", "nationality": "VNM", "residence_status": "technical_intern_training_1",
            "exploitation": "labour", "name": "\(Self.marker) Nguyen Sample",
        ], id: NewVictimFile.newID(year: year), context: context).get()
        let referredID = try await files.create(referred, by: staff.policeCaseWorker, purpose: "demo activity")
        summary.victimFiles += 1
        _ = try await files.refer(referredID, to: "wcsc-13", sections: [.basic, .identity], basis: .consent, overrideReason: nil,
                                  by: staff.policeCaseWorker, purpose: "demo activity")
        summary.referrals += 1

        // Two anonymous tips in the triage queue, one saying a life is in danger now.
        let hotline = HotlineStore(database: database, hasher: hasher, clock: now)
        let hotlineStaff = HotlineStaff(store: hotline)
        let prefectures = Set(CodeLists.shipped.prefectures.keys)
        for (description, danger) in [("\(Self.marker): women kept in a flat above a bar, passports taken by the manager (synthetic tip).", true),
                                      ("\(Self.marker): trainees at a factory say their wages go to a 'deposit' (synthetic tip).", false)] {
            _ = try await hotline.submit(try TipSubmission(language: "en", category: "trafficking", prefecture: "JP-13", description: description,
                                                           dangerNow: danger, prefectures: prefectures))
            summary.tips += 1
        }

        // A third, already triaged and forwarded to the Tokyo police, waiting for them to acknowledge it.
        let forwarded = try await hotline.submit(try TipSubmission(
            language: "ja", category: "trafficking", prefecture: "JP-13",
            description: "\(Self.marker): a job agency takes the wages of foreign women it places in restaurants (synthetic tip).",
            prefectures: prefectures))
        let hotlineActor = HotlineActor(user: staff.hotlineAnalyst.auditActor, agency: staff.hotlineAnalyst.agency.code)
        try await hotlineStaff.classify(forwarded.receipt, category: .trafficking, urgency: .high, prefecture: "JP-13", by: hotlineActor)
        try await hotlineStaff.forward(forwarded.receipt, to: "JP-13", by: hotlineActor)
        summary.tips += 1

        // Internet content judged illegal, its deletion requested and not yet answered.
        _ = try await hotline.submit(try InternetReportSubmission(language: "en", category: "prostitution_inducement",
                                                                  url: "https://demo.invalid/\(Self.marker.lowercased())/ad-\(year)",
                                                                  description: "\(Self.marker): an advertisement recruiting 'models' (synthetic)."))
        let analyst = HotlineActor(user: staff.internetAnalyst.auditActor, agency: staff.internetAnalyst.agency.code)
        if let item = try await hotlineStaff.internetQueue().first(where: { $0.url.contains("demo.invalid") }) {
            try await hotlineStaff.judge(item.id, .illegal, category: .prostitutionInducement, by: analyst)
            _ = try await hotlineStaff.requestDeletion(item.id, language: .en, by: analyst)
            summary.internetItems += 1
        }
        return summary
    }
}
