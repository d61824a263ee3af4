import CairnAPI
import CairnCore
import CairnMonitoring
import Foundation

/// Maps monitoring's domain values to and from the wire types of `CairnAPI`.
enum MonitoringMapping {
    static func body(_ report: PerformanceReport) -> PerformanceResponse {
        PerformanceResponse(
            deployment: report.deployment, task: report.task?.rawValue, window: report.window.description, start: report.start, end: report.end,
            windows: report.windows.map {
                PerformanceWindowBody(
                    start: $0.start, end: $0.end, model: $0.model, version: $0.version, predictions: $0.predictions, labeled: $0.labeled,
                    metrics: $0.metrics, skip_reason: $0.skipReason)
            },
            skip_reason: report.skipReason)
    }

    /// A reference profile sent as JSON.
    /// - Throws: `invalid_argument` when it is not a profile.
    static func profile(_ value: JSONValue) throws -> ReferenceProfile {
        try ReferenceProfile.decode(try JSONEncoder().encode(value))
    }

    /// The drift options a body describes.
    /// - Throws: `invalid_argument` for an unknown test.
    static func driftOptions(_ body: DriftTestBody) throws -> DriftOptions {
        var options = DriftOptions(columns: body.columns, threshold: body.threshold, driftShare: body.drift_share ?? 0.5)
        if let method = body.method {
            guard let parsed = DriftMethod(rawValue: method) else { throw CairnError.invalid("Unknown drift test '\(method)'") }
            options.method = parsed
        }
        return options
    }

    /// The spec a create request describes.
    /// - Throws: `invalid_argument` for a bad window, schedule, reference or test.
    static func spec(_ body: MonitorBody) throws -> MonitorSpec {
        let defaults = QualityThresholds()
        return MonitorSpec(
            deployment: body.deployment, window: try TimeWindow(body.window), schedule: try body.schedule.map(TimeWindow.init),
            reference: try body.reference.map(profile), drift: try body.drift.map(driftOptions),
            quality: body.quality.map {
                QualityThresholds(
                    missingShareIncrease: $0.missing_share_increase ?? defaults.missingShareIncrease,
                    outOfRangeShare: $0.out_of_range_share ?? defaults.outOfRangeShare,
                    unseenCategoryShare: $0.unseen_category_share ?? defaults.unseenCategoryShare,
                    nonFiniteShare: $0.non_finite_share ?? defaults.nonFiniteShare,
                    failOnExtraColumns: $0.fail_on_extra_columns ?? defaults.failOnExtraColumns)
            },
            performance: (body.performance ?? []).map { MetricThreshold(metric: $0.metric, min: $0.min, max: $0.max) },
            minRows: body.min_rows ?? 1, webhooks: body.webhooks ?? [])
    }

    /// A monitor as shown (its reference profile left out: it can be large).
    static func body(_ monitor: Monitor) -> MonitorBody {
        let spec = monitor.spec
        return MonitorBody(
            name: monitor.name, deployment: spec.deployment, window: spec.window.description, schedule: spec.schedule?.description,
            drift: spec.drift.map {
                DriftTestBody(columns: $0.columns, method: $0.method?.rawValue, threshold: $0.threshold, drift_share: $0.driftShare)
            },
            quality: spec.quality.map {
                QualityTestBody(
                    missing_share_increase: $0.missingShareIncrease, out_of_range_share: $0.outOfRangeShare,
                    unseen_category_share: $0.unseenCategoryShare, non_finite_share: $0.nonFiniteShare,
                    fail_on_extra_columns: $0.failOnExtraColumns)
            },
            performance: spec.performance.map { MetricThresholdBody(metric: $0.metric, min: $0.min, max: $0.max) }, min_rows: spec.minRows,
            webhooks: spec.webhooks, creation_time: monitor.creationTime, next_run: monitor.nextRun)
    }

    static func body(_ run: MonitorRun) throws -> MonitorRunBody {
        MonitorRunBody(
            id: run.id, monitor: run.monitor, trigger: run.trigger.rawValue, time: run.time, window_start: run.windowStart,
            window_end: run.windowEnd, rows: run.rows, status: run.status.rawValue,
            checks: run.checks.map {
                CheckBody(name: $0.name, status: $0.status.rawValue, value: finite($0.value), threshold: finite($0.threshold), detail: $0.detail)
            },
            drift: try run.drift.map(driftJSON))
    }

    /// A drift report in `cairn monitor drift --json`'s shape.
    static func driftJSON(_ report: DriftReport) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: try ServingJSON.encode(DriftJSON(report)))
    }

    static func body(_ alert: Alert, deliveries: [WebhookDelivery]) -> AlertBody {
        AlertBody(
            id: alert.id, monitor: alert.monitor, deployment: alert.deployment, status: alert.status.rawValue, opened_at: alert.openedAt,
            opened_by: alert.openedBy, resolved_at: alert.resolvedAt, resolved_by: alert.resolvedBy, summary: alert.summary,
            deliveries: deliveries.map {
                DeliveryBody(url: $0.url, event: $0.event, attempt: $0.attempt, time: $0.time, status_code: $0.statusCode, error: $0.error)
            })
    }

    private static func finite(_ value: Double?) -> Double? { value.flatMap { $0.isFinite ? $0 : nil } }
}
