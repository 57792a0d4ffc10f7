import CTIPCore
import Testing

/// The rules of the year's work on the whole report: a ministry writes and submits its own text, the
/// secretariat requests, returns (saying why) and accepts, and nobody else does anything.
@Suite("Whole report: who may do what to a contribution")
struct ContributionWorkflowTests {
    static func staff(_ agency: String, _ role: StaffRole) -> StaffIdentity {
        StaffIdentity(userID: "u", email: "u@example.org", agency: AccessPolicyTests.agencies.first { $0.code == agency }!, role: role)
    }

    @Test("each role's permissions: contributors write their own ministry's, the secretariat of the Cabinet Secretariat manages", arguments: [
        ("cao", StaffRole.contributor, Permission.contributeToReport, true), ("cao", .contributor, .manageReport, false),
        ("cas", .secretariat, .manageReport, true), ("cas", .secretariat, .contributeToReport, false),
        ("mhlw", .secretariat, .manageReport, false), ("cas", .analyst, .manageReport, false), ("cas", .administrator, .manageReport, false),
        ("police-13", .supervisor, .contributeToReport, false), ("cas", .secretariat, .viewCases, false), ("cas", .secretariat, .viewStatistics, false),
    ])
    func permissions(agency: String, role: StaffRole, permission: Permission, allowed: Bool) {
        #expect(AccessPolicy.allows(Self.staff(agency, role), permission) == allowed)
    }

    @Test("a contributor writes only the contributions their ministry is named in, a joint one included")
    func ownMinistry() {
        let cao = Self.staff("cao", .contributor)
        #expect(ReportWorkAccess.mayWrite(cao, ministries: ["cao"]))
        #expect(ReportWorkAccess.mayWrite(cao, ministries: ["npa", "cao"]))
        #expect(!ReportWorkAccess.mayWrite(cao, ministries: ["mhlw"]))
        #expect(!ReportWorkAccess.mayWrite(cao, ministries: []))
        #expect(!ReportWorkAccess.mayRead(cao, ministries: ["mhlw"]))
        #expect(ReportWorkAccess.mayRead(Self.staff("cas", .secretariat), ministries: ["mhlw"]))
        #expect(!ReportWorkAccess.mayWrite(Self.staff("cas", .secretariat), ministries: ["cas"]))
        #expect(!ReportWorkAccess.mayOpenBoard(Self.staff("cao", .analyst)))
        #expect(ContributionActor.of(Self.staff("mhlw", .contributor), ministries: ["cao"]) == .other)
    }

    @Test("the states: a draft is submitted, a submission accepted or returned with a comment, a returned text edited again")
    func transitions() {
        func next(_ action: ContributionAction, _ actor: ContributionActor, _ state: ContributionState, comment: String = "", text: String = "text")
            -> Result<ContributionState, ContributionWorkflowError> {
            ContributionWorkflow.next(after: action, by: actor, from: state, comment: comment, text: text)
        }
        #expect(next(.edit, .ownMinistry, .requested) == .success(.drafted))
        #expect(next(.submit, .ownMinistry, .drafted) == .success(.submitted))
        #expect(next(.submit, .ownMinistry, .drafted, text: "  \n") == .failure(.textRequired))
        #expect(next(.accept, .secretariat, .submitted) == .success(.accepted))
        #expect(next(.accept, .secretariat, .drafted) == .failure(.notNow(action: .accept, state: .drafted)))
        #expect(next(.return, .secretariat, .submitted) == .failure(.commentRequired))
        #expect(next(.return, .secretariat, .submitted, comment: "Give FY2025's figure.") == .success(.returned))
        #expect(next(.return, .secretariat, .accepted, comment: "A second look.") == .success(.returned))
        #expect(next(.edit, .ownMinistry, .returned) == .success(.drafted))
        #expect(next(.edit, .ownMinistry, .accepted) == .failure(.notNow(action: .edit, state: .accepted)))
        #expect(next(.edit, .secretariat, .drafted) == .failure(.denied(action: .edit)))
        #expect(next(.accept, .ownMinistry, .submitted) == .failure(.denied(action: .accept)))
        #expect(next(.request, .ownMinistry, .requested) == .failure(.denied(action: .request)))
        #expect(next(.comment, .other, .drafted, comment: "x") == .failure(.denied(action: .comment)))
        #expect(next(.comment, .secretariat, .accepted, comment: "Fine.") == .success(.accepted))
        #expect(ContributionWorkflow.available(to: .secretariat, in: .submitted, hasText: true) == [.return, .accept, .comment])
        #expect(ContributionWorkflow.available(to: .ownMinistry, in: .drafted, hasText: true) == [.edit, .submit, .comment])
        #expect(ContributionWorkflow.available(to: .ownMinistry, in: .accepted, hasText: true) == [.comment])
    }

    @Test("every refusal is said in English and Japanese and names the form's field")
    func messages() {
        let errors: [ContributionWorkflowError] = [.denied(action: .edit), .notNow(action: .accept, state: .drafted), .commentRequired, .textRequired,
                                                   .stale(opened: 3, current: 4), .published(year: 2024), .noSuchContribution(id: "C2025-9"),
                                                   .noSuchItem(number: "9 (9)"), .deadlinePassed(deadline: Day(year: 2026, month: 1, day: 1)!)]
        for error in errors {
            #expect(!error.message(.en).isEmpty && error.message(.ja) != error.message(.en))
        }
        #expect(ContributionWorkflowError.commentRequired.field == "comment")
        #expect(ContributionWorkflowError.stale(opened: 3, current: 4).message(.en).contains("version 3, now 4"))
    }

    @Test("the difference from last year, word by word: the parts join back into both texts")
    func difference() {
        let old = "The Cabinet Office printed about 46,000 posters in 2024."
        let new = "The Cabinet Office printed about 51,000 posters and leaflets in 2025."
        let parts = TextDifference.parts(from: old, to: new)
        #expect(parts.contains(.removed("46,000")) && parts.contains(.added("51,000")))
        #expect(parts.contains(.added("and leaflets ")) || parts.contains(.added(" and leaflets")))
        let kept = parts.map { part -> (String, String) in
            switch part {
            case .same(let text): (text, text)
            case .removed(let text): (text, "")
            case .added(let text): ("", text)
            }
        }
        #expect(kept.map(\.0).joined() == old && kept.map(\.1).joined() == new)
        #expect(!TextDifference.differs("Same  words.", "Same words."))
        #expect(TextDifference.parts(from: "内閣府は作成した。", to: "内閣府は配布した。").contains(.added("配布")))
    }
}
