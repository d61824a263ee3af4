/// Hears what monitoring did, for metrics; calls must return at once.
public protocol MonitoringObserver: Sendable {
    /// A monitor run was stored.
    func runFinished(_ run: MonitorRun)

    /// A webhook delivery attempt was made (and recorded).
    func deliveryAttempted(_ delivery: WebhookDelivery)
}
