import Foundation

/// The directory of consultation services: the shipped list of the seed, or what staff imported.
/// Reads and writes it as CSV (one row a service, lists space-separated, phones `|`-separated as
/// `NUMBER (note)`) or as JSON (`{"services": [...]}` with the same field names).
public struct HelpDirectory: Sendable, Equatable {
    public var services: [HelpService]

    public init(services: [HelpService]) { self.services = services }

    public static let columns = ["id", "name_en", "name_ja", "operator_en", "operator_ja", "topics", "languages", "any_language",
                                 "channels", "phones", "website", "email", "address", "hours", "hours_note", "anonymous",
                                 "free", "emergency", "seed", "note"]
    /// The columns as the directory is read, written and stored today: the first version's and `since`
    /// (optional in a file; added to the table by `AddSinceToHelpServices`).
    public static let storedColumns = columns + ["since"]

    /// The directory shipped with CTIP (`Directory/Services/services.csv`), every entry from the seed.
    public static let shipped: HelpDirectory = {
        let url = Bundle.module.resourceURL!.appendingPathComponent("Services").appendingPathComponent("services.csv")
        do { return try HelpDirectory(csv: try Data(contentsOf: url), file: "services.csv") }
        catch { fatalError("CTIP's shipped directory of consultation services is unreadable: \(error)") }
    }()

    public func service(id: String) -> HelpService? { services.first { $0.id == id } }

    /// The ids of the services that `self` adds, changes or removes compared with `old`, sorted: what an
    /// import is audited as.
    public func changedServiceIDs(from old: HelpDirectory) -> [String] {
        let before = Dictionary(uniqueKeysWithValues: old.services.map { ($0.id, $0) })
        let after = Dictionary(uniqueKeysWithValues: services.map { ($0.id, $0) })
        return Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
    }

    // MARK: - Rows: the flat form shared by CSV, JSON and the database

    /// One service as column name → text (the database row and the CSV record).
    public static func row(_ service: HelpService) -> [String: String] {
        [
            "id": service.id, "name_en": service.nameEN, "name_ja": service.nameJA,
            "operator_en": service.operatorEN, "operator_ja": service.operatorJA,
            "topics": service.topics.map(\.rawValue).joined(separator: " "),
            "languages": service.languages.joined(separator: " "),
            "any_language": yesNo(service.anyLanguage),
            "channels": service.channels.map(\.rawValue).joined(separator: " "),
            "phones": phonesText(service.phones),
            "website": service.website ?? "", "email": service.email ?? "", "address": service.address ?? "",
            "hours": service.hours.description, "hours_note": service.hoursNote,
            "anonymous": yesNo(service.anonymous), "free": yesNo(service.free), "emergency": yesNo(service.emergency),
            "seed": service.seed, "note": service.note, "since": service.since?.description ?? "",
        ]
    }

    /// Reads one service from its columns; `fail` names the place of a problem.
    public static func service(from row: [String: String], fail: (String, String) -> DirectoryDataError) throws(DirectoryDataError) -> HelpService {
        func text(_ column: String) -> String { String((row[column] ?? "").trimmingSpaces()) }
        func optional(_ column: String) -> String? { let value = text(column); return value.isEmpty ? nil : value }
        func required(_ column: String) throws(DirectoryDataError) -> String {
            let value = text(column)
            guard !value.isEmpty else { throw fail(column, "is empty; every service needs one") }
            return value
        }
        func flag(_ column: String) throws(DirectoryDataError) -> Bool {
            switch text(column).lowercased() {
            case "yes", "true", "1": return true
            case "no", "false", "0", "": return false
            case let other: throw fail(column, "\"\(other)\" is not yes or no")
            }
        }
        func words(_ column: String) -> [String] { text(column).split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init) }

