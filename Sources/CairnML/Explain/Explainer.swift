/// Explains a ``TabularModel``'s predictions feature by feature: exact TreeSHAP for tree models, exact
/// coefficient-times-deviation contributions for linear ones.
public enum Explainer {
    /// Which features a model with preprocessing is explained by.
    public enum Features: Sendable {
        /// The model's input columns: the contributions of the columns a preprocessing step derives from one input
        /// (such as its one-hot indicators) summed, which keeps each row's total.
        case inputs
        /// The columns the estimator sees after preprocessing, one by one (such as `color=red`).
        case derived
    }

    /// The contributions of every feature to every row's raw scores.
    /// - Throws: as ``FeatureSchema/matrix(_:)``.
    public static func contributions(
        _ model: TabularModel, _ table: Table, by features: Features = .inputs
    ) throws -> FeatureContributions {
        let frame = try model.features(table)
        let derived = contributions(model.estimator, frame)
        guard features == .inputs, model.preprocessor != nil else { return derived }
        return derived.summed(into: model.schema.names, origins: frame.origins)
    }

    /// The contributions of the estimator's features.
    private static func contributions(_ estimator: Estimator, _ frame: FeatureFrame) -> FeatureContributions {
        let features = frame.matrix
        switch estimator {
        case .gradientBoosting(let ensemble):
            return treeContributions(
                ensemble.trees, initialScores: ensemble.initialScores, scale: 1, features, names: frame.names)
        case .randomForest(let forest):
            return treeContributions(
                forest.trees, initialScores: Array(repeating: 0, count: forest.outputCount),
                scale: 1 / Double(forest.trees.count), features, names: frame.names)
        case .linear(let linear):
            let (base, values) = linear.contributions(features)
            return FeatureContributions(featureNames: frame.names, baseValues: base, values: values)
        }
    }

    /// TreeSHAP of a sum of trees (`trees[round][output]`), scaled by `scale` (a forest's mean), plus initial scores.
    private static func treeContributions(
        _ trees: [[DecisionTree]], initialScores: [Double], scale: Double, _ features: FeatureMatrix, names: [String]
    ) -> FeatureContributions {
        let outputs = initialScores.indices
        let base = outputs.map { k in initialScores[k] + scale * trees.reduce(0) { $0 + TreeSHAP.expectedValue($1[k]) } }
        let perRow = Parallel.map(features.rowCount) { row in
            outputs.map { k in
                var phi = [Double](repeating: 0, count: features.featureCount)
                for round in trees { TreeSHAP.accumulate(round[k], columns: features.columns, row: row, into: &phi) }
                return phi.map { $0 * scale }
            }
        }
        return FeatureContributions(featureNames: names, baseValues: base, values: outputs.map { k in perRow.map { $0[k] } })
    }
}
