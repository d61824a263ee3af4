/// One data quality check on one column (or on the schema): the measured value against its threshold.
public struct QualityCheck: Sendable, Equatable, Codable {
    /// What a check measures.
    public enum Kind: String, Sendable, Codable {
        /// The column is in the reference but not in the current data.
        case missingColumn = "missing_column"
        /// The column is in the current data but not in the reference.
        case extraColumn = "extra_column"
        /// The current values are of another kind than the reference's (text where numbers were).
        case kind
        /// The share of missing rows.
        case missingShare = "missing_share"
        /// The share of present numbers outside the reference's range.
        case outOfRange = "out_of_range"
        /// The share of present values that are categories the reference never had.
        case unseenCategories = "unseen_categories"
        /// The share of ±infinity among the numbers.
        case nonFinite = "non_finite"
    }

    /// The outcome of a check.
    public enum Status: String, Sendable, Codable {
        case passed, failed, skipped
    }

    public var column: String
    public var check: Kind
    public var status: Status
    /// The measured share, when the check measures one.
    public var value: Double?
    /// The largest value that passes.
    public var threshold: Double?
    /// What was found, or why the check was skipped.
    public var detail: String

    /// A share compared with its threshold: passes when `value <= threshold`.
    static func share(_ column: String, _ check: Kind, value: Double, threshold: Double, detail: String) -> QualityCheck {
        QualityCheck(column: column, check: check, status: value <= threshold ? .passed : .failed, value: value,
                     threshold: threshold, detail: detail)
    }
}
