/// The rules of the measures registers (`docs/measures.md`): each row checked on its own here, the rules
/// across rows (duplicate keys, distributions against the copies printed) in `MeasureRules.across`. A
/// problem names its place — `FILE:LINE: COLUMN:` for a file, the field for a form — in English and
/// Japanese, and a row with any problem is not kept.
public enum MeasureRules {
    /// Checks one row; returns it when it has no problem. `row` collects the problems.
    public static func check(_ file: MeasureFile, _ row: inout RowDecoder, context: MeasureContext) -> MeasureRow? {
        var cells: [String: String] = [:]
        func keep(_ column: String, _ value: String?) { if let value { cells[column] = value } }
        func keepInt(_ column: String, _ value: Int?) { if let value { cells[column] = String(value) } }

        keep("ministry", row.agency("ministry", context: context))
        switch file {
        case .materials:
            keep("material_id", row.identifier("material_id"))
            keep("kind", row.codes("kind", as: MaterialKind.self, required: true))
            keep("title_en", row.requiredText("title_en", maximumLength: 300))
            keep("title_ja", row.text("title_ja", maximumLength: 300))
            keep("audience", row.codes("audience", as: MaterialAudience.self))
            keep("languages", row.languages("languages", allowingAll: false))
            keepInt("copies", row.count("copies"))
            keep("approximate", row.flagText("approximate"))
            keepInt("fiscal_year", row.year("fiscal_year"))
            keep("since", row.since("since"))
            keep("report_figure", row.text("report_figure", maximumLength: 40))
        case .distributions:
            keep("distribution_id", row.identifier("distribution_id"))
            if row.raw("material_id") == nil { _ = row.required("material_id") }
            let materials = row.identifierList("material_id")
            keep("material_id", materials.isEmpty ? nil : materials.joined(separator: ";"))
            keepInt("fiscal_year", row.year("fiscal_year"))
            keepInt("copies", row.count("copies"))
            keepInt("places", row.count("places"))
            keep("approximate", row.flagText("approximate"))
            keep("recipients", row.text("recipients", maximumLength: 1000))
        case .campaigns:
            keep("campaign_id", row.identifier("campaign_id"))
            keep("name_en", row.requiredText("name_en", maximumLength: 300))
            keep("name_ja", row.text("name_ja", maximumLength: 300))
            let year = row.year("year", required: true)
            keepInt("year", year)
            let starts = row.day("starts_on")
            keep("starts_on", starts?.description)
            keep("ends_on", row.day("ends_on", notBefore: starts, startColumn: "starts_on")?.description)
            if let starts, let year, starts.year != year {
                row.fail("starts_on", "\(starts) is not in \(year), the year the campaign was run", japanese: "\(starts) は実施年（\(year)年）の日付ではありません")
            }
            keep("recurring", row.flagText("recurring"))
            keep("channels", row.codes("channels", as: CampaignChannel.self))
            keepInt("reach", row.count("reach"))
        case .trainings:
            keep("training_id", row.identifier("training_id"))
            keep("kind", row.code("kind", as: TrainingKind.self, required: true)?.rawValue)
            keep("course_en", row.requiredText("course_en", maximumLength: 300))
            keep("course_ja", row.text("course_ja", maximumLength: 300))
            let year = row.year("year"), fiscalYear = row.year("fiscal_year")
            keepInt("year", year); keepInt("fiscal_year", fiscalYear)
            let held = row.measureDate("held")
            keep("held", held?.description)
            keep("until", row.measureDate("until", notBefore: held, startColumn: "held")?.description)
            if year == nil, fiscalYear == nil, held == nil, row.raw("year") == nil, row.raw("fiscal_year") == nil, row.raw("held") == nil {
                row.fail("held", "give the training's date, its year or its fiscal year", japanese: "実施日・実施年・実施年度のいずれかを入力してください")
            }
            keep("attendees", row.attendees("attendees"))
            keep("countries", row.countries("countries", context: context))
            keep("mode", row.code("mode", as: MeetingMode.self)?.rawValue)
            keep("implementer", row.text("implementer", maximumLength: 300))
        case .funding:
            keep("funding_id", row.identifier("funding_id"))
            keep("recipient", row.identifier("recipient"))
            keep("project_en", row.requiredText("project_en", maximumLength: 500))
            keep("project_ja", row.text("project_ja", maximumLength: 500))
            keepInt("fiscal_year", row.year("fiscal_year"))
            let amount = row.count("amount")
            keepInt("amount", amount)
            let currency = row.raw("currency")
            if let currency {
                if ReportFigure.Currency(rawValue: currency) == nil {
                    row.fail("currency", "unknown currency `\(currency.prefix(10))`; expected one of `JPY`, `USD`, `EUR`",
                             japanese: "「\(currency.prefix(10))」は使えない通貨です（JPY、USD、EUR のいずれか）")
                } else if row.raw("amount") == nil {
                    row.fail("currency", "a currency without an amount", japanese: "金額がないのに通貨が入力されています")
                } else { keep("currency", currency) }
            } else if row.raw("amount") != nil {
                row.fail("currency", "an amount needs its currency (`JPY`, `USD` or `EUR`): amounts are kept as given, never converted",
                         japanese: "金額には通貨（JPY、USD、EUR）が必要です。金額は換算せず、記載どおりに保存します")
            }
            keep("approximate", row.flagText("approximate"))
            keep("countries", row.countries("countries", context: context))
            keep("region", row.text("region", maximumLength: 200))
            let starts = row.measureDate("starts")
            keep("starts", starts?.description)
            keep("ends", row.measureDate("ends", notBefore: starts, startColumn: "starts")?.description)
        case .agreements:
            keep("agreement_id", row.identifier("agreement_id"))
            keep("kind", row.code("kind", as: AgreementKind.self, required: true)?.rawValue)
            keep("subject", row.code("subject", as: AgreementSubject.self, required: true)?.rawValue)
            keep("counterpart", row.counterpart("counterpart", context: context))
            keep("title_en", row.text("title_en", maximumLength: 500))
            keep("title_ja", row.text("title_ja", maximumLength: 500))
            keep("diet_approved", row.measureDate("diet_approved")?.description)
            let signed = row.measureDate("signed")
            keep("signed", signed?.description)
            keep("in_force", row.measureDate("in_force", notBefore: signed, startColumn: "signed")?.description)
        case .engagements:
            keep("engagement_id", row.identifier("engagement_id"))
            keep("kind", row.code("kind", as: EngagementKind.self, required: true)?.rawValue)
            keep("name_en", row.requiredText("name_en", maximumLength: 300))
            keep("name_ja", row.text("name_ja", maximumLength: 300))
            if row.raw("series") != nil { keep("series", row.identifier("series")) }
            keepInt("ordinal", row.integer("ordinal", in: 1...10_000))
            let starts = row.measureDate("starts", required: true)
            keep("starts", starts?.description)
            keep("ends", row.measureDate("ends", notBefore: starts, startColumn: "starts")?.description)
            keep("place", row.text("place", maximumLength: 200))
            keep("online", row.flagText("online"))
            keepInt("participants", row.count("participants"))
            keep("countries", row.countries("countries", context: context))
            keep("partner", row.text("partner", maximumLength: 300))
        case .legalAssistance:
            keepInt("year", row.year("year", required: true))
            keep("direction", row.code("direction", as: LegalAssistanceDirection.self, required: true)?.rawValue)
            keep("country", row.country3("country", required: true, context: context))
            keep("status", row.code("status", as: LegalAssistanceStatus.self, required: true)?.rawValue)
            keepInt("requests", row.count("requests", required: true))
        case .enforcement:
            keep("aggregate_id", row.identifier("aggregate_id"))
            keepInt("year", row.year("year", required: true))
            keep("offence_group", row.offenceGroup("offence_group", context: context))
            keep("counted", row.code("counted", as: EnforcementCount.self, required: true)?.rawValue)
            let persons = row.count("persons"), cases = row.count("cases"), units = row.count("units")
            keepInt("persons", persons); keepInt("cases", cases); keepInt("units", units)
            let unit = row.raw("unit") == nil ? nil : row.identifier("unit")
            keep("unit", unit)
            if row.raw("units") != nil, row.raw("unit") == nil {
                row.fail("unit", "say what `units` counts (for example `workplaces`)", japanese: "units が何を数えたものか（workplaces など）を入力してください")
            }
            if row.raw("persons") == nil, row.raw("cases") == nil, row.raw("units") == nil {
                row.fail("persons", "an aggregate needs persons, cases or units", japanese: "人数・件数・その他の数のいずれかが必要です")
            }
            let starts = row.day("starts_on")
            keep("starts_on", starts?.description)
            keep("ends_on", row.day("ends_on", notBefore: starts, startColumn: "starts_on")?.description)
            keep("countries", row.countries("countries", context: context))
            let inJapan = row.count("persons_in_japan")
            if let inJapan, let persons, inJapan > persons {
                row.fail("persons_in_japan", "\(inJapan) is more than the \(persons) persons in all", japanese: "\(inJapan)人は総数（\(persons)人）を超えています")
            } else { keepInt("persons_in_japan", inJapan) }
            keep("preliminary", row.flagText("preliminary"))
        case .consultations:
            let service = row.service("service_id", context: context)
            keep("service_id", service)
            let period = row.period("period", required: true)
            keep("period", period?.description)
            if let service, let period, let since = context.services[service] ?? nil, period.lastDay < since.firstDay {
                row.fail("period", "the service `\(service)` began in \(since.written(in: .en)); it took no consultations in \(period)",
                         japanese: "「\(service)」は\(since.written(in: .ja))に始まったため、\(period)の相談件数はありえません")
            }
            keep("language", row.languages("language", allowingAll: true, single: true))
            keep("topic", row.allOr("topic", HelpTopic.allCases.map(\.rawValue)))
            keep("channel", row.allOr("channel", HelpChannel.allCases.map(\.rawValue)))
            keepInt("count", row.count("count", required: true))
            keep("unit", row.code("unit", as: ConsultationUnit.self)?.rawValue)
            keep("as_of", row.day("as_of")?.description)
        case .series:
            keep("series_id", row.identifier("series_id"))
            keep("period", row.period("period", required: true)?.description)
            keepInt("value", row.count("value", required: true))
            keep("unit", row.code("unit", as: SeriesUnit.self, required: true)?.rawValue)
            keep("since", row.since("since"))
            keep("as_of", row.day("as_of")?.description)
            keep("cumulative", row.flagText("cumulative"))
        }
        keep("source", row.text("source", maximumLength: 1000))
        guard row.issues.isEmpty else { return nil }
        return MeasureRow(file: file, cells: cells)
    }

