import CTIPCore
import CTIPStorage
import Foundation
import Vapor

/// Identification screening by Article 3: the form and its result under `/staff/screening`, the same as
/// JSON at `POST /api/screenings`, and the printable interview sheets. A screening that names a victim's
/// file is stored with it through `VictimFileStore` (need-to-know, audit); one that names none is not
/// stored at all.
struct ScreeningController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let pages = routes.grouped("staff", "screening")
        pages.get(use: formPage)
        pages.post(use: resultPage)
        pages.get("sheet", use: sheetPage)
        routes.grouped("api").post("screenings", use: screenJSON)
    }

    struct Screened {
        let answers: ScreeningAnswers
        let result: ScreeningResult
        let stored: StoredScreening?
    }

    /// Reads the answers, screens them and, if they name a file, attaches the screening to it.
    func screen(_ request: Request) async throws -> Screened {
        let staff = try await request.requireStaff(.screen)
        let fields = try VictimFileController.fields(request)
        let answers: ScreeningAnswers
        switch ScreeningForm.read(fields) {
        case .failure(let problems): throw CaseWorkError.invalid(problems.errors)
        case .success(let read): answers = read
        }
        let result = Article3Screening.screen(answers)
        guard let file = fields["file"]?.trimmingCharacters(in: .whitespaces), !file.isEmpty else {
            return Screened(answers: answers, result: result, stored: nil)
        }
        let stored = try await VictimFileController().store(request).attachScreening(file, answers: answers, result: result, by: staff)
        return Screened(answers: answers, result: result, stored: stored)
    }

    // MARK: JSON

    struct Labelled: Codable { let code: String; let label: String }
    struct Explained: Codable { let code: String; let text: String }
    struct AnswersJSON: Codable {
        let acts: [String], means: [String], controlMethods: [String], purposes: [String]
        let age: Int?, nationality: String?, saysTheyConsented: Bool?
    }
    struct ScreeningJSON: Codable {
        let outcome: String
        let elements: [String: String]
        let reasons: [Explained]
        let suggestedOffenses: [Labelled]
        let suggestedAgency: Labelled
        let answers: AnswersJSON
        let stored: Bool
        let screeningId: String?
        let file: String?
    }

    static func json(_ screened: Screened, language: CTIPCore.Language) -> ScreeningJSON {
        let result = screened.result, answers = screened.answers
        return ScreeningJSON(
            outcome: result.outcome.rawValue,
            elements: Dictionary(uniqueKeysWithValues: result.findings.map { ($0.key.rawValue, $0.value.rawValue) }),
            reasons: result.reasons.map { Explained(code: ScreeningForm.code($0), text: ScreeningForm.explain($0, language)) },
            suggestedOffenses: result.suggestedOffenses.map { Labelled(code: $0, label: ScreeningPages.offenseLabel($0, language)) },
            suggestedAgency: Labelled(code: result.suggestedAgency, label: ScreeningPages.agencyLabel(result.suggestedAgency, language)),
            answers: AnswersJSON(acts: Article3.Act.allCases.filter(answers.acts.contains).map(\.rawValue),
                                 means: Article3.Means.allCases.filter(answers.means.contains).map(\.rawValue),
                                 controlMethods: ControlMethod.allCases.filter(answers.controlMethods.contains).map(\.rawValue),
                                 purposes: Article3.Purpose.allCases.filter(answers.purposes.contains).map(\.rawValue),
                                 age: answers.age, nationality: answers.nationality, saysTheyConsented: answers.saysTheyConsented),
            stored: screened.stored != nil, screeningId: screened.stored?.id, file: screened.stored?.victimID)
    }

    func screenJSON(request: Request) async throws -> Response {
        let screened = try await screen(request)
        return try Response.json(Self.json(screened, language: request.staffLanguage), status: .created)
    }

    // MARK: Pages

    /// The form, empty or prefilled by a link (an inspection's findings that may be trafficking open it
    /// with their methods of control ticked): only `file` and the choices' boxes are taken from the link.
    func formPage(request: Request) async throws -> Response {
        try await request.requireStaff(.screen)
        var values = ["file": request.query[String.self, at: "file"] ?? ""]
        for (name, value) in APIContractMiddleware.query(request.url.query) where value == "on"
            && ["act_", "means_", "control_", "purpose_"].contains(where: { name.hasPrefix($0) }) {
            values[name] = "on"
        }
        return ScreeningPages.form(request, values: values, errors: [])
    }

    func resultPage(request: Request) async throws -> Response {
        do {
            return ScreeningPages.result(request, try await screen(request))
        } catch CaseWorkError.invalid(let errors) {
            return ScreeningPages.form(request, values: (try? VictimFileController.fields(request)) ?? [:], errors: errors, status: .unprocessableEntity)
        }
    }

    func sheetPage(request: Request) async throws -> Response {
        try await request.requireStaff(.screen)
        let asked = request.query[String.self, at: "lang"] ?? "en"
        guard InterviewSheet.languages.contains(asked) else {
            throw CaseWorkError.invalid([FieldError(field: "lang", message: "the interview sheet is in " + InterviewSheet.languages.joined(separator: ", "))])
        }
        let worker = request.query[String.self, at: "worker"].flatMap(CTIPCore.Language.init(rawValue:)) ?? request.preferredStaffLanguage
        return ScreeningPages.sheet(request, person: asked, worker: worker)
    }
}
