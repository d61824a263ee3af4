/// The learned part of a ``TabularModel``: one of Cairn's learners.
public enum Estimator: Sendable, Codable, Equatable {
    /// Gradient-boosted trees.
    case gradientBoosting(GradientBoostingModel)

    /// A short name of the learner, recorded in the model file: `gbdt`.
    public var kind: String {
        switch self {
        case .gradientBoosting: "gbdt"
        }
    }

    /// Raw scores (log-odds, class logits or values), one array of rows per output.
    public func rawScores(_ features: FeatureMatrix) -> [[Double]] {
        switch self {
        case .gradientBoosting(let model): model.rawScores(features)
        }
    }
}
