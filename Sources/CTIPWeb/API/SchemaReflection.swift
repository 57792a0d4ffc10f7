import Foundation

/// What reflection cannot see in a property's Swift type: its description, bounds, pattern, the
/// values a `String` may take (a code list), an example. Keyed by the property's JSON name.
struct FieldNote: Sendable {
    var description: String? = nil
    var format: String? = nil
    var minLength: Int? = nil
    var maxLength: Int? = nil
    var pattern: String? = nil
    var minimum: Int? = nil
    var maximum: Int? = nil
    var allowed: [String]? = nil
    var maxItems: Int? = nil
    var example: JSONValue? = nil
}

/// A type the API sends or takes as a JSON object, named in the document's `components`. Its
/// properties, their types and which are optional come from its `Decodable` conformance — the very
/// code that reads and writes it — so the document and the server cannot describe it differently.
protocol APIObject: Decodable {
    static var schemaName: String { get }
    static var schemaDescription: String { get }
    static var notes: [String: FieldNote] { get }
    /// Properties that, when present, need others (JSON Schema's `dependentRequired`).
    static var dependentRequired: [String: [String]] { get }
}

extension APIObject {
    static var notes: [String: FieldNote] { [:] }
    static var dependentRequired: [String: [String]] { [:] }
}

/// A value written as one JSON string (a date, a code) with its own rules.
protocol APILeaf: Decodable {
    static var apiSchema: OpenAPI.Schema { get }
    /// Any valid value: reflection builds instances without reading any JSON.
    static var placeholder: Self { get }
}

/// Builds JSON Schemas from `Decodable` types by decoding them with a decoder that records what is
/// asked of it: each `decode` is a required property, each `decodeIfPresent` an optional one, an
/// unkeyed container an array, a `CaseIterable` string enumeration its cases. Named objects
/// (`APIObject`) go to `components` once and are referred to.
final class SchemaReflector {
    private(set) var components: [String: OpenAPI.Schema] = [:]
    private var building: Set<String> = []

    /// The schema of `type`: a reference for an `APIObject`, the schema itself otherwise.
    func schema<T: Decodable>(for type: T.Type) -> OpenAPI.Schema {
        do { return try reflect(type, note: nil).schema }
        catch { preconditionFailure("the API type \(T.self) cannot be described: \(error)") }
    }

