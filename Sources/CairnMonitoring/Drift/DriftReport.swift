/// The drift tests of every column and the dataset verdict (Evidently's `DriftedColumnsCount`).
public struct DriftReport: Sendable, Equatable, Codable {
    /// One result per requested column, in the current data's column order.
    public var columns: [ColumnDrift]
    /// The number of tested columns that drifted.
    public var driftedCount: Int
    /// Drifted columns over tested columns (skipped columns count in neither); 0 when none was tested.
    public var shareDrifted: Double
    /// Whether ``shareDrifted`` reached the drift share.
    public var datasetDrift: Bool
    /// The drift share the verdict used.
    public var driftShare: Double

    /// The report over column results: share = drifted / tested, dataset drift when share ≥ `driftShare`.
    public init(columns: [ColumnDrift], driftShare: Double) {
        self.columns = columns
        let tested = columns.filter { $0.method != nil }
        driftedCount = tested.filter(\.drifted).count
        shareDrifted = tested.isEmpty ? 0 : Double(driftedCount) / Double(tested.count)
        datasetDrift = !tested.isEmpty && shareDrifted >= driftShare
        self.driftShare = driftShare
    }

    /// The result of the named column, or `nil`.
    public subscript(column: String) -> ColumnDrift? { columns.first { $0.column == column } }
}
