/// What a deployment's model predicts, as its logged outputs show.
public enum PredictionTask: String, Sendable, Codable {
    /// Outputs carry `label` (and `probability(<class>)` columns).
    case classification
    /// Outputs carry `prediction`.
    case regression
}

/// The measured quality of one model version in one time window.
public struct PerformanceWindow: Sendable, Equatable, Codable {
    /// The window's start (inclusive) and end (exclusive), in milliseconds since the epoch.
    public var start: Int64
    public var end: Int64
    public var model: String
    public var version: String
    /// Rows predicted in the window.
    public var predictions: Int
    /// Rows among them whose label was posted (and fits the request).
    public var labeled: Int
    /// Metric name to value: `accuracy`, `precision`, `recall`, `f1`, `auc`, `log_loss` for a classifier, `rmse`
    /// and `mae` for a regressor. A metric that cannot be computed (AUC with one class present) is absent.
    public var metrics: [String: Double]
    /// Why no metric was computed (no labels yet), or `nil`.
    public var skipReason: String?

    public init(
        start: Int64, end: Int64, model: String, version: String, predictions: Int, labeled: Int, metrics: [String: Double],
        skipReason: String?
    ) {
        self.start = start
        self.end = end
        self.model = model
        self.version = version
        self.predictions = predictions
        self.labeled = labeled
        self.metrics = metrics
        self.skipReason = skipReason
    }
}

/// A deployment's performance over a time range: one entry per window and model version that predicted in it.
public struct PerformanceReport: Sendable, Equatable, Codable {
    public var deployment: String
    /// The task the outputs show, or `nil` when nothing was predicted.
    public var task: PredictionTask?
    public var window: TimeWindow
    /// The range read, `[start, end)`, in milliseconds since the epoch (start aligned to the window).
    public var start: Int64
    public var end: Int64
    /// Windows oldest first, then by version.
    public var windows: [PerformanceWindow]
    /// Why there is nothing to show (no predictions in the range), or `nil`.
    public var skipReason: String?

    public init(
        deployment: String, task: PredictionTask?, window: TimeWindow, start: Int64, end: Int64, windows: [PerformanceWindow],
        skipReason: String?
    ) {
        self.deployment = deployment
        self.task = task
        self.window = window
        self.start = start
        self.end = end
        self.windows = windows
        self.skipReason = skipReason
    }
}
