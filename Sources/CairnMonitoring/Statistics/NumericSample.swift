/// A numeric sample as its sorted distinct values with their counts: the empirical distribution every numeric
/// drift test needs, exact when built from data.
///
/// A reference profile may hold a compressed form (``compressed(maxPoints:)``) whose counts are fractional
/// weights; tests run on it unchanged but their results are then approximations.
public struct NumericSample: Sendable, Equatable, Codable {
    /// The distinct values, ascending.
    public let values: [Double]
    /// The number of rows (or weight) at each value.
    public let counts: [Double]
    /// The number of rows in the sample.
    public let total: Double
    /// The population mean of the rows.
    public let mean: Double
    /// The population standard deviation (`ddof = 0`) of the rows, as `numpy.std`.
    public let standardDeviation: Double
    /// Whether every count is a real row count (the sample is the data, not a sketch of it).
    public let isExact: Bool
    /// The number of distinct values in the data this sample describes (exact even when compressed).
    public let distinctCount: Int

    /// The finite values of `data` (NaN and ±infinity dropped, as Evidently does before every test).
    public init(_ data: [Double]) { self.init(data, moments: true) }

    /// The finite values of `data`; `moments: false` leaves the mean and standard deviation NaN, for a current
    /// sample (drift tests read only the reference's moments).
    init(_ data: [Double], moments: Bool) {
        let finite = FiniteSort.sorted(data)
        let (values, counts) = Self.runs(finite)
        let n = Double(finite.count)
        var mean = Double.nan
        var variance = Double.nan
        if moments, !finite.isEmpty {
            finite.withUnsafeBufferPointer { finite in
                let m = Self.pairwiseSum(finite) { $0 } / n
                mean = m
                variance = Self.pairwiseSum(finite) { ($0 - m) * ($0 - m) } / n
            }
        }
        self.init(values: values, counts: counts, total: n, mean: mean, standardDeviation: variance.squareRoot(),
                  isExact: true, distinctCount: values.count)
    }

    /// The distinct values of sorted data and how often each occurs: one pass to count them, one to fill
    /// arrays of exactly that size (none when every value is distinct: the data is then its own value list).
    private static func runs(_ sorted: [Double]) -> (values: [Double], counts: [Double]) {
        sorted.withUnsafeBufferPointer { data in
            var distinct = 0
            for i in data.indices where i == 0 || data[i] != data[i - 1] { distinct += 1 }
            if distinct == data.count { return (sorted, [Double](repeating: 1, count: distinct)) }
            var counts = [Double](repeating: 0, count: distinct)
            let values = [Double](unsafeUninitializedCapacity: distinct) { buffer, initialized in
                counts.withUnsafeMutableBufferPointer { count in
                    var slot = -1
                    for i in data.indices {
                        if i == 0 || data[i] != data[i - 1] {
                            slot += 1
                            buffer[slot] = data[i]
                        }
                        count[slot] += 1
                    }
                }
                initialized = distinct
            }
            return (values, counts)
        }
    }

    /// A sample from its parts.
    public init(values: [Double], counts: [Double], total: Double, mean: Double, standardDeviation: Double,
                isExact: Bool, distinctCount: Int) {
        self.values = values
        self.counts = counts
        self.total = total
        self.mean = mean
        self.standardDeviation = standardDeviation
        self.isExact = isExact
        self.distinctCount = distinctCount
    }

    private enum CodingKeys: String, CodingKey {
        case values, counts, total, mean, standardDeviation, isExact, distinctCount
    }

