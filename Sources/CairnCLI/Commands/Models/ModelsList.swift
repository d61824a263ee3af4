import ArgumentParser

/// `cairn models list`.
struct ModelsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List registered models.")

    @OptionGroup var backend: BackendOptions

    @Option(help: "Filter, for example \"name LIKE 'churn%'\".")
    var filter: String?

    @Option(help: "Most models to list (at most 1000).")
    var maxResults = 100

    func run() async throws {
        try await Output.run {
            let models = try await backend.backend().searchModels(filter: filter, maxResults: maxResults)
            if backend.json { return try Output.json(models) }
            Output.table(
                ["NAME", "LATEST", "ALIASES", "UPDATED"],
                models.map { model in
                    let latest = (model.latest_versions ?? []).map { Int($0.version) ?? 0 }.max().map(String.init) ?? "-"
                    let aliases = (model.aliases ?? []).map { "\($0.alias)=\($0.version)" }.joined(separator: " ")
                    return [model.name, latest, aliases, Output.time(model.last_updated_timestamp)]
                })
        }
    }
}
