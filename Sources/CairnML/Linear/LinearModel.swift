/// A trained linear or logistic model over a standardized ``LinearDesign``: raw score of output `k` =
/// `intercepts[k] + Σ weights[k][d] · z_d`, where `z` is the standardized design row.
public struct LinearModel: Sendable, Codable, Equatable {
    /// What the model predicts.
    public let task: LearningTask
    /// The fitted preprocessing.
    public let design: LinearDesign
    /// Per output, the coefficient of each standardized design column.
    public let weights: [[Double]]
    /// Per output, the intercept.
    public let intercepts: [Double]

    /// Raw scores (log-odds, class logits or values), one array of rows per output.
    public func rawScores(_ features: FeatureMatrix) -> [[Double]] {
        let x = design.rows(features)
        let width = design.width
        return zip(weights, intercepts).map { w, b in
            (0..<features.rowCount).map { i in
                var sum = b
                for d in 0..<width { sum += w[d] * x[i * width + d] }
                return sum
            }
        }
    }

    /// Exact additive contributions: each feature's coefficients times its standardized deviation from the
    /// training mean, summed over its design columns; the base value of each output is its intercept.
    public func contributions(_ features: FeatureMatrix) -> (base: [Double], values: [[[Double]]]) {
        let x = design.rows(features)
        let width = design.width
        let values = weights.map { w in
            (0..<features.rowCount).map { i in
                var phi = [Double](repeating: 0, count: features.featureCount)
                for d in 0..<width { phi[design.featureOfColumn[d]] += w[d] * x[i * width + d] }
                return phi
            }
        }
        return (intercepts, values)
    }
}
