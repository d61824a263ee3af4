import ArgumentParser

/// `cairn experiments`: list, create and delete experiments.
struct ExperimentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "experiments", abstract: "Manage experiments.",
        subcommands: [ExperimentsList.self, ExperimentsCreate.self, ExperimentsDelete.self])
}
