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
            var out = raw
            for row in 0..<(raw.first?.count ?? 0) {
                let top = raw.map { $0[row] }.max()!
                var sum = 0.0
                for k in raw.indices {
                    out[k][row] = exp(raw[k][row] - top)
                    sum += out[k][row]
                }
                for k in raw.indices { out[k][row] /= sum }
            }
            return out
        }
    }

    /// The logistic function.
    public static func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
}
