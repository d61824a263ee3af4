/// Where each data quality check draws the line.
public struct QualityThresholds: Sendable, Equatable, Codable {
    /// The current missing share may exceed the reference's by at most this much.
    public var missingShareIncrease: Double
    /// The largest share of present current numbers outside the reference's [min, max].
    public var outOfRangeShare: Double
    /// The largest share of present current values that are categories the reference never had.
    public var unseenCategoryShare: Double
    /// The largest share of ±infinity among current numbers.
    public var nonFiniteShare: Double
    /// Whether current columns the reference lacks fail the schema check.
    public var failOnExtraColumns: Bool

    /// Thresholds with defaults: missing share up by at most 0.05, at most 5% out of range, at most 1% unseen
    /// categories, no infinities, extra columns fail.
    public init(
        missingShareIncrease: Double = 0.05, outOfRangeShare: Double = 0.05, unseenCategoryShare: Double = 0.01,
        nonFiniteShare: Double = 0, failOnExtraColumns: Bool = true
    ) {
        self.missingShareIncrease = missingShareIncrease
        self.outOfRangeShare = outOfRangeShare
        self.unseenCategoryShare = unseenCategoryShare
        self.nonFiniteShare = nonFiniteShare
        self.failOnExtraColumns = failOnExtraColumns
    }
}
