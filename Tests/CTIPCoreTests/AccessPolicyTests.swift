import CTIPCore
import Testing

@Suite("Access policy: what each role at each agency may do")
struct AccessPolicyTests {
    static let agencies = StandardAgencies.all() + [
        Agency(code: "hotline", kind: .hotline, prefecture: nil, nameEN: "Anonymous-Reporting Hot Line", nameJA: "匿名通報ダイヤル"),
    ]

    static func staff(_ agency: String, _ role: StaffRole) -> StaffIdentity {
        StaffIdentity(userID: "u1", email: "u1@example.org", agency: agencies.first { $0.code == agency }!, role: role)
    }

    @Test("the hot lines: their own staff take calls and triage, their supervisors decide rewards, the police of a prefecture answer what is forwarded, the National Police Agency receives the internet content judged illegal", arguments: [
        ("hotline", StaffRole.caseWorker, Permission.triageHotlineReports, true), ("hotline", .intake, .takeHotlineReports, true),
        ("hotline", .intake, .triageHotlineReports, false), ("hotline", .caseWorker, .decideRewards, false), ("hotline", .supervisor, .decideRewards, true),
        ("police-13", .caseWorker, .answerForwardedReports, true), ("police-13", .caseWorker, .triageHotlineReports, false),
        ("npa", .caseWorker, .answerForwardedReports, false), ("wcsc-13", .supervisor, .triageHotlineReports, false),
        ("hotline", .analyst, .triageHotlineReports, false), ("cao", .analyst, .viewStatistics, true), ("hotline", .administrator, .takeHotlineReports, false),
        ("police-13", .analyst, .answerForwardedReports, false), ("hotline", .auditor, .decideRewards, false),
        ("npa", .caseWorker, .receiveInternetReports, true), ("npa", .intake, .receiveInternetReports, true),
        ("police-13", .supervisor, .receiveInternetReports, false), ("hotline", .supervisor, .receiveInternetReports, false),
        ("npa", .analyst, .receiveInternetReports, false),
    ])
    func hotlines(agency: String, role: StaffRole, permission: Permission, allowed: Bool) {
        #expect(AccessPolicy.allows(Self.staff(agency, role), permission) == allowed)
    }

    @Test("deny by default: a role not listed for a permission never holds it, at any agency")
    func denyByDefault() {
        for permission in Permission.allCases {
            for role in StaffRole.allCases where !permission.roles.contains(role) {
                for agency in Self.agencies {
                    let staff = StaffIdentity(userID: "u", email: "u@example.org", agency: agency, role: role)
                    #expect(!AccessPolicy.allows(staff, permission), "\(role) at \(agency.code): \(permission)")
                }
            }
        }
    }

    @Test("suspects and trials are recorded by the investigating agencies and the Ministry of Justice only")
    func suspectsAndTrials() {
        #expect(AccessPolicy.allows(Self.staff("police-13", .caseWorker), .recordSuspectsAndTrials))
        #expect(AccessPolicy.allows(Self.staff("moj", .caseWorker), .recordSuspectsAndTrials))
        #expect(!AccessPolicy.allows(Self.staff("wcsc-13", .caseWorker), .recordSuspectsAndTrials))
        #expect(!AccessPolicy.allows(Self.staff("hotline", .supervisor), .recordSuspectsAndTrials))
    }

    @Test("programme oversight: the OTIT, the ISA and labour inspection keep the records; the MHLW and the MOJ read them; no one else sees them")
    func oversight() {
        #expect(AccessPolicy.allows(Self.staff("otit", .caseWorker), .recordOversight))
        #expect(AccessPolicy.allows(Self.staff("isa", .supervisor), .recordOversight))
        #expect(AccessPolicy.allows(Self.staff("labour-13", .caseWorker), .recordOversight))
        #expect(AccessPolicy.allows(Self.staff("mhlw", .analyst), .viewOversight) && !AccessPolicy.allows(Self.staff("mhlw", .caseWorker), .recordOversight))
        #expect(!AccessPolicy.allows(Self.staff("otit", .intake), .recordOversight) && AccessPolicy.allows(Self.staff("otit", .intake), .viewOversight))
        #expect(!AccessPolicy.allows(Self.staff("police-13", .supervisor), .viewOversight))
        #expect(!AccessPolicy.allows(Self.staff("wcsc-13", .caseWorker), .viewOversight))
        #expect(!AccessPolicy.allows(Self.staff("otit", .auditor), .viewOversight))
    }
}
