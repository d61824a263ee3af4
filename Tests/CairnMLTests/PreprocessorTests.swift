import CairnCore
import CairnML
import Foundation
import Testing

/// scikit-learn's preprocessing outputs, written by tools/fixtures/ml/make_preprocessing_fixtures.py.
private struct PreprocessingFixture: Decodable {
    struct Case: Decodable {
        let steps: String
        let train: [[Double?]]
        let test: [[Double?]]?
    }
    struct OrdinalCase: Decodable {
        let steps: String
        let train: [[Double?]]
        let test: [[Double?]]
        let onehot_train: [[Double?]]
        let onehot_test: [[Double?]]
    }
    let housing_impute_scale_onehot: Case
    let adult_impute_ordinal_onehot: OrdinalCase
    let adult_target_binary: Case
    let adult_target_multiclass: Case
    let housing_target_regression: Case

    static func load() throws -> PreprocessingFixture {
        try JSONDecoder().decode(PreprocessingFixture.self, from: TestData.fixture("preprocessing.json"))
    }
}

struct PreprocessorTests {
    /// Adult data with `?` as an ordinary category (scikit-learn's target encoder counts missing as a category).
    private func adultWithQuestionMarks() throws -> (train: Table, test: Table) {
        let options = CSVOptions(hasHeader: false, stripTrailingPeriod: true)
        return (try CSVReader.read(path: TestData.dataset("adult_train.csv"), options: options),
                try CSVReader.read(path: TestData.dataset("adult_test.csv"), options: options))
    }

    /// Fits `steps` on `train` (every column but `target`) and returns the training output and `test`'s.
    private func fitted(_ steps: String, _ train: Table, target: String, task: LearningTask? = nil, test: Table? = nil) throws
        -> (train: FeatureFrame, test: FeatureFrame?)
    {
        let schema = FeatureSchema(inferringFrom: train, excluding: [target])
        let encoding = try TargetEncoding.fit(train.column(named: target), task: task)
        let (preprocessor, output) = try Preprocessor.fit(
            try PreprocessingStep.parse(steps), frame: FeatureFrame(schema, try schema.matrix(train)),
            labels: try encoding.values(train.column(named: target)), task: encoding.task, classes: encoding.classes)
        let testOutput = try test.map { preprocessor.transform(FeatureFrame(schema, try schema.matrix($0))) }
        return (output, testOutput)
    }

