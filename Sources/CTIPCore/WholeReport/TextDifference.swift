/// The difference between two texts, word by word (the longest common subsequence): what a contribution
/// says now against what the same contribution said last year.
public enum TextDifference {
    public enum Part: Sendable, Hashable {
        case same(String), removed(String), added(String)
    }

    public static func parts(from old: String, to new: String) -> [Part] {
        let a = tokens(old), b = tokens(new)
        // Common prefix and suffix first: most of a carried-forward text is unchanged.
        var start = 0
        while start < a.count, start < b.count, a[start] == b[start] { start += 1 }
        var endA = a.count, endB = b.count
        while endA > start, endB > start, a[endA - 1] == b[endB - 1] { endA -= 1; endB -= 1 }
        let midA = Array(a[start..<endA]), midB = Array(b[start..<endB])
        var table = Array(repeating: Array(repeating: 0, count: midB.count + 1), count: midA.count + 1)
        for i in stride(from: midA.count - 1, through: 0, by: -1) {
            for j in stride(from: midB.count - 1, through: 0, by: -1) {
                table[i][j] = midA[i] == midB[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var result: [Part] = []
        func append(_ part: Part) {
            switch (result.last, part) {
            case (.same(let x)?, .same(let y)): result[result.count - 1] = .same(x + y)
            case (.removed(let x)?, .removed(let y)): result[result.count - 1] = .removed(x + y)
            case (.added(let x)?, .added(let y)): result[result.count - 1] = .added(x + y)
            default: result.append(part)
            }
        }
        if start > 0 { append(.same(a[0..<start].joined())) }
        var i = 0, j = 0
        while i < midA.count || j < midB.count {
            if i < midA.count, j < midB.count, midA[i] == midB[j] {
                append(.same(midA[i])); i += 1; j += 1
            } else if j < midB.count, i == midA.count || table[i][j + 1] >= table[i + 1][j] {
                append(.added(midB[j])); j += 1
            } else {
                append(.removed(midA[i])); i += 1
            }
        }
        if endA < a.count { append(.same(a[endA...].joined())) }
        return result
    }

    /// True when the two texts differ in anything but spacing.
    public static func differs(_ old: String, _ new: String) -> Bool {
        tokens(old).filter { !$0.allSatisfy(\.isWhitespace) } != tokens(new).filter { !$0.allSatisfy(\.isWhitespace) }
    }

    /// Words and the spaces between them, kept, so that the parts join back into the texts. Japanese has
    /// no spaces: each character outside ASCII is its own token.
    static func tokens(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var currentIsSpace = false
        for character in text {
            let isSpace = character.isWhitespace
            if !character.isASCII && !isSpace {
                if !current.isEmpty { result.append(current); current = "" }
                result.append(String(character))
                continue
            }
            if !current.isEmpty && isSpace != currentIsSpace { result.append(current); current = "" }
            current.append(character)
            currentIsSpace = isSpace
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}
