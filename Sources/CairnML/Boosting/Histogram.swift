/// Per-bin gradient statistics for every feature of one leaf, laid out flat as (gradient, hessian, count)
/// triples in the order of ``BinnedData/offsets``.
struct Histogram: Sendable {
    var values: [Double]

    /// The statistics of bin `bin` of the feature whose bins start at `offset`.
    @inline(__always)
    func stats(offset: Int, bin: Int) -> GradientStats {
        let k = (offset + bin) * 3
        return GradientStats(gradient: values[k], hessian: values[k + 1], count: values[k + 2])
    }

    /// Sums the gradients of `rows` into bins, for the given features only, concurrently over features.
    init(data: BinnedData, rows: ArraySlice<Int32>, gradients: [Double], hessians: [Double], features: [Int]) {
        var values = [Double](repeating: 0, count: data.totalBins * 3)
        let ordered = rows.map { (gradients[Int($0)], hessians[Int($0)]) }
        let rowArray = Array(rows)
        values.withUnsafeMutableBufferPointer { buffer in
            // Each feature owns its own range of bins.
            let target = SharedBuffer(base: buffer.baseAddress!)
            Parallel.forEach(features.count) { i in
                let f = features[i]
                let base = target.base + data.offsets[f] * 3
                data.bins[f].withUnsafeBufferPointer { bins in
                    for (k, row) in rowArray.enumerated() {
                        let b = Int(bins[Int(row)]) * 3
                        base[b] += ordered[k].0
                        base[b + 1] += ordered[k].1
                        base[b + 2] += 1
                    }
                }
            }
        }
        self.values = values
    }

    private init(values: [Double]) { self.values = values }

    /// The histogram of the rows in `self` but not in `other` (the larger sibling from the parent).
    func subtracting(_ other: Histogram) -> Histogram {
        Histogram(values: zip(values, other.values).map { $0 - $1 })
    }
}

