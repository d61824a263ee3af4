import ArgumentParser

/// `cairn models versions NAME`.
struct ModelsVersions: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "versions", abstract: "List the versions of a registered model.")

    @OptionGroup var backend: BackendOptions

    @Argument(help: "Name of the registered model.")
    var name: String

    func run() async throws {
        try await Output.run {
            let versions = try await backend.backend().versions(of: name)
            if backend.json { return try Output.json(versions) }
            Output.table(
                ["VERSION", "STAGE", "ALIASES", "RUN ID", "CREATED", "SOURCE"],
                versions.map {
                    [$0.version, $0.current_stage, ($0.aliases ?? []).joined(separator: " "), $0.run_id ?? "-",
                     Output.time($0.creation_timestamp), $0.source]
                })
        }
    }
}
