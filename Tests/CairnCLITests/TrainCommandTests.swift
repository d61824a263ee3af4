import ArgumentParser
import CairnML
import CairnTesting
import CairnTracking
import Foundation
import Testing

@testable import CairnCLI

/// `cairn train`, `evaluate` and `explain` on a small generated data set, against a local store.
struct TrainCommandTests {
    /// 300 rows where the label is `yes` exactly when x0 + x1/2 > 0.75; x2 carries no signal.
    private func writeData(_ directory: URL) throws -> String {
        var lines = ["x0,x1,x2,label"]
        for row in 0..<300 {
            let x0 = Double(row * 37 % 300) / 300
            let x1 = Double(row * 91 % 300) / 300
            let x2 = Double(row * 53 % 300) / 300
            lines.append("\(x0),\(x1),\(x2),\(x0 + x1 / 2 > 0.75 ? "yes" : "no")")
        }
        let path = directory.appendingPathComponent("train.csv").path
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func trainSavesTheModelAndLogsTheRunWithInputsAndArtifacts() async throws {
        let directory = try TestStores.temporaryDirectory()
        let data = try writeData(directory)
        let store = directory.appendingPathComponent("cairn.db").path
        let artifacts = directory.appendingPathComponent("artifacts").path
        let modelPath = directory.appendingPathComponent("m.cairn").path
        try await runCairn([
            "train", "--data", data, "--target", "label", "--valid", data, "--param", "num_iterations=30", "--param", "num_leaves=7",
            "--experiment", "demo", "--output", modelPath, "--store", store, "--artifacts", artifacts, "--json",
        ])
        let model = try ModelFile.load(from: modelPath)
        #expect(model.classes == ["no", "yes"])
        let backend = try await LocalBackend(storePath: store, artifactsPath: artifacts)
        let experiment = try await backend.tracking.experiment(named: "demo")
        let runs = try await backend.tracking.searchRuns(
            experimentIDs: [experiment.id], filter: "params.num_leaves = '7'", viewType: .activeOnly, maxResults: 10, orderBy: [], pageToken: nil)
        let logged = try #require(runs.items.first)
        #expect(logged.info.status == .finished)
        let params = Dictionary(uniqueKeysWithValues: logged.params.map { ($0.key, $0.value) })
        #expect(params["num_iterations"] == "30" && params["learning_rate"] == "0.1" && params["min_data_in_leaf"] == "20")
        #expect(params["task"] == "binary" && params["objective"] == nil)
        let auc = try #require(logged.metrics.first { $0.key == "valid_auc" }?.value)
        #expect(auc > 0.95)
        let rounds = try await backend.tracking.metricHistory(runID: logged.info.runID, key: "valid_loss", maxResults: nil, pageToken: nil)
        #expect(rounds.items.count == 30)
        #expect(logged.datasetInputs.map(\.dataset.digest) == [String(try DatasetDescription.sha256(path: data).prefix(16))])
        let stored = URL(fileURLWithPath: artifacts).appendingPathComponent("\(experiment.id)/\(logged.info.runID)/artifacts/model/model.cairn")
        #expect(try Data(contentsOf: stored) == Data(contentsOf: URL(fileURLWithPath: modelPath)))
    }

    @Test func explainWritesOneLineOfContributionsPerRow() async throws {
        let directory = try TestStores.temporaryDirectory()
        let data = try writeData(directory)
        let modelPath = directory.appendingPathComponent("m.cairn").path
        let output = directory.appendingPathComponent("c.csv").path
        try await runCairn(["train", "--data", data, "--target", "label", "--model", "linear", "--output", modelPath, "--no-log"])
        try await runCairn(["explain", "--model", modelPath, "--data", data, "--output", output, "--json"])
        let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "row,base,x0,x1,x2")
        #expect(lines.count == 301)
    }

