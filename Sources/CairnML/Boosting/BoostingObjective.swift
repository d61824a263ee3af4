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

    /// Writes the gradient and hessian of the loss at each row's raw scores, per output, into `round`; rows are
    /// shared by `workers`.
    func gradients(scores: [[Double]], labels: [Double], workers: WorkerTeam, into round: inout RoundGradients) {
        let n = labels.count
        round.resize(outputs: outputCount, rowCount: n)
        switch task {
        case .regression:
            let (regression, alpha, scores) = (regression, alpha, scores[0])
            round.write(0) { gradient, hessian in
                // Each range writes its own rows.
                workers.forEachRange(n) { rows in
                    for row in rows {
                        let d = scores[row] - labels[row]
                        switch regression {
                        case .l2: gradient.base[row] = d
                        case .l1: gradient.base[row] = scores[row] == labels[row] ? 0 : (scores[row] > labels[row] ? 1 : -1)
                        case .huber: gradient.base[row] = min(max(d, -alpha), alpha)
                        }
                        hessian.base[row] = 1
                    }
                }
            }
        case .binary:
            // One pass, no intermediate probabilities.
            let scores = scores[0]
            round.write(0) { gradient, hessian in
                // Each range writes its own rows.
                workers.forEachRange(n) { rows in
                    for row in rows {
                        let p = OutputLink.sigmoid(scores[row])
                        gradient.base[row] = p - labels[row]
                        hessian.base[row] = max(p * (1 - p), 1e-16)
                    }
                }
            }
        case .multiclass:
            Self.probabilities(scores, workers, into: &round.probabilities)
            let (p, factor) = (round.probabilities, Double(classCount) / Double(classCount - 1))
            for k in 0..<classCount {
                round.write(k) { gradient, hessian in
                    // Each range writes its own rows.
                    workers.forEachRange(n) { rows in
                        for row in rows {
                            let pk = p[k * n + row]
                            gradient.base[row] = pk - (Int(labels[row]) == k ? 1 : 0)
                            hessian.base[row] = max(factor * pk * (1 - pk), 1e-16)
                        }
                    }
                }
            }
        }
    }

    /// Writes the softmax probabilities of every row into `probabilities`, class `k`'s of row `r` at
    /// `k * rowCount + r`, the rows shared by `workers`; an array of the right size is written over.
    private static func probabilities(_ scores: [[Double]], _ workers: WorkerTeam, into probabilities: inout [Double]) {
        let count = scores.count * scores[0].count
        if probabilities.count != count { probabilities = [Double](repeating: 0, count: count) }
        probabilities.withUnsafeMutableBufferPointer { buffer in
            // Each range writes its own rows.
            let target = SharedBuffer(base: buffer.baseAddress!)
            workers.forEachRange(scores[0].count) { rows in OutputLink.softmax(scores, rows: rows, into: target.base) }
        }
    }

    /// `value(row)` for every row of `0..<count`, the rows shared by `workers`.
    private static func rowwise(_ count: Int, _ workers: WorkerTeam, _ value: @escaping @Sendable (Int) -> Double) -> [Double] {
        [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            // Each range initializes its own rows.
            let slots = SharedBuffer(base: buffer.baseAddress!)
            workers.forEachRange(count) { rows in
                for row in rows { (slots.base + row).initialize(to: value(row)) }
            }
            initialized = count
        }
    }

    /// The value of a leaf holding `rows` when leaves are re-fitted: the median residual (label minus raw score).
    func refittedLeafValue(rows: ArraySlice<Int32>, scores: [Double], labels: [Double]) -> Double {
        ColumnStatistics.lightGBMMedian(rows.map { labels[Int($0)] - scores[Int($0)] }[...])
    }

    /// The mean loss at raw scores: log loss for classification; for regression the loss minimized (squared error,
    /// absolute error or Huber loss). The rows' losses are computed by `workers` and added in row order.
    func loss(scores: [[Double]], labels: [Double], workers: WorkerTeam) -> Double {
        let eps = Double.ulpOfOne
        // The multiclass probabilities need every class's scores; the others are computed row by row.
        var softmax: [Double] = []
        if task == .multiclass { Self.probabilities(scores, workers, into: &softmax) }
        let probabilities = softmax
        let (task, regression, alpha) = (task, regression, alpha)
        let losses = Self.rowwise(labels.count, workers) { row in
            let y = labels[row]
            switch task {
            case .regression:
                let d = abs(scores[0][row] - y)
                switch regression {
                case .l2: return d * d
                case .l1: return d
                case .huber: return d <= alpha ? d * d / 2 : alpha * (d - alpha / 2)
                }
            case .binary:
                let p = min(max(OutputLink.sigmoid(scores[0][row]), eps), 1 - eps)
                return -(y == 1 ? log(p) : log(1 - p))
            case .multiclass: return -log(min(max(probabilities[Int(y) * labels.count + row], eps), 1 - eps))
            }
        }
        // Adding a row's negated log loss is subtracting it: the same sum as a single pass.
        var total = 0.0
        for loss in losses { total += loss }
        return total / Double(labels.count)
    }
}
