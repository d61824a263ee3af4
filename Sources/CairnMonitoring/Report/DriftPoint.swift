/// The dataset-level drift of one monitor run, for the drift-over-time chart.
public struct DriftPoint: Sendable, Equatable, Codable {
    /// The end of the run's window, in milliseconds since the epoch.
    public var time: Int64
    /// The share of tested columns that drifted.
    public var shareDrifted: Double
    /// The share at which the dataset drifts.
    public var driftShare: Double

    public init(time: Int64, shareDrifted: Double, driftShare: Double) {
        self.time = time
        self.shareDrifted = shareDrifted
        self.driftShare = driftShare
    }
}
