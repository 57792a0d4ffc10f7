import ArgumentParser
import CTIPCore
import CTIPStorage
import CTIPWeb
import Foundation

struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Create and list staff accounts, and issue API tokens.",
        discussion: """
        Example: ctip users add --agency police-13 --role administrator admin@example.go.jp
        """,
        subcommands: [Add.self, List.self, Token.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a staff account (the first administrator is made this way).",
            discussion: """
            The password is read from standard input with --password-stdin, asked for on a terminal, or \
            else generated and printed once. Roles: \(StaffRole.allCases.map(\.rawValue).joined(separator: ", ")). \
            Agencies: see `ctip agencies`.

            Example: ctip users add --agency police-13 --role administrator admin@example.go.jp
            """)
        @Option(help: "The agency's code (ctip agencies lists them).") var agency: String
        @Option(help: "One of: \(StaffRole.allCases.map(\.rawValue).joined(separator: ", ")).") var role: String
        @Flag(help: "Read the password from the first line of standard input.") var passwordStdin = false
        @Argument(help: "The person's work email; they sign in with it.") var email: String
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            guard let role = StaffRole(rawValue: role) else {
                throw ValidationError("--role: `\(role)` is not a role; use one of \(StaffRole.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            var generated = false
            let password: String
            if passwordStdin {
                password = readLine(strippingNewline: true) ?? ""
            } else if isatty(0) == 1, let typed = getpass("Password for \(email): ").map({ String(cString: $0) }) {
                guard let again = getpass("Again: ").map({ String(cString: $0) }), again == typed else {
                    throw ValidationError("the two passwords differ")
                }
                password = typed
            } else {
                password = StaffAccounts.generatedPassword(); generated = true
            }
            try await withStorage(try database.resolved()) { storage in
                do {
                    let identity = try await StaffAccounts.create(email: email, password: password, agency: agency, role: role, database: storage.database)
                    print("created \(identity.email): \(identity.role.rawValue) at \(identity.agency.nameEN)")
                    if generated { print("password (shown once): \(password)") }
                } catch let error as AccountError {
                    throw ValidationError(error.description)
                }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the staff accounts.", discussion: "Example: ctip users list")
        @OptionGroup var database: DatabaseOptions
        func run() async throws {
            try await withStorage(try database.resolved()) { storage in
                for account in try await AccountStore(database: storage.database).accounts() {
                    let identity = account.identity
                    print([identity.email, identity.role.rawValue, identity.agency.code, account.disabled ? "disabled" : "active"].joined(separator: "\t"))
                }
            }
        }
    }

    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue an API token for a program acting as an account; it is shown once.",
            discussion: "Example: ctip users token --name nightly-export analyst@example.go.jp")
        @Option(help: "What the token is for.") var name: String
        @Argument(help: "The account's email.") var email: String
        @OptionGroup var database: DatabaseOptions
        func run() async throws {
            try await withStorage(try database.resolved()) { storage in
                let accounts = AccountStore(database: storage.database)
                guard let account = try await accounts.account(email: email) else { throw ValidationError("no account for \(email)") }
                print(try await accounts.createAPIToken(userID: account.identity.userID, name: name, now: Date()))
            }
        }
    }
}

struct AgenciesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agencies",
        abstract: "List the agencies whose staff use CTIP, with their codes.",
        discussion: "Example: ctip agencies")
    @OptionGroup var database: DatabaseOptions
    func run() async throws {
        try await withStorage(try database.resolved()) { storage in
            for agency in try await AccountStore(database: storage.database).agencies() {
                print([agency.code, agency.kind.rawValue, agency.nameEN, agency.nameJA].joined(separator: "\t"))
            }
        }
    }
}

struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Make data keys and re-encrypt personal details under the newest one.",
        discussion: """
        Identity, contact, whereabouts and what identification screenings recorded are sealed with \
        AES-256-GCM. To rotate: append a new key to the key file (ctip keys generate --id k2 >> keys.txt), \
        then run ctip keys rotate --data-key-file keys.txt; old keys can be removed once rotate reports \
        nothing left to re-encrypt. Rotating also seals screenings stored before CTIP sealed them.

        Example: ctip keys rotate --data-key-file /etc/ctip/keys.txt
        """,
        subcommands: [Generate.self, Rotate.self])

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a new random key as a key-file line.", discussion: "Example: ctip keys generate --id k2")
        @Option(help: "The key's id (no `:`).") var id = "k1"
        func run() throws { print("\(id):\(FieldCipher.newKey().base64EncodedString())") }
    }

    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Re-encrypt every sealed value under the key file's last key.",
                                                        discussion: "Example: ctip keys rotate --data-key-file /etc/ctip/keys.txt")
        @OptionGroup var dataKey: DataKeyOptions
        @OptionGroup var database: DatabaseOptions
        func run() async throws {
            guard let cipher = try dataKey.cipher() else { throw ValidationError("give --data-key-file or set CTIP_DATA_KEY") }
            try await withStorage(try database.resolved()) { storage in
                let changed = try await VictimFileStore(database: storage.database, cipher: cipher).rotateKeys()
                print("re-encrypted \(changed) values under key \(cipher.currentKeyID)")
            }
        }
    }
}
