import Foundation

/// The parts of an OpenAPI 3.1 document CTIP's API uses, as types: the document is built from values
/// of these (never from untyped dictionaries), so a misspelt keyword does not compile. JSON Schema is
/// the 2020-12 dialect OpenAPI 3.1 speaks, with the keywords CTIP's rules need (`dependentRequired`
/// for "whereabouts come with their kind and agency", among others).
enum OpenAPI {
    struct Document: Encodable {
        var openapi = "3.1.0"
        var info: Info
        var servers: [Server] = [Server(url: "/")]
        var tags: [Tag]
        var paths: [String: PathItem]
        var components: Components
    }

    struct Info: Encodable {
        var title: String
        var version: String
        var description: String
    }

    struct Server: Encodable { var url: String }

    struct Tag: Encodable {
        var name: String
        var description: String
    }

    /// One path's operations, by method.
    struct PathItem: Encodable {
        var operations: [String: Operation] = [:]

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: AnyKey.self)
            for (method, operation) in operations { try container.encode(operation, forKey: AnyKey(method)) }
        }
    }

    struct Operation: Encodable {
        var operationId: String
        var summary: String
        var description: String?
        var tags: [String]
        var parameters: [Parameter]?
        var requestBody: RequestBody?
        var responses: [String: Response]
        /// `[]` for a public operation; the bearer token otherwise.
        var security: [[String: [String]]]
        /// The same summary in Japanese, for `/api/docs?lang=ja`.
        var summaryJapanese: String?

        enum CodingKeys: String, CodingKey {
            case operationId, summary, description, tags, parameters, requestBody, responses, security
            case summaryJapanese = "x-summary-ja"
        }
    }

    struct Parameter: Encodable {
        enum Location: String, Encodable { case path, query, header }
        var name: String
        var location: Location
        var description: String
        var required: Bool
        var schema: Schema
        var example: JSONValue?

        enum CodingKeys: String, CodingKey { case name, location = "in", description, required, schema, example }
    }

    struct RequestBody: Encodable {
        var description: String?
        var required = true
        var content: [String: MediaType]
    }

    struct MediaType: Encodable {
        var schema: Schema
        var example: JSONValue?
    }

    struct Response: Encodable {
        var description: String
        var headers: [String: Header]?
        var content: [String: MediaType]?
        var links: [String: Link]?
    }

    struct Header: Encodable {
        var description: String
        var schema: Schema
    }

    /// The stateful phase of a test run follows these: what one answer's value opens next.
    struct Link: Encodable {
        var operationId: String
        var parameters: [String: String]
        var description: String?
    }

    struct Components: Encodable {
        var schemas: [String: Schema]
        var securitySchemes: [String: SecurityScheme]
    }

    struct SecurityScheme: Encodable {
        var type = "http"
        var scheme = "bearer"
        var description: String
    }

    /// A JSON Schema (2020-12). A class, so that schemas nest; built by `SchemaReflection` from Swift
    /// types, or by hand for leaves (dates, codes).
    final class Schema: Encodable, @unchecked Sendable {
        var ref: String?
        var type: [String]?
        var format: String?
        var description: String?
        var enumeration: [JSONValue]?
        var constant: JSONValue?
        var properties: [(String, Schema)]?
        var required: [String]?
        var additionalProperties: Schema?
        var forbidsAdditionalProperties = false
        var dependentRequired: [String: [String]]?
        var items: Schema?
        var uniqueItems: Bool?
        var minItems: Int?
        var maxItems: Int?
        var minLength: Int?
        var maxLength: Int?
        var pattern: String?
        var minimum: Int?
        var maximum: Int?
        var examples: [JSONValue]?
        /// JSON Schema's conditional: when `ifSchema` holds, `thenSchema` must; otherwise `elseSchema`.
        var ifSchema: Schema?
        var thenSchema: Schema?
        var elseSchema: Schema?
        var not: Schema?

        init(ref: String? = nil, type: [String]? = nil, format: String? = nil, description: String? = nil) {
            self.ref = ref; self.type = type; self.format = format; self.description = description
        }

        static func reference(_ name: String) -> Schema { Schema(ref: "#/components/schemas/\(name)") }
        static func string(format: String? = nil, description: String? = nil) -> Schema { Schema(type: ["string"], format: format, description: description) }
        static var integer: Schema { Schema(type: ["integer"]) }
        static var boolean: Schema { Schema(type: ["boolean"]) }
        static func enumeration(_ values: [String], description: String? = nil) -> Schema {
            let schema = Schema.string(description: description)
            schema.enumeration = values.map(JSONValue.string)
            return schema
        }
        static func array(of items: Schema) -> Schema {
            let schema = Schema(type: ["array"])
            schema.items = items
            return schema
        }
        /// An object with exactly these properties; `required` in the order given.
        static func object(_ properties: [(String, Schema)], required: [String], closed: Bool = true, description: String? = nil) -> Schema {
            let schema = Schema(type: ["object"], description: description)
            schema.properties = properties
            schema.required = required.isEmpty ? nil : required
            schema.forbidsAdditionalProperties = closed
            return schema
        }

        /// A copy, so that one property's description or bounds do not change a shared schema.
        func copy() -> Schema {
            let other = Schema(ref: ref, type: type, format: format, description: description)
            other.enumeration = enumeration; other.constant = constant; other.properties = properties; other.required = required
            other.additionalProperties = additionalProperties; other.forbidsAdditionalProperties = forbidsAdditionalProperties
            other.dependentRequired = dependentRequired; other.items = items; other.uniqueItems = uniqueItems
            other.minItems = minItems; other.maxItems = maxItems; other.minLength = minLength; other.maxLength = maxLength
            other.pattern = pattern; other.minimum = minimum; other.maximum = maximum; other.examples = examples
            other.ifSchema = ifSchema; other.thenSchema = thenSchema; other.elseSchema = elseSchema; other.not = not
            return other
        }

        /// The names of an object's properties.
        var propertyNames: [String] { properties?.map(\.0) ?? [] }

        func property(_ name: String) -> Schema? { properties?.first { $0.0 == name }?.1 }

        enum CodingKeys: String, CodingKey {
            case ref = "$ref", type, format, description, enumeration = "enum", constant = "const", properties, required
            case additionalProperties, dependentRequired, items, uniqueItems, minItems, maxItems, minLength, maxLength, pattern
            case minimum, maximum, examples, ifSchema = "if", thenSchema = "then", elseSchema = "else", not
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeIfPresent(ref, forKey: .ref)
            if let type { try type.count == 1 ? container.encode(type[0], forKey: .type) : container.encode(type, forKey: .type) }
            try container.encodeIfPresent(format, forKey: .format)
            try container.encodeIfPresent(description, forKey: .description)
            try container.encodeIfPresent(enumeration, forKey: .enumeration)
            try container.encodeIfPresent(constant, forKey: .constant)
            if let properties {
                var nested = container.nestedContainer(keyedBy: AnyKey.self, forKey: .properties)
                for (name, schema) in properties { try nested.encode(schema, forKey: AnyKey(name)) }
            }
            try container.encodeIfPresent(required, forKey: .required)
            if let additionalProperties { try container.encode(additionalProperties, forKey: .additionalProperties) }
            else if forbidsAdditionalProperties { try container.encode(false, forKey: .additionalProperties) }
            try container.encodeIfPresent(dependentRequired, forKey: .dependentRequired)
            try container.encodeIfPresent(items, forKey: .items)
            try container.encodeIfPresent(uniqueItems, forKey: .uniqueItems)
            try container.encodeIfPresent(minItems, forKey: .minItems)
            try container.encodeIfPresent(maxItems, forKey: .maxItems)
            try container.encodeIfPresent(minLength, forKey: .minLength)
            try container.encodeIfPresent(maxLength, forKey: .maxLength)
            try container.encodeIfPresent(pattern, forKey: .pattern)
            try container.encodeIfPresent(minimum, forKey: .minimum)
            try container.encodeIfPresent(maximum, forKey: .maximum)
            try container.encodeIfPresent(examples, forKey: .examples)
            try container.encodeIfPresent(ifSchema, forKey: .ifSchema)
            try container.encodeIfPresent(thenSchema, forKey: .thenSchema)
            try container.encodeIfPresent(elseSchema, forKey: .elseSchema)
            try container.encodeIfPresent(not, forKey: .not)
        }
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

/// A JSON value, for examples and enumerations.
enum JSONValue: Encodable, Equatable, Sendable {
    case string(String)
    case integer(Int)
    case bool(Bool)
    case array([JSONValue])
    case object([String: JSONValue])
    case null

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }
}
