import Foundation

/// Something the finder had to work around, so that the person still gets an answer.
public enum HelpNotice: Sendable, Hashable {
    /// The topic is not one of `HelpTopic`: every service is shown.
    case unknownTopic(String)
    /// The language is not an ISO 639-1 code: English is used.
    case unknownLanguage(String)
    /// No service of the topic speaks the language: those in Japanese or English are shown.
    case noServiceInLanguage(String)

    public var code: String {
        switch self {
        case .unknownTopic: return "unknown_topic"
        case .unknownLanguage: return "unknown_language"
        case .noServiceInLanguage: return "no_service_in_language"
        }
    }

    public var englishMessage: String {
        switch self {
        case .unknownTopic(let topic):
            return "\"\(topic)\" is not a known topic (\(HelpTopic.allCases.map(\.rawValue).joined(separator: ", "))); showing services for every topic."
        case .unknownLanguage(let language):
            return "\"\(language)\" is not an ISO 639-1 language code (e.g. vi, th, tl); showing services in English."
        case .noServiceInLanguage(let language):
            return "No service for this topic speaks \"\(language)\"; showing services in Japanese or English. The emergency numbers arrange interpreters."
        }
    }
}

/// The services that fit, in the order to try them.
public struct HelpAnswer: Sendable {
    public struct Entry: Sendable {
        public let service: HelpService
        public let status: OpenStatus
        public let speaksLanguage: Bool
    }

    /// The topic asked for, nil for every topic.
    public let topic: HelpTopic?
    /// The language the services were chosen for (ISO 639-1).
    public let language: String
    public let emergency: Bool
    public let at: JapanTime
    public let entries: [Entry]
    public let notices: [HelpNotice]

    public init(topic: HelpTopic?, language: String, emergency: Bool, at: JapanTime, entries: [Entry], notices: [HelpNotice]) {
        self.topic = topic; self.language = language; self.emergency = emergency; self.at = at
        self.entries = entries; self.notices = notices
    }
}

/// Answers "who can help me with this, in my language, right now?" from a directory.
public struct HelpFinder: Sendable {
    public let directory: HelpDirectory

    public init(directory: HelpDirectory) { self.directory = directory }

    /// - Parameters:
    ///   - topic: a `HelpTopic` raw value; nil or empty for every topic; unknown ones fall back to every topic.
    ///   - language: ISO 639-1 (a region or script suffix such as `pt-BR` is ignored; `fil` reads as `tl`).
    ///   - emergency: true puts the services for urgent danger (topic `emergency`) right after the emergency numbers.
    public func find(topic topicText: String?, language languageText: String?, emergency: Bool, at instant: JapanTime) -> HelpAnswer {
        var notices: [HelpNotice] = []
        var topic: HelpTopic? = nil
        if let text = topicText?.trimmingSpaces().lowercased(), !text.isEmpty {
            topic = HelpTopic(rawValue: text)
            if topic == nil { notices.append(.unknownTopic(String(text))) }
        }
        var language = "en"
        if let text = languageText?.trimmingSpaces(), !text.isEmpty {
            if let code = HelpLanguages.normalise(String(text)) { language = code } else { notices.append(.unknownLanguage(String(text))) }
        }

        let emergencyNumbers = directory.services.filter(\.emergency)
        let others = directory.services.filter { !$0.emergency }
        func fits(_ service: HelpService) -> Bool {
            guard let topic else { return true }
            return service.topics.contains(topic) || (emergency && service.topics.contains(.emergency))
        }
        let candidates = others.filter(fits)
        var chosen = candidates.filter { $0.speaks(language) }
        if chosen.isEmpty {
            notices.append(.noServiceInLanguage(language))
            chosen = candidates.filter { $0.speaks("ja") || $0.speaks("en") }
        }

        func entry(_ service: HelpService) -> HelpAnswer.Entry {
            HelpAnswer.Entry(service: service, status: service.hours.status(at: instant), speaksLanguage: service.speaks(language))
        }
        let ranked = chosen.map(entry).enumerated().sorted { left, right in
            let l = HelpFinder.rank(left.element, emergency: emergency), r = HelpFinder.rank(right.element, emergency: emergency)
            return l != r ? l.lexicographicallyPrecedes(r) : left.offset < right.offset
        }.map(\.element)
        return HelpAnswer(topic: topic, language: language, emergency: emergency, at: instant,
                          entries: emergencyNumbers.map(entry) + ranked, notices: notices)
    }

    /// Urgent services first when it is an emergency; then open ones (in directory order), then those
    /// whose hours are unknown, then closed ones by when they open.
    private static func rank(_ entry: HelpAnswer.Entry, emergency: Bool) -> [Int] {
        let urgent = emergency && entry.service.topics.contains(.emergency) ? 0 : 1
        switch entry.status {
        case .open: return [urgent, 0, 0]
        case .unknown: return [urgent, 1, 0]
        case .closed(let opensAt): return [urgent, 2, opensAt?.secondsSinceEpoch ?? Int.max]
        }
    }
}

/// Language codes: the ISO 639-1 list, and the languages the help page offers with their own names.
public enum HelpLanguages {
    /// The languages `/help` speaks, in the order offered: the ten of the police leaflet, then those
    /// the services add.
    public static let offered: [(code: String, endonym: String)] = [
        ("ja", "日本語"), ("en", "English"), ("zh", "中文"), ("ko", "한국어"), ("es", "Español"), ("ru", "Русский"),
        ("th", "ไทย"), ("tl", "Tagalog / Filipino"), ("id", "Bahasa Indonesia"), ("vi", "Tiếng Việt"),
        ("pt", "Português"), ("ne", "नेपाली"), ("my", "မြန်မာ"), ("km", "ខ្មែរ"), ("mn", "Монгол"),
    ]

    /// The ten languages of the police leaflet and Portuguese, the second language of Houterasu's
    /// callers: the languages CTIP's own public pages (help, the hotlines) are written in.
    public static let leaflet = ["ja", "en", "zh", "ko", "es", "ru", "th", "tl", "id", "vi", "pt"]

    public static func endonym(_ code: String) -> String { offered.first { $0.code == code }?.endonym ?? code }

    /// Every ISO 639-1 code.
    public static let iso639_1: Set<String> = Set("""
    aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo \
    es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg \
    ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn \
    no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta \
    te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
    """.split(separator: " ").map(String.init))

    /// `vi` → vi, `pt-BR` → pt, `zh_Hant` → zh, `fil` → tl; nil when it is no ISO 639-1 language.
    public static func normalise(_ text: String) -> String? {
        let primary = text.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
        if primary == "fil" { return "tl" }
        return iso639_1.contains(primary) ? primary : nil
    }
}