    /// The rules across rows: a key twice in one file; distributions larger than the copies printed,
    /// each and together; a distribution of a material nobody recorded. `materials` holds every
    /// material known (stored and incoming); the rows come with the line (or 1 for a form) they are on.
    public static func across(_ rows: [MeasureFile: [(row: MeasureRow, line: Int)]], materials: [String: MeasureRow],
                              distributionsElsewhere: [MeasureRow] = []) -> [BundleIssue] {
        var issues: [BundleIssue] = []
        for (file, entries) in rows {
            var seen: [[String]: Int] = [:]
            for entry in entries {
                if let first = seen[entry.row.key] {
                    issues.append(BundleIssue(file: file.fileName, line: entry.line, column: file.keyColumns.first,
                                              message: "`\(entry.row.keyText)` appears twice (first on line \(first))",
                                              japanese: "「\(entry.row.keyText)」が重複しています（最初は\(first)行目）"))
                } else { seen[entry.row.key] = entry.line }
            }
        }
        // Distributions of the same materials (one, or several that went out together) share the copies printed.
        let incoming = rows[.distributions] ?? []
        let incomingIDs = Set(incoming.map { $0.row["distribution_id"] ?? "" })
        var totals: [String: Int] = [:]
        for other in distributionsElsewhere where !incomingIDs.contains(other["distribution_id"] ?? "") {
            totals[other["material_id"] ?? "", default: 0] += other.integer("copies") ?? 0
        }
        for entry in incoming {
            let listed = entry.row["material_id"] ?? ""
            let ids = entry.row.list("material_id")
            if let missing = ids.first(where: { materials[$0] == nil }) {
                issues.append(BundleIssue(file: MeasureFile.distributions.fileName, line: entry.line, column: "material_id",
                                          message: "no material `\(missing)` in materials.csv or the register",
                                          japanese: "啓発資料「\(missing)」は登録されていません"))
                continue
            }
            guard let copies = entry.row.integer("copies") else { continue }
            let runs = ids.compactMap { materials[$0]?.integer("copies") }
            guard runs.count == ids.count else { continue }
            let printed = runs.reduce(0, +)
            totals[listed, default: 0] += copies
            if copies > printed {
                issues.append(BundleIssue(file: MeasureFile.distributions.fileName, line: entry.line, column: "copies",
                                          message: "\(copies) copies distributed, but only \(printed) of `\(listed)` were printed",
                                          japanese: "配布部数（\(copies)部）が「\(listed)」の作成部数（\(printed)部）を超えています"))
            } else if totals[listed]! > printed {
                issues.append(BundleIssue(file: MeasureFile.distributions.fileName, line: entry.line, column: "copies",
                                          message: "the distributions of `\(listed)` come to \(totals[listed]!) copies, more than the \(printed) printed",
                                          japanese: "「\(listed)」の配布部数の合計（\(totals[listed]!)部）が作成部数（\(printed)部）を超えています"))
            }
        }
        return issues
    }
}

