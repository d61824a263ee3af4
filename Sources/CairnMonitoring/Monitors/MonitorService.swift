import CairnCore
import Foundation

/// Declares monitors of deployments, runs their checks (on demand or when due), keeps their history, and opens
/// and resolves alerts.
public struct MonitorService: Sendable {
    /// How long a monitor's lease lasts unless renewed, in milliseconds; the replica running the monitor renews it
    /// every third of that, so a long run keeps it and a replica that dies loses it within this time.
    public static let leaseDuration: Int64 = 300_000

    let store: any MonitorStore
    let alerts: any AlertStore
    /// Performance and inputs over the prediction log, as the checks read them.
    public let performance: PerformanceService
    let notifier: (any AlertNotifier)?
    let observer: (any MonitoringObserver)?
    let clock: any WallClock

    public init(
        store: any MonitorStore, alerts: any AlertStore, log: any PredictionLogReader, notifier: (any AlertNotifier)? = nil,
        observer: (any MonitoringObserver)? = nil, clock: any WallClock = SystemClock()
    ) {
        self.store = store
        self.alerts = alerts
        self.performance = PerformanceService(log: log, clock: clock)
        self.notifier = notifier
        self.observer = observer
        self.clock = clock
    }

    /// Declares a monitor; a scheduled one is first due at the next multiple of its schedule.
    /// - Throws: `invalid_argument` for a bad name or spec, `not_found` for an unknown deployment,
    ///   `already_exists` for a taken name.
    public func create(name: String, spec: MonitorSpec) async throws -> Monitor {
        try MonitorValidation.check(name: name, spec: spec)
        guard try await performance.log.deploymentExists(spec.deployment) else {
            throw CairnError.notFound("Deployment '\(spec.deployment)' does not exist")
        }
        let now = clock.nowMillis()
        let monitor = Monitor(name: name, spec: spec, creationTime: now, nextRun: spec.schedule.map { $0.start(containing: now) + $0.milliseconds })
        try await store.createMonitor(monitor)
        return monitor
    }

    /// Every monitor, by name.
    public func list() async throws -> [Monitor] { try await store.monitors() }

    /// - Throws: `not_found` for an unknown monitor.
    public func get(_ name: String) async throws -> Monitor {
        guard let monitor = try await store.monitor(named: name) else { throw CairnError.notFound("Monitor '\(name)' does not exist") }
        return monitor
    }

    /// Deletes a monitor with its history and alerts.
    /// - Throws: `not_found` for an unknown monitor.
    public func delete(_ name: String) async throws {
        guard try await store.deleteMonitor(named: name) else { throw CairnError.notFound("Monitor '\(name)' does not exist") }
    }

    /// The monitor's runs, newest first.
    /// - Throws: `not_found` for an unknown monitor, `invalid_argument` for a limit outside 1–1000.
    public func history(_ name: String, limit: Int = 20) async throws -> [MonitorRun] {
        guard (1...1000).contains(limit) else { throw CairnError.invalid("limit must be from 1 to 1000") }
        _ = try await get(name)
        return try await store.runs(monitor: name, limit: limit)
    }

    /// Alerts, newest first, each with its webhook delivery attempts (oldest first).
    /// - Parameters:
    ///   - monitor: only this monitor's alerts, or all.
    ///   - openOnly: only open alerts.
    /// - Throws: `not_found` for an unknown monitor, `invalid_argument` for a limit outside 1–1000.
    public func alertHistory(monitor: String?, openOnly: Bool, limit: Int = 100) async throws
        -> [(alert: Alert, deliveries: [WebhookDelivery])]
    {
        guard (1...1000).contains(limit) else { throw CairnError.invalid("limit must be from 1 to 1000") }
        if let monitor { _ = try await get(monitor) }
        let found = try await alerts.alerts(monitor: monitor, openOnly: openOnly, limit: limit)
        let deliveries = try await alerts.deliveries(alertIDs: found.map(\.id))
        return found.map { ($0, deliveries[$0.id] ?? []) }
    }

    /// Runs a monitor now on the window ending now.
    /// - Throws: `not_found` for an unknown monitor.
    public func run(_ name: String) async throws -> MonitorRun {
        try await execute(try await get(name), trigger: .manual, windowEnd: clock.nowMillis())
    }

    /// Runs every scheduled monitor that is due, each under a lease so that of several replicas calling this at
    /// once exactly one runs each due check; then sets its next due time.
    ///
    /// A monitor whose due times passed while no replica ran (the server was down) catches up: one run per
    /// missed due time, each on its own window of the log, oldest first, the next due time advancing after each
    /// (so a replica that stops half-way leaves the rest to the next). Only the latest ``maxCatchUpRuns`` due
    /// times are run; older ones are not run and are counted in the outcome's `notRun`.
    /// - Parameter holder: this replica's identity.
    /// - Returns: the runs made here, the missed due times not run per monitor, and the monitors whose run failed
    ///   with the error.
    public func runDue(holder: String) async throws
        -> (runs: [MonitorRun], notRun: [(monitor: String, count: Int)], failures: [(monitor: String, error: any Error)])
    {
        var runs: [MonitorRun] = []
        var notRun: [(monitor: String, count: Int)] = []
        var failures: [(monitor: String, error: any Error)] = []
        let now = clock.nowMillis()
        for name in try await store.dueMonitors(at: now) {
            let lease = "monitor/" + name
            guard try await store.claimLease(lease, holder: holder, now: now, expiresAt: now + Self.leaseDuration) else { continue }
            do {
                // Read again under the lease: another replica may have run it since the list was read.
                if let monitor = try await store.monitor(named: name), let schedule = monitor.spec.schedule,
                    let due = monitor.nextRun, due <= now
                {
                    let (windowEnds, skipped) = Self.dueWindowEnds(from: due, schedule: schedule, now: now)
                    if skipped > 0 { notRun.append((monitor.name, skipped)) }
                    try await holding(lease, holder: holder) {
                        var stamp: Int64 = 0
                        for (index, end) in windowEnds.enumerated() {
                            // Catch-up runs are stamped at least a millisecond apart, so history lists them in order.
                            stamp = max(clock.nowMillis(), stamp + 1)
                            do {
                                runs.append(try await execute(monitor, trigger: .schedule, windowEnd: end, at: stamp))
                            } catch where index < windowEnds.count - 1 {
                                // A past window that fails is reported and passed, so it cannot hold the newer ones back.
                                failures.append((monitor.name, error))
                            }
                            try await store.setNextRun(monitor: monitor.name, at: end + schedule.milliseconds)
                        }
                    }
                }
            } catch {
                failures.append((name, error))
            }
            try await store.releaseLease(lease, holder: holder)
        }
        return (runs, notRun, failures)
    }

