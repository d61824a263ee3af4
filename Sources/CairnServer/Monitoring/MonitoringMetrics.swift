import CairnMonitoring
import Metrics

/// Monitoring's counters: `cairn_monitor_runs_total{monitor, trigger, status}` and
/// `cairn_webhook_deliveries_total{outcome="ok"|"failed"}`.
struct MonitoringMetrics: MonitoringObserver {
    func runFinished(_ run: MonitorRun) {
        Counter(
            label: "cairn_monitor_runs_total",
            dimensions: [("monitor", run.monitor), ("trigger", run.trigger.rawValue), ("status", run.status.rawValue)]
        ).increment()
    }

    func deliveryAttempted(_ delivery: WebhookDelivery) {
        Counter(label: "cairn_webhook_deliveries_total", dimensions: [("outcome", delivery.error == nil ? "ok" : "failed")]).increment()
    }
}
