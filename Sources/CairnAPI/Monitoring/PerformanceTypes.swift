/// One model version's performance in one window.
public struct PerformanceWindowBody: Codable, Sendable, Equatable {
    public var start: Int64
    public var end: Int64
    public var model: String
    public var version: String
    /// Rows predicted in the window.
    public var predictions: Int
    /// Rows with a posted label.
    public var labeled: Int
    /// `accuracy`, `precision`, `recall`, `f1`, `auc`, `log_loss` or `rmse`, `mae`.
    public var metrics: [String: Double]
    /// Why no metric was computed (`no labels yet`).
    public var skip_reason: String?

    public init(
        start: Int64, end: Int64, model: String, version: String, predictions: Int, labeled: Int, metrics: [String: Double], skip_reason: String?
    ) {
        self.start = start
        self.end = end
        self.model = model
        self.version = version
        self.predictions = predictions
        self.labeled = labeled
        self.metrics = metrics
        self.skip_reason = skip_reason
    }
}

/// `GET /api/cairn/v1/deployments/{name}/performance` response.
public struct PerformanceResponse: Codable, Sendable, Equatable {
    public var deployment: String
    /// `classification`, `regression`, or absent when nothing was predicted.
    public var task: String?
    /// The window length, as given (`1h`).
    public var window: String
    public var start: Int64
    public var end: Int64
    public var windows: [PerformanceWindowBody]
    public var skip_reason: String?

    public init(
        deployment: String, task: String?, window: String, start: Int64, end: Int64, windows: [PerformanceWindowBody], skip_reason: String?
    ) {
        self.deployment = deployment
        self.task = task
        self.window = window
        self.start = start
        self.end = end
        self.windows = windows
        self.skip_reason = skip_reason
    }
}

/// `POST /api/cairn/v1/deployments/{name}/drift` request: the logged inputs of `[start, end)` against a reference
/// profile (as `cairn monitor profile` writes it).
public struct WindowDriftRequest: Codable, Sendable {
    public var reference: JSONValue
    public var start: Int64
    public var end: Int64
    public var columns: [String]?
    public var drift_share: Double?

    public init(reference: JSONValue, start: Int64, end: Int64, columns: [String]? = nil, drift_share: Double? = nil) {
        self.reference = reference
        self.start = start
        self.end = end
        self.columns = columns
        self.drift_share = drift_share
    }
}
