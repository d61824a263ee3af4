import ArgumentParser

/// `cairn models alias set|delete`.
struct ModelsAlias: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alias", abstract: "Point an alias such as 'champion' at a version, or remove it.",
        subcommands: [Set.self, Delete.self])

    /// `cairn models alias set NAME ALIAS VERSION`.
    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set", abstract: "Point an alias at a version (moves it if it exists).")

        @OptionGroup var backend: BackendOptions
        @Argument(help: "Registered model name.") var name: String
        @Argument(help: "Alias, for example champion.") var alias: String
        @Argument(help: "Version number.") var version: String

        func run() async throws {
            try await Output.run {
                try await backend.backend().setAlias(name: name, alias: alias, version: version)
                if backend.json { try Output.json(["name": name, "alias": alias, "version": version]) }
            }
        }
    }

    /// `cairn models alias delete NAME ALIAS`.
    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "delete", abstract: "Remove an alias.")

        @OptionGroup var backend: BackendOptions
        @Argument(help: "Registered model name.") var name: String
        @Argument(help: "Alias to remove.") var alias: String

        func run() async throws {
            try await Output.run {
                try await backend.backend().deleteAlias(name: name, alias: alias)
                if backend.json { try Output.json(["name": name, "alias": alias, "deleted": "true"]) }
            }
        }
    }
}
