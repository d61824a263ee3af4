/// Fills missing values with a statistic of the training column, like scikit-learn's `SimpleImputer`.
///
/// `mean`, `median` and `constant` fill numeric columns; `most_frequent` fills numeric and categorical ones (the
/// smallest value, or first category name, among ties). Other categorical columns keep their missing values. A
/// numeric column with no values in training is filled with 0 (scikit-learn's `keep_empty_features=True`).
public struct Imputer: Sendable, Codable, Equatable, FittedTransformer {
    /// The statistic that fills a column.
    public enum Strategy: String, Sendable, Codable {
        case mean, median, constant
        case mostFrequent = "most_frequent"
    }

    /// Per column, the value that replaces a missing one, or `nil` when the column is left alone.
    public let fills: [Double?]

    /// Fits the fill values of each column of `frame`.
    init(fitting frame: FeatureFrame, strategy: Strategy, constant: Double) {
        fills = zip(frame.columns, frame.categories).map { column, categories in
            let present = column.filter { !$0.isNaN }
            if let categories {
                guard strategy == .mostFrequent, !present.isEmpty else { return nil }
                return Self.mostFrequent(present) { categories[Int($0)] < categories[Int($1)] }
            }
            if strategy == .constant { return constant }
            guard !present.isEmpty else { return 0 }
            switch strategy {
            case .mean: return ColumnStatistics.mean(present)
            case .median: return ColumnStatistics.median(present)
            case .mostFrequent, .constant: return Self.mostFrequent(present, <)
            }
        }
    }

    func transform(_ frame: FeatureFrame) -> FeatureFrame {
        var out = frame
        for (j, fill) in fills.enumerated() {
            guard let fill else { continue }
            out.columns[j] = frame.columns[j].map { $0.isNaN ? fill : $0 }
        }
        return out
    }

    /// The most common value; among ties, the first in `order`.
    private static func mostFrequent(_ values: [Double], _ order: (Double, Double) -> Bool) -> Double {
        var counts: [Double: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        return counts.min { $0.value != $1.value ? $0.value > $1.value : order($0.key, $1.key) }!.key
    }
}
