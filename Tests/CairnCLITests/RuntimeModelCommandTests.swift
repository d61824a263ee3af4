import ArgumentParser
import CairnTesting
import Foundation
import Testing

@testable import CairnCLI

/// `cairn predict` and `cairn models inspect` on models exported by XGBoost, LightGBM and skl2onnx
/// (the fixtures in `Tests/Fixtures/runtime/`).
struct RuntimeModelCommandTests {
    private static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().resolvingSymlinksInPath()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/runtime")

    private struct Expected: Decodable {
        let labels: [String]?
        let probabilities: [[Double]]?
        let predictions: [Double]?
    }

    private func fixture(_ name: String) -> String { Self.fixtures.appendingPathComponent(name).path }

    private func expected(_ name: String) throws -> Expected {
        try JSONDecoder().decode(Expected.self, from: Data(contentsOf: Self.fixtures.appendingPathComponent("\(name).expected.json")))
    }

    /// Runs `cairn predict` and returns the CSV it wrote, split into cells.
    private func predict(_ model: String, rows: String, extra: [String] = []) async throws -> [[String]] {
        let output = try TestStores.temporaryDirectory().appendingPathComponent("p.csv").path
        try await runCairn(["predict", "--model", model, "--data", fixture(rows), "--output", output] + extra)
        return try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test func predictScoresAnXGBoostFileExactly() async throws {
        // When an XGBoost model file scores its fixture rows
        let lines = try await predict(fixture("xgb_binary.json"), rows: "xgb_binary.rows.csv")
        // Then the CSV has the label and one probability per class, equal to XGBoost's
        let expected = try expected("xgb_binary")
        #expect(lines.first == ["label", "prob_0", "prob_1"])
        #expect(lines.dropFirst().map { $0[0] } == expected.labels)
        #expect(lines.dropFirst().map { Double($0[2])! } == expected.probabilities?.map { $0[1] })
    }

    @Test func predictScoresALightGBMRegressorFromAnMLflowDirectoryOrFile() async throws {
        // When a LightGBM regressor file scores its rows
        let lines = try await predict(fixture("lgb_regression.txt"), rows: "lgb_regression.rows.csv")
        // Then the CSV has one prediction per row, equal to LightGBM's
        #expect(lines.first == ["prediction"])
        #expect(lines.dropFirst().map { Double($0[0])! } == (try expected("lgb_regression")).predictions)
        // And an MLflow model directory with a lightgbm flavor is scored like its model file
        let binary = try await predict(fixture("mlflow/lightgbm"), rows: "lgb_binary.rows.csv")
        #expect(binary.dropFirst().map { $0[0] } == (try expected("lgb_binary")).labels)
    }

    @Test func predictResolvesARunURIToAnMLflowDirectory() async throws {
        // Given a run whose artifacts hold an MLflow ONNX model directory
        let directory = try TestStores.temporaryDirectory()
        let local = ["--store", directory.appendingPathComponent("cairn.db").path, "--artifacts", directory.appendingPathComponent("artifacts").path]
        let data = directory.appendingPathComponent("train.csv").path
        try (["a,b,label"] + (0..<40).map { "\($0),\($0 % 7),\($0 % 2 == 0 ? "x" : "y")" }).joined(separator: "\n").write(toFile: data, atomically: true, encoding: .utf8)
        try await runCairn(["train", "--data", data, "--target", "label", "--experiment", "e", "--output", directory.appendingPathComponent("m.cairn").path] + local)
        let runs = directory.appendingPathComponent("artifacts")
        let experiment = try #require(try FileManager.default.contentsOfDirectory(atPath: runs.path).first { $0 != "0" })
        let runID = try #require(try FileManager.default.contentsOfDirectory(atPath: runs.appendingPathComponent(experiment).path).first)
        let target = runs.appendingPathComponent("\(experiment)/\(runID)/artifacts/onnx-model")
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("mlflow/onnx"), to: target)
        // When the runs:/ URI is scored
        let lines = try await predict("runs:/\(runID)/onnx-model", rows: "skl_forest_binary.rows.csv", extra: local)
        // Then it predicts what onnxruntime predicts for the model in the directory
        #expect(lines.dropFirst().map { $0[0] } == (try expected("skl_forest_binary")).labels)
    }

    @Test func inspectDescribesModelsAndUnsupportedModelsFailToPredict() async throws {
        // Inspecting works for every format, including a model Cairn cannot run
        for model in ["skl_column_transformer.onnx", "xgb_multiclass.json", "lgb_categorical.txt", "mlflow/xgboost", "hostile/unsupported_operator.onnx"] {
            try await runCairn(["models", "inspect", fixture(model)])
            try await runCairn(["models", "inspect", fixture(model), "--json"])
        }
        // But predicting with the unsupported model fails, and a missing model is not found
        await #expect(throws: ExitCode(1)) {
            try await runCairn(["predict", "--model", fixture("hostile/unsupported_operator.onnx"), "--data", fixture("xgb_binary.rows.csv")])
        }
        await #expect(throws: ExitCode(3)) { try await runCairn(["models", "inspect", fixture("nothing.onnx")]) }
    }
}
