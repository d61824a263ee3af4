import CairnCore

/// Fits linear regression (ridge solved exactly; lasso and elastic net by coordinate descent) and binary or
/// multinomial logistic regression (L-BFGS, or OWL-QN with an L1 part) on standardized features.
public struct LinearLearner: Sendable {
    /// The hyperparameters.
    public let parameters: LinearParameters

    /// A learner with the given hyperparameters.
    public init(parameters: LinearParameters = LinearParameters()) { self.parameters = parameters }

    /// Fits a model.
    /// - Parameters:
    ///   - categoryCounts: per feature, the number of categories of a categorical one, or `nil` for numeric.
    ///   - labels: class indices (as numbers) or regression targets.
    /// - Throws: `invalid_argument` for bad hyperparameters (see ``LinearParameters``) or mismatched inputs.
    public func fit(
        features: FeatureMatrix, categoryCounts: [Int?], labels: [Double], task: LearningTask, classCount: Int
    ) throws -> LinearModel {
        try parameters.validate()
        guard features.rowCount > 0, labels.count == features.rowCount, categoryCounts.count == features.featureCount else {
            throw CairnError.invalid("a linear model needs at least one row and one label per row")
        }
        let design = LinearDesign(fitting: features, categories: categoryCounts)
        let x = design.rows(features)
        let (l1, l2) = parameters.strengths(task: task, rowCount: features.rowCount)
        if task == .regression {
            let system = LeastSquares(x: x, width: design.width, y: labels)
            let w = l1 > 0 ? system.elasticNet(l1: l1, l2: l2, maxSweeps: parameters.maxIterations) : system.ridge(l2: l2)
            return LinearModel(task: task, design: design, weights: [w], intercepts: [system.mean])
        }
        let objective = LogisticObjective(
            x: x, width: design.width, labels: labels.map(Int.init), outputs: task == .multiclass ? classCount : 1, l2: l2)
        let stride = design.width + 1
        let solver = LBFGS(maxIterations: parameters.maxIterations)
        let theta = solver.minimize(
            from: [Double](repeating: 0, count: objective.parameterCount), l1: l1, penalized: { $0 % stride != design.width },
            objective.evaluate)
        return LinearModel(
            task: task, design: design,
            weights: (0..<objective.outputs).map { Array(theta[($0 * stride)..<($0 * stride + design.width)]) },
            intercepts: (0..<objective.outputs).map { theta[$0 * stride + design.width] })
    }
}
