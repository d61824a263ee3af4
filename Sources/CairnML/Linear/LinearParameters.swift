import CairnCore

/// The hyperparameters of ``LinearLearner``, with scikit-learn's names and meanings.
///
/// Regression minimizes, over standardized design columns with an unpenalized intercept:
/// - `penalty = .l2`: `½‖y − Xw‖² + α/2 ‖w‖²` — scikit-learn's `Ridge(alpha=α)`;
/// - `penalty = .l1` or `.elasticnet`: `1/(2n) ‖y − Xw‖² + α ρ ‖w‖₁ + α (1 − ρ)/2 ‖w‖²` — `Lasso(alpha=α)`
///   (ρ = 1) and `ElasticNet(alpha=α, l1_ratio=ρ)`.
///
/// Classification minimizes `C Σ logloss + ρ ‖w‖₁ + (1 − ρ)/2 ‖w‖²` — `LogisticRegression(C=C, l1_ratio=ρ)`,
/// where ρ is 0 for `.l2`, 1 for `.l1` and ``l1Ratio`` for `.elasticnet`.
public struct LinearParameters: Sendable, Codable, Equatable {
    /// The kind of penalty on the coefficients.
    public enum Penalty: String, Sendable, Codable, CaseIterable {
        /// Squared L2 norm (ridge).
        case l2
        /// L1 norm (lasso): drives coefficients to exactly zero.
        case l1
        /// A mix of both, weighted by ``LinearParameters/l1Ratio``.
        case elasticnet
    }

    /// The penalty.
    public var penalty = Penalty.l2
    /// The penalty strength of regression models (scikit-learn's `alpha`).
    public var alpha = 1.0
    /// The inverse penalty strength of classification models (scikit-learn's `C`).
    public var c = 1.0
    /// The share of L1 in an elastic-net penalty, in [0, 1] (scikit-learn's `l1_ratio`).
    public var l1Ratio = 0.5
    /// The most solver iterations: L-BFGS (OWL-QN with an L1 part) steps for classification, coordinate-descent
    /// sweeps for L1 and elastic-net regression.
    public var maxIterations = 1_000

    /// The defaults: ridge with α = 1, logistic regression with C = 1.
    public init() {}

    /// The L1 share ρ of the penalty.
    var rho: Double {
        switch penalty {
        case .l2: 0
        case .l1: 1
        case .elasticnet: l1Ratio
        }
    }

    /// The penalty of the objective written as `Σ loss_i + l1 ‖w‖₁ + l2/2 ‖w‖²` for `rowCount` rows, where the
    /// loss is half the squared error for regression and the log loss for classification.
    func strengths(task: LearningTask, rowCount: Int) -> (l1: Double, l2: Double) {
        if task != .regression { return (rho / c, (1 - rho) / c) }
        if penalty == .l2 { return (0, alpha) }
        let n = Double(rowCount)
        return (n * alpha * rho, n * alpha * (1 - rho))
    }

    /// Checks the values.
    /// - Throws: `invalid_argument` for a negative `alpha`, a `C` that is not positive, an `l1_ratio` outside
    ///   [0, 1], or fewer than one iteration.
    func validate() throws {
        guard alpha >= 0, alpha.isFinite else { throw CairnError.invalid("alpha must be a finite number ≥ 0, got \(alpha)") }
        guard c > 0, c.isFinite else { throw CairnError.invalid("C must be a finite number > 0, got \(c)") }
        guard (0...1).contains(l1Ratio) else { throw CairnError.invalid("l1_ratio must be in [0, 1], got \(l1Ratio)") }
        guard maxIterations >= 1 else { throw CairnError.invalid("max_iter must be at least 1, got \(maxIterations)") }
    }
}
