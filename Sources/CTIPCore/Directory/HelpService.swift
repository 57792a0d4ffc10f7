import Foundation

/// What a person needs help with: the `topic` of `/help`, `/api/public/help` and `ctip help-finder`.
public enum HelpTopic: String, Sendable, CaseIterable, Codable, Comparable {
    case trafficking, sexualViolence = "sexual_violence", labour, humanRights = "human_rights", immigration,
         children, women, hostClubs = "host_clubs", legal, emergency

    public static func < (lhs: HelpTopic, rhs: HelpTopic) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// How a service is reached.
public enum HelpChannel: String, Sendable, CaseIterable, Codable {
    case phone, tollFree = "toll_free", webForm = "web_form", email, socialMedia = "social_media", inPerson = "in_person"
}

public struct HelpPhone: Sendable, Hashable, Codable {
    public let number: String
    /// When to use this number rather than the first (English), e.g. "from IP or prepaid phones".
    public let note: String?
    public init(number: String, note: String? = nil) { self.number = number; self.note = note }

    /// Digits and `#` only: what a phone dials, for comparing numbers written differently.
    public var dialled: String { String(number.filter { $0.isASCII && ($0.isNumber || $0 == "#") }) }
}

/// One consultation service of the seed's lists (Figure 25, Figure 13, sections 3 (3) ii), 4 (3), 6 (3)).
public struct HelpService: Sendable, Hashable, Identifiable {
    public let id: String
    public let nameEN: String
    public let nameJA: String
    public let operatorEN: String
    public let operatorJA: String
    public let topics: [HelpTopic]
    /// ISO 639-1 codes of the languages spoken, Japanese included where it is.
    public let languages: [String]
    /// True when interpreters cover (almost) any language, as the Human Rights Counseling Centers for
    /// Foreigners' "about 80 languages".
    public let anyLanguage: Bool
    public let channels: [HelpChannel]
    public let phones: [HelpPhone]
    public let website: String?
    public let email: String?
    public let address: String?
    public let hours: OpeningHours
    /// The hours as the seed words them, or what varies (English).
    public let hoursNote: String
    public let anonymous: Bool
    public let free: Bool
    /// An emergency number (110, 119): shown first whatever is asked.
    public let emergency: Bool
    /// Where in the seed the entry comes from, e.g. "Figure 25; 3 (3) ii)".
    public let seed: String
    /// Anything else a caller should know (English).
    public let note: String
    /// When the service began, at the precision known (`2021-04`); nil where the directory does not
    /// know. A consultation tally cannot be for a period before it.
    public var since: MeasureDate?

    public init(id: String, nameEN: String, nameJA: String, operatorEN: String, operatorJA: String, topics: [HelpTopic],
                languages: [String], anyLanguage: Bool, channels: [HelpChannel], phones: [HelpPhone], website: String?,
                email: String?, address: String?, hours: OpeningHours, hoursNote: String, anonymous: Bool, free: Bool,
                emergency: Bool, seed: String, note: String) {
        self.id = id; self.nameEN = nameEN; self.nameJA = nameJA; self.operatorEN = operatorEN; self.operatorJA = operatorJA
        self.topics = topics; self.languages = languages; self.anyLanguage = anyLanguage; self.channels = channels
        self.phones = phones; self.website = website; self.email = email; self.address = address; self.hours = hours
        self.hoursNote = hoursNote; self.anonymous = anonymous; self.free = free; self.emergency = emergency
        self.seed = seed; self.note = note
    }

    public func name(japanese: Bool) -> String { japanese ? nameJA : nameEN }

    public func speaks(_ language: String) -> Bool { anyLanguage || languages.contains(language) }
}

/// A problem in a directory file, tied to its place (`FILE:LINE: column: …` for CSV,
/// `FILE:services[N]: field: …` for JSON), in English.
public struct DirectoryDataError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// The CSV line or the JSON element.
    public let location: String
    public let field: String
    public let message: String
    public init(file: String = "directory", location: String, field: String, message: String) {
        self.file = file; self.location = location; self.field = field; self.message = message
    }
    public var description: String { "\(file):\(location): \(field): \(message)" }
}
