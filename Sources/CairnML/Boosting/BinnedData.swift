/// A feature matrix reduced to histogram bins, column-major, with the mappers that made it. Features whose most
/// frequent bin holds most rows are also stored row-major without that bin (``SparseBins``), so a histogram
/// visits only their other values.
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
    /// The most frequent bin of each feature.
    let defaultBins: [Int]
    /// Whether each feature is summed from ``sparse`` rather than its column.
    let isSparse: [Bool]
    /// The bins of the sparse features other than their default bins, row by row.
    let sparse: SparseBins
    /// The number of rows in each bin of each feature, flat in the order of ``offsets``.
    let binRowCounts: [Double]

    /// A feature goes sparse when its most frequent bin holds at least this fraction of the rows.
    static let sparseFraction = 0.7

    /// Bins `features`, fitting the mappers on up to 200,000 evenly spaced rows.
    init(_ features: FeatureMatrix, categorical: [Bool], maxBin: Int) {
        let n = features.rowCount
        let stride = max(1, n / 200_000)
        let sample = Swift.stride(from: 0, to: n, by: stride).map { $0 }
        let mappers = Parallel.map(features.featureCount) { f in
            BinMapper(values: sample.map { features.columns[f][$0] }, isCategorical: categorical[f], maxBin: maxBin)
        }
        bins = Self.bin(features, mappers: mappers)
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
        let bins = self.bins
        let binCounts = Parallel.map(features.featureCount) { f in
            var counts = [Int](repeating: 0, count: 256)
            for b in bins[f] { counts[Int(b)] += 1 }
            return counts
        }
        let defaultBins = binCounts.map { counts in counts.indices.max { (counts[$0], -$0) < (counts[$1], -$1) }! }
        let isSparse = zip(binCounts, defaultBins).map { Double($0[$1]) >= Self.sparseFraction * Double(n) }
        self.defaultBins = defaultBins
        binRowCounts = zip(binCounts, mappers).flatMap { counts, mapper in counts.prefix(mapper.binCount).map(Double.init) }
        self.isSparse = isSparse
        sparse = SparseBins(bins: bins, features: isSparse.indices.filter { isSparse[$0] }, defaultBins: defaultBins, offsets: offsets)
    }

    /// The bin of every value of `features`, column by column, by `mappers` (one per feature).
    static func bin(_ features: FeatureMatrix, mappers: [BinMapper]) -> [[UInt8]] {
        Parallel.map(features.featureCount) { f in features.columns[f].map { mappers[f].bin($0) } }
    }
}
