import CairnCore

/// The hyperparameters of ``GradientBoosting``, named and defaulted as LightGBM's.
public struct GradientBoostingParameters: Sendable, Codable, Equatable {
    /// The loss a regression ensemble minimizes (LightGBM's regression objectives).
    public enum RegressionObjective: String, Sendable, Codable, Equatable {
        /// Squared error; leaf values are Newton steps.
        case l2
        /// Absolute error: gradients are the residuals' signs and each leaf's value is re-fitted to the median
        /// residual of its rows.
        case l1
        /// Huber loss: squared within ``GradientBoostingParameters/alpha`` of the target, absolute beyond it.
        case huber
    }

    /// The regression loss; classification tasks always use log loss.
    public var objective = RegressionObjective.l2
    /// Huber's threshold between squared and absolute error, in target units.
    public var alpha = 0.9
    /// Boosting rounds (trees per class).
    public var numIterations = 100
    /// The shrinkage applied to every tree.
    public var learningRate = 0.1
    /// The most leaves a tree may have.
    public var numLeaves = 31
    /// The deepest a leaf may be; zero or less means unlimited.
    public var maxDepth = -1
    /// The fewest rows a leaf may hold.
    public var minDataInLeaf = 20
    /// The smallest hessian sum a leaf may hold.
    public var minSumHessianInLeaf = 1e-3
    /// The smallest loss reduction worth a split.
    public var minGainToSplit = 0.0
    /// The largest absolute leaf value before shrinkage; zero or less means unbounded. `nil` (the default) bounds
    /// multiclass trees by ``multiclassMaxDeltaStep`` and leaves binary and regression trees unbounded, as
    /// ``resolved(for:)`` settles. (LightGBM
    /// bounds nothing by default, but softmax rows predicted with near certainty have vanishing hessians, so an
    /// unbounded Newton step on a leaf of a rare class reaches thousands and the ensemble oscillates: on KDD Cup 99
    /// LightGBM's own validation loss climbs to 14.)
    public var maxDeltaStep: Double?
    /// The default bound on multiclass leaf values.
    public static let multiclassMaxDeltaStep = 10.0
    /// The L1 penalty on leaf values.
    public var lambdaL1 = 0.0
    /// The L2 penalty on leaf values.
    public var lambdaL2 = 0.0
    /// The most histogram bins per feature (besides the missing bin), at most 255.
    public var maxBin = 255
    /// The fraction of rows each bagging round samples (1 disables bagging).
    public var baggingFraction = 1.0
    /// Resample the bag every this many rounds (0 disables bagging).
    public var baggingFrequency = 0
    /// The fraction of features each tree may use.
    public var featureFraction = 1.0
    /// Stop when the validation loss has not improved for this many rounds (0 disables early stopping).
    public var earlyStoppingRounds = 0
    /// The most categories one side of a categorical split may hold.
    public var maxCatThreshold = 32
    /// A categorical feature with at most this many categories is split one category against the rest.
    public var maxCatToOnehot = 4
    /// The extra L2 penalty in the gains and child values of many-vs-many categorical splits.
    public var catL2 = 10.0
    /// The hessian added when ranking categories by gradient ratio.
    public var catSmooth = 10.0
    /// The fewest rows a category needs to be considered for a categorical split.
    public var minDataPerGroup = 100
    /// The seed of the bagging and feature sampling.
    public var seed: UInt64 = 0

    /// The defaults.
    public init() {}

    /// These parameters with every task-dependent default settled to the value training uses: an unset
    /// ``maxDeltaStep`` becomes ``multiclassMaxDeltaStep`` for a multiclass task and 0 (unbounded) otherwise.
    public func resolved(for task: LearningTask) -> GradientBoostingParameters {
        var parameters = self
        parameters.maxDeltaStep = maxDeltaStep ?? (task == .multiclass ? Self.multiclassMaxDeltaStep : 0)
        return parameters
    }

    /// - Throws: `invalid_argument` naming the first parameter out of range.
    public func validate() throws {
        func check(_ ok: Bool, _ message: String) throws { if !ok { throw CairnError.invalid(message) } }
        try check(numIterations >= 1, "numIterations must be at least 1")
        try check(learningRate > 0, "learningRate must be positive")
        try check(numLeaves >= 2, "numLeaves must be at least 2")
        try check(minDataInLeaf >= 1, "minDataInLeaf must be at least 1")
        try check(lambdaL1 >= 0 && lambdaL2 >= 0, "lambdaL1 and lambdaL2 must not be negative")
        try check((2...255).contains(maxBin), "maxBin must be between 2 and 255")
        try check(baggingFraction > 0 && baggingFraction <= 1, "baggingFraction must be in (0, 1]")
        try check(featureFraction > 0 && featureFraction <= 1, "featureFraction must be in (0, 1]")
        try check(alpha > 0, "alpha must be positive")
        try check(earlyStoppingRounds >= 0 && baggingFrequency >= 0, "round counts must not be negative")
    }
}
