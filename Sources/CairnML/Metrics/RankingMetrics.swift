import CairnCore

/// Threshold-free binary metrics, computed as scikit-learn computes them (ties in scores handled).
public enum RankingMetrics {
    /// The area under the ROC curve (`roc_auc_score`): the trapezoid rule over the curve through every distinct
    /// score, so tied scores count half.
    /// - Parameters:
    ///   - labels: 0 or 1 per row.
    ///   - scores: a higher score means more likely 1.
    /// - Throws: `invalid_argument` for mismatched or empty inputs, non-finite scores, or labels of one class only.
    public static func rocAUC(labels: [Int], scores: [Double]) throws -> Double {
        let steps = try curve(labels: labels, scores: scores)
        let positives = Double(steps.last!.tp)
        let negatives = Double(steps.last!.fp)
        var area = 0.0
        var previous = (tp: 0, fp: 0)
        for step in steps {
            area += Double(step.fp - previous.fp) * Double(step.tp + previous.tp) / 2
            previous = step
        }
        return area / (positives * negatives)
    }

    /// The multiclass area under the ROC curve as `roc_auc_score(multi_class="ovr", average="macro")`: the mean over
    /// classes of the AUC of each class against the rest, scored by its probability.
    /// - Parameters:
    ///   - labels: the class index per row.
    ///   - probabilities: one probability per class per row.
    /// - Throws: `invalid_argument` for mismatched or empty inputs, non-finite scores, or a class absent from the
    ///   labels (its AUC is undefined, as scikit-learn also refuses).
    public static func rocAUCOneVsRest(labels: [Int], probabilities: [[Double]]) throws -> Double {
        guard labels.count == probabilities.count, let classes = probabilities.first?.count, classes >= 2 else {
            throw CairnError.invalid("rocAUCOneVsRest needs one probability per class (at least two) for each label")
        }
        var sum = 0.0
        for k in 0..<classes {
            sum += try rocAUC(labels: labels.map { $0 == k ? 1 : 0 }, scores: probabilities.map { $0[k] })
        }
        return sum / Double(classes)
    }

    /// Average precision (`average_precision_score`): the sum over distinct thresholds of the recall gained times
    /// the precision there, without interpolation.
    /// - Throws: `invalid_argument` as ``rocAUC(labels:scores:)``.
    public static func averagePrecision(labels: [Int], scores: [Double]) throws -> Double {
        let steps = try curve(labels: labels, scores: scores)
        let positives = Double(steps.last!.tp)
        var sum = 0.0
        var previousRecall = 0.0
        for step in steps {
            let recall = Double(step.tp) / positives
            sum += (recall - previousRecall) * Double(step.tp) / Double(step.tp + step.fp)
            previousRecall = recall
        }
        return sum
    }

    /// Cumulative true and false positives at each distinct score, from the highest down.
    private static func curve(labels: [Int], scores: [Double]) throws -> [(tp: Int, fp: Int)] {
        try MetricInput.checkPaired(labels.count, scores.count)
        try MetricInput.checkBinary(labels)
        try MetricInput.checkFinite(scores, "scores")
        let order = scores.indices.sorted { scores[$0] > scores[$1] }
        var steps: [(tp: Int, fp: Int)] = []
        var tp = 0
        var fp = 0
        for (k, row) in order.enumerated() {
            if labels[row] == 1 { tp += 1 } else { fp += 1 }
            if k + 1 == order.count || scores[order[k + 1]] != scores[row] { steps.append((tp, fp)) }
        }
        guard tp > 0, fp > 0 else { throw CairnError.invalid("ranking metrics need both classes among the labels") }
        return steps
    }
}
