import CTIPCore
import Testing

@Suite("Protection timeline")
struct ProtectionTimelineTests {
    @Test("a foreign victim's path: identified by immigration, protected, status changed, returned through IOM, reintegrated")
    func foreignPath() throws {
        var timeline = ProtectionTimeline(foreignNational: true)
        try timeline.add(.init(step: .identification, on: Day(iso: "2024-03-01")!, agency: "immigration"))
        try timeline.add(.init(step: .protectionRequested, on: Day(iso: "2024-03-01")!, agency: "immigration"))
        try timeline.add(.init(step: .womenSupportCenterProtection, on: Day(iso: "2024-03-02")!, agency: "women_support_center"))
        try timeline.add(.init(step: .residenceStatusChanged, on: Day(iso: "2024-03-20")!, agency: "immigration"))
        try timeline.add(.init(step: .iomVoluntaryReturn, on: Day(iso: "2024-06-10")!, agency: "iom"))
        try timeline.add(.init(step: .reintegrationSupport, on: Day(iso: "2024-09-01")!, agency: "iom"))
        #expect(timeline.supportEvents.map(\.event) == ["isa_protection", "wcsc_temporary_protection", "residence_status_change_permitted",
                                                        "iom_voluntary_return", "iom_reintegration_support"])
    }

    @Test("steps out of order, for the wrong person or by the wrong agency are refused, and nothing is half-written")
    func refusals() throws {
        var timeline = ProtectionTimeline(foreignNational: false)
        #expect(throws: TimelineViolation.missingPrerequisite(step: .counseling, requires: .identification)) {
            try timeline.add(.init(step: .counseling, on: Day(iso: "2024-01-01")!, agency: "police"))
        }
        try timeline.add(.init(step: .identification, on: Day(iso: "2024-01-05")!, agency: "police"))
        #expect(throws: TimelineViolation.beforePrerequisite(step: .counseling, requires: .identification, on: Day(iso: "2024-01-05")!)) {
            try timeline.add(.init(step: .counseling, on: Day(iso: "2024-01-04")!, agency: "police"))
        }
        #expect(throws: TimelineViolation.foreignNationalsOnly(.iomVoluntaryReturn)) {
            try timeline.add(.init(step: .iomVoluntaryReturn, on: Day(iso: "2024-02-01")!, agency: "iom"))
        }
        #expect(throws: TimelineViolation.missingPrerequisite(step: .privateShelter, requires: .protectionRequested)) {
            try timeline.add(.init(step: .privateShelter, on: Day(iso: "2024-02-01")!, agency: "ngo"))
        }
        #expect(throws: TimelineViolation.agencyNotResponsible(.legalAid, agency: "police")) {
            try timeline.add(.init(step: .legalAid, on: Day(iso: "2024-02-01")!, agency: "police"))
        }
        #expect(throws: TimelineViolation.duplicateIdentification) {
            try timeline.add(.init(step: .identification, on: Day(iso: "2024-02-01")!, agency: "police"))
        }
        #expect(timeline.entries.count == 1)
    }

    @Test("nothing happens in Japan after the return home")
    func afterReturn() throws {
        var timeline = ProtectionTimeline(foreignNational: true)
        try timeline.add(.init(step: .identification, on: Day(iso: "2024-03-01")!, agency: "police"))
        try timeline.add(.init(step: .iomVoluntaryReturn, on: Day(iso: "2024-04-01")!, agency: "iom"))
        #expect(throws: TimelineViolation.afterReturnHome(.legalAid, returnedOn: Day(iso: "2024-04-01")!)) {
            try timeline.add(.init(step: .legalAid, on: Day(iso: "2024-05-01")!, agency: "houterasu"))
        }
        try timeline.add(.init(step: .monitoring, on: Day(iso: "2024-05-01")!, agency: "iom"))
        #expect(timeline.supportEvents.map(\.event) == ["iom_voluntary_return"])
    }

    @Test("what a timeline awaits: counselling after identification, a shelter after a request, reintegration after a return — oldest first, settled by the step")
    func awaitedSteps() {
        func entry(_ step: ProtectionStep, _ day: String) -> TimelineEntry { TimelineEntry(step: step, on: Day(iso: day)!, agency: "police-13") }
        #expect(AwaitedStep.awaited(by: []).isEmpty, "no step, nothing awaited: the file is not yet identified")
        let identified = [entry(.identification, "2024-03-05")]
        #expect(AwaitedStep.awaited(by: identified) == [AwaitedStep(kind: .counseling, since: Day(iso: "2024-03-05")!)])
        let requested = identified + [entry(.counseling, "2024-03-06"), entry(.protectionRequested, "2024-03-04")]
        #expect(AwaitedStep.awaited(by: requested) == [AwaitedStep(kind: .placement, since: Day(iso: "2024-03-04")!)])
        for shelter in [ProtectionStep.womenSupportCenterProtection, .privateShelter, .mojTemporaryAccommodation] {
            #expect(AwaitedStep.awaited(by: requested + [entry(shelter, "2024-03-07")]).isEmpty, "\(shelter) settles the placement")
        }
        let returned = [entry(.identification, "2024-06-01"), entry(.iomVoluntaryReturn, "2024-06-10"), entry(.protectionRequested, "2024-06-02")]
        #expect(AwaitedStep.awaited(by: returned).map(\.kind) == [.counseling, .placement, .reintegration], "oldest first")
        #expect(AwaitedStep.awaited(by: returned + [entry(.reintegrationSupport, "2024-09-01")]).map(\.kind) == [.counseling, .placement])
    }

    @Test("within a day, every step comes after the steps it requires: the order a timeline is read back in")
    func sameDayOrder() throws {
        for step in ProtectionStep.allCases {
            for required in step.requires { #expect(required.order < step.order, "\(required) before \(step)") }
        }
        // Read back with a same-day counselling first, the timeline must still accept the steps in `order`.
        let day = Day(iso: "2026-04-02")!
        var timeline = ProtectionTimeline(foreignNational: true)
        for entry in [TimelineEntry(step: .counseling, on: day, agency: "police"), TimelineEntry(step: .identification, on: day, agency: "police")]
            .sorted(by: { ($0.on, $0.step.order) < ($1.on, $1.step.order) }) {
            try timeline.add(entry)
        }
        #expect(timeline.entries.map(\.step) == [.identification, .counseling])
    }
}
