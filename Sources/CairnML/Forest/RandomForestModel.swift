/// A trained forest: every tree votes with its leaf values and the forest averages them.
///
/// A regression forest averages predicted values; a classification forest averages, per class, the share of
/// training rows of that class in the leaf each row reaches (one tree per class on the class's indicator, so the
/// split criterion is the Gini impurity of that class), and normalizes the class shares to sum to one.
public struct RandomForestModel: Sendable, Codable, Equatable {
    /// What the forest predicts.
    public let task: LearningTask
    /// The trees, each with one tree per output (one output for binary and regression, one per class for multiclass).
    public let trees: [[DecisionTree]]

    /// The number of outputs.
    public var outputCount: Int { trees.first?.count ?? 1 }

    /// The mean leaf value per output, for every row: class shares or predicted values.
    public func rawScores(_ features: FeatureMatrix) -> [[Double]] {
        let outputs = 0..<outputCount
        let perRow = Parallel.map(features.rowCount) { row in
            outputs.map { k in
                trees.reduce(0) { $0 + $1[k].leafValue[$1[k].leaf(columns: features.columns, row: row)] } / Double(trees.count)
            }
        }
        return outputs.map { k in perRow.map { $0[k] } }
    }

    /// Predictions: for binary, the probability of class 1; for multiclass, one probability per class (the
    /// class shares normalized); for regression, the values.
    public func predictions(_ features: FeatureMatrix) -> [[Double]] {
        let scores = rawScores(features)
        guard task == .multiclass else { return scores }
        var normalized = scores
        for row in 0..<features.rowCount {
            let sum = scores.reduce(0) { $0 + $1[row] }
            for k in scores.indices { normalized[k][row] = sum > 0 ? scores[k][row] / sum : 1 / Double(scores.count) }
        }
        return normalized
    }

    /// Total impurity decrease per feature over all trees, for `featureCount` features.
    public func gainImportance(featureCount: Int) -> [Double] {
        var importance = [Double](repeating: 0, count: featureCount)
        for tree in trees.joined() {
            for (feature, gain) in zip(tree.splitFeature, tree.gain) { importance[feature] += gain }
        }
        return importance
    }
}
