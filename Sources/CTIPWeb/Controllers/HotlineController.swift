import CTIPCore
import CTIPStorage
import Fluent
import Vapor

/// The public side of the Anonymous-Reporting Hot Line (`/report`) and the Internet Hotline Center
/// (`/internet-hotline`), as pages and as JSON (`/api/public/tips`, `/api/public/internet-reports`), and
/// `/report/status` for reporters to follow their report.
///
/// Anonymity: no handler reads the reporter's address, browser or cookies, except the rate limiter,
/// which keeps only a keyed hash for the length of its window. Vapor's request log line has the method
/// and path only; the passcode never travels in a URL. No cookie is ever set.
struct HotlineController: RouteCollection {
    let hasher: PasscodeHasher
    let writer: TipBatchWriter
    let submissions: AnonymousRateLimiter
    let lookups: AnonymousRateLimiter
    /// The clock reports are stamped with (`WebConfiguration.now`, so tests fix it).
    let now: @Sendable () -> Date

    init(app: Application) throws {
        hasher = try PasscodeHasher.load(keyFile: PasscodeHasher.keyFile(for: app.databaseURL))
        writer = TipBatchWriter(database: app.db)
        submissions = .fromEnvironment("CTIP_HOTLINE_RATE_LIMIT", scope: "submit", defaultLimit: 20, secret: hasher)
        lookups = .fromEnvironment("CTIP_HOTLINE_LOOKUP_LIMIT", scope: "lookup", defaultLimit: 30, secret: hasher)
        now = app.ctipConfiguration.now
    }

    func boot(routes: any RoutesBuilder) throws {
        let limitedBody = ByteCount(value: HotlineLimits.bodyBytes)
        // The body's size first (the reporter's own words when it is too large), then the document.
        let guarded = routes.grouped(HotlineBodyLimitMiddleware(), APIContractMiddleware())
        guarded.get("report", use: { try await self.form(.tip, $0) })
        guarded.on(.POST, "report", body: .collect(maxSize: limitedBody), use: { try await self.submitForm(.tip, $0) })
        guarded.get("internet-hotline", use: { try await self.form(.internet, $0) })
        guarded.on(.POST, "internet-hotline", body: .collect(maxSize: limitedBody), use: { try await self.submitForm(.internet, $0) })
        guarded.on(.POST, "api", "public", "tips", body: .collect(maxSize: limitedBody), use: { try await self.submitJSON(.tip, $0) })
        guarded.on(.POST, "api", "public", "internet-reports", body: .collect(maxSize: limitedBody), use: { try await self.submitJSON(.internet, $0) })
        guarded.get("report", "status", use: statusForm)
        guarded.on(.POST, "report", "status", body: .collect(maxSize: limitedBody), use: { try await self.status($0, action: nil) })
        guarded.on(.POST, "report", "status", "answer", body: .collect(maxSize: limitedBody), use: { try await self.status($0, action: .answer) })
        guarded.on(.POST, "report", "status", "claim", body: .collect(maxSize: limitedBody), use: { try await self.status($0, action: .claim) })
    }

    func store(_ request: Request) -> HotlineStore { HotlineStore(database: request.db, hasher: hasher, writer: writer, clock: now) }

    // MARK: Submitting

    func form(_ form: HotlinePages.Form, _ request: Request) async throws -> Response {
        let t = HotlineText(language: request.hotlineLanguage(nil))
        return Self.html(HotlinePages.form(form, t), t, status: .ok)
    }

    func submitForm(_ form: HotlinePages.Form, _ request: Request) async throws -> Response {
        let fields = (try? request.content.decode([String: String].self)) ?? [:]
        let t = HotlineText(language: request.hotlineLanguage(fields["lang"]))
        guard try await allowed(request, by: submissions) else {
            return Self.html(HotlinePages.form(form, t, .init(values: fields, error: t["err.rateLimited"])), t, status: .tooManyRequests)
        }
        do {
            let issued = try await submit(form, fields, request)
            return Self.html(HotlinePages.issued(form, t, issued), t, status: .created)
        } catch let error as HotlineInputError {
            return Self.html(HotlinePages.form(form, t, .init(values: fields, error: t.error(error), errorField: error.field)), t, status: .badRequest)
        } catch {
            request.logger.error("hotline: a report could not be saved: \(String(reflecting: error))")
            return Self.html(HotlinePages.form(form, t, .init(values: fields, error: t["err.saved"])), t, status: .serviceUnavailable)
        }
    }