    @Test func linearTrainsWithAnL1PenaltyBehindPreprocessing() async throws {
        // Given the data and an L1 logistic model behind median imputation and scaling
        let directory = try TestStores.temporaryDirectory()
        let data = try writeData(directory)
        let modelPath = directory.appendingPathComponent("l1.cairn").path
        try await runCairn([
            "train", "--data", data, "--target", "label", "--model", "linear", "--param", "penalty=l1", "--param", "C=0.05",
            "--preprocess", "impute=median,scale", "--output", modelPath, "--no-log",
        ])
        // Then the saved model carries the fitted steps, and the noise feature x2 gets a zero coefficient
        let trained = try ModelFile.load(from: modelPath)
        #expect(trained.preprocessor?.steps.count == 2)
        guard case .linear(let linear) = trained.estimator else { Issue.record("not linear"); return }
        #expect(linear.weights[0][2] == 0)
        #expect(linear.weights[0][0] != 0)
        // And a bad step or penalty is refused with its name
        await #expect(throws: (any Error).self) {
            try await runCairn(["train", "--data", data, "--target", "label", "--model", "linear", "--preprocess", "pca", "--no-log"])
        }
        await #expect(throws: (any Error).self) {
            try await runCairn(["train", "--data", data, "--target", "label", "--model", "linear", "--param", "penalty=l3", "--no-log"])
        }
    }

    @Test(arguments: ["rf", "extratrees"])
    func forestsTrainWithScikitLearnParameterNames(model: String) async throws {
        let directory = try TestStores.temporaryDirectory()
        let data = try writeData(directory)
        let modelPath = directory.appendingPathComponent("\(model).cairn").path
        try await runCairn([
            "train", "--data", data, "--target", "label", "--model", model, "--param", "n_estimators=20",
            "--param", "min_samples_leaf=2", "--param", "max_features=1.0", "--output", modelPath, "--no-log",
        ])
        let trained = try ModelFile.load(from: modelPath)
        guard case .randomForest(let forest) = trained.estimator else { Issue.record("not a forest"); return }
        #expect(forest.trees.count == 20)
        let metrics = try Evaluation.evaluate(trained, on: try CSVReader.read(path: data), target: "label")
        #expect(metrics["auc"]! > 0.95)
        try await runCairn(["explain", "--method", "permutation", "--target", "label", "--model", modelPath, "--data", data, "--json"])
        await #expect(throws: ExitCode(2)) {
            try await runCairn(["train", "--data", data, "--target", "label", "--model", model, "--param", "num_leaves=7", "--no-log"])
        }
    }

    @Test func dataCanBeJSONLines() async throws {
        let directory = try TestStores.temporaryDirectory()
        let path = directory.appendingPathComponent("train.jsonl").path
        let lines = (0..<200).map { row in "{\"x\": \(row % 20), \"label\": \"\(row % 20 < 10 ? "low" : "high")\"}" }
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let modelPath = directory.appendingPathComponent("m.cairn").path
        try await runCairn(["train", "--data", path, "--target", "label", "--model", "linear", "--output", modelPath, "--no-log"])
        #expect(try ModelFile.load(from: modelPath).classes.sorted() == ["high", "low"])
    }

    @Test func aRegisteredModelPredictsByVersionAliasAndRunURI() async throws {
        let directory = try TestStores.temporaryDirectory()
        let data = try writeData(directory)
        let store = directory.appendingPathComponent("cairn.db").path
        let artifacts = directory.appendingPathComponent("artifacts").path
        let local = ["--store", store, "--artifacts", artifacts]
        try await runCairn(["train", "--data", data, "--target", "label", "--register", "demo", "--output", directory.appendingPathComponent("m.cairn").path] + local)
        try await runCairn(["models", "alias", "set", "demo", "champion", "1"] + local)
        let backend = try await LocalBackend(storePath: store, artifactsPath: artifacts)
        let runID = try #require(try await backend.registry.version(name: "demo", version: 1).runID)
        var outputs: [String] = []
        for uri in ["models:/demo/1", "models:/demo@champion", "runs:/\(runID)/model"] {
            let output = directory.appendingPathComponent("p\(outputs.count).csv").path
            try await runCairn(["predict", "--model", uri, "--data", data, "--output", output] + local)
            outputs.append(try String(contentsOfFile: output, encoding: .utf8))
        }
        let lines = outputs[0].split(separator: "\n")
        #expect(lines.first == "label,prob_no,prob_yes")
        #expect(lines.count == 301)
        #expect(Set(outputs).count == 1)
        await #expect(throws: ExitCode(3)) { try await runCairn(["predict", "--model", "models:/demo/9", "--data", data] + local) }
    }

    @Test func badParametersAndMissingColumnsFailWithUsageCodes() async throws {
        let directory = try TestStores.temporaryDirectory()
        let data = try writeData(directory)
        await #expect(throws: ExitCode(2)) {
            try await runCairn(["train", "--data", data, "--target", "label", "--param", "num_leaves=many", "--no-log"])
        }
        await #expect(throws: ExitCode(2)) {
            try await runCairn(["train", "--data", data, "--target", "label", "--param", "bogus=1", "--no-log"])
        }
        await #expect(throws: ExitCode(3)) {
            try await runCairn(["train", "--data", data, "--target", "nope", "--no-log", "--output", directory.appendingPathComponent("x").path])
        }
    }
}
