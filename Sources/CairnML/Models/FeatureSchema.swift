import CairnCore

/// The features a model was trained on, in order, with each categorical feature's categories.
public struct FeatureSchema: Sendable, Codable, Equatable {
    /// One input feature.
    public struct Feature: Sendable, Codable, Equatable {
        /// The column name.
        public let name: String
        /// The categories in code order for a categorical feature; `nil` for a numeric one.
        public let categories: [String]?
    }

    /// The features, in the order learners see them.
    public let features: [Feature]

    /// The schema of every column of `table` except `excluding`.
    public init(inferringFrom table: Table, excluding: Set<String> = []) {
        features = table.columns.filter { !excluding.contains($0.name) }.map {
            Feature(name: $0.name, categories: $0.isCategorical ? $0.levels : nil)
        }
    }

    /// The feature names, in order.
    public var names: [String] { features.map(\.name) }

    /// The features of `table` as numbers, one array per feature: categories become their code in this schema
    /// (a category not seen in training becomes missing), and missing values become `NaN`.
    /// - Throws: `not_found` when a feature column is absent; `invalid_argument` when a numeric feature arrives as
    ///   categories.
    public func matrix(_ table: Table) throws -> FeatureMatrix {
        let columns = try features.map { feature -> [Double] in
            let column = try table.column(named: feature.name)
            guard let categories = feature.categories else {
                guard !column.isCategorical else {
                    throw CairnError.invalid("feature '\(feature.name)' must be numeric but holds text")
                }
                return column.doubles()
            }
            let index = Dictionary(uniqueKeysWithValues: categories.enumerated().map { ($1, Double($0)) })
            return column.strings().map { $0.flatMap { index[$0] } ?? .nan }
        }
        return FeatureMatrix(columns: columns, rowCount: table.rowCount)
    }
}
