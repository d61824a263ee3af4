import CairnCore
import Synchronization

/// Trains ``RandomForestModel``s: random forests (bootstrap rows, a random subset of features at each split) and
/// extremely randomized trees (random thresholds), on the same histogram machinery as boosting.
public struct RandomForest: Sendable {
    /// The hyperparameters.
    public let parameters: RandomForestParameters

    /// A trainer with the given hyperparameters.
    public init(parameters: RandomForestParameters = RandomForestParameters()) {
        self.parameters = parameters
    }

    /// Trains a forest.
    /// - Parameters:
    ///   - features: the training features; `categorical[f]` says whether feature `f` holds category codes.
    ///   - labels: class indices (as numbers) or regression targets.
    ///   - task: the task; `classCount` is the number of classes (ignored for regression).
    ///   - progress: called after every tree with the number of trees grown so far, minus one.
    /// - Throws: `invalid_argument` for bad parameters, mismatched inputs or no rows.
    public func fit(
        features: FeatureMatrix, categorical: [Bool], labels: [Double], task: LearningTask, classCount: Int,
        progress: (@Sendable (Int) -> Void)? = nil
    ) throws -> RandomForestModel {
        try parameters.validate()
        let n = features.rowCount
        guard n > 0, labels.count == n, categorical.count == features.featureCount else {
            throw CairnError.invalid("a forest needs at least one row and one label and kind per row and feature")
        }
        let data = BinnedData(features, categorical: categorical, maxBin: parameters.maxBin)
        let grower = TreeGrower(data: data, parameters: growerParameters, sampling: sampling(task, features.featureCount))
        // Squared loss from a zero score: gradient -y and hessian 1 make every leaf value the mean target of its
        // rows and every split gain the decrease in squared error (for a class indicator, in Gini impurity).
        let targets: [[Double]] =
            switch task {
            case .regression: [labels]
            case .binary: [labels.map { $0 == 1 ? 1 : 0 }]
            case .multiclass: (0..<classCount).map { k in labels.map { Int($0) == k ? 1 : 0 } }
            }
        let gradients = targets.map { $0.map { -$0 } }
        let hessians = [Double](repeating: 1, count: n)
        let allFeatures = Array(0..<features.featureCount)
        let seeds = (0..<parameters.treeCount).map { parameters.seed &+ UInt64($0) &* 0x9E37_79B9 }
        let grown = Atomic<Int>(0)
        let trees = Parallel.map(parameters.treeCount) { t in
            var random = SeededGenerator(seed: seeds[t])
            let rows = parameters.bootstrap
                ? (0..<n).map { _ in Int32(Int.random(in: 0..<n, using: &random)) }
                : (0..<n).map(Int32.init)
            let tree = gradients.map { g in
                grower.grow(rows: rows, gradients: g, hessians: hessians, features: allFeatures, shrinkage: 1, seed: random.next()).tree
            }
            progress?(grown.add(1, ordering: .relaxed).oldValue)
            return tree
        }
        return RandomForestModel(task: task, trees: trees)
    }

    /// Boosting's grower settings that grow one unpruned, unregularized tree.
    private var growerParameters: GradientBoostingParameters {
        var grower = GradientBoostingParameters()
        grower.numLeaves = Int.max
        grower.maxDepth = parameters.maxDepth
        grower.minDataInLeaf = parameters.minDataInLeaf
        grower.minSumHessianInLeaf = 0
        grower.lambdaL2 = 0
        grower.catL2 = 0
        grower.catSmooth = 0
        grower.minDataPerGroup = 1
        grower.maxBin = parameters.maxBin
        return grower
    }

    private func sampling(_ task: LearningTask, _ featureCount: Int) -> SplitSampling {
        let fraction = parameters.featureFractionPerSplit
        let count =
            fraction.map { Int((Double(featureCount) * $0).rounded(.up)) }
            ?? (task == .regression ? featureCount : Int(Double(featureCount).squareRoot().rounded(.down)))
        return SplitSampling(featuresPerSplit: max(1, min(count, featureCount)), randomThresholds: parameters.extremelyRandomized)
    }
}
