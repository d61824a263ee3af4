import CairnCore
import CairnML
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

    @Test func refusesACategoryTheModelNeverSaw() throws {
        // Given a model that saved its training categories, and a row whose workclass is not one of them
        let fixture = try #require(RuntimeFixtures.cases("xgboost").first { $0.name == "xgb_category_names" })
        let predictor = try XGBoostPredictor(data: Data(contentsOf: URL(fileURLWithPath: RuntimeFixtures.path(fixture.model))))
        let row = try RuntimeFixtures.rows(fixture).selecting(rows: [150])
        let columns = row.columns.map { column in
            column.name == "workclass" ? Column(name: "workclass", values: .categorical(codes: [0], levels: ["Astronaut"])) : column
        }
        // Then predicting names the column and the category, as XGBoost refuses it
        #expect(throws: CairnError.invalid("column 'workclass' holds the category 'Astronaut', which the XGBoost model did not see in training")) {
            try predictor.predict(try Table(columns))
        }
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
