import ArgumentParser
import CairnAPI
import CairnCore
import CairnML
import Foundation

/// `cairn train`: fits a model on a CSV file, evaluates it, saves it, and logs the run to the tracking store.
struct TrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train", abstract: "Train a model on a CSV file, evaluate it, and log the run.",
        discussion: """
            Logs to the tracking store (local, or a server with --tracking-uri): every parameter, the metrics (per round
            for boosting), the training data's content hash and schema as a run input, the model file as the artifact
            model/model.cairn, and global feature importances as feature_importance.json. --no-log skips logging.
            """)

    @OptionGroup var backend: BackendOptions
    @OptionGroup var dataOptions: DataOptions

    @Option(help: "Training data (CSV).") var data: String
    @Option(help: "Name of the target column.") var target: String
    @Option(help: "binary, multiclass or regression (inferred from the target when omitted).") var task: String?
    @Option(help: "Learner: gbdt (histogram gradient boosting), rf (random forest), extratrees or linear.") var model = "gbdt"
    @Option(name: .customLong("param"), help: "A hyperparameter as key=value, LightGBM names (repeatable).") var params: [String] = []
    @Option(
        help: "Preprocessing fitted before the learner and saved with the model, e.g. impute=median,scale,onehot (steps: impute=mean|median|most_frequent|constant[:VALUE], scale, onehot, ordinal, target[=SMOOTHING|auto][:FOLDS]).")
    var preprocess: String?
    @Option(help: "Validation data (CSV) for metrics and early stopping.") var valid: String?
    @Option(help: "Cross-validate with this many folds (instead of --valid), then train on all rows.") var cv: Int?
    @Option(help: "Experiment to log the run in (created if missing).") var experiment: String?
    @Option(help: "Name of the run.") var runName: String?
    @Option(help: "Where to write the model file.") var output = "model.cairn"
    @Option(help: "Register the logged model as a new version of this registered model.") var register: String?
    @Flag(help: "Do not log a run.") var noLog = false

    func validate() throws {
        if valid != nil && cv != nil { throw ValidationError("Use either --valid or --cv, not both.") }
        if let cv, cv < 2 { throw ValidationError("--cv needs at least 2 folds.") }
        if register != nil && noLog { throw ValidationError("--register needs a logged run; drop --no-log.") }
    }

    func run() async throws {
        try await Output.run {
            let algorithm = try LearnerParameters.algorithm(model: model, assignments: params)
            let preprocessing = try preprocess.map(PreprocessingStep.parse) ?? []
            let learningTask = try task.map { text in
                guard let value = LearningTask(rawValue: text) else { throw CairnError.invalid("Unknown task '\(text)': use binary, multiclass or regression") }
                return value
            }
            let clock = ContinuousClock()
            var timings: [String: Double] = [:]
            let table = try Self.timed(clock, "read_seconds", into: &timings) { try dataOptions.read(data) }
            let validation = try valid.map(dataOptions.read)

            var metrics: [String: Double] = [:]
            if let cv {
                metrics = try CrossValidation.meanMetrics(
                    table, target: target, task: learningTask, algorithm: algorithm, preprocessing: preprocessing, folds: cv)
            }
            let progress = TrainingProgress(total: Self.rounds(algorithm))
            let trained = try Self.timed(clock, "fit_seconds", into: &timings) {
                try Trainer.train(
                    table, target: target, task: learningTask, algorithm: algorithm, preprocessing: preprocessing,
                    validation: validation,
                    progress: { round, loss in progress.record(round: round, loss: loss) })
            }
            progress.finish()
            if let validation {
                let scores = try Self.timed(clock, "valid_evaluate_seconds", into: &timings) {
                    try Evaluation.evaluate(trained, on: validation, target: target)
                }
                for (name, value) in scores { metrics["valid_\(name)"] = value }
            }
            for (name, value) in try Evaluation.evaluate(trained, on: table, target: target) { metrics["train_\(name)"] = value }
            try ModelFile.save(trained, to: output)

            var runID: String?
            var version: String?
            if !noLog {
                let tracking = try await backend.backend()
                let logged = try await RunRecorder(backend: tracking).record(
                    TrainingRecord(
                        model: trained, table: table, dataPath: data, validation: validation, validPath: valid,
                        modelPath: output, algorithm: model, assignments: LearnerParameters.effective(algorithm, task: trained.task) + (preprocess.map { [("preprocess", $0)] } ?? []),
                        metrics: metrics, history: progress.history),
                    experiment: experiment, runName: runName)
                runID = logged
                if let register {
                    version = try await tracking.registerModel(name: register, source: "runs:/\(logged)/model", runID: logged).version
                }
            }
            try Self.report(
                metrics: metrics, timings: timings, runID: runID, version: version.map { "\(register ?? "")/\($0)" }, output: output,
                json: backend.json)
        }
    }

    static func rounds(_ algorithm: Trainer.Algorithm) -> Int {
        switch algorithm {
        case .gradientBoosting(let parameters): parameters.numIterations
        case .randomForest(let parameters): parameters.treeCount
        case .linear: 1
        }
    }

    /// Runs `work` and records its wall time in seconds under `name`.
    static func timed<T>(_ clock: ContinuousClock, _ name: String, into timings: inout [String: Double], _ work: () throws -> T) rethrows -> T {
        let start = clock.now
        let result = try work()
        let elapsed = clock.now - start
        timings[name] = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return result
    }

    static func report(
        metrics: [String: Double], timings: [String: Double], runID: String?, version: String?, output: String, json: Bool
    ) throws {
        if json {
            struct Summary: Encodable {
                let run_id: String?
                let registered_version: String?
                let model: String
                let metrics: [String: Double]
                let timings: [String: Double]
            }
            return try Output.json(Summary(run_id: runID, registered_version: version, model: output, metrics: metrics, timings: timings))
        }
        Output.table(["METRIC", "VALUE"], metrics.sorted { $0.key < $1.key }.map { [$0.key, String(format: "%.6f", $0.value)] })
        print("model written to \(output)" + (runID.map { ", run \($0)" } ?? "") + (version.map { ", registered as models:/\($0)" } ?? ""))
    }
}
