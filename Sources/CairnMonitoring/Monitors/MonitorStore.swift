/// Where monitors, their runs and the scheduler's leases are stored. Every method is one transaction.
public protocol MonitorStore: Sendable {
    /// Stores a new monitor.
    /// - Throws: `already_exists` when the name is taken.
    func createMonitor(_ monitor: Monitor) async throws

    /// The monitor of that name, or `nil`.
    func monitor(named name: String) async throws -> Monitor?

    /// Every monitor, by name.
    func monitors() async throws -> [Monitor]

    /// The names of the monitors due at `now` (a next run time at or before it), by name, without reading their
    /// specs: the scheduler asks this every few seconds.
    func dueMonitors(at now: Int64) async throws -> [String]

    /// Deletes a monitor with its runs and alerts.
    /// - Returns: whether it existed.
    func deleteMonitor(named name: String) async throws -> Bool

    /// Sets when the monitor's next scheduled run is due (a no-op for an unknown monitor).
    func setNextRun(monitor: String, at time: Int64) async throws

    /// Appends a run to the monitor's history (one statement: the monitor's existence is checked by the insert).
    /// - Throws: `not_found` when the monitor was deleted meanwhile.
    func appendRun(_ run: MonitorRun) async throws

    /// The monitor's runs, newest first (by time, then id), at most `limit`.
    func runs(monitor: String, limit: Int) async throws -> [MonitorRun]

    /// Claims the lease `name` for `holder` until `expiresAt` when it is free: never taken, expired at `now`, or
    /// already held by `holder` (which renews it). Atomic: of claimers racing for a free lease, exactly one wins.
    /// - Returns: whether `holder` now holds the lease.
    func claimLease(_ name: String, holder: String, now: Int64, expiresAt: Int64) async throws -> Bool

    /// Gives the lease up if `holder` holds it.
    func releaseLease(_ name: String, holder: String) async throws
}

/// Where alerts and webhook deliveries are stored. Every method is one transaction.
public protocol AlertStore: Sendable {
    /// Opens an alert unless one is already open for its monitor or the monitor was deleted.
    /// - Returns: whether it was opened.
    func openAlert(_ alert: Alert) async throws -> Bool

    /// Resolves the monitor's open alert, if there is one.
    /// - Returns: the resolved alert, or `nil` when none was open.
    func resolveAlert(monitor: String, by run: String, at time: Int64) async throws -> Alert?

    /// Alerts, newest first (by opening time, then id), of one monitor or all, open or all, at most `limit`.
    func alerts(monitor: String?, openOnly: Bool, limit: Int) async throws -> [Alert]

    /// Records a delivery attempt (a no-op when the alert was deleted meanwhile).
    func recordDelivery(_ delivery: WebhookDelivery) async throws

    /// The delivery attempts of several alerts in one query, by alert id, each alert's oldest first; an alert
    /// without attempts (or unknown) has no entry.
    func deliveries(alertIDs: [String]) async throws -> [String: [WebhookDelivery]]
}
