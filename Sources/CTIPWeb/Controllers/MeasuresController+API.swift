import CTIPCore
import CTIPStorage
import Foundation
import Vapor

/// The registers as JSON under `/api/measures` (`docs/measures.md`): a register's rows, one row
/// added or replaced by the same rules as the files and the form, and the report's figures of a calendar
/// or fiscal year as `ctip measures stats --json` prints them. A body that does not follow the document
/// is 400 (`APIContractMiddleware`); a row its register's rules refuse — a cell, or the rules across rows
/// (distributions larger than the copies printed) — is 409, naming its column; another ministry's row is 403.
extension MeasuresController {
    func bootAPI(_ api: any RoutesBuilder) {
        api.get("figures") { request in
            let staff = try await request.requireStaff(.viewMeasures)
            let scope = Self.scope(staff)
            let period = period(request)
            var figures = MeasureFigures.compute(try await store(request).rows(ministry: scope), for: period)
            if case .fiscalYear(let fiscal) = period {
                // Figure 14's poster statistics, from the section-2 records of the year the poster quotes.
                let year = PosterStatistics.posterYear(forFiscalYear: fiscal)
                let facts = try await request.annualReports.facts(year: year, asOf: Day.reportCutOff(forDataYear: year))
                if facts.current.hasRecords {
                    figures += PosterStatistics(year: year, facts: facts.current).figures.filter { scope == nil || $0.ministry == scope }
                }
            }
            return try Response.json(figures.map(MeasureFigureJSON.init))
        }
        api.get(":register") { request in
            let staff = try await request.requireStaff(.viewMeasures)
            let file = try register(request)
            let rows = try await store(request).rows(file, ministry: Self.scope(staff))
            return try Response.json(MeasureRowsJSON(register: file.rawValue, rows: rows.map(\.cells)))
        }
        api.post(":register") { request in
            let staff = try await request.requireStaff(.recordMeasures)
            let file = try register(request)
            var fields = try Self.fields(request)
            // The caller's own ministry unless the body names one; another ministry's row is refused (403).
            let named = fields.removeValue(forKey: "ministry") ?? ""
            let row = try await recordRow(request, file: file, fields: fields, ministry: named.isEmpty ? staff.agency.code : named, by: staff)
            return try Response.json(MeasureRowRecordedJSON(register: file.rawValue, key: row.keyText, row: row.cells), status: .created)
        }
    }

    /// `fiscal_year`, else `year` (as `/api/oversight/stats`), else the last fiscal year that has ended.
    func period(_ request: Request) -> MeasurePeriod {
        let query = APIContractMiddleware.query(request.url.query)
        if let fiscal = query["fiscal_year"].flatMap({ Int($0) }) { return .fiscalYear(fiscal) }
        if let year = query["year"].flatMap({ Int($0) }) { return .year(year) }
        let today = request.todayInJapan
        return .fiscalYear((today.month >= 4 ? today.year : today.year - 1) - 1)
    }
}

// MARK: The JSON

/// A register's rows as its file holds them: each row's cells by column name, empty cells left out.
struct MeasureRowsJSON: Codable, APIObject {
    let register: String
    let rows: [[String: String]]

    static let schemaName = "MeasureRows"
    static let schemaDescription = "The rows of one register (docs/measures.md), the caller's ministry's for a contributor and every ministry's for analysts and supervisors: each row's cells by column name, as its file writes them; empty cells are left out."
    static let notes: [String: FieldNote] = ["register": FieldNote(description: "The register: its file name without `.csv`.",
                                                                   allowed: MeasureFile.allCases.map(\.rawValue))]
}

/// The row as it was recorded: its register, its key (the values of the key columns, `/`-joined) and its cells.
struct MeasureRowRecordedJSON: Codable, APIObject {
    let register: String
    let key: String
    let row: [String: String]

    static let schemaName = "MeasureRowRecorded"
    static let schemaDescription = "The row recorded (or replaced: a row with the same key is replaced), with its key and its cells as they were kept."
    static let notes: [String: FieldNote] = [
        "register": FieldNote(description: "The register: its file name without `.csv`.", allowed: MeasureFile.allCases.map(\.rawValue)),
        "key": FieldNote(description: "The values of the register's key columns, joined by `/` (the id for most registers)."),
    ]
}

extension MeasureFigureJSON: APIObject {
    static let schemaName = "MeasureFigure"
    static let schemaDescription = "A figure of the registers for the annual report, as `ctip measures stats --json` prints it: a count with its unit, or an amount in the currency it was given in (never converted); its period, whether it is preliminary or approximate, and the ministry that states it (`ctip` for a figure computed from the records)."
    static let notes: [String: FieldNote] = [
        "key": FieldNote(description: "Stable across years and edits: `register/row key/what`."),
        "value": FieldNote(description: "The count or the amount; for a share, the part of `of`."),
        "of": FieldNote(description: "For a share: the whole it is a part of."),
        "currency": FieldNote(description: "For an amount: its currency.", allowed: ReportFigure.Currency.allCases.map(\.rawValue)),
        "unit": FieldNote(description: "What a count counts, in the plural (`copies`, `persons`)."),
        "period": FieldNote(description: "The period in English: `2024`, `FY2024`, `as of March 31, 2025`, or a span."),
        "text_en": FieldNote(description: "The figure as the report writes it in English."),
        "text_ja": FieldNote(description: "The figure as the report writes it in Japanese."),
    ]
}

extension APIRequestSchemas {
    /// A row of any register: every column of every register may appear, each checked by the rules
    /// of the register the path names (a column of another register is 409, naming it).
    static let newMeasureRow: Schema = {
        var names: [String] = []
        var integers: Set<String> = []
        for file in MeasureFile.allCases {
            for column in file.columns {
                if !names.contains(column.name) { names.append(column.name) }
                if column.integer { integers.insert(column.name) }
            }
        }
        let properties: [(String, Schema)] = names.map { name in
            let cell: Schema
            if integers.contains(name) {
                cell = Schema(type: ["integer", "string"], description: "A whole number, 0 or more (as a number or as text).")
                cell.minimum = 0
            } else {
                cell = Schema(type: ["string", "boolean", "array"], description: "A cell: text, a code, a date; `true`/`false`; a list as an array or as `;`-separated text.")
                cell.items = text("One value of a list.", max: 200)
            }
            cell.maxLength = 1000
            cell.pattern = "^[^\(control)]*$"
            return (name, cell)
        }
        return object("A row of the register the path names, its columns as the register's file has them (docs/measures.md). `ministry` is the caller's agency when absent; a contributor records only their own ministry's rows. A row with the key of a stored row replaces it.",
                      properties, required: [])
    }()
}
