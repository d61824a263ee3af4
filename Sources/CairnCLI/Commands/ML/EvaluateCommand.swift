import ArgumentParser
import CairnML

/// `cairn evaluate`: the metrics of a saved model on labelled data.
struct EvaluateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate", abstract: "Print a model's metrics on labelled data (auc, logloss, accuracy, rmse, …).")

    @OptionGroup var dataOptions: DataOptions
    @Option(help: "Model file written by cairn train.") var model: String
    @Option(help: "Labelled data (CSV).") var data: String
    @Option(help: "Name of the target column.") var target: String
    @Flag(help: "Print one JSON object keyed by metric name.") var json = false

    func run() async throws {
        try await Output.run {
            let loaded = try ModelFile.load(from: model)
            let metrics = try Evaluation.evaluate(loaded, on: try dataOptions.read(data), target: target)
            if json { return try Output.json(metrics) }
            Output.table(["METRIC", "VALUE"], metrics.sorted { $0.key < $1.key }.map { [$0.key, String(format: "%.6f", $0.value)] })
        }
    }
}
