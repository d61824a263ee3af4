import CairnCore
import CairnMonitoring
import CairnServing
import CairnStore
import CairnTesting
import Testing

/// The `PredictionLogReader`, `MonitorStore` and `AlertStore` contracts, run against every backend.
struct MonitoringStoreContractTests {
    static func monitor(_ name: String, nextRun: Int64? = 100) throws -> Monitor {
        Monitor(
            name: name, spec: MonitorSpec(deployment: "d", window: try TimeWindow("1h"), schedule: try TimeWindow("15m"), performance: [.init(metric: "accuracy", min: 0.8)]),
            creationTime: 1, nextRun: nextRun)
    }

    static func run(_ id: String, monitor: String = "m", time: Int64, failed: Bool = false) -> MonitorRun {
        MonitorRun(
            id: id, monitor: monitor, trigger: .manual, time: time, windowStart: time - 10, windowEnd: time, rows: 3,
            checks: [CheckResult(name: "performance.accuracy[m/1]", status: failed ? .failed : .passed, value: 0.5, threshold: 0.8, detail: "x")],
            drift: nil)
    }

    static func alert(_ id: String, monitor: String = "m", at time: Int64) -> Alert {
        Alert(id: id, monitor: monitor, deployment: "d", status: .open, openedAt: time, openedBy: "run-\(id)", summary: "accuracy low")
    }

    @Test(arguments: StoreBackend.allCases)
    func labeledPredictionsJoinLabelsInTimeOrderWithinTheRange(backend: StoreBackend) async throws {
        let store = try await TestStores.store(backend)
        try await store.createDeployment(ServingStoreContractTests.deployment("d"))
        let records = [(3, "c"), (1, "a"), (2, "b"), (9, "z")].map { time, id in
            PredictionRecord(
                requestID: id, deployment: "d", model: "m", version: "1", inputs: #"{"x":[1]}"#, outputs: #"{"prediction":[2]}"#, latencyMicros: 1,
                time: Int64(time))
        } + [PredictionRecord(requestID: "o", deployment: "other", model: "m", version: "1", inputs: "{}", outputs: "{}", latencyMicros: 1, time: 2)]
        try await store.appendPredictions(records)
        _ = try await store.recordLabel(deployment: "d", requestID: "b", label: "[2.5]", time: 5)
        // When the range [1, 9) is read
        let read = try await store.labeledPredictions(deployment: "d", start: 1, end: 9, limit: 10)
        // Then its predictions come oldest first, each with its label, the end excluded and other deployments left out
        #expect(read.map(\.requestID) == ["a", "b", "c"])
        #expect(read.map(\.label) == [nil, "[2.5]", nil])
        #expect(read[1] == LabeledPrediction(requestID: "b", model: "m", version: "1", inputs: #"{"x":[1]}"#, outputs: #"{"prediction":[2]}"#, time: 2, label: "[2.5]"))
        #expect(try await store.labeledPredictions(deployment: "d", start: 0, end: 100, limit: 2).map(\.requestID) == ["a", "b"])
        #expect(try await store.deploymentExists("d"))
        #expect(try await !store.deploymentExists("other"))
    }

    @Test(arguments: StoreBackend.allCases)
    func monitorsRoundTripWithHistoryAndDeleteCascades(backend: StoreBackend) async throws {
        let store = try await TestStores.store(backend)
        try await store.createMonitor(try Self.monitor("b"))
        try await store.createMonitor(try Self.monitor("m", nextRun: nil))
        await #expect(throws: CairnError.alreadyExists("Monitor 'b' already exists")) { try await store.createMonitor(try Self.monitor("b")) }
        #expect(try await store.monitor(named: "b") == (try Self.monitor("b")))
        #expect(try await store.monitors().map(\.name) == ["b", "m"])
        try await store.setNextRun(monitor: "m", at: 500)
        #expect(try await store.monitor(named: "m")?.nextRun == 500)

        for (id, time) in [("r1", 10), ("r3", 30), ("r2", 20)] { try await store.appendRun(Self.run(id, time: Int64(time), failed: id == "r3")) }
        let history = try await store.runs(monitor: "m", limit: 10)
        #expect(history.map(\.id) == ["r3", "r2", "r1"])
        #expect(history[0] == Self.run("r3", time: 30, failed: true))
        #expect(history[0].status == .failed)
        #expect(try await store.runs(monitor: "m", limit: 1).map(\.id) == ["r3"])
        #expect(try await store.openAlert(Self.alert("a1", at: 30)))

        // Deleting the monitor takes its runs and alerts with it
        #expect(try await store.deleteMonitor(named: "m"))
        #expect(try await !store.deleteMonitor(named: "m"))
        #expect(try await store.runs(monitor: "m", limit: 10).isEmpty)
        #expect(try await store.alerts(monitor: nil, openOnly: false, limit: 10).isEmpty)
        await #expect(throws: CairnError.notFound("Monitor 'm' does not exist")) { try await store.appendRun(Self.run("r4", time: 40)) }
    }

