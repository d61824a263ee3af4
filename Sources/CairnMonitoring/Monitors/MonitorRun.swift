/// The outcome of a check, or of a whole run.
public enum CheckStatus: String, Sendable, Codable {
    case passed, failed, skipped
}

/// One test of a run: what was measured against what bound.
public struct CheckResult: Sendable, Equatable, Codable {
    /// `drift`, `quality.<column>.<check>` or `performance.<metric>[<model>/<version>]`.
    public var name: String
    public var status: CheckStatus
    public var value: Double?
    public var threshold: Double?
    /// What was found, or why the check was skipped.
    public var detail: String

    public init(name: String, status: CheckStatus, value: Double? = nil, threshold: Double? = nil, detail: String) {
        self.name = name
        self.status = status
        self.value = value
        self.threshold = threshold
        self.detail = detail
    }
}

/// One run of a monitor (a check run), kept as history.
public struct MonitorRun: Sendable, Equatable, Codable {
    /// What started a run.
    public enum Trigger: String, Sendable, Codable {
        case schedule, manual
    }

    public var id: String
    public var monitor: String
    public var trigger: Trigger
    /// When it ran, in milliseconds since the epoch.
    public var time: Int64
    /// The window of the log it read, `[windowStart, windowEnd)`.
    public var windowStart: Int64
    public var windowEnd: Int64
    /// Rows predicted in the window.
    public var rows: Int
    /// `failed` when any check failed, `passed` when none failed and one passed, else `skipped`.
    public var status: CheckStatus
    public var checks: [CheckResult]
    /// The drift tests' full result, for reports.
    public var drift: DriftReport?

    public init(
        id: String, monitor: String, trigger: Trigger, time: Int64, windowStart: Int64, windowEnd: Int64, rows: Int, checks: [CheckResult],
        drift: DriftReport?
    ) {
        self.id = id
        self.monitor = monitor
        self.trigger = trigger
        self.time = time
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.rows = rows
        self.checks = checks
        self.drift = drift
        status = checks.contains { $0.status == .failed } ? .failed : checks.contains { $0.status == .passed } ? .passed : .skipped
    }
}
