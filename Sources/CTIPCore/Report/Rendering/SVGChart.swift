/// The report's figures as SVG, drawn by CTIP: bars per year (with a line for a second series) and
/// horizontal bars for the parts of a whole. Sized by `viewBox` so they scale on screen and in print;
/// colours keep a contrast of at least 4.5:1 on white, and every bar carries its number as text.
public enum SVGChart {
    static let palette = ["#1f4e79", "#b5461f", "#3d6b35", "#6b3d7a", "#7a5c00", "#00667a"]

    public static func render(_ figure: ReportDocument.Figure, id: String) -> String {
        let body: String
        let height: Int
        switch figure.chart {
        case .trend(let years, let series): (body, height) = trend(years: years, series: series)
        case .parts(let parts): (body, height) = bars(parts)
        }
        return """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 720 \(height)" role="img" aria-labelledby="\(id)-title" \
        font-family="Helvetica, Arial, 'Noto Sans CJK JP', sans-serif" font-size="12">\
        <title id="\(id)-title">\(Markup.escaped(figure.caption))</title>\(body)</svg>
        """
    }

    private static func trend(years: [Int], series: [ReportDocument.Figure.Series]) -> (String, Int) {
        let width = 720.0, height = 320.0, left = 44.0, right = 12.0, top = 36.0, bottom = 40.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let maximum = max(1, series.flatMap { $0.values.compactMap { $0 } }.max() ?? 1)
        let scaleTop = niceCeiling(maximum)
        let step = years.isEmpty ? plotWidth : plotWidth / Double(years.count)
        func y(_ value: Int) -> Double { top + plotHeight * (1 - Double(value) / Double(scaleTop)) }
        var svg = ""
        // Legend.
        for (index, item) in series.enumerated() {
            let x = left + Double(index) * 170
            svg += "<rect x=\"\(f(x))\" y=\"8\" width=\"12\" height=\"12\" fill=\"\(palette[index % palette.count])\"/>"
            svg += "<text x=\"\(f(x + 18))\" y=\"18\">\(Markup.escaped(item.name))</text>"
        }
        // Grid and scale.
        for tick in 0...4 {
            let value = scaleTop * tick / 4
            svg += "<line x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(y(value)))\" y2=\"\(f(y(value)))\" stroke=\"#c8c8c8\" stroke-width=\"0.5\"/>"
            svg += "<text x=\"\(f(left - 6))\" y=\"\(f(y(value) + 4))\" text-anchor=\"end\">\(value)</text>"
        }
        // The first series as bars, the others as lines with points.
        if let bars = series.first {
            let barWidth = step * (series.count > 1 ? 0.6 : 0.7)
            for (index, value) in bars.values.enumerated() {
                guard let value else { continue }
                let x = left + step * Double(index) + (step - barWidth) / 2
                svg += "<rect x=\"\(f(x))\" y=\"\(f(y(value)))\" width=\"\(f(barWidth))\" height=\"\(f(y(0) - y(value)))\" fill=\"\(palette[0])\"><title>\(years[index]): \(value)</title></rect>"
            }
        }
        for (seriesIndex, line) in series.enumerated().dropFirst() {
            let colour = palette[seriesIndex % palette.count]
            let points = line.values.enumerated().compactMap { index, value in
                value.map { "\(f(left + step * (Double(index) + 0.5))),\(f(y($0)))" }
            }
            svg += "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"/>"
            for (index, value) in line.values.enumerated() {
                guard let value else { continue }
                svg += "<circle cx=\"\(f(left + step * (Double(index) + 0.5)))\" cy=\"\(f(y(value)))\" r=\"3\" fill=\"\(colour)\"><title>\(years[index]): \(value)</title></circle>"
            }
        }
        // Years along the axis: every other one when crowded, counted from the last so that it is always shown.
        let every = years.count > 14 ? 2 : 1
        for (index, year) in years.enumerated() where (years.count - 1 - index) % every == 0 {
            svg += "<text x=\"\(f(left + step * (Double(index) + 0.5)))\" y=\"\(f(height - bottom + 16))\" text-anchor=\"middle\">\(year)</text>"
        }
        svg += "<line x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(y(0)))\" y2=\"\(f(y(0)))\" stroke=\"#333\"/>"
        return (svg, Int(height))
    }

    private static func bars(_ parts: [(label: String, value: Int)]) -> (String, Int) {
        let rowHeight = 24.0, top = 8.0, labelWidth = 230.0, width = 720.0, right = 60.0
        let total = max(1, parts.reduce(0) { $0 + $1.value })
        let maximum = max(1, parts.map(\.value).max() ?? 1)
        var svg = ""
        for (index, part) in parts.enumerated() {
            let y = top + rowHeight * Double(index)
            let length = (width - labelWidth - right) * Double(part.value) / Double(maximum)
            let share = Int((Double(part.value) * 100 / Double(total)).rounded())
            svg += "<text x=\"\(f(labelWidth - 8))\" y=\"\(f(y + 15))\" text-anchor=\"end\">\(Markup.escaped(part.label))</text>"
            svg += "<rect x=\"\(f(labelWidth))\" y=\"\(f(y + 3))\" width=\"\(f(max(length, 1)))\" height=\"\(f(rowHeight - 8))\" fill=\"\(palette[index % palette.count])\"/>"
            svg += "<text x=\"\(f(labelWidth + length + 6))\" y=\"\(f(y + 15))\">\(part.value) (\(share)%)</text>"
        }
        return (svg, Int(top * 2 + rowHeight * Double(max(parts.count, 1))))
    }

    /// 1, 2, 5 × 10ⁿ at or above the value, so the scale reads in round numbers.
    private static func niceCeiling(_ value: Int) -> Int {
        var magnitude = 1
        while magnitude * 10 < value { magnitude *= 10 }
        for factor in [1, 2, 4, 5, 10] where factor * magnitude >= value { return factor * magnitude }
        return 10 * magnitude
    }

    private static func f(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

}
