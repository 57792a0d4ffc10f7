import CTIPCore

/// Why a case-work request was refused; the web turns each into its status and a message that never
/// contains personal data.
public enum CaseWorkError: Error, Equatable, CustomStringConvertible {
    /// The file does not exist, or exists but is none of this person's business (the same answer, so
    /// that existence itself does not leak).
    case notFound
    /// The person may see the file but not do this.
    case forbidden(String)
    case invalid([FieldError])
    /// Well formed, but the record's state, the timeline's rules or the agency directory do not allow it
    /// now (a step out of order, a referral already answered, an agency that does not protect victims).
    case conflict([FieldError])
    /// Encryption at rest is not configured, so personal details cannot be stored or read.
    case noDataKey

    public var description: String {
        switch self {
        case .notFound: "no such file"
        case .forbidden(let what): "not allowed: \(what)"
        case .invalid(let errors), .conflict(let errors): errors.map(\.description).joined(separator: "; ")
        case .noDataKey: "no data key is configured (set CTIP_DATA_KEY or --data-key-file)"
        }
    }
}
