import ArgumentParser

/// `cairn models show NAME`.
struct ModelsShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a registered model.")

    @OptionGroup var backend: BackendOptions

    @Argument(help: "Name of the registered model.")
    var name: String

    func run() async throws {
        try await Output.run {
            let model = try await backend.backend().model(named: name)
            if backend.json { return try Output.json(model) }
            print("model \(model.name), created \(Output.time(model.creation_timestamp)), updated \(Output.time(model.last_updated_timestamp))")
            if let description = model.description, !description.isEmpty { print(description) }
            let aliases = model.aliases ?? []
            if !aliases.isEmpty {
                print("\naliases:")
                Output.table(["ALIAS", "VERSION"], aliases.map { [$0.alias, $0.version] })
            }
            let tags = model.tags ?? []
            if !tags.isEmpty {
                print("\ntags:")
                Output.table(["KEY", "VALUE"], tags.map { [$0.key, $0.value ?? ""] })
            }
        }
    }
}
