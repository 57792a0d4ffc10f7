import CTIPCore
import Testing

/// Screening cases written from the Protocol's Article 3 (the seed's section 1 (1)).
@Suite("Article 3 screening")
struct Article3ScreeningTests {
    /// An adult recruited by deception for the prostitution of others: every element holds.
    private var complete: ScreeningAnswers {
        var answers = ScreeningAnswers()
        answers.acts = [.recruitment]
        answers.controlMethods = [.falsePromises]
        answers.purposes = [.prostitutionOfOthers]
        answers.age = 24
        return answers
    }

    @Test("act, means and purpose together meet the definition")
    func meets() {
        let result = Article3Screening.screen(complete)
        #expect(result.outcome == .meetsDefinition)
        #expect(result.findings == [.act: .holds, .means: .holds, .purpose: .holds])
        #expect(result.reasons.contains(.meansShownByControl([.falsePromises])))
        #expect(result.suggestedOffenses.contains("anti_prostitution_act"))
    }

    @Test("each element missing in turn leaves only a possible case, naming what is missing", arguments: [ScreeningResult.Element.act, .means, .purpose])
    func eachElementMissing(element: ScreeningResult.Element) {
        var answers = complete
        switch element {
        case .act: answers.acts = []
        case .means: answers.controlMethods = []
        case .purpose: answers.purposes = []
        }
        let result = Article3Screening.screen(answers)
        #expect(result.outcome == .possible)
        #expect(result.findings[element] == .missing)
        #expect(result.findings.filter { $0.value == .missing }.count == 1)
    }

    @Test("a child needs no means (Art. 3 (c)); eighteen is an adult")
    func childRule() {
        var answers = complete
        answers.controlMethods = []
        answers.age = 16
        let child = Article3Screening.screen(answers)
        #expect(child.outcome == .meetsDefinition && child.findings[.means] == .notRequired)
        #expect(child.reasons.contains(.childNeedsNoMeans(age: 16)))
        #expect(child.suggestedOffenses.prefix(3).contains("child_welfare_act"))
        answers.age = 18
        #expect(Article3Screening.screen(answers).outcome == .possible)
        answers.age = nil
        let unknown = Article3Screening.screen(answers)
        #expect(unknown.outcome == .possible && unknown.reasons.contains(.ageUnknownWithoutMeans))
    }

    @Test("consent is irrelevant once a means was used (Art. 3 (b)), and never makes a case")
    func consent() {
        var answers = complete
        answers.saysTheyConsented = true
        let withMeans = Article3Screening.screen(answers)
        #expect(withMeans.outcome == .meetsDefinition && withMeans.reasons.contains(.consentIrrelevant))
        answers.controlMethods = []
        let withoutMeans = Article3Screening.screen(answers)
        #expect(withoutMeans.outcome == .possible && !withoutMeans.reasons.contains(.consentIrrelevant))
    }

    @Test("a method of control is evidence of a means; nothing seen is not indicated")
    func indicators() {
        var answers = ScreeningAnswers()
        #expect(Article3Screening.screen(answers).outcome == .notIndicated)
        answers.age = 15
        #expect(Article3Screening.screen(answers).outcome == .notIndicated)
        answers.controlMethods = [.debtBondage, .withholdsDocuments]
        answers.age = 30
        answers.nationality = "PHL"
        let result = Article3Screening.screen(answers)
        #expect(result.outcome == .possible && result.findings[.means] == .holds)
        #expect(result.suggestedAgency == "immigration" && result.suggestedOffenses.contains("immigration_control_act"))
        #expect(ControlMethod.debtBondage.means == .abuseOfVulnerability && ControlMethod.physicalThreats.means == .threatOrUseOfForce)
    }

    @Test("the agency to protect the person follows who they are and what was done")
    func agency() {
        var answers = complete
        #expect(Article3Screening.screen(answers).suggestedAgency == "women_support_center")
        answers.purposes = [.forcedLabourOrServices]
        #expect(Article3Screening.screen(answers).suggestedAgency == "labour_inspection")
        answers.age = 12
        answers.purposes = [.otherSexualExploitation]
        #expect(Article3Screening.screen(answers).suggestedAgency == "police")
    }
}
