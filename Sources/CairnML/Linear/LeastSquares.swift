/// Penalized least squares on centered design columns, from the Gram matrix: ridge solved exactly (Cholesky) and
/// elastic net (lasso when there is no L2 part) by cyclic coordinate descent. The intercept is the target mean.
struct LeastSquares: Sendable {
    /// The design width.
    let width: Int
    /// `XᵀX`, row-major `width × width`.
    let gram: [Double]
    /// `Xᵀ(y − ȳ)`.
    let correlations: [Double]
    /// `ȳ`, the intercept.
    let mean: Double

    /// Accumulates the normal equations of a row-major design `x` (`rows × width`) whose columns have mean zero.
    init(x: [Double], width: Int, y: [Double]) {
        let mean = y.reduce(0, +) / Double(y.count)
        var gram = [Double](repeating: 0, count: width * width)
        var correlations = [Double](repeating: 0, count: width)
        for i in y.indices {
            let row = i * width
            for p in 0..<width {
                let xp = x[row + p]
                correlations[p] += xp * (y[i] - mean)
                for q in 0...p { gram[p * width + q] += xp * x[row + q] }
            }
        }
        for p in 0..<width { for q in 0..<p { gram[q * width + p] = gram[p * width + q] } }
        self.width = width
        self.gram = gram
        self.correlations = correlations
        self.mean = mean
    }

    /// The minimizer of `½‖y − Xw‖² + l2/2 ‖w‖²`: `(XᵀX + l2·I) w = Xᵀ(y − ȳ)`.
    func ridge(l2: Double) -> [Double] {
        var a = gram
        for p in 0..<width { a[p * width + p] += max(l2, 1e-12) }
        return Self.choleskySolve(a, correlations, width)
    }

    /// The minimizer of `½‖y − Xw‖² + l1 ‖w‖₁ + l2/2 ‖w‖²` by cyclic coordinate descent, stopping when a sweep
    /// moves no coefficient by more than 1e-13 of the largest one, or after `maxSweeps`.
    func elasticNet(l1: Double, l2: Double, maxSweeps: Int) -> [Double] {
        var w = [Double](repeating: 0, count: width)
        // Gram times w, kept current as coefficients change.
        var gw = [Double](repeating: 0, count: width)
        for _ in 0..<maxSweeps {
            var largestChange = 0.0
            for j in 0..<width {
                let diagonal = gram[j * width + j]
                guard diagonal > 0 else { continue }
                let rho = correlations[j] - gw[j] + diagonal * w[j]
                let shrunk = rho > l1 ? rho - l1 : (rho < -l1 ? rho + l1 : 0)
                let next = shrunk / (diagonal + l2)
                let change = next - w[j]
                guard change != 0 else { continue }
                for k in 0..<width { gw[k] += gram[k * width + j] * change }
                w[j] = next
                largestChange = max(largestChange, abs(change))
            }
            if largestChange <= 1e-13 * max(1, w.map(abs).max() ?? 0) { break }
        }
        return w
    }

    /// Solves `A x = b` for a symmetric positive definite `A` (row-major `n × n`).
    private static func choleskySolve(_ a: [Double], _ b: [Double], _ n: Int) -> [Double] {
        var l = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var sum = a[i * n + j]
                for k in 0..<j { sum -= l[i * n + k] * l[j * n + k] }
                l[i * n + j] = i == j ? sum.squareRoot() : sum / l[j * n + j]
            }
        }
        var z = b
        for i in 0..<n {
            for k in 0..<i { z[i] -= l[i * n + k] * z[k] }
            z[i] /= l[i * n + i]
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            for k in (i + 1)..<n { z[i] -= l[k * n + i] * z[k] }
            z[i] /= l[i * n + i]
        }
        return z
    }
}
