import CairnCore
import CairnML
import Foundation
import Testing

struct GradientBoostingTests {
    @Test func adultHeldOutAUCIsCloseToLightGBM() throws {
        // Given adult's official train/test split (LightGBM 4.7 with these settings: test AUC 0.9287)
        let (train, test) = try TestData.adult()
        var parameters = GradientBoostingParameters()
        parameters.numIterations = 100
        let start = Date()
        let model = try Trainer.train(train, target: "c14", algorithm: .gradientBoosting(parameters))
        let fitted = Date()
        let metrics = try Evaluation.evaluate(model, on: test, target: "c14")
        print("adult", metrics, "fit", fitted.timeIntervalSince(start), "predict", Date().timeIntervalSince(fitted))
        #expect(metrics["auc"]! > 0.92)
        #expect(metrics["accuracy"]! > 0.86)
    }
}
