import Foundation

/// The loss a boosting model minimizes, with its gradients: binary log loss, multiclass softmax log loss, or a
/// regression loss (squared error, absolute error or Huber).
struct BoostingObjective: Sendable {
    let task: LearningTask
    /// The number of classes (1 for regression).
    let classCount: Int
    /// The regression loss (ignored for classification).
    var regression = GradientBoostingParameters.RegressionObjective.l2
    /// Huber's threshold.
    var alpha = 0.9

    /// Trees per round: one per class for multiclass, else one.
    var outputCount: Int { task == .multiclass ? classCount : 1 }

    /// Whether each leaf's value is re-fitted to its rows' residuals after the tree is grown (absolute error).
    var refitsLeaves: Bool { task == .regression && regression == .l1 }

    /// The constant raw score per output that best fits the labels alone (log-odds, log class priors, mean, or
    /// median for absolute error).
    func initialScores(_ labels: [Double]) -> [Double] {
        let n = Double(labels.count)
        switch task {
        case .regression:
            return [regression == .l1 ? ColumnStatistics.lightGBMMedian(labels[...]) : labels.reduce(0, +) / n]
        case .binary:
            let p = min(max(labels.reduce(0, +) / n, 1e-15), 1 - 1e-15)
            return [log(p / (1 - p))]
        case .multiclass:
            var counts = [Double](repeating: 0, count: classCount)
            for y in labels { counts[Int(y)] += 1 }
            return counts.map { log(max($0, 1) / n) }
        }
    }

    /// The gradient and hessian of the loss at each row's raw scores, per output.
    func gradients(scores: [[Double]], labels: [Double]) -> (gradients: [[Double]], hessians: [[Double]]) {
        switch task {
        case .regression:
            let ones = [[Double](repeating: 1, count: labels.count)]
            switch regression {
            case .l2: return ([zip(scores[0], labels).map { $0 - $1 }], ones)
            case .l1: return ([zip(scores[0], labels).map { $0 == $1 ? 0 : ($0 > $1 ? 1 : -1) }], ones)
            case .huber: return ([zip(scores[0], labels).map { min(max($0 - $1, -alpha), alpha) }], ones)
            }
        case .binary:
            // One pass, no intermediate probabilities.
            var g = [Double](repeating: 0, count: labels.count)
            var h = g
            for (row, score) in scores[0].enumerated() {
                let p = OutputLink.sigmoid(score)
                g[row] = p - labels[row]
                h[row] = max(p * (1 - p), 1e-16)
            }
            return ([g], [h])
        case .multiclass:
            let probabilities = OutputLink.apply(.multiclass, to: scores)
            let factor = Double(classCount) / Double(classCount - 1)
            let g = probabilities.enumerated().map { k, p in
                zip(p, labels).map { $0 - (Int($1) == k ? 1 : 0) }
            }
            let h = probabilities.map { p in p.map { max(factor * $0 * (1 - $0), 1e-16) } }
            return (g, h)
        }
    }

    /// The value of a leaf holding `rows` when leaves are re-fitted: the median residual (label minus raw score).
    func refittedLeafValue(rows: ArraySlice<Int32>, scores: [Double], labels: [Double]) -> Double {
        ColumnStatistics.lightGBMMedian(rows.map { labels[Int($0)] - scores[Int($0)] }[...])
    }

    /// The mean loss at raw scores: log loss for classification; for regression the loss minimized (squared error,
    /// absolute error or Huber loss).
    func loss(scores: [[Double]], labels: [Double]) -> Double {
        let eps = Double.ulpOfOne
        let predictions = OutputLink.apply(task, to: scores)
        var total = 0.0
        for (row, y) in labels.enumerated() {
            switch task {
            case .regression:
                let d = abs(predictions[0][row] - y)
                switch regression {
                case .l2: total += d * d
                case .l1: total += d
                case .huber: total += d <= alpha ? d * d / 2 : alpha * (d - alpha / 2)
                }
            case .binary:
                let p = min(max(predictions[0][row], eps), 1 - eps)
                total -= y == 1 ? log(p) : log(1 - p)
            case .multiclass: total -= log(min(max(predictions[Int(y)][row], eps), 1 - eps))
            }
        }
        return total / Double(labels.count)
    }
}
