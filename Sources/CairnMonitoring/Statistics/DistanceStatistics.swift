import Foundation

/// The distance-type drift scores: a larger score means more drift.
enum DistanceStatistics {
    /// Evidently's PSI: Σ (ref − cur) · ln(ref / cur) over zero-filled bucket shares.
    static func populationStabilityIndex(_ shares: BinnedShares) -> Double {
        let filled = shares.fillingZeroes()
        var terms = [Double]()
        for (r, c) in zip(filled.reference, filled.current) { terms.append((r - c) * log(r / c)) }
        return NumericSample.pairwiseSum(terms[...])
    }

    /// `scipy.spatial.distance.jensenshannon(ref, cur)`: both sides renormalised to sum 1, natural logarithm,
    /// the square root of the mean of the two relative entropies to the midpoint.
    static func jensenShannon(_ shares: BinnedShares) -> Double {
        let sumP = NumericSample.pairwiseSum(shares.reference[...])
        let sumQ = NumericSample.pairwiseSum(shares.current[...])
        let p = shares.reference.map { $0 / sumP }
        let q = shares.current.map { $0 / sumQ }
        let m = zip(p, q).map { ($0 + $1) / 2 }
        let left = NumericSample.pairwiseSum(zip(p, m).map(relativeEntropy)[...])
        let right = NumericSample.pairwiseSum(zip(q, m).map(relativeEntropy)[...])
        return ((left + right) / 2).squareRoot()
    }

    /// `scipy.special.rel_entr`.
    private static func relativeEntropy(_ x: Double, _ y: Double) -> Double {
        if x > 0 && y > 0 { return x * log(x / y) }
        if x == 0 && y >= 0 { return 0 }
        return .infinity
    }

    /// `scipy.stats.wasserstein_distance(ref, cur) / max(numpy.std(ref), 0.001)`: the area between the two
    /// empirical CDFs, divided by the reference's population standard deviation.
    static func normedWasserstein(_ reference: NumericSample, _ current: NumericSample) -> Double {
        wasserstein(reference, current) / max(reference.standardDeviation, 0.001)
    }

    /// The first Wasserstein distance between two samples.
    static func wasserstein(_ u: NumericSample, _ v: NumericSample) -> Double {
        var i = 0
        var j = 0
        var cu = 0.0
        var cv = 0.0
        // Each empirical CDF is divided out when its count moves, not again for every term (0 / 0 stays NaN for
        // an empty sample, as before).
        var fu = cu / u.total
        var fv = cv / v.total
        var sum = StreamingSum()
        var previous = Swift.min(u.values.first ?? .infinity, v.values.first ?? .infinity)
        while i < u.values.count || j < v.values.count {
            let x = Swift.min(i < u.values.count ? u.values[i] : .infinity, j < v.values.count ? v.values[j] : .infinity)
            if x > previous { sum.add(abs(fu - fv) * (x - previous)) }
            if i < u.values.count, u.values[i] == x {
                cu += u.counts[i]
                fu = cu / u.total
                i += 1
            }
            if j < v.values.count, v.values[j] == x {
                cv += v.counts[j]
                fv = cv / v.total
                j += 1
            }
            previous = x
        }
        return sum.total
    }
}
