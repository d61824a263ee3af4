import Foundation

/// The penalized log loss of binary or multinomial logistic regression and its gradient, over a row-major
/// standardized design; parameters are laid out per output as `width` weights then the intercept.
struct LogisticObjective: Sendable {
    let x: [Double]
    let width: Int
    let labels: [Int]
    /// One for binary (the logit of class 1), else the number of classes.
    let outputs: Int
    let l2: Double

    var parameterCount: Int { outputs * (width + 1) }

    /// The loss and gradient at `theta`, summed over rows in parallel blocks.
    func evaluate(_ theta: [Double]) -> (value: Double, gradient: [Double]) {
        let n = labels.count
        let blockSize = 2_048
        let blocks = (n + blockSize - 1) / blockSize
        let partials = Parallel.map(blocks) { b in
            partial(theta, rows: (b * blockSize)..<min(n, (b + 1) * blockSize))
        }
        var value = partials.reduce(0) { $0 + $1.value }
        var gradient = [Double](repeating: 0, count: parameterCount)
        for part in partials { for j in gradient.indices { gradient[j] += part.gradient[j] } }
        let stride = width + 1
        for k in 0..<outputs {
            for d in 0..<width {
                let w = theta[k * stride + d]
                value += l2 / 2 * w * w
                gradient[k * stride + d] += l2 * w
            }
        }
        return (value, gradient)
    }

    private func partial(_ theta: [Double], rows: Range<Int>) -> (value: Double, gradient: [Double]) {
        let stride = width + 1
        var value = 0.0
        var gradient = [Double](repeating: 0, count: parameterCount)
        var margins = [Double](repeating: 0, count: outputs)
        for i in rows {
            let row = i * width
            for k in 0..<outputs {
                var m = theta[k * stride + width]
                for d in 0..<width { m += theta[k * stride + d] * x[row + d] }
                margins[k] = m
            }
            var residuals = margins
            if outputs == 1 {
                let m = margins[0]
                let y = Double(labels[i])
                value += (m > 0 ? m + log1p(exp(-m)) : log1p(exp(m))) - y * m
                residuals[0] = 1 / (1 + exp(-m)) - y
            } else {
                let top = margins.max()!
                let sum = margins.reduce(0) { $0 + exp($1 - top) }
                value += top + log(sum) - margins[labels[i]]
                for k in 0..<outputs { residuals[k] = exp(margins[k] - top) / sum - (k == labels[i] ? 1 : 0) }
            }
            for k in 0..<outputs {
                let r = residuals[k]
                for d in 0..<width { gradient[k * stride + d] += r * x[row + d] }
                gradient[k * stride + width] += r
            }
        }
        return (value, gradient)
    }
}
