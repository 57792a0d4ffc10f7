/// An instant, read on Japan's clock: Japan Standard Time is UTC+09:00 all year (no daylight saving
/// since 1951), so the arithmetic is fixed and never depends on the server's time zone.
public struct JapanTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public static let offsetSeconds = 9 * 3600

    /// Seconds since 1970-01-01T00:00:00Z.
    public let secondsSinceEpoch: Int

    public init(secondsSinceEpoch: Int) { self.secondsSinceEpoch = secondsSinceEpoch }

    /// The instant at `minute` minutes after midnight (Japan time) of `day`; minutes may run past 1440.
    public init(day: Day, minute: Int) {
        secondsSinceEpoch = day.daysSinceEpoch * 86_400 + minute * 60 - JapanTime.offsetSeconds
    }

    private var localSeconds: Int { secondsSinceEpoch + JapanTime.offsetSeconds }
    /// The calendar day in Japan.
    public var day: Day {
        let seconds = localSeconds
        return Day(daysSinceEpoch: seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400))
    }
    /// Minutes since midnight in Japan (0..<1440).
    public var minuteOfDay: Int { ((localSeconds % 86_400) + 86_400) % 86_400 / 60 }

    /// `2025-01-02T20:00+09:00`: minutes precision, always Japan's offset.
    public var description: String {
        let minute = minuteOfDay
        return "\(day)T\(twoDigits(minute / 60)):\(twoDigits(minute % 60))+09:00"
    }

    public static func < (lhs: JapanTime, rhs: JapanTime) -> Bool { lhs.secondsSinceEpoch < rhs.secondsSinceEpoch }

    /// Parses ISO 8601 `YYYY-MM-DDTHH:MM[:SS][.fff](Z|±HH:MM|±HHMM)`. The offset is required: a time
    /// without one is ambiguous, and a help line's hours must never be guessed in the wrong zone.
    /// An instant typed into a query string: its unescaped `+09:00` arrives as ` 09:00`.
    public static func repairingQueryPlus(_ text: String) -> String {
        var text = text
        if let space = text.range(of: " ", options: .backwards), text.distance(from: text.startIndex, to: space.lowerBound) > 10 {
            text.replaceSubrange(space, with: "+")
        }
        return text
    }

    public init(iso text: String) throws(InvalidInstant) {
        let characters = Array(text.trimmingSpaces())
        func fail(_ reason: String) -> InvalidInstant { InvalidInstant(text: text, reason: reason) }
        guard characters.count >= 16, characters[10] == "T" || characters[10] == "t" || characters[10] == " " else {
            throw fail("expected YYYY-MM-DDTHH:MM followed by an offset such as +09:00 or Z")
        }
        guard let day = Day(iso: String(characters[0..<10])) else { throw fail("the date \(String(characters[0..<10])) does not exist") }
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= characters.count else { return nil }
            var value = 0
            for character in characters[range] {
                guard let digit = character.wholeNumberValue, character.isASCII else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let hour = number(11..<13), characters[13] == ":", let minute = number(14..<16) else {
            throw fail("expected the time as HH:MM")
        }
        var index = 16
        var second = 0
        if index < characters.count, characters[index] == ":" {
            guard let value = number(index + 1..<index + 3) else { throw fail("expected seconds as :SS") }
            second = value
            index += 3
            if index < characters.count, characters[index] == "." {
                index += 1
                while index < characters.count, characters[index].isASCII, characters[index].isNumber { index += 1 }
            }
        }
        // RFC 3339 allows a leap second (:60); Japan time counts it as the second before.
        if second == 60 { second = 59 }
        guard hour < 24, minute < 60, second < 60 else { throw fail("\(twoDigits(hour)):\(twoDigits(minute)) is not a time of day") }
        guard index < characters.count else { throw fail("the offset is missing: add +09:00 (Japan) or Z (UTC)") }
        var offset = 0
        switch characters[index] {
        case "Z", "z":
            index += 1
        case "+", "-":
            let sign = characters[index] == "-" ? -1 : 1
            guard let hours = number(index + 1..<index + 3) else { throw fail("expected the offset as ±HH:MM") }
            var next = index + 3
            if next < characters.count, characters[next] == ":" { next += 1 }
            guard let minutes = number(next..<next + 2) else { throw fail("expected the offset as ±HH:MM") }
            guard hours < 24, minutes < 60 else { throw fail("the offset \(String(characters[index..<next + 2])) does not exist") }
            offset = sign * (hours * 3600 + minutes * 60)
            index = next + 2
        default:
            throw fail("unexpected \"\(characters[index])\" where the offset (+09:00 or Z) should be")
        }
        guard index == characters.count else { throw fail("unexpected text after the offset") }
        secondsSinceEpoch = day.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second - offset
    }
}

/// A time that cannot be read or does not exist, with the reason.
public struct InvalidInstant: Error, Sendable, Equatable, CustomStringConvertible {
    public let text: String
    public let reason: String
    public var description: String { "\"\(text)\" is not a valid time: \(reason) (example: 2025-01-02T20:00+09:00)" }
}

func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
