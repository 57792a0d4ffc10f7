import CTIPCore
import Foundation

/// `/openapi.json`, built once from `APIContract.operations`: request bodies as the contract writes
/// them, answers reflected from the Swift types the handlers encode.
enum APIDocument {
    struct Built {
        let document: OpenAPI.Document
        /// Every named schema, for checking requests (`$ref`s resolve here).
        let components: [String: OpenAPI.Schema]
        let json: Data
    }

    static let built: Built = build()

    static func build() -> Built {
        let reflector = SchemaReflector()
        var bodies: [String: OpenAPI.Schema] = [:]
        var paths: [String: OpenAPI.PathItem] = [:]
        for operation in APIContract.operations {
            var answers: [String: OpenAPI.Response] = [:]
            for answer in operation.answers + APIContract.common(operation) where answers[String(answer.status)] == nil {
                answers[String(answer.status)] = response(answer, reflector)
            }
            var requestBody: OpenAPI.RequestBody?
            if let body = operation.body, let name = operation.bodyName {
                bodies[name] = body
                requestBody = OpenAPI.RequestBody(description: body.description, content: [
                    "application/json": OpenAPI.MediaType(schema: .reference(name), example: operation.bodyExample),
                ])
            }
            let parameters = operation.parameters.map { parameter in
                OpenAPI.Parameter(name: parameter.name, location: parameter.location, description: parameter.description,
                                  required: parameter.required, schema: parameter.schema, example: parameter.example)
            }
            let item = OpenAPI.Operation(
                operationId: operation.id, summary: operation.summary, description: operation.description, tags: [operation.tag],
                parameters: parameters.isEmpty ? nil : parameters, requestBody: requestBody, responses: answers,
                security: operation.permission == nil ? [] : [["bearer": []]], summaryJapanese: operation.summaryJapanese)
            paths[operation.path, default: OpenAPI.PathItem()].operations[operation.method.rawValue.lowercased()] = item
        }
        let components = reflector.components.merging(bodies) { reflected, _ in reflected }
        let document = OpenAPI.Document(
            info: .init(title: "CTIP", version: "1", description: """
                The JSON API of CTIP, the counter-trafficking-in-persons information system. Staff operations need an API token \
                (`Authorization: Bearer ctip_…`, made with `ctip users token --name NAME EMAIL`); what a token may do is its account's role and agency \
                (deny by default), and every access to personal data is audited. Whereabouts are returned only to the protecting agency. \
                Errors are one shape, `{"error": …, "field": …}`: `field` names the parameter or body field at fault. Lists that can grow \
                are paged with `limit` and `cursor`; the next page is in the `Link` header. The reference for people: `/api/docs`.
                """),
            tags: APIContract.tags, paths: paths,
            components: .init(schemas: components, securitySchemes: [
                "bearer": .init(description: "An API token of a staff account: `ctip users token --name NAME EMAIL`."),
            ]))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // A document that cannot be encoded is a programming error caught by every test run.
        let json = try! encoder.encode(document)
        return Built(document: document, components: components, json: json)
    }

    static func response(_ answer: APIOperation.Answer, _ reflector: SchemaReflector) -> OpenAPI.Response {
        let headers = answer.headers.isEmpty ? nil : answer.headers.mapValues { description in
            OpenAPI.Header(description: description, schema: description.hasPrefix("Seconds") ? .integer : .string())
        }
        let links = answer.links.isEmpty ? nil : answer.links.mapValues { OpenAPI.Link(operationId: $0.operation, parameters: $0.parameters) }
        return OpenAPI.Response(description: answer.description, headers: headers,
                                content: answer.body.map { ["application/json": OpenAPI.MediaType(schema: $0(reflector))] }, links: links)
    }

    static var operationCount: Int { APIContract.operations.count }
}