    /// Property names as JSON writes them: whatever the encoder's `convertToSnakeCase` makes of them
    /// (asked of the encoder itself, whose rules for acronyms are its own: `URLValue` → `u_rl_value`).
    static func jsonName(_ key: String) -> String {
        guard key.contains(where: \.isUppercase) else { return key }
        struct One: Encodable {
            let key: String
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: OpenAPI.AnyKey.self)
                try container.encode(0, forKey: OpenAPI.AnyKey(key))
            }
        }
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        guard let data = try? encoder.encode(One(key: key)),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let name = object.keys.first else { return key }
        return name
    }

    func reflect<T: Decodable>(_ type: T.Type, note: FieldNote?) throws -> (schema: OpenAPI.Schema, value: T) {
        if let leaf = T.self as? any APILeaf.Type {
            return (annotated(leaf.apiSchema, note), Self.placeholder(of: leaf) as! T)
        }
        if let primitive = Self.primitive(T.self) { return (annotated(primitive.schema, note), primitive.value as! T) }
        if let enumeration = T.self as? any (CaseIterable & RawRepresentable).Type, let cases = Self.cases(of: enumeration) {
            let schema = OpenAPI.Schema.enumeration(cases.raw)
            return (annotated(schema, note), cases.first as! T)
        }
        if let dictionary = T.self as? any StringKeyedDictionary.Type {
            return try dictionary.reflect(with: self, note: note) as! (OpenAPI.Schema, T)
        }
        if let object = T.self as? any APIObject.Type {
            let name = object.schemaName
            let reference = annotated(.reference(name), note)
            if building.contains(name) || components[name] != nil {
                // Already described (or being described, for a type that contains itself).
                let recorder = Recorder(notes: object.notes, reflector: self)
                return (reference, try T(from: ReflectingDecoder(recorder: recorder)))
            }
            building.insert(name)
            defer { building.remove(name) }
            let recorder = Recorder(notes: object.notes, reflector: self)
            let value = try T(from: ReflectingDecoder(recorder: recorder))
            let schema = recorder.schema(description: object.schemaDescription)
            if !object.dependentRequired.isEmpty { schema.dependentRequired = object.dependentRequired }
            components[name] = schema
            return (reference, value)
        }
        let recorder = Recorder(notes: [:], reflector: self)
        let value = try T(from: ReflectingDecoder(recorder: recorder))
        return (annotated(recorder.schema(description: nil), note), value)
    }

    /// A property's own description, bounds and example on a copy of its type's schema.
    func annotated(_ base: OpenAPI.Schema, _ note: FieldNote?) -> OpenAPI.Schema {
        guard let note else { return base }
        let schema: OpenAPI.Schema
        if base.ref != nil {
            // JSON Schema 2020-12 lets `$ref` stand beside other keywords; a description is all it needs.
            schema = OpenAPI.Schema(ref: base.ref)
        } else {
            schema = base.copy()
        }
        if let description = note.description { schema.description = description }
        if let format = note.format { schema.format = format }
        if let minLength = note.minLength { schema.minLength = minLength }
        if let maxLength = note.maxLength { schema.maxLength = maxLength }
        if let pattern = note.pattern { schema.pattern = pattern }
        if let minimum = note.minimum { schema.minimum = minimum }
        if let maximum = note.maximum { schema.maximum = maximum }
        if let maxItems = note.maxItems { schema.maxItems = maxItems }
        if let allowed = note.allowed { schema.enumeration = allowed.map(JSONValue.string) }
        if let example = note.example { schema.examples = [example] }
        return schema
    }

    private static func placeholder<L: APILeaf>(of type: L.Type) -> Any { L.placeholder }

    private static func cases<E: CaseIterable & RawRepresentable>(of type: E.Type) -> (raw: [String], first: Any)? {
        let all = Array(E.allCases)
        let raw = all.compactMap { $0.rawValue as? String }
        guard let first = all.first, raw.count == all.count else { return nil }
        return (raw, first)
    }

    private static func primitive(_ type: Any.Type) -> (schema: OpenAPI.Schema, value: Any)? {
        switch type {
        case is String.Type: return (.string(), "")
        case is Bool.Type: return (.boolean, false)
        case is Int.Type: return (.integer, 0)
        case is Int8.Type: return (.integer, Int8(0))
        case is Int16.Type: return (.integer, Int16(0))
        case is Int32.Type: return (.integer, Int32(0))
        case is Int64.Type: return (.integer, Int64(0))
        case is UInt.Type: return (.integer, UInt(0))
        case is UInt8.Type: return (.integer, UInt8(0))
        case is UInt16.Type: return (.integer, UInt16(0))
        case is UInt32.Type: return (.integer, UInt32(0))
        case is UInt64.Type: return (.integer, UInt64(0))
        case is Double.Type: return (OpenAPI.Schema(type: ["number"]), 0.0)
        case is Float.Type: return (OpenAPI.Schema(type: ["number"]), Float(0))
        case is Date.Type: return (.string(format: "date-time"), Date(timeIntervalSince1970: 0))
        default: return nil
        }
    }

    /// What a type's decoding asked for: properties of an object, the element of an array, or a value.
    final class Recorder {
        let notes: [String: FieldNote]
        unowned let reflector: SchemaReflector
        var properties: [(String, OpenAPI.Schema)] = []
        var required: [String] = []
        var items: OpenAPI.Schema?
        var single: OpenAPI.Schema?
        var isArray = false

        init(notes: [String: FieldNote], reflector: SchemaReflector) { self.notes = notes; self.reflector = reflector }

        func property<V: Decodable>(_ key: String, _ type: V.Type, required: Bool) throws -> V {
            let name = SchemaReflector.jsonName(key)
            var (schema, value) = try reflector.reflect(type, note: notes[name])
            if !required { schema = Self.nullable(schema) }
            if !properties.contains(where: { $0.0 == name }) {
                properties.append((name, schema))
                if required { self.required.append(name) }
            }
            return value
        }

        /// An optional property may be absent or, written by an encoder that writes nulls, `null`.
        static func nullable(_ schema: OpenAPI.Schema) -> OpenAPI.Schema {
            guard schema.ref == nil, let types = schema.type, !types.contains("null") else { return schema }
            let copy = schema.copy()
            copy.type = types + ["null"]
            if let values = copy.enumeration { copy.enumeration = values + [.null] }
            return copy
        }

        func schema(description: String?) -> OpenAPI.Schema {
            if isArray { return .array(of: items ?? OpenAPI.Schema()) }
            if let single { return single }
            return .object(properties, required: required, description: description)
        }
    }
}

