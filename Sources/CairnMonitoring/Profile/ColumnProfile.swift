import CairnML

/// What a reference profile keeps of one column: its kind, counts, a summary for people and charts, and the
/// sample the drift tests read.
public struct ColumnProfile: Sendable, Equatable, Codable {
    /// How the column's values are stored.
    public enum Kind: String, Sendable, Codable {
        case number, integer, boolean, text

        /// The kind of a column's storage.
        public init(_ values: Column.Values) {
            switch values {
            case .double: self = .number
            case .int: self = .integer
            case .bool: self = .boolean
            case .categorical: self = .text
            }
        }
    }

    /// Numbers of a numeric column, for people and charts (the tests read ``sample``).
    public struct NumericSummary: Sendable, Equatable, Codable {
        /// The smallest and largest finite values.
        public var min: Double
        public var max: Double
        public var mean: Double
        /// The population standard deviation.
        public var standardDeviation: Double
        /// The quantiles at 0, 0.05, …, 1 (numpy's linear interpolation).
        public var quantiles: [Double]
        /// Equal-width bin edges over [min, max].
        public var histogramEdges: [Double]
        /// Rows per bin, the last bin closed on the right.
        public var histogramCounts: [Double]
    }

    public var name: String
    public var kind: Kind
    /// The type Evidently would infer for the reference column.
    public var type: ColumnType
    /// Rows, including missing ones.
    public var rowCount: Int
    /// Missing rows (NaN, or absent); infinities are counted in ``infiniteCount``.
    public var missingCount: Int
    /// Rows holding ±infinity.
    public var infiniteCount: Int
    /// The summary of a numeric column; `nil` for text.
    public var summary: NumericSummary?
    /// The present values the drift tests compare with.
    public var sample: ColumnSample

    /// Whether ``sample`` is the column's exact distribution (always true for text).
    public var isExact: Bool {
        if case .numeric(let numbers) = sample { return numbers.isExact }
        return true
    }

    /// The share of missing rows; 0 for an empty column.
    public var missingShare: Double { rowCount == 0 ? 0 : Double(missingCount) / Double(rowCount) }

    /// The profile of `column`, keeping numeric samples exact up to `maxPoints` distinct values.
    public init(_ column: Column, maxPoints: Int) {
        name = column.name
        kind = Kind(column.values)
        type = ColumnType.infer(column)
        rowCount = column.count
        missingCount = column.missingCount
        infiniteCount = column.isCategorical ? 0 : column.doubles().reduce(0) { $0 + ($1.isInfinite ? 1 : 0) }
        let full = ColumnSample(column)
        switch full {
        case .numeric(let numbers):
            summary = numbers.isEmpty ? nil : Self.summarize(numbers)
            sample = .numeric(numbers.compressed(maxPoints: maxPoints))
        case .categorical:
            summary = nil
            sample = full
        }
    }

    /// Bins in a profile's histogram.
    public static let histogramBins = 20

    private static func summarize(_ numbers: NumericSample) -> NumericSummary {
        let low = numbers.values[0]
        let high = numbers.values[numbers.values.count - 1]
        let width = (high - low) / Double(histogramBins)
        var edges = [low - 0.5, high + 0.5]
        if width > 0 {
            edges = (0...histogramBins).map { low + Double($0) * width }
            edges[histogramBins] = high
        }
        return NumericSummary(
            min: low, max: high, mean: numbers.mean, standardDeviation: numbers.standardDeviation,
            quantiles: (0...20).map { numbers.quantile(Double($0) / 20) },
            histogramEdges: edges, histogramCounts: BinnedShares.histogram(numbers, edges))
    }
}
