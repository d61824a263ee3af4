import CairnCore
import Foundation

/// Classification metrics on class indices `0..<classCount`, with scikit-learn's definitions.
public enum ClassificationMetrics {
    /// How per-class scores combine into one number.
    public enum Average: Sendable, Equatable {
        /// The score of one class (scikit-learn's `average="binary"`, `pos_label`).
        case binary(positive: Int)
        /// The unweighted mean over classes present in the labels or predictions.
        case macro
        /// The mean over classes weighted by their support in the labels.
        case weighted
    }

    /// The fraction of rows predicted right.
    /// - Throws: `invalid_argument` for mismatched or empty inputs.
    public static func accuracy(labels: [Int], predictions: [Int]) throws -> Double {
        try MetricInput.checkPaired(labels.count, predictions.count)
        return Double(zip(labels, predictions).filter { $0 == $1 }.count) / Double(labels.count)
    }

    /// Counts of rows by true class (rows of the result) and predicted class (columns).
    /// - Throws: `invalid_argument` for mismatched or empty inputs or a class index outside `0..<classCount`.
    public static func confusionMatrix(labels: [Int], predictions: [Int], classCount: Int) throws -> [[Int]] {
        try MetricInput.checkPaired(labels.count, predictions.count)
        var matrix = [[Int]](repeating: [Int](repeating: 0, count: classCount), count: classCount)
        for (truth, predicted) in zip(labels, predictions) {
            guard (0..<classCount).contains(truth), (0..<classCount).contains(predicted) else {
                throw CairnError.invalid("class index outside 0..<\(classCount)")
            }
            matrix[truth][predicted] += 1
        }
        return matrix
    }

    /// The mean over classes present in the labels of each class's recall (`balanced_accuracy_score`).
    /// - Throws: `invalid_argument` for mismatched or empty inputs.
    public static func balancedAccuracy(labels: [Int], predictions: [Int]) throws -> Double {
        let matrix = try confusionMatrix(labels: labels, predictions: predictions, classCount: classCount(labels, predictions))
        let recalls = matrix.indices.compactMap { c -> Double? in
            let support = matrix[c].reduce(0, +)
            return support == 0 ? nil : Double(matrix[c][c]) / Double(support)
        }
        return recalls.reduce(0, +) / Double(recalls.count)
    }

    /// Precision: true positives over predicted positives (0 when nothing is predicted positive).
    /// - Throws: `invalid_argument` for mismatched or empty inputs.
    public static func precision(labels: [Int], predictions: [Int], average: Average = .binary(positive: 1)) throws -> Double {
        try score(labels, predictions, average) { tp, predicted, _ in ratio(tp, predicted) }
    }

    /// Recall: true positives over actual positives (0 when a class has no rows).
    /// - Throws: `invalid_argument` for mismatched or empty inputs.
    public static func recall(labels: [Int], predictions: [Int], average: Average = .binary(positive: 1)) throws -> Double {
        try score(labels, predictions, average) { tp, _, actual in ratio(tp, actual) }
    }

    /// F1: the harmonic mean of precision and recall, `2·tp / (predicted + actual)` (0 when both are 0).
    /// - Throws: `invalid_argument` for mismatched or empty inputs.
    public static func f1(labels: [Int], predictions: [Int], average: Average = .binary(positive: 1)) throws -> Double {
        try score(labels, predictions, average) { tp, predicted, actual in ratio(2 * tp, predicted + actual) }
    }

    /// Mean negative log-likelihood (`log_loss`), probabilities clipped to `[ε, 1-ε]` with ε the `Double` epsilon.
    /// - Parameters:
    ///   - labels: the true class index per row.
    ///   - probabilities: per row, one probability per class.
    /// - Throws: `invalid_argument` for mismatched or empty inputs, non-finite probabilities, or a label outside
    ///   a row's classes.
    public static func logLoss(labels: [Int], probabilities: [[Double]]) throws -> Double {
        try MetricInput.checkPaired(labels.count, probabilities.count)
        let eps = Double.ulpOfOne
        var total = 0.0
        for (label, row) in zip(labels, probabilities) {
            try MetricInput.checkFinite(row, "probabilities")
            guard row.indices.contains(label) else { throw CairnError.invalid("label \(label) has no probability") }
            total -= log(min(max(row[label], eps), 1 - eps))
        }
        return total / Double(labels.count)
    }

    /// Binary log loss from the probability of class 1 per row.
    /// - Throws: `invalid_argument` as ``logLoss(labels:probabilities:)`` or for labels other than 0 and 1.
    public static func logLoss(labels: [Int], positiveProbabilities: [Double]) throws -> Double {
        try MetricInput.checkBinary(labels)
        return try logLoss(labels: labels, probabilities: positiveProbabilities.map { [1 - $0, $0] })
    }

    private static func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }

    private static func classCount(_ labels: [Int], _ predictions: [Int]) -> Int {
        max(labels.max() ?? 0, predictions.max() ?? 0) + 1
    }

    /// Combines a per-class score `f(truePositives, predictedCount, actualCount)` as `average` says.
    private static func score(
        _ labels: [Int], _ predictions: [Int], _ average: Average, _ f: (Int, Int, Int) -> Double
    ) throws -> Double {
        var classes = classCount(labels, predictions)
        if case .binary(let positive) = average { classes = max(classes, positive + 1) }
        let matrix = try confusionMatrix(labels: labels, predictions: predictions, classCount: classes)
        let actual = matrix.map { $0.reduce(0, +) }
        let predicted = matrix.indices.map { c in matrix.reduce(0) { $0 + $1[c] } }
        let perClass = matrix.indices.map { f(matrix[$0][$0], predicted[$0], actual[$0]) }
        switch average {
        case .binary(let positive):
            return perClass[positive]
        case .macro:
            let present = matrix.indices.filter { actual[$0] + predicted[$0] > 0 }
            return present.map { perClass[$0] }.reduce(0, +) / Double(present.count)
        case .weighted:
            return matrix.indices.map { perClass[$0] * Double(actual[$0]) }.reduce(0, +) / Double(labels.count)
        }
    }
}
