import CairnCore
import Foundation
import Testing

@testable import CairnRuntime

struct LightGBMPredictorTests {
    @Test(arguments: RuntimeFixtures.cases("lightgbm"))
    func predictsExactlyWhatLightGBMPredicts(_ fixture: RuntimeFixtures.Case) throws {
        // Given a model saved by LightGBM and its rows
        let predictor = try LightGBMPredictor(text: String(contentsOfFile: RuntimeFixtures.path(fixture.model), encoding: .utf8))
        // Then every row matches LightGBM's output bit for bit
        try RuntimeFixtures.check(predictor, on: fixture)
    }

    @Test func refusesATreeWhoseChildrenFormACycle() throws {
        // Given a tree whose split 1 links back to split 0
        let text = """
            tree
            version=v4
            num_class=1
            num_tree_per_iteration=1
            max_feature_idx=0
            objective=regression

            Tree=0
            num_leaves=3
            split_feature=0 0
            threshold=1 2
            decision_type=2 2
            left_child=1 0
            right_child=-1 -2
            leaf_value=1 2 3
            """
        // Then loading fails with a message naming the problem
        #expect(throws: CairnError.invalid("tree 0 of the LightGBM model links a split out of range or in a cycle")) {
            try LightGBMPredictor(text: text)
        }
    }
}
