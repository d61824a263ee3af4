import Foundation

/// Turns a model's raw scores into what it predicts: the logistic function for binary tasks, softmax for
/// multiclass ones, and the identity for regression.
public enum OutputLink {
    /// Predictions from raw scores.
    /// - Parameters:
    ///   - raw: one array of row scores per model output (one output for binary and regression, one per class
    ///     for multiclass).
    /// - Returns: for binary, one array of probabilities of class 1; for multiclass, one array of probabilities
    ///   per class; for regression, the scores.
    public static func apply(_ task: LearningTask, to raw: [[Double]]) -> [[Double]] {
        switch task {
        case .regression: return raw
        case .binary: return [raw[0].map(sigmoid)]
        case .multiclass:
            // Class by class over all rows (no per-row arrays): each row's largest score, the exponentials of the
            // scores minus it, and their sum in class order.
            guard var top = raw.first else { return raw }
            for scores in raw.dropFirst() {
                for row in top.indices where scores[row] > top[row] { top[row] = scores[row] }
            }
            let exponentials = raw.map { scores in zip(scores, top).map { exp($0 - $1) } }
            var sum = [Double](repeating: 0, count: top.count)
            for values in exponentials {
                for row in sum.indices { sum[row] += values[row] }
            }
            return exponentials.map { values in zip(values, sum).map { $0 / $1 } }
        }
    }

    /// The logistic function.
    public static func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
}
