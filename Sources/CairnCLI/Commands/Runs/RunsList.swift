import ArgumentParser

/// `cairn runs list`: the runs of experiments, newest first.
struct RunsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the runs of experiments, newest first.")

    @OptionGroup var backend: BackendOptions
    @OptionGroup var experiments: ExperimentSelection

    @Option(help: "Most runs to list.")
    var maxResults = 100

    func run() async throws {
        try await Output.run {
            let source = try await backend.backend()
            let runs = try await source.searchRuns(
                experimentIDs: try await experiments.ids(source), filter: nil, orderBy: [], viewType: "active", maxResults: maxResults)
            try RunsSearch.print(runs, json: backend.json)
        }
    }
}
