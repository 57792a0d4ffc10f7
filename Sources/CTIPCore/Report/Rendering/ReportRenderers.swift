import Foundation

/// The formats `ctip report --format` and `/reports/Y` offer.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, markdown, html, json

    public var fileExtension: String {
        switch self {
        case .text: return "txt"
        case .markdown: return "md"
        case .html: return "html"
        case .json: return "json"
        }
    }

    public var mediaType: String {
        switch self {
        case .text: return "text/plain; charset=utf-8"
        case .markdown: return "text/markdown; charset=utf-8"
        case .html: return "text/html; charset=utf-8"
        case .json: return "application/json; charset=utf-8"
        }
    }
}

extension AnnualReport {
    /// The report in one format. `banner` lines (an edition's status) go above the text in every format
    /// but JSON; `links` (other languages and formats, for the web) only in HTML.
    public func rendered(as format: ReportFormat, banner: [String] = [], links: [ReportLink] = []) throws -> String {
        switch format {
        case .json: return String(decoding: try jsonData(), as: UTF8.self) + "\n"
        case .text: return TextReportRenderer.render(ReportDocument(report: self), banner: banner)
        case .markdown: return MarkdownReportRenderer.render(ReportDocument(report: self), banner: banner)
        case .html: return HTMLReportRenderer.render(ReportDocument(report: self), banner: banner, links: links)
        }
    }
}

/// A link above the HTML report (its other language, its JSON, the published edition).
public struct ReportLink: Sendable, Equatable {
    public var label: String
    public var href: String
    public var hreflang: String?
    public init(label: String, href: String, hreflang: String? = nil) { self.label = label; self.href = href; self.hreflang = hreflang }
}

/// Plain text: the seed's own layout, bullets for items and tab-separated table rows.
enum TextReportRenderer {
    static func render(_ document: ReportDocument, banner: [String]) -> String {
        var lines = [document.title, ""]
        if !banner.isEmpty { lines += banner.map { "* " + $0 } + [""] }
        for block in document.blocks {
            switch block {
            case .heading(_, let text): lines += [text, ""]
            case .notice(let text): lines += ["Note: \(text)", ""].map { document.language == .ja ? $0.replacingOccurrences(of: "Note: ", with: "注：") : $0 }
            case .item(let itemLines):
                lines.append("- " + itemLines[0])
                lines += itemLines.dropFirst().map { "  " + $0 }
                lines.append("")
            case .paragraph(let text): lines += [text, ""]
            case .table(let table):
                lines.append("[Table \(table.number)] \(table.caption)".localizedLabel(document.language))
                lines.append(table.columns.joined(separator: "\t"))
                lines += table.rows.map { $0.joined(separator: "\t") }
                lines.append("")
            case .figure(let figure):
                lines.append("[Figure \(figure.number)] \(figure.caption)".localizedLabel(document.language))
                lines.append(figure.dataColumns.joined(separator: "\t"))
                lines += figure.dataRows.map { $0.joined(separator: "\t") }
                lines.append("")
            }
        }
        return lines.joined(separator: "\n")
    }
}

/// Markdown: headings, bullets, pipe tables; figures as their data tables.
enum MarkdownReportRenderer {
    static func render(_ document: ReportDocument, banner: [String]) -> String {
        var lines = ["# \(Markdown.escaped(document.title))", ""]
        if !banner.isEmpty { lines += banner.map { "> " + Markdown.escaped($0) } + [""] }
        for block in document.blocks {
            switch block {
            case .heading(let level, let text): lines += [String(repeating: "#", count: level) + " " + Markdown.escaped(text), ""]
            case .notice(let text): lines += ["> **\(document.language == .ja ? "注" : "Note")**: \(Markdown.escaped(text))", ""]
            case .item(let itemLines):
                lines.append("- " + itemLines.map(Markdown.escaped).joined(separator: "  \n  "))
                lines.append("")
            case .paragraph(let text): lines += [Markdown.escaped(text), ""]
            case .table(let table):
                lines += ["**" + Markdown.escaped("[Table \(table.number)] \(table.caption)".localizedLabel(document.language)) + "**", ""]
                lines += Markdown.pipeTable(columns: table.columns.map { $0.isEmpty ? "No." : $0 }, rows: table.rows) + [""]
            case .figure(let figure):
                lines += ["**" + Markdown.escaped("[Figure \(figure.number)] \(figure.caption)".localizedLabel(document.language)) + "**", ""]
                lines += Markdown.pipeTable(columns: figure.dataColumns, rows: figure.dataRows) + [""]
            }
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    /// "[Table 2] …" → "[表2] …" in Japanese.
    func localizedLabel(_ language: Language) -> String {
        guard language == .ja else { return self }
        return replacingOccurrences(of: "[Table ", with: "[表").replacingOccurrences(of: "[Figure ", with: "[図")
    }
}