    func submitJSON(_ form: HotlinePages.Form, _ request: Request) async throws -> Response {
        // The body follows the document (`APIContractMiddleware`); `danger_now: false` is no danger.
        var fields = request.storage[APIBodyKey.self] ?? [:]
        if fields["danger_now"] != "true" { fields["danger_now"] = nil }
        let t = HotlineText(language: request.hotlineLanguage(fields["lang"]))
        guard try await allowed(request, by: submissions) else {
            let response = Self.json(["error": t["err.rateLimited"]], status: .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(submissions.secondsLeft(now: Int(now().timeIntervalSince1970))))
            return response
        }
        do {
            let issued = try await submit(form, fields, request)
            return try Response.json(HotlineReceipt(receipt: issued.receipt, passcode: issued.passcode), status: .created)
        } catch let error as HotlineInputError {
            return Self.json(["error": "\(error.field): \(t.error(error))", "field": error.field], status: .badRequest)
        } catch {
            request.logger.error("hotline: a report could not be saved: \(String(reflecting: error))")
            let response = Self.json(["error": t["err.saved"]], status: .serviceUnavailable)
            response.headers.replaceOrAdd(name: .retryAfter, value: "5")
            return response
        }
    }

    /// A report that does not follow the document, refused in the reporter's language, naming the field.
    static func refused(_ request: Request, _ violation: SchemaViolation) -> Response {
        let sent = (try? request.body.data.map { try JSONDecoder().decode([String: JSONInput].self, from: Data(buffer: $0)) }) ?? nil
        var chosen: String?
        if case .string(let lang)? = sent?["lang"] { chosen = lang }
        let t = HotlineText(language: request.hotlineLanguage(chosen))
        let field = violation.path.split(separator: ".").first.map(String.init) ?? ""
        guard !field.isEmpty else { return json(["error": "body: " + t["err.format"], "field": "body"], status: .badRequest) }
        let problem: HotlineInputError.Problem?
        switch (violation.kind, field) {
        case (.missing, _): problem = .missing
        case (.notListed, "lang"): problem = .unknownLanguage
        case (.notListed, "category"): problem = .unknownCategory
        case (.notListed, "prefecture"): problem = .unknownPrefecture
        case (.tooLong(let limit), _): problem = .tooLong(limit: limit)
        case (_, "url"):
            if case .string(let url)? = sent?["url"] {
                do { _ = try URLNormaliser.normalise(url); problem = nil } catch { problem = .malformedURL(error) }
            } else { problem = nil }
        case (.pattern, _), (.tooShort, _):
            if case .string(let text)? = sent?[field], text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { problem = .missing }
            else { problem = .controlCharacters }
        default: problem = nil
        }
        let message = "\(field): " + (problem.map { t.error(HotlineInputError(field: field, problem: $0)) } ?? (field == "url" ? t["err.url"] : t["err.format"]))
        return json(["error": message, "field": field], status: .badRequest)
    }

    func submit(_ form: HotlinePages.Form, _ fields: [String: String], _ request: Request) async throws -> HotlineCredentialsIssued {
        switch form {
        case .tip:
            let tip = try TipSubmission(language: fields["lang"], category: fields["category"], prefecture: fields["prefecture"],
                                        description: fields["description"], dangerNow: fields["danger_now"] != nil,
                                        prefectures: Set(CodeLists.shipped.prefectureOrder))
            let issued = try await store(request).submit(tip)
            if tip.dangerNow { request.logger.critical("hotline: a tip reported as danger to life is waiting for triage") }
            return issued
        case .internet:
            return try await store(request).submit(InternetReportSubmission(language: fields["lang"], category: fields["category"],
                                                                               url: fields["url"], description: fields["description"]))
        }
    }

    // MARK: Following a report

    enum StatusAction { case answer, claim }

    func statusForm(_ request: Request) async throws -> Response {
        let t = HotlineText(language: request.hotlineLanguage(nil))
        return Self.html(HotlinePages.statusForm(t), t, status: .ok)
    }

