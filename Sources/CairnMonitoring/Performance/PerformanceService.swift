import CairnCore
import CairnML

/// Joins a deployment's logged predictions with their late labels and measures them over time windows, per model
/// version; and reads a window of logged inputs for drift tests.
public struct PerformanceService: Sendable {
    /// Most prediction requests read for one answer.
    public static let maxPredictions = 200_000
    /// Most windows in one range.
    public static let maxWindows = 10_000

    let log: any PredictionLogReader
    let clock: any WallClock

    public init(log: any PredictionLogReader, clock: any WallClock = SystemClock()) {
        self.log = log
        self.clock = clock
    }

    /// The performance of every model version of a deployment, per window.
    ///
    /// A window in which a version predicted but no label arrived yet is listed with `skipReason` "no labels yet";
    /// a range with no predictions at all gives no windows and a `skipReason`.
    /// - Parameters:
    ///   - start: the range's start in milliseconds (aligned down to the window); default 24 windows before `end`.
    ///   - end: the range's end (exclusive); default now.
    /// - Throws: `not_found` for an unknown deployment; `invalid_argument` for `start ≥ end`, more than
    ///   ``maxWindows`` windows or more than ``maxPredictions`` requests in the range.
    public func performance(deployment: String, window: TimeWindow, start: Int64? = nil, end: Int64? = nil) async throws -> PerformanceReport {
        let range = try self.range(window: window, start: start, end: end)
        let records = try await read(deployment: deployment, start: range.start, end: range.end)
        return try measure(records, deployment: deployment, start: range.start, end: range.end, window: window) { time in
            let start = window.start(containing: time)
            return (start, start + window.milliseconds)
        }
    }

    /// Measures `records`, the predictions of `[start, end)`, grouped by the window `bucket` gives each prediction
    /// time.
    func measure(
        _ records: [LabeledPrediction], deployment: String, start: Int64, end: Int64, window: TimeWindow,
        bucket: (Int64) -> (start: Int64, end: Int64)
    ) throws -> PerformanceReport {
        var groups: [WindowKey: WindowRows] = [:]
        var task: PredictionTask?
        for record in records {
            let outputs = try LoggedJSON.columns(record.outputs)
            let recordTask = PerformanceMetrics.task(outputs: outputs.columns)
            task = recordTask ?? task
            let range = bucket(record.time)
            let key = WindowKey(start: range.start, end: range.end, model: record.model, version: record.version)
            groups[key, default: WindowRows()].add(record, outputs: outputs, task: recordTask)
        }
        let windows = groups.keys.sorted().map { groups[$0]!.measured(key: $0) }
        return PerformanceReport(
            deployment: deployment, task: task, window: window, start: start, end: end, windows: windows,
            skipReason: records.isEmpty ? "no predictions in the range" : nil)
    }

    /// The inputs of a deployment's predictions made in `[start, end)`, as one table.
    /// - Returns: the table, or `nil` when nothing was predicted in the range.
    /// - Throws: `not_found` for an unknown deployment; `invalid_argument` for `start ≥ end` or more than
    ///   ``maxPredictions`` requests.
    public func inputs(deployment: String, start: Int64, end: Int64) async throws -> Table? {
        guard start < end else { throw CairnError.invalid("start must be before end") }
        return try Self.inputs(of: try await read(deployment: deployment, start: start, end: end))
    }

    /// The inputs of `records` as one table, or `nil` for no records.
    static func inputs(of records: [LabeledPrediction]) throws -> Table? {
        try records.isEmpty ? nil : LoggedJSON.inputTable(records)
    }

    /// Drift of the inputs logged in `[start, end)` against a reference profile.
    /// - Throws: `not_found` for an unknown deployment; `invalid_argument` for an empty window, `start ≥ end`, too
    ///   many requests, or a named column that was not logged.
    public func drift(deployment: String, reference: ReferenceProfile, start: Int64, end: Int64, options: DriftOptions) async throws -> DriftReport {
        guard let inputs = try await inputs(deployment: deployment, start: start, end: end) else {
            throw CairnError.invalid("No predictions of deployment '\(deployment)' in the window; nothing to test")
        }
        return try DriftDetector.run(profile: reference, current: inputs, options: options)
    }

