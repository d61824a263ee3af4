/// Features on their way through preprocessing: named numeric columns (`NaN` missing), some of which hold
/// category codes.
public struct FeatureFrame: Sendable, Equatable {
    /// Each column's name: an input feature's, or a derived one such as `color=red`.
    public var names: [String]
    /// One array of `rowCount` values per column.
    public var columns: [[Double]]
    /// The category names, in code order, of each categorical column; `nil` for numeric ones.
    public var categories: [[String]?]
    /// The number of rows.
    public let rowCount: Int
    /// Per column, the index of the input feature it derives from: a one-hot indicator's categorical feature, or
    /// the column itself before preprocessing.
    public var origins: [Int]

    /// A frame of the given columns, each derived from the input feature at `origins` (by default, from itself).
    public init(names: [String], columns: [[Double]], categories: [[String]?], rowCount: Int, origins: [Int]? = nil) {
        precondition(
            names.count == columns.count && columns.count == categories.count && (origins?.count ?? names.count) == names.count,
            "feature frame parts differ in length")
        self.names = names
        self.columns = columns
        self.categories = categories
        self.rowCount = rowCount
        self.origins = origins ?? Array(names.indices)
    }

    /// The features of `matrix` as described by `schema`.
    public init(_ schema: FeatureSchema, _ matrix: FeatureMatrix) {
        self.init(names: schema.names, columns: matrix.columns, categories: schema.features.map(\.categories), rowCount: matrix.rowCount)
    }

    /// The columns as a matrix for learners.
    public var matrix: FeatureMatrix { FeatureMatrix(columns: columns, rowCount: rowCount) }

    /// Per column, the number of categories of a categorical one, or `nil` for numeric.
    public var categoryCounts: [Int?] { categories.map { $0?.count } }
}
