import CairnCore
import Foundation
import Testing

@testable import CairnRuntime

struct ONNXPredictorTests {
    @Test(arguments: RuntimeFixtures.cases("onnx"))
    func predictsWhatOnnxruntimePredicts(_ fixture: RuntimeFixtures.Case) throws {
        // Given a model exported by skl2onnx or onnxmltools and its rows
        let predictor = try ONNXPredictor(data: Data(contentsOf: URL(fileURLWithPath: RuntimeFixtures.path(fixture.model))))
        // Then every row matches onnxruntime: bit for bit for trees, within 1e-6 for matrix paths
        try RuntimeFixtures.check(predictor, on: fixture)
    }
}
