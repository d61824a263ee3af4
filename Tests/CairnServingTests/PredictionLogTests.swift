import CairnCore
import CairnML
import CairnServing
import CairnTesting
import Foundation
import Testing

/// The prediction log's loss bound: what is not flushed is what a crash loses, and the buffer is bounded.
struct PredictionLogTests {
    static func deploy(_ store: some DeploymentStore & PredictionSink, log: PredictionLog) async throws -> (any InferenceEndpoint) {
        let model = try ModelFixtures.directory(with: try ModelFixtures.classifier())
        let host = DeploymentHost(source: NoModelSource(), loader: NativePredictorLoader(), shadows: ShadowDispatcher(), log: log)
        let service = DeploymentService(store: store, host: host)
        _ = try await service.create(name: "d", spec: .init(routes: [.init(model: model.path, weight: 1)]))
        return try #require(await host.endpoint(named: "d"))
    }

    static func request(_ id: String) -> InferenceRequest {
        InferenceRequest(id: id, input: .columns(["x": [.number(1)], "y": [.number(2)], "color": [.text("red")]]))
    }

    @Test func predictionsReachTheStoreOnlyWhenFlushed() async throws {
        let store = try TestStores.store(.sqlite)
        let log = PredictionLog(sink: store)
        let endpoint = try await Self.deploy(store, log: log)
        for index in 0..<7 { _ = try await endpoint.infer(Self.request("r\(index)")) }
        #expect(try await store.predictions(deployment: "d", limit: 100).isEmpty, "a crash now loses the 7 buffered predictions")
        try await log.flush()
        #expect(try await store.predictions(deployment: "d", limit: 100).count == 7)
        try await log.flush()
        #expect(try await store.predictions(deployment: "d", limit: 100).count == 7)
    }

    @Test func aFullBufferDropsAndCountsInsteadOfWaiting() async throws {
        let store = try TestStores.store(.sqlite)
        let log = PredictionLog(sink: store, configuration: .init(capacity: 3))
        let endpoint = try await Self.deploy(store, log: log)
        for index in 0..<5 { _ = try await endpoint.infer(Self.request("r\(index)")) }
        #expect(log.dropped == 2)
        try await log.flush()
        #expect(try await store.predictions(deployment: "d", limit: 100).map(\.requestID).sorted() == ["r0", "r1", "r2"])
    }
}

/// Deployments of paths need no registry.
struct NoModelSource: ModelSource {
    func runArtifactLocation(runID: String) async throws -> String { throw CairnError.notFound("no runs") }
    func loggedModelLocation(id: String) async throws -> String { throw CairnError.notFound("no logged models") }
    func registeredVersion(name: String, selector: ModelSelector) async throws -> RegisteredLocation { throw CairnError.notFound("no registry") }
    func localCopy(of location: String) async throws -> URL { URL(fileURLWithPath: location) }
}
