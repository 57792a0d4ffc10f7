import ArgumentParser

@main
struct CTIPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ctip",
        abstract: "CTIP — the counter-trafficking in persons information system.",
        discussion: """
        Keeps case-level records of victims, suspects, prosecutions and trials, and serves them. \
        Start with `ctip demo`: it loads the reference data (the annual report approved in 2025) into \
        ctip.sqlite and serves it on http://127.0.0.1:8080.

        Every subcommand takes --database URL (or CTIP_DATABASE_URL):
          sqlite:///absolute/path.sqlite, sqlite:relative.sqlite, postgres://user:password@host:port/database
        """,
        subcommands: [DemoCommand.self, ServeCommand.self, MigrateCommand.self, ImportCommand.self, ExportCommand.self,
                      GenerateCommand.self, ReportCommand.self, AuditCommand.self, BackupCommand.self, RestoreCommand.self,
                      UsersCommand.self, AgenciesCommand.self, KeysCommand.self,
                      HolidaysCommand.self, HelpFinderCommand.self, DirectoryCommand.self, HotlineCommand.self,
                      OversightCommand.self, OpenDataCommand.self, MeasuresCommand.self]
    )
}