/// `[String: Value]`: an object whose values are all one schema.
protocol StringKeyedDictionary {
    static func reflect(with reflector: SchemaReflector, note: FieldNote?) throws -> Any
}

extension Dictionary: StringKeyedDictionary where Key == String, Value: Decodable {
    static func reflect(with reflector: SchemaReflector, note: FieldNote?) throws -> Any {
        let (values, _) = try reflector.reflect(Value.self, note: nil)
        let schema = OpenAPI.Schema(type: ["object"])
        schema.additionalProperties = values
        return (reflector.annotated(schema, note), [String: Value]())
    }
}

private struct ReflectingDecoder: Decoder {
    let recorder: SchemaReflector.Recorder
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(ReflectingKeyedContainer<Key>(recorder: recorder))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        recorder.isArray = true
        return ReflectingUnkeyedContainer(recorder: recorder)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { ReflectingSingleValueContainer(recorder: recorder) }
}

private struct ReflectingKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let recorder: SchemaReflector.Recorder
    var codingPath: [any CodingKey] = []
    var allKeys: [Key] { [] }
    func contains(_ key: Key) -> Bool { true }
    func decodeNil(forKey key: Key) throws -> Bool { false }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try recorder.property(key.stringValue, type, required: true) }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { _ = try recorder.property(key.stringValue, type, required: false); return nil }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try recorder.property(key.stringValue, type, required: true) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try recorder.property(key.stringValue, type, required: true) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try recorder.property(key.stringValue, type, required: true) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try recorder.property(key.stringValue, type, required: true) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try recorder.property(key.stringValue, type, required: true) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try recorder.property(key.stringValue, type, required: true) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try recorder.property(key.stringValue, type, required: true) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try recorder.property(key.stringValue, type, required: true) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try recorder.property(key.stringValue, type, required: true) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try recorder.property(key.stringValue, type, required: true) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try recorder.property(key.stringValue, type, required: true) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try recorder.property(key.stringValue, type, required: true) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try recorder.property(key.stringValue, type, required: true) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try recorder.property(key.stringValue, type, required: true) }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { _ = try recorder.property(key.stringValue, type, required: false); return nil }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { _ = try recorder.property(key.stringValue, type, required: false); return nil }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { _ = try recorder.property(key.stringValue, type, required: false); return nil }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { _ = try recorder.property(key.stringValue, type, required: false); return nil }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { _ = try recorder.property(key.stringValue, type, required: false); return nil }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { _ = try recorder.property(key.stringValue, type, required: false); return nil }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { _ = try recorder.property(key.stringValue, type, required: false); return nil }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { _ = try recorder.property(key.stringValue, type, required: false); return nil }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { _ = try recorder.property(key.stringValue, type, required: false); return nil }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { _ = try recorder.property(key.stringValue, type, required: false); return nil }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { _ = try recorder.property(key.stringValue, type, required: false); return nil }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { _ = try recorder.property(key.stringValue, type, required: false); return nil }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { _ = try recorder.property(key.stringValue, type, required: false); return nil }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { _ = try recorder.property(key.stringValue, type, required: false); return nil }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        throw SchemaReflectionError.unsupported("a nested container at \(key.stringValue)")
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        throw SchemaReflectionError.unsupported("a nested array at \(key.stringValue)")
    }
    func superDecoder() throws -> any Decoder { throw SchemaReflectionError.unsupported("a super decoder") }
    func superDecoder(forKey key: Key) throws -> any Decoder { throw SchemaReflectionError.unsupported("a super decoder") }
}

