import CairnCore
import CairnML
import Foundation
import Testing

/// Forests on real data, against scikit-learn's forests with the same tree count (figures from
/// tools/fixtures/ml/forest_reference.py), and the forest's own invariants.
struct RandomForestTests {
    private func forest(trees: Int = 50, extra: Bool = false) -> Trainer.Algorithm {
        var parameters = extra ? RandomForestParameters.extraTrees : RandomForestParameters()
        parameters.treeCount = trees
        return .randomForest(parameters)
    }

    @Test func adultForestAUCIsOnParWithScikitLearn() throws {
        let (train, test) = try TestData.adult()
        let model = try Trainer.train(train, target: "c14", algorithm: forest())
        let metrics = try Evaluation.evaluate(model, on: test, target: "c14")
        #expect(metrics["auc"]! > ForestReference.adultAUC - 0.005)
        #expect(metrics["logloss"]!.isFinite)
    }

    @Test func housingForestRMSEIsOnParWithScikitLearn() throws {
        let (train, test) = TestData.everyFifthHeldOut(try CSVReader.read(path: TestData.dataset("california_housing.csv")))
        let model = try Trainer.train(train, target: "median_house_value", algorithm: forest())
        let metrics = try Evaluation.evaluate(model, on: test, target: "median_house_value")
        #expect(metrics["rmse"]! < ForestReference.housingRMSE * 1.01)
    }

    @Test(arguments: [false, true])
    func segmentMulticlassProbabilitiesSumToOne(extra: Bool) throws {
        let (train, test) = TestData.everyFifthHeldOut(try CSVReader.read(path: TestData.dataset("segment.csv")))
        let model = try Trainer.train(train, target: "category", algorithm: forest(extra: extra))
        let metrics = try Evaluation.evaluate(model, on: test, target: "category")
        let reference = extra ? ForestReference.segmentExtraTreesAccuracy : ForestReference.segmentAccuracy
        #expect(metrics["accuracy"]! > reference - 0.01)
        let outputs = try model.outputs(test)
        for row in 0..<test.rowCount {
            #expect(abs(outputs.reduce(0) { $0 + $1[row] } - 1) < 1e-12)
        }
    }

    @Test func sameSeedSameForestAndFileRoundTrip() throws {
        let (train, _) = TestData.everyFifthHeldOut(try TestData.breastCancer())
        let first = try Trainer.train(train, target: "c30", algorithm: forest(trees: 10))
        let second = try Trainer.train(train, target: "c30", algorithm: forest(trees: 10))
        #expect(first == second)
        let reloaded = try ModelFile.decode(ModelFile.encode(first))
        #expect(reloaded == first)
        #expect(try reloaded.outputs(train) == first.outputs(train))
    }

    @Test func contributionsSumToTheForestScore() throws {
        let (train, test) = TestData.everyFifthHeldOut(try TestData.breastCancer())
        let model = try Trainer.train(train, target: "c30", algorithm: forest(trees: 10))
        let explained = try Explainer.contributions(model, test)
        let scores = try model.rawScores(test)[0]
        for row in 0..<test.rowCount {
            let sum = explained.baseValues[0] + explained.values[0][row].reduce(0, +)
            #expect(abs(sum - scores[row]) < 1e-9)
        }
    }

    @Test func badParametersAreRefused() throws {
        let table = try Table([Column("x", doubles: [1, 2, 3, 4]), Column("y", doubles: [0, 1, 0, 1])])
        var bad = RandomForestParameters()
        bad.treeCount = 0
        #expect(throws: CairnError.self) { try Trainer.train(table, target: "y", algorithm: .randomForest(bad)) }
        bad = RandomForestParameters()
        bad.featureFractionPerSplit = 1.5
        #expect(throws: CairnError.self) { try Trainer.train(table, target: "y", algorithm: .randomForest(bad)) }
    }
}

/// scikit-learn 1.9.1 forests (50 trees, otherwise defaults) on the same splits, printed by
/// tools/fixtures/ml/forest_reference.py.
enum ForestReference {
    static let adultAUC = 0.9028
    static let housingRMSE = 48_098.9
    static let segmentAccuracy = 0.9719
    static let segmentExtraTreesAccuracy = 0.9740
}

/// Permutation importance on a model whose signal is known.
struct PermutationImportanceTests {
    @Test func shufflingTheOnlyInformativeFeatureCostsTheMost() throws {
        // Given a target that depends on x only, and a noise column
        var random = SystemRandomNumberGenerator()
        let x = (0..<400).map { _ in Double.random(in: -1...1, using: &random) }
        let noise = (0..<400).map { _ in Double.random(in: -1...1, using: &random) }
        let table = try Table([Column("x", doubles: x), Column("noise", doubles: noise), Column("y", doubles: x.map { 3 * $0 })])
        let model = try Trainer.train(table, target: "y", algorithm: .linear(LinearParameters()))
        // When its features are shuffled in turn
        let report = try PermutationImportance.compute(model, on: table, target: "y", repeats: 3)
        // Then the score is R², near 1 unshuffled, and only x's shuffle costs anything
        #expect(report.metric == "r2")
        #expect(report.baseline > 0.999)
        #expect(report.featureNames == ["x", "noise"])
        #expect(report.meanDecrease[0] > 1)
        #expect(abs(report.meanDecrease[1]) < 1e-3)
        #expect(report.standardDeviation.allSatisfy { $0 >= 0 })
    }

    @Test func refusesNoRepeats() throws {
        let table = try Table([Column("x", doubles: [1, 2, 3]), Column("y", doubles: [1, 2, 3])])
        let model = try Trainer.train(table, target: "y", algorithm: .linear(LinearParameters()))
        #expect(throws: CairnError.self) { try PermutationImportance.compute(model, on: table, target: "y", repeats: 0) }
    }
}
