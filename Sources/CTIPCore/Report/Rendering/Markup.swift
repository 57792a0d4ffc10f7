/// Text made safe in HTML and SVG: inside an element, or inside a double- or single-quoted attribute.
/// The charts CTIP draws write their labels through it, and so do the pages wherever Plot would not:
/// Plot escapes text, but writes attribute values as given, so every attribute value that can hold
/// what someone typed or sent (a search, a form shown again, a query parameter) goes through here.
public enum Markup {
    public static func escaped(_ text: String) -> String {
        guard text.contains(where: { $0 == "&" || $0 == "\"" || $0 == "<" || $0 == ">" || $0 == "'" }) else { return text }
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.append(character)
            }
        }
        return result
    }
}
