import CTIPCore
import FluentKit
import SQLKit

/// The directory of consultation services in the database (`help_services`, one text column per
/// directory column, `position` keeping the order): what `/help` and `ctip help-finder` answer from.
public struct HelpDirectoryStore: Sendable {
    static let table = "help_services"
    public let database: any Database

    public init(database: any Database) { self.database = database }

    public func load() async throws -> HelpDirectory {
        let rows = try await database.sql.select().columns(HelpDirectory.storedColumns.map { SQLIdentifier($0) })
            .from(Self.table).orderBy("position").all()
        var services: [HelpService] = []
        for row in rows {
            var values: [String: String] = [:]
            for column in HelpDirectory.storedColumns { values[column] = try row.decodeNil(column: column) ? "" : row.decode(column: column, as: String.self) }
            let id = values["id"] ?? "?"
            services.append(try HelpDirectory.service(from: values) { field, message in
                DirectoryDataError(file: Self.table, location: "id \(id)", field: field, message: message)
            })
        }
        return HelpDirectory(services: services)
    }

    /// Replaces the whole directory in one transaction: readers see the old or the new one, never a mix.
    public func replace(with directory: HelpDirectory) async throws {
        try await database.writeTransaction { transaction in
            try await Self.write(directory, to: transaction.sql, replacing: true)
        }
    }

    static func write(_ directory: HelpDirectory, to sql: any SQLDatabase, replacing: Bool,
                      columns: [String] = HelpDirectory.storedColumns) async throws {
        if replacing { try await sql.delete(from: table).run() }
        guard !directory.services.isEmpty else { return }
        var insert = sql.insert(into: table).columns(["position"] + columns)
        for (position, service) in directory.services.enumerated() {
            let row = HelpDirectory.row(service)
            insert = insert.values([SQLBind(position)] + columns.map { SQLBind(row[$0] ?? "") })
        }
        try await insert.run()
    }
}

/// Creates `help_services` and fills it with the services of the seed, so a fresh database can answer
/// `/help` at once.
struct CreateHelpServices: AsyncMigration {
    func prepare(on database: any Database) async throws {
        var schema = database.schema(HelpDirectoryStore.table)
            .field("id", .string, .identifier(auto: false))
            .field("position", .int, .required)
        for column in HelpDirectory.columns where column != "id" { schema = schema.field(.string(column), .string, .required) }
        try await schema.create()
        try await HelpDirectoryStore.write(HelpDirectory.shipped, to: database.sql, replacing: false, columns: HelpDirectory.columns)
    }
    func revert(on database: any Database) async throws { try await database.schema(HelpDirectoryStore.table).delete() }
}

/// Adds the day each service began (`since`), so that a consultation tally cannot be dated before its
/// service existed, and fills it in for the shipped services where the seed says.
struct AddSinceToHelpServices: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(HelpDirectoryStore.table).field("since", .string).update()
        for service in HelpDirectory.shipped.services {
            try await database.sql.update(HelpDirectoryStore.table).set("since", to: SQLBind(service.since?.description ?? ""))
                .where("id", .equal, SQLBind(service.id)).run()
        }
    }
    func revert(on database: any Database) async throws { try await database.schema(HelpDirectoryStore.table).deleteField("since").update() }
}
