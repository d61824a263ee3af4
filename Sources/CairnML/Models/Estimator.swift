/// The learned part of a ``TabularModel``: one of Cairn's learners.
public enum Estimator: Sendable, Codable, Equatable {
    /// Gradient-boosted trees.
    case gradientBoosting(GradientBoostingModel)
    /// A linear or logistic model.
    case linear(LinearModel)

    /// A short name of the learner, recorded in the model file: `gbdt` or `linear`.
    public var kind: String {
        switch self {
        case .gradientBoosting: "gbdt"
        case .linear: "linear"
        }
    }

    /// Raw scores (log-odds, class logits or values), one array of rows per output.
    public func rawScores(_ features: FeatureMatrix) -> [[Double]] {
        switch self {
        case .gradientBoosting(let model): model.rawScores(features)
        case .linear(let model): model.rawScores(features)
        }
    }
}
