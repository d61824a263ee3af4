/// Row-major bins of some features with each feature's default bin left out: row `r` holds the flat histogram
/// indices (feature offset plus bin) `entries[rowStarts[r]..<rowStarts[r + 1]]`.
struct SparseBins: Sendable {
    /// Where each row's entries start; one more element than rows.
    let rowStarts: [Int]
    /// The flat histogram index of each stored bin.
    let entries: [UInt32]

    /// Stores `features` of the column-major `bins`, leaving out `defaultBins[f]` of each.
    init(bins: [[UInt8]], features: [Int], defaultBins: [Int], offsets: [Int]) {
        let n = bins.first?.count ?? 0
        var rowStarts = [Int](repeating: 0, count: n + 1)
        for f in features {
            let column = bins[f]
            let skip = UInt8(defaultBins[f])
            for row in 0..<n where column[row] != skip { rowStarts[row + 1] += 1 }
        }
        for row in 0..<n { rowStarts[row + 1] += rowStarts[row] }
        var entries = [UInt32](repeating: 0, count: rowStarts[n])
        var next = rowStarts
        for f in features {
            let column = bins[f]
            let skip = UInt8(defaultBins[f])
            let offset = UInt32(offsets[f])
            for row in 0..<n where column[row] != skip {
                entries[next[row]] = offset + UInt32(column[row])
                next[row] += 1
            }
        }
        self.rowStarts = rowStarts
        self.entries = entries
    }
}
