import ArgumentParser

/// `cairn experiments list`.
struct ExperimentsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List experiments.")

    @OptionGroup var backend: BackendOptions

    @Option(help: "Filter in MLflow's grammar, for example \"name LIKE 'churn%'\".")
    var filter: String?

    @Option(help: "Which experiments: active, deleted or all.")
    var view = "active"

    @Option(help: "Most experiments to list.")
    var maxResults = 1000

    func run() async throws {
        try await Output.run {
            let experiments = try await backend.backend().searchExperiments(filter: filter, viewType: view, maxResults: maxResults)
            if backend.json { return try Output.json(experiments) }
            Output.table(
                ["ID", "NAME", "STAGE", "CREATED", "ARTIFACT LOCATION"],
                experiments.map { [$0.experiment_id, $0.name, $0.lifecycle_stage, Output.time($0.creation_time), $0.artifact_location] })
        }
    }
}
