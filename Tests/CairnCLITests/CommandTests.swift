import ArgumentParser
import CairnRegistry
import CairnTesting
import CairnTracking
import Testing

@testable import CairnCLI

/// The tracking commands against a local store: they change what they say and fail with the documented codes.
struct CommandTests {
    @Test func experimentsCreateAndDeleteChangeTheStore() async throws {
        let path = try TestStores.temporaryDirectory().appendingPathComponent("cairn.db").path
        try await runCairn(["experiments", "create", "churn", "--store", path])
        let backend = try await LocalBackend(storePath: path)
        let experiment = try await backend.tracking.experiment(named: "churn")
        #expect(experiment.lifecycleStage == .active)
        try await runCairn(["experiments", "delete", experiment.id, "--store", path, "--json"])
        #expect(try await backend.tracking.experiment(named: "churn").lifecycleStage == .deleted)
    }

    @Test func aMissingExperimentExitsWithNotFoundCode() async throws {
        let path = try TestStores.temporaryDirectory().appendingPathComponent("cairn.db").path
        await #expect(throws: ExitCode(3)) { try await runCairn(["experiments", "delete", "42", "--store", path]) }
        await #expect(throws: ExitCode(2)) { try await runCairn(["runs", "search", "--filter", "metrics.a > 1 OR metrics.b > 1", "--store", path]) }
    }

    @Test func aliasCommandsMoveAndRemoveAliases() async throws {
        let path = try TestStores.temporaryDirectory().appendingPathComponent("cairn.db").path
        let backend = try await LocalBackend(storePath: path)
        _ = try await backend.registry.createModel(name: "m", description: nil, tags: [])
        for _ in 0..<2 {
            _ = try await backend.registry.createVersion(
                name: "m", source: "s3://bucket/model", runID: nil, modelID: nil, description: nil, runLink: nil, tags: [])
        }
        try await runCairn(["models", "alias", "set", "m", "champion", "2", "--store", path])
        #expect(try await backend.registry.version(name: "m", alias: "champion").version == 2)
        try await runCairn(["models", "alias", "delete", "m", "champion", "--store", path])
        await #expect(throws: (any Error).self) { _ = try await backend.registry.version(name: "m", alias: "champion") }
        await #expect(throws: ExitCode(2)) { try await runCairn(["models", "alias", "set", "m", "latest", "1", "--store", path]) }
    }

    @Test func anInvalidTrackingURIIsAUsageError() async throws {
        await #expect(throws: (any Error).self) { try await runCairn(["experiments", "list", "--tracking-uri", "ftp://x"]) }
    }
}
