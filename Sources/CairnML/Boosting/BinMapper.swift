/// Maps one feature's raw values to at most 256 histogram bins; the last bin holds missing values (and, for a
/// categorical feature, categories too rare to get a bin of their own).
struct BinMapper: Sendable {
    /// Whether the feature holds category codes.
    let isCategorical: Bool
    /// For a numeric feature, bin `i` holds values `v` with `upperBounds[i-1] < v <= upperBounds[i]`; the last
    /// bound is infinite.
    let upperBounds: [Double]
    /// For a categorical feature, the category code of each bin but the last.
    let categoryOfBin: [Int]
    /// For a categorical feature, the bin of each category code (the missing bin for rare codes).
    private let binOfCategory: [Int: UInt8]

    /// The number of bins, including the missing bin.
    var binCount: Int { (isCategorical ? categoryOfBin.count : upperBounds.count) + 1 }
    /// The bin of missing values.
    var missingBin: Int { binCount - 1 }

    /// Fits bins to a sample of values, at most `maxBin` of them besides the missing bin.
    init(values: [Double], isCategorical: Bool, maxBin: Int) {
        self.isCategorical = isCategorical
        var counts: [Double: Int] = [:]
        for v in values where !v.isNaN { counts[v, default: 0] += 1 }
        if isCategorical {
            let frequent = counts.sorted { ($0.value, -$0.key) > ($1.value, -$1.key) }.prefix(maxBin)
            categoryOfBin = frequent.map { Int($0.key) }
            binOfCategory = Dictionary(uniqueKeysWithValues: categoryOfBin.enumerated().map { ($1, UInt8($0)) })
            upperBounds = []
        } else {
            let distinct = counts.sorted { $0.key < $1.key }
            upperBounds = Self.greedyBounds(distinct.map(\.key), distinct.map(\.value), maxBin: maxBin)
            categoryOfBin = []
            binOfCategory = [:]
        }
    }

    /// The bin of a raw value.
    @inline(__always)
    func bin(_ value: Double) -> UInt8 {
        if value.isNaN { return UInt8(missingBin) }
        if isCategorical { return binOfCategory[Int(value)] ?? UInt8(missingBin) }
        var low = 0
        var high = upperBounds.count - 1
        while low < high {
            let mid = (low + high) / 2
            if value <= upperBounds[mid] { high = mid } else { low = mid + 1 }
        }
        return UInt8(low)
    }

    /// Bounds that give each bin about the same number of values, cutting midway between distinct values; a value
    /// more frequent than a bin's share gets a bin of its own.
    private static func greedyBounds(_ values: [Double], _ counts: [Int], maxBin: Int) -> [Double] {
        guard values.count > 1 else { return [.infinity] }
        var bounds: [Double] = []
        var rest = counts.reduce(0, +)
        var binsLeft = maxBin
        var accumulated = 0
        for i in 0..<(values.count - 1) where binsLeft > 1 {
            accumulated += counts[i]
            if values.count <= maxBin || Double(accumulated) >= Double(rest) / Double(binsLeft) {
                let mid = values[i] / 2 + values[i + 1] / 2
                bounds.append(mid < values[i + 1] ? mid : values[i])
                rest -= accumulated
                accumulated = 0
                binsLeft -= 1
            }
        }
        bounds.append(.infinity)
        return bounds
    }
}
