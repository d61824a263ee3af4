import CairnCore
import CairnServing
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

    /// A store with deployment `d`, a clock at 1,000,000 ms, and `count` replicas' monitor services on them.
    private static func replicas(_ count: Int, backend: StoreBackend) async throws -> (store: any MetadataStore, clock: TestClock, services: [MonitorService]) {
        let store = try await TestStores.store(backend)
        try await store.createDeployment(ServingStoreContractTests.deployment("d"))
        let clock = TestClock(1_000_000)
        return (store, clock, (0..<count).map { _ in MonitorService(store: store, alerts: store, log: store, clock: clock) })
    }

    /// A monitor of `d` every 15 minutes checking accuracy over `window`.
    private static func quarterHourly(window: String) throws -> MonitorSpec {
        MonitorSpec(deployment: "d", window: try TimeWindow(window), schedule: try TimeWindow("15m"), performance: [.init(metric: "accuracy", min: 0.5)])
    }

    @Test(arguments: StoreBackend.allCases)
    func onlyScheduledMonitorsPastTheirDueTimeAreDue(backend: StoreBackend) async throws {
        let (store, _, replicas) = try await Self.replicas(1, backend: backend)
        // Given two quarter-hourly monitors, one moved to a later due time, and one run only on demand
        _ = try await replicas[0].create(name: "b", spec: try Self.quarterHourly(window: "1h"))
        _ = try await replicas[0].create(name: "a", spec: try Self.quarterHourly(window: "1h"))
        try await store.setNextRun(monitor: "a", at: 2_700_000)
        _ = try await replicas[0].create(name: "c", spec: MonitorSpec(deployment: "d", window: try TimeWindow("1h"), performance: [.init(metric: "accuracy", min: 0.5)]))
        // Then before the first due time none is due, at it only "b", and later both scheduled ones by name
        #expect(try await store.dueMonitors(at: 1_799_999).isEmpty)
        #expect(try await store.dueMonitors(at: 1_800_000) == ["b"])
        #expect(try await store.dueMonitors(at: 9_000_000) == ["a", "b"])
    }

    @Test(arguments: StoreBackend.allCases)
    func everyDueCheckRunsOnceAcrossThreeReplicas(backend: StoreBackend) async throws {
        let (store, clock, replicas) = try await Self.replicas(3, backend: backend)
        // Given a monitor scheduled every 15 minutes, first due at the next quarter hour (1,800,000 ms)
        let monitor = try await replicas[0].create(name: "m", spec: try Self.quarterHourly(window: "1h"))
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
    func afterDowntimeEachMissedDueTimeRunsOnItsOwnWindowInTimeOrder(backend: StoreBackend) async throws {
        let (store, clock, replicas) = try await Self.replicas(2, backend: backend)
        // Given a monitor every 15 minutes on a 15-minute window, first due at 1,800,000 ms, and one logged
        // prediction in the first missed window, two in the second, three in the third
        _ = try await replicas[0].create(name: "m", spec: try Self.quarterHourly(window: "15m"))
        let times: [Int64] = [1_000_000, 2_000_000, 2_100_000, 2_800_000, 2_900_000, 3_000_000]
        try await store.appendPredictions(times.enumerated().map { index, time in
            PredictionRecord(
                requestID: "r\(index)", deployment: "d", model: "m", version: "1", inputs: #"{"x":[1]}"#,
                outputs: #"{"prediction":[1]}"#, latencyMicros: 10, time: time)
        })

        // When the server comes back just after the fourth due time and two replicas look at once
        clock.now.withLock { $0 = 1_800_000 + 3 * 900_000 + 7 }
        let ran = try await withThrowingTaskGroup(of: [MonitorRun].self) { group in
            for (index, replica) in replicas.enumerated() {
                group.addTask { try await replica.runDue(holder: "replica-\(index)").runs }
            }
            return try await group.reduce([], +)
        }

        // Then one replica ran each missed due time once, oldest first, each on its own window
        #expect(ran.map(\.windowEnd) == [1_800_000, 2_700_000, 3_600_000, 4_500_000])
        #expect(ran.map(\.windowStart) == [900_000, 1_800_000, 2_700_000, 3_600_000])
        #expect(ran.map(\.rows) == [1, 2, 3, 0])
        #expect(try await store.monitor(named: "m")?.nextRun == 5_400_000)
        // And the stored history, newest first, lists them in window order although they ran at one fixed clock time
        #expect(try await store.runs(monitor: "m", limit: 100).map(\.windowEnd) == [4_500_000, 3_600_000, 2_700_000, 1_800_000])
    }

    @Test(arguments: StoreBackend.allCases)
    func aLongDowntimeCatchesUpOnlyTheLatestDueTimes(backend: StoreBackend) async throws {
        let (store, clock, replicas) = try await Self.replicas(1, backend: backend)
        let service = replicas[0]
        _ = try await service.create(name: "m", spec: try Self.quarterHourly(window: "1h"))

        // When 30 due times passed while no replica ran
        clock.now.withLock { $0 = 1_800_000 + 29 * 900_000 + 1 }
        let outcome = try await service.runDue(holder: "a")

        // Then the latest 24 ran, oldest first, and the 6 before them are reported as not run
        let expected = (6..<30).map { 1_800_000 + Int64($0) * 900_000 }
        #expect(outcome.runs.map(\.windowEnd) == expected)
        #expect(outcome.notRun.map(\.monitor) == ["m"] && outcome.notRun.map(\.count) == [6])
        #expect(try await store.monitor(named: "m")?.nextRun == 1_800_000 + 30 * 900_000)
        #expect(try await service.runDue(holder: "a").runs.isEmpty, "nothing due until the next quarter hour")
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
