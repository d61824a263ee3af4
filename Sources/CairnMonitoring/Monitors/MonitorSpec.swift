/// What a monitor watches and where it draws the line.
public struct MonitorSpec: Sendable, Equatable, Codable {
    /// The deployment whose prediction log is read.
    public var deployment: String
    /// How much of the log each run reads: the window ending when the run is due.
    public var window: TimeWindow
    /// How often the server runs it (runs are due at multiples of this since the epoch); `nil` runs it only on
    /// demand.
    public var schedule: TimeWindow?
    /// The reference the drift and quality tests compare the window's inputs with.
    public var reference: ReferenceProfile?
    /// Drift tests of the inputs against the reference (columns, tests, thresholds, drift share); `nil` runs none.
    public var drift: DriftOptions?
    /// Data quality checks against the reference; `nil` runs none.
    public var quality: QualityThresholds?
    /// Bounds on performance metrics, checked per model version on the labeled predictions of the window.
    public var performance: [MetricThreshold]
    /// Fewer rows than this in the window skips the data tests (too little to judge).
    public var minRows: Int
    /// URLs that receive a JSON POST when an alert of this monitor opens or resolves.
    public var webhooks: [String]

    public init(
        deployment: String, window: TimeWindow, schedule: TimeWindow? = nil, reference: ReferenceProfile? = nil, drift: DriftOptions? = nil,
        quality: QualityThresholds? = nil, performance: [MetricThreshold] = [], minRows: Int = 1, webhooks: [String] = []
    ) {
        self.deployment = deployment
        self.window = window
        self.schedule = schedule
        self.reference = reference
        self.drift = drift
        self.quality = quality
        self.performance = performance
        self.minRows = minRows
        self.webhooks = webhooks
    }
}

/// A bound on one performance metric: the check fails when the value is below `min` or above `max`.
public struct MetricThreshold: Sendable, Equatable, Codable {
    /// The metrics a threshold may name.
    public static let metrics: Set<String> = ["accuracy", "precision", "recall", "f1", "auc", "log_loss", "rmse", "mae"]

    public var metric: String
    public var min: Double?
    public var max: Double?

    public init(metric: String, min: Double? = nil, max: Double? = nil) {
        self.metric = metric
        self.min = min
        self.max = max
    }
}

/// A named monitor of a deployment.
public struct Monitor: Sendable, Equatable {
    public var name: String
    public var spec: MonitorSpec
    public var creationTime: Int64
    /// When the next scheduled run is due (milliseconds since the epoch), or `nil` for an unscheduled monitor.
    public var nextRun: Int64?

    public init(name: String, spec: MonitorSpec, creationTime: Int64, nextRun: Int64?) {
        self.name = name
        self.spec = spec
        self.creationTime = creationTime
        self.nextRun = nextRun
    }
}
