import CairnCore
import Foundation

extension MonitorService {
    /// The report of a monitor's latest run: drift, data quality and distribution overlays of that run's window
    /// against the monitor's reference, with the drift share of every run (oldest first, at most 500) for the
    /// drift-over-time chart.
    /// - Throws: `not_found` for an unknown monitor or one that has not run; `invalid_argument` when it has no
    ///   reference or the window's predictions are gone.
    public func report(_ name: String) async throws -> MonitoringReport {
        let monitor = try await get(name)
        guard let reference = monitor.spec.reference else {
            throw CairnError.invalid("Monitor '\(name)' has no reference profile to report drift against")
        }
        let runs = try await store.runs(monitor: name, limit: 500)
        guard let latest = runs.first else { throw CairnError.notFound("Monitor '\(name)' has not run yet") }
        guard let inputs = try await performance.inputs(deployment: monitor.spec.deployment, start: latest.windowStart, end: latest.windowEnd)
        else {
            throw CairnError.invalid("The latest run's window of monitor '\(name)' holds no predictions")
        }
        var report = try MonitoringReport(
            profile: reference, current: inputs, options: monitor.spec.drift ?? DriftOptions(), thresholds: monitor.spec.quality ?? QualityThresholds(),
            createdAt: Date(timeIntervalSince1970: Double(latest.time) / 1000))
        report.driftHistory = runs.reversed().compactMap { run in
            run.drift.map { DriftPoint(time: run.windowEnd, shareDrifted: $0.shareDrifted, driftShare: $0.driftShare) }
        }
        return report
    }
}
