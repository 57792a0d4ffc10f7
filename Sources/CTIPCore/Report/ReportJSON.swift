/// The report's JSON written by hand, byte for byte what `JSONEncoder` writes with snake_case keys, sorted
/// keys, pretty printing and unescaped slashes (the tests compare the two on whole reports). A report of a
/// large year lists tens of thousands of persons; `JSONEncoder` takes seconds over them, this a fraction.
///
/// Each type writes its stored properties under their snake_case names in sorted order, leaving out nil
/// ones, as the synthesized `Codable` conformance does.
struct ReportJSONWriter {
    private(set) var bytes: [UInt8] = []
    private var depth = 0
    private var isFirstInContainer = true

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    // MARK: Containers

    /// `{`, the fields written by `body`, `}`; an empty object as `JSONEncoder` prints it (`{`, a blank line, `}`).
    mutating func object(_ body: (inout ReportJSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        body(&self)
        close(UInt8(ascii: "}"))
    }

    mutating func array<Element>(_ elements: [Element], _ write: (inout ReportJSONWriter, Element) -> Void) {
        open(UInt8(ascii: "["))
        for element in elements {
            startElement()
            write(&self, element)
        }
        close(UInt8(ascii: "]"))
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        bytes.append(UInt8(ascii: "\n"))
        depth += 1
        isFirstInContainer = true
    }

    private mutating func close(_ bracket: UInt8) {
        bytes.append(UInt8(ascii: "\n"))
        depth -= 1
        indent()
        bytes.append(bracket)
        isFirstInContainer = false
    }

    private mutating func startElement() {
        if !isFirstInContainer {
            bytes.append(UInt8(ascii: ","))
            bytes.append(UInt8(ascii: "\n"))
        }
        isFirstInContainer = false
        indent()
    }

    private mutating func indent() {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    /// Starts a field: the key (already snake_case) and ` : `.
    mutating func key(_ name: StaticString) {
        startElement()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: " "))
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
    }

    // MARK: Fields

    mutating func field(_ name: StaticString, _ value: Int) { key(name); number(value) }
    mutating func field(_ name: StaticString, _ value: Int?) { if let value { field(name, value) } }
    mutating func field(_ name: StaticString, _ value: String) { key(name); string(value) }
    mutating func field(_ name: StaticString, _ value: String?) { if let value { field(name, value) } }
    mutating func field(_ name: StaticString, _ value: Day) { key(name); day(value) }
    mutating func field(_ name: StaticString, _ value: Day?) { if let value { field(name, value) } }
    mutating func field(_ name: StaticString, _ value: Bool) { key(name); bytes.append(contentsOf: (value ? "true" : "false").utf8) }

