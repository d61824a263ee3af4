import ArgumentParser
import CairnCore
import CairnRegistry
import CairnServing
import CairnStore
import CairnTesting
import CairnTracking
import Foundation
import Testing

@testable import CairnCLI

/// `cairn migrate`: an embedded `.cairn` store copied into an empty store of each backend, ids and all.
struct MigrateCommandTests {
    /// Where a migration test writes: a fresh SQLite file or a fresh PostgreSQL schema.
    private func emptyTarget(_ backend: StoreBackend) throws -> String {
        switch backend {
        case .sqlite: return try TestStores.temporaryDirectory().appendingPathComponent("target.db").path
        case .postgres: return try TestStores.postgresURL() + "?schema=migrate_" + UUID().uuidString.prefix(8).lowercased()
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func migrateCopiesMetadataWithIdsAndArtifacts(backend: StoreBackend) async throws {
        // Given an embedded store with a deleted experiment, a run with values, a model with an alias, and an artifact
        let source = try TestStores.temporaryDirectory()
        let local = try await LocalBackend(
            storePath: source.appendingPathComponent("cairn.db").path, artifactsPath: source.appendingPathComponent("artifacts").path)
        _ = try await local.tracking.createExperiment(name: "gone", artifactLocation: nil, tags: [])
        try await local.tracking.deleteExperiment(id: "1")
        let experiment = try await local.tracking.createExperiment(name: "churn", artifactLocation: nil, tags: [KeyValue(key: "team", value: "a")])
        let run = try await local.tracking.createRun(experimentID: experiment, userID: "ana", runName: "first", startTime: 1234, tags: [])
        try await local.tracking.logBatch(
            runID: run.info.runID, metrics: [Metric(key: "auc", value: 0.9, timestamp: 5, step: 3)],
            params: [KeyValue(key: "depth", value: "4")], tags: [])
        _ = try await local.registry.createModel(name: "churn-model", description: "d", tags: [])
        for _ in 0..<2 {
            _ = try await local.registry.createVersion(
                name: "churn-model", source: "runs:/\(run.info.runID)/model", runID: run.info.runID, modelID: nil, description: nil,
                runLink: nil, tags: [])
        }
        try await local.registry.setAlias(name: "churn-model", alias: "champion", version: "2")
        let artifact = source.appendingPathComponent("artifacts/\(experiment)/\(run.info.runID)/artifacts/notes.txt")
        try FileManager.default.createDirectory(at: artifact.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("hello".utf8).write(to: artifact)
        // and a deployment with a logged prediction and its label
        let serving = try SQLiteStore(path: source.appendingPathComponent("cairn.db").path)
        try await serving.createDeployment(Deployment(
            name: "churn", spec: .init(routes: [.init(model: "models:/churn-model@champion", weight: 1)]), creationTime: 7, lastUpdateTime: 8))
        try await serving.appendPredictions([PredictionRecord(
            requestID: "req-1", deployment: "churn", model: "churn-model", version: "2", inputs: #"{"x":[1]}"#,
            outputs: #"{"label":["1"]}"#, latencyMicros: 120, time: 9)])
        #expect(try await serving.recordLabel(deployment: "churn", requestID: "req-1", label: "1", time: 10))

        // When it is migrated
        let target = try emptyTarget(backend)
        let artifactsTarget = try TestStores.temporaryDirectory()
        try await runCairn(["migrate", "--from", source.path, "--to", target, "--artifacts-to", artifactsTarget.path])

        // Then the target holds the same ids, timestamps, values, versions and alias, and the artifact file
        let moved = try await LocalBackend(storePath: target, artifactsPath: artifactsTarget.path)
        #expect(try await moved.tracking.experiment(id: "1").lifecycleStage == .deleted)
        #expect(try await moved.tracking.experiment(named: "churn").id == experiment)
        let copied = try await moved.tracking.run(id: run.info.runID)
        #expect(copied.info.startTime == 1234)
        #expect(copied.info.runName == "first")
        #expect(copied.metrics.map(\.value) == [0.9])
        #expect(copied.params == [KeyValue(key: "depth", value: "4")])
        #expect(try await moved.registry.version(name: "churn-model", alias: "champion").version == 2)
        let data = try Data(contentsOf: artifactsTarget.appendingPathComponent("\(experiment)/\(run.info.runID)/artifacts/notes.txt"))
        #expect(String(decoding: data, as: UTF8.self) == "hello")
        // And the deployment, its prediction log and the label
        #expect(try await moved.store.deployment(named: "churn")?.spec.routes.first?.model == "models:/churn-model@champion")
        #expect(try await moved.store.predictions(deployment: "churn", limit: 10).map(\.requestID) == ["req-1"])
        #expect(try await moved.store.label(requestID: "req-1") == "1")
        // And a new experiment continues after the copied ids
        #expect(try await moved.tracking.createExperiment(name: "next", artifactLocation: nil, tags: []) == "3")

        // And a second migration into the now non-empty target is refused
        await #expect(throws: ExitCode(1)) { try await runCairn(["migrate", "--from", source.path, "--to", target]) }
    }

    @Test func aMissingSourceExitsWithNotFoundCode() async throws {
        let missing = try TestStores.temporaryDirectory().appendingPathComponent("nothing").path
        let target = try TestStores.temporaryDirectory().appendingPathComponent("t.db").path
        await #expect(throws: ExitCode(3)) { try await runCairn(["migrate", "--from", missing, "--to", target]) }
    }
}
