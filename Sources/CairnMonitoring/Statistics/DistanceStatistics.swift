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

    /// The first Wasserstein distance between two samples: the area between their empirical CDFs, summed over
    /// the merged distinct values.
    static func wasserstein(_ u: NumericSample, _ v: NumericSample) -> Double {
        // |c_u / n_u − c_v / n_v| = |c_u · n_v − c_v · n_u| / (n_u · n_v): the terms need no division, and the
        // sum is divided once (0 / 0, NaN, for an empty sample).
        let (nu, nv) = (u.total, v.total)
        let (uValues, uCounts, vValues, vCounts) = (u.values, u.counts, v.values, v.counts)
        var i = 0
        var j = 0
        var cu = 0.0
        var cv = 0.0
        var sum = StreamingSum()
        var previous = Swift.min(uValues.first ?? .infinity, vValues.first ?? .infinity)
        func area(to x: Double) {
            if x > previous { sum.add(abs(cu * nv - cv * nu) * (x - previous)) }
            previous = x
        }
        // While both samples have values left, the smaller next value moves (both, when equal), chosen without a
        // branch: which sample holds it is as random as the data.
        while i < uValues.count, j < vValues.count {
            let (a, b) = (uValues[i], vValues[j])
            area(to: Swift.min(a, b))
            let (takeU, takeV) = (bit(a <= b), bit(b <= a))
            cu += kept(uCounts[i], takeU)
            cv += kept(vCounts[j], takeV)
            i &+= Int(takeU)
            j &+= Int(takeV)
        }
        // Then the rest of one of them.
        while i < uValues.count {
            area(to: uValues[i])
            cu += uCounts[i]
            i += 1
        }
        while j < vValues.count {
            area(to: vValues[j])
            cv += vCounts[j]
            j += 1
        }
        return sum.total / (nu * nv)
    }

    /// 1 for true, 0 for false, read from the Boolean's byte: arithmetic on it compiles without a branch, where a
    /// choice between two values would become one.
    @inline(__always)
    private static func bit(_ condition: Bool) -> UInt64 { UInt64(unsafeBitCast(condition, to: UInt8.self)) }

    /// `value` when `keep` is 1, 0 when it is 0, by masking its bits.
    @inline(__always)
    private static func kept(_ value: Double, _ keep: UInt64) -> Double {
        Double(bitPattern: value.bitPattern & (0 &- keep))
    }
}
