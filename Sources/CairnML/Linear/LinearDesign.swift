/// The fitted preprocessing of linear models: each numeric feature becomes one column (missing values imputed
/// with the training mean), each categorical feature one indicator column per training category (missing and
/// unknown categories set none), and every column is standardized with its training mean and standard deviation.
public struct LinearDesign: Sendable, Codable, Equatable {
    /// The input feature of each design column.
    public let featureOfColumn: [Int]
    /// The category code of each indicator column; -1 for numeric columns.
    public let categoryOfColumn: [Int]
    /// Each column's training mean (for numeric columns, also the value imputed for missing ones).
    public let means: [Double]
    /// Each column's training standard deviation (population, after imputation), or 1 when it is constant.
    public let scales: [Double]

    /// Fits the design to training features.
    init(fitting features: FeatureMatrix, categories: [Int?]) {
        var featureOfColumn: [Int] = []
        var categoryOfColumn: [Int] = []
        for (f, count) in categories.enumerated() {
            if let count {
                featureOfColumn += Array(repeating: f, count: count)
                categoryOfColumn += Array(0..<count)
            } else {
                featureOfColumn.append(f)
                categoryOfColumn.append(-1)
            }
        }
        self.featureOfColumn = featureOfColumn
        self.categoryOfColumn = categoryOfColumn
        let raw = featureOfColumn.indices.map { d in
            Self.rawColumn(features.columns[featureOfColumn[d]], category: categoryOfColumn[d], mean: nil)
        }
        let means = raw.map { ColumnStatistics.meanAndScale($0).mean }
        self.means = means
        scales = zip(raw, means).map { column, mean in ColumnStatistics.meanAndScale(column.map { $0.isNaN ? mean : $0 }).scale }
    }

    /// The number of design columns.
    public var width: Int { featureOfColumn.count }

    /// The standardized design, row-major: `rowCount × width` values.
    func rows(_ features: FeatureMatrix) -> [Double] {
        var out = [Double](repeating: 0, count: features.rowCount * width)
        for d in 0..<width {
            let column = Self.rawColumn(features.columns[featureOfColumn[d]], category: categoryOfColumn[d], mean: means[d])
            for (i, value) in column.enumerated() { out[i * width + d] = (value - means[d]) / scales[d] }
        }
        return out
    }

    /// A numeric column as is (missing values replaced by `mean` when given) or the indicator of one category.
    private static func rawColumn(_ values: [Double], category: Int, mean: Double?) -> [Double] {
        if category >= 0 { return values.map { $0 == Double(category) ? 1 : 0 } }
        guard let mean else { return values }
        return values.map { $0.isNaN ? mean : $0 }
    }
}
