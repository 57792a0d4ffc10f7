import CTIPCore
import Plot

/// The registers' charts as CTIP draws them: SVG bars per year, sized by `viewBox` so they scale on a
/// phone and in print, every bar with its number (as text where there is room, always as its tooltip),
/// and under each chart a table of the same numbers — the table is what screen readers and print read.
/// No style attribute and no script: colours are presentation attributes, text takes the page's colour.
enum MeasuresCharts {
    typealias Body = Node<HTML.BodyContext>

    /// Bars: readable on white and on the dark scheme's background (contrast above 3:1 on both).
    static let barColour = "#2f6fad"
    static let gridColour = "#8a8f98"

    /// A chart and its table, under a heading of `level` (2 on the public page, 3 under a register's heading).
    static func figure(_ chart: MeasureChart, language: CTIPCore.Language, idPrefix: String = "chart-", level: Int = 3) -> Body {
        let id = idPrefix + chart.id
        let title = chart.title(language)
        let unit = chart.unitLabel(language)
        let heading: Body = level == 2 ? .h2(.id(id), .text(title)) : .h3(.id(id), .text(title))
        return .section(.class("measure-chart"), .attribute(named: "aria-labelledby", value: id),
            heading,
            .div(.class("chart"), .attribute(named: "aria-hidden", value: "true"), .raw(svg(chart, id: id + "-svg", language: language))),
            table(chart, id: id + "-table", language: language, caption: unit.isEmpty ? title : "\(title) (\(unit))"))
    }

    /// The chart's numbers: a row per period, the unit in the column's heading.
    static func table(_ chart: MeasureChart, id: String, language: CTIPCore.Language, caption: String) -> Body {
        let captionID = "\(id)-caption"
        let period = language == .ja ? "期間" : "Period"
        let unit = chart.unitLabel(language)
        let valueHeading = unit.isEmpty ? (language == .ja ? "値" : "Value") : unit
        return .div(.class("scroll"), .attribute(named: "tabindex", value: "0"), .attribute(named: "role", value: "region"),
                    .attribute(named: "aria-labelledby", value: captionID),
                    .table(.class("figures"), .id(id),
                           .caption(.id(captionID), .text(caption)),
                           .thead(.tr(.th(.attribute(named: "scope", value: "col"), .text(period)),
                                      .th(.attribute(named: "scope", value: "col"), .text(valueHeading)))),
                           .tbody(.forEach(chart.points) { point in
                               .tr(.th(.attribute(named: "scope", value: "row"), .text(point.label(language))),
                                   .td(.class("number"), .text(MeasureChart.number(point.value))))
                           })))
    }

    /// The bars, one per period, over a scale of round numbers with its grid; the unit at the top left.
    static func svg(_ chart: MeasureChart, id: String, language: CTIPCore.Language) -> String {
        let width = 720.0, height = 260.0, right = 12.0, top = 34.0, bottom = 36.0
        let maximum = max(1, chart.points.map(\.value).max() ?? 1)
        let scaleTop = niceCeiling(maximum)
        let ticks = scaleTop % 2 == 0 ? [0, scaleTop / 2, scaleTop] : [0, scaleTop]
        let longestTick = ticks.map { MeasureChart.number($0).count }.max() ?? 1
        let left = max(40.0, 7.0 * Double(longestTick) + 14)
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let count = max(chart.points.count, 1)
        let step = plotWidth / Double(count)
        let barWidth = min(step * 0.7, 72)
        func y(_ value: Int) -> Double { top + plotHeight * (1 - Double(value) / Double(scaleTop)) }

        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-labelledby=\"\(id)-title\""
            + " font-family=\"system-ui, sans-serif\" font-size=\"12\" fill=\"currentColor\">"
        svg += "<title id=\"\(id)-title\">\(Markup.escaped(chart.title(language)))</title>"
        let unit = chart.unitLabel(language)
        if !unit.isEmpty { svg += "<text x=\"\(f(left))\" y=\"16\">\(Markup.escaped(unit))</text>" }
        for tick in ticks {
            svg += "<line x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(y(tick)))\" y2=\"\(f(y(tick)))\" stroke=\"\(gridColour)\" stroke-width=\"\(tick == 0 ? "1.5" : "0.5")\"/>"
            svg += "<text x=\"\(f(left - 6))\" y=\"\(f(y(tick) + 4))\" text-anchor=\"end\">\(MeasureChart.number(tick))</text>"
        }
        // A label is about 7 units wide per character: where the bars are narrower, only some labels are written.
        let longestLabel = chart.points.map { $0.label(language).count }.max() ?? 1
        let every = max(1, Int((Double(longestLabel) * 7 + 6) / step) + 1)
        let valuesFit = chart.points.allSatisfy { Double(MeasureChart.number($0.value).count) * 7 <= step }
        for (index, point) in chart.points.enumerated() {
            let centre = left + step * (Double(index) + 0.5)
            let x = centre - barWidth / 2
            let barTop = y(point.value)
            let label = "\(point.label(language)): \(MeasureChart.number(point.value))\(unit.isEmpty ? "" : " " + unit)"
            svg += "<rect x=\"\(f(x))\" y=\"\(f(barTop))\" width=\"\(f(barWidth))\" height=\"\(f(max(y(0) - barTop, 0)))\" fill=\"\(barColour)\">"
                + "<title>\(Markup.escaped(label))</title></rect>"
            if valuesFit {
                svg += "<text x=\"\(f(centre))\" y=\"\(f(barTop - 4))\" text-anchor=\"middle\">\(MeasureChart.number(point.value))</text>"
            }
            // Counted from the last, so that the latest period is always named.
            if (chart.points.count - 1 - index) % every == 0 {
                svg += "<text x=\"\(f(centre))\" y=\"\(f(height - bottom + 18))\" text-anchor=\"middle\">\(Markup.escaped(point.label(language)))</text>"
            }
        }
        return svg + "</svg>"
    }

    /// 1, 2, 2.5 or 5 × 10ⁿ at or above the value, so the scale reads in round numbers.
    static func niceCeiling(_ value: Int) -> Int {
        var magnitude = 1
        while magnitude * 10 < value { magnitude *= 10 }
        if magnitude >= 10 {
            for factor in [10, 20, 25, 50, 100] where factor * magnitude / 10 >= value { return factor * magnitude / 10 }
        }
        for factor in [1, 2, 5, 10] where factor * magnitude >= value { return factor * magnitude }
        return 10 * magnitude
    }

    static func f(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

}
