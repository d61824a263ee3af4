/// What the drift tests run and where they draw the line; the defaults are Evidently's `DataDriftPreset()`.
public struct DriftOptions: Sendable, Equatable, Codable {
    /// The columns to test, in order; `nil` tests every column of the current data.
    public var columns: [String]?
    /// A test for every column, replacing the automatic choice.
    public var method: DriftMethod?
    /// A test per column, taking precedence over ``method``.
    public var perColumnMethod: [String: DriftMethod]
    /// A threshold for every test, replacing each test's default.
    public var threshold: Double?
    /// A threshold per column, taking precedence over ``threshold``.
    public var perColumnThreshold: [String: Double]
    /// The dataset drifts when the share of drifted columns is at least this (Evidently's `drift_share`).
    public var driftShare: Double

    /// Options with Evidently's defaults unless given.
    public init(
        columns: [String]? = nil, method: DriftMethod? = nil, perColumnMethod: [String: DriftMethod] = [:],
        threshold: Double? = nil, perColumnThreshold: [String: Double] = [:], driftShare: Double = 0.5
    ) {
        self.columns = columns
        self.method = method
        self.perColumnMethod = perColumnMethod
        self.threshold = threshold
        self.perColumnThreshold = perColumnThreshold
        self.driftShare = driftShare
    }
}
