/// Limited-memory BFGS minimization of a smooth function, with a backtracking (Armijo) line search.
struct LBFGS: Sendable {
    /// Past steps kept for the curvature estimate.
    var memory = 10
    /// Iterations at most.
    var maxIterations = 1_000
    /// Stop when the largest gradient component is at most this, relative to `max(1, |f|)`.
    var tolerance = 1e-10

    /// The minimizer of `f`, starting from `start`; `f` returns the value and gradient at a point.
    func minimize(from start: [Double], _ f: ([Double]) -> (value: Double, gradient: [Double])) -> [Double] {
        var x = start
        var (value, gradient) = f(x)
        var steps: [(s: [Double], y: [Double], rho: Double)] = []
        for _ in 0..<maxIterations {
            if gradient.map(abs).max() ?? 0 <= tolerance * max(1, abs(value)) { break }
            var direction = twoLoop(gradient, steps).map { -$0 }
            var slope = dot(direction, gradient)
            if slope >= 0 {
                direction = gradient.map { -$0 }
                slope = dot(direction, gradient)
                steps.removeAll()
            }
            var step = steps.isEmpty ? 1 / max(1, direction.map(abs).max()!) : 1.0
            var accepted: (x: [Double], value: Double, gradient: [Double])?
            for _ in 0..<60 {
                let candidate = zip(x, direction).map { $0 + step * $1 }
                let (v, g) = f(candidate)
                if v <= value + 1e-4 * step * slope {
                    accepted = (candidate, v, g)
                    break
                }
                step /= 2
            }
            guard let next = accepted else { break }
            let s = zip(next.x, x).map { $0 - $1 }
            let y = zip(next.gradient, gradient).map { $0 - $1 }
            let sy = dot(s, y)
            if sy > 1e-12 * dot(y, y).squareRoot() * dot(s, s).squareRoot() {
                steps.append((s, y, 1 / sy))
                if steps.count > memory { steps.removeFirst() }
            }
            let improvement = value - next.value
            (x, value, gradient) = next
            if improvement <= 1e-16 * max(1, abs(value)) { break }
        }
        return x
    }

    /// The inverse-Hessian estimate times `gradient`.
    private func twoLoop(_ gradient: [Double], _ steps: [(s: [Double], y: [Double], rho: Double)]) -> [Double] {
        var q = gradient
        var alphas = [Double](repeating: 0, count: steps.count)
        for i in steps.indices.reversed() {
            alphas[i] = steps[i].rho * dot(steps[i].s, q)
            for j in q.indices { q[j] -= alphas[i] * steps[i].y[j] }
        }
        if let last = steps.last {
            let gamma = dot(last.s, last.y) / dot(last.y, last.y)
            for j in q.indices { q[j] *= gamma }
        }
        for i in steps.indices {
            let beta = steps[i].rho * dot(steps[i].y, q)
            for j in q.indices { q[j] += (alphas[i] - beta) * steps[i].s[j] }
        }
        return q
    }

    private func dot(_ a: [Double], _ b: [Double]) -> Double {
        var sum = 0.0
        for i in a.indices { sum += a[i] * b[i] }
        return sum
    }
}