    func status(_ request: Request, action: StatusAction?) async throws -> Response {
        let fields = (try? request.content.decode([String: String].self)) ?? [:]
        let t = HotlineText(language: request.hotlineLanguage(fields["lang"]))
        let receipt = fields["receipt"] ?? "", passcode = fields["passcode"] ?? ""
        guard try await allowed(request, by: lookups) else {
            return Self.html(HotlinePages.statusForm(t, .init(values: ["receipt": receipt], error: t["err.rateLimited"])), t, status: .tooManyRequests)
        }
        let store = store(request)
        var notice: String?
        var status = HTTPResponseStatus.ok
        do {
            switch action {
            case .answer?: try await store.answer(receipt: receipt, passcode: passcode, text: fields["answer"] ?? ""); notice = t["answered"]
            case .claim?: try await store.claimReward(receipt: receipt, passcode: passcode); notice = t["claimed"]
            case nil: break
            }
        } catch let error as HotlineInputError {
            notice = t.error(error); status = .badRequest
        } catch HotlineStoreError.notAllowed {
            notice = t["err.notAllowed"]; status = .conflict
        } catch HotlineStoreError.noSuchReport {
            return Self.html(HotlinePages.statusForm(t, .init(values: ["receipt": receipt], error: t["err.noSuchReport"], errorField: "receipt")), t, status: .notFound)
        }
        do {
            let view = try await store.reporterView(receipt: receipt, passcode: passcode)
            return Self.html(HotlinePages.status(t, view, passcode: HotlineCredentials.canonicalPasscode(passcode) ?? passcode, notice: notice), t, status: status)
        } catch HotlineStoreError.noSuchReport {
            return Self.html(HotlinePages.statusForm(t, .init(values: ["receipt": receipt], error: t["err.noSuchReport"], errorField: "receipt")), t, status: .notFound)
        }
    }

    // MARK: Helpers

    func allowed(_ request: Request, by limiter: AnonymousRateLimiter) async throws -> Bool {
        try await limiter.allow(address: request.clientAddress, counts: AnonymousUseCounts(database: request.db), now: Int(now().timeIntervalSince1970))
    }

    static func html(_ page: String, _ t: HotlineText, status: HTTPResponseStatus) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.add(name: .contentLanguage, value: t.language)
        headers.add(name: .cacheControl, value: "no-store")
        return Response(status: status, headers: headers, body: .init(string: page))
    }

    static func json(_ object: [String: String], status: HTTPResponseStatus) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.add(name: .cacheControl, value: "no-store")
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return Response(status: status, headers: headers, body: .init(data: data))
    }
}

/// A body over the limit answers in the hot line's words (HTML or JSON, by path), not Vapor's: whether
/// the route's streaming collection stops it, or it arrived already collected.
struct HotlineBodyLimitMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let body = request.body.data, body.readableBytes > HotlineLimits.bodyBytes { return Self.tooLarge(request) }
        do {
            return try await next.respond(to: request)
        } catch let error as any AbortError where error.status == .payloadTooLarge {
            return Self.tooLarge(request)
        }
    }

    static func tooLarge(_ request: Request) -> Response {
        let t = HotlineText(language: request.hotlineLanguage(request.query[String.self, at: "lang"]))
        let message = t.format("err.tooLarge", String(HotlineLimits.bodyBytes))
        if request.url.path.hasPrefix("/api/") {
            return HotlineController.json(["error": "body: " + message, "field": "body"], status: .payloadTooLarge)
        }
        let form: HotlinePages.Form = request.url.path.hasPrefix("/internet-hotline") ? .internet : .tip
        return HotlineController.html(HotlinePages.form(form, t, .init(error: message)), t, status: .payloadTooLarge)
    }
}

extension Request {
    /// The reporter's language: the one they chose, else the browser's first, else English.
    func hotlineLanguage(_ chosen: String?) -> String {
        for candidate in [chosen, query[String.self, at: "lang"], acceptedHelpLanguage] {
            if let code = candidate.flatMap(HelpLanguages.normalise), HotlineFields.languages.contains(code) { return code }
        }
        return "en"
    }
}
