import CairnCore
import CairnML
import Foundation
import Testing

@testable import CairnRuntime

struct HostileModelTests {
    @Test(arguments: [
        ("cycle", CairnError.invalid("the graph has a cycle through a, b")),
        ("missing_initializer", CairnError.invalid("the node 'matmul' (MatMul) reads 'W', which no node, initializer or input provides")),
        ("tree_node_out_of_range", CairnError.invalid("the TreeEnsembleRegressor node '' is invalid: node 0 of tree 0 links to a node that does not exist")),
        ("tree_cycle", CairnError.invalid("the TreeEnsembleRegressor node '' is invalid: its trees share nodes or contain a cycle")),
        ("tree5_member", CairnError(.notImplemented, "the TreeEnsemble node '' uses set-membership splits (BRANCH_MEMBER), which Cairn does not support")),
        ("tree5_cycle", CairnError.invalid("the TreeEnsemble node '' is invalid: a link names node 0, which is out of range, shared or in a cycle")),
        ("svm_classifier_short_rho", CairnError.invalid(
            "the SVMClassifier node '' is invalid: its 6 support vector values, 6 coefficients, 1 rho and 0 prob_a do not fit 3 classes and 3 vectors")),
        ("future_opset", CairnError(.notImplemented, "the model uses ai.onnx opset 99 (newest supported: 23), which Cairn does not support")),
        ("absurd_dimensions", CairnError.invalid("the tensor 'W' has invalid dimensions [1099511627776, 1048576]")),
    ])
    func refusesAHostileONNXFileWithAClearError(_ name: String, _ expected: CairnError) throws {
        // Given a hand-made ONNX file with one defect
        let data = try Data(contentsOf: URL(fileURLWithPath: RuntimeFixtures.path("hostile/\(name).onnx")))
        // Then loading it fails with an error naming the defect
        #expect(throws: expected) { try ModelLoader.load(data) }
    }

    @Test func refusesBytesThatAreNoModel() {
        #expect(throws: CairnError.invalid("the file is not a model Cairn recognises (ONNX, XGBoost JSON/UBJSON, LightGBM text or Cairn)")) {
            try ModelLoader.load(Data("hello".utf8))
        }
    }

    @Test func refusesATruncatedONNXFile() throws {
        // Given the first half of a real model
        let data = try Data(contentsOf: URL(fileURLWithPath: RuntimeFixtures.path("skl_forest_binary.onnx")))
        // Then loading reports the truncation
        #expect(throws: CairnError.self) { try ModelLoader.load(data.prefix(data.count / 2)) }
    }

    @Test func reportsAMissingInputColumnByName() throws {
        // Given a model that reads named columns and rows lacking one of them
        let predictor = try ModelLoader.load(at: URL(fileURLWithPath: RuntimeFixtures.path("xgb_regression.json")))
        let table = try Table([Column("longitude", doubles: [1]), Column("latitude", doubles: [2])])
        // Then predicting names the absent column
        #expect(throws: CairnError.notFound("the model reads a column 'housing_median_age' that the input lacks")) {
            try predictor.predict(table)
        }
    }

    @Test func reportsATextColumnWhereTheModelNeedsNumbers() throws {
        // Given a LightGBM model and a feature column that holds text
        let predictor = try ModelLoader.load(at: URL(fileURLWithPath: RuntimeFixtures.path("lgb_regression.txt")))
        var columns = predictor.featureNames.map { Column($0, doubles: [1]) }
        columns[0] = Column(predictor.featureNames[0], strings: ["west"])
        // Then predicting says which column is wrong
        #expect(throws: CairnError.invalid("column 'longitude' holds text; the model expects numbers")) {
            try predictor.predict(try Table(columns))
        }
    }
}
