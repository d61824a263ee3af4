import ArgumentParser

/// `cairn experiments create NAME`.
struct ExperimentsCreate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create", abstract: "Create an experiment and print its id.")

    @OptionGroup var backend: BackendOptions

    @Argument(help: "Name of the new experiment.")
    var name: String

    @Option(help: "Where its artifacts go (default: the server's artifact root).")
    var artifactLocation: String?

    func run() async throws {
        try await Output.run {
            let id = try await backend.backend().createExperiment(name: name, artifactLocation: artifactLocation)
            if backend.json { return try Output.json(["experiment_id": id]) }
            print(id)
        }
    }
}
