import CairnCore

/// Scores any ``Predictor`` on a labelled table with the metrics of its task.
public enum Evaluation {
    /// The metrics, keyed by name: for binary tasks `auc`, `average_precision`, `logloss`, `accuracy`,
    /// `balanced_accuracy`, `precision`, `recall`, `f1`; for multiclass `logloss`, `accuracy`, `balanced_accuracy`,
    /// `f1_macro`; for regression `rmse`, `mae`, `r2`, `mape`.
    /// - Throws: `not_found` when the target or a feature is absent; `invalid_argument` when the target holds a
    ///   class the predictor does not know, or a metric is undefined (for example AUC with one class present).
    public static func evaluate(_ predictor: some Predictor, on table: Table, target: String) throws -> [String: Double] {
        let predictions = try predictor.predict(table)
        let truth = try table.column(named: target)
        if predictor.task == .regression {
            let y = truth.doubles()
            let p = try predictions.column(named: PredictionColumns.prediction).doubles()
            return [
                "rmse": try RegressionMetrics.rmse(targets: y, predictions: p),
                "mae": try RegressionMetrics.mae(targets: y, predictions: p),
                "r2": try RegressionMetrics.r2(targets: y, predictions: p),
                "mape": try RegressionMetrics.mape(targets: y, predictions: p),
            ]
        }
        let labels = try TargetEncoding(task: predictor.task, classes: predictor.classes).classIndices(truth)
        let predicted = try TargetEncoding(task: predictor.task, classes: predictor.classes)
            .classIndices(predictions.column(named: PredictionColumns.label))
        let probabilities = try predictor.classes.map { try predictions.column(named: PredictionColumns.probability(of: $0)).doubles() }
        let rows = (0..<table.rowCount).map { row in probabilities.map { $0[row] } }
        var metrics = [
            "logloss": try ClassificationMetrics.logLoss(labels: labels, probabilities: rows),
            "accuracy": try ClassificationMetrics.accuracy(labels: labels, predictions: predicted),
            "balanced_accuracy": try ClassificationMetrics.balancedAccuracy(labels: labels, predictions: predicted),
        ]
        if predictor.task == .binary {
            metrics["auc"] = try RankingMetrics.rocAUC(labels: labels, scores: probabilities[1])
            metrics["average_precision"] = try RankingMetrics.averagePrecision(labels: labels, scores: probabilities[1])
            metrics["precision"] = try ClassificationMetrics.precision(labels: labels, predictions: predicted)
            metrics["recall"] = try ClassificationMetrics.recall(labels: labels, predictions: predicted)
            metrics["f1"] = try ClassificationMetrics.f1(labels: labels, predictions: predicted)
        } else {
            metrics["f1_macro"] = try ClassificationMetrics.f1(labels: labels, predictions: predicted, average: .macro)
        }
        return metrics
    }
}
