import CairnCore
import CairnML
import Testing

/// Held-out quality on real data. The reference figures come from tools/fixtures/ml/lightgbm_reference.py
/// (LightGBM 4.7.0 with the same rounds, leaves, learning rate and bins).
struct GradientBoostingTests {
    @Test func adultHeldOutAUCMatchesLightGBM() throws {
        // Given adult's official split (LightGBM: AUC 0.9274)
        let (train, test) = try TestData.adult()
        // When boosting 100 rounds of 31 leaves with categorical splits
        let model = try Trainer.train(train, target: "c14", algorithm: .gradientBoosting(GradientBoostingParameters()))
        // Then the test AUC is within 0.003 of LightGBM's
        let metrics = try Evaluation.evaluate(model, on: test, target: "c14")
        #expect(metrics["auc"]! > 0.9244)
        #expect(metrics["accuracy"]! > 0.86)
    }

    @Test func higgsHeldOutAUCMatchesLightGBM() throws {
        // Given the HIGGS sample's train/test files (LightGBM: AUC 0.8321)
        let options = CSVOptions(hasHeader: false, delimiter: "\t")
        let train = try CSVReader.read(path: TestData.dataset("lightgbm_higgs_binary.train.tsv"), options: options)
        let test = try CSVReader.read(path: TestData.dataset("lightgbm_higgs_binary.test.tsv"), options: options)
        let model = try Trainer.train(train, target: "c0", algorithm: .gradientBoosting(GradientBoostingParameters()))
        let metrics = try Evaluation.evaluate(model, on: test, target: "c0")
        #expect(metrics["auc"]! > 0.8221)
    }

    @Test func housingRegressionRMSEMatchesLightGBM() throws {
        // Given California housing with missing bedrooms and a categorical column (LightGBM: RMSE 45,992)
        let (train, test) = TestData.everyFifthHeldOut(try CSVReader.read(path: TestData.dataset("california_housing.csv")))
        let model = try Trainer.train(train, target: "median_house_value", algorithm: .gradientBoosting(GradientBoostingParameters()))
        #expect(model.task == .regression)
        let metrics = try Evaluation.evaluate(model, on: test, target: "median_house_value")
        // Then the RMSE is within 1% of LightGBM's
        #expect(metrics["rmse"]! < 46_452)
    }

    @Test func segmentMulticlassAccuracyMatchesLightGBM() throws {
        // Given the 7-class image segment data (LightGBM: accuracy 0.9805)
        let (train, test) = TestData.everyFifthHeldOut(try CSVReader.read(path: TestData.dataset("segment.csv")))
        let model = try Trainer.train(train, target: "category", algorithm: .gradientBoosting(GradientBoostingParameters()))
        #expect(model.classes.count == 7)
        let metrics = try Evaluation.evaluate(model, on: test, target: "category")
        #expect(metrics["accuracy"]! > 0.97)
    }
}
