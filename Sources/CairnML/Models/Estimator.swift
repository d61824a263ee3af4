/// The learned part of a ``TabularModel``: one of Cairn's learners.
public enum Estimator: Sendable, Codable, Equatable {
    /// Gradient-boosted trees.
    case gradientBoosting(GradientBoostingModel)
    /// A linear or logistic model.
    case linear(LinearModel)
    /// A random forest or extremely randomized trees.
    case randomForest(RandomForestModel)

    /// A short name of the learner, recorded in the model file: `gbdt`, `linear` or `forest`.
    public var kind: String {
        switch self {
        case .gradientBoosting: "gbdt"
        case .linear: "linear"
        case .randomForest: "forest"
        }
    }

    /// Raw scores, one array of rows per output: log-odds, class logits or values for boosting and linear
    /// models; class shares or values for forests.
    public func rawScores(_ features: FeatureMatrix) -> [[Double]] {
        switch self {
        case .gradientBoosting(let model): model.rawScores(features)
        case .linear(let model): model.rawScores(features)
        case .randomForest(let model): model.rawScores(features)
        }
    }

    /// Predictions, one array of rows per output: for binary tasks the probability of class 1, for multiclass
    /// ones the probability of each class, for regression the values.
    public func predictions(_ features: FeatureMatrix, task: LearningTask) -> [[Double]] {
        switch self {
        case .gradientBoosting, .linear: OutputLink.apply(task, to: rawScores(features))
        case .randomForest(let model): model.predictions(features)
        }
    }
}
