import ArgumentParser

/// `cairn runs`: list, show and search runs.
struct RunsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs", abstract: "Inspect runs.", subcommands: [RunsList.self, RunsShow.self, RunsSearch.self])
}

/// Which experiments a runs command looks at.
struct ExperimentSelection: ParsableArguments {
    @Option(name: .customLong("experiment-id"), help: "Experiment id (repeatable).")
    var experimentIDs: [String] = []

    @Option(name: .customLong("experiment"), help: "Experiment name (repeatable).")
    var experimentNames: [String] = []

    /// The ids named, with names resolved; the Default experiment when none is given.
    func ids(_ backend: any TrackingBackend) async throws -> [String] {
        var ids = experimentIDs
        for name in experimentNames { ids.append(try await backend.experimentID(named: name)) }
        return ids.isEmpty ? ["0"] : ids
    }
}
