/// A trained gradient-boosted tree ensemble: raw score = initial score + the sum of its trees' leaf values.
public struct GradientBoostingModel: Sendable, Codable, Equatable {
    /// What the ensemble predicts.
    public let task: LearningTask
    /// The constant raw score of each output before any tree.
    public let initialScores: [Double]
    /// The trees of each round, one per output.
    public let trees: [[DecisionTree]]
    /// The validation loss after each round, when a validation set was given.
    public let validationLoss: [Double]

    /// The number of outputs: one per class for multiclass, else one.
    public var outputCount: Int { initialScores.count }

    /// Raw scores (log-odds, class logits or values), one array of rows per output.
    public func rawScores(_ features: FeatureMatrix) -> [[Double]] {
        let blocks = stride(from: 0, to: features.rowCount, by: 4096).map { $0 }
        let blockScores = Parallel.map(blocks.count) { b in
            let rows = blocks[b]..<min(blocks[b] + 4096, features.rowCount)
            return (0..<outputCount).map { k in
                rows.map { row in
                    trees.reduce(initialScores[k]) { sum, round in
                        let tree = round[k]
                        return sum + tree.leafValue[tree.leaf(columns: features.columns, row: row)]
                    }
                }
            }
        }
        return (0..<outputCount).map { k in blockScores.flatMap { $0[k] } }
    }

    /// Total split gain per feature over all trees, for `featureCount` features.
    public func gainImportance(featureCount: Int) -> [Double] {
        var importance = [Double](repeating: 0, count: featureCount)
        for tree in trees.joined() {
            for (feature, gain) in zip(tree.splitFeature, tree.gain) { importance[feature] += gain }
        }
        return importance
    }
}
