/// Standardizes numeric columns with their training mean and population standard deviation (1 for a constant
/// column), like scikit-learn's `StandardScaler`; missing values stay missing and categorical columns pass through.
public struct StandardScaler: Sendable, Codable, Equatable, FittedTransformer {
    /// Per column, the training mean and scale, or `nil` for a categorical column.
    public let statistics: [Statistics?]

    /// A numeric column's training mean and scale.
    public struct Statistics: Sendable, Codable, Equatable {
        public let mean: Double
        public let scale: Double
    }

    init(fitting frame: FeatureFrame) {
        statistics = zip(frame.columns, frame.categories).map { column, categories in
            guard categories == nil else { return nil }
            let (mean, scale) = ColumnStatistics.meanAndScale(column)
            return Statistics(mean: mean, scale: scale)
        }
    }

    func transform(_ frame: FeatureFrame) -> FeatureFrame {
        var out = frame
        for (j, statistics) in self.statistics.enumerated() {
            guard let statistics else { continue }
            out.columns[j] = frame.columns[j].map { ($0 - statistics.mean) / statistics.scale }
        }
        return out
    }
}
