/// Bins stored row by row, so walking a tree reads one row's bins from one place: row `r`'s bin of feature `f` is
/// `values[r * featureCount + f]`.
struct RowBins: Sendable {
    /// The bins, row-major.
    let values: [UInt8]
    /// The number of features per row.
    let featureCount: Int

    /// The bins of `columns` (one array of rows per feature), transposed.
    init(columns: [[UInt8]]) {
        let featureCount = columns.count
        let n = columns.first?.count ?? 0
        var values = [UInt8](repeating: 0, count: n * featureCount)
        for (f, column) in columns.enumerated() {
            for (row, bin) in column.enumerated() { values[row * featureCount + f] = bin }
        }
        self.values = values
        self.featureCount = featureCount
    }

    /// The bins of `features`' values by `mappers` (one per feature).
    init(_ features: FeatureMatrix, mappers: [BinMapper]) {
        self.init(columns: BinnedData.bin(features, mappers: mappers))
    }
}