    /// Decodes the sample written by its synthesized encoding, reading the two long arrays element by element.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            values: try container.decodeNumbers(forKey: .values), counts: try container.decodeNumbers(forKey: .counts),
            total: try container.decode(Double.self, forKey: .total), mean: try container.decode(Double.self, forKey: .mean),
            standardDeviation: try container.decode(Double.self, forKey: .standardDeviation),
            isExact: try container.decode(Bool.self, forKey: .isExact),
            distinctCount: try container.decode(Int.self, forKey: .distinctCount))
    }

    /// The sample itself when it has at most `maxPoints` distinct values; otherwise `maxPoints` values at evenly
    /// spaced ranks (the minimum and the maximum among them), each weighing an equal share of the rows. Totals,
    /// mean, standard deviation and the distinct count stay exact.
    public func compressed(maxPoints: Int) -> NumericSample {
        guard values.count > maxPoints, maxPoints >= 2 else { return self }
        let cumulative = cumulativeCounts()
        let weight = total / Double(maxPoints)
        var points: [Double] = []
        var weights: [Double] = []
        var index = 0
        for k in 0..<maxPoints {
            let rank = Double(k) * (total - 1) / Double(maxPoints - 1)
            while cumulative[index] <= rank { index += 1 }
            if let last = points.last, last == values[index] {
                weights[weights.count - 1] += weight
            } else {
                points.append(values[index])
                weights.append(weight)
            }
        }
        return NumericSample(values: points, counts: weights, total: total, mean: mean, standardDeviation: standardDeviation,
                             isExact: false, distinctCount: distinctCount)
    }

    /// The `q`-quantile with numpy's default linear interpolation between order statistics.
    public func quantile(_ q: Double) -> Double {
        guard !isEmpty else { return .nan }
        let cumulative = cumulativeCounts()
        let position = q * (total - 1)
        let lowerRank = position.rounded(.down)
        func value(atRank rank: Double) -> Double {
            var low = 0
            var high = values.count - 1
            while low < high {
                let mid = (low + high) / 2
                if cumulative[mid] > rank { high = mid } else { low = mid + 1 }
            }
            return values[low]
        }
        let lower = value(atRank: lowerRank)
        let upper = value(atRank: min(lowerRank + 1, total - 1))
        return lower + (upper - lower) * (position - lowerRank)
    }

    /// Whether the sample has no rows.
    public var isEmpty: Bool { total == 0 }

    /// The running totals: `cumulative[i]` is the count of rows at or below `values[i]`.
    func cumulativeCounts() -> [Double] {
        var running = 0.0
        return counts.map { running += $0; return running }
    }

    /// The number of rows strictly below `x` (`inclusive == false`) or at or below it, given the running totals.
    func count(below x: Double, inclusive: Bool, cumulative: [Double]) -> Double {
        var low = 0
        var high = values.count
        while low < high {
            let mid = (low + high) / 2
            if values[mid] < x || (inclusive && values[mid] == x) { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? 0 : cumulative[low - 1]
    }

    /// numpy's pairwise summation (blocks of 8 below 128 elements), so means and deviations round as numpy's do.
    static func pairwiseSum(_ x: ArraySlice<Double>) -> Double {
        x.withUnsafeBufferPointer { pairwiseSum($0) { $0 } }
    }

    /// The pairwise sum of `term(x[i])` over `x`, without storing the terms.
    static func pairwiseSum(_ x: UnsafeBufferPointer<Double>, _ term: (Double) -> Double) -> Double {
        let n = x.count
        if n < 8 {
            var sum = -0.0
            for value in x { sum += term(value) }
            return sum
        }
        if n <= 128 {
            // Eight running sums in lanes (no heap array per block); each lane adds as a scalar would.
            var r = SIMD8<Double>()
            for k in 0..<8 { r[k] = term(x[k]) }
            var i = 8
            while i < n - n % 8 {
                for k in 0..<8 { r[k] += term(x[i + k]) }
                i += 8
            }
            var sum = (r[0] + r[1]) + (r[2] + r[3]) + ((r[4] + r[5]) + (r[6] + r[7]))
            while i < n {
                sum += term(x[i])
                i += 1
            }
            return sum
        }
        var half = n / 2
        half -= half % 8
        return pairwiseSum(UnsafeBufferPointer(rebasing: x[..<half]), term)
            + pairwiseSum(UnsafeBufferPointer(rebasing: x[half...]), term)
    }
}
