/// The drift tests of a monitor.
public struct DriftTestBody: Codable, Sendable, Equatable {
    /// Columns to test (default: every logged input column).
    public var columns: [String]?
    /// A test for every column (`ks`, `chisquare`, `z`, `psi`, `jensenshannon`, `wasserstein`); default automatic.
    public var method: String?
    /// A threshold for every test; default each test's own.
    public var threshold: Double?
    /// Dataset drift at this share of drifted columns (default 0.5).
    public var drift_share: Double?

    public init(columns: [String]? = nil, method: String? = nil, threshold: Double? = nil, drift_share: Double? = nil) {
        self.columns = columns
        self.method = method
        self.threshold = threshold
        self.drift_share = drift_share
    }
}

/// The data quality thresholds of a monitor; each absent one keeps its default.
public struct QualityTestBody: Codable, Sendable, Equatable {
    public var missing_share_increase: Double?
    public var out_of_range_share: Double?
    public var unseen_category_share: Double?
    public var non_finite_share: Double?
    public var fail_on_extra_columns: Bool?

    public init(
        missing_share_increase: Double? = nil, out_of_range_share: Double? = nil, unseen_category_share: Double? = nil,
        non_finite_share: Double? = nil, fail_on_extra_columns: Bool? = nil
    ) {
        self.missing_share_increase = missing_share_increase
        self.out_of_range_share = out_of_range_share
        self.unseen_category_share = unseen_category_share
        self.non_finite_share = non_finite_share
        self.fail_on_extra_columns = fail_on_extra_columns
    }
}

/// A bound on a performance metric.
public struct MetricThresholdBody: Codable, Sendable, Equatable {
    public var metric: String
    public var min: Double?
    public var max: Double?

    public init(metric: String, min: Double? = nil, max: Double? = nil) {
        self.metric = metric
        self.min = min
        self.max = max
    }
}

/// A monitor as created (`POST /api/cairn/v1/monitors`) and shown (without its reference profile).
public struct MonitorBody: Codable, Sendable, Equatable {
    public var name: String
    public var deployment: String
    /// How much of the log each run reads (`1h`).
    public var window: String
    /// How often the server runs it (`15m`); absent: only on demand.
    public var schedule: String?
    /// A reference profile as `cairn monitor profile` writes it; required for drift and quality tests. Not echoed.
    public var reference: JSONValue?
    public var drift: DriftTestBody?
    public var quality: QualityTestBody?
    public var performance: [MetricThresholdBody]?
    /// Fewer rows in the window skips the data tests (default 1).
    public var min_rows: Int?
    public var webhooks: [String]?
    /// Set by the server.
    public var creation_time: Int64?
    public var next_run: Int64?

    public init(
        name: String, deployment: String, window: String, schedule: String? = nil, reference: JSONValue? = nil, drift: DriftTestBody? = nil,
        quality: QualityTestBody? = nil, performance: [MetricThresholdBody]? = nil, min_rows: Int? = nil, webhooks: [String]? = nil,
        creation_time: Int64? = nil, next_run: Int64? = nil
    ) {
        self.name = name
        self.deployment = deployment
        self.window = window
        self.schedule = schedule
        self.reference = reference
        self.drift = drift
        self.quality = quality
        self.performance = performance
        self.min_rows = min_rows
        self.webhooks = webhooks
        self.creation_time = creation_time
        self.next_run = next_run
    }
}

/// `{"monitor": …}`.
public struct MonitorResponse: Codable, Sendable {
    public var monitor: MonitorBody
    public init(monitor: MonitorBody) { self.monitor = monitor }
}

/// `{"monitors": […]}`, by name.
public struct MonitorsResponse: Codable, Sendable {
    public var monitors: [MonitorBody]
    public init(monitors: [MonitorBody]) { self.monitors = monitors }
}

/// One check of a run.
public struct CheckBody: Codable, Sendable, Equatable {
    public var name: String
    /// `passed`, `failed` or `skipped`.
    public var status: String
    public var value: Double?
    public var threshold: Double?
    public var detail: String

    public init(name: String, status: String, value: Double?, threshold: Double?, detail: String) {
        self.name = name
        self.status = status
        self.value = value
        self.threshold = threshold
        self.detail = detail
    }
}

/// One run of a monitor.
public struct MonitorRunBody: Codable, Sendable, Equatable {
    public var id: String
    public var monitor: String
    /// `schedule` or `manual`.
    public var trigger: String
    public var time: Int64
    public var window_start: Int64
    public var window_end: Int64
    public var rows: Int
    /// `passed`, `failed` or `skipped`.
    public var status: String
    public var checks: [CheckBody]
    /// The drift result as `cairn monitor drift --json` prints it, when drift was tested.
    public var drift: JSONValue?

    public init(
        id: String, monitor: String, trigger: String, time: Int64, window_start: Int64, window_end: Int64, rows: Int, status: String,
        checks: [CheckBody], drift: JSONValue?
    ) {
        self.id = id
        self.monitor = monitor
        self.trigger = trigger
        self.time = time
        self.window_start = window_start
        self.window_end = window_end
        self.rows = rows
        self.status = status
        self.checks = checks
        self.drift = drift
    }
}

/// `{"run": …}`.
public struct MonitorRunResponse: Codable, Sendable {
    public var run: MonitorRunBody
    public init(run: MonitorRunBody) { self.run = run }
}

/// `{"runs": […]}`, newest first.
public struct MonitorRunsResponse: Codable, Sendable {
    public var runs: [MonitorRunBody]
    public init(runs: [MonitorRunBody]) { self.runs = runs }
}

/// One webhook delivery attempt.
public struct DeliveryBody: Codable, Sendable, Equatable {
    public var url: String
    public var event: String
    public var attempt: Int
    public var time: Int64
    public var status_code: Int?
    public var error: String?

    public init(url: String, event: String, attempt: Int, time: Int64, status_code: Int?, error: String?) {
        self.url = url
        self.event = event
        self.attempt = attempt
        self.time = time
        self.status_code = status_code
        self.error = error
    }
}

/// One alert, with its webhook deliveries.
public struct AlertBody: Codable, Sendable, Equatable {
    public var id: String
    public var monitor: String
    public var deployment: String
    /// `open` or `resolved`.
    public var status: String
    public var opened_at: Int64
    public var opened_by: String
    public var resolved_at: Int64?
    public var resolved_by: String?
    public var summary: String
    public var deliveries: [DeliveryBody]

    public init(
        id: String, monitor: String, deployment: String, status: String, opened_at: Int64, opened_by: String, resolved_at: Int64?,
        resolved_by: String?, summary: String, deliveries: [DeliveryBody]
    ) {
        self.id = id
        self.monitor = monitor
        self.deployment = deployment
        self.status = status
        self.opened_at = opened_at
        self.opened_by = opened_by
        self.resolved_at = resolved_at
        self.resolved_by = resolved_by
        self.summary = summary
        self.deliveries = deliveries
    }
}

/// `{"alerts": […]}`, newest first.
public struct AlertsResponse: Codable, Sendable {
    public var alerts: [AlertBody]
    public init(alerts: [AlertBody]) { self.alerts = alerts }
}
