import CairnCore
import CairnML
import Testing

/// Behaviour of the boosting learner on small synthetic data.
struct BoostingBehaviourTests {
    /// `n` rows: x uniform in [0, 1), y = 1 when x > 0.5; every 7th x is missing and then y = 1.
    private func thresholdData(_ n: Int) -> (features: FeatureMatrix, labels: [Double]) {
        let x = (0..<n).map { i in i % 7 == 0 ? Double.nan : Double((i * 7919) % n) / Double(n) }
        let y = x.map { $0.isNaN || $0 > 0.5 ? 1.0 : 0.0 }
        return (FeatureMatrix(columns: [x], rowCount: n), y)
    }

    private func gbdt(_ configure: (inout GradientBoostingParameters) -> Void) -> GradientBoosting {
        var parameters = GradientBoostingParameters()
        configure(&parameters)
        return GradientBoosting(parameters: parameters)
    }

    @Test func learnsWhereMissingValuesGo() throws {
        let (features, labels) = thresholdData(2_000)
        let model = try gbdt { $0.numIterations = 20 }
            .fit(features: features, categorical: [false], labels: labels, task: .binary, classCount: 2)
        let probe = FeatureMatrix(columns: [[.nan, 0.2, 0.8]], rowCount: 3)
        let p = OutputLink.apply(.binary, to: model.rawScores(probe))[0]
        #expect(p[0] > 0.9)
        #expect(p[1] < 0.1)
        #expect(p[2] > 0.9)
    }

    @Test func treesRespectLeafCountDepthAndLeafSize() throws {
        let (train, _) = try TestData.adult()
        let model = try Trainer.train(train, target: "c14", algorithm: .gradientBoosting({
            var p = GradientBoostingParameters()
            p.numIterations = 5
            p.numLeaves = 12
            p.maxDepth = 3
            p.minDataInLeaf = 200
            return p
        }()))
        guard case .gradientBoosting(let ensemble) = model.estimator else { Issue.record("not boosting"); return }
        for tree in ensemble.trees.joined() {
            #expect(tree.leafValue.count <= 8)
            #expect(tree.leafCover.allSatisfy { $0 >= 200 })
        }
    }

    @Test func earlyStoppingKeepsTheBestRound() throws {
        let (train, test) = try TestData.adult()
        var parameters = GradientBoostingParameters()
        parameters.numIterations = 1_000
        parameters.learningRate = 0.3
        parameters.earlyStoppingRounds = 10
        let model = try Trainer.train(train, target: "c14", algorithm: .gradientBoosting(parameters), validation: test)
        guard case .gradientBoosting(let ensemble) = model.estimator else { Issue.record("not boosting"); return }
        let best = ensemble.validationLoss.indices.min { ensemble.validationLoss[$0] < ensemble.validationLoss[$1] }!
        #expect(ensemble.trees.count == best + 1)
        #expect(ensemble.validationLoss.count == best + 11)
    }

    @Test func samplingIsReproducibleBySeed() throws {
        let (features, labels) = thresholdData(3_000)
        let noisy = FeatureMatrix(columns: features.columns + [(0..<3_000).map { Double(($0 * 31) % 17) }], rowCount: 3_000)
        func fit(_ seed: UInt64) throws -> GradientBoostingModel {
            try gbdt {
                $0.numIterations = 10
                $0.baggingFraction = 0.5
                $0.baggingFrequency = 1
                $0.featureFraction = 0.5
                $0.seed = seed
            }.fit(features: noisy, categorical: [false, false], labels: labels, task: .binary, classCount: 2)
        }
        #expect(try fit(1) == fit(1))
        #expect(try fit(1) != fit(2))
    }

    @Test func l1AndL2ShrinkLeafValues() throws {
        let (features, labels) = thresholdData(1_000)
        func largestLeaf(_ configure: (inout GradientBoostingParameters) -> Void) throws -> Double {
            let model = try gbdt {
                $0.numIterations = 1
                configure(&$0)
            }.fit(features: features, categorical: [false], labels: labels, task: .regression, classCount: 1)
            return model.trees[0][0].leafValue.map(abs).max()!
        }
        let plain = try largestLeaf { _ in }
        #expect(try largestLeaf { $0.lambdaL2 = 100 } < plain)
        #expect(try largestLeaf { $0.lambdaL1 = 50 } < plain)
    }

    @Test func rejectsBadTargetsAndParameters() throws {
        let table = try Table([Column("x", doubles: [1, 2, 3]), Column("y", strings: ["a", "a", "a"]), Column("z", doubles: [1, .nan, 2])])
        let boosting = Trainer.Algorithm.gradientBoosting(GradientBoostingParameters())
        let single = #expect(throws: CairnError.self) { try Trainer.train(table, target: "y", algorithm: boosting) }
        #expect(single?.message.contains("single class") == true)
        let missing = #expect(throws: CairnError.self) { try Trainer.train(table, target: "z", algorithm: boosting) }
        #expect(missing?.message.contains("missing") == true)
        #expect(throws: CairnError.self) { try Trainer.train(table, target: "absent", algorithm: boosting) }
        var bad = GradientBoostingParameters()
        bad.maxBin = 1_000
        #expect(throws: CairnError.self) { try Trainer.train(table, target: "x", algorithm: .gradientBoosting(bad)) }
    }
}
