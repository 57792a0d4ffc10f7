import FluentKit
import SQLKit

/// The registers of the measures (`docs/measures.md`): one table per file, one column per file column
/// (`#` an integer, `!` required), the key unique. Written out here rather than derived from
/// `MeasureFile`, so that this migration stays what it was when released.
struct CreateMeasureRegisters: AsyncMigration {
    static let tables: [(name: String, columns: String, key: [String])] = [
        ("measure_materials", "material_id! ministry! kind! title_en! title_ja audience languages #copies approximate #fiscal_year since report_figure source", ["material_id"]),
        ("measure_distributions", "distribution_id! material_id! ministry! #fiscal_year #copies #places approximate recipients source", ["distribution_id"]),
        ("measure_campaigns", "campaign_id! ministry! name_en! name_ja #year! starts_on ends_on recurring channels #reach source", ["campaign_id"]),
        ("measure_trainings", "training_id! ministry! kind! course_en! course_ja #year #fiscal_year held until attendees countries mode implementer source", ["training_id"]),
        ("measure_funding", "funding_id! ministry! recipient! project_en! project_ja #fiscal_year #amount currency approximate countries region starts ends source", ["funding_id"]),
        ("measure_agreements", "agreement_id! ministry! kind! subject! counterpart! title_en title_ja diet_approved signed in_force source", ["agreement_id"]),
        ("measure_engagements", "engagement_id! ministry! kind! name_en! name_ja series #ordinal starts! ends place online #participants countries partner source", ["engagement_id"]),
        ("measure_legal_assistance", "ministry! #year! direction! country! status! #requests! source", ["year", "direction", "country", "status"]),
        ("measure_enforcement", "aggregate_id! ministry! #year! offence_group! counted! #persons #cases #units unit starts_on ends_on countries #persons_in_japan preliminary source", ["aggregate_id"]),
        ("measure_consultations", "service_id! ministry! period! language! topic! channel! #count! unit as_of source", ["service_id", "period", "language", "topic", "channel"]),
        ("measure_series", "series_id! ministry! period! #value! unit! since as_of cumulative source", ["series_id", "period"]),
    ]

    func prepare(on database: any Database) async throws {
        for table in Self.tables {
            var schema = database.schema(table.name)
            for word in table.columns.split(separator: " ") {
                let integer = word.hasPrefix("#"), required = word.hasSuffix("!")
                let name = String(word.dropFirst(integer ? 1 : 0).dropLast(required ? 1 : 0))
                schema = required ? schema.field(.string(name), integer ? .int64 : .string, .required) : schema.field(.string(name), integer ? .int64 : .string)
            }
            try await schema.constraint(.constraint(.unique(fields: table.key.map { .key(.string($0)) }), name: "\(table.name)_key")).create()
            try await database.sql.create(index: "\(table.name)_ministry").on(table.name).column("ministry").run()
        }
    }

    func revert(on database: any Database) async throws {
        for table in Self.tables.reversed() { try await database.schema(table.name).delete() }
    }
}
