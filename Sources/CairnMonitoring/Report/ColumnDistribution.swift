/// The reference and current distributions of one column over shared buckets, for overlay charts.
public struct ColumnDistribution: Sendable, Equatable, Codable {
    public var column: String
    /// Whether the buckets are number ranges or categories.
    public var numeric: Bool
    /// One label per bucket: a range's lower edge, or a category (the tail of rare categories is "other").
    public var labels: [String]
    /// The share of the reference's present values in each bucket.
    public var reference: [Double]
    /// The share of the current data's present values in each bucket.
    public var current: [Double]

    /// Equal-width bins over the combined range of numbers.
    public static let numericBins = 20
    /// Categories shown one by one; the rest are summed into "other".
    public static let maxCategories = 15

    /// The overlay of two samples of a column, or `nil` when either side has no present values or the kinds
    /// differ.
    public init?(column: String, reference: ColumnSample, current: ColumnSample) {
        self.column = column
        switch (reference, current) {
        case (.numeric(let ref), .numeric(let cur)):
            guard !ref.isEmpty, !cur.isEmpty else { return nil }
            let low = min(ref.values[0], cur.values[0])
            let high = max(ref.values[ref.values.count - 1], cur.values[cur.values.count - 1])
            let width = (high - low) / Double(Self.numericBins)
            var edges = [low - 0.5, high + 0.5]
            if width > 0 {
                edges = (0...Self.numericBins).map { low + Double($0) * width }
                edges[Self.numericBins] = high
            }
            numeric = true
            labels = edges.dropLast().map { String(format: "%.4g", $0) }
            self.reference = BinnedShares.histogram(ref, edges).map { $0 / ref.total }
            self.current = BinnedShares.histogram(cur, edges).map { $0 / cur.total }
        case (.categorical(let ref), .categorical(let cur)):
            guard !ref.isEmpty, !cur.isEmpty else { return nil }
            let keys = Set(ref.counts.keys).union(cur.counts.keys).sorted {
                let a = (ref.counts[$0] ?? 0) / ref.total + (cur.counts[$0] ?? 0) / cur.total
                let b = (ref.counts[$1] ?? 0) / ref.total + (cur.counts[$1] ?? 0) / cur.total
                return a != b ? a > b : $0 < $1
            }
            let shown = Array(keys.prefix(Self.maxCategories))
            numeric = false
            labels = shown.map(\.description)
            self.reference = shown.map { (ref.counts[$0] ?? 0) / ref.total }
            self.current = shown.map { (cur.counts[$0] ?? 0) / cur.total }
            if keys.count > shown.count {
                labels.append("other")
                self.reference.append(max(0, 1 - self.reference.reduce(0, +)))
                self.current.append(max(0, 1 - self.current.reduce(0, +)))
            }
        default:
            return nil
        }
    }
}