        let id = try required("id")
        guard id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) else {
            throw fail("id", "\"\(id)\" may hold only a-z, 0-9 and -")
        }
        var topics: [HelpTopic] = []
        for word in words("topics") {
            guard let topic = HelpTopic(rawValue: word) else {
                throw fail("topics", "unknown topic \"\(word)\"; known: \(HelpTopic.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            topics.append(topic)
        }
        guard !topics.isEmpty else { throw fail("topics", "is empty; every service needs at least one topic") }
        let languages = words("languages")
        for language in languages where !(language.count == 2 && language.allSatisfy({ $0.isASCII && $0.isLowercase })) {
            throw fail("languages", "\"\(language)\" is not an ISO 639-1 code (two lower-case letters, e.g. vi)")
        }
        var channels: [HelpChannel] = []
        for word in words("channels") {
            guard let channel = HelpChannel(rawValue: word) else {
                throw fail("channels", "unknown channel \"\(word)\"; known: \(HelpChannel.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            channels.append(channel)
        }
        var phones: [HelpPhone] = []
        for entry in text("phones").split(separator: "|") {
            let entry = String(entry).trimmingSpaces()
            guard !entry.isEmpty else { continue }
            var number = entry, note: String? = nil
            if let open = entry.firstIndex(of: "("), entry.hasSuffix(")") {
                number = String(entry[..<open]).trimmingSpaces()
                note = String(entry[entry.index(after: open)..<entry.index(before: entry.endIndex)])
            }
            guard number.contains(where: \.isNumber), number.allSatisfy({ $0.isNumber || $0 == "-" || $0 == "#" || $0 == " " }) else {
                throw fail("phones", "\"\(number)\" is not a telephone number (digits, -, #)")
            }
            phones.append(HelpPhone(number: String(number), note: note))
        }
        let hours: OpeningHours
        do { hours = try OpeningHours(text("hours")) } catch { throw fail("hours", error.description) }
        var since: MeasureDate?
        if let value = optional("since") {
            guard let date = MeasureDate(value) else { throw fail("since", "\"\(value)\" is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD") }
            since = date
        }
        var service = HelpService(
            id: id, nameEN: try required("name_en"), nameJA: try required("name_ja"),
            operatorEN: text("operator_en"), operatorJA: text("operator_ja"), topics: topics, languages: languages,
            anyLanguage: try flag("any_language"), channels: channels, phones: phones, website: optional("website"),
            email: optional("email"), address: optional("address"), hours: hours, hoursNote: text("hours_note"),
            anonymous: try flag("anonymous"), free: try flag("free"), emergency: try flag("emergency"),
            seed: try required("seed"), note: text("note"))
        service.since = since
        return service
    }

    /// `0570-078377 | 050-3754-5430 (from IP phones)`: the CSV and database form of the phones.
    static func phonesText(_ phones: [HelpPhone]) -> String {
        phones.map { phone in phone.note.map { "\(phone.number) (\($0))" } ?? phone.number }.joined(separator: " | ")
    }

    private static func yesNo(_ value: Bool) -> String { value ? "yes" : "no" }

    /// Refuses a second service with the same id.
    private static func checkUnique(_ services: [HelpService], file: String, location: (Int) -> String) throws(DirectoryDataError) {
        var seen: Set<String> = []
        for (index, service) in services.enumerated() where !seen.insert(service.id).inserted {
            throw DirectoryDataError(file: file, location: location(index), field: "id", message: "\"\(service.id)\" appears twice")
        }
    }

    // MARK: - CSV

    public init(csv data: Data, file: String = "directory.csv") throws(DirectoryDataError) {
        var reader = CSVReader(bytes: Array(data))
        var services: [HelpService] = []
        var lines: [Int] = []
        do {
            guard let header = try reader.next() else { throw DirectoryDataError(file: file, location: "1", field: "header", message: "the file is empty") }
            let missing = HelpDirectory.columns.filter { !header.fields.contains($0) && $0 != "email" && $0 != "address" }
            guard missing.isEmpty else {
                throw DirectoryDataError(file: file, location: "1", field: "header", message: "missing column(s) \(missing.joined(separator: ", "))")
            }
            while let record = try reader.next() {
                if record.fields == [""] { continue }
                guard record.fields.count == header.fields.count else {
                    throw DirectoryDataError(file: file, location: String(record.line), field: "row",
                                             message: "\(record.fields.count) fields where the header has \(header.fields.count)")
                }
                let row = Dictionary(zip(header.fields, record.fields), uniquingKeysWith: { first, _ in first })
                services.append(try HelpDirectory.service(from: row) { column, message in
                    DirectoryDataError(file: file, location: String(record.line), field: column, message: message)
                })
                lines.append(record.line)
            }
        } catch let error as DirectoryDataError {
            throw error
        } catch let error as CSVSyntaxError {
            throw DirectoryDataError(file: file, location: String(error.line), field: "csv", message: error.message)
        } catch {
            throw DirectoryDataError(file: file, location: "?", field: "csv", message: "\(error)")
        }
        try HelpDirectory.checkUnique(services, file: file) { String(lines[$0]) }
        self.services = services
    }

    public func csv() -> Data {
        var text = CSVWriter.line(HelpDirectory.storedColumns)
        for service in services {
            let row = HelpDirectory.row(service)
            text += CSVWriter.line(HelpDirectory.storedColumns.map { row[$0] ?? "" })
        }
        return Data(text.utf8)
    }

    // MARK: - JSON

    private struct JSONFile: Codable { var services: [JSONService] }
    /// Lists as arrays, flags as booleans, phones as objects; the other fields as in CSV.
    private struct JSONService: Codable {
        var id: String
        var name_en: String
        var name_ja: String
        var operator_en: String?
        var operator_ja: String?
        var topics: [String]
        var languages: [String]
        var any_language: Bool?
        var channels: [String]?
        var phones: [HelpPhone]?
        var website: String?
        var email: String?
        var address: String?
        var hours: String?
        var hours_note: String?
        var anonymous: Bool?
        var free: Bool?
        var emergency: Bool?
        var seed: String
        var note: String?
        var since: String?
    }

    public init(json data: Data, file: String = "directory.json") throws(DirectoryDataError) {
        let decoded: JSONFile
        do { decoded = try JSONDecoder().decode(JSONFile.self, from: data) }
        catch let error as DecodingError {
            throw DirectoryDataError(file: file, location: HelpDirectory.path(of: error), field: "json", message: HelpDirectory.reason(of: error))
        } catch {
            throw DirectoryDataError(file: file, location: "?", field: "json", message: "\(error)")
        }
        var services: [HelpService] = []
        for (index, entry) in decoded.services.enumerated() {
            func flag(_ value: Bool?) -> String { value == true ? "yes" : "no" }
            for phone in entry.phones ?? [] where phone.number.contains("|") || phone.number.contains("(") {
                throw DirectoryDataError(file: file, location: "services[\(index)]", field: "phones", message: "\"\(phone.number)\" is not a telephone number")
            }
            let row: [String: String] = [
                "id": entry.id, "name_en": entry.name_en, "name_ja": entry.name_ja,
                "operator_en": entry.operator_en ?? "", "operator_ja": entry.operator_ja ?? "",
                "topics": entry.topics.joined(separator: " "), "languages": entry.languages.joined(separator: " "),
                "any_language": flag(entry.any_language), "channels": (entry.channels ?? []).joined(separator: " "),
                "phones": HelpDirectory.phonesText(entry.phones ?? []),
                "website": entry.website ?? "", "email": entry.email ?? "", "address": entry.address ?? "",
                "hours": entry.hours ?? "unknown", "hours_note": entry.hours_note ?? "",
                "anonymous": flag(entry.anonymous), "free": flag(entry.free), "emergency": flag(entry.emergency),
                "seed": entry.seed, "note": entry.note ?? "", "since": entry.since ?? "",
            ]
            services.append(try HelpDirectory.service(from: row) { column, message in
                DirectoryDataError(file: file, location: "services[\(index)]", field: column, message: message)
            })
        }
        try HelpDirectory.checkUnique(services, file: file) { "services[\($0)]" }
        self.services = services
    }

    public func json() -> Data {
        let file = JSONFile(services: services.map { service in
            JSONService(id: service.id, name_en: service.nameEN, name_ja: service.nameJA, operator_en: service.operatorEN,
                        operator_ja: service.operatorJA, topics: service.topics.map(\.rawValue), languages: service.languages,
                        any_language: service.anyLanguage, channels: service.channels.map(\.rawValue), phones: service.phones,
                        website: service.website, email: service.email, address: service.address,
                        hours: service.hours.description, hours_note: service.hoursNote, anonymous: service.anonymous,
                        free: service.free, emergency: service.emergency, seed: service.seed, note: service.note,
                        since: service.since?.description)
        })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(file)).map { $0 + Data("\n".utf8) } ?? Data()
    }

    private static func path(of error: DecodingError) -> String {
        let context: DecodingError.Context
        switch error {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c), .dataCorrupted(let c): context = c
        @unknown default: return "?"
        }
        var path = ""
        for key in context.codingPath {
            if let index = key.intValue { path += "[\(index)]" } else { path += (path.isEmpty ? "" : ".") + key.stringValue }
        }
        if case .keyNotFound(let key, _) = error { path += (path.isEmpty ? "" : ".") + key.stringValue }
        return path.isEmpty ? "top level" : path
    }

    private static func reason(of error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): return "the field \"\(key.stringValue)\" is missing"
        case .typeMismatch(let type, _): return "expected \(type == String.self ? "text" : type == Bool.self ? "true or false" : "\(type)") here"
        case .valueNotFound: return "a value is missing (null)"
        case .dataCorrupted(let context): return "not valid JSON (\(context.debugDescription))"
        @unknown default: return "\(error)"
        }
    }
}
