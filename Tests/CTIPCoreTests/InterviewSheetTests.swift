import CTIPCore
import Foundation
import Testing

@Suite("Interview sheets and the screening form")
struct InterviewSheetTests {
    @Test("the sheet speaks the police leaflet's ten languages and Portuguese, as the help page does")
    func languages() {
        #expect(InterviewSheet.languages == Array(HelpLanguages.offered.prefix(11).map(\.code)))
        #expect(Set(["ja", "en", "zh", "ko", "es", "ru", "th", "tl", "id", "vi"]).isSubset(of: Set(InterviewSheet.languages)))
    }

    @Test("every question and every word of the sheet exists in every language, none empty, none left in English by mistake")
    func complete() {
        let texts = InterviewSheet.questions.map { ($0.id, $0.text) } + InterviewSheet.words.map { ($0.key, $0.value) }
        for (id, text) in texts {
            #expect(Set(text.keys) == Set(InterviewSheet.languages), "\(id)")
            let english = text["en"] ?? ""
            #expect(!english.isEmpty, "\(id) en")
            for language in InterviewSheet.languages where language != "en" {
                let translated = (text[language] ?? "").trimmingCharacters(in: .whitespaces)
                #expect(!translated.isEmpty, "\(id) \(language) is empty")
                if InterviewSheet.nonLatinLanguages.contains(language) {
                    // Written in its own script: no run of three Latin letters, so no English was pasted in.
                    let latinRun = translated.unicodeScalars.split { !(("a"..."z").contains($0) || ("A"..."Z").contains($0)) }.contains { $0.count >= 3 }
                    #expect(!latinRun, "\(id) \(language) contains Latin words: \(translated)")
                } else if english.count > 8 {
                    #expect(translated != english, "\(id) \(language) is the English text")
                }
            }
        }
        #expect(Set(InterviewSheet.questions.map(\.id)).count == InterviewSheet.questions.count, "question ids are unique")
    }

    @Test("the questions cover every element: each act, each HTCDS method of control, the means no method shows, each purpose, age and consent")
    func coversEveryElement() {
        let informs = InterviewSheet.questions.map(\.informs)
        for act in Article3.Act.allCases { #expect(informs.contains(.act(act)), "\(act)") }
        for method in ControlMethod.allCases { #expect(informs.contains(.control(method)), "\(method)") }
        for means in Article3.Means.allCases {
            #expect(informs.contains(.means(means)) || ControlMethod.allCases.contains { $0.means == means && informs.contains(.control($0)) }
                    || [.fraud, .abuseOfPower].contains(means), "\(means)")
        }
        for purpose in Article3.Purpose.allCases { #expect(informs.contains(.purpose(purpose)), "\(purpose)") }
        #expect(informs.contains(.age) && informs.contains(.consent))
        for section in InterviewSheet.Section.allCases {
            #expect(!InterviewSheet.questions.filter { $0.section == section }.isEmpty, "\(section)")
            for language in InterviewSheet.languages { #expect(InterviewSheet.word("section.\(section.rawValue)", language) != "section.\(section.rawValue)") }
        }
    }

    @Test("each question's form field is one the screening form reads")
    func questionsNameFormFields() throws {
        for question in InterviewSheet.questions {
            var fields = [question.informs.formField: "on"]
            if question.informs == .age { fields = ["age": "16"] }
            if question.informs == .nationality { fields = ["nationality": "VNM"] }
            if question.informs == .consent { fields = ["says_they_consented": "yes"] }
            let answers = try ScreeningForm.read(fields).get()
            #expect(answers != ScreeningAnswers(), "\(question.id): \(question.informs.formField) changed nothing")
        }
    }

    @Test("the form reads checkboxes and lists alike, and names each bad field")
    func formReading() throws {
        let answers = try ScreeningForm.read(["act_recruitment": "on", "control_methods": "DebtBondage; WithholdsDocuments", "purposes": "servitude",
                                              "age": "19", "nationality": "vnm", "says_they_consented": "1"]).get()
        #expect(answers.acts == [.recruitment] && answers.controlMethods == [.debtBondage, .withholdsDocuments] && answers.purposes == [.servitude])
        #expect(answers.age == 19 && answers.nationality == "VNM" && answers.saysTheyConsented == true)
        guard case .failure(let problems) = ScreeningForm.read(["acts": "recruitment;kidnap", "age": "-3", "nationality": "Atlantis",
                                                                "says_they_consented": "maybe"]) else {
            Issue.record("bad fields were accepted"); return
        }
        #expect(problems.errors.map(\.field).sorted() == ["acts", "age", "nationality", "says_they_consented"])
        #expect(problems.errors.first { $0.field == "acts" }?.message.contains("kidnap") == true)
    }

    @Test("every reason is explained in English and Japanese, the child rule citing Art. 3 (c)")
    func explanations() {
        var answers = ScreeningAnswers()
        answers.acts = [.harbouring]
        answers.purposes = [.prostitutionOfOthers]
        answers.age = 15
        answers.saysTheyConsented = true
        let result = Article3Screening.screen(answers)
        let english = result.reasons.map { ScreeningForm.explain($0, .en) }
        let japanese = result.reasons.map { ScreeningForm.explain($0, .ja) }
        #expect(english.contains { $0.contains("15") && $0.contains("Art. 3 (c)") })
        #expect(japanese.contains { $0.contains("15歳") && $0.contains("第3条(c)") })
        #expect(zip(english, japanese).allSatisfy { $0 != $1 && !$0.isEmpty && !$1.isEmpty })
        #expect(Set(result.reasons.map(ScreeningForm.code)).count == result.reasons.count)
    }

    @Test("a result survives storage as JSON, its findings an object keyed by element")
    func resultJSON() throws {
        var answers = ScreeningAnswers()
        answers.acts = [.transfer]
        answers.controlMethods = [.debtBondage]
        answers.age = 30
        let result = Article3Screening.screen(answers)
        let data = try JSONEncoder().encode(result)
        #expect(try JSONDecoder().decode(ScreeningResult.self, from: data) == result)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["findings"] as? [String: String] == ["act": "holds", "means": "holds", "purpose": "missing"])
    }
}