    /// At most this many missed due times of one monitor are run when the scheduler catches up.
    public static let maxCatchUpRuns = 24

    /// The ends of the windows to run for a monitor due since `due`: every multiple of `schedule` from `due`
    /// to `now`, oldest first, the latest ``maxCatchUpRuns`` of them; and how many older ones are left out.
    static func dueWindowEnds(from due: Int64, schedule: TimeWindow, now: Int64) -> (ends: [Int64], notRun: Int) {
        let latest = schedule.start(containing: now)
        let first = schedule.start(containing: due) == due ? due : schedule.start(containing: due) + schedule.milliseconds
        guard first <= latest else { return ([latest], 0) }
        let missed = Int((latest - first) / schedule.milliseconds) + 1
        let kept = min(missed, maxCatchUpRuns)
        let ends = (0..<kept).reversed().map { latest - Int64($0) * schedule.milliseconds }
        return (ends, missed - kept)
    }

    /// Runs `body` while renewing `lease` for `holder` every third of `duration` (real time), so no other replica
    /// takes the lease however long `body` runs.
    func holding<T: Sendable>(
        _ lease: String, holder: String, duration: Int64 = leaseDuration, _ body: () async throws -> T
    ) async throws -> T {
        let renewal = Task { [store, clock] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(duration / 3))
                guard !Task.isCancelled else { return }
                let now = clock.nowMillis()
                _ = try? await store.claimLease(lease, holder: holder, now: now, expiresAt: now + duration)
            }
        }
        defer { renewal.cancel() }
        return try await body()
    }

    /// Runs the checks on `[windowEnd - window, windowEnd)`, stores the run (stamped `time`, by default now), and
    /// opens or resolves the alert.
    func execute(_ monitor: Monitor, trigger: MonitorRun.Trigger, windowEnd: Int64, at time: Int64? = nil) async throws -> MonitorRun {
        let spec = monitor.spec
        let start = windowEnd - spec.window.milliseconds
        var checks: [CheckResult] = []
        var drift: DriftReport?
        var rows = 0
        do {
            // The window's log is read once for every check.
            let records = try await performance.read(deployment: spec.deployment, start: start, end: windowEnd)
            if spec.drift != nil || spec.quality != nil {
                let inputs = try PerformanceService.inputs(of: records)
                rows = inputs?.rowCount ?? 0
                (checks, drift) = MonitorChecks.data(spec, inputs: inputs)
            }
            if !spec.performance.isEmpty {
                let report = try performance.measure(
                    records, deployment: spec.deployment, start: start, end: windowEnd, window: spec.window
                ) { _ in (start, windowEnd) }
                rows = max(rows, report.windows.map(\.predictions).reduce(0, +))
                checks += MonitorChecks.performance(spec, report: report)
            }
        } catch let error as CairnError where error.code == .notFound || error.code == .invalidArgument {
            checks = [MonitorChecks.skipped("run", error.message)]
        }
        let run = MonitorRun(
            id: UUID().uuidString.lowercased(), monitor: monitor.name, trigger: trigger, time: time ?? clock.nowMillis(), windowStart: start,
            windowEnd: windowEnd, rows: rows, checks: checks, drift: drift)
        try await store.appendRun(run)
        observer?.runFinished(run)
        try await updateAlert(monitor, after: run)
        return run
    }

    /// A failed run opens an alert (unless one is open), a passed run resolves the open one; a skipped run changes
    /// nothing. Webhooks hear of each change.
    private func updateAlert(_ monitor: Monitor, after run: MonitorRun) async throws {
        switch run.status {
        case .failed:
            let failed = run.checks.filter { $0.status == .failed }
            let alert = Alert(
                id: UUID().uuidString.lowercased(), monitor: monitor.name, deployment: monitor.spec.deployment, status: .open, openedAt: run.time,
                openedBy: run.id, summary: failed.map { "\($0.name): \($0.detail)" }.joined(separator: "; "))
            if try await alerts.openAlert(alert) { notifier?.notify(AlertEvent(kind: .opened, alert: alert, run: run), urls: monitor.spec.webhooks) }
        case .passed:
            if let resolved = try await alerts.resolveAlert(monitor: monitor.name, by: run.id, at: run.time) {
                notifier?.notify(AlertEvent(kind: .resolved, alert: resolved, run: run), urls: monitor.spec.webhooks)
            }
        case .skipped:
            break
        }
    }
}
