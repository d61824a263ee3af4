/// The gradient sums of one feature in one leaf, bin by bin: a view of the feature's range in the leaf's dense
/// histogram (no copy), or the sums of a small leaf's rows. The value bins are `0..<missingBin`.
struct BinTotals: Sendable {
    /// Flat (gradient, hessian, count) triples; bin `b`'s starts at `base + 3 * b`.
    private let values: [Double]
    private let base: Int
    /// The bin of missing values, after the value bins.
    let missingBin: Int

    /// The bins of the feature whose bins start at `offset` in a dense histogram.
    init(_ histogram: Histogram, offset: Int, missingBin: Int) {
        values = histogram.values
        base = offset * 3
        self.missingBin = missingBin
    }

    /// The sums of `rows`, computed from the rows directly: cheaper than a dense histogram for a small leaf. Each
    /// bin sums its rows in row order.
    init(rows: ArraySlice<Int32>, bins rowBins: [UInt8], missingBin: Int, gradients: [Double], hessians: [Double]) {
        var values = [Double](repeating: 0, count: (missingBin + 1) * 3)
        for row in rows {
            let r = Int(row)
            let b = Int(rowBins[r]) * 3
            values[b] += gradients[r]
            values[b + 1] += hessians[r]
            values[b + 2] += 1
        }
        self.values = values
        base = 0
        self.missingBin = missingBin
    }

    /// The sums of bin `bin`.
    @inline(__always)
    func stats(_ bin: Int) -> GradientStats {
        let k = base + bin * 3
        return GradientStats(gradient: values[k], hessian: values[k + 1], count: values[k + 2])
    }

    /// The sums of the missing bin.
    var missing: GradientStats { stats(missingBin) }

    /// The value bins that hold rows, ascending.
    var nonEmptyBins: [Int] { (0..<missingBin).filter { values[base + $0 * 3 + 2] > 0 } }

    /// Calls `body` with the value bins' triples, bin `b`'s at `3 * b`.
    func withValueBins<R>(_ body: (UnsafeBufferPointer<Double>) -> R) -> R {
        values.withUnsafeBufferPointer { all in body(UnsafeBufferPointer(rebasing: all[base..<(base + missingBin * 3)])) }
    }
}
