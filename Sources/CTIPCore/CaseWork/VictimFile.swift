import Foundation

/// Who the person is. Sealed at rest as one value.
public struct VictimIdentity: Codable, Sendable, Equatable {
    public var name: String
    public var dateOfBirth: String?
    /// Passport or residence card number, if known.
    public var document: String?
    public init(name: String, dateOfBirth: String? = nil, document: String? = nil) {
        self.name = name; self.dateOfBirth = dateOfBirth; self.document = document
    }
}

/// How to reach the person. Sealed at rest as one value.
public struct VictimContact: Codable, Sendable, Equatable {
    public var phone: String?
    public var email: String?
    /// The language they speak, for interpreters (a code of the help directory's languages).
    public var language: String?
    public init(phone: String? = nil, email: String? = nil, language: String? = nil) {
        self.phone = phone; self.email = email; self.language = language
    }
    public var isEmpty: Bool { phone == nil && email == nil && language == nil }
}

/// Where the person is now: the most dangerous fact in CTIP. Sealed at rest, shown only to the
/// protecting agency (`VictimFileAccess`).
public struct Whereabouts: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable { case shelter, address, other }
    public var kind: Kind
    public var description: String
    public init(kind: Kind, description: String) { self.kind = kind; self.description = description }
}

/// A problem with one field of a form or JSON request, named as the client sent it. The message is in
/// English (the API, the command line, the logs of tests) and, where written, in Japanese for the staff
/// pages in Japanese.
public struct FieldError: Error, Sendable, Equatable, CustomStringConvertible {
    public var field: String
    public var message: String
    public var japanese: String?
    public init(field: String, message: String, japanese: String? = nil) { self.field = field; self.message = message; self.japanese = japanese }
    public var description: String { "\(field): \(message)" }

    /// The message in `language`, English where no translation is written.
    public func message(_ language: Language) -> String { language == .ja ? japanese ?? message : message }

    /// The same problem: the English message names it; the Japanese is its translation.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.field == rhs.field && lhs.message == rhs.message }
}

extension FieldError {
    public static let unknownWhereaboutsKind = FieldError(
        field: "whereabouts_kind", message: "expected one of shelter, address, other",
        japanese: "shelter（保護施設）、address（住所）、other（その他）のいずれかを選んでください")
    /// Whereabouts say what kind of place they are: left empty, the kind is refused, never taken to be a shelter.
    public static let whereaboutsNeedAKind = FieldError(
        field: "whereabouts_kind", message: "required with whereabouts: choose shelter, address or other",
        japanese: "所在を記録する場合は所在の種別（shelter（保護施設）、address（住所）、other（その他））を選んでください")
    /// Only the protecting agency may know where a person is: whereabouts come with the agency.
    public static let whereaboutsNeedAProtectingAgency = FieldError(
        field: "protecting_agency", message: "required with whereabouts: only the protecting agency may know them",
        japanese: "所在を記録する場合は保護機関が必要です（所在を知るのは保護機関だけです）")
}

/// Every problem of one form or request.
public struct FieldErrors: Error, Sendable, Equatable {
    public var errors: [FieldError]
    public init(_ errors: [FieldError]) { self.errors = errors }
}

/// A new victim's file as entered by staff: the bundle's fields (so the report counts it), and the
/// personal details that will be sealed.
public struct NewVictimFile: Sendable, Equatable {
    public var record: VictimRecord
    public var identity: VictimIdentity?
    public var contact: VictimContact?
    public var whereabouts: Whereabouts?
    /// The agency protecting the person, if someone is (a code of the agency directory).
    public var protectingAgency: String?

    /// Reads a form or JSON object of text fields. The bundle's columns keep their bundle names
    /// (`protected_on`, `sex`, `age`, `nationality`, `residence_status`, `exploitation`, `protected_by`,
    /// `case_ids`), checked by the same rules as an import; the others are `name`, `date_of_birth`,
    /// `document`, `phone`, `email`, `language`, `whereabouts_kind`, `whereabouts`, `protecting_agency`.
    /// Every problem is returned, each naming its field.
    public static func read(_ fields: [String: String], id: String, context: ValidationContext) -> Result<NewVictimFile, FieldErrors> {
        func value(_ name: String) -> String? {
            guard let text = fields[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
            return text
        }
        var errors: [FieldError] = []
        for (name, text) in fields where text.count > 2000 {
            errors.append(FieldError(field: name, message: "is longer than 2,000 characters", japanese: "2,000文字を超えています"))
        }
        var record: VictimRecord?
        switch RecordForm.read(VictimRecord.self, fields, fixed: ["victim_id": id, "case_ids": ""], context: context) {
        case .success(let read): record = read
        case .failure(let problems): errors += problems.errors
        }

        var identity: VictimIdentity?
        if let name = value("name") {
            identity = VictimIdentity(name: name, dateOfBirth: value("date_of_birth"), document: value("document"))
            if let birth = identity?.dateOfBirth, Day(iso: birth) == nil {
                errors.append(FieldError(field: "date_of_birth", message: "`\(birth.prefix(20))` is not a date (YYYY-MM-DD)",
                                         japanese: "「\(birth.prefix(20))」は日付ではありません（YYYY-MM-DD）"))
            }
        } else if value("date_of_birth") != nil || value("document") != nil {
            errors.append(FieldError(field: "name", message: "required when a date of birth or document is given",
                                     japanese: "生年月日や旅券番号を入力する場合は氏名も必要です"))
        }
        let contact = VictimContact(phone: value("phone"), email: value("email"), language: value("language"))
        if let email = contact.email, !email.contains("@") {
            errors.append(FieldError(field: "email", message: "is not an email address", japanese: "メールアドレスではありません"))
        }
        var whereabouts: Whereabouts?
        if let text = value("whereabouts") {
            // The kind is stated, never guessed: whereabouts without one are refused.
            if let kindText = value("whereabouts_kind"), let kind = Whereabouts.Kind(rawValue: kindText) {
                whereabouts = Whereabouts(kind: kind, description: text)
            } else if value("whereabouts_kind") == nil {
                errors.append(FieldError.whereaboutsNeedAKind)
            } else {
                errors.append(FieldError.unknownWhereaboutsKind)
            }
            if value("protecting_agency") == nil {
                errors.append(FieldError.whereaboutsNeedAProtectingAgency)
            }
        }
        guard errors.isEmpty, let record else {
            return .failure(FieldErrors(errors.sorted { ($0.field, $0.message) < ($1.field, $1.message) }))
        }
        return .success(NewVictimFile(record: record, identity: identity, contact: contact.isEmpty ? nil : contact,
                                      whereabouts: whereabouts, protectingAgency: value("protecting_agency")))
    }

    /// A new file's identifier (`V2026-…`, see `RecordForm.newID`).
    public static func newID(year: Int) -> String { RecordForm.newID(prefix: "V", year: year) }
}
