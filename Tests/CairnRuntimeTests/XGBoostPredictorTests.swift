import CairnCore
import Foundation
import Testing

@testable import CairnRuntime

struct XGBoostPredictorTests {
    @Test(arguments: RuntimeFixtures.cases("xgboost"))
    func predictsExactlyWhatXGBoostPredicts(_ fixture: RuntimeFixtures.Case) throws {
        // Given a model saved by XGBoost and its rows
        let predictor = try XGBoostPredictor(data: Data(contentsOf: URL(fileURLWithPath: RuntimeFixtures.path(fixture.model))))
        // Then every row matches XGBoost's output bit for bit
        try RuntimeFixtures.check(predictor, on: fixture)
    }

    @Test func refusesALinearBooster() throws {
        // Given a gblinear model
        let json = #"{"learner":{"learner_model_param":{"num_feature":"2","num_class":"0","base_score":"5E-1"},"objective":{"name":"reg:squarederror"},"gradient_booster":{"name":"gblinear","model":{}}}}"#
        // Then loading names what is unsupported
        #expect(throws: CairnError(.notImplemented, "the XGBoost booster 'gblinear' is not supported (only gbtree)")) {
            try XGBoostPredictor(data: Data(json.utf8))
        }
    }
}
