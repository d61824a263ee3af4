import CairnCore
import CairnStore
import CairnTesting
import Synchronization
import Testing

@testable import CairnMonitoring

/// Scheduled monitors on a shared store: of several replicas, exactly one runs each due check.
struct MonitorSchedulingTests {
    /// A clock the test moves.
    final class TestClock: WallClock {
        let now: Mutex<Int64>
        init(_ now: Int64) { self.now = Mutex(now) }
        func nowMillis() -> Int64 { now.withLock { $0 } }
    }

    @Test(arguments: StoreBackend.allCases)
    func everyDueCheckRunsOnceAcrossThreeReplicas(backend: StoreBackend) async throws {
        let store = try await TestStores.store(backend)
        try await store.createDeployment(ServingStoreContractTests.deployment("d"))
        let clock = TestClock(1_000_000)
        let replicas = (0..<3).map { _ in MonitorService(store: store, alerts: store, log: store, clock: clock) }
        // Given a monitor scheduled every 15 minutes, first due at the next quarter hour (1,800,000 ms)
        let spec = MonitorSpec(
            deployment: "d", window: try TimeWindow("1h"), schedule: try TimeWindow("15m"), performance: [.init(metric: "accuracy", min: 0.5)])
        let monitor = try await replicas[0].create(name: "m", spec: spec)
        #expect(monitor.nextRun == 1_800_000)
        #expect(try await replicas[1].runDue(holder: "early").runs.isEmpty, "not due yet")

        for round in 0..<4 {
            // When three replicas look for due monitors at once, past the due time
            clock.now.withLock { $0 = 1_800_000 + Int64(round) * 900_000 + 7 }
            let ran = try await withThrowingTaskGroup(of: Int.self) { group in
                for (index, replica) in replicas.enumerated() {
                    group.addTask { try await replica.runDue(holder: "replica-\(index)").runs.count }
                }
                return try await group.reduce(0, +)
            }
            // Then exactly one ran it, on the window ending at the due time, and the next run is a quarter later
            #expect(ran == 1, "round \(round)")
            let latest = try #require(try await store.runs(monitor: "m", limit: 1).first)
            #expect(latest.trigger == .schedule && latest.windowEnd == 1_800_000 + Int64(round) * 900_000)
            #expect(latest.status == .skipped, "no predictions: skipped, never a silent pass")
            #expect(try await store.monitor(named: "m")?.nextRun == 2_700_000 + Int64(round) * 900_000)
        }
        #expect(try await store.runs(monitor: "m", limit: 100).count == 4)
    }

    @Test(arguments: StoreBackend.allCases)
    func aLongRunKeepsItsLeaseAndLosesItWhenDone(backend: StoreBackend) async throws {
        let store = try await TestStores.store(backend)
        let service = MonitorService(store: store, alerts: store, log: store)
        let clock = SystemClock()
        let start = clock.nowMillis()
        #expect(try await store.claimLease("monitor/long", holder: "a", now: start, expiresAt: start + 2_000))
        // While a run takes two and a half lease lengths, the lease is renewed and no other replica gets it
        try await service.holding("monitor/long", holder: "a", duration: 2_000) {
            try await Task.sleep(for: .milliseconds(5_000))
            let later = clock.nowMillis()
            #expect(try await !store.claimLease("monitor/long", holder: "b", now: later, expiresAt: later + 2_000))
        }
        // Once it is done the renewals stop, and the lease is free after it expires
        try await Task.sleep(for: .milliseconds(2_500))
        let after = clock.nowMillis()
        #expect(try await store.claimLease("monitor/long", holder: "b", now: after, expiresAt: after + 2_000))
    }
}
