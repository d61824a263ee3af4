/// Limited-memory BFGS minimization of a smooth function plus an optional L1 penalty on some coordinates, with a
/// backtracking (Armijo) line search. With an L1 penalty it is OWL-QN (Andrew and Gao, 2007): the pseudo-gradient
/// of the penalized objective steers, directions keep to the orthant of the current point, and steps that cross
/// zero stop at zero.
struct LBFGS: Sendable {
    /// Past steps kept for the curvature estimate.
    var memory = 10
    /// Iterations at most.
    var maxIterations = 1_000
    /// Stop when the largest (pseudo-)gradient component is at most this, relative to `max(1, |f|)`.
    var tolerance = 1e-10

    /// The minimizer of `f(x) + l1 · Σ_{i penalized} |x_i|`, starting from `start`.
    /// - Parameters:
    ///   - l1: the L1 penalty; zero for plain L-BFGS.
    ///   - penalized: whether coordinate `i` carries the L1 penalty (ignored when `l1` is zero).
    ///   - f: the value and gradient of the smooth part at a point.
    func minimize(
        from start: [Double], l1: Double = 0, penalized: (Int) -> Bool = { _ in true },
        _ f: ([Double]) -> (value: Double, gradient: [Double])
    ) -> [Double] {
        let mask = start.indices.map { l1 > 0 && penalized($0) }
        let penalty = { (x: [Double]) in l1 * zip(x, mask).reduce(0) { $0 + ($1.1 ? abs($1.0) : 0) } }
        var x = start
        var (value, gradient) = f(x)
        value += penalty(x)
        var steps: [(s: [Double], y: [Double], rho: Double)] = []
        for _ in 0..<maxIterations {
            let steer = pseudoGradient(x, gradient, l1, mask)
            if steer.map(abs).max() ?? 0 <= tolerance * max(1, abs(value)) { break }
            var direction = twoLoop(steer, steps).map { -$0 }
            if l1 > 0 { for i in direction.indices where mask[i] && direction[i] * steer[i] >= 0 { direction[i] = 0 } }
            var slope = dot(direction, steer)
            if slope >= 0 {
                direction = steer.map { -$0 }
                slope = dot(direction, steer)
                steps.removeAll()
            }
            let orthant = x.indices.map { x[$0] != 0 ? (x[$0] > 0 ? 1.0 : -1.0) : (steer[$0] < 0 ? 1.0 : -1.0) }
            var step = steps.isEmpty ? 1 / max(1, direction.map(abs).max()!) : 1.0
            var accepted: (x: [Double], value: Double, gradient: [Double])?
            for _ in 0..<60 {
                var candidate = zip(x, direction).map { $0 + step * $1 }
                if l1 > 0 { for i in candidate.indices where mask[i] && candidate[i] * orthant[i] <= 0 { candidate[i] = 0 } }
                let (v, g) = f(candidate)
                let penalized = v + penalty(candidate)
                let decrease = l1 > 0 ? dot(zip(candidate, x).map { $0 - $1 }, steer) : step * slope
                if penalized <= value + 1e-4 * decrease {
                    accepted = (candidate, penalized, g)
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

    /// The steepest-descent direction's negative for `f + l1·|x|` on the penalized coordinates: the gradient plus
    /// the penalty's slope on the side a move would go, or zero where no move lowers the objective.
    private func pseudoGradient(_ x: [Double], _ gradient: [Double], _ l1: Double, _ mask: [Bool]) -> [Double] {
        guard l1 > 0 else { return gradient }
        return gradient.indices.map { i in
            let g = gradient[i]
            guard mask[i] else { return g }
            if x[i] > 0 { return g + l1 }
            if x[i] < 0 { return g - l1 }
            if g + l1 < 0 { return g + l1 }
            if g - l1 > 0 { return g - l1 }
            return 0
        }
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
