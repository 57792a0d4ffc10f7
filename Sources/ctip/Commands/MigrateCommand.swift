import ArgumentParser

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Create or upgrade the database schema.",
        discussion: "serve, import and demo migrate by themselves.\n\nExample: ctip migrate --database sqlite:ctip.sqlite")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let url = try database.resolved()
        try await withStorage(url) { _ in }
        print("\(url): schema is up to date")
    }
}
