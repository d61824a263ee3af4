import CairnCore
import CairnRegistry
import CairnStore
import CairnTesting
import CairnTracking
import Testing

/// What every backend guarantees to writers racing each other (on PostgreSQL, over several pooled connections,
/// as several replicas would).
struct ConcurrencyContractTests {
    @Test(arguments: StoreBackend.allCases)
    func sameExperimentNameAtOnceHasExactlyOneWinner(backend: StoreBackend) async throws {
        let store = try await TestStores.store(backend)
        // When eight writers create the same name at once
        let outcomes = try await withThrowingTaskGroup(of: Result<String, CairnError>.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    do {
                        return .success(
                            try await store.createExperiment(name: "shared", artifactLocation: nil, defaultArtifactRoot: "r", tags: [], now: 1))
                    } catch let error as CairnError { return .failure(error) }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        // Then one wins and every other is told the name exists
        #expect(outcomes.filter { if case .success = $0 { true } else { false } }.count == 1)
        for case .failure(let error) in outcomes {
            #expect(error == CairnError.alreadyExists("Experiment 'shared' already exists."))
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func distinctExperimentsAtOnceGetDistinctIDs(backend: StoreBackend) async throws {
        let store = try await TestStores.store(backend)
        let ids = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<12 {
                group.addTask {
                    try await store.createExperiment(name: "e\(index)", artifactLocation: nil, defaultArtifactRoot: "r", tags: [], now: 1)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(Set(ids) == Set((1...12).map(String.init)))
    }

    @Test(arguments: StoreBackend.allCases)
    func concurrentRegistrationsGetGaplessUniqueVersions(backend: StoreBackend) async throws {
        let store = try await TestStores.store(backend)
        try await store.createRegisteredModel(RegisteredModel(name: "m", creationTimestamp: 1, lastUpdatedTimestamp: 1))
        // When twenty versions of one model are registered at once
        let versions = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    try await store.createModelVersion(
                        ModelVersion(name: "m", version: 0, creationTimestamp: 2, lastUpdatedTimestamp: 2, source: "s", storageLocation: "l")
                    ).version
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        // Then they are numbered 1…20, each once
        #expect(versions.sorted() == Array(1...20))
    }

    @Test(arguments: StoreBackend.allCases)
    func concurrentBatchesToOneRunLoseNothing(backend: StoreBackend) async throws {
        let store = try await TestStores.store(backend)
        try await store.ensureDefaultExperiment(artifactLocation: "r/0", now: 0)
        try await store.createRun(Fixtures.run(id: "run1", experimentID: "0"))
        // When ten writers log fifty steps each, the same param and each its own tag, at once
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<10 {
                group.addTask {
                    let metrics = (0..<50).map { Fixtures.metric("loss", Double(writer), step: Int64(writer * 50 + $0), timestamp: 1) }
                    try await store.logBatch(
                        runID: "run1", metrics: metrics, params: [KeyValue(key: "lr", value: "0.1")],
                        tags: [KeyValue(key: "writer\(writer)", value: "done")])
                }
            }
            try await group.waitForAll()
        }
        // Then every value, the param and every tag are there, and the latest value is the greatest step's
        #expect(try await store.metricHistory(runID: "run1", key: "loss", offset: 0, limit: 1000).count == 500)
        let run = try #require(try await store.run(id: "run1"))
        #expect(run.params == [KeyValue(key: "lr", value: "0.1")])
        #expect(Set(run.tags.map(\.key)).isSuperset(of: (0..<10).map { "writer\($0)" }))
        #expect(run.metrics.first?.step == 499)
    }
}
