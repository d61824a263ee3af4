/// Explains a ``TabularModel``'s predictions feature by feature: exact TreeSHAP for tree models, exact
/// coefficient-times-deviation contributions for linear ones.
public enum Explainer {
    /// The contributions of every feature to every row's raw scores.
    /// - Throws: as ``FeatureSchema/matrix(_:)``.
    public static func contributions(_ model: TabularModel, _ table: Table) throws -> FeatureContributions {
        let features = try model.schema.matrix(table)
        switch model.estimator {
        case .gradientBoosting(let ensemble):
            return treeContributions(ensemble, features, names: model.featureNames)
        case .linear(let linear):
            let (base, values) = linear.contributions(features)
            return FeatureContributions(featureNames: model.featureNames, baseValues: base, values: values)
        }
    }

    private static func treeContributions(_ ensemble: GradientBoostingModel, _ features: FeatureMatrix, names: [String]) -> FeatureContributions {
        let outputs = 0..<ensemble.outputCount
        let base = outputs.map { k in ensemble.trees.reduce(ensemble.initialScores[k]) { $0 + TreeSHAP.expectedValue($1[k]) } }
        let perRow = Parallel.map(features.rowCount) { row in
            outputs.map { k in
                var phi = [Double](repeating: 0, count: features.featureCount)
                for round in ensemble.trees { TreeSHAP.accumulate(round[k], columns: features.columns, row: row, into: &phi) }
                return phi
            }
        }
        return FeatureContributions(featureNames: names, baseValues: base, values: outputs.map { k in perRow.map { $0[k] } })
    }
}
