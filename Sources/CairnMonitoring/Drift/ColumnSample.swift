import CairnML

/// The present values of one column in the form drift tests read: a numeric distribution or category counts.
public enum ColumnSample: Sendable, Equatable, Codable {
    case numeric(NumericSample)
    case categorical(CategoryCounts)

    /// Numbers, integers and booleans as a numeric sample; text as category counts. NaN and ±infinity are
    /// dropped.
    public init(_ column: Column) { self.init(column, moments: true) }

    /// The sample of `column`; `moments: false` skips a numeric sample's mean and standard deviation (see
    /// ``NumericSample``), which only the reference side of a drift test reads.
    init(_ column: Column, moments: Bool) {
        if column.isCategorical {
            self = .categorical(CategoryCounts(column))
        } else {
            self = .numeric(NumericSample(column.doubles(), moments: moments))
        }
    }

    /// The number of present (finite, non-missing) rows.
    public var count: Double {
        switch self {
        case .numeric(let sample): sample.total
        case .categorical(let counts): counts.total
        }
    }

    /// The sample as numbers, or `nil` for text.
    var numbers: NumericSample? {
        if case .numeric(let sample) = self { return sample }
        return nil
    }

    /// The sample as category counts: text as is, numbers keyed by value when the sample is exact.
    var categories: CategoryCounts? {
        switch self {
        case .categorical(let counts):
            return counts
        case .numeric(let sample):
            guard sample.isExact else { return nil }
            var counts: [CategoryKey: Double] = [:]
            for (value, count) in zip(sample.values, sample.counts) { counts[.number(value)] = count }
            return CategoryCounts(counts: counts)
        }
    }
}
