import CairnCore

/// The hyperparameters of ``RandomForest``, named and defaulted as scikit-learn's `RandomForestClassifier` /
/// `RandomForestRegressor` (and `ExtraTrees…` with ``extremelyRandomized``).
public struct RandomForestParameters: Sendable, Codable, Equatable {
    /// The number of trees.
    public var treeCount = 100
    /// The deepest a leaf may be; zero or less means unlimited.
    public var maxDepth = -1
    /// The fewest rows a leaf may hold.
    public var minDataInLeaf = 1
    /// The features each split chooses among, as a fraction of all features; `nil` means the task's default:
    /// the square root of the feature count for classification, all features for regression.
    public var featureFractionPerSplit: Double?
    /// Whether each tree trains on a bootstrap sample of the rows (with replacement) rather than on all rows.
    public var bootstrap = true
    /// Extremely randomized trees: each candidate feature is cut at a random threshold.
    public var extremelyRandomized = false
    /// The most histogram bins per feature (besides the missing bin), at most 255.
    public var maxBin = 255
    /// The seed of the row and feature sampling.
    public var seed: UInt64 = 0

    /// The defaults: a random forest.
    public init() {}

    /// The defaults of extremely randomized trees: no bootstrap, random thresholds.
    public static var extraTrees: RandomForestParameters {
        var parameters = RandomForestParameters()
        parameters.bootstrap = false
        parameters.extremelyRandomized = true
        return parameters
    }

    /// - Throws: `invalid_argument` naming the first parameter out of range.
    public func validate() throws {
        func check(_ ok: Bool, _ message: String) throws { if !ok { throw CairnError.invalid(message) } }
        try check(treeCount >= 1, "treeCount must be at least 1")
        try check(minDataInLeaf >= 1, "minDataInLeaf must be at least 1")
        try check((2...255).contains(maxBin), "maxBin must be between 2 and 255")
        if let fraction = featureFractionPerSplit {
            try check(fraction > 0 && fraction <= 1, "featureFractionPerSplit must be in (0, 1]")
        }
    }
}