extension RowDecoder {
    mutating func requiredText(_ column: String, maximumLength: Int) -> String? {
        guard raw(column) != nil else { _ = required(column); return nil }
        return text(column, maximumLength: maximumLength)
    }

    mutating func agency(_ column: String, context: MeasureContext) -> String? {
        guard let value = required(column) else { return nil }
        guard context.agencies.contains(value) else {
            fail(column, "unknown agency `\(value.prefix(40))`; expected a code of the agency directory such as `cao`, `npa`, `mofa`",
                 japanese: "「\(value.prefix(40))」は機関のコードではありません（cao、npa、mofa など）")
            return nil
        }
        return value
    }

    mutating func count(_ column: String, required isRequired: Bool = false) -> Int? {
        guard let value = isRequired ? required(column) : raw(column) else { return nil }
        guard let number = Int(value), number >= 0 else {
            fail(column, "`\(value.prefix(40))` is not a count: expected a whole number, 0 or more (no separators)",
                 japanese: "「\(value.prefix(40))」は0以上の整数ではありません（区切りのカンマは付けません）")
            return nil
        }
        return number
    }

    mutating func year(_ column: String, required isRequired: Bool = false) -> Int? {
        integer(column, in: 1900...2200, required: isRequired)
    }

    mutating func flagText(_ column: String) -> String? { boolean(column).map { $0 ? "true" : "false" } }