    /// The first rows of `frame` equal scikit-learn's within 1e-9 (relative to the value's size), missing for missing.
    private func expectEqual(_ frame: FeatureFrame?, _ expected: [[Double?]], _ label: String) {
        guard let frame else { return #expect(Bool(false), "no output for \(label)") }
        #expect(frame.columns.count == expected[0].count, "\(label): width")
        guard frame.columns.count == expected[0].count else { return }
        for (row, values) in expected.enumerated() {
            for (j, value) in values.enumerated() {
                let ours = frame.columns[j][row]
                guard let value else {
                    #expect(ours.isNaN, "\(label) row \(row) column \(frame.names[j]): \(ours) vs missing")
                    continue
                }
                #expect(abs(ours - value) <= 1e-9 * max(1, abs(value)), "\(label) row \(row) column \(frame.names[j]): \(ours) vs \(value)")
            }
        }
    }

    @Test func medianImputeScaleAndOneHotMatchScikitLearn() throws {
        let fixture = try PreprocessingFixture.load().housing_impute_scale_onehot
        let housing = try CSVReader.read(path: TestData.dataset("california_housing.csv"))
        let output = try fitted(fixture.steps, housing, target: "median_house_value")
        expectEqual(output.train, fixture.train, "housing")
        #expect(output.train.names.suffix(5) == ["ocean_proximity=<1H OCEAN", "ocean_proximity=INLAND", "ocean_proximity=ISLAND",
                                                   "ocean_proximity=NEAR BAY", "ocean_proximity=NEAR OCEAN"])
    }

    @Test func mostFrequentImputeOrdinalAndOneHotMatchScikitLearnWithUnseenCategories() throws {
        let fixture = try PreprocessingFixture.load().adult_impute_ordinal_onehot
        let (train, test) = try TestData.adult()
        let ordinal = try fitted(fixture.steps, train, target: "c14", test: test)
        expectEqual(ordinal.train, fixture.train, "ordinal train")
        expectEqual(ordinal.test, fixture.test, "ordinal test")
        let onehot = try fitted("onehot", train, target: "c14", test: test)
        expectEqual(onehot.train, fixture.onehot_train, "one-hot train")
        expectEqual(onehot.test, fixture.onehot_test, "one-hot test")
    }

    @Test func targetEncodingMatchesScikitLearnWithCrossFitting() throws {
        let fixture = try PreprocessingFixture.load()
        let (train, test) = try adultWithQuestionMarks()
        let binary = try fitted(fixture.adult_target_binary.steps, train, target: "c14", test: test)
        expectEqual(binary.train, fixture.adult_target_binary.train, "binary train")
        expectEqual(binary.test, fixture.adult_target_binary.test!, "binary test")
        let multiclass = try fitted(
            fixture.adult_target_multiclass.steps, train, target: "c7", task: .multiclass, test: test)
        expectEqual(multiclass.train, fixture.adult_target_multiclass.train, "multiclass train")
        expectEqual(multiclass.test, fixture.adult_target_multiclass.test!, "multiclass test")
        let housing = try CSVReader.read(path: TestData.dataset("california_housing.csv"))
        let regression = try fitted(fixture.housing_target_regression.steps, housing, target: "median_house_value", test: housing)
        expectEqual(regression.train, fixture.housing_target_regression.train, "regression train")
        expectEqual(regression.test, fixture.housing_target_regression.test!, "regression test")
    }

    @Test func savedPipelineModelPredictsIdenticallyAndHandlesUnseenCategories() throws {
        // Given a logistic model trained behind imputation, scaling and one-hot encoding on the adult data
        let (train, test) = try TestData.adult()
        let model = try Trainer.train(
            train, target: "c14", algorithm: .linear(LinearParameters()),
            preprocessing: try PreprocessingStep.parse("impute=median,scale,onehot"))
        #expect(model.preprocessor?.steps.count == 3)
        // When it is saved (as format version 2, which older builds refuse rather than misread) and loaded back
        let document = try ModelFile.encode(model)
        #expect(String(decoding: document, as: UTF8.self).contains("\"formatVersion\":2"))
        let loaded = try ModelFile.decode(document)
        // Then it predicts the test rows identically
        #expect(loaded == model)
        #expect(try loaded.outputs(test) == model.outputs(test))
        let auc = try Evaluation.evaluate(loaded, on: test, target: "c14")["auc"]!
        #expect(auc > 0.89, "held-out AUC \(auc)")
        // And a workclass never seen in training scores like a missing one: no indicator set
        let workclass = try test.column(named: "c1").strings()
        let unseen = try test.setting(Column("c1", strings: workclass.map { _ in "Astronaut" }))
        let missing = try test.setting(Column("c1", strings: workclass.map { _ in nil }))
        #expect(try loaded.outputs(unseen) == loaded.outputs(missing))
        #expect(try loaded.outputs(unseen) != loaded.outputs(test))
    }

    @Test func explanationsOfAPreprocessedModelSumDerivedColumnsIntoTheirInputs() throws {
        // Given boosted trees trained behind one-hot encoding on the adult data
        let (train, test) = try TestData.adult()
        let rows = test.selecting(rows: Array(0..<40))
        var parameters = GradientBoostingParameters()
        parameters.numIterations = 20
        let model = try Trainer.train(
            train, target: "c14", algorithm: .gradientBoosting(parameters), preprocessing: try PreprocessingStep.parse("onehot"))
        // When the rows are explained by input column and by derived column
        let inputs = try Explainer.contributions(model, rows)
        let derived = try Explainer.contributions(model, rows, by: .derived)
        // Then the input explanation names the model's input columns, the derived one the indicators
        #expect(inputs.featureNames == model.schema.names)
        #expect(derived.featureNames.contains("c1=Private"))
        #expect(derived.featureNames.count > inputs.featureNames.count)
        // And a categorical input's contribution is the sum of its indicators', a numeric one's is its own
        let workclass = inputs.featureNames.firstIndex(of: "c1")!
        let indicators = derived.featureNames.indices.filter { derived.featureNames[$0].hasPrefix("c1=") }
        let age = inputs.featureNames.firstIndex(of: "c0")!
        let raw = try model.rawScores(rows)[0]
        for row in 0..<rows.rowCount {
            let sum = indicators.reduce(0) { $0 + derived.values[0][row][$1] }
            #expect(abs(inputs.values[0][row][workclass] - sum) < 1e-12)
            #expect(inputs.values[0][row][age] == derived.values[0][row][derived.featureNames.firstIndex(of: "c0")!])
            // And each row still adds up to its raw score
            #expect(abs(inputs.baseValues[0] + inputs.values[0][row].reduce(0, +) - raw[row]) < 1e-9)
        }
        #expect(indicators.contains { i in (0..<rows.rowCount).contains { derived.values[0][$0][i] != 0 } })
    }

    @Test func unknownStepsAreRejectedWithTheirName() {
        for text in ["impute=mode", "scale=2", "target=-1", "target=auto:1", "impute=mean:3", "pca"] {
            #expect(throws: CairnError.self) { try PreprocessingStep.parse(text) }
        }
        let parsed = try? PreprocessingStep.parse("impute=constant:-1,target=auto:3")
        #expect(parsed == [.impute(.constant, fill: -1), .target(smoothing: nil, folds: 3)])
    }
}
