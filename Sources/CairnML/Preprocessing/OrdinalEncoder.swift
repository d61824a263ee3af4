/// Replaces each categorical column by the rank of its category among the training categories in sorted order
/// (0, 1, …), a numeric column, like scikit-learn's `OrdinalEncoder` with unknown and missing values encoded as
/// `NaN`. Numeric columns pass through.
public struct OrdinalEncoder: Sendable, Codable, Equatable, FittedTransformer {
    /// Per input column, the rank of each category code, or `nil` for a numeric column.
    public let ranks: [[Double]?]

    init(fitting frame: FeatureFrame) {
        ranks = frame.categories.map { categories in
            categories.map { names in
                var ranks = [Double](repeating: 0, count: names.count)
                for (rank, code) in names.indices.sorted(by: { names[$0] < names[$1] }).enumerated() { ranks[code] = Double(rank) }
                return ranks
            }
        }
    }

    func transform(_ frame: FeatureFrame) -> FeatureFrame {
        var out = frame
        for (j, ranks) in ranks.enumerated() {
            guard let ranks else { continue }
            out.columns[j] = frame.columns[j].map { $0.isNaN || Int($0) >= ranks.count ? .nan : ranks[Int($0)] }
            out.categories[j] = nil
        }
        return out
    }
}
