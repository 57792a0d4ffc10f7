import CTIPCore
import CTIPStorage
import Fluent
import Vapor

/// `/help`, `/api/public/help` and `/help/card`: public, no account, nothing about the asker is kept
/// or logged (the query says what happened to someone).
struct HelpController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("help", use: page)
        routes.get("help", "card", use: card)
        routes.get("api", "public", "help", use: api)
    }

    /// What was asked, read leniently: bad values become notices, never an empty page.
    struct Question {
        let topic: String
        let language: String
        let emergency: Bool
        let at: JapanTime
        /// The `at` that could not be read, with why.
        let badTime: InvalidInstant?

        init(_ request: Request) {
            topic = request.query[String.self, at: "topic"] ?? ""
            language = request.query[String.self, at: "lang"] ?? request.acceptedHelpLanguage ?? "en"
            emergency = ["1", "true", "on", "yes"].contains((request.query[String.self, at: "emergency"] ?? "").lowercased())
            let now = request.nowInJapan
            if let text = request.query[String.self, at: "at"], !text.isEmpty {
                do { at = try JapanTime(iso: JapanTime.repairingQueryPlus(text)); badTime = nil } catch { at = now; badTime = error }
            } else {
                at = now; badTime = nil
            }
        }
    }

    /// The directory in the database; the shipped one if the database fails, so that the emergency
    /// numbers and the services still appear.
    static func directory(_ request: Request) async -> HelpDirectory {
        do { return try await HelpDirectoryStore(database: request.db).load() }
        catch {
            request.logger.error("help directory unreadable, answering from the shipped list: \(String(describing: error))")
            return HelpDirectory.shipped
        }
    }

    func page(request: Request) async throws -> Response {
        let question = Question(request)
        let answer = HelpFinder(directory: await Self.directory(request))
            .find(topic: question.topic, language: question.language, emergency: question.emergency, at: question.at)
        let model = HelpPageModel(text: HelpText(language: HelpLanguages.normalise(question.language) ?? "en"), answer: answer,
                                  askedTopic: answer.topic?.rawValue ?? "",
                                  badTime: question.badTime != nil)
        return html(HelpPage.render(model), language: model.text.language, status: question.badTime == nil ? .ok : .badRequest)
    }

    func api(request: Request) async throws -> Response {
        let question = Question(request)
        if let badTime = question.badTime { return try await Self.refused(request, problem: "at: \(badTime.description)") }
        let json = HelpAnswerJSON(HelpFinder(directory: await Self.directory(request))
            .find(topic: question.topic, language: question.language, emergency: question.emergency, at: question.at))
        return Self.json(json, status: .ok)
    }

    /// A question that does not follow the document is refused, but the emergency numbers still come back.
    static func refused(_ request: Request, _ violation: SchemaViolation) async throws -> Response {
        try await refused(request, problem: violation.description)
    }

    static func refused(_ request: Request, problem: String) async throws -> Response {
        let now = request.nowInJapan
        let emergencyOnly = HelpDirectory(services: await directory(request).services.filter(\.emergency))
        let language = String((request.query[String.self, at: "lang"] ?? request.acceptedHelpLanguage ?? "en").prefix(35))
        var json = HelpAnswerJSON(HelpFinder(directory: emergencyOnly).find(topic: nil, language: language, emergency: true, at: now))
        json.error = problem
        return Self.json(json, status: .badRequest)
    }

    static func json(_ answer: HelpAnswerJSON, status: HTTPResponseStatus) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.add(name: .cacheControl, value: "no-store")
        return Response(status: status, headers: headers, body: .init(data: answer.data()))
    }

    func card(request: Request) async throws -> Response {
        let language = HelpLanguages.normalise(request.query[String.self, at: "lang"] ?? request.acceptedHelpLanguage ?? "en") ?? "en"
        let text = HelpText(language: language)
        let topic = HelpTopic(rawValue: request.query[String.self, at: "topic"] ?? "") ?? .labour
        let organisation = (request.query[String.self, at: "org"] ?? "").trimmingCharacters(in: .whitespaces)
        let phone = (request.query[String.self, at: "phone"] ?? "").trimmingCharacters(in: .whitespaces)
        guard !organisation.isEmpty, !phone.isEmpty else {
            return html(HelpCardPage.form(text, topic: topic), language: text.language, status: .ok)
        }
        let now = request.nowInJapan
        let directory = await Self.directory(request)
        let finder = HelpFinder(directory: directory)
        // The services of the card's topic first, then the human rights and immigration lines that
        // Figure 13 lists for everyone; each group in directory order, not by what is open now: a card
        // is kept for months.
        var seen: Set<String> = []
        var entries: [HelpAnswer.Entry] = []
        let position = Dictionary(uniqueKeysWithValues: directory.services.enumerated().map { ($1.id, $0) })
        for asked in [topic, .humanRights, .immigration] {
            let found = finder.find(topic: asked.rawValue, language: language, emergency: false, at: now).entries
                .sorted { position[$0.service.id, default: 0] < position[$1.service.id, default: 0] }
            for entry in found where seen.insert(entry.service.id).inserted { entries.append(entry) }
        }
        let answer = HelpAnswer(topic: topic, language: language, emergency: false, at: now, entries: entries, notices: [])
        let model = HelpCardModel(text: text, organisation: organisation, phone: phone,
                                  hours: (request.query[String.self, at: "hours"] ?? "").trimmingCharacters(in: .whitespaces),
                                  topic: topic, layout: HelpCardModel.Layout(rawValue: request.query[String.self, at: "layout"] ?? "") ?? .sheet,
                                  answer: answer)
        return html(HelpCardPage.render(model), language: text.language, status: .ok)
    }

    private func html(_ page: String, language: String, status: HTTPResponseStatus) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.add(name: .contentLanguage, value: language)
        headers.add(name: .cacheControl, value: "no-store")
        return Response(status: status, headers: headers, body: .init(string: page))
    }
}

extension Request {
    /// The first language of Accept-Language, as ISO 639-1.
    var acceptedHelpLanguage: String? {
        guard let first = headers.first(name: .acceptLanguage)?.split(separator: ",").first else { return nil }
        return HelpLanguages.normalise(String(first.split(separator: ";").first ?? first).trimmingCharacters(in: .whitespaces))
    }
}
