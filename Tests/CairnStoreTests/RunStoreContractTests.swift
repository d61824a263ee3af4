import CairnCore
import CairnStore
import CairnTesting
import CairnTracking
import Testing

/// The `RunStore` contract, run against every backend.
struct RunStoreContractTests {
    private func storeWithRun(_ backend: StoreBackend) async throws -> any MetadataStore {
        let store = try await TestStores.store(backend)
        try await store.ensureDefaultExperiment(artifactLocation: "r/0", now: 0)
        try await store.createRun(Fixtures.run(id: "run1", experimentID: "0"))
        return store
    }

    @Test(arguments: StoreBackend.allCases)
    func latestMetricIsGreatestStepThenTimestampThenValue(backend: StoreBackend) async throws {
        let store = try await storeWithRun(backend)
        try await store.logBatch(
            runID: "run1",
            metrics: [Fixtures.metric("m", 5, step: 2, timestamp: 1), Fixtures.metric("m", 1, step: 3, timestamp: 0), Fixtures.metric("m", 9, step: 1, timestamp: 9)],
            params: [], tags: [])
        try await store.logBatch(runID: "run1", metrics: [Fixtures.metric("m", 7, step: 3, timestamp: 0)], params: [], tags: [])
        try await store.logBatch(runID: "run1", metrics: [Fixtures.metric("m", 0, step: 0, timestamp: 100)], params: [], tags: [])
        let run = try #require(try await store.run(id: "run1"))
        #expect(run.metrics.map(\.value) == [7])
        #expect(try await store.metricHistory(runID: "run1", key: "m", offset: 0, limit: 100).count == 5)
    }

    @Test(arguments: StoreBackend.allCases)
    func exactDuplicateMetricValuesAreStoredOnce(backend: StoreBackend) async throws {
        let store = try await storeWithRun(backend)
        let metric = Fixtures.metric("loss", 0.25, step: 1, timestamp: 10)
        try await store.logBatch(runID: "run1", metrics: [metric, metric], params: [], tags: [])
        try await store.logBatch(runID: "run1", metrics: [metric], params: [], tags: [])
        #expect(try await store.metricHistory(runID: "run1", key: "loss", offset: 0, limit: 100).count == 1)
    }

    @Test(arguments: StoreBackend.allCases)
    func nanMetricRoundTrips(backend: StoreBackend) async throws {
        let store = try await storeWithRun(backend)
        try await store.logBatch(runID: "run1", metrics: [Fixtures.metric("n", .nan)], params: [], tags: [])
        let value = try #require(try await store.run(id: "run1")?.metrics.first?.value)
        #expect(value.isNaN)
    }

    @Test(arguments: StoreBackend.allCases)
    func changingAParamFailsAndWritesNothingOfTheBatch(backend: StoreBackend) async throws {
        let store = try await storeWithRun(backend)
        try await store.logBatch(runID: "run1", metrics: [], params: [KeyValue(key: "p", value: "1")], tags: [])
        await #expect(throws: CairnError.self) {
            try await store.logBatch(
                runID: "run1", metrics: [Fixtures.metric("m", 1)], params: [KeyValue(key: "p", value: "2")],
                tags: [KeyValue(key: "t", value: "v")])
        }
        let run = try #require(try await store.run(id: "run1"))
        #expect(run.params == [KeyValue(key: "p", value: "1")])
        #expect(run.metrics.isEmpty)
        #expect(!run.tags.contains(KeyValue(key: "t", value: "v")))
        try await store.logBatch(runID: "run1", metrics: [], params: [KeyValue(key: "p", value: "1")], tags: [])
    }

    @Test(arguments: StoreBackend.allCases)
    func runNameTagRenamesTheRun(backend: StoreBackend) async throws {
        let store = try await storeWithRun(backend)
        try await store.logBatch(runID: "run1", metrics: [], params: [], tags: [KeyValue(key: RunTags.runName, value: "renamed")])
        #expect(try await store.run(id: "run1")?.info.runName == "renamed")
        try await store.updateRun(id: "run1", status: .finished, endTime: 99, runName: "again")
        let run = try #require(try await store.run(id: "run1"))
        #expect(run.info.runName == "again")
        #expect(run.info.status == .finished)
        #expect(run.info.endTime == 99)
    }

    @Test(arguments: StoreBackend.allCases)
    func runStageFollowsDeleteAndRestore(backend: StoreBackend) async throws {
        let store = try await storeWithRun(backend)
        #expect(try await store.runStage(id: "run1") == .active)
        try await store.setRunStage(id: "run1", stage: .deleted)
        #expect(try await store.runStage(id: "run1") == .deleted)
        #expect(try await store.runStage(id: "missing") == nil)
    }

    @Test(arguments: StoreBackend.allCases)
    func deleteTagReportsWhetherItExisted(backend: StoreBackend) async throws {
        let store = try await storeWithRun(backend)
        try await store.logBatch(runID: "run1", metrics: [], params: [], tags: [KeyValue(key: "t", value: "v")])
        #expect(try await store.deleteRunTag(runID: "run1", key: "t"))
        #expect(try await store.deleteRunTag(runID: "run1", key: "t") == false)
    }

    @Test(arguments: StoreBackend.allCases)
    func inputsAndOutputsAreRecordedOnce(backend: StoreBackend) async throws {
        let store = try await storeWithRun(backend)
        let input = DatasetInput(
            dataset: Dataset(name: "d", digest: "abc", sourceType: "local", source: "{}", schema: nil, profile: nil),
            tags: [KeyValue(key: "mlflow.data.context", value: "training")])
        try await store.logInputs(runID: "run1", datasets: [input, input], modelIDs: ["m-1"])
        try await store.logOutputs(runID: "run1", outputs: [ModelOutput(modelID: "m-1", step: 0)])
        let run = try #require(try await store.run(id: "run1"))
        #expect(run.datasetInputs == [input])
        #expect(run.modelInputs == ["m-1"])
        #expect(run.modelOutputs == [ModelOutput(modelID: "m-1", step: 0)])
    }
}
