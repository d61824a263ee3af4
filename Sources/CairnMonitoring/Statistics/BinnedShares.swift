import Foundation

/// The shares of reference and current rows per bucket that PSI and Jensen–Shannon compare
/// (Evidently's `get_binned_data`).
///
/// A numerical column whose reference has more than 20 distinct values is cut into numpy's Sturges bins: equal
/// widths over the combined range, ⌈log₂(n_ref + n_cur) + 1⌉ of them, the last closed on the right. Any other
/// column gets one bucket per value seen on either side.
struct BinnedShares: Sendable {
    var reference: [Double]
    var current: [Double]

    /// Reference values above this many distinct values are binned; fewer get a bucket each.
    static let maxDistinctForBuckets = 20

    /// Shares over Sturges bins of the combined samples, or per value when the reference has few values.
    init(_ reference: NumericSample, _ current: NumericSample) {
        guard reference.distinctCount > Self.maxDistinctForBuckets else {
            self.init(AlignedCounts(reference, current))
            return
        }
        let edges = Self.sturgesEdges(reference, current)
        self.init(reference: Self.histogram(reference, edges).map { $0 / reference.total },
                  current: Self.histogram(current, edges).map { $0 / current.total })
    }

    /// Shares per value.
    init(_ counts: AlignedCounts) {
        self.init(reference: counts.reference.map { $0 / counts.referenceTotal },
                  current: counts.current.map { $0 / counts.currentTotal })
    }

    /// Shares from their parts.
    init(reference: [Double], current: [Double]) {
        self.reference = reference
        self.current = current
    }

    /// Replaces empty buckets on each side by a small share, as PSI needs (`feel_zeroes`): the smallest
    /// non-empty share divided by 10⁶ when that share is at most 10⁻⁴, otherwise 10⁻⁴.
    func fillingZeroes() -> BinnedShares {
        func fill(_ shares: [Double]) -> [Double] {
            let smallest = shares.filter { $0 != 0 }.min() ?? 0
            let replacement = smallest <= 0.0001 ? smallest / 1_000_000 : 0.0001
            return shares.map { $0 == 0 ? replacement : $0 }
        }
        var filled = self
        filled.reference = fill(reference)
        filled.current = fill(current)
        return filled
    }

    /// `numpy.histogram_bin_edges(concat(ref, cur), bins="sturges")`.
    static func sturgesEdges(_ a: NumericSample, _ b: NumericSample) -> [Double] {
        var first = min(a.values.first ?? .infinity, b.values.first ?? .infinity)
        var last = max(a.values.last ?? -.infinity, b.values.last ?? -.infinity)
        if first == last {
            first -= 0.5
            last += 0.5
        }
        let n = a.total + b.total
        let range = last - first
        let width = range / (log2(n) + 1)
        let binCount = width > 0 ? Int((range / width).rounded(.up)) : 1
        let step = range / Double(binCount)
        var edges = (0...binCount).map { Double($0) * step + first }
        edges[binCount] = last
        return edges
    }

    /// `numpy.histogram(sample, edges)[0]`: counts in [e_i, e_i+1), the last bin also holding its right edge.
    static func histogram(_ sample: NumericSample, _ edges: [Double]) -> [Double] {
        let cumulative = sample.cumulativeCounts()
        var below = edges.dropLast().map { sample.count(below: $0, inclusive: false, cumulative: cumulative) }
        below.append(sample.count(below: edges[edges.count - 1], inclusive: true, cumulative: cumulative))
        return (0..<(edges.count - 1)).map { below[$0 + 1] - below[$0] }
    }
}