    /// A reference profile of the inputs logged in `[start, end)` (a period the model served well, say).
    /// - Throws: `not_found` for an unknown deployment; `invalid_argument` for an empty window, `start ≥ end`, too
    ///   many requests, or `maxPoints` below 2.
    public func profile(deployment: String, start: Int64, end: Int64, maxPoints: Int = ReferenceProfile.defaultMaxPoints) async throws -> ReferenceProfile {
        guard let inputs = try await inputs(deployment: deployment, start: start, end: end) else {
            throw CairnError.invalid("No predictions of deployment '\(deployment)' in the window; nothing to profile")
        }
        return try ReferenceProfile(inputs, maxPoints: maxPoints)
    }

    /// The range `[start, end)` the arguments name, its start aligned to the window.
    func range(window: TimeWindow, start: Int64?, end: Int64?) throws -> (start: Int64, end: Int64) {
        let end = end ?? clock.nowMillis()
        let start = window.start(containing: start ?? (end - 24 * window.milliseconds))
        guard start < end else { throw CairnError.invalid("start must be before end") }
        guard (end - start) / window.milliseconds < Int64(Self.maxWindows) else {
            throw CairnError.invalid("The range holds more than \(Self.maxWindows) windows of \(window); use a longer window or a shorter range")
        }
        return (start, end)
    }

    /// The labeled predictions of `[start, end)`.
    /// - Throws: `not_found` for an unknown deployment; `invalid_argument` for more than ``maxPredictions``.
    func read(deployment: String, start: Int64, end: Int64) async throws -> [LabeledPrediction] {
        guard try await log.deploymentExists(deployment) else { throw CairnError.notFound("Deployment '\(deployment)' does not exist") }
        let records = try await log.labeledPredictions(deployment: deployment, start: start, end: end, limit: Self.maxPredictions + 1)
        guard records.count <= Self.maxPredictions else {
            throw CairnError.invalid("More than \(Self.maxPredictions) predictions in the range; narrow it with start and end")
        }
        return records
    }
}

/// A window of one model version.
private struct WindowKey: Hashable, Comparable {
    var start: Int64
    var end: Int64
    var model: String
    var version: String

    static func < (a: WindowKey, b: WindowKey) -> Bool {
        (a.start, a.model, a.version.count, a.version) < (b.start, b.model, b.version.count, b.version)
    }
}

/// The rows of one window as they are read.
private struct WindowRows {
    var predictions = 0
    var labeled: [PerformanceMetrics.Row] = []
    var misfitLabels = 0
    var task: PredictionTask?

    /// Adds a record whose outputs show `task` (if they show one).
    mutating func add(_ record: LabeledPrediction, outputs: (columns: [String: [LoggedJSON.Value]], rows: Int), task: PredictionTask?) {
        predictions += outputs.rows
        self.task = task ?? self.task
        guard let label = record.label else { return }
        guard let labels = LoggedJSON.labels(label, rows: outputs.rows) else {
            misfitLabels += 1
            return
        }
        for (row, label) in labels.enumerated() where label != .missing {
            labeled.append(.init(outputs: outputs.columns.compactMapValues { row < $0.count ? $0[row] : nil }, label: label))
        }
    }

    func measured(key: WindowKey) -> PerformanceWindow {
        var window = PerformanceWindow(
            start: key.start, end: key.end, model: key.model, version: key.version, predictions: predictions,
            labeled: labeled.count, metrics: [:], skipReason: nil)
        let misfit = misfitLabels == 0 ? "" : " (\(misfitLabels) labels do not fit their request's rows)"
        guard let task else {
            window.skipReason = "the outputs have neither a label nor a prediction column"
            return window
        }
        guard !labeled.isEmpty else {
            window.skipReason = "no labels yet" + misfit
            return window
        }
        do {
            window.metrics = try PerformanceMetrics.compute(labeled, task: task)
        } catch let error as CairnError {
            window.skipReason = error.message + misfit
        } catch {
            window.skipReason = "\(error)"
        }
        return window
    }
}