    mutating func codes<Value: CodedValue>(_ column: String, as type: Value.Type, required isRequired: Bool = false) -> String? {
        if isRequired, raw(column) == nil { _ = required(column); return nil }
        let codes = codeList(column, as: type)
        return codes.isEmpty ? nil : codes.map(\.rawValue).joined(separator: ";")
    }

    mutating func languages(_ column: String, allowingAll: Bool, single: Bool = false) -> String? {
        guard let value = single ? required(column) : raw(column) else { return nil }
        if allowingAll, value == "all" { return value }
        let parts = value.split(separator: ";").map(String.init)
        for part in parts where !HelpLanguages.iso639_1.contains(part) || (single && parts.count > 1) {
            fail(column, "`\(part.prefix(20))` is not a language: expected an ISO 639-1 code such as `vi`\(allowingAll ? ", or `all`" : "")",
                 japanese: "「\(part.prefix(20))」は言語コードではありません（vi など ISO 639-1 の2文字\(allowingAll ? "、または all" : "")）")
            return nil
        }
        return parts.joined(separator: ";")
    }

    mutating func country3(_ column: String, required isRequired: Bool, context: MeasureContext) -> String? {
        country(column, required: isRequired, context: ValidationContext(codeLists: context.codeLists, offenseCodes: []))
    }

    mutating func countries(_ column: String, context: MeasureContext) -> String? {
        guard let value = raw(column) else { return nil }
        let parts = value.split(separator: ";").map(String.init)
        for part in parts where context.codeLists.countries[part] == nil {
            fail(column, "unknown country `\(part.prefix(40))`; expected `;`-separated ISO 3166-1 alpha-3 codes such as `VNM;PHL`",
                 japanese: "「\(part.prefix(40))」は国のコードではありません（VNM;PHL のように ISO 3166-1 の3文字コードを「;」で区切ります）")
            return nil
        }
        return parts.joined(separator: ";")
    }