private struct ReflectingUnkeyedContainer: UnkeyedDecodingContainer {
    let recorder: SchemaReflector.Recorder
    var codingPath: [any CodingKey] = []
    var count: Int? { nil }
    var isAtEnd: Bool { recorder.items != nil }
    var currentIndex: Int { recorder.items == nil ? 0 : 1 }

    mutating func decodeNil() throws -> Bool { false }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try decode(type, generic: ()) }
    private func decode<T: Decodable>(_ type: T.Type, generic: Void) throws -> T {
        let (schema, value) = try recorder.reflector.reflect(type, note: nil)
        recorder.items = schema
        return value
    }
    mutating func decode(_ type: Bool.Type) throws -> Bool { try decode(type as Bool.Type, generic: ()) }
    mutating func decode(_ type: String.Type) throws -> String { try decode(type as String.Type, generic: ()) }
    mutating func decode(_ type: Double.Type) throws -> Double { try decode(type as Double.Type, generic: ()) }
    mutating func decode(_ type: Float.Type) throws -> Float { try decode(type as Float.Type, generic: ()) }
    mutating func decode(_ type: Int.Type) throws -> Int { try decode(type as Int.Type, generic: ()) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try decode(type as Int8.Type, generic: ()) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try decode(type as Int16.Type, generic: ()) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try decode(type as Int32.Type, generic: ()) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try decode(type as Int64.Type, generic: ()) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try decode(type as UInt.Type, generic: ()) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try decode(type as UInt8.Type, generic: ()) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try decode(type as UInt16.Type, generic: ()) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try decode(type as UInt32.Type, generic: ()) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try decode(type as UInt64.Type, generic: ()) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        throw SchemaReflectionError.unsupported("a keyed container in an array")
    }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { throw SchemaReflectionError.unsupported("an array in an array") }
    mutating func superDecoder() throws -> any Decoder { throw SchemaReflectionError.unsupported("a super decoder") }
}

private struct ReflectingSingleValueContainer: SingleValueDecodingContainer {
    let recorder: SchemaReflector.Recorder
    var codingPath: [any CodingKey] = []
    func decodeNil() -> Bool { false }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decode(type, generic: ()) }
    private func decode<T: Decodable>(_ type: T.Type, generic: Void) throws -> T {
        let (schema, value) = try recorder.reflector.reflect(type, note: nil)
        recorder.single = schema
        return value
    }
    func decode(_ type: Bool.Type) throws -> Bool { try decode(type, generic: ()) }
    func decode(_ type: String.Type) throws -> String { try decode(type, generic: ()) }
    func decode(_ type: Double.Type) throws -> Double { try decode(type, generic: ()) }
    func decode(_ type: Float.Type) throws -> Float { try decode(type, generic: ()) }
    func decode(_ type: Int.Type) throws -> Int { try decode(type, generic: ()) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decode(type, generic: ()) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decode(type, generic: ()) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decode(type, generic: ()) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decode(type, generic: ()) }
    func decode(_ type: UInt.Type) throws -> UInt { try decode(type, generic: ()) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decode(type, generic: ()) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decode(type, generic: ()) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decode(type, generic: ()) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decode(type, generic: ()) }
}

enum SchemaReflectionError: Error, CustomStringConvertible {
    case unsupported(String)
    var description: String {
        switch self { case .unsupported(let what): "reflection does not follow \(what); make the type an APILeaf" }
    }
}
