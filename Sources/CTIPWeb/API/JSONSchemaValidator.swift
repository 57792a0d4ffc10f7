import CTIPCore
import Foundation

/// A JSON document as read from a request, keeping what JSON Schema tells apart: `true` is not `1`,
/// `1.0` is an integer, `"1"` is text.
enum JSONInput: Decodable, Equatable {
    case null
    case bool(Bool)
    case number(Double, integer: Int64?)
    case string(String)
    case array([JSONInput])
    case object([String: JSONInput])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int64.self) { self = .number(Double(value), integer: value) }
        else if let value = try? container.decode(Double.self) {
            self = .number(value, integer: value.rounded() == value && abs(value) < 9.2e18 ? Int64(value) : nil)
        }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONInput].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONInput].self)) }
    }

    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number(_, let integer): integer == nil ? "number" : "integer"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// The text a form would have sent for this value: what the case-work rules read.
    var formText: String? {
        switch self {
        case .null: nil
        case .bool(let value): value ? "true" : "false"
        case .number(let value, let integer): integer.map(String.init) ?? String(value)
        case .string(let value): value
        case .array(let values): values.compactMap(\.formText).joined(separator: ";")
        case .object: nil
        }
    }
}

/// One way a request differs from the schema it must follow: where (a field path such as
/// `sections[1]`, or the parameter's name) and what.
struct SchemaViolation: Error, Equatable, CustomStringConvertible {
    /// What kind of rule was broken, for answers in the asker's own words (the hot lines').
    enum Kind: Equatable, Sendable {
        case missing, wrongType, notListed, tooLong(Int), tooShort, pattern, format, unknownField, notJSON, other
    }
    let path: String
    let problem: String
    var kind: Kind = .other
    var description: String { "\(path.isEmpty ? "body" : path): \(problem)" }
}

/// Checks a request's JSON or parameters against the schema the document publishes: the keywords
/// `OpenAPI.Schema` has, the formats `date` and `date-time`, and `$ref` into the components.
struct JSONSchemaValidator {
    let components: [String: OpenAPI.Schema]

    func validate(_ value: JSONInput, against schema: OpenAPI.Schema, at path: String = "") throws {
        if let ref = schema.ref {
            let name = String(ref.split(separator: "/").last ?? "")
            guard let target = components[name] else { throw SchemaViolation(path: path, problem: "the schema \(name) is unknown") }
            try validate(value, against: target, at: path)
        }
        if let types = schema.type, !types.contains(where: { Self.matches(value, type: $0) }) {
            throw SchemaViolation(path: path, problem: "expected \(types.joined(separator: " or ")), not \(value.typeName)", kind: .wrongType)
        }
        if let allowed = schema.enumeration, !allowed.contains(where: { Self.equal(value, $0) }) {
            let shown = allowed.prefix(12).map { Self.shown($0) }.joined(separator: ", ") + (allowed.count > 12 ? ", …" : "")
            throw SchemaViolation(path: path, problem: "expected one of \(shown)", kind: .notListed)
        }
        if let constant = schema.constant, !Self.equal(value, constant) {
            throw SchemaViolation(path: path, problem: "expected \(Self.shown(constant))", kind: .notListed)
        }
        switch value {
        case .string(let text): try validate(text, schema, path)
        case .number(let number, let integer):
            if let minimum = schema.minimum, number < Double(minimum) { throw SchemaViolation(path: path, problem: "is below \(minimum)") }
            if let maximum = schema.maximum, number > Double(maximum) { throw SchemaViolation(path: path, problem: "is above \(maximum)") }
            _ = integer
        case .array(let items):
            if let minItems = schema.minItems, items.count < minItems { throw SchemaViolation(path: path, problem: "needs at least \(minItems) items") }
            if let maxItems = schema.maxItems, items.count > maxItems { throw SchemaViolation(path: path, problem: "has more than \(maxItems) items") }
            if schema.uniqueItems == true {
                for (index, item) in items.enumerated() where items[..<index].contains(item) {
                    throw SchemaViolation(path: "\(path)[\(index)]", problem: "repeats an earlier item")
                }
            }
            if let itemSchema = schema.items {
                for (index, item) in items.enumerated() { try validate(item, against: itemSchema, at: "\(path)[\(index)]") }
            }
        case .object(let members):
            try validate(members, schema, path)
        case .null, .bool: break
        }
        if let condition = schema.ifSchema {
            if (try? validate(value, against: condition, at: path)) != nil {
                if let then = schema.thenSchema { try validate(value, against: then, at: path) }
            } else if let otherwise = schema.elseSchema {
                try validate(value, against: otherwise, at: path)
            }
        }
        if let not = schema.not, (try? validate(value, against: not, at: path)) != nil {
            throw SchemaViolation(path: path, problem: not.description ?? "is not allowed here", kind: .pattern)
        }
    }

