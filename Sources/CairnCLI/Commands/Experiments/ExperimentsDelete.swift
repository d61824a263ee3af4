import ArgumentParser

/// `cairn experiments delete ID`.
struct ExperimentsDelete: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Soft-delete an experiment and its runs (restorable).")

    @OptionGroup var backend: BackendOptions

    @Argument(help: "Id of the experiment.")
    var id: String

    func run() async throws {
        try await Output.run {
            try await backend.backend().deleteExperiment(id: id)
            if backend.json { return try Output.json(["deleted": id]) }
        }
    }
}
