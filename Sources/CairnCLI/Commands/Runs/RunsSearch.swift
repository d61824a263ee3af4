import ArgumentParser
import CairnAPI

/// `cairn runs search --filter … --order-by …`.
struct RunsSearch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Search runs with MLflow's filter and order-by grammar.")

    @OptionGroup var backend: BackendOptions
    @OptionGroup var experiments: ExperimentSelection

    @Option(help: "Filter, for example \"metrics.rmse < 1 and params.model = 'tree'\".")
    var filter: String?

    @Option(name: .customLong("order-by"), help: "Ordering, for example \"metrics.rmse ASC\" (repeatable).")
    var orderBy: [String] = []

    @Option(help: "Which runs: active, deleted or all.")
    var view = "active"

    @Option(help: "Most runs to list.")
    var maxResults = 1000

    func run() async throws {
        try await Output.run {
            let source = try await backend.backend()
            let runs = try await source.searchRuns(
                experimentIDs: try await experiments.ids(source), filter: filter, orderBy: orderBy, viewType: view,
                maxResults: maxResults)
            try Self.print(runs, json: backend.json)
        }
    }

    /// Prints runs as JSON or as a table with their latest metrics.
    static func print(_ runs: [MLflowRun], json: Bool) throws {
        if json { return try Output.json(runs) }
        Output.table(
            ["RUN ID", "NAME", "STATUS", "STARTED", "METRICS"],
            runs.map { run in
                let metrics = (run.data.metrics ?? []).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                return [run.info.run_id, run.info.run_name ?? "", run.info.status, Output.time(run.info.start_time), metrics.joined(separator: " ")]
            })
    }
}
