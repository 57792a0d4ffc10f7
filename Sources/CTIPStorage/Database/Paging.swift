import Foundation

/// How lists that can grow (victim files, cases, referrals, the audit trail) are read a page at a
/// time: by the sort key of the last item seen (keyset paging), so a page never skips or repeats an
/// item when others are added meanwhile, and a deep page costs what the first does.
public enum Paging {
    public static let defaultLimit = 100
    public static let maximumLimit = 1000
}

/// Where a page starts: the sort key of the item before it, its parts joined by `~` (`2026-04-02~V2026-…`).
/// Any text of a list's pattern is a place in that list's order, so a cursor can never be "wrong":
/// at worst it points past the end and the page is empty.
public struct PageCursor: Sendable, Equatable {
    public let keys: [String]

    public init(keys: [String]) { self.keys = keys }

    /// The cursors of lists ordered by a day, then an identifier (victim files, cases).
    public static let dayPattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}(~[A-Za-z0-9_-]{0,64})?$"
    /// Lists ordered by a number, then an identifier (referrals by when they were made).
    public static let numberPattern = "^[0-9]{1,18}(~[A-Za-z0-9_-]{0,64})?$"
    /// Lists ordered by a number alone (the audit trail's sequence).
    public static let sequencePattern = "^[0-9]{1,18}$"

    /// The key of `token`'s first `parts` parts; missing parts are empty (before every identifier).
    public init(token: String, parts: Int) {
        var keys = token.split(separator: "~", maxSplits: max(0, parts - 1), omittingEmptySubsequences: false).map(String.init)
        while keys.count < parts { keys.append("") }
        self.keys = keys
    }

    public var token: String { keys.joined(separator: "~") }
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
