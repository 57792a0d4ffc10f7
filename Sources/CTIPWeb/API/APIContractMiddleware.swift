import CTIPCore
import Foundation
import Vapor

/// Holds the server to the document: before an operation of `APIContract` runs, the caller is checked
/// (401 without an identity, 403 without the permission — audited), then its parameters and body
/// against the very schemas `/openapi.json` publishes. Whatever does not follow them is a 400 that names
/// the parameter or field (415 for a body that is not JSON), so a handler only ever sees a request the
/// document allows; and the document allows only what the handlers take.
struct APIContractMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let operation = APIContract.operation(for: request) else { return try await next.respond(to: request) }
        if let permission = operation.permission { try await request.requireStaff(permission) }
        let validator = JSONSchemaValidator(components: APIDocument.built.components)
        do {
            try Self.checkParameters(operation, request, validator)
            if let body = operation.body {
                request.storage[APIBodyKey.self] = try await Self.checkBody(body, request, validator,
                                                                            maximum: operation.maximumBodyBytes ?? request.application.routes.defaultMaxBodySize.value)
            }
        } catch let violation as SchemaViolation {
            if let rejection = APIContract.rejection(for: operation.id) { return try await rejection(request, violation) }
            return try Response.json(APIError(error: violation.description, field: violation.path.isEmpty ? "body" : violation.path),
                                     status: .badRequest)
        }
        return try await next.respond(to: request)
    }

    static func checkParameters(_ operation: APIOperation, _ request: Request, _ validator: JSONSchemaValidator) throws {
        let query = Self.query(request.url.query)
        for parameter in operation.parameters {
            let schema = parameter.schema
            let raw: String?
            switch parameter.location {
            case .query: raw = query[parameter.name]
            case .path: raw = request.parameters.get(parameter.name)
            case .header: raw = request.headers.first(name: parameter.name)
            }
            guard let raw else {
                if parameter.required { throw SchemaViolation(path: parameter.name, problem: "is required") }
                continue
            }
            try validator.validate(Self.typed(raw, as: schema), against: schema, at: parameter.name)
        }
    }

    /// A parameter's text as the JSON value its schema speaks of: a number for an integer, text otherwise.
    static func typed(_ raw: String, as schema: OpenAPI.Schema) -> JSONInput {
        if schema.type == ["integer"] {
            if let value = Int64(raw) { return .number(Double(value), integer: value) }
            return .string(raw)
        }
        if schema.type == ["boolean"] {
            if raw == "true" { return .bool(true) }
            if raw == "false" { return .bool(false) }
        }
        return .string(raw)
    }

    /// The query's parameters, percent-decoded (`+` is a space); the first of repeated names.
    static func query(_ query: String?) -> [String: String] {
        var parameters: [String: String] = [:]
        for pair in (query ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decoded(_ text: Substring) -> String {
                let spaced = text.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            let name = decoded(parts[0])
            if parameters[name] == nil { parameters[name] = parts.count > 1 ? decoded(parts[1]) : "" }
        }
        return parameters
    }

    /// The body, present, JSON and following `schema`: its fields as the case-work rules read them.
    static func checkBody(_ schema: OpenAPI.Schema, _ request: Request, _ validator: JSONSchemaValidator, maximum: Int) async throws -> [String: String] {
        let buffer: ByteBuffer?
        if let data = request.body.data { buffer = data }
        else {
            do { buffer = try await request.body.collect(max: maximum).get() }
            catch { throw Abort(.payloadTooLarge, reason: "body: larger than \(maximum) bytes") }
        }
        if let buffer, buffer.readableBytes > maximum { throw Abort(.payloadTooLarge, reason: "body: larger than \(maximum) bytes") }
        guard let buffer, buffer.readableBytes > 0 else {
            throw SchemaViolation(path: "", problem: "send a JSON object (Content-Type: application/json)", kind: .notJSON)
        }
        guard let type = request.headers.contentType, type.type == "application", type.subType == "json" else {
            throw Abort(.unsupportedMediaType, reason: "body: send a JSON object with Content-Type: application/json")
        }
        let input: JSONInput
        do { input = try JSONDecoder().decode(JSONInput.self, from: Data(buffer: buffer)) }
        catch { throw SchemaViolation(path: "", problem: "is not JSON", kind: .notJSON) }
        try validator.validate(input, against: schema)
        guard case .object(let members) = input else { throw SchemaViolation(path: "", problem: "expected an object", kind: .notJSON) }
        return members.compactMapValues(\.formText)
    }
}

/// The body's fields once `APIContractMiddleware` found them to follow the document.
struct APIBodyKey: StorageKey { typealias Value = [String: String] }

extension APIContract {
    /// An operation that answers a refused request its own way (the help finder still gives the
    /// emergency numbers).
    static func rejection(for operation: String) -> (@Sendable (Request, SchemaViolation) async throws -> Response)? {
        switch operation {
        case "findHelp": return { request, violation in try await HelpController.refused(request, violation) }
        case "sendTip", "sendInternetReport": return { request, violation in HotlineController.refused(request, violation) }
        default: return nil
        }
    }
}
