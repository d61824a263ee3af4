/// The gradient sums of one feature in one leaf: its non-empty value bins in bin order, and its missing bin apart.
struct BinTotals: Sendable {
    /// The non-empty value bins, ascending.
    var bins: [Int] = []
    /// The sums of each bin in ``bins``.
    var stats: [GradientStats] = []
    /// The sums of the missing bin.
    var missing = GradientStats()

    /// The non-empty bins of a dense histogram.
    init(_ histogram: Histogram, offset: Int, missingBin: Int) {
        for bin in 0..<missingBin {
            let s = histogram.stats(offset: offset, bin: bin)
            if s.count > 0 {
                bins.append(bin)
                stats.append(s)
            }
        }
        missing = histogram.stats(offset: offset, bin: missingBin)
    }

    /// The sums of `rows` (fewer than 2^24), computed from the rows directly: cheaper than a dense histogram for
    /// a small leaf. Each bin sums its rows in row order, as a dense histogram does, so both give the same bits.
    init(rows: ArraySlice<Int32>, bins rowBins: [UInt8], missingBin: Int, gradients: [Double], hessians: [Double]) {
        let rowArray = Array(rows)
        let keys = rowArray.indices.map { UInt32(rowBins[Int(rowArray[$0])]) << 24 | UInt32($0) }.sorted()
        for key in keys {
            let bin = Int(key >> 24)
            let row = Int(rowArray[Int(key & 0xFF_FFFF)])
            let s = GradientStats(gradient: gradients[row], hessian: hessians[row], count: 1)
            if bin == missingBin {
                missing = missing + s
            } else if bins.last == bin {
                stats[stats.count - 1] = stats[stats.count - 1] + s
            } else {
                bins.append(bin)
                stats.append(s)
            }
        }
    }
}
