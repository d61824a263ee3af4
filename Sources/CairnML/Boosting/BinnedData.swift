/// A feature matrix reduced to histogram bins, column-major, with the mappers that made it.
struct BinnedData: Sendable {
    /// One bin per row, per feature.
    let bins: [[UInt8]]
    /// The mapper of each feature.
    let mappers: [BinMapper]
    /// Where each feature's bins start in a flat histogram.
    let offsets: [Int]
    /// The number of bins over all features.
    let totalBins: Int
    /// The number of rows.
    let rowCount: Int

    /// Bins `features`, fitting the mappers on up to 200,000 evenly spaced rows.
    init(_ features: FeatureMatrix, categorical: [Bool], maxBin: Int) {
        let n = features.rowCount
        let stride = max(1, n / 200_000)
        let sample = Swift.stride(from: 0, to: n, by: stride).map { $0 }
        let mappers = Parallel.map(features.featureCount) { f in
            BinMapper(values: sample.map { features.columns[f][$0] }, isCategorical: categorical[f], maxBin: maxBin)
        }
        bins = Parallel.map(features.featureCount) { f in features.columns[f].map { mappers[f].bin($0) } }
        self.mappers = mappers
        var offsets: [Int] = []
        var total = 0
        for mapper in mappers {
            offsets.append(total)
            total += mapper.binCount
        }
        self.offsets = offsets
        totalBins = total
        rowCount = n
    }
}
