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
            guard let rowCount = raw.first?.count else { return raw }
            let flat = [Double](unsafeUninitializedCapacity: raw.count * rowCount) { buffer, initialized in
                softmax(raw, rows: 0..<rowCount, into: buffer.baseAddress!)
                initialized = raw.count * rowCount
            }
            return raw.indices.map { Array(flat[($0 * rowCount)..<(($0 + 1) * rowCount)]) }
        }
    }

    /// Writes the softmax of rows `rows` of `raw` (one array of scores per class) to `probabilities`, class `k`'s
    /// probability of row `r` at `k * rowCount + r`. Class by class over the rows (no per-row arrays): each row's
    /// largest score, the exponentials of the scores minus it, and their sum in class order; every row's
    /// probabilities are the same whatever the rows computed with it.
    static func softmax(_ raw: [[Double]], rows: Range<Int>, into probabilities: UnsafeMutablePointer<Double>) {
        let rowCount = raw[0].count
        var top = Array(raw[0][rows])
        for scores in raw.dropFirst() {
            for (i, row) in rows.enumerated() where scores[row] > top[i] { top[i] = scores[row] }
        }
        var sum = [Double](repeating: 0, count: rows.count)
        for (k, scores) in raw.enumerated() {
            let output = probabilities + k * rowCount
            for (i, row) in rows.enumerated() {
                output[row] = exp(scores[row] - top[i])
                sum[i] += output[row]
            }
        }
        for k in raw.indices {
            let output = probabilities + k * rowCount
            for (i, row) in rows.enumerated() { output[row] /= sum[i] }
        }
    }

    /// The logistic function.
    public static func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
}