    private func validate(_ text: String, _ schema: OpenAPI.Schema, _ path: String) throws {
        // JSON Schema counts characters as code points.
        let length = text.unicodeScalars.count
        if let minLength = schema.minLength, length < minLength {
            throw SchemaViolation(path: path, problem: minLength == 1 ? "must not be empty" : "needs at least \(minLength) characters", kind: .tooShort)
        }
        if let maxLength = schema.maxLength, length > maxLength { throw SchemaViolation(path: path, problem: "is longer than \(maxLength) characters", kind: .tooLong(maxLength)) }
        if let pattern = schema.pattern, !Self.regex(pattern).matches(text) {
            throw SchemaViolation(path: path, problem: schema.description.map { "does not fit: \($0)" } ?? "does not match \(pattern)", kind: .pattern)
        }
        switch schema.format {
        case "date": if !Self.isDate(text) { throw SchemaViolation(path: path, problem: "expected a date (YYYY-MM-DD)", kind: .format) }
        case "date-time": if !Self.isDateTime(text) { throw SchemaViolation(path: path, problem: "expected a date and time with its offset, e.g. 2026-01-05T22:30:00+09:00", kind: .format) }
        default: break
        }
    }

    private func validate(_ members: [String: JSONInput], _ schema: OpenAPI.Schema, _ path: String) throws {
        func child(_ name: String) -> String { path.isEmpty ? name : "\(path).\(name)" }
        for name in schema.required ?? [] where members[name] == nil || members[name] == .null {
            throw SchemaViolation(path: child(name), problem: "is required", kind: .missing)
        }
        let declared = schema.propertyNames
        for (name, value) in members.sorted(by: { $0.key < $1.key }) {
            if let property = schema.property(name) {
                try validate(value, against: property, at: child(name))
            } else if let additional = schema.additionalProperties {
                try validate(value, against: additional, at: child(name))
            } else if schema.forbidsAdditionalProperties {
                throw SchemaViolation(path: child(name), problem: "is not a field of this request; expected \(declared.joined(separator: ", "))", kind: .unknownField)
            }
        }
        for (name, needed) in (schema.dependentRequired ?? [:]).sorted(by: { $0.key < $1.key }) where members[name] != nil {
            for other in needed where members[other] == nil {
                throw SchemaViolation(path: child(other), problem: "is required with \(name)", kind: .missing)
            }
        }
    }

    static func matches(_ value: JSONInput, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string), ("array", .array), ("object", .object): true
        case ("integer", .number(_, let integer)): integer != nil
        default: false
        }
    }

    static func equal(_ value: JSONInput, _ expected: JSONValue) -> Bool {
        switch (value, expected) {
        case (.string(let a), .string(let b)): a == b
        case (.bool(let a), .bool(let b)): a == b
        case (.number(_, let a), .integer(let b)): a == Int64(b)
        case (.null, .null): true
        default: false
        }
    }

    static func shown(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): "`\(text)`"
        case .integer(let number): String(number)
        case .bool(let flag): String(flag)
        case .null: "null"
        default: "a value"
        }
    }

    /// A date as the case-work rules read it (`Day`), so the check and the handler cannot disagree.
    static func isDate(_ text: String) -> Bool { Day(iso: text) != nil }

    /// RFC 3339's date-time, read by the parser the help finder uses (seconds may be left out).
    static func isDateTime(_ text: String) -> Bool { (try? JapanTime(iso: JapanTime.repairingQueryPlus(text))) != nil }

    /// Patterns are compiled once each; they come from CTIP's own document, never from a request.
    private static let cache = PatternCache()
    static func regex(_ pattern: String) -> CompiledPattern { cache.compiled(pattern) }
}

/// A pattern as JSON Schema means it: found anywhere in the text unless anchored.
struct CompiledPattern: @unchecked Sendable {
    let expression: NSRegularExpression
    func matches(_ text: String) -> Bool {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}

final class PatternCache: @unchecked Sendable {
    private var patterns: [String: CompiledPattern] = [:]
    private let lock = NSLock()
    func compiled(_ pattern: String) -> CompiledPattern {
        lock.lock(); defer { lock.unlock() }
        if let known = patterns[pattern] { return known }
        let compiled = CompiledPattern(expression: try! NSRegularExpression(pattern: pattern))
        patterns[pattern] = compiled
        return compiled
    }
}