    mutating func counterpart(_ column: String, context: MeasureContext) -> String? {
        guard let value = required(column) else { return nil }
        if value == "EU" || value == "UN" { return value }
        return country3(column, required: true, context: context)
    }

    mutating func measureDate(_ column: String, required isRequired: Bool = false, notBefore start: MeasureDate? = nil,
                              startColumn: String = "") -> MeasureDate? {
        guard let value = isRequired ? required(column) : raw(column) else { return nil }
        guard let date = MeasureDate(value) else {
            fail(column, "`\(value.prefix(40))` is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD",
                 japanese: "「\(value.prefix(40))」は日付ではありません（YYYY、YYYY-MM、YYYY-MM-DD のいずれか）")
            return nil
        }
        if let start, date.lastDay < start.firstDay {
            fail(column, "\(date) is before `\(startColumn)` \(start)", japanese: "\(date) は \(startColumn)（\(start)）より前です")
            return nil
        }
        return date
    }

    mutating func period(_ column: String, required isRequired: Bool) -> MeasurePeriod? {
        guard let value = isRequired ? required(column) : raw(column) else { return nil }
        guard let period = MeasurePeriod(value) else {
            fail(column, "`\(value.prefix(40))` is not a period: expected a year (`2024`) or a fiscal year (`FY2024`)",
                 japanese: "「\(value.prefix(40))」は期間ではありません（2024 のような年、または FY2024 のような年度）")
            return nil
        }
        return period
    }

    /// The year something recurring began: `2005` or `FY2004`, the forms of a period.
    mutating func since(_ column: String) -> String? {
        guard raw(column) != nil else { return nil }
        return period(column, required: false)?.description
    }

    mutating func attendees(_ column: String) -> String? {
        guard let value = raw(column) else { return nil }
        var parts: [String] = []
        for part in value.split(separator: ";") {
            let pieces = part.split(separator: "=", omittingEmptySubsequences: false)
            guard pieces.count == 2, let kind = AttendeeKind(rawValue: String(pieces[0])) else {
                fail(column, "`\(part.prefix(40))` is not `kind=count` with a kind of \(AttendeeKind.allowedCodes)",
                     japanese: "「\(part.prefix(40))」は「種別=人数」の形ではありません")
                return nil
            }
            guard let count = Int(pieces[1]), count >= 0 else {
                fail(column, "`\(pieces[1].prefix(20))` attendees of `\(kind.rawValue)`: the number of attendees must be a whole number, 0 or more",
                     japanese: "「\(kind.rawValue)」の参加者数「\(pieces[1].prefix(20))」は0以上の整数でなければなりません")
                return nil
            }
            parts.append("\(kind.rawValue)=\(count)")
        }
        return parts.joined(separator: ";")
    }

    mutating func service(_ column: String, context: MeasureContext) -> String? {
        guard let value = required(column) else { return nil }
        guard context.services[value] != nil else {
            fail(column, "unknown service `\(value.prefix(60))`; expected an `id` of the help directory such as `houterasu-multilingual`",
                 japanese: "「\(value.prefix(60))」は相談窓口一覧にありません（houterasu-multilingual など）")
            return nil
        }
        return value
    }

    mutating func allOr(_ column: String, _ codes: [String]) -> String? {
        guard let value = required(column) else { return nil }
        guard value == "all" || codes.contains(value) else {
            fail(column, "unknown code `\(value.prefix(40))`; expected `all` or one of " + codes.map { "`\($0)`" }.joined(separator: ", "),
                 japanese: "「\(value.prefix(40))」は使えないコードです（all または " + codes.joined(separator: "、") + "）")
            return nil
        }
        return value
    }

    mutating func offenceGroup(_ column: String, context: MeasureContext) -> String? {
        guard let value = required(column) else { return nil }
        guard context.offenseCodes.contains(value) || EnforcementGroup.groups.contains(where: { $0.code == value }) else {
            fail(column, "unknown offence group `\(value.prefix(60))`; expected a code of offenses.csv or one of "
                    + EnforcementGroup.groups.map { "`\($0.code)`" }.joined(separator: ", "),
                 japanese: "「\(value.prefix(60))」は罪種のコードではありません")
            return nil
        }
        return value
    }
}
