/// Replaces each categorical column by one 0/1 column per training category, in sorted category order, like
/// scikit-learn's `OneHotEncoder(handle_unknown="ignore")`: a missing or unseen category sets no column. Numeric
/// columns pass through.
public struct OneHotEncoder: Sendable, Codable, Equatable, FittedTransformer {
    /// Per input column, the category codes in output order, or `nil` for a numeric column.
    public let codeOrder: [[Int]?]

    init(fitting frame: FeatureFrame) {
        codeOrder = frame.categories.map { categories in
            categories.map { names in names.indices.sorted { names[$0] < names[$1] } }
        }
    }

    func transform(_ frame: FeatureFrame) -> FeatureFrame {
        var names: [String] = []
        var columns: [[Double]] = []
        var categories: [[String]?] = []
        var origins: [Int] = []
        for j in frame.columns.indices {
            guard let order = codeOrder[j], let levels = frame.categories[j] else {
                names.append(frame.names[j])
                columns.append(frame.columns[j])
                categories.append(frame.categories[j])
                origins.append(frame.origins[j])
                continue
            }
            for code in order {
                let value = Double(code)
                names.append("\(frame.names[j])=\(levels[code])")
                columns.append(frame.columns[j].map { $0 == value ? 1 : 0 })
                categories.append(nil)
                origins.append(frame.origins[j])
            }
        }
        return FeatureFrame(names: names, columns: columns, categories: categories, rowCount: frame.rowCount, origins: origins)
    }
}
