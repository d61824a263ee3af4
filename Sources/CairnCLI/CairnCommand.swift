import ArgumentParser

/// The root of the `cairn` command line: configuration only; each subcommand lives in `Commands/`.
public struct CairnCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "cairn",
        abstract: "Carry a machine-learning model through its whole life: tracking, registry and more.",
        version: "0.1.0",
        subcommands: [
            ServerCommand.self, ServeCommand.self, DeploymentsCommand.self, ExperimentsCommand.self, RunsCommand.self,
            ModelsCommand.self, TrainCommand.self, EvaluateCommand.self, ExplainCommand.self, PredictCommand.self,
            MonitorCommand.self, MonitorsCommand.self, AlertsCommand.self, MigrateCommand.self,
        ])

    public init() {}
}
