import Foundation

/// The loss a boosting model minimizes, with its gradients: binary log loss, multiclass softmax log loss, or
/// squared error.
struct BoostingObjective: Sendable {
    let task: LearningTask
    /// The number of classes (1 for regression).
    let classCount: Int

    /// Trees per round: one per class for multiclass, else one.
    var outputCount: Int { task == .multiclass ? classCount : 1 }

    /// The constant raw score per output that best fits the labels alone (log-odds, log class priors, mean).
    func initialScores(_ labels: [Double]) -> [Double] {
        let n = Double(labels.count)
        switch task {
        case .regression:
            return [labels.reduce(0, +) / n]
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
            return ([zip(scores[0], labels).map { $0 - $1 }], [[Double](repeating: 1, count: labels.count)])
        case .binary:
            let p = scores[0].map(OutputLink.sigmoid)
            return ([zip(p, labels).map { $0 - $1 }], [p.map { max($0 * (1 - $0), 1e-16) }])
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

    /// The mean loss at raw scores: log loss for classification, squared error for regression.
    func loss(scores: [[Double]], labels: [Double]) -> Double {
        let eps = Double.ulpOfOne
        let predictions = OutputLink.apply(task, to: scores)
        var total = 0.0
        for (row, y) in labels.enumerated() {
            switch task {
            case .regression: total += (predictions[0][row] - y) * (predictions[0][row] - y)
            case .binary:
                let p = min(max(predictions[0][row], eps), 1 - eps)
                total -= y == 1 ? log(p) : log(1 - p)
            case .multiclass: total -= log(min(max(predictions[Int(y)][row], eps), 1 - eps))
            }
        }
        return total / Double(labels.count)
    }
}
