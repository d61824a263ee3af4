/// The drift test of one column: which test ran and what it found, or why none ran.
public struct ColumnDrift: Sendable, Equatable, Codable {
    /// The column's name.
    public var column: String
    /// The type the column was tested as (inferred from the current data).
    public var type: ColumnType
    /// The test that ran; `nil` when the column was skipped.
    public var method: DriftMethod?
    /// The test's statistic: D for KS, χ² for chi-squared, z for the Z-test, the distance itself otherwise.
    public var statistic: Double?
    /// The p-value of KS, chi-squared and Z; `nil` for distances.
    public var pValue: Double?
    /// Evidently's drift score: the p-value or the distance.
    public var score: Double?
    /// The threshold the score was compared with.
    public var threshold: Double?
    /// Whether the column drifted; `false` when skipped.
    public var drifted: Bool
    /// Why no test ran (missing column, empty after dropping missing values, text column, …); `nil` if one ran.
    public var skipReason: String?
    /// Whether the score was computed from a compressed reference profile rather than exact reference data.
    public var approximate: Bool

    /// A column that was not tested, and why.
    public static func skipped(_ column: String, type: ColumnType, reason: String) -> ColumnDrift {
        ColumnDrift(column: column, type: type, method: nil, statistic: nil, pValue: nil, score: nil, threshold: nil,
                    drifted: false, skipReason: reason, approximate: false)
    }
}
