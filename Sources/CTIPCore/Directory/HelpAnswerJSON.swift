import Foundation

/// The JSON form of an answer: the contract of `GET /api/public/help` and `ctip help-finder --format json`.
/// Every service carries `open_now` (true, false, or null when the hours are not known) and both
/// `closes_at` and `opens_at` (ISO 8601 in Japan time, null when they do not apply).
public struct HelpAnswerJSON: Codable, Sendable {
    struct Notice: Codable { let code: String; let message: String }
    struct Service: Codable {
        let id: String
        let name: String
        let name_ja: String
        let `operator`: String
        let topics: [String]
        let phones: [HelpPhone]
        let languages: [String]
        let any_language: Bool
        let speaks_language: Bool
        let channels: [String]
        let website: String?
        let hours: String
        let hours_note: String
        let open_now: Bool?
        let closes_at: String?
        let opens_at: String?
        let emergency: Bool
        let anonymous: Bool
        let free: Bool
        let seed: String

        enum CodingKeys: String, CodingKey {
            case id, name, name_ja, `operator`, topics, phones, languages, any_language, speaks_language, channels, website,
                 hours, hours_note, open_now, closes_at, opens_at, emergency, anonymous, free, seed
        }

        // Nulls are written out: a reader can rely on every key being there.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(name, forKey: .name)
            try container.encode(name_ja, forKey: .name_ja)
            try container.encode(`operator`, forKey: .operator)
            try container.encode(topics, forKey: .topics)
            try container.encode(phones, forKey: .phones)
            try container.encode(languages, forKey: .languages)
            try container.encode(any_language, forKey: .any_language)
            try container.encode(speaks_language, forKey: .speaks_language)
            try container.encode(channels, forKey: .channels)
            try container.encode(website, forKey: .website)
            try container.encode(hours, forKey: .hours)
            try container.encode(hours_note, forKey: .hours_note)
            try container.encode(open_now, forKey: .open_now)
            try container.encode(closes_at, forKey: .closes_at)
            try container.encode(opens_at, forKey: .opens_at)
            try container.encode(emergency, forKey: .emergency)
            try container.encode(anonymous, forKey: .anonymous)
            try container.encode(free, forKey: .free)
            try container.encode(seed, forKey: .seed)
        }
    }

    let topic: String?
    let language: String
    let emergency: Bool
    let at: String
    let notices: [Notice]
    let services: [Service]
    /// Why the question was refused (then `services` holds only the emergency numbers); absent otherwise.
    public var error: String?

    enum CodingKeys: String, CodingKey { case topic, language, emergency, at, notices, services, error }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(topic, forKey: .topic)
        try container.encode(language, forKey: .language)
        try container.encode(emergency, forKey: .emergency)
        try container.encode(at, forKey: .at)
        try container.encode(notices, forKey: .notices)
        try container.encode(services, forKey: .services)
        try container.encodeIfPresent(error, forKey: .error)
    }

    public init(_ answer: HelpAnswer) {
        topic = answer.topic?.rawValue
        language = answer.language
        emergency = answer.emergency
        at = answer.at.description
        notices = answer.notices.map { Notice(code: $0.code, message: $0.englishMessage) }
        services = answer.entries.map { entry in
            let service = entry.service
            var closesAt: String? = nil, opensAt: String? = nil
            switch entry.status {
            case .open(let closes): closesAt = closes?.description
            case .closed(let opens): opensAt = opens?.description
            case .unknown: break
            }
            return Service(id: service.id, name: service.nameEN, name_ja: service.nameJA, operator: service.operatorEN,
                           topics: service.topics.map(\.rawValue), phones: service.phones, languages: service.languages,
                           any_language: service.anyLanguage, speaks_language: entry.speaksLanguage,
                           channels: service.channels.map(\.rawValue), website: service.website, hours: service.hours.description,
                           hours_note: service.hoursNote, open_now: entry.status.isOpen, closes_at: closesAt, opens_at: opensAt,
                           emergency: service.emergency, anonymous: service.anonymous, free: service.free, seed: service.seed)
        }
    }

    /// Pretty-printed, keys sorted, so the output is stable.
    public func data() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(self)) ?? Data()) + Data("\n".utf8)
    }
}
