import CairnCore
import Foundation

/// The hyperparameters of ``LinearLearner``.
public struct LinearParameters: Sendable, Codable, Equatable {
    /// The L2 penalty λ in `Σ loss_i + λ/2 · ‖w‖²` (the intercept is not penalized), where the loss is half the
    /// squared error for regression and the log loss for classification: scikit-learn's `Ridge(alpha=λ)` and
    /// `LogisticRegression(C=1/λ)`.
    public var l2 = 1.0
    /// The most L-BFGS iterations for classification.
    public var maxIterations = 1_000

    /// The defaults.
    public init() {}
}

/// Fits linear regression (ridge, solved exactly) and binary or multinomial logistic regression (L-BFGS) on
/// standardized features.
public struct LinearLearner: Sendable {
    /// The hyperparameters.
    public let parameters: LinearParameters

    /// A learner with the given hyperparameters.
    public init(parameters: LinearParameters = LinearParameters()) { self.parameters = parameters }

    /// Fits a model.
    /// - Parameters:
    ///   - categoryCounts: per feature, the number of categories of a categorical one, or `nil` for numeric.
    ///   - labels: class indices (as numbers) or regression targets.
    /// - Throws: `invalid_argument` for a negative penalty or mismatched inputs.
    public func fit(
        features: FeatureMatrix, categoryCounts: [Int?], labels: [Double], task: LearningTask, classCount: Int
    ) throws -> LinearModel {
        guard parameters.l2 >= 0 else { throw CairnError.invalid("l2 must not be negative") }
        guard features.rowCount > 0, labels.count == features.rowCount, categoryCounts.count == features.featureCount else {
            throw CairnError.invalid("a linear model needs at least one row and one label per row")
        }
        let design = LinearDesign(fitting: features, categories: categoryCounts)
        let x = design.rows(features)
        if task == .regression {
            let (w, b) = ridge(x, design.width, labels)
            return LinearModel(task: task, design: design, weights: [w], intercepts: [b])
        }
        let objective = LogisticObjective(
            x: x, width: design.width, labels: labels.map(Int.init), outputs: task == .multiclass ? classCount : 1,
            l2: parameters.l2)
        let solver = LBFGS(maxIterations: parameters.maxIterations)
        let theta = solver.minimize(from: [Double](repeating: 0, count: objective.parameterCount), objective.evaluate)
        let stride = design.width + 1
        return LinearModel(
            task: task, design: design,
            weights: (0..<objective.outputs).map { Array(theta[($0 * stride)..<($0 * stride + design.width)]) },
            intercepts: (0..<objective.outputs).map { theta[$0 * stride + design.width] })
    }

    /// Ridge regression on centered columns: `(XᵀX + λI) w = Xᵀ(y - ȳ)` by Cholesky, intercept `ȳ`.
    private func ridge(_ x: [Double], _ width: Int, _ y: [Double]) -> ([Double], Double) {
        let n = y.count
        let mean = y.reduce(0, +) / Double(n)
        var a = [Double](repeating: 0, count: width * width)
        var rhs = [Double](repeating: 0, count: width)
        for i in 0..<n {
            let row = i * width
            for p in 0..<width {
                let xp = x[row + p]
                rhs[p] += xp * (y[i] - mean)
                for q in 0...p { a[p * width + q] += xp * x[row + q] }
            }
        }
        for p in 0..<width {
            a[p * width + p] += max(parameters.l2, 1e-12)
            for q in 0..<p { a[q * width + p] = a[p * width + q] }
        }
        return (Self.choleskySolve(a, rhs, width), mean)
    }

    /// Solves `A x = b` for a symmetric positive definite `A` (row-major `n × n`).
    private static func choleskySolve(_ a: [Double], _ b: [Double], _ n: Int) -> [Double] {
        var l = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var sum = a[i * n + j]
                for k in 0..<j { sum -= l[i * n + k] * l[j * n + k] }
                l[i * n + j] = i == j ? sum.squareRoot() : sum / l[j * n + j]
            }
        }
        var z = b
        for i in 0..<n {
            for k in 0..<i { z[i] -= l[i * n + k] * z[k] }
            z[i] /= l[i * n + i]
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            for k in (i + 1)..<n { z[i] -= l[k * n + i] * z[k] }
            z[i] /= l[i * n + i]
        }
        return z
    }
}
