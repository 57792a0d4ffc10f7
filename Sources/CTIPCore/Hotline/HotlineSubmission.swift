import Foundation

/// Why a submitted report was refused, naming the field. The web layer words it in the reporter's language.
public struct HotlineInputError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Problem: Equatable, Sendable {
        case missing
        case unknownLanguage
        case unknownCategory
        case unknownPrefecture
        case tooLong(limit: Int)
        case controlCharacters
        case malformedURL(URLNormalisationError)
    }
    /// The contract's field name: `lang`, `category`, `description`, `prefecture`, `url`.
    public let field: String
    public let problem: Problem

    public init(field: String, problem: Problem) { self.field = field; self.problem = problem }

    public var description: String { "\(field): \(problem)" }
}

/// Limits of what a reporter may send: generous for a story, small enough that a flood cannot fill the disk.
public enum HotlineLimits {
    public static let descriptionCharacters = 4_000
    public static let answerCharacters = 4_000
    /// Bytes of a request body at the public endpoints (a form or JSON with the longest description in any script).
    public static let bodyBytes = 32 * 1024
}

/// A tip as the reporter sent it, checked: every field valid, text free of control characters.
public struct TipSubmission: Sendable, Equatable {
    public let language: String
    public let category: TipCategory
    public let prefecture: String
    public let description: String
    /// The reporter said someone's life is in danger now: triaged first.
    public let dangerNow: Bool

    /// Checks fields in the order of the form, so the first error is the first wrong field the reporter sees.
    public init(language: String?, category: String?, prefecture: String?, description: String?, dangerNow: Bool = false,
                prefectures: Set<String>) throws(HotlineInputError) {
        self.language = try HotlineFields.language(language)
        guard let categoryText = HotlineFields.present(category) else { throw HotlineInputError(field: "category", problem: .missing) }
        guard let category = TipCategory(rawValue: categoryText) else { throw HotlineInputError(field: "category", problem: .unknownCategory) }
        self.category = category
        guard let prefectureText = HotlineFields.present(prefecture) else { throw HotlineInputError(field: "prefecture", problem: .missing) }
        guard prefectures.contains(prefectureText.uppercased()) else { throw HotlineInputError(field: "prefecture", problem: .unknownPrefecture) }
        self.prefecture = prefectureText.uppercased()
        self.description = try HotlineFields.text(description, field: "description", limit: HotlineLimits.descriptionCharacters)
        self.dangerNow = dangerNow
    }
}

/// An internet report as the reporter sent it, checked, with its URL normalised.
public struct InternetReportSubmission: Sendable, Equatable {
    public let language: String
    public let category: InternetCategory
    public let url: NormalisedURL
    public let description: String

    public init(language: String?, category: String?, url: String?, description: String?) throws(HotlineInputError) {
        self.language = try HotlineFields.language(language)
        guard let categoryText = HotlineFields.present(category) else { throw HotlineInputError(field: "category", problem: .missing) }
        guard let category = InternetCategory(rawValue: categoryText) else { throw HotlineInputError(field: "category", problem: .unknownCategory) }
        self.category = category
        guard let urlText = HotlineFields.present(url) else { throw HotlineInputError(field: "url", problem: .missing) }
        do { self.url = try URLNormaliser.normalise(urlText) }
        catch { throw HotlineInputError(field: "url", problem: .malformedURL(error)) }
        // The URL says what; a description is welcome but not required.
        let text = description ?? ""
        self.description = text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            ? "" : try HotlineFields.text(text, field: "description", limit: HotlineLimits.descriptionCharacters)
    }
}

/// The field rules shared by every hotline form.
public enum HotlineFields {
    /// The languages a reporter can choose: the leaflet's, one list for the help page and the hotlines.
    public static var languages: [String] { HelpLanguages.leaflet }

    public static func present(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    public static func language(_ text: String?) throws(HotlineInputError) -> String {
        guard let text = present(text) else { throw HotlineInputError(field: "lang", problem: .missing) }
        guard let code = HelpLanguages.normalise(text), languages.contains(code) else { throw HotlineInputError(field: "lang", problem: .unknownLanguage) }
        return code
    }

    /// Free text: trimmed, line breaks made `\n`, no other control characters (they hide text from the
    /// analyst's eye and break terminals), at most `limit` characters. Markup is kept as typed: it is
    /// text, and every page escapes it.
    public static func text(_ raw: String?, field: String, limit: Int) throws(HotlineInputError) -> String {
        guard let raw, let trimmed = present(raw.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")) else {
            throw HotlineInputError(field: field, problem: .missing)
        }
        for scalar in trimmed.unicodeScalars where isForbidden(scalar) {
            throw HotlineInputError(field: field, problem: .controlCharacters)
        }
        guard trimmed.count <= limit else { throw HotlineInputError(field: field, problem: .tooLong(limit: limit)) }
        return trimmed
    }

    /// C0 and C1 controls except tab and line feed, and the bidirectional overrides that make text read
    /// differently from how it is stored.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
