import CairnCore
import CairnServing
import CairnTesting
import Testing

/// The `DeploymentStore` and `PredictionSink` contracts, run against every backend.
struct ServingStoreContractTests {
    static func deployment(_ name: String, weight: Double = 1) -> Deployment {
        Deployment(
            name: name, spec: .init(routes: [.init(model: "models:/m/1", weight: weight)], stickyKey: .header("X-User")),
            creationTime: 1, lastUpdateTime: 1)
    }

    @Test(arguments: StoreBackend.allCases)
    func deploymentsRoundTripAndRejectTakenNames(backend: StoreBackend) async throws {
        let store = try TestStores.store(backend)
        try await store.createDeployment(Self.deployment("b"))
        try await store.createDeployment(Self.deployment("a"))
        #expect(try await store.deployment(named: "b") == Self.deployment("b"))
        #expect(try await store.deployments().map(\.name) == ["a", "b"])
        await #expect(throws: CairnError.alreadyExists("Deployment 'a' already exists")) { try await store.createDeployment(Self.deployment("a")) }
        #expect(try await store.deleteDeployment(named: "a"))
        #expect(try await !store.deleteDeployment(named: "a"))
        #expect(try await store.deployment(named: "a") == nil)
    }

    @Test(arguments: StoreBackend.allCases)
    func replaceIsACompareAndSwapOnTheRevision(backend: StoreBackend) async throws {
        let store = try TestStores.store(backend)
        try await store.createDeployment(Self.deployment("d"))
        var next = Self.deployment("d", weight: 5)
        next.previous = Self.deployment("d").spec
        next.revision = 2
        try await store.replaceDeployment(next, expectedRevision: 1)
        #expect(try await store.deployment(named: "d") == next)
        await #expect(throws: CairnError.self) { try await store.replaceDeployment(next, expectedRevision: 1) }
        await #expect(throws: CairnError.notFound("Deployment 'x' does not exist")) {
            try await store.replaceDeployment(Self.deployment("x"), expectedRevision: 1)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func predictionsAppendOnceAndTakeLabels(backend: StoreBackend) async throws {
        let store = try TestStores.store(backend)
        let records = (0..<3).map {
            PredictionRecord(
                requestID: "r\($0)", deployment: "d", model: "m", version: "1", inputs: #"{"x":[1]}"#, outputs: #"{"prediction":[2]}"#,
                latencyMicros: 10, time: Int64($0))
        }
        try await store.appendPredictions(records)
        try await store.appendPredictions(records)
        #expect(try await store.predictions(deployment: "d", limit: 10).map(\.requestID) == ["r2", "r1", "r0"])
        #expect(try await store.predictions(deployment: "d", limit: 1) == [records[2]])
        #expect(try await store.recordLabel(deployment: "d", requestID: "r1", label: "1", time: 5))
        #expect(try await store.recordLabel(deployment: "d", requestID: "r1", label: "0", time: 6))
        #expect(try await store.label(requestID: "r1") == "0")
        #expect(try await !store.recordLabel(deployment: "other", requestID: "r1", label: "1", time: 7))
        #expect(try await !store.recordLabel(deployment: "d", requestID: "nope", label: "1", time: 7))
    }
}
