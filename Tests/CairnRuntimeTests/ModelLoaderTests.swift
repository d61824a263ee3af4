import CairnCore
import CairnML
import Foundation
import Testing

@testable import CairnRuntime

struct ModelLoaderTests {
    private func url(_ name: String) -> URL { URL(fileURLWithPath: RuntimeFixtures.path(name)) }

    @Test(arguments: RuntimeFixtures.cases("xgboost") + RuntimeFixtures.cases("lightgbm") + RuntimeFixtures.cases("onnx"))
    func detectsEveryFixtureFormatByContent(_ fixture: RuntimeFixtures.Case) throws {
        // Given a model file, whatever its name
        let data = try Data(contentsOf: url(fixture.model))
        // When its format is told from its bytes
        let format = try #require(ModelFormat.detect(data))
        // Then it is the format the library wrote, and the loader builds that format's predictor
        #expect(format.rawValue == fixture.format)
        let predictor = try ModelLoader.load(at: url(fixture.model))
        let expected: any Predictor.Type = [ModelFormat.onnx: ONNXPredictor.self, .xgboost: XGBoostPredictor.self, .lightgbm: LightGBMPredictor.self][format]!
        #expect(type(of: predictor) == expected)
    }

    @Test(arguments: [("xgboost", "xgb_binary"), ("lightgbm", "lgb_binary"), ("onnx", "skl_forest_binary")])
    func loadsAnMLflowModelDirectory(_ flavor: String, _ caseName: String) throws {
        // Given an MLflow model directory with an MLmodel file naming the flavor's data file
        let predictor = try ModelLoader.load(at: url("mlflow/\(flavor)"))
        // Then it predicts like the model file it holds
        let fixture = try #require(RuntimeFixtures.cases(ModelFormat(rawValue: flavor)!.rawValue).first { $0.name == caseName })
        try RuntimeFixtures.check(predictor, on: fixture)
    }

    @Test func refusesAnMLflowModelWithoutASupportedFlavor() throws {
        // Given an MLmodel file with only a scikit-learn flavor
        let mlmodel = MLmodelFile(text: "flavors:\n  python_function:\n    loader_module: mlflow.sklearn\n  sklearn:\n    pickled_model: model.pkl\n")
        // Then the error names the flavors it has
        #expect(throws: CairnError(.notImplemented, "the MLflow model has no onnx, xgboost or lightgbm flavor (it has: python_function, sklearn)")) {
            try mlmodel.model()
        }
    }

    @Test(arguments: [
        ("lightgbm", "data: model.lgb\n    model_class: lightgbm.basic.Booster", PyfuncPrediction.boosterOutput),
        ("xgboost", "data: model.xgb\n    model_class: xgboost.core.Booster", .boosterOutput),
        ("xgboost", "data: model.xgb", .boosterOutput),
        ("lightgbm", "data: model.lgb\n    model_class: lightgbm.sklearn.LGBMClassifier", .labels),
        ("onnx", "data: model.onnx", .labels),
    ])
    func tellsWhatMLflowsPyfuncPredicts(_ flavor: String, _ entries: String, _ expected: PyfuncPrediction) throws {
        // Given an MLmodel file whose flavor names a model class (or none, as MLflow wrote for boosters before it
        // saved scikit-learn-style models)
        let mlmodel = MLmodelFile(text: "flavors:\n  \(flavor):\n    \(entries)\n  python_function:\n    loader_module: mlflow.\(flavor)\n")
        // Then a native booster predicts the library's raw output, anything else labels
        #expect(try mlmodel.model().pyfunc == expected)
    }

    @Test func inspectsAnONNXClassifier() throws {
        // When a converted random forest is inspected
        let summary = try ModelLoader.inspect(at: url("skl_forest_binary.onnx"))
        // Then the summary shows its format, opsets, signature and trees
        #expect(summary.format == .onnx)
        #expect(summary.opsets == ["ai.onnx": 9, "ai.onnx.ml": 1])
        #expect(summary.task == .binary)
        #expect(summary.classes == ["0", "1"])
        #expect(summary.signature.inputs == [ModelSignature.Value(name: "float_input", type: "float", shape: [nil, 30])])
        #expect(summary.signature.outputs.map(\.name) == ["output_label", "output_probability"])
        #expect(summary.treeCount == 12)
        #expect(summary.treeNodeCount > 12)
        #expect(summary.unsupported.isEmpty)
    }

    @Test func inspectsAGradientBoostedModel() throws {
        // When an XGBoost model is inspected
        let summary = try ModelLoader.inspect(at: url("xgb_multiclass.json"))
        // Then it shows one tree per class and round, and the producer
        #expect(summary.format == .xgboost)
        #expect(summary.producer == "xgboost 3.2.0")
        #expect(summary.task == .multiclass)
        #expect(summary.treeCount == 8 * summary.classes.count)
        #expect(summary.featureNames.count == summary.signature.inputs[0].shape?[1])
    }

    @Test func inspectListsUnsupportedOperatorsInsteadOfFailing() throws {
        // When a model with an operator Cairn does not evaluate is inspected
        let summary = try ModelLoader.inspect(at: url("hostile/unsupported_operator.onnx"))
        // Then the summary names it, and loading refuses it with the same message
        #expect(summary.unsupported == ["the model uses operators Cairn does not support: TopK"])
        #expect(throws: CairnError(.notImplemented, "the model uses operators Cairn does not support: TopK")) {
            try ModelLoader.load(at: url("hostile/unsupported_operator.onnx"))
        }
    }
}
