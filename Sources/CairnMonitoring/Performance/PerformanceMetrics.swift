import CairnCore
import CairnML

/// Scores logged predictions against their labels with CairnML's metrics (scikit-learn's definitions).
enum PerformanceMetrics {
    /// One labeled row: the logged outputs of its row and its label.
    struct Row {
        var outputs: [String: LoggedJSON.Value]
        var label: LoggedJSON.Value
    }

    /// The task the outputs of a request show.
    static func task(outputs: [String: [LoggedJSON.Value]]) -> PredictionTask? {
        if outputs[PredictionColumns.label] != nil { return .classification }
        return outputs[PredictionColumns.prediction] != nil ? .regression : nil
    }

    /// The metrics of labeled rows.
    ///
    /// Classification: classes are every class seen (probability columns, predictions, labels), sorted (as numbers
    /// when all are numbers); with two classes, precision, recall and F1 are for the second (scikit-learn's
    /// `pos_label=1` for 0/1 labels) and AUC uses its probability; with more, they are macro averages and AUC is
    /// left out. Log loss needs a probability for every class the labels name.
    /// - Throws: `invalid_argument` for a regression label that is not a number, or a metric's own input error.
    static func compute(_ rows: [Row], task: PredictionTask) throws -> [String: Double] {
        switch task {
        case .regression: return try regression(rows)
        case .classification: return try classification(rows)
        }
    }

    private static func regression(_ rows: [Row]) throws -> [String: Double] {
        var targets: [Double] = []
        var predictions: [Double] = []
        for row in rows {
            guard let target = row.label.number, target.isFinite else { throw CairnError.invalid("a regression label is not a finite number") }
            guard let predicted = row.outputs[PredictionColumns.prediction]?.number else { continue }
            targets.append(target)
            predictions.append(predicted)
        }
        return [
            "rmse": try RegressionMetrics.rmse(targets: targets, predictions: predictions),
            "mae": try RegressionMetrics.mae(targets: targets, predictions: predictions),
        ]
    }

    private static func classification(_ rows: [Row]) throws -> [String: Double] {
        let probabilityClasses = Set(rows.flatMap { $0.outputs.keys.compactMap(probabilityClass) })
        var seen = probabilityClasses
        for row in rows {
            if let name = row.label.className { seen.insert(name) }
            if let name = row.outputs[PredictionColumns.label]?.className { seen.insert(name) }
        }
        let classes = sortedClasses(seen)
        let index = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
        let scored = rows.filter { $0.label.className != nil && $0.outputs[PredictionColumns.label]?.className != nil }
        let labels = scored.map { index[$0.label.className!]! }
        let predicted = scored.map { index[$0.outputs[PredictionColumns.label]!.className!]! }
        let average: ClassificationMetrics.Average = classes.count == 2 ? .binary(positive: 1) : .macro
        var metrics = [
            "accuracy": try ClassificationMetrics.accuracy(labels: labels, predictions: predicted),
            "precision": try ClassificationMetrics.precision(labels: labels, predictions: predicted, average: average),
            "recall": try ClassificationMetrics.recall(labels: labels, predictions: predicted, average: average),
            "f1": try ClassificationMetrics.f1(labels: labels, predictions: predicted, average: average),
        ]
        // Probabilities: only when every scored row has one for every class.
        let probabilities = scored.map { row in
            classes.map { row.outputs[PredictionColumns.probability(of: $0)]?.number ?? .nan }
        }
        guard probabilityClasses.count == classes.count, probabilities.allSatisfy({ $0.allSatisfy(\.isFinite) }) else { return metrics }
        metrics["log_loss"] = try ClassificationMetrics.logLoss(labels: labels, probabilities: probabilities)
        // AUC is defined only when every class occurs among the labels (binary; one-vs-rest macro for more classes)
        if Set(labels).count == classes.count {
            metrics["auc"] = classes.count == 2
                ? try RankingMetrics.rocAUC(labels: labels, scores: probabilities.map { $0[1] })
                : try RankingMetrics.rocAUCOneVsRest(labels: labels, probabilities: probabilities)
        }
        return metrics
    }

    /// The class a `probability(<class>)` column is for.
    private static func probabilityClass(_ column: String) -> String? {
        guard column.hasPrefix("probability("), column.hasSuffix(")") else { return nil }
        return String(column.dropFirst("probability(".count).dropLast())
    }

    /// Class names in order: numerically when all are numbers, else by text.
    static func sortedClasses(_ names: Set<String>) -> [String] {
        let numbers = names.compactMap(Double.init)
        guard numbers.count == names.count else { return names.sorted() }
        return names.sorted { Double($0)! < Double($1)! }
    }
}
