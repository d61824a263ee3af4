import CairnServer
import CairnTesting
import CairnCore
import CairnTracking
import Foundation
import Hummingbird
import HummingbirdTesting
import Prometheus
import Testing

@testable import CairnCLI

/// The tracking commands against a live server over MLflow's REST API (`--tracking-uri`).
struct RemoteBackendTests {
    @Test func commandsWorkAgainstAServerAsAgainstTheLocalStore() async throws {
        let store = try await TestStores.store(.sqlite)
        let tracking = TrackingService(experiments: store, runs: store)
        try await tracking.bootstrap()
        let router = CairnApplication.makeRouter(
            store: store, artifacts: try TestStores.artifacts(), configuration: ServerConfiguration(),
            metrics: PrometheusCollectorRegistry())
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let backend = RemoteBackend(baseURL: URL(string: "http://127.0.0.1:\(port)")!)
            let id = try await backend.createExperiment(name: "remote", artifactLocation: nil)
            #expect(try await tracking.experiment(named: "remote").id == id)
            #expect(try await backend.experimentID(named: "remote") == id)
            #expect(try await backend.searchExperiments(filter: "name = 'remote'", viewType: "active", maxResults: 10).map(\.name) == ["remote"])
            let run = try await tracking.createRun(experimentID: id, userID: nil, runName: "r", startTime: nil, tags: [])
            try await tracking.logMetric(runID: run.info.runID, metric: Metric(key: "auc", value: 0.9, timestamp: 1, step: 0))
            let found = try await backend.searchRuns(
                experimentIDs: [id], filter: "metrics.auc > 0.5", orderBy: ["metrics.auc DESC"], viewType: "active", maxResults: 10)
            #expect(found.map(\.info.run_id) == [run.info.runID])
            await #expect(throws: CairnError.notFound("Run with id=nope not found")) { _ = try await backend.run(id: "nope") }
            try await backend.uploadArtifact(artifactURI: "mlflow-artifacts:/\(id)/model", name: "weights/a b.bin", data: Data([1, 2, 3]))
            try await backend.uploadArtifact(artifactURI: "mlflow-artifacts:/\(id)/model", name: "MLmodel", data: Data("flavors: {}".utf8))
            let copy = try await backend.localCopy(of: "mlflow-artifacts:/\(id)/model")
            #expect(try Data(contentsOf: copy.appendingPathComponent("weights/a b.bin")) == Data([1, 2, 3]))
            #expect(try String(contentsOf: copy.appendingPathComponent("MLmodel"), encoding: .utf8) == "flavors: {}")
            await #expect(throws: CairnError.notFound("No artifacts at '\(id)/absent'")) {
                _ = try await backend.localCopy(of: "mlflow-artifacts:/\(id)/absent")
            }
            try await backend.deleteExperiment(id: id)
            #expect(try await tracking.experiment(id: id).lifecycleStage == .deleted)
        }
    }

    @Test func aServerThatCannotBeReachedFailsTheCommandAtOnce() async throws {
        // Nothing listens on port 1 of the loopback: the connection is refused, and not retried for the hour an
        // exchange may take.
        let backend = RemoteBackend(baseURL: URL(string: "http://127.0.0.1:1")!)
        await #expect(throws: CairnError(.unavailable, "Cannot reach the tracking server at http://127.0.0.1:1: Connection refused")) {
            _ = try await backend.experimentID(named: "any")
        }
    }
}
