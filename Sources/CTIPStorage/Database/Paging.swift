import Foundation

/// How lists that can grow (victim files, cases, referrals, the audit trail) are read a page at a
/// time: by the sort key of the last item seen (keyset paging), so a page never skips or repeats an
/// item when others are added meanwhile, and a deep page costs what the first does.
public enum Paging {
    public static let defaultLimit = 100
    public static let maximumLimit = 1000
}

/// Where a page starts: the sort key of the item before it, as an opaque token (base64url of the key's
/// parts). Clients pass it back as they got it.
public struct PageCursor: Sendable, Equatable {
    public let keys: [String]

    public init(keys: [String]) { self.keys = keys }

    public static let pattern = "^[A-Za-z0-9_-]{1,400}$"

    /// nil for a token CTIP did not make (or with a different number of parts than `parts`).
    public init?(token: String, parts: Int) {
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard token.count <= 400, token.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }),
              let data = Data(base64Encoded: base64),
              let keys = try? JSONDecoder().decode([String].self, from: data), keys.count == parts else { return nil }
        self.keys = keys
    }

    public var token: String {
        let data = (try? JSONEncoder().encode(keys)) ?? Data()
        return data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

/// One page: its items and, when there may be more, where the next one starts.
public struct Page<Item: Sendable>: Sendable {
    public let items: [Item]
    public let next: PageCursor?

    /// From `limit + 1` items read: the extra one only says that there is a next page.
    public init(reading items: [Item], limit: Int, key: (Item) -> [String]) {
        if items.count > limit {
            self.items = Array(items.prefix(limit))
            next = self.items.last.map { PageCursor(keys: key($0)) }
        } else {
            self.items = items
            next = nil
        }
    }
}
