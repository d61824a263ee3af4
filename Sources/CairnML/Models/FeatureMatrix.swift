/// Features as numbers, column-major: what learners train and predict on. `NaN` marks a missing value;
/// categorical features hold category codes.
public struct FeatureMatrix: Sendable {
    /// One array of `rowCount` values per feature.
    public let columns: [[Double]]
    /// The number of rows.
    public let rowCount: Int

    /// Makes a matrix from columns of equal length.
    public init(columns: [[Double]], rowCount: Int) {
        precondition(columns.allSatisfy { $0.count == rowCount }, "feature columns differ in length")
        self.columns = columns
        self.rowCount = rowCount
    }

    /// The number of features.
    public var featureCount: Int { columns.count }

    /// The rows at `indices`, in that order.
    public func selecting(rows indices: [Int]) -> FeatureMatrix {
        FeatureMatrix(columns: columns.map { c in indices.map { c[$0] } }, rowCount: indices.count)
    }
}