    /// As `JSONEncoder`: the shortest form that reads back exactly, without a trailing `.0`.
    mutating func field(_ name: StaticString, _ value: Double?) {
        guard let value else { return }
        key(name)
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    mutating func field<Value: ReportJSONWritable>(_ name: StaticString, _ value: Value) {
        key(name)
        value.write(to: &self)
    }

    mutating func field<Value: ReportJSONWritable>(_ name: StaticString, _ values: [Value]) {
        key(name)
        array(values) { json, value in value.write(to: &json) }
    }

    // MARK: Scalars

    mutating func number(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

    /// `"YYYY-MM-DD"`, as `Day.description`, without building a string for each of the many dates.
    mutating func day(_ value: Day) {
        func digits(_ number: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(number / divisor % 10))
                divisor /= 10
            }
        }
        bytes.append(UInt8(ascii: "\""))
        digits(value.year, 4)
        bytes.append(UInt8(ascii: "-"))
        digits(value.month, 2)
        bytes.append(UInt8(ascii: "-"))
        digits(value.day, 2)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Quotes and escapes as `JSONEncoder` does: `"`, `\`, and control characters; everything else as UTF-8.
    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        // Nearly every string needs no escape: copied whole.
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            bytes.append(contentsOf: value.utf8)
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: "\\u00".utf8)
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

/// A part of the report that writes itself with `ReportJSONWriter`.
protocol ReportJSONWritable {
    func write(to json: inout ReportJSONWriter)
}

extension AnnualReport: ReportJSONWritable {
    func write(to json: inout ReportJSONWriter) {
        json.object { json in
            json.field("approved_in", approvedIn)
            json.field("as_of", asOf)
            json.field("carry_over", carryOver)
            json.field("carry_over_from", carryOverFrom)
            json.field("has_records", hasRecords)
            json.field("language", language)
            json.field("notices", notices)
            json.field("previous_year_source", previousYearSource)
            json.field("schema", schema)
            json.field("series", series)
            json.field("suspects", suspects)
            json.field("tables", tables)
            json.field("victims", victims)
            json.field("year", year)
        }
    }
}

extension AnnualReport.Notice: ReportJSONWritable {
    func write(to json: inout ReportJSONWriter) {
        json.object { json in
            json.field("count", count)
            json.field("kind", kind.rawValue)
            json.field("text", text)
        }
    }
}

extension AnnualReport.Compared: ReportJSONWritable {
    func write(to json: inout ReportJSONWriter) {
        json.object { json in
            json.field("count", count)
            json.field("previous", previous)
        }
    }
}

extension AnnualReport.Part: ReportJSONWritable {
    func write(to json: inout ReportJSONWriter) {
        json.object { json in
            json.field("code", code)
            json.field("count", count)
            json.field("label", label)
            json.field("previous", previous)
        }
    }
}

extension AnnualReport.VictimFigures: ReportJSONWritable {
    func write(to json: inout ReportJSONWriter) {
        json.object { json in
            json.field("age_unknown", ageUnknown)
            json.field("by_exploitation", byExploitation)
            json.field("by_nationality", byNationality)
            json.field("by_sex", bySex)
            json.field("foreign", foreign)
            json.field("foreign_by_nationality", foreignByNationality)
            json.field("foreign_by_residence_status", foreignByResidenceStatus)
            json.field("immigration_protection", immigrationProtection)
            json.field("iom_voluntary_returns", iomVoluntaryReturns)
            json.field("japanese", japanese)
            json.field("japanese_share_percent", japaneseSharePercent)
            json.field("minors", minors)
            json.field("minors_by_nationality", minorsByNationality)
            json.field("total", total)
            json.field("women_support_center_protection", womenSupportCenterProtection)
        }
    }
}

extension AnnualReport.ImmigrationProtection: ReportJSONWritable {
    func write(to json: inout ReportJSONWriter) {
        json.object { json in
            json.field("permitted_to_change_status", permittedToChangeStatus)
            json.field("protected", protected)
            json.field("with_status_of_residence", withStatusOfResidence)
        }
    }
}

extension AnnualReport.SuspectFigures: ReportJSONWritable {
    func write(to json: inout ReportJSONWriter) {
        json.object { json in
            json.field("arrested", arrested)
            json.field("brokers", brokers)
            json.field("by_nationality", byNationality)
            json.field("by_sex", bySex)
            json.field("cleared_cases", clearedCases)
            json.field("deportation_orders", deportationOrders)
            json.field("not_prosecuted", notProsecuted)
            json.field("not_prosecuted_for_evidence", notProsecutedForEvidence)
            json.field("organized_crime", organizedCrime)
            json.field("outcomes", outcomes)
            json.field("prosecuted", prosecuted)
            json.field("undecided", undecided)
        }
    }
}

extension AnnualReport.Outcomes: ReportJSONWritable {
    func write(to json: inout ReportJSONWriter) {
        json.object { json in
            json.field("dismissed", dismissed)
            json.field("guilty", guilty)
            json.field("not_guilty", notGuilty)
            json.field("pending", pending)
            json.field("protective_measure", protectiveMeasure)
        }
    }
}

extension AnnualReport.CarryOverGroup: ReportJSONWritable {
    func write(to json: inout ReportJSONWriter) {
        json.object { json in
            json.field("first_reported_in", firstReportedIn)
            json.field("outcomes", outcomes)
            json.field("persons", persons)
            json.field("still_awaiting_in", stillAwaitingIn)
            json.field("table", table)
        }
    }
}

extension AnnualReport.TrialTable: ReportJSONWritable {
    func write(to json: inout ReportJSONWriter) {
        json.object { json in
            json.field("first_reported_in", firstReportedIn)
            json.field("kind", kind.rawValue)
            json.field("number", number)
            json.field("rows", rows)
            json.field("still_awaiting_in", stillAwaitingIn)
        }
    }
}

extension AnnualReport.TrialRow: ReportJSONWritable {
    func write(to json: inout ReportJSONWriter) {
        json.object { json in
            json.field("arrested_on", arrestedOn)
            json.field("charges", charges)
            json.field("decided_on", decidedOn)
            json.field("fine_yen", fineYen)
            json.field("imprisonment_months", imprisonmentMonths)
            json.field("number", number)
            json.field("offenses", offenses)
            json.field("result", result)
            json.field("suspect_id", suspectID)
            json.field("suspension_months", suspensionMonths)
            json.field("verdict", verdict.rawValue)
        }
    }
}

extension ReportFacts.Charge: ReportJSONWritable {
    func write(to json: inout ReportJSONWriter) {
        json.object { json in
            json.field("detail", detail)
            json.field("offense", offense)
        }
    }
}

extension AnnualTotals: ReportJSONWritable {
    func write(to json: inout ReportJSONWriter) {
        json.object { json in
            json.field("cleared_cases", clearedCases)
            json.field("cleared_suspects", clearedSuspects)
            json.field("differs_from_history", differsFromHistory)
            json.field("source", source.rawValue)
            json.field("victims", victims)
            json.field("year", year)
        }
    }
}
