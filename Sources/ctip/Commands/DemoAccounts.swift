import ArgumentParser
import CTIPCore
import CTIPStorage
import CTIPWeb
import Foundation

/// The demo's staff: one account per role and kind of agency that a newcomer should try, all with
/// one password made for this demo database, and synthetic activity written by them (`DemoActivity`).
enum DemoAccounts {
    /// (e-mail, agency, role, what to try with it).
    static let accounts: [(email: String, agency: String, role: StaffRole, tryThis: String)] = [
        ("police.caseworker@demo.ctip.invalid", "police-13", .caseWorker, "victim files, screening, referrals, cleared cases"),
        ("police.supervisor@demo.ctip.invalid", "police-13", .supervisor, "overriding consent, the directory, statistics"),
        ("police.intake@demo.ctip.invalid", "police-13", .intake, "opening a file, answering forwarded tips"),
        ("shelter.caseworker@demo.ctip.invalid", "wcsc-13", .caseWorker, "the referral waiting for an answer, whereabouts"),
        ("hotline.intake@demo.ctip.invalid", "hotline", .intake, "phone intake of tips"),
        ("hotline.triage@demo.ctip.invalid", "hotline", .caseWorker, "the triage queue (danger to life first)"),
        ("hotline.supervisor@demo.ctip.invalid", "hotline", .supervisor, "rewards"),
        ("internet.analyst@demo.ctip.invalid", "ihc", .caseWorker, "internet content and deletion requests"),
        ("npa.officer@demo.ctip.invalid", "npa", .intake, "internet content reported to the police"),
        ("analyst@demo.ctip.invalid", "cas", .analyst, "statistics and the annual report, never a person"),
        ("auditor@demo.ctip.invalid", "cas", .auditor, "the audit trail"),
        ("administrator@demo.ctip.invalid", "cas", .administrator, "staff accounts"),
        ("otit.inspector@demo.ctip.invalid", "otit", .caseWorker, "programme oversight: the registry, the inspection plan, findings that may be trafficking"),
        ("labour.official@demo.ctip.invalid", "labour-13", .caseWorker, "programme oversight as a Labour Bureau: inspections, asking the OTIT to inspect jointly"),
        ("contributor@demo.ctip.invalid", "cao", .contributor, "the Cabinet Office's registers of the measures and its part of the annual report"),
        ("secretariat@demo.ctip.invalid", "cas", .secretariat, "the whole annual report: requests, review, approval, publication"),
    ]

    static func isLoopback(_ host: String) -> Bool {
        ["127.0.0.1", "::1", "localhost"].contains(host) || host.hasPrefix("127.")
    }

    /// Makes the accounts and the activity the first time, and prints how to sign in every time.
    static func prepare(url: DatabaseURL, cipher: FieldCipher?) async throws {
        let password = try demoPassword(for: url)
        try await withStorage(url) { storage in
            let store = AccountStore(database: storage.database)
            var made: [String: StaffIdentity] = [:]
            for account in accounts {
                if let existing = try await store.account(email: account.email) {
                    made[account.email] = existing.identity
                } else {
                    // bcrypt's cost 10: these passwords guard synthetic data on a loopback address.
                    made[account.email] = try await StaffAccounts.create(email: account.email, password: password, agency: account.agency,
                                                                         role: account.role, cost: 10, database: storage.database)
                }
            }
            if let cipher, let police = made["police.caseworker@demo.ctip.invalid"], let triage = made["hotline.triage@demo.ctip.invalid"], let analyst = made["internet.analyst@demo.ctip.invalid"] {
                let hasher = try PasscodeHasher.load(keyFile: PasscodeHasher.keyFile(for: url))
                let activity = DemoActivity(database: storage.database, cipher: cipher, hasher: hasher)
                if let summary = try await activity.seed(by: .init(policeCaseWorker: police, hotlineAnalyst: triage, internetAnalyst: analyst)) {
                    print("made DEMO activity: \(summary.victimFiles) victim files, \(summary.screenings) screening, \(summary.referrals) referral waiting, "
                          + "\(summary.tips) tips (one forwarded to the police), \(summary.internetItems) internet item awaiting deletion (all synthetic, marked DEMO)")
                }
            }
        }
        print("Demo staff accounts (password for all: \(password)) — sign in at /login:")
        for account in accounts {
            print("  \(account.email.padding(toLength: 38, withPad: " ", startingAt: 0)) \(account.role.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0)) \(account.agency.padding(toLength: 10, withPad: " ", startingAt: 0)) \(account.tryThis)")
        }
    }

    /// One password per demo database, kept beside it (mode 600) so every start prints the same one.
    static func demoPassword(for url: DatabaseURL) throws -> String {
        let file: String
        switch url {
        case .sqlite(let path): file = path + ".demo-password"
        case .postgres: file = "ctip-demo.password"
        }
        if let text = try? String(contentsOfFile: file, encoding: .utf8), text.trimmingCharacters(in: .whitespacesAndNewlines).count >= 12 {
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let password = StaffAccounts.generatedPassword()
        guard FileManager.default.createFile(atPath: file, contents: Data((password + "\n").utf8), attributes: [.posixPermissions: 0o600]) else {
            throw ValidationError("cannot write the demo password file \(file)")
        }
        return password
    }
}
