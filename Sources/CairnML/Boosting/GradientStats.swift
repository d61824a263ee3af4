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
}