    @Test(arguments: StoreBackend.allCases)
    func oneAlertStaysOpenPerMonitorUntilResolved(backend: StoreBackend) async throws {
        let store = try await TestStores.store(backend)
        try await store.createMonitor(try Self.monitor("m"))
        // Given an open alert, a second one for the same monitor is refused
        #expect(try await store.openAlert(Self.alert("a1", at: 10)))
        #expect(try await !store.openAlert(Self.alert("a2", at: 20)))
        #expect(try await !store.openAlert(Self.alert("a3", monitor: "gone", at: 20)))
        // When it is resolved
        let resolved = try #require(try await store.resolveAlert(monitor: "m", by: "run-9", at: 40))
        #expect(resolved.id == "a1" && resolved.status == .resolved && resolved.resolvedAt == 40 && resolved.resolvedBy == "run-9")
        #expect(try await store.resolveAlert(monitor: "m", by: "run-10", at: 50) == nil)
        // Then a new one may open, and the history lists both, newest first
        #expect(try await store.openAlert(Self.alert("a4", at: 60)))
        #expect(try await store.alerts(monitor: "m", openOnly: false, limit: 10).map(\.id) == ["a4", "a1"])
        #expect(try await store.alerts(monitor: nil, openOnly: true, limit: 10).map(\.id) == ["a4"])
        // And a resolved alert with real millisecond timestamps (as `cairn migrate` copies one) is stored as is
        let copied = Alert(
            id: "a0", monitor: "m", deployment: "d", status: .resolved, openedAt: 1_700_000_000_000, openedBy: "run-0",
            resolvedAt: 1_700_000_060_000, resolvedBy: "run-1", summary: "accuracy low")
        #expect(try await store.openAlert(copied))
        #expect(try await store.alerts(monitor: "m", openOnly: false, limit: 10).first { $0.id == "a0" } == copied)

        let attempts = (1...2).map {
            WebhookDelivery(alertID: "a4", url: "http://127.0.0.1:9/hook", event: "opened", attempt: $0, time: Int64(60 + $0), statusCode: $0 == 1 ? nil : 200, error: $0 == 1 ? "connection refused" : nil)
        }
        for attempt in attempts.reversed() { try await store.recordDelivery(attempt) }
        try await store.recordDelivery(WebhookDelivery(alertID: "nope", url: "u", event: "opened", attempt: 1, time: 1, statusCode: nil, error: nil))
        let a1Attempt = WebhookDelivery(alertID: "a1", url: "http://h/x", event: "resolved", attempt: 1, time: 45, statusCode: 500, error: "HTTP 500")
        try await store.recordDelivery(a1Attempt)
        // Then one query gives every alert's attempts, oldest first, and nothing for an unknown alert
        let found = try await store.deliveries(alertIDs: ["a4", "a1", "nope"])
        #expect(found["a4"] == attempts)
        #expect(found["a1"] == [a1Attempt])
        #expect(found["nope"] == nil && found.count == 2)
        #expect(try await store.deliveries(alertIDs: []).isEmpty)
    }

    @Test(arguments: StoreBackend.allCases)
    func ofTwoConcurrentClaimersExactlyOneGetsTheLease(backend: StoreBackend) async throws {
        let store = try await TestStores.store(backend)
        for round in 0..<10 {
            // When two replicas claim a free lease at the same moment
            let winners = try await withThrowingTaskGroup(of: String?.self) { group in
                for holder in ["replica-a", "replica-b"] {
                    group.addTask { try await store.claimLease("monitor/m\(round)", holder: holder, now: 1_000, expiresAt: 2_000) ? holder : nil }
                }
                return try await group.reduce(into: []) { $0.append($1) }.compactMap { $0 }
            }
            // Then exactly one holds it
            #expect(winners.count == 1, "round \(round): \(winners)")
        }
        // The holder renews it; another replica gets it only once it expired or was released
        #expect(try await store.claimLease("l", holder: "a", now: 1_000, expiresAt: 2_000))
        #expect(try await store.claimLease("l", holder: "a", now: 1_500, expiresAt: 2_500))
        #expect(try await !store.claimLease("l", holder: "b", now: 2_499, expiresAt: 3_000))
        #expect(try await store.claimLease("l", holder: "b", now: 2_500, expiresAt: 3_500))
        try await store.releaseLease("l", holder: "a")
        #expect(try await !store.claimLease("l", holder: "a", now: 2_600, expiresAt: 3_600))
        try await store.releaseLease("l", holder: "b")
        #expect(try await store.claimLease("l", holder: "a", now: 2_700, expiresAt: 3_700))
    }
}
