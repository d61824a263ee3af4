/// Sums of gradients, hessians and rows over a set of rows.
struct GradientStats: Sendable {
    var gradient = 0.0
    var hessian = 0.0
    var count = 0.0

    static func + (a: GradientStats, b: GradientStats) -> GradientStats {
        GradientStats(gradient: a.gradient + b.gradient, hessian: a.hessian + b.hessian, count: a.count + b.count)
    }

    static func - (a: GradientStats, b: GradientStats) -> GradientStats {
        GradientStats(gradient: a.gradient - b.gradient, hessian: a.hessian - b.hessian, count: a.count - b.count)
    }
}

/// The regularized second-order loss of the LightGBM family: leaf values and split gains.
struct LeafRegularization: Sendable {
    /// The L1 penalty on leaf values.
    let l1: Double
    /// The L2 penalty on leaf values.
    let l2: Double
    /// The largest absolute leaf value (before shrinkage); zero or less means unbounded.
    var maxOutput = 0.0

    private func shrunkGradient(_ g: Double) -> Double {
        l1 == 0 ? g : (g > 0 ? max(g - l1, 0) : min(g + l1, 0))
    }

    /// The loss-minimizing value of a leaf with these sums, within ``maxOutput``.
    func leafValue(_ s: GradientStats, extraL2: Double = 0) -> Double {
        let value = -shrunkGradient(s.gradient) / (s.hessian + l2 + extraL2)
        return maxOutput > 0 ? min(max(value, -maxOutput), maxOutput) : value
    }

    /// How much a leaf with these sums lowers the loss (twice the reduction, as LightGBM reports it), at its value.
    func score(_ s: GradientStats, extraL2: Double = 0) -> Double {
        let g = shrunkGradient(s.gradient)
        guard maxOutput > 0 else { return g * g / (s.hessian + l2 + extraL2) }
        let value = leafValue(s, extraL2: extraL2)
        return -(2 * g * value + (s.hessian + l2 + extraL2) * value * value)
    }

    /// The sum of the ``score(_:extraL2:)``s (no extra L2) of two leaves whose gradient and hessian sums are the lanes
    /// of `gradient` and `hessian`, the same to the last bit: both leaves' divisions take one instruction.
    @inline(__always)
    func scoreSum(gradient: SIMD2<Double>, hessian: SIMD2<Double>) -> Double {
        guard l1 == 0 else {
            return score(GradientStats(gradient: gradient[0], hessian: hessian[0]))
                + score(GradientStats(gradient: gradient[1], hessian: hessian[1]))
        }
        let denominator = hessian + l2
        guard maxOutput > 0 else {
            let scores = gradient * gradient / denominator
            return scores[0] + scores[1]
        }
        let value = (-gradient / denominator).clamped(lowerBound: SIMD2(repeating: -maxOutput), upperBound: SIMD2(repeating: maxOutput))
        let scores = -(2 * gradient * value + denominator * value * value)
        return scores[0] + scores[1]
    }
}
